// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

namespace Realm::Storage {

Error sqliteError(const QString &whatFailed, const QString &detail, int sqliteCode)
{
    QString hint;
    switch (sqliteCode & 0xff) { // the primary code of an extended one
    case SQLITE_FULL:
        hint = QCoreApplication::translate("Realm::Storage", "The disk is full: free some space and try again; nothing was changed.");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        hint = QCoreApplication::translate("Realm::Storage", "Another REALM process is writing to this workspace; try again when it has finished.");
        break;
    case SQLITE_READONLY:
        hint = QCoreApplication::translate("Realm::Storage", "The workspace file is read-only: check its permissions.");
        break;
    default:
        break;
    }
    return Error::database(whatFailed + QStringLiteral(": ") + detail + QLatin1Char('.') + (hint.isEmpty() ? QString() : QLatin1Char(' ') + hint));
}

Error sqlError(const QString &whatFailed, const QSqlError &error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return sqliteError(whatFailed, detail, error.nativeErrorCode().toInt());
}

} // namespace Realm::Storage
