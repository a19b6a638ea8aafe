// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projecthistory.h"

#include "common/clock.h"
#include "common/ids.h"
#include "storage/changecapture.h"
#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Projects {

using Storage::Statement;

namespace {

Result<void> insertVersion(Storage::Handle db, const ProjectVersion &v)
{
    Statement insert(db, "INSERT INTO project_versions (id, project_id, number, kind, source_commit, added, changed, removed, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, v.id);
    insert.bind(2, v.projectId);
    insert.bind(3, qint64(v.number));
    insert.bind(4, v.kind);
    insert.bind(5, v.sourceCommit);
    insert.bind(6, v.added);
    insert.bind(7, v.changed);
    insert.bind(8, v.removed);
    insert.bind(9, v.createdAt);
    return insert.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's new version"));
}

// A new version (when `*versionId` is empty; it is set) or more changes
// of an existing one: a path changed again keeps its last change.
Result<void> recordVersion(Storage::Handle db, const QString &projectId, const QString &kind, const QString &sourceCommit,
                           const QList<VersionChange> &changes, const ProjectHistory::ChangeCounts &counts, QString *versionId)
{
    if (versionId->isEmpty()) {
        ProjectVersion v;
        v.id = newId();
        v.projectId = projectId;
        Statement last(db, "SELECT coalesce(max(number), 0) FROM project_versions WHERE project_id = ?");
        last.bind(1, projectId);
        v.number = last.next() ? int(last.columnInt(0)) + 1 : 1;
        v.kind = kind;
        v.sourceCommit = sourceCommit;
        v.createdAt = Clock::nowMs();
        v.added = counts.added;
        v.changed = counts.changed;
        v.removed = counts.removed;
        // A project's first version holds every file (a clone's first pull;
        // a clone made before pulls were versions): replayed from nothing,
        // the history gives the project's files.
        if (v.number == 1) {
            Statement live(db, "SELECT count(*) FROM files WHERE project_id = ? AND deleted_at IS NULL");
            live.bind(1, projectId);
            v.added = live.next() ? live.columnInt(0) : 0;
            v.changed = v.removed = 0;
        }
        if (Result<void> r = insertVersion(db, v); !r)
            return r;
        *versionId = v.id;
        if (v.number == 1) {
            Statement files(db, "INSERT INTO project_version_files (version_id, path, blob_sha256, mode) "
                                "SELECT ?, path, blob_sha256, mode FROM files WHERE project_id = ? AND deleted_at IS NULL");
            files.bindAll(v.id, projectId);
            return files.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's files"));
        }
    } else if (counts.added != 0 || counts.changed != 0 || counts.removed != 0) {
        // (Not for a teammate's version the pull fills: it keeps its own
        // counts, and a write would capture it as a change made here.)
        Statement more(db, "UPDATE project_versions SET added = added + ?, changed = changed + ?, removed = removed + ? WHERE id = ?");
        more.bindAll(counts.added, counts.changed, counts.removed, *versionId);
        if (Result<void> r = more.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's new version")); !r)
            return r;
    }
    Statement insert(db, "INSERT OR REPLACE INTO project_version_files (version_id, path, blob_sha256, mode) VALUES (?, ?, ?, ?)");
    for (const VersionChange &c : changes) {
        insert.bind(1, *versionId);
        insert.bind(2, c.path);
        if (c.isRemoval())
            insert.bindNull(3);
        else
            insert.bindBlob(3, c.sha256);
        insert.bind(4, qint64(c.mode));
        if (Result<void> r = insert.exec(QCoreApplication::translate("Realm::Projects", "Cannot record what the version changed")); !r)
            return r;
    }
    return {};
}
} // namespace

Result<QList<ProjectVersion>> ProjectHistory::versions(const QString &projectId) const
{
    Statement q(m_db->handle(), "SELECT id, number, kind, source_commit, added, changed, removed, created_at, author "
                                      "FROM project_versions WHERE project_id = ? ORDER BY number");
    q.bind(1, projectId);
    QList<ProjectVersion> list;
    while (q.next()) {
        list.append({q.columnText(0), projectId, int(q.columnInt(1)), q.columnText(2), q.columnText(3), q.columnInt(4),
                     q.columnInt(5), q.columnInt(6), q.columnInt(7), q.columnText(8)});
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's versions"));
    return list;
}

Result<void> ProjectHistory::checkWrittenPaths(const QString &versionId, const std::function<Result<void>(const QString &path)> &check) const
{
    Statement q(m_db->handle(), "SELECT path FROM project_version_files WHERE version_id = ? AND blob_sha256 IS NOT NULL ORDER BY path");
    q.bindAll(versionId);
    while (q.next()) {
        if (Result<void> r = check(q.columnText(0)); !r)
            return r;
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read what a version changed"));
    return {};
}

Result<QList<VersionChange>> ProjectHistory::changes(const QString &versionId) const
{
    Statement q(m_db->handle(), "SELECT path, blob_sha256, mode FROM project_version_files WHERE version_id = ? ORDER BY path");
    q.bind(1, versionId);
    QList<VersionChange> list;
    while (q.next())
        list.append({q.columnText(0), q.columnIsNull(1) ? QByteArray() : q.columnBlob(1), int(q.columnInt(2))});
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read what a version changed"));
    return list;
}

void ProjectHistory::apply(VersionTree &tree, const QList<VersionChange> &changes)
{
    for (const VersionChange &c : changes) {
        if (c.isRemoval())
            tree.remove(c.path);
        else
            tree.insert(c.path, {c.sha256, c.mode});
    }
}

Result<void> ProjectHistory::recordImport(Storage::Handle db, const QString &projectId, const QString &sourceCommit)
{
    ProjectVersion v;
    v.id = newId();
    v.projectId = projectId;
    v.number = 1;
    v.kind = QStringLiteral("import");
    v.sourceCommit = sourceCommit;
    v.createdAt = Clock::nowMs();
    Statement count(db, "SELECT count(*) FROM files WHERE project_id = ? AND deleted_at IS NULL");
    count.bind(1, projectId);
    v.added = count.next() ? count.columnInt(0) : 0;
    if (Result<void> r = insertVersion(db, v); !r)
        return r;
    Statement files(db, "INSERT INTO project_version_files (version_id, path, blob_sha256, mode) "
                        "SELECT ?, path, blob_sha256, mode FROM files WHERE project_id = ? AND deleted_at IS NULL");
    files.bind(1, v.id);
    files.bind(2, projectId);
    return files.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's files"));
}

Result<void> ProjectHistory::recordRefresh(Storage::Handle db, const QString &projectId, const QString &sourceCommit,
                                           const QList<VersionChange> &changes, const ChangeCounts &counts)
{
    QString versionId;
    return recordVersion(db, projectId, QStringLiteral("refresh"), sourceCommit, changes, counts, &versionId);
}

Result<void> ProjectHistory::recordWrites(Storage::Handle db, const QString &projectId, const QString &kind,
                                          const QList<VersionChange> &changes, const ChangeCounts &counts, QString *versionId)
{
    if (changes.isEmpty())
        return {};
    return recordVersion(db, projectId, kind, {}, changes, counts, versionId);
}

Result<void> ProjectHistory::recordBaseline(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT EXISTS (SELECT 1 FROM project_versions WHERE project_id = ?1), "
                    "EXISTS (SELECT 1 FROM files WHERE project_id = ?1 AND deleted_at IS NULL)");
    q.bindAll(projectId);
    if (!q.next())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's versions"));
    if (q.columnInt(0) != 0 || q.columnInt(1) == 0)
        return {};
    QString versionId; // number 1: every live file
    if (Result<void> recorded = recordVersion(db, projectId, QStringLiteral("sync"), {}, {}, {}, &versionId); !recorded)
        return recorded;
    // This copy's own record: nothing to send.
    return Storage::forgetChange(db, QStringLiteral("project_versions"), versionId);
}

Result<bool> ProjectHistory::has(Storage::Handle db, const QString &projectId, const QString &versionId)
{
    Statement q(db, "SELECT 1 FROM project_versions WHERE id = ? AND project_id = ?");
    q.bindAll(versionId, projectId);
    if (q.next())
        return true;
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's versions"));
    return false;
}

Result<QString> ProjectHistory::lastVersionOf(Storage::Handle db, const QString &projectId, const QString &path)
{
    // Newest version first, each asked by its key: the first that has the
    // path ends it.
    Statement q(db, "SELECT v.id FROM project_versions v JOIN project_version_files f ON f.version_id = v.id AND f.path = ? "
                    "WHERE v.project_id = ? ORDER BY v.number DESC LIMIT 1");
    q.bindAll(path, projectId);
    if (q.next())
        return q.columnText(0);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's versions"));
    return QString();
}

} // namespace Realm::Projects
