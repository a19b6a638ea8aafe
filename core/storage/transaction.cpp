// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Realm::Storage {

namespace {
Error sqliteError(sqlite3 *handle, const QString &what)
{
    return Error::database(QStringLiteral("%1: %2").arg(what, handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QStringLiteral("no connection")));
}
} // namespace

Handle handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Handle();
    return Handle(*static_cast<sqlite3 *const *>(handle.data()));
}

Transaction::Transaction(const QSqlDatabase &db) : Transaction(handleOf(db))
{
}

Transaction::Transaction(Handle handle) : m_handle(handle.m_db)
{
    if (m_handle && sqlite3_exec(m_handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK)
        m_active = true;
    else
        m_error = sqliteError(m_handle, QCoreApplication::translate("Realm::Storage", "Cannot start a write transaction"));
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
        Error error = sqliteError(m_handle, what.isEmpty() ? QCoreApplication::translate("Realm::Storage", "Cannot save the changes") : what);
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
