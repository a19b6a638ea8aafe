// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "projects/blobstore.h"
#include "projects/cleanup.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Realm::Projects {

using Storage::sqlError;
using Storage::Transaction;

namespace {

const char kProjectColumns[] =
    "p.id, p.name, p.description, p.tags, p.source_kind, p.source_location, p.source_ref, "
    "p.source_commit, p.file_count, p.total_bytes, p.created_at, p.updated_at, p.deleted_at, p.revision";

Project projectFromQuery(const QSqlQuery &q)
{
    Project p;
    p.id = q.value(0).toString();
    p.name = q.value(1).toString();
    p.description = q.value(2).toString();
    for (const QJsonValue &tag : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
        p.tags.append(tag.toString());
    p.source.kind = sourceKindFromName(q.value(4).toString());
    p.source.location = q.value(5).toString();
    p.source.ref = q.value(6).toString();
    p.source.commit = q.value(7).toString();
    p.fileCount = q.value(8).toLongLong();
    p.totalBytes = q.value(9).toLongLong();
    p.createdAt = q.value(10).toLongLong();
    p.updatedAt = q.value(11).toLongLong();
    if (!q.value(12).isNull())
        p.deletedAt = q.value(12).toLongLong();
    p.revision = q.value(13).toLongLong();
    return p;
}

QString tagsJson(const QStringList &tags)
{
    QStringList cleaned;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed();
        if (!t.isEmpty() && !cleaned.contains(t))
            cleaned.append(t);
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(cleaned)).toJson(QJsonDocument::Compact));
}

// QtSql binds a null QString as SQL NULL; these columns want ''.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

QString importLockPath(const QString &workspacePath, const QString &projectId)
{
    return workspacePath + QStringLiteral(".locks/import-") + projectId + QStringLiteral(".lock");
}

QString sourceKindName(ProjectSource::Kind kind)
{
    switch (kind) {
    case ProjectSource::Kind::None: return QStringLiteral("none");
    case ProjectSource::Kind::Folder: return QStringLiteral("folder");
    case ProjectSource::Kind::Archive: return QStringLiteral("archive");
    case ProjectSource::Kind::Git: return QStringLiteral("git");
    }
    return QStringLiteral("none");
}

ProjectSource::Kind sourceKindFromName(const QString &name)
{
    for (auto kind : {ProjectSource::Kind::Folder, ProjectSource::Kind::Archive, ProjectSource::Kind::Git}) {
        if (sourceKindName(kind) == name)
            return kind;
    }
    return ProjectSource::Kind::None;
}

QString ProjectStore::validateName(const QString &name, Error *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        *error = Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project needs a name."));
    else if (trimmed.size() > 200)
        *error = Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project name can have at most 200 characters."));
    return trimmed;
}

Result<Project> ProjectStore::create(const QString &rawName, const QString &description, const QStringList &tags)
{
    Error invalid;
    const QString name = validateName(rawName, &invalid);
    if (!invalid.message.isEmpty())
        return invalid;
    const QString id = newId();
    const qint64 now = Clock::nowMs();
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO projects (id, name, description, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(notNull(description));
    q.addBindValue(tagsJson(tags));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        if (Storage::isUniqueViolation(q))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project named \"%1\" already exists. Choose another name.").arg(name));
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot create the project \"%1\"").arg(name), q);
    }
    return find(id);
}

Result<Project> ProjectStore::find(const QString &nameOrId, bool includeTrash) const
{
    QSqlQuery q(m_db->connection());
    // Live projects win over trashed ones with the same name.
    q.prepare(QStringLiteral("SELECT %1 FROM projects p WHERE (p.id = ? OR p.name = ?) AND p.state = 'ready' %2 "
                             "ORDER BY p.deleted_at IS NOT NULL, p.deleted_at DESC LIMIT 1")
                  .arg(QLatin1String(kProjectColumns),
                       includeTrash ? QString() : QStringLiteral("AND p.deleted_at IS NULL")));
    q.addBindValue(nameOrId);
    q.addBindValue(nameOrId);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot look up the project \"%1\"").arg(nameOrId), q);
    if (!q.next())
        return Error::notFound((includeTrash ? QCoreApplication::translate("Realm::Projects", "No project named \"%1\". "
                                                                                               "`realm-cli project list` shows the projects.")
                                             : QCoreApplication::translate("Realm::Projects", "No project named \"%1\" (outside the trash). "
                                                                                               "`realm-cli project list` shows the projects."))
                                   .arg(nameOrId));
    return projectFromQuery(q);
}

Result<QList<Project>> ProjectStore::list(const ProjectFilter &filter) const
{
    QString sql = QStringLiteral("SELECT %1 FROM projects p WHERE p.state = 'ready' AND p.deleted_at IS %2 NULL")
                      .arg(QLatin1String(kProjectColumns), filter.trash ? QStringLiteral("NOT") : QString());
    QVariantList binds;
    if (!filter.text.isEmpty()) {
        sql += QStringLiteral(" AND (instr(lower(p.name), lower(?)) > 0 OR instr(lower(p.description), lower(?)) > 0)");
        binds << filter.text << filter.text;
    }
    if (!filter.tag.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(p.tags) WHERE value = ?)");
        binds << filter.tag;
    }
    if (!filter.language.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM files f WHERE f.project_id = p.id AND f.deleted_at IS NULL AND f.language = ?)");
        binds << filter.language;
    }
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QString();
    switch (filter.sort) {
    case ProjectFilter::Sort::Name: sql += QStringLiteral(" ORDER BY p.name COLLATE NOCASE") + direction; break;
    case ProjectFilter::Sort::Updated: sql += QStringLiteral(" ORDER BY p.updated_at") + direction; break;
    case ProjectFilter::Sort::Size: sql += QStringLiteral(" ORDER BY p.total_bytes") + direction; break;
    }
    sql += QStringLiteral(", p.id");

    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot list the projects"), q);
    QList<Project> projects;
    while (q.next())
        projects.append(projectFromQuery(q));
    return projects;
}

Result<Project> ProjectStore::update(const QString &id, const ProjectChanges &changes)
{
    QStringList sets;
    QVariantList binds;
    if (changes.name) {
        Error invalid;
        const QString name = validateName(*changes.name, &invalid);
        if (!invalid.message.isEmpty())
            return invalid;
        sets << QStringLiteral("name = ?");
        binds << name;
    }
    if (changes.description) {
        sets << QStringLiteral("description = ?");
        binds << notNull(*changes.description);
    }
    if (changes.tags) {
        sets << QStringLiteral("tags = ?");
        binds << tagsJson(*changes.tags);
    }
    if (sets.isEmpty())
        return find(id, true);
    sets << QStringLiteral("updated_at = ?");
    binds << Clock::nowMs() << id;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE projects SET %1 WHERE id = ? AND state = 'ready'").arg(sets.join(QStringLiteral(", "))));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        if (Storage::isUniqueViolation(q))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project named \"%1\" already exists. Choose another name.").arg(changes.name.value_or(QString())));
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot change the project"), q);
    }
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project %1 does not exist.").arg(id));
    return find(id, true);
}

Result<void> ProjectStore::moveToTrash(const QString &id)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE projects SET deleted_at = ?, updated_at = ? "
                             "WHERE id = ? AND deleted_at IS NULL AND state = 'ready'"));
    const qint64 now = Clock::nowMs();
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot move the project to the trash"), q);
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project %1 is not in the workspace (or already in the trash).").arg(id));
    return {};
}

Result<Project> ProjectStore::restore(const QString &id)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE projects SET deleted_at = NULL, updated_at = ? "
                             "WHERE id = ? AND deleted_at IS NOT NULL AND state = 'ready'"));
    q.addBindValue(Clock::nowMs());
    q.addBindValue(id);
    if (!q.exec()) {
        if (Storage::isUniqueViolation(q))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "Another project already has this project's name. Rename that one first, then restore."));
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot restore the project"), q);
    }
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project %1 is not in the trash.").arg(id));
    return find(id);
}

Result<int> ProjectStore::emptyTrash()
{
    QSqlDatabase db = m_db->connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM projects WHERE deleted_at IS NOT NULL AND state = 'ready'"));
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot list the trash"), q);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    const qint64 now = Clock::nowMs();
    for (const QString &id : std::as_const(ids)) {
        // The project row stays as a tombstone so a later sync can pass the
        // deletion on; its files, its history and their contents go, and
        // what other modules kept about it (they registered how).
        // (The row stays, so ON DELETE CASCADE does not run for them.)
        // 'purged' comes first: the change capture then knows that the rows
        // below go with the project and records only the project's row.
        QSqlQuery purge(db);
        purge.prepare(QStringLiteral("UPDATE projects SET state = 'purged', file_count = 0, total_bytes = 0, updated_at = ? WHERE id = ?"));
        purge.addBindValue(now);
        purge.addBindValue(id);
        if (!purge.exec())
            return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot empty the trash"), purge);
        if (Result<void> r = Cleanup::projectPurged(m_db->handle(), id); !r)
            return r.error();
        for (const QString &sql : {QStringLiteral("DELETE FROM project_versions WHERE project_id = ?"),
                                   QStringLiteral("DELETE FROM files WHERE project_id = ?")}) {
            QSqlQuery forget(db);
            forget.prepare(sql);
            forget.addBindValue(id);
            if (!forget.exec())
                return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot empty the trash"), forget);
        }
    }
    Result<qint64> collected = BlobStore::collectGarbage(m_db->handle());
    if (!collected)
        return collected.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return int(ids.size());
}

Result<QList<ProjectFile>> ProjectStore::files(const QString &projectId) const
{
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT f.id, f.path, f.size, f.mode, f.language, b.encoding, f.blob_sha256, f.updated_at "
                             "FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 "
                             "WHERE f.project_id = ? AND f.deleted_at IS NULL ORDER BY f.path"));
    q.addBindValue(projectId);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot list the project's files"), q);
    QList<ProjectFile> result;
    while (q.next()) {
        ProjectFile f;
        f.id = q.value(0).toString();
        f.path = q.value(1).toString();
        f.size = q.value(2).toLongLong();
        f.mode = q.value(3).toInt();
        f.language = q.value(4).toString();
        f.encoding = q.value(5).toString();
        f.sha256 = q.value(6).toByteArray();
        f.updatedAt = q.value(7).toLongLong();
        result.append(f);
    }
    return result;
}

Result<ProjectFile> ProjectStore::file(const QString &projectId, const QString &path) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT f.id, f.path, f.size, f.mode, f.language, b.encoding, f.blob_sha256, f.updated_at "
                             "FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 "
                             "WHERE f.project_id = ? AND f.path = ? AND f.deleted_at IS NULL"));
    q.addBindValue(projectId);
    q.addBindValue(path);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot look up %1").arg(path), q);
    if (!q.next())
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project has no file %1.").arg(path));
    ProjectFile f;
    f.id = q.value(0).toString();
    f.path = q.value(1).toString();
    f.size = q.value(2).toLongLong();
    f.mode = q.value(3).toInt();
    f.language = q.value(4).toString();
    f.encoding = q.value(5).toString();
    f.sha256 = q.value(6).toByteArray();
    f.updatedAt = q.value(7).toLongLong();
    return f;
}

Result<QByteArray> ProjectStore::content(const ProjectFile &file) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT content FROM blobs WHERE sha256 = ?"));
    q.addBindValue(file.sha256);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot read %1").arg(file.path), q);
    if (!q.next())
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The contents of %1 are missing from the workspace.").arg(file.path));
    return q.value(0).toByteArray();
}

Result<QList<QPair<QString, qint64>>> ProjectStore::languages(const QString &projectId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT language, count(*) AS n FROM files WHERE project_id = ? AND deleted_at IS NULL "
                             "GROUP BY language ORDER BY n DESC, language"));
    q.addBindValue(projectId);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot count the project's languages"), q);
    QList<QPair<QString, qint64>> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toLongLong()});
    return result;
}

Result<void> ProjectStore::recoverInterruptedImports()
{
    QSqlDatabase db = m_db->connection();
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT 1 FROM projects WHERE state = 'importing' LIMIT 1")))
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot check for interrupted imports"), probe);
    if (!probe.next())
        return {};
    probe.finish();
    QSqlQuery importing(db);
    if (!importing.exec(QStringLiteral("SELECT id FROM projects WHERE state = 'importing'")))
        return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot list interrupted imports"), importing);
    QStringList abandoned;
    while (importing.next()) {
        // An import still running in another process holds its lock file;
        // only imports whose process is gone are cleaned up.
        const QString id = importing.value(0).toString();
        QLockFile lock(importLockPath(m_db->path(), id));
        if (lock.tryLock(0)) {
            abandoned << id;
            lock.unlock();
        }
    }
    importing.finish();
    if (abandoned.isEmpty())
        return {};
    Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    for (const QString &id : std::as_const(abandoned)) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM projects WHERE id = ? AND state = 'importing'"));
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(QCoreApplication::translate("Realm::Projects", "Cannot remove an interrupted import"), q);
    }
    Result<qint64> collected = BlobStore::collectGarbage(m_db->handle());
    if (!collected)
        return collected.error();
    return transaction.commit();
}

} // namespace Realm::Projects
