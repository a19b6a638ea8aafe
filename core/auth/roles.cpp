// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/roles.h"

namespace Realm::Auth {

QString orgRoleName(OrgRole role)
{
    switch (role) {
    case OrgRole::Owner: return QStringLiteral("owner");
    case OrgRole::Admin: return QStringLiteral("admin");
    case OrgRole::Member: return QStringLiteral("member");
    case OrgRole::None: break;
    }
    return QStringLiteral("none");
}

std::optional<OrgRole> orgRoleFrom(const QString &name)
{
    for (OrgRole role : {OrgRole::Owner, OrgRole::Admin, OrgRole::Member}) {
        if (orgRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString projectRoleName(ProjectRole role)
{
    switch (role) {
    case ProjectRole::Admin: return QStringLiteral("admin");
    case ProjectRole::Editor: return QStringLiteral("editor");
    case ProjectRole::Viewer: return QStringLiteral("viewer");
    case ProjectRole::None: break;
    }
    return QStringLiteral("none");
}

std::optional<ProjectRole> projectRoleFrom(const QString &name)
{
    for (ProjectRole role : {ProjectRole::Admin, ProjectRole::Editor, ProjectRole::Viewer}) {
        if (projectRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QStringList Scopes::all()
{
    return {ProjectRead, ProjectWrite, OrgAdmin, WebhooksManage, AuditRead};
}

} // namespace Realm::Auth
