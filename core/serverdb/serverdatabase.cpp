// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdb/serverdatabase.h"

#include "serverdb/query.h"
#include "serverdb/sqlscript.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <vector>

namespace Realm::ServerDb {

namespace {

QAtomicInteger<int> s_instanceCounter;

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::ServerDb", text);
}

QString threadKey()
{
    return QString::number(quintptr(QThread::currentThread()), 16);
}

// SQLite: what the transaction open on each of this thread's connections
// asked to notify at commit, as (channel, payload).
using PendingNotifications = QSet<std::pair<QString, QString>>;
thread_local QHash<QString, PendingNotifications> t_pendingNotifications;

// The server's migrations: `NNNN_name.sql` runs on both backends; a file
// `NNNN_name.sqlite.sql` or `NNNN_name.postgresql.sql` is for one backend
// and wins over a shared file of the same number.
QMap<int, QString> migrationFiles(Backend backend)
{
    const QString mine = backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    QMap<int, QString> files;
    const QDir folder(QStringLiteral(":/realm/server/migrations"));
    const QStringList names = folder.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        bool ok = false;
        const int number = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (!ok || number <= 0)
            continue;
        const QStringList parts = name.split(QLatin1Char('.'));
        const QString backendPart = parts.size() == 3 ? parts.at(1) : QString();
        if (!backendPart.isEmpty() && backendPart != mine)
            continue;
        if (backendPart.isEmpty() && files.contains(number))
            continue; // this backend's own file came first or comes later
        files.insert(number, folder.filePath(name));
    }
    return files;
}

Result<void> run(const QSqlDatabase &db, const QString &sql, const QString &whatFailed)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return {};
    return Error::database(tr("%1: the database said \"%2\".").arg(whatFailed, query.lastError().text().trimmed()));
}

// Serialises migrations across instances starting at the same moment.
constexpr qint64 kMigrationLockKey = 0x5245414c4d; // "REALM"

} // namespace

ServerDatabase::ServerDatabase(DatabaseLocation location)
    : m_location(std::move(location))
    , m_connectionPrefix(QStringLiteral("realm-server-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

ServerDatabase::~ServerDatabase()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
}

int ServerDatabase::latestVersion(Backend backend)
{
    const QMap<int, QString> files = migrationFiles(backend);
    return files.isEmpty() ? 0 : files.lastKey();
}

Result<std::shared_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseLocation &location)
{
    return openUpTo(location, latestVersion(location.backend));
}

Result<std::shared_ptr<ServerDatabase>> ServerDatabase::openAtVersion(const DatabaseLocation &location, int version)
{
    return openUpTo(location, version);
}

Result<std::shared_ptr<ServerDatabase>> ServerDatabase::openUpTo(const DatabaseLocation &location, int version)
{
    if (location.backend == Backend::Sqlite) {
        const QFileInfo info(location.sqlitePath);
        if (!info.absoluteDir().exists())
            return Error::io(tr("The folder %1 for the server database does not exist. Run `realm-server init --data DIR` first.")
                                 .arg(info.absolutePath()));
    }
    std::shared_ptr<ServerDatabase> database(new ServerDatabase(location));
    if (Result<void> migrated = database->migrateTo(version); !migrated)
        return migrated.error();
    return database;
}

Result<QSqlDatabase> ServerDatabase::connection() const
{
    const QString name = m_connectionPrefix + threadKey();
    if (!QSqlDatabase::contains(name))
        return openConnection(name);
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isOpen())
        return db;
    // Closed after its server went away (recoverAfter): open it again,
    // with the settings it was made with.
    if (Result<void> opened = openAndConfigure(db); !opened)
        return opened.error();
    return db;
}

void ServerDatabase::closeThreadConnection() const
{
    const QString name = m_connectionPrefix + threadKey();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connectionNames.removeOne(name))
            return;
    }
    QSqlDatabase::removeDatabase(name);
}

int ServerDatabase::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_connectionNames.size());
}

Result<QSqlDatabase> ServerDatabase::openConnection(const QString &name) const
{
    const bool sqlite = m_location.backend == Backend::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error::unavailable(sqlite ? tr("Qt's SQLite driver is missing. Install libqt6sql6-sqlite.")
                                         : tr("Qt's PostgreSQL driver is missing. Install libqt6sql6-psql."));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (sqlite) {
        db.setDatabaseName(m_location.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_location.host);
        db.setPort(m_location.port);
        db.setUserName(m_location.user);
        db.setPassword(m_location.password);
        db.setDatabaseName(m_location.databaseName);
        // Keepalives: a connection whose far end vanished without a word
        // (a half-open one — the event feed's listening connection is idle
        // for hours) is found out within about a minute, not the kernel's
        // two hours.
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=realm-server;keepalives=1;keepalives_idle=30;"
                                            "keepalives_interval=10;keepalives_count=3;tcp_user_timeout=60000"));
    }
    if (Result<void> opened = openAndConfigure(db); !opened) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return opened.error();
    }
    QMutexLocker lock(&m_mutex);
    m_connectionNames.append(name);
    return db;
}

Result<void> ServerDatabase::openAndConfigure(QSqlDatabase &db) const
{
    const bool sqlite = m_location.backend == Backend::Sqlite;
    if (!db.open()) {
        const QString why = db.lastError().text().trimmed();
        return sqlite ? Error::database(tr("Cannot open the server database %1: %2").arg(m_location.displayName(), why))
                      : Error::unavailable(tr("Cannot connect to PostgreSQL at %1: %2. Check that it runs, that the URL is right "
                                              "and that the user may log in (a password comes from the URL, PGPASSWORD or ~/.pgpass).")
                                               .arg(m_location.displayName(), why));
    }
    if (!sqlite) {
        // "relation already exists, skipping" and the like are not news.
        if (Result<void> set = run(db, QStringLiteral("SET client_min_messages = warning"), tr("Cannot configure the connection to %1").arg(m_location.displayName())); !set) {
            db.close();
            return set;
        }
        return {};
    }
    // WAL: readers never wait for the writer. synchronous=FULL: a
    // write that was answered survives a power cut.
    const char *pragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"};
    for (const char *pragma : pragmas) {
        if (Result<void> set = run(db, QString::fromLatin1(pragma), tr("Cannot configure the server database %1").arg(m_location.sqlitePath)); !set) {
            db.close();
            return set;
        }
    }
    return {};
}

Result<void> ServerDatabase::begin(const QSqlDatabase &db, const QString &whatFailed) const
{
    Result<void> begun = run(db, m_location.backend == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"), whatFailed);
    // Left over from a transaction that never reached COMMIT or ROLLBACK
    // here. (A BEGIN refused inside a transaction leaves that one's alone.)
    if (begun)
        t_pendingNotifications.remove(db.connectionName());
    return begun;
}

Result<void> ServerDatabase::beginSnapshot(const QSqlDatabase &db, const QString &whatFailed) const
{
    return run(db, m_location.backend == Backend::Sqlite ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
               whatFailed);
}

QStringList ServerDatabase::tablesInCreationOrder(Backend backend)
{
    static const QRegularExpression created(QStringLiteral("CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?(\\w+)"), QRegularExpression::CaseInsensitiveOption);
    QStringList tables;
    const QMap<int, QString> files = migrationFiles(backend);
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString sql = QString::fromUtf8(file.readAll());
        for (QRegularExpressionMatchIterator it = created.globalMatch(sql); it.hasNext();) {
            const QString table = it.next().captured(1).toLower();
            if (!tables.contains(table))
                tables.append(table);
        }
    }
    return tables;
}

Result<void> ServerDatabase::commit(const QSqlDatabase &db, const QString &whatFailed) const
{
    Result<void> committed = run(db, QStringLiteral("COMMIT"), whatFailed);
    if (!committed) {
        rollback(db);
        return committed;
    }
    const PendingNotifications pending = t_pendingNotifications.take(db.connectionName());
    if (pending.isEmpty())
        return committed;
    // Called outside the lock: a listener may (un)listen.
    std::vector<std::pair<std::function<void(const QString &)>, QString>> calls;
    {
        QMutexLocker lock(&m_listenersMutex);
        for (const auto &[channel, payload] : pending) {
            for (const LocalListener &listener : std::as_const(m_localListeners)) {
                if (listener.channel == channel)
                    calls.emplace_back(listener.heard, payload);
            }
        }
    }
    for (const auto &[heard, payload] : calls)
        heard(payload);
    return committed;
}

void ServerDatabase::rollback(const QSqlDatabase &db) const
{
    t_pendingNotifications.remove(db.connectionName());
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
}

Result<void> ServerDatabase::notifyOnCommit(const QSqlDatabase &db, const QString &channel, const QString &payload, const QString &whatFailed)
{
    if (db.driverName() == QLatin1String("QPSQL")) {
        Query notify(db, "SELECT pg_notify(?, ?)");
        notify.bindAll(channel, payload);
        return notify.exec(whatFailed);
    }
    t_pendingNotifications[db.connectionName()].insert({channel, payload});
    return {};
}

int ServerDatabase::listenLocally(const QString &channel, std::function<void(const QString &payload)> heard) const
{
    QMutexLocker lock(&m_listenersMutex);
    const int id = m_nextListenerId++;
    m_localListeners.insert(id, {channel, std::move(heard)});
    return id;
}

void ServerDatabase::unlistenLocally(int id) const
{
    QMutexLocker lock(&m_listenersMutex);
    m_localListeners.remove(id);
}

bool ServerDatabase::recoverAfter(const Error &error) const
{
    if (error.code != Error::Code::Database)
        return false;
    const QString name = m_connectionPrefix + threadKey();
    if (!QSqlDatabase::contains(name))
        return false;
    // The driver may have closed it already (QPSQL does when the server
    // went away); a query on a closed connection only makes a warning.
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isOpen() && QSqlQuery(db).exec(QStringLiteral("SELECT 1")))
        return false;
    // Closed, not removed: callers may still hold it. The thread's next
    // call opens it again.
    db.close();
    return true;
}

Result<QSqlDatabase> ServerDatabase::beganConnection(const QString &whatFailed, bool snapshot) const
{
    for (int attempt = 0;; ++attempt) {
        Result<QSqlDatabase> db = connection();
        if (!db)
            return db;
        Result<void> begun = snapshot ? beginSnapshot(*db, whatFailed) : begin(*db, whatFailed);
        if (begun)
            return db;
        if (attempt > 0 || !recoverAfter(begun.error()))
            return begun.error();
    }
}

Result<void> ServerDatabase::ping() const
{
    return read([](const QSqlDatabase &db) -> Result<void> {
        Query query(db, "SELECT 1");
        return query.exec(tr("The database does not answer"));
    });
}

Result<int> ServerDatabase::schemaVersion() const
{
    return read([](const QSqlDatabase &db) -> Result<int> {
        Query query(db, "SELECT version FROM schema_version");
        if (Result<void> ran = query.exec(tr("Cannot read the schema version")); !ran)
            return ran.error();
        return query.next() ? int(query.integer(0)) : 0;
    });
}

Result<void> ServerDatabase::migrateTo(int target) const
{
    const QString whatFailed = tr("Cannot bring the server database %1 up to date").arg(m_location.displayName());
    const QMap<int, QString> files = migrationFiles(m_location.backend);
    const bool sqlite = m_location.backend == Backend::Sqlite;
    // SQLite changes a table by making it again (rename the old, create,
    // copy, drop), which with foreign keys on would delete every row that
    // refers to it; and modern renaming would point those rows' references
    // at the old name. Both are off while migrations run (the pragmas do
    // nothing inside a transaction, so they are set around it), and the
    // keys are checked before the migrations commit. A database already
    // up to date is left as it is.
    const auto migrating = [&] {
        const Result<int> before = schemaVersion(); // fails before the first migration
        return !before || *before < std::min(target, files.isEmpty() ? 0 : files.lastKey());
    };
    const bool relaxKeys = sqlite && migrating();
    if (relaxKeys) {
        Result<QSqlDatabase> db = connection();
        if (!db)
            return db.error();
        for (const char *pragma : {"PRAGMA foreign_keys=OFF", "PRAGMA legacy_alter_table=ON"})
            if (Result<void> set = run(*db, QString::fromLatin1(pragma), whatFailed); !set)
                return set;
    }
    const auto keysOnAgain = qScopeGuard([&] {
        if (!relaxKeys)
            return;
        Result<QSqlDatabase> db = connection();
        const bool restored = db && run(*db, QStringLiteral("PRAGMA legacy_alter_table=OFF"), whatFailed)
                              && run(*db, QStringLiteral("PRAGMA foreign_keys=ON"), whatFailed);
        // A connection that could not be set back is not used again: the
        // next one is opened with the keys on.
        if (!restored)
            closeThreadConnection();
    });
    return write(whatFailed, [&](const QSqlDatabase &db) -> Result<void> {
        if (m_location.backend == Backend::PostgreSql) {
            Query lock(db, "SELECT pg_advisory_xact_lock(?)");
            lock.bindAll(kMigrationLockKey);
            if (Result<void> locked = lock.exec(whatFailed); !locked)
                return locked;
        }
        if (Result<void> made = run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"), whatFailed); !made)
            return made;
        bool hasRow = false;
        int version = 0;
        {
            // Done with before the migrations run: SQLite drops no table
            // while a statement still reads.
            Query current(db, "SELECT version FROM schema_version");
            if (Result<void> ran = current.exec(whatFailed); !ran)
                return ran;
            hasRow = current.next();
            version = hasRow ? int(current.integer(0)) : 0;
        }
        const int latest = files.isEmpty() ? 0 : files.lastKey();
        // Found up to date before the transaction, older now (another
        // process put an older database in its place): not migrated with
        // the keys on, which could delete rows.
        if (sqlite && !relaxKeys && version < std::min(target, latest))
            return Error::unavailable(tr("%1: the database changed while it was opened. Start again.").arg(whatFailed));
        if (version > latest)
            return Error{Error::Code::TooNew,
                         tr("The server database %1 was written by a newer realm-server (schema %2; this one knows up to %3). "
                            "Nothing was changed. Run the newer realm-server, or restore a backup made by this version.")
                             .arg(m_location.displayName())
                             .arg(version)
                             .arg(latest)};
        for (auto file = files.cbegin(); file != files.cend(); ++file) {
            if (file.key() <= version || file.key() > target)
                continue;
            QFile source(file.value());
            if (!source.open(QIODevice::ReadOnly))
                return Error::io(tr("%1: migration %2 is missing from this build.").arg(whatFailed, file.value()));
            const QStringList statements = splitSqlScript(QString::fromUtf8(source.readAll()));
            for (const QString &statement : statements) {
                if (Result<void> applied = run(db, statement, tr("%1 (migration %2)").arg(whatFailed, QFileInfo(file.value()).fileName())); !applied)
                    return applied;
            }
        }
        if (relaxKeys) {
            Query broken(db, "PRAGMA foreign_key_check");
            if (Result<void> checked = broken.exec(whatFailed); !checked)
                return checked;
            if (broken.next())
                return Error::database(tr("%1: after the upgrade, a row of %2 refers to one that is not there. Nothing was changed; "
                                          "restore a backup, or report this with the database.")
                                           .arg(whatFailed, broken.text(0)));
        }
        const int reached = std::max(version, std::min(target, latest));
        if (reached == version && hasRow)
            return {};
        Query record(db, hasRow ? "UPDATE schema_version SET version = ?" : "INSERT INTO schema_version (version) VALUES (?)");
        record.bindAll(reached);
        return record.exec(whatFailed);
    });
}

} // namespace Realm::ServerDb
