// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSqlDatabase>

namespace Realm::Storage {

// A write transaction that rolls back unless committed. It starts with
// BEGIN IMMEDIATE so a second writer waits at the start (busy timeout)
// instead of failing halfway through.
class Transaction final {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    // False if BEGIN failed; error() says why.
    bool isActive() const { return m_active; }
    const Error &error() const { return m_error; }

    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    Error m_error;
};

} // namespace Realm::Storage
