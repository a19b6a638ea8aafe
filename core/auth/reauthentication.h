// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/signinthrottle.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

namespace Realm::Auth {

// Asking a signed-in person for their password (or a second-factor code)
// again before a change a stolen access token alone must not make: a new
// password, a second factor added or taken away. Wrong answers count like
// failed sign-ins. Runs on a worker thread (password hashing).

// Throttled after too many wrong answers for this person or address.
Result<void> checkNotThrottled(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const ClientInfo &client);

// Counts a wrong answer like a failed sign-in and audits it as `failedAction`.
Result<void> recordWrongAnswer(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const ClientInfo &client,
                               const SignInThrottle::Limits &limits, const QString &failedAction);

// The hash that was checked, for a conditional update; Forbidden for a
// wrong password (recorded as `failedAction`), Throttled after too many.
Result<QString> confirmOwnPassword(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const QString &password,
                                   const ClientInfo &client, const SignInThrottle::Limits &limits, const QString &failedAction);

} // namespace Realm::Auth
