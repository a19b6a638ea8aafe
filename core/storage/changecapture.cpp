// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/changecapture.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <sqlite3.h>

namespace Realm::Storage {

namespace {
struct SyncedTable {
    QString name;
    QString key;
    bool purgedWithProject = false;
    QStringList syncedColumns;
    bool counted = false; // has a revision column
};

Error captureError(sqlite3 *db)
{
    return Error::database(QCoreApplication::translate("Realm::Storage", "Cannot set up the change record for sync: %1")
                               .arg(QString::fromUtf8(sqlite3_errmsg(db))));
}

// Rows of a one-column (or first-column) query with text parameters.
Result<QList<QStringList>> rows(sqlite3 *db, const char *sql, const QStringList &parameters = {})
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return captureError(db);
    for (int i = 0; i < parameters.size(); ++i) {
        const QByteArray utf8 = parameters.at(i).toUtf8();
        sqlite3_bind_text(stmt, i + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    QList<QStringList> result;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        QStringList row;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            row << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)));
        result << row;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return captureError(db);
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

Result<void> installChangeCapture(sqlite3 *db)
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
                                                  {t.name});
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
    char *message = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        return Error::database(QCoreApplication::translate("Realm::Storage", "Cannot set up the change record for sync: %1").arg(text));
    }
    return {};
}

} // namespace Realm::Storage
