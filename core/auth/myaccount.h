// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/signinthrottle.h"
#include "auth/users.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <functional>

namespace Realm::Auth {

// What people do to their own account: their name, their password, and a
// forgotten password by mail. Runs on worker threads (password hashing).
class MyAccount final {
public:
    static constexpr qint64 kResetCodeLifetimeMs = 60 * 60 * 1000;
    // At most one reset mail per account per minute.
    static constexpr qint64 kResetMailIntervalMs = 60 * 1000;

    // `serverUrl` names the server in mails; `mailQueued` runs after a
    // mail's transaction committed (it wakes the sender).
    MyAccount(ServerDb::ServerDatabasePtr database, SignInThrottle::Limits limits, std::function<void()> mailQueued);
    void setServerUrl(const QString &url) { m_serverUrl = url; }

    Result<User> rename(const Principal &principal, const QString &name, const ClientInfo &client);
    // Needs the current password (a stolen access token alone cannot take
    // the account; wrong guesses count like failed sign-ins). The user's
    // other sessions end; this one and the API keys stay.
    Result<void> changePassword(const Principal &principal, const QString &currentPassword, const QString &newPassword, const ClientInfo &client);
    // Mails a reset code when the email belongs to an enabled account; says
    // nothing either way (the caller answers 202 whatever happens).
    Result<void> forgotPassword(const QString &email, const ClientInfo &client);
    // Sets the password with a mailed code: every session and API key of the
    // user ends, the account's failed sign-ins are forgiven.
    Result<void> resetPassword(const QString &code, const QString &newPassword, const ClientInfo &client);

private:
    ServerDb::ServerDatabasePtr m_db;
    SignInThrottle::Limits m_limits;
    std::function<void()> m_mailQueued;
    QString m_serverUrl;
};

} // namespace Realm::Auth
