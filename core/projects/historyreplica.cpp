// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/historyreplica.h"

#include "common/clock.h"
#include "common/jsontime.h"
#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Projects::HistoryReplica {

using Storage::Statement;

namespace {

const QString kTable = QLatin1String(kVersions);

QString readFailed()
{
    return QCoreApplication::translate("Realm::Projects", "Cannot read the project's versions");
}

// What a teammate's version may say it was: anything else is a refresh.
QString kindFrom(const QJsonObject &data)
{
    const QString kind = data.value(QStringLiteral("kind")).toString();
    for (const char *known : {"import", "refresh", "resolve"})
        if (kind == QLatin1String(known))
            return kind;
    return QStringLiteral("refresh");
}

qint64 countFrom(const QJsonObject &data, const char *name)
{
    return qMax<qint64>(0, data.value(QLatin1String(name)).toInteger());
}

} // namespace

bool isHistoryTable(const QString &table)
{
    return table == kTable;
}

Result<std::optional<QJsonObject>> itemData(const Storage::DatabasePtr &db, const QString &projectId, const RowRef &row)
{
    if (row.first != kTable)
        return std::optional<QJsonObject>();
    Statement q(db->handle(), "SELECT kind, source_commit, added, changed, removed, created_at, author FROM project_versions "
                              "WHERE id = ? AND project_id = ? AND kind <> 'sync'");
    q.bindAll(row.second, projectId);
    if (!q.next())
        return q.failed() ? Result<std::optional<QJsonObject>>(q.error(readFailed())) : std::optional<QJsonObject>();
    QJsonObject data{
        {QStringLiteral("kind"), q.columnText(0)},
        {QStringLiteral("source_commit"), q.columnText(1)},
        {QStringLiteral("added"), q.columnInt(2)},
        {QStringLiteral("changed"), q.columnInt(3)},
        {QStringLiteral("removed"), q.columnInt(4)},
        {QStringLiteral("created_at"), Json::time(q.columnInt(5))},
    };
    // As the server has it, once it named who made it.
    if (!q.columnText(6).isEmpty())
        data.insert(QStringLiteral("author"), q.columnText(6));
    return std::optional<QJsonObject>(data);
}

Result<QList<SyncedRow>> pending(const Storage::DatabasePtr &db, const QString &projectId)
{
    Statement q(db->handle(), "SELECT v.id FROM changes c JOIN project_versions v ON c.table_name = 'project_versions' AND c.row_key = v.id "
                              "WHERE v.project_id = ? AND v.kind <> 'sync' ORDER BY v.number");
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
    Statement q(db, "SELECT count(*) FROM changes c JOIN project_versions v ON c.table_name = 'project_versions' AND c.row_key = v.id "
                    "WHERE v.project_id = ? AND v.kind <> 'sync'");
    q.bindAll(projectId);
    if (!q.next())
        return q.error(readFailed());
    return q.columnInt(0);
}

Result<void> markAllPending(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "INSERT INTO changes (table_name, row_key, op) SELECT 'project_versions', id, 'upsert' FROM project_versions "
                    "WHERE project_id = ? AND kind <> 'sync' ON CONFLICT (table_name, row_key) DO NOTHING");
    q.bindAll(projectId);
    return q.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's versions to send"));
}

Result<QList<RowRef>> rows(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT id FROM project_versions WHERE project_id = ? AND kind <> 'sync'");
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
    if (table != kTable || deleted)
        return {};
    Statement owner(db, "SELECT project_id FROM project_versions WHERE id = ?");
    owner.bindAll(key);
    const bool known = owner.next();
    if (owner.failed())
        return owner.error(readFailed());
    // One line: it goes into commit messages.
    const QString author = data.value(QStringLiteral("author")).toString().simplified().left(200);
    if (known) {
        if (owner.columnText(0) != projectId)
            return {};
        // What a version did never changes, nor who made it; the server
        // names the maker of one made here (not captured: see schema 16).
        Statement named(db, "UPDATE project_versions SET author = ? WHERE id = ? AND author = ''");
        named.bindAll(author, key);
        return named.exec(QCoreApplication::translate("Realm::Projects", "Cannot save the version the server sent"));
    }
    Statement q(db, "INSERT INTO project_versions (id, project_id, number, kind, source_commit, added, changed, removed, created_at, author) "
                    "VALUES (?1, ?2, (SELECT coalesce(max(number), 0) + 1 FROM project_versions WHERE project_id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    q.bindAll(key, projectId, kindFrom(data), data.value(QStringLiteral("source_commit")).toString().left(200), countFrom(data, "added"),
              countFrom(data, "changed"), countFrom(data, "removed"), Json::timeFrom(data.value(QStringLiteral("created_at"))).value_or(Clock::nowMs()),
              author);
    if (Result<void> written = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot save the version the server sent")); !written)
        return written;
    return Storage::forgetChange(db, kTable, key);
}

} // namespace Realm::Projects::HistoryReplica
