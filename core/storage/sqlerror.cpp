// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Realm::Storage {

Error sqlError(const QString &whatFailed, const QSqlError &error)
{
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.text();
    QString hint;
    const QString native = error.nativeErrorCode();
    if (native == QLatin1String("13")) // SQLITE_FULL
        hint = QLatin1Char(' ') + QCoreApplication::translate("Realm::Storage", "The disk is full: free some space and try again; nothing was changed.");
    else if (native == QLatin1String("5") || native == QLatin1String("6")) // BUSY, LOCKED
        hint = QLatin1Char(' ') + QCoreApplication::translate("Realm::Storage", "Another REALM process is writing to this workspace; try again when it has finished.");
    else if (native == QLatin1String("8")) // READONLY
        hint = QLatin1Char(' ') + QCoreApplication::translate("Realm::Storage", "The workspace file is read-only: check its permissions.");
    return Error::database(whatFailed + QStringLiteral(": ") + detail + QLatin1Char('.') + hint);
}

Error sqlError(const QString &whatFailed, const QSqlQuery &query)
{
    return sqlError(whatFailed, query.lastError());
}

bool isUniqueViolation(const QSqlQuery &query)
{
    return query.lastError().nativeErrorCode() == QLatin1String("2067") // SQLITE_CONSTRAINT_UNIQUE
           || query.lastError().databaseText().contains(QLatin1String("UNIQUE"));
}

} // namespace Realm::Storage
