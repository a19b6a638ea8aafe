// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migrator.h"

#include "storage/sqlerror.h"
#include "storage/trigramtokenizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

namespace Realm::Storage {

namespace {

QMap<int, QString> migrationFiles()
{
    QMap<int, QString> files;
    const QDir dir(QStringLiteral(":/realm/migrations"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
        bool ok = false;
        const int number = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok && number > 0)
            files.insert(number, dir.filePath(name));
    }
    return files;
}

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

// QtSql runs one statement per exec(); migrations hold many (and triggers
// contain semicolons), so the whole script goes through sqlite3_exec.
Result<void> execScript(sqlite3 *handle, const QByteArray &sql, const QString &what)
{
    char *message = nullptr;
    if (sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(handle));
        sqlite3_free(message);
        return Error::database(QCoreApplication::translate("Realm::Storage", "%1 failed: %2").arg(what, text));
    }
    return {};
}

} // namespace

int Migrator::latestVersion()
{
    const QMap<int, QString> files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

Result<void> Migrator::migrate()
{
    return migrateTo(latestVersion());
}

Result<void> Migrator::migrateTo(int target)
{
    sqlite3 *handle = handleOf(m_db);
    if (!handle)
        return Error::database(QCoreApplication::translate("Realm::Storage", "The workspace connection is not an SQLite connection."));
    // The schema's search index names REALM's tokenizer.
    if (!registerTrigramTokenizer(handle))
        return Error::database(QCoreApplication::translate("Realm::Storage", "Cannot set up the search index: this SQLite has no FTS5."));

    const QMap<int, QString> files = migrationFiles();
    for (;;) {
        // The version is read inside the write transaction: when two
        // processes open an old workspace at once, the second one waits and
        // then sees the upgrade done instead of applying it again.
        if (Result<void> begun = execScript(handle, "BEGIN IMMEDIATE", QCoreApplication::translate("Realm::Storage", "Locking the workspace for an upgrade")); !begun)
            return begun;
        sqlite3_stmt *stmt = nullptr;
        int current = -1;
        if (sqlite3_prepare_v2(handle, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            current = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        const auto next = files.upperBound(current);
        if (current < 0 || next == files.cend() || next.key() > target) {
            sqlite3_exec(handle, current < 0 ? "ROLLBACK" : "COMMIT", nullptr, nullptr, nullptr);
            if (current < 0)
                return Error::database(QCoreApplication::translate("Realm::Storage", "Cannot read the workspace schema version: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
            break;
        }
        QFile file(next.value());
        if (!file.open(QIODevice::ReadOnly)) {
            sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
            return Error::failed(QCoreApplication::translate("Realm::Storage", "The built-in migration %1 is missing.").arg(next.value()));
        }
        const QString what = QCoreApplication::translate("Realm::Storage", "Upgrading the workspace to schema %1").arg(next.key());
        const QByteArray script = file.readAll() + "\nPRAGMA user_version = " + QByteArray::number(next.key()) + ";\nCOMMIT;";
        if (Result<void> applied = execScript(handle, script, what); !applied) {
            sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
            return applied;
        }
    }
    return {};
}

} // namespace Realm::Storage
