// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>

namespace Realm::Projects {

// One import or refresh that changed a project.
struct ProjectVersion {
    QString id;
    QString projectId;
    // 1, 2, 3 … as this machine made or received them: for display. Two
    // machines refreshing offline both make a "2"; the server orders them.
    int number = 0;
    QString kind;   // import | refresh | sync (the team's changes, pulled) | resolve (a conflict settled)
    QString sourceCommit;
    qint64 added = 0;
    qint64 changed = 0;
    qint64 removed = 0;
    qint64 createdAt = 0;
    // Who made it on another member's machine, as the server names them;
    // empty: made here (or not yet back from the server).
    QString author;
};

// What a version did to one path: its new content and mode, or removed.
struct VersionChange {
    QString path;
    QByteArray sha256; // empty: removed
    int mode = 0644;

    bool isRemoval() const { return sha256.isEmpty(); }
};

// A project's files at some version: path -> (content hash, mode).
using VersionTree = QMap<QString, QPair<QByteArray, int>>;

// The versions of projects: recorded by the importer in the transaction
// that finishes an import or a changing refresh; read by the Git export and
// analytics. The contents versions refer to are kept until the project is
// purged.
class ProjectHistory final {
public:
    explicit ProjectHistory(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    // Oldest first.
    Result<QList<ProjectVersion>> versions(const QString &projectId) const;
    // In path order.
    Result<QList<VersionChange>> changes(const QString &versionId) const;
    // The paths a version added or changed (not those it removed), one at a
    // time without holding them all; stops at the first error `check` returns.
    Result<void> checkWrittenPaths(const QString &versionId, const std::function<Result<void>(const QString &path)> &check) const;
    // Applies a version's changes to the tree of the version before it.
    static void apply(VersionTree &tree, const QList<VersionChange> &changes);

    // Version 1: every live file of the project.
    static Result<void> recordImport(Storage::Handle db, const QString &projectId, const QString &sourceCommit);
    // The next version: what a refresh changed.
    struct ChangeCounts {
        qint64 added = 0;
        qint64 changed = 0;
        qint64 removed = 0;
    };
    static Result<void> recordRefresh(Storage::Handle db, const QString &projectId, const QString &sourceCommit,
                                      const QList<VersionChange> &changes, const ChangeCounts &counts);
    // What a sync wrote (kind "sync": the team's changes; "resolve": a
    // conflict settled here) as a version of its own, or added to
    // `*versionId` when that names one (a pull's later groups extend its
    // first group's version). Sets `*versionId` to the version written.
    static Result<void> recordWrites(Storage::Handle db, const QString &projectId, const QString &kind,
                                     const QList<VersionChange> &changes, const ChangeCounts &counts, QString *versionId);
    // A project without history but with files (a clone made before pulls
    // were versions) gets a first version holding every file, so that a
    // teammate's version recorded next replays onto it.
    static Result<void> recordBaseline(Storage::Handle db, const QString &projectId);
    // Whether the project has this version.
    static Result<bool> has(Storage::Handle db, const QString &projectId, const QString &versionId);
    // The version that last changed or removed the path; empty: none did.
    static Result<QString> lastVersionOf(Storage::Handle db, const QString &projectId, const QString &path);

private:
    Storage::DatabasePtr m_db;
};

} // namespace Realm::Projects
