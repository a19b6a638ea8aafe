// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Realm::Projects {

// A project's source folder kept in step with what sync brings: the file a
// teammate changed is written there too, so the next refresh does not
// take it back. A file edited (or deleted) in the folder since the project
// last saw it is left alone: the refresh sends it as a local change, and
// the server merges it or keeps both sides.
class SourceFolder final {
public:
    // The folder of a project imported from one (or cloned into one);
    // nullopt for projects from archives and Git, and projects without a
    // source. A folder that is gone (moved, unmounted) is still returned:
    // nothing is written to it, and writes report the file as kept.
    static Result<std::optional<SourceFolder>> of(Storage::Handle db, const QString &projectId);
    // The same, but nullopt too when the user keeps the folder as it is
    // (FolderBaseline): what sync writes into a folder, it asks this.
    static Result<std::optional<SourceFolder>> takingPullsOf(Storage::Handle db, const QString &projectId);
    // Makes `folder` (new or empty) the project's source.
    static Result<SourceFolder> attach(Storage::Handle db, const QString &projectId, const QString &folder);

    QString root() const { return m_root; }
    bool exists() const;
    // Whether the folder has a file at `path` (a refresh that left it out
    // did so by its rules, not because it was deleted).
    bool holds(const QString &path) const;

    // Whether the folder's file at `path` still has the stored content
    // (empty: that there is none), where a file can be written: what
    // write() and remove() will then do as asked.
    Result<bool> holdsStored(const QString &path, const QByteArray &stored) const;

    // `stored`: the content the project holds for `path` now (empty: none).
    // Writes `content` when the folder's file still has the stored content
    // (or neither has one). True when the folder has the new content now
    // (written, or there already); false when an edit made in the folder
    // since was kept.
    Result<bool> write(const QString &path, const QByteArray &stored, const QByteArray &content, int mode) const;
    // Removes the file when it still has the stored content. True when the
    // file is gone now; false when an edit made in the folder was kept.
    // What cannot be written as it should (the folder is gone, a symbolic
    // link or a folder is in the way) is kept too: the project stays right,
    // and the folder's file is the local side.
    Result<bool> remove(const QString &path, const QByteArray &stored) const;

private:
    explicit SourceFolder(QString root, bool takesPulls) : m_root(std::move(root)), m_takesPulls(takesPulls) {}
    // The file's absolute path; empty where nothing may be written (the
    // folder is gone, the path would leave it, a symbolic link, a file
    // where a folder should be or a folder where the file should be).
    Result<QString> fileFor(const QString &path) const;
    // The SHA-256 of the folder's file now; empty when there is none.
    Result<QByteArray> currentHash(const QString &file) const;

    QString m_root;
    bool m_takesPulls = true;
};

} // namespace Realm::Projects
