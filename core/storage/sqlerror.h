// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

class QSqlError;

namespace Realm::Storage {

// An Error that names what REALM was doing, what SQLite said, and — for
// the failures a person can do something about (a full disk, another
// writer, a read-only file) — what to do.
Error sqliteError(const QString &whatFailed, const QString &detail, int sqliteCode);
// The same for a QtSql connection that failed to open.
Error sqlError(const QString &whatFailed, const QSqlError &error);

} // namespace Realm::Storage
