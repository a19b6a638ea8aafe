// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/users.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <functional>
#include <optional>

namespace Realm::Auth {

// Who may make their own account (realm-server.conf, [server] registration).
enum class RegistrationMode {
    Closed, // server administrators add people; their invitations make accounts too
    Invite, // an invitation from any organization admin makes an account
    Open,   // anyone, after confirming the address by a mailed code
};

struct NewAccount final {
    QString email;
    QString password; // with an invitation; an open sign-up chooses it when confirming
    QString name;
    QString invitationCode; // empty: none
};

// People making their own accounts: with an invitation at once, or (open
// registration) once the code mailed to the address comes back, the
// password chosen then — so a sign-up with someone else's address never
// becomes an account, and cannot block theirs.
// Runs on worker threads (password hashing).
class Registration final {
public:
    static constexpr qint64 kVerificationLifetimeMs = 24LL * 60 * 60 * 1000;
    // At most one confirmation mail per address per minute.
    static constexpr qint64 kVerificationMailIntervalMs = 60 * 1000;

    struct Outcome {
        // With an invitation: the account, ready to sign in. Without (open
        // registration): empty — a code is on its way by mail, or the
        // address has an account already (the answer does not say which).
        std::optional<User> user;
        QString orgId; // the organization the invitation joined
    };

    Registration(ServerDb::ServerDatabasePtr database, RegistrationMode mode, std::function<void()> mailQueued);
    void setServerUrl(const QString &url) { m_serverUrl = url; }

    Result<Outcome> registerAccount(const NewAccount &account, const ClientInfo &client);
    // Makes the account with `password` (and `name`, or the name given at
    // sign-up): the code proves the mailbox, and whoever holds it chooses
    // the password now. InvalidInput for a code that is unknown, used or
    // expired; Forbidden once the server no longer takes sign-ups.
    Result<User> verifyEmail(const QString &code, const QString &password, const QString &name, const ClientInfo &client);

private:
    Result<Outcome> signUp(const NewAccount &account, const ClientInfo &client);

    ServerDb::ServerDatabasePtr m_db;
    RegistrationMode m_mode;
    std::function<void()> m_mailQueued;
    QString m_serverUrl;
};

} // namespace Realm::Auth
