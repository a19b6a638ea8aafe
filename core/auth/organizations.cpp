// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/organizations.h"

#include "auth/access.h"
#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/users.h"
#include "common/crashpoint.h"

#include <QCoreApplication>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

Result<void> checkName(const QString &name, const QString &what)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return Error::invalidInput(tr("Give the %1 a name of 1 to 100 characters.").arg(what));
    return {};
}

// Only an owner may touch an owner's membership or make someone an owner.
Result<void> checkOwnerRules(const QSqlDatabase &db, const QString &orgId, OrgRole actorRole, OrgRole currentRole, OrgRole newRole)
{
    if ((currentRole == OrgRole::Owner || newRole == OrgRole::Owner) && actorRole != OrgRole::Owner)
        return Error::forbidden(tr("Only an owner of the organization may make or change owners."));
    if (currentRole == OrgRole::Owner && newRole != OrgRole::Owner) {
        // Two owners stepping down at once must not both see the other.
        if (Result<void> locked = OrgStore::lock(db, orgId); !locked)
            return locked;
        Result<int> owners = OrgStore::countWithRole(db, orgId, OrgRole::Owner);
        if (!owners)
            return owners.error();
        if (*owners <= 1)
            return Error::conflict(tr("This is the organization's last owner. Make someone else an owner first."));
    }
    return {};
}

Result<OrgMember> memberOf(const QSqlDatabase &db, const QString &orgId, const QString &userId)
{
    Result<QList<OrgMember>> members = OrgStore::members(db, orgId);
    if (!members)
        return members.error();
    for (const OrgMember &member : std::as_const(*members)) {
        if (member.userId == userId)
            return member;
    }
    return Access::notFound(tr("member"));
}

} // namespace

Result<OrgRole> requireOrgRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId, OrgRole minimum)
{
    Result<OrgRole> role = Access::orgRole(db, principal, orgId);
    if (!role)
        return role;
    if (*role == OrgRole::None)
        return Access::notFound(tr("organization"));
    if (*role < minimum)
        return Error::forbidden(tr("This needs the %1 role in the organization; you are %2.").arg(orgRoleName(minimum), orgRoleName(*role)));
    return role;
}

Organizations::Organizations(ServerDb::ServerDatabasePtr database)
    : m_db(std::move(database))
{
}

Result<Org> Organizations::create(const Principal &principal, const QString &name, const ClientInfo &client)
{
    if (principal.viaApiKey())
        return Error::forbidden(tr("An API key cannot create organizations. Sign in as a person."));
    if (Result<void> valid = checkName(name, tr("organization")); !valid)
        return valid.error();
    return m_db->write(tr("Cannot create the organization"), [&](const QSqlDatabase &db) -> Result<Org> {
        Result<Org> org = OrgStore::insert(db, name);
        if (!org)
            return org;
        if (Result<void> owned = OrgStore::setMember(db, org->id, principal.userId, OrgRole::Owner); !owned)
            return owned.error();
        if (Result<void> logged = appendOrgAudit(db, org->id, QStringLiteral("org.created"), org->id, principal, client, {{QStringLiteral("name"), org->name}}); !logged)
            return logged.error();
        return org;
    });
}

Result<Org> Organizations::createFor(const QString &ownerEmail, const QString &name)
{
    if (Result<void> valid = checkName(name, tr("organization")); !valid)
        return valid.error();
    return m_db->write(tr("Cannot create the organization"), [&](const QSqlDatabase &db) -> Result<Org> {
        Result<User> owner = Users::byEmail(db, ownerEmail);
        if (!owner)
            return owner.error();
        Result<Org> org = OrgStore::insert(db, name);
        if (!org)
            return org;
        if (Result<void> owned = OrgStore::setMember(db, org->id, owner->id, OrgRole::Owner); !owned)
            return owned.error();
        const QJsonObject details{{QStringLiteral("name"), org->name}, {QStringLiteral("owner"), owner->email}};
        if (Result<void> logged = appendOrgAudit(db, org->id, QStringLiteral("org.created"), org->id, {}, {}, details); !logged)
            return logged.error();
        return org;
    });
}

Result<QList<std::pair<Org, OrgRole>>> Organizations::orgsOf(const Principal &principal) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<std::pair<Org, OrgRole>>> {
        Result<QList<std::pair<Org, OrgRole>>> orgs = OrgStore::orgsOf(db, principal.userId);
        if (!orgs || !principal.viaApiKey())
            return orgs;
        QList<std::pair<Org, OrgRole>> visible;
        for (const auto &[org, role] : std::as_const(*orgs)) {
            Result<OrgRole> capped = Access::orgRole(db, principal, org.id);
            if (!capped)
                return capped.error();
            if (*capped != OrgRole::None)
                visible.append({org, *capped});
        }
        return visible;
    });
}

Result<Org> Organizations::get(const Principal &principal, const QString &org) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<Org> {
        Result<Org> found = OrgStore::byIdOrName(db, org);
        if (!found)
            return found.error().code == Error::Code::NotFound ? Result<Org>(Access::notFound(tr("organization"))) : found;
        if (Result<OrgRole> role = requireOrgRole(db, principal, found->id, OrgRole::Member); !role)
            return role.error();
        return found;
    });
}

Result<QList<OrgMember>> Organizations::members(const Principal &principal, const QString &orgId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<OrgMember>> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Member); !role)
            return role.error();
        return OrgStore::members(db, orgId);
    });
}

Result<OrgMember> Organizations::addMember(const Principal &principal, const QString &orgId, const QString &email, OrgRole role, const ClientInfo &client)
{
    return m_db->write(tr("Cannot add the member"), [&](const QSqlDatabase &db) -> Result<OrgMember> {
        Result<OrgRole> actorRole = requireOrgRole(db, principal, orgId, OrgRole::Admin);
        if (!actorRole)
            return actorRole.error();
        Result<User> user = Users::byEmail(db, email);
        if (!user)
            return user.error().code == Error::Code::NotFound
                ? Result<OrgMember>(Error::notFound(tr("There is no user with the email %1 on this server. Ask an administrator to add them.").arg(Users::normalizedEmail(email))))
                : Result<OrgMember>(user.error());
        Result<OrgRole> current = OrgStore::roleOf(db, orgId, user->id);
        if (!current)
            return current.error();
        if (*current != OrgRole::None)
            return Error::conflict(tr("%1 is already a member (%2).").arg(user->email, orgRoleName(*current)));
        if (Result<void> allowed = checkOwnerRules(db, orgId, *actorRole, OrgRole::None, role); !allowed)
            return allowed.error();
        if (Result<void> set = OrgStore::setMember(db, orgId, user->id, role); !set)
            return set.error();
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("org.member_added"), user->id, principal, client, {{QStringLiteral("role"), orgRoleName(role)}}); !logged)
            return logged.error();
        return OrgMember{user->id, user->email, user->name, role};
    });
}

Result<OrgMember> Organizations::changeRole(const Principal &principal, const QString &orgId, const QString &userId, OrgRole role, const ClientInfo &client)
{
    return m_db->write(tr("Cannot change the role"), [&](const QSqlDatabase &db) -> Result<OrgMember> {
        Result<OrgRole> actorRole = requireOrgRole(db, principal, orgId, OrgRole::Admin);
        if (!actorRole)
            return actorRole.error();
        Result<OrgMember> member = memberOf(db, orgId, userId);
        if (!member)
            return member;
        if (Result<void> allowed = checkOwnerRules(db, orgId, *actorRole, member->role, role); !allowed)
            return allowed.error();
        if (Result<void> set = OrgStore::setMember(db, orgId, userId, role); !set)
            return set.error();
        crashPoint("organizations.role_set");
        const QJsonObject details{{QStringLiteral("from"), orgRoleName(member->role)}, {QStringLiteral("to"), orgRoleName(role)}};
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("org.member_role_changed"), userId, principal, client, details); !logged)
            return logged.error();
        member->role = role;
        return member;
    });
}

Result<void> Organizations::removeMember(const Principal &principal, const QString &orgId, const QString &userId, const ClientInfo &client)
{
    return m_db->write(tr("Cannot remove the member"), [&](const QSqlDatabase &db) -> Result<void> {
        const bool leaving = userId == principal.userId;
        if (leaving && principal.viaApiKey())
            return Error::forbidden(tr("An API key cannot leave an organization for its owner. Sign in as a person."));
        Result<OrgRole> actorRole = requireOrgRole(db, principal, orgId, leaving ? OrgRole::Member : OrgRole::Admin);
        if (!actorRole)
            return actorRole.error();
        Result<OrgMember> member = memberOf(db, orgId, userId);
        if (!member)
            return member.error();
        if (Result<void> allowed = checkOwnerRules(db, orgId, leaving ? member->role : *actorRole, member->role, OrgRole::None); !allowed)
            return allowed;
        if (Result<void> removed = OrgStore::removeMember(db, orgId, userId); !removed)
            return removed;
        return appendOrgAudit(db, orgId, leaving ? QStringLiteral("org.member_left") : QStringLiteral("org.member_removed"), userId, principal, client,
                     {{QStringLiteral("role"), orgRoleName(member->role)}});
    });
}

Result<Team> Organizations::createTeam(const Principal &principal, const QString &orgId, const QString &name, const ClientInfo &client)
{
    if (Result<void> valid = checkName(name, tr("team")); !valid)
        return valid.error();
    return m_db->write(tr("Cannot create the team"), [&](const QSqlDatabase &db) -> Result<Team> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Admin); !role)
            return role.error();
        Result<Team> team = OrgStore::insertTeam(db, orgId, name);
        if (!team)
            return team;
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("team.created"), team->id, principal, client, {{QStringLiteral("name"), team->name}}); !logged)
            return logged.error();
        return team;
    });
}

Result<QList<Team>> Organizations::teams(const Principal &principal, const QString &orgId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<Team>> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Member); !role)
            return role.error();
        return OrgStore::teams(db, orgId);
    });
}

Result<void> Organizations::deleteTeam(const Principal &principal, const QString &orgId, const QString &teamId, const ClientInfo &client)
{
    return m_db->write(tr("Cannot delete the team"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Admin); !role)
            return role.error();
        Result<Team> team = OrgStore::team(db, orgId, teamId);
        if (!team)
            return team.error();
        if (Result<void> removed = OrgStore::deleteTeam(db, teamId); !removed)
            return removed;
        return appendOrgAudit(db, orgId, QStringLiteral("team.deleted"), teamId, principal, client, {{QStringLiteral("name"), team->name}});
    });
}

Result<Team> Organizations::addTeamMember(const Principal &principal, const QString &orgId, const QString &teamId, const QString &userId,
                                          const ClientInfo &client)
{
    return m_db->write(tr("Cannot add the team member"), [&](const QSqlDatabase &db) -> Result<Team> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Admin); !role)
            return role.error();
        if (Result<Team> team = OrgStore::team(db, orgId, teamId); !team)
            return team;
        Result<OrgRole> memberRole = OrgStore::roleOf(db, orgId, userId);
        if (!memberRole)
            return memberRole.error();
        if (*memberRole == OrgRole::None)
            return Error::invalidInput(tr("Only members of the organization can join its teams. Add them to the organization first."));
        if (Result<void> added = OrgStore::addTeamMember(db, teamId, userId); !added)
            return added.error();
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("team.member_added"), userId, principal, client, {{QStringLiteral("team_id"), teamId}}); !logged)
            return logged.error();
        return OrgStore::team(db, orgId, teamId);
    });
}

Result<Team> Organizations::removeTeamMember(const Principal &principal, const QString &orgId, const QString &teamId, const QString &userId,
                                             const ClientInfo &client)
{
    return m_db->write(tr("Cannot remove the team member"), [&](const QSqlDatabase &db) -> Result<Team> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Admin); !role)
            return role.error();
        if (Result<Team> team = OrgStore::team(db, orgId, teamId); !team)
            return team;
        if (Result<void> removed = OrgStore::removeTeamMember(db, teamId, userId); !removed)
            return removed.error();
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("team.member_removed"), userId, principal, client, {{QStringLiteral("team_id"), teamId}}); !logged)
            return logged.error();
        return OrgStore::team(db, orgId, teamId);
    });
}

Result<QList<AuditEntry>> Organizations::audit(const Principal &principal, const QString &orgId, qint64 afterSeq, int limit) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<AuditEntry>> {
        if (principal.viaApiKey()) {
            // The key's scope, and its owner's own role (not the key's cap).
            if (principal.apiKeyOrgId != orgId)
                return Access::notFound(tr("organization"));
            if (!principal.scopes.contains(Scopes::AuditRead))
                return Error::forbidden(tr("Reading the audit log needs an API key with the audit:read scope."));
            Result<OrgRole> owner = OrgStore::roleOf(db, orgId, principal.userId);
            if (!owner)
                return owner.error();
            if (*owner == OrgRole::None)
                return Access::notFound(tr("organization"));
            if (*owner < OrgRole::Admin)
                return Error::forbidden(tr("Only the organization's admins and owners read its audit log."));
        } else if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Admin); !role) {
            return role.error();
        }
        return AuditLog::list(db, orgId, afterSeq, limit);
    });
}

} // namespace Realm::Auth
