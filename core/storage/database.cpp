// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"

#include "common/protectedfiles.h"
#include "storage/migrator.h"
#include "storage/statement.h"
#include "storage/sqlerror.h"
#include "storage/trigramtokenizer.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace Realm::Storage {

namespace {
Q_LOGGING_CATEGORY(lcStorage, "realm.storage", QtInfoMsg)
}

namespace {
QAtomicInteger<quint64> s_instanceCounter;

QAtomicInteger<quint64> s_threadCounter;

// Thread ids are reused once a thread ends; a serial number per thread is not,
// so a new thread never inherits a dead thread's connection.
QString threadKey()
{
    thread_local const quint64 serial = s_threadCounter.fetchAndAddRelaxed(1);
    return QString::number(serial);
}
} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("realm-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    ProtectedFiles::remove(m_path);
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
}

Result<std::shared_ptr<Database>> Database::open(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error::invalidInput(QCoreApplication::translate("Realm::Storage", "The workspace path %1 is not a file. Choose a file path with --workspace.").arg(path));
    if (!QDir().mkpath(info.absolutePath()))
        return Error::io(QCoreApplication::translate("Realm::Storage", "Cannot create the folder %1 for the workspace. Check its permissions or choose another location with --workspace.").arg(info.absolutePath()));

    std::shared_ptr<Database> database(new Database(info.absoluteFilePath()));
    // The first connection checks the schema version before anything else is
    // written, so a newer workspace is never touched.
    Result<QSqlDatabase> db = database->openConnection(database->m_connectionPrefix + threadKey());
    if (!db)
        return db.error();
    Result<void> migrated = Migrator(*db).migrate();
    if (!migrated)
        return migrated.error();
    ProtectedFiles::add(database->m_path);
    return database;
}

Result<QSqlDatabase> Database::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames.append(name);
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    Result<QSqlDatabase> configured = configure(db);
    if (!configured) {
        // Forget the connection, so the next call on this thread tries again.
        db = QSqlDatabase();
        {
            QMutexLocker lock(&m_mutex);
            m_connectionNames.removeOne(name);
        }
        QSqlDatabase::removeDatabase(name);
    }
    return configured;
}

Result<QSqlDatabase> Database::configure(QSqlDatabase db) const
{
    if (!db.open())
        return sqlError(QCoreApplication::translate("Realm::Storage", "Cannot open the workspace %1").arg(m_path), db.lastError());

    // Nothing is written before the file is known to be a REALM workspace
    // (or a new, empty file) that reads without errors.
    Result<int> identified = identify(db);
    if (!identified)
        return identified.error();
    const int version = *identified;
    if (version > Migrator::latestVersion())
        return Error{Error::Code::TooNew,
                     QCoreApplication::translate("Realm::Storage", "The workspace %1 was written by a newer version of REALM (schema %2; this version knows up to %3). "
                                                                   "It was not changed. Open it with a newer REALM, or choose another workspace with --workspace.")
                         .arg(m_path).arg(version).arg(Migrator::latestVersion())};

    const char pragmas[] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                           "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY";
    if (Result<void> configured = execScript(handleOf(db), pragmas, QCoreApplication::translate("Realm::Storage", "Cannot configure the workspace %1").arg(m_path));
        !configured)
        return configured.error();
    sqlite3 *native = handleOf(db).m_db;
    if (!native || !registerTrigramTokenizer(native))
        return Error::database(QCoreApplication::translate("Realm::Storage", "Cannot set up the search index on %1: this SQLite has no FTS5.").arg(m_path));
    return db;
}

namespace {
// Runs SQLite's own check on a file that failed to read, for the message.
QString quickCheck(const QSqlDatabase &db)
{
    Statement check(handleOf(db), "PRAGMA quick_check(3)");
    QStringList lines;
    while (check.next())
        lines << check.columnText(0);
    if (check.failed() || !check.isValid())
        return check.sqliteMessage();
    return lines.join(QStringLiteral("; "));
}
} // namespace

Result<int> Database::identify(const QSqlDatabase &db) const
{
    const Handle handle = handleOf(db);
    QString failure; // what SQLite said about the first query that failed
    const auto number = [&](const char *sql, int column) -> qint64 {
        Statement query(handle, sql);
        if (query.next())
            return query.columnInt(column);
        if (failure.isEmpty())
            failure = query.sqliteMessage();
        return -1;
    };
    const qint64 version = number("PRAGMA user_version", 0);
    const qint64 applicationId = version < 0 ? -1 : number("PRAGMA application_id", 0);
    const char schema[] = "SELECT count(*), count(CASE WHEN type = 'table' AND name = 'projects' THEN 1 END) FROM sqlite_schema";
    const qint64 objects = applicationId == -1 ? -1 : number(schema, 0);
    const bool hasProjects = objects > 0 && number(schema, 1) > 0;
    if (version < 0 || applicationId == -1 || objects < 0) {
        const QString detail = failure.isEmpty() || failure == QLatin1String("not an error") ? quickCheck(db) : failure;
        return Error::database(QCoreApplication::translate("Realm::Storage", "%1 is not a REALM workspace that can be read: it is damaged or not an "
                                                                             "SQLite database (SQLite says: %2). REALM did not write to it. Restore it "
                                                                             "from a backup, or choose another workspace with --workspace.")
                                   .arg(m_path, detail));
    }
    const bool realm = applicationId == Migrator::applicationId();
    const bool empty = applicationId == 0 && version == 0 && objects == 0;
    const bool olderRealm = applicationId == 0 && version > 0 && hasProjects; // written before workspaces were marked
    if (!realm && !empty && !olderRealm)
        return Error::invalidInput(QCoreApplication::translate("Realm::Storage", "%1 is an SQLite database of another program, not a REALM workspace. "
                                                                                 "It was not changed. Choose a REALM workspace or a new file with --workspace.")
                                       .arg(m_path));
    return int(version);
}

QSqlDatabase Database::connection() const
{
    const QString name = m_connectionPrefix + threadKey();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    Result<QSqlDatabase> db = openConnection(name);
    if (!db) {
        qCWarning(lcStorage, "%s", qUtf8Printable(db.error().message));
        return QSqlDatabase::database(name, false);
    }
    return *db;
}

void Database::closeThreadConnection() const
{
    const QString name = m_connectionPrefix + threadKey();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connectionNames.removeOne(name))
            return;
    }
    QSqlDatabase::removeDatabase(name);
}

Handle handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Handle();
    return Handle(*static_cast<sqlite3 *const *>(handle.data()));
}

Handle Database::handle() const
{
    return handleOf(connection());
}

Result<void> Database::checkpoint()
{
    return execScript(handle(), "PRAGMA wal_checkpoint(TRUNCATE)", QCoreApplication::translate("Realm::Storage", "Cannot checkpoint the workspace"));
}

QString Database::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace Realm::Storage
