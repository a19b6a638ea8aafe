// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/replica.h"

#include "projects/blobstore.h"
#include "projects/language.h"

#include "common/clock.h"
#include "storage/changecapture.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Realm::Projects::Replica {

using Storage::Statement;

namespace {

const char kFileState[] = "SELECT f.id, f.path, f.deleted_at IS NOT NULL, f.blob_sha256, f.size, f.mode FROM files f ";

FileState fileStateFrom(const Statement &q)
{
    return FileState{.id = q.columnText(0), .path = q.columnText(1), .deleted = q.columnInt(2) != 0, .sha256 = q.columnBlob(3),
                     .size = q.columnInt(4), .mode = int(q.columnInt(5))};
}

Result<QList<FileState>> fileStates(Statement &q, const QString &what)
{
    QList<FileState> files;
    while (q.next())
        files.append(fileStateFrom(q));
    if (q.failed())
        return q.error(what);
    return files;
}


} // namespace

Result<std::optional<Info>> info(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT description, tags FROM projects WHERE id = ?");
    q.bindAll(projectId);
    if (!q.next())
        return q.failed() ? Result<std::optional<Info>>(q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project"))) : std::optional<Info>();
    Info info{.description = q.columnText(0), .tags = {}};
    for (const QJsonValue &tag : QJsonDocument::fromJson(q.columnText(1).toUtf8()).array())
        info.tags.append(tag.toString());
    return std::optional<Info>(info);
}

Result<void> setInfo(Storage::Handle db, const QString &projectId, const Info &info)
{
    const QString tags = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(info.tags)).toJson(QJsonDocument::Compact));
    Statement q(db, "UPDATE projects SET description = ?, tags = ?, updated_at = ? WHERE id = ?");
    q.bindAll(info.description, tags, Clock::nowMs(), projectId);
    if (Result<void> done = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot update the project")); !done)
        return done;
    return Storage::forgetChange(db, QStringLiteral("projects"), projectId);
}

Result<bool> infoPending(Storage::Handle db, const QString &projectId)
{
    return Storage::hasChange(db, QStringLiteral("projects"), projectId);
}

Result<QList<FileState>> pendingFiles(Storage::Handle db, const QString &projectId)
{
    Statement q(db, QStringLiteral("%1 JOIN changes c ON c.table_name = 'files' AND c.row_key = f.id WHERE f.project_id = ? ORDER BY c.seq")
                        .arg(QLatin1String(kFileState)));
    q.bindAll(projectId);
    return fileStates(q, QCoreApplication::translate("Realm::Projects", "Cannot read the local changes"));
}

Result<bool> filePending(Storage::Handle db, const QString &projectId, const QString &path)
{
    Statement q(db, "SELECT 1 FROM files f JOIN changes c ON c.table_name = 'files' AND c.row_key = f.id "
                    "WHERE f.project_id = ? AND f.path = ? LIMIT 1");
    q.bindAll(projectId, path);
    const bool pending = q.next();
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the local changes"));
    return pending;
}

Result<void> takePending(Storage::Handle db, const QString &projectId, const QStringList &keepFileIds)
{
    Statement q(db, "DELETE FROM changes WHERE (table_name = 'projects' AND row_key = ?1) "
                    "OR (table_name = 'files' AND row_key IN (SELECT id FROM files WHERE project_id = ?1))");
    q.bindAll(projectId);
    if (Result<void> taken = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot take the local changes")); !taken)
        return taken;
    for (const QString &fileId : keepFileIds)
        if (Result<void> kept = Storage::recordChange(db, QStringLiteral("files"), fileId); !kept)
            return kept;
    return {};
}

Result<void> markAllPending(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "INSERT INTO changes (table_name, row_key, op) "
                    "SELECT 'projects', ?1, 'upsert' UNION ALL "
                    "SELECT 'files', id, 'upsert' FROM files WHERE project_id = ?1 AND deleted_at IS NULL "
                    "ON CONFLICT (table_name, row_key) DO NOTHING");
    q.bindAll(projectId);
    return q.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's changes"));
}

Result<void> markFilePending(Storage::Handle db, const QString &projectId, const QString &path)
{
    Statement q(db, "INSERT INTO changes (table_name, row_key, op) "
                    "SELECT 'files', id, 'upsert' FROM files WHERE project_id = ? AND path = ? AND deleted_at IS NULL "
                    "ON CONFLICT (table_name, row_key) DO NOTHING");
    q.bindAll(projectId, path);
    return q.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's changes"));
}

Result<QList<FileState>> liveFiles(Storage::Handle db, const QString &projectId)
{
    Statement q(db, QStringLiteral("%1 WHERE f.project_id = ? AND f.deleted_at IS NULL ORDER BY f.path").arg(QLatin1String(kFileState)));
    q.bindAll(projectId);
    return fileStates(q, QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
}

Result<std::optional<FileState>> liveFile(Storage::Handle db, const QString &projectId, const QString &path)
{
    Statement q(db, QStringLiteral("%1 WHERE f.project_id = ? AND f.path = ? AND f.deleted_at IS NULL").arg(QLatin1String(kFileState)));
    q.bindAll(projectId, path);
    Result<QList<FileState>> files = fileStates(q, QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
    if (!files)
        return files.error();
    return files->isEmpty() ? std::optional<FileState>() : std::optional<FileState>(files->first());
}

Result<bool> hasContent(Storage::Handle db, const QByteArray &sha256)
{
    Statement q(db, "SELECT 1 FROM blobs WHERE sha256 = ? AND present = 1");
    q.bindAll(sha256);
    const bool held = q.next();
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the file contents"));
    return held;
}

Result<std::optional<QByteArray>> content(Storage::Handle db, const QByteArray &sha256)
{
    Statement q(db, "SELECT content FROM blobs WHERE sha256 = ? AND present = 1");
    q.bindAll(sha256);
    if (!q.next())
        return q.failed() ? Result<std::optional<QByteArray>>(q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the file contents"))) : std::optional<QByteArray>();
    return std::optional<QByteArray>(q.columnBlob(0));
}

namespace {

Result<bool> anyRow(Statement &q, const QString &projectId)
{
    q.bindAll(projectId);
    const bool found = q.next();
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
    return found;
}

} // namespace

Result<bool> hasAbsent(Storage::Handle db, const QString &projectId)
{
    // From the few absent contents (an index of them) to the files and
    // versions of this project that have them. (`+f.project_id`: by the
    // content's index, not by scanning the project's files for each.)
    Statement q(db, "SELECT 1 FROM blobs b WHERE b.present = 0 AND ("
                    "EXISTS (SELECT 1 FROM files f WHERE f.blob_sha256 = b.sha256 AND +f.project_id = ?1) OR "
                    "EXISTS (SELECT 1 FROM project_version_files vf JOIN project_versions v ON v.id = vf.version_id "
                    "WHERE vf.blob_sha256 = b.sha256 AND v.project_id = ?1)) LIMIT 1");
    return anyRow(q, projectId);
}

Result<bool> hasAbsentFiles(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT 1 FROM blobs b WHERE b.present = 0 AND EXISTS (SELECT 1 FROM files f "
                    "WHERE f.blob_sha256 = b.sha256 AND +f.project_id = ?1 AND f.deleted_at IS NULL) LIMIT 1");
    return anyRow(q, projectId);
}

Result<qint64> absentFileCount(Storage::Handle db, const QString &projectId)
{
    // From the index of absent contents (nothing to count in a workspace
    // that downloads everything) to the files by their content's index.
    Statement q(db, "SELECT count(*) FROM blobs b CROSS JOIN files f ON f.blob_sha256 = b.sha256 "
                    "WHERE b.present = 0 AND +f.project_id = ? AND f.deleted_at IS NULL");
    q.bindAll(projectId);
    if (!q.next())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
    return q.columnInt(0);
}

Result<QHash<QString, qint64>> absentFileCounts(Storage::Handle db)
{
    Statement q(db, "SELECT f.project_id, count(*) FROM blobs b CROSS JOIN files f ON f.blob_sha256 = b.sha256 "
                    "WHERE b.present = 0 AND f.deleted_at IS NULL GROUP BY f.project_id");
    QHash<QString, qint64> counts;
    while (q.next())
        counts.insert(q.columnText(0), q.columnInt(1));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
    return counts;
}

Result<QList<FileState>> absentFiles(Storage::Handle db, const QString &projectId)
{
    Statement q(db, QStringLiteral("%1 JOIN blobs b ON b.sha256 = f.blob_sha256 WHERE f.project_id = ? AND f.deleted_at IS NULL AND b.present = 0 ORDER BY f.path")
                        .arg(QLatin1String(kFileState)));
    q.bindAll(projectId);
    return fileStates(q, QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
}

Result<QList<FileState>> absentHistory(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT min(vf.path), b.sha256, b.size, min(vf.mode) FROM project_version_files vf "
                    "JOIN project_versions v ON v.id = vf.version_id JOIN blobs b ON b.sha256 = vf.blob_sha256 "
                    "WHERE v.project_id = ?1 AND b.present = 0 AND NOT EXISTS "
                    "(SELECT 1 FROM files f WHERE f.blob_sha256 = b.sha256 AND +f.project_id = ?1 AND f.deleted_at IS NULL) "
                    "GROUP BY b.sha256 ORDER BY 1");
    q.bindAll(projectId);
    QList<FileState> contents;
    while (q.next())
        contents.append(FileState{.id = {}, .path = q.columnText(0), .deleted = true, .sha256 = q.columnBlob(1), .size = q.columnInt(2),
                                  .mode = int(q.columnInt(3))});
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project's history"));
    return contents;
}

Result<void> fillContents(Storage::Handle db, const QList<QByteArray> &contents)
{
    const QString failed = QCoreApplication::translate("Realm::Projects", "Cannot store the downloaded contents");
    FileRows rows(db, {});
    Statement touch(db, "UPDATE projects SET revision = revision + 1 "
                        "WHERE id IN (SELECT project_id FROM files WHERE blob_sha256 = ? AND deleted_at IS NULL)");
    Statement having(db, "SELECT id, path, language FROM files WHERE blob_sha256 = ? AND deleted_at IS NULL");
    Statement setLanguage(db, "UPDATE files SET language = ? WHERE id = ?");
    if (!rows.isValid() || !touch.isValid() || !having.isValid() || !setLanguage.isValid())
        return touch.error(failed);
    for (const QByteArray &bytes : contents) {
        PreparedFile file = prepareFile({}, bytes, 0644);
        if (Result<void> stored = rows.writeContent(file); !stored)
            return stored;
        // Written without bytes, a file's language came from its path
        // alone (a script without an extension says what it is in its
        // first line).
        const QByteArrayView head = QByteArrayView(bytes).first(qMin<qsizetype>(bytes.size(), 256));
        QList<std::pair<QString, QString>> languages; // file id, language
        having.bind(1, file.sha256);
        while (having.next())
            if (const QString language = detectLanguage(having.columnText(1), head); language != having.columnText(2))
                languages.append({having.columnText(0), language});
        if (having.failed())
            return having.error(failed);
        having.reset();
        for (const auto &[fileId, language] : std::as_const(languages)) {
            // Found here, not changed here: nothing for sync to send.
            Result<bool> pending = Storage::hasChange(db, QStringLiteral("files"), fileId);
            if (!pending)
                return pending.error();
            setLanguage.bindAll(language, fileId);
            if (Result<void> set = setLanguage.exec(failed); !set)
                return set;
            if (!*pending)
                if (Result<void> forgotten = Storage::forgetChange(db, QStringLiteral("files"), fileId); !forgotten)
                    return forgotten;
        }
        touch.bind(1, file.sha256);
        if (Result<void> touched = touch.exec(failed); !touched)
            return touched;
    }
    return rows.flushText();
}

Writer::Writer(Storage::Handle db, QString projectId, Origin origin)
    : m_db(db)
    , m_projectId(std::move(projectId))
    , m_origin(origin)
    , m_rows(db, m_projectId)
{
}

Result<void> Writer::write(const QString &path, QByteArray content, int mode, const QString &version)
{
    return store(prepareFile(path, std::move(content), mode), version);
}

Result<void> Writer::writeAbsent(const QString &path, const QByteArray &sha256, qint64 size, int mode, const QString &version)
{
    PreparedFile file;
    file.path = path;
    file.mode = mode;
    file.sha256 = sha256;
    file.absentSize = size;
    file.language = detectLanguage(path, {});
    return store(std::move(file), version);
}

Result<void> Writer::store(PreparedFile file, const QString &version)
{
    const QString path = file.path;
    const int mode = file.mode;
    Result<std::optional<FileState>> existing = liveFile(m_db, m_projectId, path);
    if (!existing)
        return existing.error();
    if (*existing && (*existing)->sha256 == file.sha256 && (*existing)->mode == mode)
        return {};
    if (*existing)
        file.existingFileId = (*existing)->id;
    if (Result<void> written = m_rows.write(file); !written)
        return written;
    m_changedFiles = true;
    Written &written = version.isEmpty() ? m_own : m_intoVersions[version];
    written.changes.append({path, file.sha256, mode});
    ++(*existing ? written.counts.changed : written.counts.added);
    if (*existing) {
        m_replaced.insert((*existing)->sha256);
        return forgetCaptured((*existing)->id);
    }
    Result<std::optional<FileState>> added = liveFile(m_db, m_projectId, path);
    if (!added)
        return added.error();
    return *added ? forgetCaptured((*added)->id) : Result<void>();
}

Result<void> Writer::remove(const QString &path, const QString &version)
{
    Result<std::optional<FileState>> existing = liveFile(m_db, m_projectId, path);
    if (!existing || !*existing)
        return existing ? Result<void>() : Result<void>(existing.error());
    Statement q(m_db, "UPDATE files SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2");
    q.bindAll(Clock::nowMs(), (*existing)->id);
    if (Result<void> removed = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot remove %1").arg(path)); !removed)
        return removed;
    m_changedFiles = true;
    Written &written = version.isEmpty() ? m_own : m_intoVersions[version];
    written.changes.append({path, QByteArray(), (*existing)->mode});
    ++written.counts.removed;
    return forgetCaptured((*existing)->id);
}

// The history holds what every member's copy went through, so a clone
// exports to Git and shows its growth like the project it came from: a
// teammate's change goes into the version they made, the rest into one of
// this writer's own.
Result<void> Writer::recordVersions()
{
    for (auto it = m_intoVersions.begin(); it != m_intoVersions.end(); ++it) {
        Result<bool> known = ProjectHistory::has(m_db, m_projectId, it.key());
        if (!known)
            return known.error();
        // A version the server never sent, or one this copy had (its own, a
        // merge's, the rest of a version pulled before): ours, counted.
        if (!*known || !m_teammatesVersions || !m_teammatesVersions->contains(it.key())) {
            m_own.changes.append(it->changes);
            m_own.counts.added += it->counts.added;
            m_own.counts.changed += it->counts.changed;
            m_own.counts.removed += it->counts.removed;
            continue;
        }
        QString versionId = it.key(); // keeps the counts its maker gave it
        if (Result<void> recorded = ProjectHistory::recordWrites(m_db, m_projectId, {}, it->changes, {}, &versionId); !recorded)
            return recorded;
    }
    QString ownVersion;
    QString *versionId = m_versionId ? m_versionId : &ownVersion;
    if (Result<void> recorded = ProjectHistory::recordWrites(m_db, m_projectId, m_origin == Origin::Server ? QStringLiteral("sync") : QStringLiteral("resolve"),
                                                             m_own.changes, m_own.counts, versionId);
        !recorded)
        return recorded;
    // Each member's copy derives its own "sync" versions from what it
    // pulls: they are nothing to send.
    if (m_origin == Origin::Server && !versionId->isEmpty())
        return Storage::forgetChange(m_db, QStringLiteral("project_versions"), *versionId);
    return {};
}

Result<void> Writer::forgetCaptured(const QString &fileId)
{
    // The server's write is not a local change; one made here is.
    return m_origin == Origin::Server ? Storage::forgetChange(m_db, QStringLiteral("files"), fileId) : Result<void>();
}

Result<void> Writer::finish()
{
    if (Result<void> indexed = m_rows.flushText(); !indexed)
        return indexed;
    // The counts pass over every file of the project: not for nothing.
    if (!m_changedFiles)
        return {};
    if (Result<void> recorded = recordVersions(); !recorded)
        return recorded;
    // What the writes replaced, unless a version keeps it.
    if (Result<qint64> collected = BlobStore::collectGarbageAmong(m_db, m_replaced); !collected)
        return collected.error();
    Statement q(m_db, "UPDATE projects SET "
                      "file_count = (SELECT count(*) FROM files WHERE project_id = ?1 AND deleted_at IS NULL), "
                      "total_bytes = (SELECT coalesce(sum(size), 0) FROM files WHERE project_id = ?1 AND deleted_at IS NULL) "
                      "WHERE id = ?1");
    q.bindAll(m_projectId);
    return q.exec(QCoreApplication::translate("Realm::Projects", "Cannot count the project's files"));
}

} // namespace Realm::Projects::Replica
