// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdb/backup.h"

#include "serverdb/query.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

namespace Realm::ServerDb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::ServerDb", text);
}

Error databaseError(const QString &what, const QSqlQuery &query)
{
    return Error::database(tr("%1: the database said \"%2\".").arg(what, query.lastError().text().trimmed()));
}

// Every row of `table` from `from` into `to` (emptied first: the schema
// seeds a few rows); how many.
Result<qint64> copyTable(const QSqlDatabase &from, const QSqlDatabase &to, const QString &table)
{
    QSqlQuery clear(to);
    if (!clear.exec(QStringLiteral("DELETE FROM ") + table))
        return databaseError(tr("Cannot empty %1").arg(table), clear);
    QSqlQuery rows(from);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT * FROM ") + table))
        return databaseError(tr("Cannot read %1").arg(table), rows);
    const QSqlRecord record = rows.record();
    QStringList columns;
    QStringList placeholders;
    for (int i = 0; i < record.count(); ++i) {
        columns << record.fieldName(i);
        placeholders << QStringLiteral("?");
    }
    QSqlQuery insert(to);
    if (!insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")))))
        return databaseError(tr("Cannot write %1").arg(table), insert);
    qint64 count = 0;
    while (rows.next()) {
        for (int i = 0; i < record.count(); ++i)
            insert.bindValue(i, rows.value(i));
        if (!insert.exec())
            return databaseError(tr("Cannot write a row of %1").arg(table), insert);
        ++count;
    }
    if (rows.lastError().isValid())
        return databaseError(tr("Cannot read %1").arg(table), rows);
    return count;
}

Result<BackupSummary> copyAll(const QSqlDatabase &from, const QSqlDatabase &to, int schemaVersion)
{
    BackupSummary summary;
    summary.schemaVersion = schemaVersion;
    for (const QString &table : ServerDatabase::tablesInCreationOrder(Backend::Sqlite)) {
        Result<qint64> copied = copyTable(from, to, table);
        if (!copied)
            return copied.error();
        ++summary.tables;
        summary.rows += *copied;
    }
    return summary;
}

// PostgreSQL hands out serial numbers from sequences that a copy does not
// move: each goes on after the highest number restored.
Result<void> advanceSequences(const QSqlDatabase &db)
{
    QSqlQuery serials(db);
    if (!serials.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                     "WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'")))
        return databaseError(tr("Cannot list the sequences"), serials);
    QList<std::pair<QString, QString>> columns;
    while (serials.next())
        columns.append({serials.value(0).toString(), serials.value(1).toString()});
    for (const auto &[table, column] : columns) {
        QSqlQuery advance(db);
        const QString sql = QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), COALESCE((SELECT MAX(%2) FROM %1), 0) + 1, false)").arg(table, column);
        if (!advance.exec(sql))
            return databaseError(tr("Cannot advance the sequence of %1").arg(table), advance);
    }
    return {};
}

Result<int> countRows(const QSqlDatabase &db, const char *sql)
{
    QSqlQuery count(db);
    if (!count.exec(QString::fromLatin1(sql)) || !count.next())
        return databaseError(tr("Cannot look into the database"), count);
    return count.value(0).toInt();
}

} // namespace

Result<BackupSummary> Backup::write(const ServerDatabase &source, const QString &file)
{
    if (QFileInfo::exists(file))
        return Error::invalidInput(tr("%1 exists already. A backup never overwrites a file: give a new name.").arg(file));
    Result<int> version = source.schemaVersion();
    if (!version)
        return version.error();
    // Written beside the target and renamed at the end: a backup cut short
    // leaves no file that looks whole.
    const QString partial = file + QStringLiteral(".partial");
    QFile::remove(partial);
    {
        // Private from the first byte (SQLite keeps the mode of an empty
        // file it writes into, and gives its WAL the same).
        // Made with its mode in one step, and never through a link someone
        // put there (NewOnly: O_EXCL).
        QFile create(partial);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Error::io(tr("Cannot create the backup %1: %2. Check the folder is writable.").arg(partial, create.errorString()));
    }
    Result<BackupSummary> summary = Error::failed(QString());
    if (source.backend() == Backend::Sqlite) {
        // SQLite copies itself, from one read transaction.
        summary = source.read([&](const QSqlDatabase &db) -> Result<BackupSummary> {
            Query vacuum(db, "VACUUM INTO ?");
            vacuum.bindAll(partial);
            if (Result<void> ran = vacuum.exec(tr("Cannot write the backup")); !ran)
                return ran.error();
            return BackupSummary{int(ServerDatabase::tablesInCreationOrder(Backend::Sqlite).size()), -1, *version};
        });
    } else {
        Result<ServerDatabasePtr> copy = ServerDatabase::open(DatabaseLocation::sqlite(partial));
        if (!copy)
            return copy.error();
        Result<QSqlDatabase> to = (*copy)->connection();
        if (!to)
            return to.error();
        summary = source.snapshot(tr("Cannot read the database for the backup"), [&](const QSqlDatabase &from) -> Result<BackupSummary> {
            return (*copy)->write(tr("Cannot write the backup"), [&](const QSqlDatabase &) { return copyAll(from, *to, *version); });
        });
    }
    if (!summary) {
        QFile::remove(partial);
        return summary;
    }
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!QFile::rename(partial, file)) {
        QFile::remove(partial);
        return Error::io(tr("Cannot move the backup to %1: check the folder is writable.").arg(file));
    }
    return summary;
}

Result<BackupSummary> Backup::restore(const QString &file, const ServerDatabase &target)
{
    if (!QFileInfo(file).isFile())
        return Error::notFound(tr("There is no backup file %1.").arg(file));
    // Opening a backup brings an older one up to date: do that to a copy,
    // never to the file itself.
    QTemporaryDir scratch;
    const QString copyPath = scratch.filePath(QStringLiteral("backup.db"));
    if (!scratch.isValid() || !QFile::copy(file, copyPath))
        return Error::io(tr("Cannot copy %1 to a temporary folder to read it.").arg(file));
    QFile::setPermissions(copyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Result<ServerDatabasePtr> backup = ServerDatabase::open(DatabaseLocation::sqlite(copyPath));
    if (!backup)
        return Error{backup.error().code, tr("%1 is not a backup this realm-server can read: %2").arg(file, backup.error().message)};
    Result<QSqlDatabase> from = (*backup)->connection();
    if (!from)
        return from.error();
    Result<int> version = (*backup)->schemaVersion();
    if (!version)
        return version.error();
    Result<BackupSummary> summary = target.write(tr("Cannot restore the backup"), [&](const QSqlDatabase &to) -> Result<BackupSummary> {
        Result<int> users = countRows(to, "SELECT COUNT(*) FROM users");
        if (!users)
            return users.error();
        Result<int> orgs = countRows(to, "SELECT COUNT(*) FROM orgs");
        if (!orgs)
            return orgs.error();
        if (*users > 0 || *orgs > 0)
            return Error::conflict(tr("The database to restore into is not empty (%1 users, %2 organizations). Restore into a new data folder "
                                      "(realm-server init) or a new PostgreSQL database, then point the servers at it.")
                                       .arg(*users)
                                       .arg(*orgs));
        Result<BackupSummary> copied = copyAll(*from, to, *version);
        if (!copied)
            return copied;
        if (target.backend() == Backend::PostgreSql) {
            if (Result<void> advanced = advanceSequences(to); !advanced)
                return advanced.error();
        }
        // A restored server is a new epoch for sync: clients whose cursors
        // came from the old one start over and delete nothing locally.
        // Their clients' mutation numbers start again where they stand.
        for (const char *sql : {"DELETE FROM sync_epoch", "DELETE FROM sync_results", "DELETE FROM sync_clients"}) {
            QSqlQuery newEpoch(to);
            if (!newEpoch.exec(QString::fromLatin1(sql)))
                return databaseError(tr("Cannot start a new sync epoch"), newEpoch);
        }
        return copied;
    });
    return summary;
}

} // namespace Realm::ServerDb
