// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/signinthrottle.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

namespace Realm::Auth {

// Asking a signed-in person for their password again before a change a
// stolen access token alone must not make (a new password, a second factor
// added or taken away). Wrong guesses count like failed sign-ins and are
// audited as `failedAction`. Runs on a worker thread (password hashing).
// The hash that was checked, for a conditional update; Forbidden for a
// wrong password, Throttled after too many.
Result<QString> confirmOwnPassword(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const QString &password,
                                   const ClientInfo &client, const SignInThrottle::Limits &limits, const QString &failedAction);

} // namespace Realm::Auth
