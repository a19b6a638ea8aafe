// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>


namespace Realm::Storage {

// One workspace: a single SQLite file in WAL mode. Every thread that touches
// it gets its own named connection (QtSql connections must not cross
// threads), opened on first use with the same pragmas. Opening brings the
// schema up to date, and refuses — without writing a byte — a workspace that
// a newer REALM wrote.
class Database final {
public:
    static Result<std::shared_ptr<Database>> open(const QString &path);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QString path() const { return m_path; }

    // The calling thread's connection. Valid until this Database is destroyed.
    QSqlDatabase connection() const;
    // Closes the calling thread's connection; call it before a thread that
    // used the database ends, or the connection stays open until ~Database.
    void closeThreadConnection() const;
    // The raw SQLite handle behind connection(), for the bulk-insert hot path.
    Handle handle() const;

    // Flushes the WAL into the main file (e.g. before measuring its size).
    Result<void> checkpoint();

    static QString sqliteVersion();

private:
    explicit Database(QString path);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    Result<QSqlDatabase> configure(QSqlDatabase db) const;
    // The schema version of a file that is a REALM workspace or new and
    // empty; an error (and nothing written) for anything else.
    Result<int> identify(const QSqlDatabase &db) const;

    QString m_path;
    QString m_connectionPrefix;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

using DatabasePtr = std::shared_ptr<Database>;

// Closes the calling worker thread's connection when the work is done,
// however it ends: every function run on a worker starts with one.
class ThreadConnectionScope final {
public:
    explicit ThreadConnectionScope(std::shared_ptr<Database> db) : m_db(std::move(db)) {}
    ~ThreadConnectionScope() { m_db->closeThreadConnection(); }
    Q_DISABLE_COPY_MOVE(ThreadConnectionScope)

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Realm::Storage
