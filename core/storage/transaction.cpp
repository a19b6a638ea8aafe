// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/transaction.h"

#include "storage/sqlerror.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Realm::Storage {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        m_active = true;
    else
        m_error = sqlError(QCoreApplication::translate("Realm::Storage", "Cannot start a write transaction"), query);
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return Error::database(QCoreApplication::translate("Realm::Storage", "No active transaction to commit."));
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        Error error = sqlError(QCoreApplication::translate("Realm::Storage", "Cannot save the changes"), query);
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
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace Realm::Storage
