// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/folderbaseline.h"

#include "projects/pathscope.h"
#include "projects/projectimporter.h"
#include "projects/replica.h"
#include "projects/sourcefolder.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace Realm::Projects::FolderBaseline {

using Storage::Statement;

namespace {

QString cannotRead() { return QCoreApplication::translate("Realm::Projects", "Cannot read what the project's folder held"); }
QString cannotRecord() { return QCoreApplication::translate("Realm::Projects", "Cannot record what the project's folder holds"); }

Result<void> setTakesPulls(Storage::Handle db, const QString &projectId, bool takes)
{
    Statement q(db, "UPDATE projects SET folder_takes_pulls = ? WHERE id = ? AND source_kind = 'folder'");
    q.bindAll(qint64(takes ? 1 : 0), projectId);
    if (Result<void> set = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the choice for the project's folder")); !set)
        return set;
    if (q.changes() != 1)
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The project has no folder of its own (it was not imported from a folder "
                                                                                  "nor cloned into one)."));
    return {};
}

} // namespace

Result<bool> folderTakesPulls(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT folder_takes_pulls FROM projects WHERE id = ?");
    q.bindAll(projectId);
    if (q.next())
        return q.columnInt(0) != 0;
    return q.failed() ? Result<bool>(q.error(cannotRead())) : Result<bool>(true);
}

Result<QHash<QString, Entry>> entries(Storage::Handle db, const QString &projectId, const QStringList &scope)
{
    QHash<QString, Entry> found;
    Result<void> read = forEachRowUnder(
        db, QStringLiteral("SELECT path, sha256, mode, size, mtime_ns, checked_ms, made_on FROM folder_files WHERE project_id = ?1"), projectId, scope,
        [&found](const Statement &q) {
            found.insert(q.columnText(0), {q.columnBlob(1), int(q.columnInt(2)), q.columnInt(3), q.columnInt(4), q.columnInt(5),
                                           q.columnIsNull(6) ? std::nullopt : std::optional<QByteArray>(q.columnBlob(6))});
        },
        cannotRead());
    if (!read)
        return read.error();
    return found;
}

Result<void> record(Storage::Handle db, const QString &projectId, const QString &path, const Entry &entry)
{
    Statement q(db, "INSERT OR REPLACE INTO folder_files (project_id, path, sha256, mode, size, mtime_ns, checked_ms, made_on) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bindAll(projectId, path, entry.sha256, qint64(entry.mode), entry.size, entry.mtimeNs, entry.checkedAtMs, entry.madeOn);
    return q.exec(cannotRecord());
}

Result<void> recordGone(Storage::Handle db, const QString &projectId, const QString &path, const std::optional<QByteArray> &madeOn)
{
    if (!madeOn)
        return forget(db, projectId, path);
    return record(db, projectId, path, Entry{QByteArray(), 0644, 0, 0, 0, madeOn});
}

Result<std::optional<QStringList>> keptPaths(Storage::Handle db, const QString &projectId)
{
    Result<bool> takes = folderTakesPulls(db, projectId);
    if (!takes || *takes)
        return takes ? std::optional<QStringList>() : Result<std::optional<QStringList>>(takes.error());
    Statement q(db, "SELECT path FROM folder_files WHERE project_id = ? AND length(sha256) > 0 ORDER BY path");
    q.bindAll(projectId);
    QStringList paths;
    while (q.next())
        paths.append(q.columnText(0));
    if (q.failed())
        return q.error(cannotRead());
    return std::optional<QStringList>(paths);
}

Result<void> forget(Storage::Handle db, const QString &projectId, const QString &path)
{
    Statement q(db, "DELETE FROM folder_files WHERE project_id = ? AND path = ?");
    q.bindAll(projectId, path);
    return q.exec(cannotRecord());
}

Result<std::optional<QByteArray>> madeOn(Storage::Handle db, const QString &projectId, const QString &path)
{
    Statement q(db, "SELECT made_on FROM folder_files WHERE project_id = ? AND path = ? AND made_on IS NOT NULL");
    q.bindAll(projectId, path);
    if (q.next())
        return std::optional<QByteArray>(q.columnBlob(0));
    return q.failed() ? Result<std::optional<QByteArray>>(q.error(cannotRead())) : std::optional<QByteArray>();
}

Result<void> settle(Storage::Handle db, const QString &projectId, const QString &path, const std::optional<QByteArray> &madeOn)
{
    // A row for a file the folder no longer has was kept for its delete;
    // a folder that follows the project needs it no longer once the server
    // took the change as sent.
    Statement q(db, "DELETE FROM folder_files WHERE project_id = ?1 AND path = ?2 "
                    "AND (length(sha256) = 0 OR (?3 AND (SELECT folder_takes_pulls FROM projects WHERE id = ?1) = 1))");
    q.bindAll(projectId, path, qint64(madeOn ? 0 : 1));
    if (Result<void> dropped = q.exec(cannotRecord()); !dropped)
        return dropped;
    Statement settled(db, "UPDATE folder_files SET made_on = ? WHERE project_id = ? AND path = ?");
    settled.bindAll(madeOn, projectId, path);
    return settled.exec(cannotRecord());
}

Result<void> tookPull(Storage::Handle db, const QString &projectId, const QString &path)
{
    return forget(db, projectId, path);
}

Result<void> keepFolder(Storage::Handle db, const QString &projectId)
{
    Result<bool> takes = folderTakesPulls(db, projectId);
    if (!takes)
        return takes.error();
    if (Result<void> set = setTakesPulls(db, projectId, false); !set || !*takes)
        return set;
    // Rows left from an earlier time keep what their change was made on
    // until sync has sent it.
    Statement q(db, "INSERT INTO folder_files (project_id, path, sha256, mode, size, mtime_ns, checked_ms) "
                    "SELECT project_id, path, blob_sha256, mode, size, coalesce(source_mtime_ns, 0), coalesce(source_checked_ms, 0) "
                    "FROM files WHERE project_id = ?1 AND deleted_at IS NULL "
                    "ON CONFLICT (project_id, path) DO UPDATE SET sha256 = excluded.sha256, mode = excluded.mode, size = excluded.size, "
                    "mtime_ns = excluded.mtime_ns, checked_ms = excluded.checked_ms");
    q.bindAll(projectId);
    if (Result<void> recorded = q.exec(cannotRecord()); !recorded)
        return recorded;
    Statement stale(db, "DELETE FROM folder_files WHERE project_id = ?1 AND made_on IS NULL "
                        "AND path NOT IN (SELECT path FROM files WHERE project_id = ?1 AND deleted_at IS NULL)");
    stale.bindAll(projectId);
    return stale.exec(cannotRecord());
}

Result<qint64> followProject(Storage::Handle db, const QString &projectId)
{
    Result<std::optional<SourceFolder>> folder = SourceFolder::of(db, projectId);
    if (!folder)
        return folder.error();
    if (!*folder)
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The project has no folder of its own (it was not imported from a folder "
                                                                                  "nor cloned into one)."));
    if (!(*folder)->exists())
        return Error::io(QCoreApplication::translate("Realm::Projects", "The folder of this project, %1, is missing: reconnect it (or move it back) and try again.")
                             .arg((*folder)->root()));
    Result<QHash<QString, Entry>> held = entries(db, projectId);
    if (!held)
        return held.error();
    Result<QList<Replica::FileState>> files = Replica::liveFiles(db, projectId);
    if (!files)
        return files.error();
    qint64 updated = 0;
    QSet<QString> live;
    // Edited there since the refresh: made on what the folder had (or on
    // nothing), so that the next refresh's change is merged, not taken
    // over the project's.
    QList<QPair<QString, Entry>> editedSince;
    for (const Replica::FileState &file : std::as_const(*files)) {
        live.insert(file.path);
        const Entry was = held->value(file.path);
        if (was.sha256 == file.sha256 && was.mode == file.mode)
            continue;
        Result<std::optional<QByteArray>> content = Replica::content(db, file.sha256);
        if (!content)
            return content.error();
        if (!*content)
            return Error::notFound(QCoreApplication::translate("Realm::Projects", "The content of %1 is not in this workspace: sync (or, for a project that downloads contents when needed, realm-cli project fetch), then try again.").arg(file.path));
        Result<bool> written = (*folder)->write(file.path, was.sha256, **content, file.mode);
        if (!written)
            return written.error();
        updated += *written ? 1 : 0;
        if (!*written)
            editedSince.append({file.path, was.sha256.isEmpty() ? Entry{file.sha256, file.mode, file.size, 0, 0, QByteArray()}
                                                                : Entry{was.sha256, was.mode, was.size, 0, 0, was.madeOn.value_or(was.sha256)}});
    }
    for (auto it = held->cbegin(); it != held->cend(); ++it) {
        if (live.contains(it.key()) || !(*folder)->holds(it.key()))
            continue;
        Result<bool> removed = (*folder)->remove(it.key(), it->sha256);
        if (!removed)
            return removed.error();
        updated += *removed ? 1 : 0;
        if (!*removed)
            editedSince.append({it.key(), Entry{it->sha256, it->mode, it->size, 0, 0, it->madeOn.value_or(it->sha256)}});
    }
    if (Result<void> set = setTakesPulls(db, projectId, true); !set)
        return set.error();
    // Only what sync still has to send as made on other content stays.
    Statement q(db, "DELETE FROM folder_files WHERE project_id = ? AND made_on IS NULL");
    q.bindAll(projectId);
    if (Result<void> dropped = q.exec(cannotRecord()); !dropped)
        return dropped.error();
    for (const auto &[path, entry] : std::as_const(editedSince))
        if (Result<void> recorded = record(db, projectId, path, entry); !recorded)
            return recorded.error();
    return updated;
}

Result<qint64> setFolderTakesPulls(const Storage::DatabasePtr &db, const QString &projectId, bool takes, const ImportOptions &options)
{
    Result<bool> already = folderTakesPulls(db->handle(), projectId);
    if (!already)
        return already.error();
    if (*already == takes)
        return 0;
    // Either way, what changed in the folder is taken in first, read as it
    // was made: on what the folder had (before it follows again), or with
    // the bases a pull left for edits it had to pass by (before it stops).
    if (Result<ImportReport> refreshed = ProjectImporter(db).refreshProject(projectId, options); !refreshed)
        return refreshed.error();
    Storage::Transaction transaction(db->handle());
    if (!transaction.isActive())
        return transaction.error();
    qint64 written = 0;
    if (takes) {
        Result<qint64> followed = followProject(db->handle(), projectId);
        if (!followed)
            return followed;
        written = *followed;
    } else if (Result<void> kept = keepFolder(db->handle(), projectId); !kept) {
        return kept.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return written;
}

} // namespace Realm::Projects::FolderBaseline
