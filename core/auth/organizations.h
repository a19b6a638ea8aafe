// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/auditlog.h"
#include "auth/orgstore.h"
#include "auth/principal.h"
#include "auth/roles.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

namespace Realm::Auth {

// Organizations, their members and teams, with their rules: members see
// their organization, admins manage members and teams, only owners make or
// unmake owners, and the last owner cannot leave or be demoted. Someone
// outside an organization gets NotFound for everything in it. Each change
// and its audit entry commit together.
class Organizations final {
public:
    explicit Organizations(ServerDb::ServerDatabasePtr database);

    // Any signed-in user (not an API key) may found one and owns it.
    Result<Org> create(const Principal &principal, const QString &name, const ClientInfo &client);
    // realm-server admin org add NAME --owner EMAIL.
    Result<Org> createFor(const QString &ownerEmail, const QString &name);
    // The principal's organizations and roles (an API key: its own only).
    Result<QList<std::pair<Org, OrgRole>>> orgsOf(const Principal &principal) const;
    // By id or name.
    Result<Org> get(const Principal &principal, const QString &org) const;

    Result<QList<OrgMember>> members(const Principal &principal, const QString &orgId) const;
    Result<OrgMember> addMember(const Principal &principal, const QString &orgId, const QString &email, OrgRole role, const ClientInfo &client);
    Result<OrgMember> changeRole(const Principal &principal, const QString &orgId, const QString &userId, OrgRole role, const ClientInfo &client);
    // Admins remove others; anyone may leave.
    Result<void> removeMember(const Principal &principal, const QString &orgId, const QString &userId, const ClientInfo &client);

    Result<Team> createTeam(const Principal &principal, const QString &orgId, const QString &name, const ClientInfo &client);
    Result<QList<Team>> teams(const Principal &principal, const QString &orgId) const;
    Result<void> deleteTeam(const Principal &principal, const QString &orgId, const QString &teamId, const ClientInfo &client);
    Result<Team> addTeamMember(const Principal &principal, const QString &orgId, const QString &teamId, const QString &userId, const ClientInfo &client);
    Result<Team> removeTeamMember(const Principal &principal, const QString &orgId, const QString &teamId, const QString &userId,
                                  const ClientInfo &client);

    // The organization's audit entries after `afterSeq`: for its admins and
    // owners, or an API key with the audit:read scope whose owner is one.
    Result<QList<AuditEntry>> audit(const Principal &principal, const QString &orgId, qint64 afterSeq, int limit) const;

private:
    ServerDb::ServerDatabasePtr m_db;
};

// The principal's role in `orgId` when it is at least `minimum`; NotFound
// when they are not in it, Forbidden when the role is too low.
Result<OrgRole> requireOrgRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId, OrgRole minimum);

} // namespace Realm::Auth
