// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migrator.h"

#include "storage/sqlerror.h"
#include "storage/trigramtokenizer.h"

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
        return Error::database(QStringLiteral("%1 failed: %2").arg(what, text));
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
        return Error::database(QStringLiteral("The workspace connection is not an SQLite connection."));
    // The schema's search index names REALM's tokenizer.
    if (!registerTrigramTokenizer(handle))
        return Error::database(QStringLiteral("Cannot set up the search index: this SQLite has no FTS5."));

    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(QStringLiteral("Cannot read the workspace schema version"), query);
    const int current = query.value(0).toInt();
    query.finish();

    const QMap<int, QString> files = migrationFiles();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key() <= current || it.key() > target)
            continue;
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly))
            return Error::failed(QStringLiteral("The built-in migration %1 is missing.").arg(it.value()));
        const QString what = QStringLiteral("Upgrading the workspace to schema %1").arg(it.key());
        QByteArray script = "BEGIN IMMEDIATE;\n" + file.readAll() + "\nPRAGMA user_version = "
                            + QByteArray::number(it.key()) + ";\nCOMMIT;";
        Result<void> applied = execScript(handle, script, what);
        if (!applied) {
            sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
            return applied;
        }
    }
    return {};
}

} // namespace Realm::Storage
