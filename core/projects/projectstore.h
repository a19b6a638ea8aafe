// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "projects/project.h"
#include "storage/database.h"

#include <QList>

#include <optional>

namespace Realm::Projects {

struct ProjectFilter {
    enum class Sort { Name, Updated, Size };
    QString text;     // substring of name or description, case-insensitive
    QString tag;      // exact tag
    QString language; // language id of at least one file
    bool trash = false; // list the trash instead of live projects
    Sort sort = Sort::Name;
    bool descending = false;
};

struct ProjectChanges {
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QStringList> tags;
};

// The lock file a running import holds, so that other processes opening the
// workspace do not mistake it for an interrupted one.
QString importLockPath(const QString &workspacePath, const QString &projectId);

// The error for a file whose contents this machine has not downloaded
// (a shared project that downloads them when needed).
Error notDownloaded(const QString &path);

// Projects and their files as stored in the workspace: create, edit, list,
// trash. Every change bumps the row's revision and updated_at so sync can
// find it later. Safe to use from any thread (each uses its own connection).
class ProjectStore final {
public:
    explicit ProjectStore(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    Result<Project> create(const QString &name, const QString &description = {}, const QStringList &tags = {});
    // By exact id or name. Looks in the trash too when `includeTrash`.
    Result<Project> find(const QString &nameOrId, bool includeTrash = false) const;
    Result<QList<Project>> list(const ProjectFilter &filter = {}) const;
    Result<Project> update(const QString &id, const ProjectChanges &changes);

    Result<void> moveToTrash(const QString &id);
    Result<Project> restore(const QString &id);
    // Permanently removes the files of every project in the trash and the
    // contents nobody else uses. Returns the number of projects purged.
    Result<int> emptyTrash();

    Result<QList<ProjectFile>> files(const QString &projectId) const;
    Result<ProjectFile> file(const QString &projectId, const QString &path) const;
    // Fails with NotFound (notDownloaded) when the file is not
    // downloaded (ProjectFile::downloaded).
    Result<QByteArray> content(const ProjectFile &file) const;
    // Language ids with their file counts, most common first.
    Result<QList<QPair<QString, qint64>>> languages(const QString &projectId) const;

    // Removes what an interrupted import left behind (invisible 'importing'
    // rows) and contents no file refers to. Run when a workspace is opened.
    Result<void> recoverInterruptedImports();

    static QString validateName(const QString &name, Error *error);

private:
    Storage::DatabasePtr m_db;
};

} // namespace Realm::Projects
