// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/roles.h"
#include "common/error.h"

#include <QHash>
#include <QSqlDatabase>

namespace Realm::Auth {

// What a principal may do, computed from the current rows on every call —
// a role taken away applies to the very next request.
//
// Organization: the member's role. Project: an organization admin or owner
// administers every project of it; other members get the highest role
// given to them or to one of their teams; someone no longer in the
// organization gets nothing, whatever rows remain. An API key is bound to
// its organization (anything else is invisible to it) and capped by its
// scopes: project:read → viewer, project:write → editor, org:admin →
// organization admin and project admin.
class Access final {
public:
    static Result<OrgRole> orgRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId);
    static Result<ProjectRole> projectRole(const QSqlDatabase &db, const Principal &principal, const QString &orgId, const QString &projectId);

    // The principal's role in every project of an organization, in two
    // queries however many projects it has (lists).
    struct ProjectRoles {
        ProjectRole everyProject = ProjectRole::None; // an organization admin's
        QHash<QString, ProjectRole> byProject;       // given to them or a team of theirs
        ProjectRole of(const QString &projectId) const { return std::max(everyProject, byProject.value(projectId, ProjectRole::None)); }
    };
    static Result<ProjectRoles> projectRoles(const QSqlDatabase &db, const Principal &principal, const QString &orgId);

    // NotFound (never Forbidden) when the principal may not even see it: an
    // object of another organization does not exist for them.
    static Error notFound(const QString &what);
};

} // namespace Realm::Auth
