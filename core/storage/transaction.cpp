// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/transaction.h"

#include "storage/sqlerror.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace Realm::Storage {

namespace {
Error transactionError(sqlite3 *handle, const QString &what)
{
    if (!handle)
        return Error::database(what + QStringLiteral(": ") + QCoreApplication::translate("Realm::Storage", "no database connection") + QLatin1Char('.'));
    return sqliteError(what, QString::fromUtf8(sqlite3_errmsg(handle)), sqlite3_errcode(handle));
}
} // namespace

Transaction::Transaction(Handle handle) : m_handle(handle.m_db)
{
    if (m_handle && sqlite3_exec(m_handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK)
        m_active = true;
    else
        m_error = transactionError(m_handle, QCoreApplication::translate("Realm::Storage", "Cannot start a write transaction"));
}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit(const QString &what)
{
    if (!m_active)
        return Error::database(QCoreApplication::translate("Realm::Storage", "No active transaction to commit."));
    if (sqlite3_exec(m_handle, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        Error error = transactionError(m_handle, what.isEmpty() ? QCoreApplication::translate("Realm::Storage", "Cannot save the changes") : what);
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
    m_active = false;
}

} // namespace Realm::Storage
