// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/roles.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <QJsonObject>

#include <functional>

namespace Realm::Auth {

struct Invitation final {
    QString id;
    QString orgId;
    QString orgName;
    QString email;
    OrgRole role = OrgRole::Member;
    QString invitedBy; // user id
    bool invitedByServerAdmin = false;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    QJsonObject toJson() const; // never the code
};

// Invitations to an organization, sent by mail to an address that may or
// may not have an account yet. Organization admins invite (as admin or
// member; a person, not an API key: these are mails to strangers); the invited person accepts with the mailed code — signed in as
// that address, or by registering with it. Only the code's SHA-256 is kept.
class Invitations final {
public:
    static constexpr qint64 kLifetimeMs = 7LL * 24 * 60 * 60 * 1000;
    static constexpr int kMaxPerHour = 50; // per inviter

    Invitations(ServerDb::ServerDatabasePtr database, std::function<void()> mailQueued);
    void setServerUrl(const QString &url) { m_serverUrl = url; }

    // Mails the code. Inviting again replaces the pending invitation to the
    // same address. Conflict for someone already a member.
    Result<Invitation> invite(const Principal &principal, const QString &orgId, const QString &email, OrgRole role, const ClientInfo &client);
    Result<QList<Invitation>> pending(const Principal &principal, const QString &orgId) const;
    Result<void> revoke(const Principal &principal, const QString &orgId, const QString &invitationId, const ClientInfo &client);
    // The signed-in person joins; the invitation must be for their address.
    Result<Invitation> accept(const Principal &principal, const QString &code, const ClientInfo &client);

    // In the caller's transaction: the pending invitation `code` names,
    // for `email`; InvalidInput when it is unknown, used, revoked, expired
    // or for another address (one message: a guesser learns nothing).
    static Result<Invitation> pendingByCode(const QSqlDatabase &db, const QString &code, const QString &email, qint64 nowMs);
    // Marks it accepted by `userId` and makes them a member, audited.
    static Result<void> complete(const QSqlDatabase &db, const Invitation &invitation, const QString &userId, const Principal &actor, const ClientInfo &client);

private:
    ServerDb::ServerDatabasePtr m_db;
    std::function<void()> m_mailQueued;
    QString m_serverUrl;
};

} // namespace Realm::Auth
