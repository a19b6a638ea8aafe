// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "projects/blobstore.h"
#include "projects/cleanup.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

namespace Realm::Projects {

using Storage::Statement;
using Storage::Transaction;

namespace {

const char kProjectColumns[] =
    "p.id, p.name, p.description, p.tags, p.source_kind, p.source_location, p.source_ref, "
    "p.source_commit, p.file_count, p.total_bytes, p.created_at, p.updated_at, p.deleted_at, p.revision";

Project projectFrom(const Statement &q)
{
    Project p;
    p.id = q.columnText(0);
    p.name = q.columnText(1);
    p.description = q.columnText(2);
    for (const QJsonValue &tag : QJsonDocument::fromJson(q.columnBlob(3)).array())
        p.tags.append(tag.toString());
    p.source.kind = sourceKindFromName(q.columnText(4));
    p.source.location = q.columnText(5);
    p.source.ref = q.columnText(6);
    p.source.commit = q.columnText(7);
    p.fileCount = q.columnInt(8);
    p.totalBytes = q.columnInt(9);
    p.createdAt = q.columnInt(10);
    p.updatedAt = q.columnInt(11);
    if (!q.columnIsNull(12))
        p.deletedAt = q.columnInt(12);
    p.revision = q.columnInt(13);
    return p;
}

const char kFileColumns[] = "f.id, f.path, f.size, f.mode, f.language, b.encoding, f.blob_sha256, f.updated_at, b.present "
                            "FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256";

ProjectFile fileFrom(const Statement &q)
{
    ProjectFile f;
    f.id = q.columnText(0);
    f.path = q.columnText(1);
    f.size = q.columnInt(2);
    f.mode = int(q.columnInt(3));
    f.language = q.columnText(4);
    f.encoding = q.columnText(5);
    f.sha256 = q.columnBlob(6);
    f.updatedAt = q.columnInt(7);
    f.downloaded = q.columnInt(8) != 0;
    return f;
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

// The ids of the projects in a state, e.g. "state = 'importing'".
Result<QStringList> projectIds(Storage::Handle db, const char *condition)
{
    Statement q(db, QStringLiteral("SELECT id FROM projects WHERE %1").arg(QLatin1String(condition)));
    QStringList ids;
    while (q.next())
        ids << q.columnText(0);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot list the projects"));
    return ids;
}

} // namespace

Error notDownloaded(const QString &path)
{
    return Error::notFound(QCoreApplication::translate("Realm::Projects", "%1 has not been downloaded to this machine yet: open it in REALM or run realm-cli project fetch, then try again.").arg(path));
}

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
    Statement q(m_db->handle(), "INSERT INTO projects (id, name, description, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bindAll(id, name, description, tagsJson(tags), now, now);
    if (Result<void> created = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot create the project \"%1\"").arg(name)); !created) {
        if (q.isUniqueViolation())
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project named \"%1\" already exists. Choose another name.").arg(name));
        return created.error();
    }
    return find(id);
}

Result<Project> ProjectStore::find(const QString &nameOrId, bool includeTrash) const
{
    // Live projects win over trashed ones with the same name.
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM projects p WHERE (p.id = ? OR p.name = ?) AND p.state = 'ready' %2 "
                                               "ORDER BY p.deleted_at IS NOT NULL, p.deleted_at DESC LIMIT 1")
                                    .arg(QLatin1String(kProjectColumns), includeTrash ? QString() : QStringLiteral("AND p.deleted_at IS NULL")));
    q.bindAll(nameOrId, nameOrId);
    if (q.next())
        return projectFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot look up the project \"%1\"").arg(nameOrId));
    return Error::notFound((includeTrash ? QCoreApplication::translate("Realm::Projects", "No project named \"%1\". "
                                                                                               "`realm-cli project list` shows the projects.")
                                             : QCoreApplication::translate("Realm::Projects", "No project named \"%1\" (outside the trash). "
                                                                                               "`realm-cli project list` shows the projects."))
                                   .arg(nameOrId));
}

Result<QList<Project>> ProjectStore::list(const ProjectFilter &filter) const
{
    QString sql = QStringLiteral("SELECT %1 FROM projects p WHERE p.state = 'ready' AND p.deleted_at IS %2 NULL")
                      .arg(QLatin1String(kProjectColumns), filter.trash ? QStringLiteral("NOT") : QString());
    QList<Statement::Value> binds;
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

    Statement q(m_db->handle(), sql);
    q.bindList(binds);
    QList<Project> projects;
    while (q.next())
        projects.append(projectFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot list the projects"));
    return projects;
}

Result<Project> ProjectStore::update(const QString &id, const ProjectChanges &changes)
{
    QStringList sets;
    QList<Statement::Value> binds;
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
        binds << *changes.description;
    }
    if (changes.tags) {
        sets << QStringLiteral("tags = ?");
        binds << tagsJson(*changes.tags);
    }
    if (sets.isEmpty())
        return find(id, true);
    sets << QStringLiteral("updated_at = ?");
    binds << Clock::nowMs() << id;
    Statement q(m_db->handle(), QStringLiteral("UPDATE projects SET %1 WHERE id = ? AND state = 'ready'").arg(sets.join(QStringLiteral(", "))));
    q.bindList(binds);
    if (Result<void> changed = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot change the project")); !changed) {
        if (q.isUniqueViolation())
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project named \"%1\" already exists. Choose another name.").arg(changes.name.value_or(QString())));
        return changed.error();
    }
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project %1 does not exist.").arg(id));
    return find(id, true);
}

Result<void> ProjectStore::moveToTrash(const QString &id)
{
    Statement q(m_db->handle(), "UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL AND state = 'ready'");
    const qint64 now = Clock::nowMs();
    q.bindAll(now, now, id);
    if (Result<void> trashed = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot move the project to the trash")); !trashed)
        return trashed;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project %1 is not in the workspace (or already in the trash).").arg(id));
    return {};
}

Result<Project> ProjectStore::restore(const QString &id)
{
    Statement q(m_db->handle(), "UPDATE projects SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL AND state = 'ready'");
    q.bindAll(Clock::nowMs(), id);
    if (Result<void> restored = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot restore the project")); !restored) {
        if (q.isUniqueViolation())
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "Another project already has this project's name. Rename that one first, then restore."));
        return restored.error();
    }
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project %1 is not in the trash.").arg(id));
    return find(id);
}

Result<int> ProjectStore::emptyTrash()
{
    const Storage::Handle db = m_db->handle();
    Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    Result<QStringList> ids = projectIds(db, "deleted_at IS NOT NULL AND state = 'ready'");
    if (!ids)
        return ids.error();
    const QString failed = QCoreApplication::translate("Realm::Projects", "Cannot empty the trash");
    Statement purge(db, "UPDATE projects SET state = 'purged', file_count = 0, total_bytes = 0, updated_at = ? WHERE id = ?");
    Statement forgetVersions(db, "DELETE FROM project_versions WHERE project_id = ?");
    Statement forgetFiles(db, "DELETE FROM files WHERE project_id = ?");
    Statement forgetFolder(db, "DELETE FROM folder_files WHERE project_id = ?");
    const qint64 now = Clock::nowMs();
    for (const QString &id : std::as_const(*ids)) {
        // The project row stays as a tombstone so a later sync can pass the
        // deletion on; its files, its history and their contents go, and
        // what other modules kept about it (they registered how).
        // (The row stays, so ON DELETE CASCADE does not run for them.)
        // 'purged' comes first: the change capture then knows that the rows
        // below go with the project and records only the project's row.
        if (Result<void> r = purge.bindAll(now, id).exec(failed); !r)
            return r.error();
        if (Result<void> r = Cleanup::projectPurged(db, id); !r)
            return r.error();
        for (Statement *forget : {&forgetVersions, &forgetFiles, &forgetFolder}) {
            if (Result<void> r = forget->bindAll(id).exec(failed); !r)
                return r.error();
        }
    }
    Result<qint64> collected = BlobStore::collectGarbage(db);
    if (!collected)
        return collected.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return int(ids->size());
}

Result<QList<ProjectFile>> ProjectStore::files(const QString &projectId) const
{
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 WHERE f.project_id = ? AND f.deleted_at IS NULL ORDER BY f.path").arg(QLatin1String(kFileColumns)));
    q.bindAll(projectId);
    QList<ProjectFile> result;
    while (q.next())
        result.append(fileFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot list the project's files"));
    return result;
}

Result<ProjectFile> ProjectStore::file(const QString &projectId, const QString &path) const
{
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 WHERE f.project_id = ? AND f.path = ? AND f.deleted_at IS NULL").arg(QLatin1String(kFileColumns)));
    q.bindAll(projectId, path);
    if (q.next())
        return fileFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot look up %1").arg(path));
    return Error::notFound(QCoreApplication::translate("Realm::Projects", "The project has no file %1.").arg(path));
}

Result<QByteArray> ProjectStore::content(const ProjectFile &file) const
{
    Statement q(m_db->handle(), "SELECT content, present FROM blobs WHERE sha256 = ?");
    q.bindAll(file.sha256);
    if (q.next()) {
        if (q.columnInt(1) == 0)
            return notDownloaded(file.path);
        return q.columnBlob(0);
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot read %1").arg(file.path));
    return Error::notFound(QCoreApplication::translate("Realm::Projects", "The contents of %1 are missing from the workspace.").arg(file.path));
}

Result<QList<QPair<QString, qint64>>> ProjectStore::languages(const QString &projectId) const
{
    Statement q(m_db->handle(), "SELECT language, count(*) AS n FROM files WHERE project_id = ? AND deleted_at IS NULL "
                                "GROUP BY language ORDER BY n DESC, language");
    q.bindAll(projectId);
    QList<QPair<QString, qint64>> result;
    while (q.next())
        result.append({q.columnText(0), q.columnInt(1)});
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Projects", "Cannot count the project's languages"));
    return result;
}

Result<void> ProjectStore::recoverInterruptedImports()
{
    const Storage::Handle db = m_db->handle();
    Result<QStringList> importing = projectIds(db, "state = 'importing'");
    if (!importing)
        return importing.error();
    QStringList abandoned;
    for (const QString &id : std::as_const(*importing)) {
        // An import still running in another process holds its lock file;
        // only imports whose process is gone are cleaned up.
        QLockFile lock(importLockPath(m_db->path(), id));
        if (lock.tryLock(0)) {
            abandoned << id;
            lock.unlock();
        }
    }
    if (abandoned.isEmpty())
        return {};
    Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    Statement remove(db, "DELETE FROM projects WHERE id = ? AND state = 'importing'");
    for (const QString &id : std::as_const(abandoned)) {
        if (Result<void> r = remove.bindAll(id).exec(QCoreApplication::translate("Realm::Projects", "Cannot remove an interrupted import")); !r)
            return r;
    }
    Result<qint64> collected = BlobStore::collectGarbage(db);
    if (!collected)
        return collected.error();
    return transaction.commit();
}

} // namespace Realm::Projects
