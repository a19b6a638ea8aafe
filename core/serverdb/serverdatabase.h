// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "serverdb/databaselocation.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>

namespace Realm::ServerDb {

// The team server's database, SQLite or PostgreSQL, behind one interface.
// Every thread gets its own connection (QtSql connections must not cross
// threads), opened on first use and kept: the server's worker threads live
// as long as the server, so this is its connection pool. Opening brings the
// schema up to date in one transaction — on PostgreSQL under an advisory
// lock, so instances starting together migrate once — and refuses, without
// writing, a database that a newer realm-server wrote. Nothing here caches
// data: every instance on the same database sees every commit at once.
class ServerDatabase final {
public:
    static Result<std::shared_ptr<ServerDatabase>> open(const DatabaseLocation &location);
    // Migrates only up to `version` (tests of the migrations themselves).
    static Result<std::shared_ptr<ServerDatabase>> openAtVersion(const DatabaseLocation &location, int version);
    ~ServerDatabase();
    Q_DISABLE_COPY_MOVE(ServerDatabase)

    Backend backend() const { return m_location.backend; }
    const DatabaseLocation &location() const { return m_location; }
    static int latestVersion(Backend backend);
    Result<int> schemaVersion() const;

    // The calling thread's connection.
    Result<QSqlDatabase> connection() const;
    void closeThreadConnection() const;
    int connectionCount() const;

    // Whether the database answers (readiness checks).
    Result<void> ping() const;

    // Runs `work(connection)` in one write transaction: committed when it
    // returns success, rolled back when it returns an error. On SQLite the
    // transaction begins IMMEDIATE, so a second writer waits at the start
    // (busy timeout) instead of failing halfway. Transactions do not nest:
    // stores take the connection, services open the transaction.
    template<typename Work>
    auto write(const QString &whatFailed, Work &&work) const
    {
        using Outcome = decltype(work(std::declval<const QSqlDatabase &>()));
        Result<QSqlDatabase> db = beganConnection(whatFailed, false);
        if (!db)
            return Outcome(db.error());
        Outcome outcome = std::forward<Work>(work)(*db);
        if (!outcome) {
            rollback(*db);
            recoverAfter(outcome.error());
            return outcome;
        }
        if (Result<void> committed = commit(*db, whatFailed); !committed)
            return Outcome(committed.error());
        return outcome;
    }

    // Runs `work(connection)` without a transaction (single reads).
    template<typename Work>
    auto read(Work &&work) const
    {
        using Outcome = decltype(work(std::declval<const QSqlDatabase &>()));
        Result<QSqlDatabase> db = connection();
        if (!db)
            return Outcome(db.error());
        Outcome outcome = work(*db);
        // A connection the database server dropped (it restarted) is only
        // found out by using it: once more on a new one — a read changes
        // nothing, so running it twice is safe.
        if (!outcome && recoverAfter(outcome.error())) {
            db = connection();
            if (!db)
                return Outcome(db.error());
            outcome = work(*db);
            if (!outcome)
                recoverAfter(outcome.error());
        }
        return outcome;
    }

    // Runs `work(connection)` in a read-only transaction that sees one
    // moment of the database however long it takes (REPEATABLE READ on
    // PostgreSQL; a read transaction on SQLite's WAL): backups.
    template<typename Work>
    auto snapshot(const QString &whatFailed, Work &&work) const
    {
        using Outcome = decltype(work(std::declval<const QSqlDatabase &>()));
        Result<QSqlDatabase> db = beganConnection(whatFailed, true);
        if (!db)
            return Outcome(db.error());
        Outcome outcome = std::forward<Work>(work)(*db);
        rollback(*db); // nothing was written
        if (!outcome)
            recoverAfter(outcome.error());
        return outcome;
    }

    // Tells whoever listens on `channel` once the transaction `db` is in
    // commits — never for a rolled-back one, once per transaction for the
    // same channel and payload. On PostgreSQL this is NOTIFY: every
    // instance hears it (DatabaseNotifier). On SQLite, where one instance
    // runs, the local listeners of the database that commits hear it.
    static Result<void> notifyOnCommit(const QSqlDatabase &db, const QString &channel, const QString &payload, const QString &whatFailed);
    // SQLite: calls `heard(payload)` on the committing thread after each
    // commit that notified `channel`. (PostgreSQL instances LISTEN.)
    int listenLocally(const QString &channel, std::function<void(const QString &payload)> heard) const;
    void unlistenLocally(int id) const;

    // The schema's tables in the order the migrations create them, so a
    // table comes after every table it refers to.
    static QStringList tablesInCreationOrder(Backend backend);

private:
    explicit ServerDatabase(DatabaseLocation location);
    Result<void> beginSnapshot(const QSqlDatabase &db, const QString &whatFailed) const;
    // This thread's connection with a transaction begun (a snapshot one when
    // `snapshot`). A connection the database server dropped fails at BEGIN,
    // before any work ran: then once more on a new connection.
    Result<QSqlDatabase> beganConnection(const QString &whatFailed, bool snapshot) const;
    static Result<std::shared_ptr<ServerDatabase>> openUpTo(const DatabaseLocation &location, int version);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    // Opens `db` and sets it up for the server (session settings, pragmas);
    // closed again if that fails.
    Result<void> openAndConfigure(QSqlDatabase &db) const;
    Result<void> migrateTo(int version) const;
    Result<void> begin(const QSqlDatabase &db, const QString &whatFailed) const;
    Result<void> commit(const QSqlDatabase &db, const QString &whatFailed) const;
    void rollback(const QSqlDatabase &db) const;
    // After a database error: if the connection itself is gone (PostgreSQL
    // restarted, the network dropped), close it so the thread's next call
    // connects anew; true when it did.
    bool recoverAfter(const Error &error) const;

    DatabaseLocation m_location;
    QString m_connectionPrefix;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
    struct LocalListener {
        QString channel;
        std::function<void(const QString &payload)> heard;
    };
    mutable QMutex m_listenersMutex;
    mutable QHash<int, LocalListener> m_localListeners;
    mutable int m_nextListenerId = 1;
};

using ServerDatabasePtr = std::shared_ptr<ServerDatabase>;

} // namespace Realm::ServerDb
