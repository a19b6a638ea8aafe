// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/changecapture.h"

#include "storage/statement.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Realm::Storage {

namespace {
struct SyncedTable {
    QString name;
    QString key;
    bool purgedWithProject = false;
    QStringList syncedColumns;
    bool counted = false; // has a revision column
};

QString captureFailed()
{
    return QCoreApplication::translate("Realm::Storage", "Cannot set up the change record for sync");
}

// The rows of a query with text parameters, every column as text.
Result<QList<QStringList>> rows(Handle db, const char *sql, const QString &parameter = {})
{
    Statement q(db, sql);
    if (!parameter.isNull())
        q.bindAll(parameter);
    QList<QStringList> result;
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < q.columnCount(); ++c)
            row << q.columnText(c);
        result << row;
    }
    if (q.failed() || !q.isValid())
        return q.error(captureFailed());
    return result;
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString literal(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'');
}

QString triggersFor(const SyncedTable &t)
{
    const QString table = quoted(t.name);
    const QString name = literal(t.name);
    const auto record = [&](const QString &row, const char *op) {
        const QString key = row + QLatin1Char('.') + quoted(t.key);
        return QStringLiteral("    DELETE FROM changes WHERE table_name = %1 AND row_key = %2;\n"
                              "    INSERT INTO changes (table_name, row_key, op) VALUES (%1, %2, '%3');\n")
            .arg(name, key, QLatin1String(op));
    };
    const auto trigger = [&](const char *suffix) { return quoted(t.name + QLatin1String(suffix)); };
    QStringList columns;
    for (const QString &c : t.syncedColumns)
        columns << quoted(c);
    QString sql;
    sql += QStringLiteral("DROP TRIGGER IF EXISTS %1;\nDROP TRIGGER IF EXISTS %2;\nDROP TRIGGER IF EXISTS %3;\n")
               .arg(trigger("_inserted"), trigger("_updated"), trigger("_deleted"));
    sql += QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 BEGIN\n%3END;\n").arg(trigger("_inserted"), table, record(QStringLiteral("new"), "upsert"));
    QString bump;
    if (t.counted)
        bump = QStringLiteral("    UPDATE %1 SET revision = old.revision + 1 WHERE %2 = new.%2 AND new.revision = old.revision;\n").arg(table, quoted(t.key));
    sql += QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %2 ON %3 BEGIN\n%4%5END;\n")
               .arg(trigger("_updated"), columns.join(QLatin1String(", ")), table, bump, record(QStringLiteral("new"), "upsert"));
    const QString purged = t.purgedWithProject
                               ? QStringLiteral("\nWHEN coalesce((SELECT state FROM projects WHERE id = old.project_id), '') <> 'purged'")
                               : QString();
    sql += QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2%3 BEGIN\n%4END;\n").arg(trigger("_deleted"), table, purged, record(QStringLiteral("old"), "delete"));
    return sql;
}
} // namespace

Result<void> installChangeCapture(Handle db)
{
    Result<QList<QStringList>> present = rows(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'synced_tables'");
    if (!present)
        return present.error();
    if (present->first().first() == QLatin1String("0"))
        return {};
    Result<QList<QStringList>> tables = rows(db, "SELECT table_name, key_column, purged_with_project FROM synced_tables ORDER BY table_name");
    if (!tables)
        return tables.error();
    QString sql;
    for (const QStringList &row : std::as_const(*tables)) {
        SyncedTable t{row.at(0), row.at(1), row.at(2) == QLatin1String("1"), {}, false};
        Result<QList<QStringList>> columns = rows(db,
                                                  "SELECT name, name IN (SELECT column_name FROM unsynced_columns WHERE table_name = ?1) "
                                                  "FROM pragma_table_info(?1)",
                                                  t.name);
        if (!columns)
            return columns.error();
        for (const QStringList &column : std::as_const(*columns)) {
            if (column.at(0) == QLatin1String("revision"))
                t.counted = true;
            if (column.at(1) == QLatin1String("0"))
                t.syncedColumns << column.at(0);
        }
        if (t.syncedColumns.isEmpty())
            return Error::database(QCoreApplication::translate("Realm::Storage", "The workspace lists %1 as synced, but it has no synced columns.").arg(t.name));
        sql += triggersFor(t);
    }
    return execScript(db, sql.toUtf8(), captureFailed());
}

Result<void> forgetChange(Handle db, const QString &table, const QString &rowKey)
{
    Statement q(db, "DELETE FROM changes WHERE table_name = ? AND row_key = ?");
    q.bindAll(table, rowKey);
    return q.exec(QCoreApplication::translate("Realm::Storage", "Cannot record what the server sent"));
}

Result<void> recordChange(Handle db, const QString &table, const QString &rowKey)
{
    Statement q(db, "INSERT INTO changes (table_name, row_key, op) VALUES (?, ?, 'upsert') ON CONFLICT (table_name, row_key) DO NOTHING");
    q.bindAll(table, rowKey);
    return q.exec(QCoreApplication::translate("Realm::Storage", "Cannot record a change to send"));
}

Result<bool> hasChange(Handle db, const QString &table, const QString &rowKey)
{
    Statement q(db, "SELECT 1 FROM changes WHERE table_name = ? AND row_key = ?");
    q.bindAll(table, rowKey);
    const bool pending = q.next();
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Storage", "Cannot read the local changes"));
    return pending;
}

} // namespace Realm::Storage
