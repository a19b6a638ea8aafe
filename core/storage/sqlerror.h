// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

class QSqlError;
class QSqlQuery;

namespace Realm::Storage {

// Turns a failed QtSql call into an Error that names what REALM was doing.
Error sqlError(const QString &whatFailed, const QSqlError &error);
Error sqlError(const QString &whatFailed, const QSqlQuery &query);

// Whether the query failed on a UNIQUE constraint (a name already taken).
bool isUniqueViolation(const QSqlQuery &query);

} // namespace Realm::Storage
