// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/access.h"

#include "auth/orgstore.h"
#include "serverdb/query.h"

#include <QCoreApplication>

#include <algorithm>

namespace Realm::Auth {

using ServerDb::Query;

Error Access::notFound(const QString &what)
{
    return Error::notFound(QCoreApplication::translate("Realm::Auth", "There is no %1 here, or you may not see it.").arg(what));
}

Result<OrgRole> Access::orgRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId)
{
    if (principal.viaApiKey() && principal.apiKeyOrgId != orgId)
        return OrgRole::None;
    Result<OrgRole> role = OrgStore::roleOf(db, orgId, principal.userId);
    if (!role || !principal.viaApiKey() || *role == OrgRole::None)
        return role;
    return std::min(*role, principal.scopes.contains(Scopes::OrgAdmin) ? OrgRole::Admin : OrgRole::Member);
}

namespace {

// The highest project role an API key's scopes allow; a person: no cap.
ProjectRole capOf(const Principal &principal)
{
    if (!principal.viaApiKey() || principal.scopes.contains(Scopes::OrgAdmin))
        return ProjectRole::Admin;
    if (principal.scopes.contains(Scopes::ProjectWrite))
        return ProjectRole::Editor;
    if (principal.scopes.contains(Scopes::ProjectRead))
        return ProjectRole::Viewer;
    return ProjectRole::None;
}

// The member's role in the organization as far as projects go: None for
// someone outside it and for an API key of another organization.
Result<OrgRole> orgRoleForProjects(const QSqlDatabase &db, const Principal &principal, const QString &orgId)
{
    Result<OrgRole> org = OrgStore::roleOf(db, orgId, principal.userId);
    if (org && principal.viaApiKey() && principal.apiKeyOrgId != orgId)
        return OrgRole::None;
    return org;
}

// Rows of (project id, role) given to the user or one of their teams;
// `projectFilter` narrows them (" AND …" with its one bound value).
Result<QHash<QString, ProjectRole>> memberRoles(const QSqlDatabase &db, const QString &userId, const char *projectFilter, const QString &filterValue)
{
    const QByteArray sql = QByteArray("SELECT pm.project_id, pm.role FROM project_members pm JOIN projects p ON p.id = pm.project_id "
                                      "WHERE ((pm.member_kind = 'user' AND pm.member_id = ?) OR "
                                      "(pm.member_kind = 'team' AND pm.member_id IN (SELECT team_id FROM team_members WHERE user_id = ?)))")
                           + projectFilter;
    Query query(db, sql.constData());
    query.bindAll(userId, userId, filterValue);
    if (Result<void> ran = query.exec(QCoreApplication::translate("Realm::Auth", "Cannot look up the project's members")); !ran)
        return ran.error();
    QHash<QString, ProjectRole> roles;
    while (query.next()) {
        ProjectRole &role = roles[query.text(0)];
        role = std::max(role, projectRoleFrom(query.text(1)).value_or(ProjectRole::None));
    }
    return roles;
}

} // namespace

Result<ProjectRole> Access::projectRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId, const QString &projectId)
{
    Result<OrgRole> org = orgRoleForProjects(db, principal, orgId);
    if (!org)
        return org.error();
    if (*org == OrgRole::None)
        return ProjectRole::None;
    if (*org >= OrgRole::Admin)
        return std::min(ProjectRole::Admin, capOf(principal));
    Result<QHash<QString, ProjectRole>> roles = memberRoles(db, principal.userId, " AND pm.project_id = ?", projectId);
    if (!roles)
        return roles.error();
    return std::min(roles->value(projectId, ProjectRole::None), capOf(principal));
}

Result<Access::ProjectRoles> Access::projectRoles(const QSqlDatabase &db, const Principal &principal, const QString &orgId)
{
    Result<OrgRole> org = orgRoleForProjects(db, principal, orgId);
    if (!org)
        return org.error();
    ProjectRoles roles;
    if (*org == OrgRole::None)
        return roles;
    const ProjectRole cap = capOf(principal);
    if (*org >= OrgRole::Admin) {
        roles.everyProject = std::min(ProjectRole::Admin, cap);
        return roles;
    }
    Result<QHash<QString, ProjectRole>> given = memberRoles(db, principal.userId, " AND p.org_id = ?", orgId);
    if (!given)
        return given.error();
    for (auto it = given->begin(); it != given->end(); ++it)
        it.value() = std::min(it.value(), cap);
    roles.byProject = *given;
    return roles;
}

} // namespace Realm::Auth
