// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

class QByteArray;

class QSqlDatabase;
struct sqlite3;

namespace Realm::Storage {

class Database;
class Migrator;
class Statement;
class Transaction;
class Handle;
Handle handleOf(const QSqlDatabase &db);

// One thread's connection to the workspace, as statements and transactions
// take it. The SQLite handle inside is storage's own: modules read and write
// through Statement and Transaction, never through SQLite's C API, so that
// what a write does (its transaction, its error message) is decided in one
// place.
class Handle final {
public:
    Handle() = default;
    bool isValid() const { return m_db != nullptr; }

private:
    explicit Handle(sqlite3 *db)
        : m_db(db)
    {
    }
    sqlite3 *m_db = nullptr;

    friend class Database;
    friend class Migrator;
    friend class Statement;
    friend class Transaction;
    friend Handle handleOf(const QSqlDatabase &db);
    friend Result<void> execScript(Handle db, const QByteArray &sql, const QString &what);
};

// The handle under a QtSql connection (invalid if it is not SQLite).
Handle handleOf(const QSqlDatabase &db);

} // namespace Realm::Storage
