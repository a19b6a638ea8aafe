// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "docs/docjson.h"
#include "projects/cleanup.h"
#include "storage/sqlerror.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Realm::Docs {

namespace {
const char kVersionColumns[] = "id, project_id, kind, template, inputs_hash, project_revision, model, title, stats, created_at";

DocVersion versionFrom(const QSqlQuery &q)
{
    DocVersion v;
    v.id = q.value(0).toString();
    v.projectId = q.value(1).toString();
    v.kind = q.value(2).toString();
    v.templateName = q.value(3).toString();
    v.inputsHash = q.value(4).toString();
    v.projectRevision = q.value(5).toLongLong();
    v.model = q.value(6).toString();
    v.title = q.value(7).toString();
    v.stats = statsFromStored(QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object());
    v.createdAt = q.value(9).toLongLong();
    return v;
}

DocTemplate templateFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toLongLong(), q.value(5).toLongLong()};
}

// QSQLITE binds a null QString as NULL; NOT NULL text columns want ''.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}
} // namespace

Result<QHash<QByteArray, QByteArray>> DocStore::cachedSymbols(const QList<QByteArray> &keys, int extractorVersion) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT symbols FROM doc_symbol_cache WHERE sha256 = ? AND suffix = ? AND extractor = ?"));
    QHash<QByteArray, QByteArray> found;
    for (const QByteArray &key : keys) {
        const qsizetype cut = key.indexOf('\n');
        q.bindValue(0, key.left(cut));
        q.bindValue(1, QString::fromUtf8(key.mid(cut + 1)));
        q.bindValue(2, extractorVersion);
        if (!q.exec())
            return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading the symbol cache failed"), q);
        if (q.next())
            found.insert(key, q.value(0).toByteArray());
    }
    return found;
}

Result<void> DocStore::cacheSymbols(const QHash<QByteArray, QByteArray> &symbolsByKey, int extractorVersion)
{
    Storage::Transaction transaction(m_db->connection());
    if (!transaction.isActive())
        return transaction.error();
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO doc_symbol_cache (sha256, suffix, extractor, symbols) VALUES (?, ?, ?, ?)"));
    for (auto it = symbolsByKey.cbegin(); it != symbolsByKey.cend(); ++it) {
        const qsizetype cut = it.key().indexOf('\n');
        q.bindValue(0, it.key().left(cut));
        q.bindValue(1, QString::fromUtf8(it.key().mid(cut + 1)));
        q.bindValue(2, extractorVersion);
        q.bindValue(3, it.value());
        if (!q.exec())
            return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Saving the symbol cache failed"), q);
    }
    return transaction.commit();
}

Result<std::optional<CachedSummary>> DocStore::summary(const QByteArray &inputHash) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT model, text, created_at FROM doc_summaries WHERE input_hash = ?"));
    q.addBindValue(inputHash);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading a cached summary failed"), q);
    if (!q.next())
        return std::optional<CachedSummary>();
    return std::optional<CachedSummary>(CachedSummary{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
}

Result<void> DocStore::saveSummary(const QByteArray &inputHash, const QString &model, const QString &summaryText)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO doc_summaries (input_hash, model, text, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(inputHash);
    q.addBindValue(text(model));
    q.addBindValue(text(summaryText));
    q.addBindValue(Clock::nowMs());
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Saving a summary failed"), q);
    return {};
}

Result<QList<DocTemplate>> DocStore::templates() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT name, kind, body, prompt, created_at, updated_at FROM doc_templates WHERE deleted_at IS NULL ORDER BY name")))
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading the templates failed"), q);
    QList<DocTemplate> list;
    while (q.next())
        list.append(templateFrom(q));
    return list;
}

Result<DocTemplate> DocStore::findTemplate(const QString &name) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT name, kind, body, prompt, created_at, updated_at FROM doc_templates WHERE name = ? AND deleted_at IS NULL"));
    q.addBindValue(name);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading a template failed"), q);
    if (!q.next())
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no template named \"%1\" (realm-cli docs template list shows them).").arg(name));
    return templateFrom(q);
}

Result<void> DocStore::saveTemplate(const DocTemplate &t)
{
    if (t.name.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "A template needs a name."));
    if (t.name == QLatin1String("built-in"))
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "\"built-in\" names REALM's own templates; choose another name."));
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO doc_templates (name, kind, body, prompt, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, body = excluded.body, prompt = excluded.prompt, "
                             "created_at = iif(deleted_at IS NULL, created_at, excluded.created_at), "
                             "updated_at = excluded.updated_at, deleted_at = NULL"));
    const qint64 now = Clock::nowMs();
    q.addBindValue(t.name);
    q.addBindValue(text(t.kind));
    q.addBindValue(text(t.body));
    q.addBindValue(text(t.prompt));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Saving the template failed"), q);
    return {};
}

Result<void> DocStore::removeTemplate(const QString &name)
{
    QSqlQuery q(m_db->connection());
    // A tombstone, so that sync can pass the removal on.
    q.prepare(QStringLiteral("UPDATE doc_templates SET deleted_at = ?, updated_at = ? WHERE name = ? AND deleted_at IS NULL"));
    const qint64 now = Clock::nowMs();
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(name);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Removing the template failed"), q);
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no template named \"%1\".").arg(name));
    return {};
}

Result<DocVersion> DocStore::saveVersion(DocVersion v)
{
    if (v.id.isEmpty())
        v.id = newId();
    if (v.createdAt == 0)
        v.createdAt = Clock::nowMs();
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, model, title, "
                             "markdown, stats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(v.id);
    q.addBindValue(v.projectId);
    q.addBindValue(text(v.kind));
    q.addBindValue(text(v.templateName));
    q.addBindValue(text(v.inputsHash));
    q.addBindValue(v.projectRevision);
    q.addBindValue(text(v.model));
    q.addBindValue(text(v.title));
    q.addBindValue(text(v.markdown));
    q.addBindValue(QString::fromUtf8(QJsonDocument(v.stats).toJson(QJsonDocument::Compact)));
    q.addBindValue(v.createdAt);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Saving the document failed"), q);
    return v;
}

Result<QList<DocVersion>> DocStore::versions(const QString &projectId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM doc_versions WHERE project_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, rowid DESC")
                  .arg(QLatin1String(kVersionColumns)));
    q.addBindValue(projectId);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading the documents failed"), q);
    QList<DocVersion> list;
    while (q.next())
        list.append(versionFrom(q));
    return list;
}

Result<DocVersion> DocStore::version(const QString &idOrPrefix) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1, markdown FROM doc_versions "
                             "WHERE (id = ? OR (length(?) >= 6 AND substr(id, 1, length(?)) = ?)) AND deleted_at IS NULL LIMIT 2")
                  .arg(QLatin1String(kVersionColumns)));
    for (int i = 0; i < 4; ++i)
        q.addBindValue(idOrPrefix);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading the document failed"), q);
    if (!q.next())
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no document %1 (realm-cli docs list PROJECT shows them).").arg(idOrPrefix));
    DocVersion v = versionFrom(q);
    v.markdown = q.value(10).toString();
    if (v.id != idOrPrefix && q.next())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "%1 names more than one document; give more of the id.").arg(idOrPrefix));
    return v;
}

Result<std::optional<DocVersion>> DocStore::latest(const QString &projectId, const QString &kind, const QString &templateName) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1, markdown FROM doc_versions WHERE project_id = ? AND kind = ? AND template = ? AND deleted_at IS NULL "
                             "ORDER BY created_at DESC, rowid DESC LIMIT 1")
                  .arg(QLatin1String(kVersionColumns)));
    q.addBindValue(projectId);
    q.addBindValue(kind);
    q.addBindValue(templateName);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading the documents failed"), q);
    if (!q.next())
        return std::optional<DocVersion>();
    DocVersion v = versionFrom(q);
    v.markdown = q.value(10).toString();
    return std::optional<DocVersion>(v);
}

Result<std::optional<DocVersion>> DocStore::newestApiReference(const QString &projectId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM doc_versions WHERE project_id = ? AND kind = 'api' AND deleted_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1")
                  .arg(QLatin1String(kVersionColumns)));
    q.addBindValue(projectId);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Reading the documents failed"), q);
    if (!q.next())
        return std::optional<DocVersion>();
    return std::optional<DocVersion>(versionFrom(q));
}

Result<void> DocStore::removeVersion(const QString &id)
{
    QSqlQuery q(m_db->connection());
    // A tombstone, so that sync can pass the removal on.
    q.prepare(QStringLiteral("UPDATE doc_versions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(Clock::nowMs());
    q.addBindValue(id);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Docs", "Removing the document failed"), q);
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no document %1.").arg(id));
    return {};
}

void registerCleanup()
{
    Projects::Cleanup::beforeProjectPurged([](Storage::Handle db, const QString &projectId) -> Result<void> {
        Storage::Statement forget(db, "DELETE FROM doc_versions WHERE project_id = ?");
        forget.bind(1, projectId);
        return forget.exec(QCoreApplication::translate("Realm::Docs", "Cannot remove the project's documents"));
    });
    Projects::Cleanup::beforeContentCollected([](Storage::Handle db, const Projects::Cleanup::CollectedContent &content) -> Result<void> {
        Storage::Statement forget(db, "DELETE FROM doc_symbol_cache WHERE sha256 = ?");
        forget.bindBlob(1, content.sha256);
        return forget.exec(QCoreApplication::translate("Realm::Docs", "Cannot remove a content's symbols"));
    });
}

} // namespace Realm::Docs
