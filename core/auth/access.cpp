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

Result<ProjectRole> Access::projectRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId, const QString &projectId)
{
    Result<OrgRole> org = OrgStore::roleOf(db, orgId, principal.userId);
    if (!org)
        return org.error();
    if (*org == OrgRole::None || (principal.viaApiKey() && principal.apiKeyOrgId != orgId))
        return ProjectRole::None;
    ProjectRole role = ProjectRole::None;
    if (*org >= OrgRole::Admin) {
        role = ProjectRole::Admin;
    } else {
        Query query(db, "SELECT role FROM project_members WHERE project_id = ? AND ((member_kind = 'user' AND member_id = ?) OR "
                        "(member_kind = 'team' AND member_id IN (SELECT team_id FROM team_members WHERE user_id = ?)))");
        query.bindAll(projectId, principal.userId, principal.userId);
        if (Result<void> ran = query.exec(QCoreApplication::translate("Realm::Auth", "Cannot look up the project's members")); !ran)
            return ran.error();
        while (query.next())
            role = std::max(role, projectRoleFrom(query.text(0)).value_or(ProjectRole::None));
    }
    if (!principal.viaApiKey())
        return role;
    ProjectRole cap = ProjectRole::None;
    if (principal.scopes.contains(Scopes::OrgAdmin))
        cap = ProjectRole::Admin;
    else if (principal.scopes.contains(Scopes::ProjectWrite))
        cap = ProjectRole::Editor;
    else if (principal.scopes.contains(Scopes::ProjectRead))
        cap = ProjectRole::Viewer;
    return std::min(role, cap);
}

} // namespace Realm::Auth
