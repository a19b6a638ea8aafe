// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "serverdb/serverdatabase.h"

namespace Realm::ServerDb {

struct BackupSummary final {
    int tables = 0;
    qint64 rows = 0;
    int schemaVersion = 0;
};

// `realm-server admin backup` and `restore`. A backup is one SQLite file
// holding every table of the server's schema as it was at one moment —
// taken while the server runs, from SQLite or PostgreSQL alike, so a backup
// of either restores into either. It holds password hashes and mail codes:
// it is written readable by its owner only.
class Backup final {
public:
    // Writes `file` (which must not exist) from a snapshot of `source`.
    static Result<BackupSummary> write(const ServerDatabase &source, const QString &file);
    // Copies the backup in `file` into `target`, in one transaction.
    // `target` must hold no users and no organizations: a restore never
    // mixes two servers' data. A backup from an older realm-server is
    // brought up to date first (on a copy); one from a newer is refused.
    static Result<BackupSummary> restore(const QString &file, const ServerDatabase &target);
};

} // namespace Realm::ServerDb
