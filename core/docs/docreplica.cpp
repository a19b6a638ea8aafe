// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docreplica.h"

#include "common/clock.h"
#include "common/jsontime.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Realm::Docs::Replica {

using Storage::Statement;

namespace {

const QString kTable = QLatin1String(kDocVersions);

QString readFailed()
{
    return QCoreApplication::translate("Realm::Docs", "Cannot read the project's documents");
}

} // namespace

bool isDocTable(const QString &table)
{
    return table == kTable;
}

Result<std::optional<QJsonObject>> itemData(const Storage::DatabasePtr &db, const QString &projectId, const RowRef &row)
{
    if (row.first != kTable)
        return std::optional<QJsonObject>();
    Statement q(db->handle(), "SELECT kind, template, inputs_hash, project_revision, model, title, markdown, stats, created_at, deleted_at "
                              "FROM doc_versions WHERE id = ? AND project_id = ?");
    q.bindAll(row.second, projectId);
    if (!q.next())
        return q.failed() ? Result<std::optional<QJsonObject>>(q.error(readFailed())) : std::optional<QJsonObject>();
    return std::optional<QJsonObject>(QJsonObject{
        {QStringLiteral("kind"), q.columnText(0)},
        {QStringLiteral("template"), q.columnText(1)},
        {QStringLiteral("inputs_hash"), q.columnText(2)},
        {QStringLiteral("project_revision"), q.columnInt(3)},
        {QStringLiteral("model"), q.columnText(4)},
        {QStringLiteral("title"), q.columnText(5)},
        {QStringLiteral("markdown"), q.columnText(6)},
        {QStringLiteral("stats"), QJsonDocument::fromJson(q.columnText(7).toUtf8()).object()},
        {QStringLiteral("created_at"), Json::time(q.columnInt(8))},
        {QStringLiteral("deleted_at"), q.columnIsNull(9) ? QJsonValue() : QJsonValue(Json::time(q.columnInt(9)))},
    });
}

Result<QList<SyncedRow>> pending(const Storage::DatabasePtr &db, const QString &projectId)
{
    Statement q(db->handle(), "SELECT d.id FROM changes c JOIN doc_versions d ON c.table_name = 'doc_versions' AND c.row_key = d.id "
                              "WHERE d.project_id = ? ORDER BY d.rowid");
    q.bindAll(projectId);
    QStringList ids;
    while (q.next())
        ids.append(q.columnText(0));
    if (q.failed())
        return q.error(readFailed());
    QList<SyncedRow> items;
    for (const QString &id : std::as_const(ids)) {
        Result<std::optional<QJsonObject>> data = itemData(db, projectId, {kTable, id});
        if (!data)
            return data.error();
        if (*data)
            items.append(SyncedRow{kTable, id, **data});
    }
    return items;
}

Result<qint64> pendingCount(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT count(*) FROM changes c JOIN doc_versions d ON c.table_name = 'doc_versions' AND c.row_key = d.id WHERE d.project_id = ?");
    q.bindAll(projectId);
    if (!q.next())
        return q.error(readFailed());
    return q.columnInt(0);
}

Result<void> markAllPending(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "INSERT INTO changes (table_name, row_key, op) SELECT 'doc_versions', id, 'upsert' FROM doc_versions WHERE project_id = ? "
                    "ON CONFLICT (table_name, row_key) DO NOTHING");
    q.bindAll(projectId);
    return q.exec(QCoreApplication::translate("Realm::Docs", "Cannot record the project's documents to send"));
}

Result<QList<RowRef>> rows(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT id FROM doc_versions WHERE project_id = ?");
    q.bindAll(projectId);
    QList<RowRef> rows;
    while (q.next())
        rows.append({kTable, q.columnText(0)});
    if (q.failed())
        return q.error(readFailed());
    return rows;
}

QList<RowRef> references(const QString &, const QJsonObject &)
{
    return {};
}

Result<void> apply(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const QJsonObject &data, bool deleted)
{
    if (table != kTable)
        return {};
    Statement owner(db, "SELECT project_id FROM doc_versions WHERE id = ?");
    owner.bindAll(key);
    if (owner.next() && owner.columnText(0) != projectId)
        return {};
    if (owner.failed())
        return owner.error(readFailed());
    const qint64 now = Clock::nowMs();
    std::optional<qint64> deletedAt = Json::timeFrom(data.value(QStringLiteral("deleted_at")));
    if (deleted && !deletedAt)
        deletedAt = now;
    // What a version says never changes; only its removal does.
    Statement q(db, "INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, model, title, markdown, stats, "
                    "created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at");
    q.bindAll(key, projectId, data.value(QStringLiteral("kind")).toString(), data.value(QStringLiteral("template")).toString(),
              data.value(QStringLiteral("inputs_hash")).toString(), data.value(QStringLiteral("project_revision")).toInteger(),
              data.value(QStringLiteral("model")).toString(), data.value(QStringLiteral("title")).toString(),
              data.value(QStringLiteral("markdown")).toString(),
              QString::fromUtf8(QJsonDocument(data.value(QStringLiteral("stats")).toObject()).toJson(QJsonDocument::Compact)),
              Json::timeFrom(data.value(QStringLiteral("created_at"))).value_or(now), deletedAt);
    if (Result<void> written = q.exec(QCoreApplication::translate("Realm::Docs", "Cannot save the document the server sent")); !written)
        return written;
    return Storage::forgetChange(db, kTable, key);
}

} // namespace Realm::Docs::Replica
