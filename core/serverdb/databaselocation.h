// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

namespace Realm::ServerDb {

enum class Backend {
    Sqlite,     // one file in the data folder: the embedded default
    PostgreSql, // several server instances on one database
};

// Where the team server keeps its data: a SQLite file, or a PostgreSQL
// database named by a URL. Parsing only; nothing is opened here.
struct DatabaseLocation final {
    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    // PostgreSQL: `host` may be a folder (a Unix socket); the password may
    // also come from PGPASSWORD or ~/.pgpass, as for every libpq client.
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    static DatabaseLocation sqlite(const QString &path);
    // postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?host=/socket/folder]
    // (postgres:// too).
    static Result<DatabaseLocation> fromUrl(const QString &url);
    // For logs and messages: never the password.
    QString displayName() const;
};

} // namespace Realm::ServerDb
