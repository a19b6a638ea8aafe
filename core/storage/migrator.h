// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSqlDatabase>

namespace Realm::Storage {

// Brings a workspace schema up to date. Migrations are numbered SQL files
// (`migrations/NNNN_name.sql`, compiled in as resources). All pending ones
// run in one transaction with the `PRAGMA user_version` bump and the
// workspace's application_id, so a failure or a crash leaves the workspace
// at the version it had, never in between. Foreign keys are off while they
// run (a migration may rebuild a table) and every reference is checked
// before the commit. The files are append-only: a released migration is
// never edited.
class Migrator final {
public:
    static constexpr char kBuiltInMigrations[] = ":/realm/migrations";

    // `migrationsFolder`: where the NNNN_name.sql files are (tests add their own).
    explicit Migrator(QSqlDatabase db, QString migrationsFolder = QString::fromLatin1(kBuiltInMigrations));

    Result<void> migrate();
    // Applies migrations up to and including `version` only (for tests that
    // build an old workspace).
    Result<void> migrateTo(int version);

    static int latestVersion();
    // PRAGMA application_id of every REALM workspace.
    static int applicationId();

private:
    QSqlDatabase m_db;
    QString m_folder;
};

} // namespace Realm::Storage
