// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

namespace Realm::Storage {

// The one write transaction of the workspace: rolls back unless committed.
// It starts with BEGIN IMMEDIATE so a second writer waits at the start
// (busy timeout) instead of failing halfway through.
class Transaction final {
public:
    explicit Transaction(Handle handle);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    // False if BEGIN failed; error() says why.
    bool isActive() const { return m_active; }
    const Error &error() const { return m_error; }

    // `what` names the work for the error message, e.g. "Cannot save the import".
    Result<void> commit(const QString &what = {});
    void rollback();

private:
    sqlite3 *m_handle;
    bool m_active = false;
    Error m_error;
};

} // namespace Realm::Storage
