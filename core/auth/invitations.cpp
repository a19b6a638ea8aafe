// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/invitations.h"

#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/orgstore.h"
#include "auth/tokens.h"
#include "auth/users.h"
#include "common/clock.h"
#include "common/ids.h"
#include "common/jsontime.h"
#include "mail/mailoutbox.h"
#include "serverdb/query.h"

#include <QCoreApplication>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

#define REALM_INVITATION_COLUMNS                                                                                                                     \
    "i.id, i.org_id, o.name, i.email, i.role, i.invited_by, u.is_admin, i.created_at, i.expires_at"
#define REALM_INVITATION_FROM " FROM invitations i JOIN orgs o ON o.id = i.org_id JOIN users u ON u.id = i.invited_by "

Invitation readInvitation(const Query &row)
{
    Invitation invitation;
    invitation.id = row.text(0);
    invitation.orgId = row.text(1);
    invitation.orgName = row.text(2);
    invitation.email = row.text(3);
    invitation.role = orgRoleFrom(row.text(4)).value_or(OrgRole::Member);
    invitation.invitedBy = row.text(5);
    invitation.invitedByServerAdmin = row.integer(6) != 0;
    invitation.createdAtMs = row.integer(7);
    invitation.expiresAtMs = row.integer(8);
    return invitation;
}

Mail::MailMessage invitationMail(const Invitation &invitation, const QString &inviterName, const QString &code, const QString &serverUrl)
{
    const QString body = tr("%1 invited you to the organization %2 on the REALM server %3, as %4.\n"
                            "\n"
                            "Your invitation code, valid for seven days and only once:\n"
                            "\n"
                            "    %5\n"
                            "\n"
                            "Have an account there with this address? Sign in and run:\n"
                            "  realm-cli server accept-invitation   (it asks for the code)\n"
                            "New to that server? Make your account with the code:\n"
                            "  realm-cli server register %3 --email %6 --name \"Your Name\" --invitation %5\n"
                            "\n"
                            "If you do not know %1, ignore this mail.\n")
                             .arg(inviterName, invitation.orgName, serverUrl, orgRoleName(invitation.role), code, invitation.email);
    return {invitation.email, tr("%1 invited you to %2 on REALM").arg(inviterName, invitation.orgName), body};
}

} // namespace

QJsonObject Invitation::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("org_id"), orgId},
            {QStringLiteral("org_name"), orgName},
            {QStringLiteral("email"), email},
            {QStringLiteral("role"), orgRoleName(role)},
            {QStringLiteral("invited_by"), invitedBy},
            {QStringLiteral("created_at"), Json::time(createdAtMs)},
            {QStringLiteral("expires_at"), Json::time(expiresAtMs)}};
}

Invitations::Invitations(ServerDb::ServerDatabasePtr database, std::function<void()> mailQueued)
    : m_db(std::move(database)), m_mailQueued(std::move(mailQueued))
{
}

Result<Invitation> Invitations::invite(const Principal &principal, const QString &orgId, const QString &email, OrgRole role, const ClientInfo &client)
{
    if (role != OrgRole::Admin && role != OrgRole::Member)
        return Error::invalidInput(tr("An invitation is for an admin or a member; make owners among the members."));
    if (Result<void> valid = Users::checkEmail(email); !valid)
        return valid.error();
    const QString normalized = Users::normalizedEmail(email);
    Result<Invitation> made = m_db->write(tr("Cannot invite"), [&](const QSqlDatabase &db) -> Result<Invitation> {
        if (Result<OrgRole> actorRole = requireOrgRole(db, principal, orgId, OrgRole::Admin); !actorRole)
            return actorRole.error();
        Result<Org> org = OrgStore::byId(db, orgId);
        if (!org)
            return org.error();
        // One invitation at a time per organization (the retire-then-insert
        // below must not interleave), and a limit per hour: invitations are
        // mails to strangers.
        if (Result<void> locked = OrgStore::lock(db, orgId); !locked)
            return locked.error();
        if (Result<void> locked = Users::lock(db, principal.userId); !locked)
            return locked.error();
        Query recent(db, "SELECT COUNT(*) FROM invitations WHERE invited_by = ? AND created_at > ?");
        recent.bindAll(principal.userId, Clock::nowMs() - 60 * 60 * 1000);
        if (Result<void> ran = recent.exec(tr("Cannot count the invitations")); !ran)
            return ran.error();
        if (recent.next() && recent.integer(0) >= kMaxPerHour)
            return Error::throttled(tr("You sent %1 invitations in the last hour; wait a while before sending more.").arg(kMaxPerHour), 15 * 60);
        // Whether the address has an account is not told: only whether it
        // is in this organization already, which an admin sees anyway.
        if (Result<User> existing = Users::byEmail(db, normalized); existing) {
            Result<OrgRole> current = OrgStore::roleOf(db, orgId, existing->id);
            if (!current)
                return current.error();
            if (*current != OrgRole::None)
                return Error::conflict(tr("%1 is already a member (%2).").arg(normalized, orgRoleName(*current)));
        }
        const qint64 now = Clock::nowMs();
        Query retire(db, "UPDATE invitations SET revoked_at = ? WHERE org_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL");
        retire.bindAll(now, orgId, normalized);
        if (Result<void> ran = retire.exec(tr("Cannot replace the earlier invitation")); !ran)
            return ran.error();
        Invitation invitation;
        invitation.id = newId();
        invitation.orgId = orgId;
        invitation.orgName = org->name;
        invitation.email = normalized;
        invitation.role = role;
        invitation.invitedBy = principal.userId;
        invitation.invitedByServerAdmin = principal.isAdmin;
        invitation.createdAtMs = now;
        invitation.expiresAtMs = now + kLifetimeMs;
        const QString code = Tokens::newOneTimeCode();
        Query insert(db, "INSERT INTO invitations (id, org_id, email, role, code_hash, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bindAll(invitation.id, orgId, normalized, orgRoleName(role), Tokens::digest(code), principal.userId, now, invitation.expiresAtMs);
        if (Result<void> ran = insert.exec(tr("Cannot store the invitation")); !ran)
            return ran.error();
        if (Result<void> mailed = Mail::MailOutbox::enqueue(db, invitationMail(invitation, principal.name, code, m_serverUrl), now); !mailed)
            return mailed.error();
        const QJsonObject details{{QStringLiteral("email"), normalized}, {QStringLiteral("role"), orgRoleName(role)}};
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("org.invitation_sent"), invitation.id, principal, client, details); !logged)
            return logged.error();
        return invitation;
    });
    if (made && m_mailQueued)
        m_mailQueued();
    return made;
}

Result<QList<Invitation>> Invitations::pending(const Principal &principal, const QString &orgId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<Invitation>> {
        if (Result<OrgRole> actorRole = requireOrgRole(db, principal, orgId, OrgRole::Admin); !actorRole)
            return actorRole.error();
        Query query(db, "SELECT " REALM_INVITATION_COLUMNS REALM_INVITATION_FROM
                        "WHERE i.org_id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ? ORDER BY i.created_at");
        query.bindAll(orgId, Clock::nowMs());
        if (Result<void> ran = query.exec(tr("Cannot list the invitations")); !ran)
            return ran.error();
        QList<Invitation> invitations;
        while (query.next())
            invitations.append(readInvitation(query));
        return invitations;
    });
}

Result<void> Invitations::revoke(const Principal &principal, const QString &orgId, const QString &invitationId, const ClientInfo &client)
{
    return m_db->write(tr("Cannot withdraw the invitation"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<OrgRole> actorRole = requireOrgRole(db, principal, orgId, OrgRole::Admin); !actorRole)
            return actorRole.error();
        Query revoke(db, "UPDATE invitations SET revoked_at = ? WHERE id = ? AND org_id = ? AND accepted_at IS NULL AND revoked_at IS NULL");
        revoke.bindAll(Clock::nowMs(), invitationId, orgId);
        if (Result<void> ran = revoke.exec(tr("Cannot withdraw the invitation")); !ran)
            return ran;
        if (revoke.rowsAffected() != 1)
            return Error::notFound(tr("There is no such pending invitation."));
        return appendOrgAudit(db, orgId, QStringLiteral("org.invitation_revoked"), invitationId, principal, client);
    });
}

Result<Invitation> Invitations::accept(const Principal &principal, const QString &code, const ClientInfo &client)
{
    return m_db->write(tr("Cannot accept the invitation"), [&](const QSqlDatabase &db) -> Result<Invitation> {
        Result<Invitation> invitation = pendingByCode(db, code, principal.email, Clock::nowMs());
        if (!invitation)
            return invitation;
        Result<OrgRole> current = OrgStore::roleOf(db, invitation->orgId, principal.userId);
        if (!current)
            return current.error();
        if (*current != OrgRole::None)
            return Error::conflict(tr("You are already a member of %1 (%2).").arg(invitation->orgName, orgRoleName(*current)));
        if (Result<void> done = complete(db, *invitation, principal.userId, principal, client); !done)
            return done.error();
        return invitation;
    });
}

Result<Invitation> Invitations::pendingByCode(const QSqlDatabase &db, const QString &code, const QString &email, qint64 nowMs)
{
    const Error refused = Error::invalidInput(tr("This invitation code is wrong, used, withdrawn, expired or for another address."));
    if (code.trimmed().isEmpty() || code.size() > 200)
        return refused;
    Query query(db, "SELECT " REALM_INVITATION_COLUMNS REALM_INVITATION_FROM
                    "WHERE i.code_hash = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?");
    query.bindAll(Tokens::digest(code.trimmed()), nowMs);
    if (Result<void> ran = query.exec(tr("Cannot look up the invitation")); !ran)
        return ran.error();
    if (!query.next())
        return refused;
    Invitation invitation = readInvitation(query);
    if (invitation.email != Users::normalizedEmail(email))
        return refused;
    // An invitation stands only while whoever sent it could send it now.
    Result<User> inviter = Users::byId(db, invitation.invitedBy);
    if (!inviter)
        return inviter.error();
    Result<OrgRole> inviterRole = OrgStore::roleOf(db, invitation.orgId, invitation.invitedBy);
    if (!inviterRole)
        return inviterRole.error();
    if (inviter->isDisabled() || *inviterRole < OrgRole::Admin)
        return Error::invalidInput(tr("This invitation no longer stands: whoever sent it is no longer an admin of %1. Ask another admin to invite you.")
                                       .arg(invitation.orgName));
    return invitation;
}

Result<void> Invitations::complete(const QSqlDatabase &db, const Invitation &invitation, const QString &userId, const Principal &actor, const ClientInfo &client)
{
    // Conditional: two acceptances racing cannot both join.
    Query use(db, "UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL");
    use.bindAll(Clock::nowMs(), userId, invitation.id);
    if (Result<void> ran = use.exec(tr("Cannot accept the invitation")); !ran)
        return ran;
    if (use.rowsAffected() != 1)
        return Error::conflict(tr("This invitation was used or withdrawn meanwhile."));
    if (Result<void> set = OrgStore::setMember(db, invitation.orgId, userId, invitation.role); !set)
        return set;
    const QJsonObject details{{QStringLiteral("role"), orgRoleName(invitation.role)}, {QStringLiteral("invitation"), invitation.id}};
    return appendOrgAudit(db, invitation.orgId, QStringLiteral("org.member_added"), userId, actor, client, details);
}

} // namespace Realm::Auth
