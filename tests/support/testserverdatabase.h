// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "serverdb/databaselocation.h"

#include <QString>

#include <memory>
#include <optional>

namespace Realm::ServerDb {
class ServerDatabase;
}

namespace Realm::Test {

// The backend a server test runs on: REALM_TEST_DATABASE=sqlite (the
// default) or postgresql. ctest runs each server test once per backend
// (realm_add_test(... BACKENDS)).
ServerDb::Backend testBackend();
QString testBackendName();

// A new, empty database on this run's backend: a file in `folder` for
// SQLite, a fresh database in the process's throwaway cluster for
// PostgreSQL. Empty with `*why` set when it cannot be had.
std::optional<ServerDb::DatabaseLocation> newTestDatabase(const QString &folder, QString *why);
// The same as the `--database` argument of realm-server: empty for SQLite
// (its file lives in the data folder), else the postgresql:// URL.
std::optional<QString> newTestDatabaseArgument(QString *why);
// A new database on this run's backend, opened and migrated; the test
// process stops with the reason if that fails.
std::shared_ptr<ServerDb::ServerDatabase> openTestServerDatabase(const QString &folder);
// A person with an account on the server (email name@example.org, the
// tests' passphrase, verified), as the principal the services take; an
// empty one when that failed (logged).
Auth::Principal addPerson(const std::shared_ptr<ServerDb::ServerDatabase> &db, const QString &name);

} // namespace Realm::Test
