// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/sharedprojects.h"

#include "auth/access.h"
#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/orgstore.h"
#include "auth/organizations.h"
#include "auth/users.h"
#include "common/clock.h"
#include "common/ids.h"
#include "common/jsontime.h"
#include "serverdb/query.h"

#include <QCoreApplication>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

#define REALM_PROJECT_COLUMNS "id, org_id, name, description, created_by, created_at, updated_at"

SharedProject readProject(const Query &row)
{
    SharedProject project;
    project.id = row.text(0);
    project.orgId = row.text(1);
    project.name = row.text(2);
    project.description = row.text(3);
    project.createdBy = row.text(4);
    project.createdAtMs = row.integer(5);
    project.updatedAtMs = row.integer(6);
    return project;
}

Result<void> checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 200 || trimmed.contains(QLatin1Char('/')))
        return Error::invalidInput(tr("Give the project a name of 1 to 200 characters, without \"/\"."));
    return {};
}

// The project with the principal's role in it, when that role is at least
// `minimum`; NotFound if they may not see it, Forbidden if they may see but
// not do it.
Result<SharedProject> requireProject(const QSqlDatabase &db, const Principal &principal, const QString &projectId, ProjectRole minimum)
{
    Query query(db, "SELECT " REALM_PROJECT_COLUMNS " FROM projects WHERE id = ? AND deleted_at IS NULL");
    query.bindAll(projectId);
    if (Result<void> ran = query.exec(tr("Cannot look up the project")); !ran)
        return ran.error();
    if (!query.next())
        return Access::notFound(tr("project"));
    SharedProject project = readProject(query);
    Result<ProjectRole> role = Access::projectRole(db, principal, project.orgId, project.id);
    if (!role)
        return role.error();
    if (*role == ProjectRole::None)
        return Access::notFound(tr("project"));
    if (*role < minimum)
        return Error::forbidden(tr("This needs the %1 role in the project; you are %2.").arg(projectRoleName(minimum), projectRoleName(*role)));
    project.role = *role;
    return project;
}

struct MemberRef {
    QString kind;
    QString id;
    QString name;
};

// A user (id or email) in the organization, or one of its teams.
Result<MemberRef> resolveMember(const QSqlDatabase &db, const QString &orgId, const QString &member)
{
    Result<Team> team = OrgStore::team(db, orgId, member);
    if (team)
        return MemberRef{QStringLiteral("team"), team->id, team->name};
    Result<User> user = member.contains(QLatin1Char('@')) ? Users::byEmail(db, member) : Users::byId(db, member);
    if (user) {
        Result<OrgRole> role = OrgStore::roleOf(db, orgId, user->id);
        if (!role)
            return role.error();
        if (*role != OrgRole::None)
            return MemberRef{QStringLiteral("user"), user->id, user->email};
    }
    return Error::notFound(tr("%1 is neither a member nor a team of the project's organization.").arg(member));
}

// For changing a project's members: the project (administered by the
// principal) and the member meant.
Result<std::pair<SharedProject, MemberRef>> memberChange(const QSqlDatabase &db, const Principal &principal, const QString &projectId,
                                                         const QString &member)
{
    Result<SharedProject> project = requireProject(db, principal, projectId, ProjectRole::Admin);
    if (!project)
        return project.error();
    Result<MemberRef> ref = resolveMember(db, project->orgId, member);
    if (!ref)
        return ref.error();
    return std::pair<SharedProject, MemberRef>(*project, *ref);
}

} // namespace

QJsonObject SharedProject::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("org_id"), orgId},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("created_by"), createdBy},
            {QStringLiteral("created_at"), Json::time(createdAtMs)},
            {QStringLiteral("updated_at"), Json::time(updatedAtMs)},
            {QStringLiteral("role"), projectRoleName(role)}};
}

QJsonObject ProjectMember::toJson() const
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("role"), projectRoleName(role)}};
}

SharedProjects::SharedProjects(ServerDb::ServerDatabasePtr database)
    : m_db(std::move(database))
{
}

Result<SharedProject> SharedProjects::create(const Principal &principal, const QString &orgId, const QString &name, const QString &description,
                                             const ClientInfo &client, const QString &id)
{
    if (Result<void> valid = checkName(name); !valid)
        return valid.error();
    if (!id.isEmpty() && !isId(id))
        return Error::invalidInput(tr("A project's id is a UUID in lowercase (like 0192f0c1-7c3a-7b1e-9f00-1a2b3c4d5e6f); leave it out and the server picks one."));
    return m_db->write(tr("Cannot create the project"), [&](const QSqlDatabase &db) -> Result<SharedProject> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Member); !role)
            return role.error();
        if (principal.viaApiKey() && !principal.scopes.contains(Scopes::ProjectWrite) && !principal.scopes.contains(Scopes::OrgAdmin))
            return Error::forbidden(tr("Creating a project needs an API key with the project:write scope."));
        if (!id.isEmpty()) {
            Query earlier(db, "SELECT org_id, created_by, deleted_at FROM projects WHERE id = ?");
            earlier.bindAll(id);
            if (Result<void> ran = earlier.exec(tr("Cannot look up the project")); !ran)
                return ran.error();
            if (earlier.next()) {
                if (earlier.text(0) == orgId && earlier.text(1) == principal.userId && earlier.isNull(2))
                    return requireProject(db, principal, id, ProjectRole::Viewer); // the same create, sent again
                return Error::conflict(tr("A project with the id %1 exists already. Share again to pick a new id.").arg(id));
            }
        }
        SharedProject project;
        project.id = id.isEmpty() ? newId() : id;
        project.orgId = orgId;
        project.name = name.trimmed();
        project.description = description.trimmed();
        project.createdBy = principal.userId;
        project.createdAtMs = Clock::nowMs();
        project.updatedAtMs = project.createdAtMs;
        project.role = ProjectRole::Admin;
        Query insert(db, "INSERT INTO projects (" REALM_PROJECT_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bindAll(project.id, project.orgId, project.name, project.description, project.createdBy, project.createdAtMs, project.updatedAtMs);
        if (Result<void> ran = insert.exec(tr("Cannot create the project")); !ran)
            return ran.error();
        Query member(db, "INSERT INTO project_members (project_id, member_kind, member_id, role, created_at) VALUES (?, 'user', ?, 'admin', ?)");
        member.bindAll(project.id, principal.userId, project.createdAtMs);
        if (Result<void> ran = member.exec(tr("Cannot create the project")); !ran)
            return ran.error();
        if (Result<void> logged = appendOrgAudit(db, orgId, QStringLiteral("project.created"), project.id, principal, client, {{QStringLiteral("name"), project.name}});
            !logged)
            return logged.error();
        return project;
    });
}

Result<QList<SharedProject>> SharedProjects::list(const Principal &principal, const QString &orgId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<SharedProject>> {
        if (Result<OrgRole> role = requireOrgRole(db, principal, orgId, OrgRole::Member); !role)
            return role.error();
        Query query(db, "SELECT " REALM_PROJECT_COLUMNS " FROM projects WHERE org_id = ? AND deleted_at IS NULL ORDER BY name, id");
        query.bindAll(orgId);
        if (Result<void> ran = query.exec(tr("Cannot list the projects")); !ran)
            return ran.error();
        QList<SharedProject> all;
        while (query.next())
            all.append(readProject(query));
        Result<Access::ProjectRoles> roles = Access::projectRoles(db, principal, orgId);
        if (!roles)
            return roles.error();
        QList<SharedProject> visible;
        for (SharedProject &project : all) {
            project.role = roles->of(project.id);
            if (project.role != ProjectRole::None)
                visible.append(project);
        }
        return visible;
    });
}

Result<SharedProject> SharedProjects::get(const Principal &principal, const QString &projectId) const
{
    return m_db->read([&](const QSqlDatabase &db) { return requireProject(db, principal, projectId, ProjectRole::Viewer); });
}

Result<SharedProject> SharedProjects::update(const Principal &principal, const QString &projectId, const std::optional<QString> &name,
                                             const std::optional<QString> &description, const ClientInfo &client)
{
    if (name) {
        if (Result<void> valid = checkName(*name); !valid)
            return valid.error();
    }
    return m_db->write(tr("Cannot change the project"), [&](const QSqlDatabase &db) -> Result<SharedProject> {
        Result<SharedProject> project = requireProject(db, principal, projectId, ProjectRole::Admin);
        if (!project)
            return project;
        if (name)
            project->name = name->trimmed();
        if (description)
            project->description = description->trimmed();
        project->updatedAtMs = Clock::nowMs();
        Query update(db, "UPDATE projects SET name = ?, description = ?, updated_at = ? WHERE id = ?");
        update.bindAll(project->name, project->description, project->updatedAtMs, project->id);
        if (Result<void> ran = update.exec(tr("Cannot change the project")); !ran)
            return ran.error();
        if (Result<void> logged = appendOrgAudit(db, project->orgId, QStringLiteral("project.updated"), project->id, principal, client, {{QStringLiteral("name"), project->name}});
            !logged)
            return logged.error();
        return project;
    });
}

Result<void> SharedProjects::remove(const Principal &principal, const QString &projectId, const ClientInfo &client)
{
    return m_db->write(tr("Cannot delete the project"), [&](const QSqlDatabase &db) -> Result<void> {
        Result<SharedProject> project = requireProject(db, principal, projectId, ProjectRole::Admin);
        if (!project)
            return project.error();
        Query tombstone(db, "UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ?");
        const qint64 now = Clock::nowMs();
        tombstone.bindAll(now, now, projectId);
        if (Result<void> ran = tombstone.exec(tr("Cannot delete the project")); !ran)
            return ran;
        return appendOrgAudit(db, project->orgId, QStringLiteral("project.deleted"), projectId, principal, client, {{QStringLiteral("name"), project->name}});
    });
}

Result<QList<ProjectMember>> SharedProjects::members(const Principal &principal, const QString &projectId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<ProjectMember>> {
        if (Result<SharedProject> project = requireProject(db, principal, projectId, ProjectRole::Viewer); !project)
            return project.error();
        Query query(db, "SELECT m.member_kind, m.member_id, COALESCE(u.email, t.name, m.member_id), m.role FROM project_members m "
                        "LEFT JOIN users u ON m.member_kind = 'user' AND u.id = m.member_id "
                        "LEFT JOIN teams t ON m.member_kind = 'team' AND t.id = m.member_id "
                        "WHERE m.project_id = ? ORDER BY m.member_kind DESC, 3");
        query.bindAll(projectId);
        if (Result<void> ran = query.exec(tr("Cannot list the project's members")); !ran)
            return ran.error();
        QList<ProjectMember> members;
        while (query.next())
            members.append({query.text(0), query.text(1), query.text(2), projectRoleFrom(query.text(3)).value_or(ProjectRole::Viewer)});
        return members;
    });
}

Result<ProjectMember> SharedProjects::setMember(const Principal &principal, const QString &projectId, const QString &member, ProjectRole role,
                                                const ClientInfo &client)
{
    return m_db->write(tr("Cannot change the project's members"), [&](const QSqlDatabase &db) -> Result<ProjectMember> {
        Result<std::pair<SharedProject, MemberRef>> change = memberChange(db, principal, projectId, member);
        if (!change)
            return change.error();
        const SharedProject *project = &change->first;
        const MemberRef *ref = &change->second;
        Query upsert(db, "INSERT INTO project_members (project_id, member_kind, member_id, role, created_at) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (project_id, member_kind, member_id) DO UPDATE SET role = excluded.role");
        upsert.bindAll(projectId, ref->kind, ref->id, projectRoleName(role), Clock::nowMs());
        if (Result<void> ran = upsert.exec(tr("Cannot change the project's members")); !ran)
            return ran.error();
        const QJsonObject details{{QStringLiteral("project_id"), projectId}, {QStringLiteral("kind"), ref->kind}, {QStringLiteral("role"), projectRoleName(role)}};
        if (Result<void> logged = appendOrgAudit(db, project->orgId, QStringLiteral("project.member_set"), ref->id, principal, client, details); !logged)
            return logged.error();
        return ProjectMember{ref->kind, ref->id, ref->name, role};
    });
}

Result<void> SharedProjects::removeMember(const Principal &principal, const QString &projectId, const QString &member, const ClientInfo &client)
{
    return m_db->write(tr("Cannot change the project's members"), [&](const QSqlDatabase &db) -> Result<void> {
        Result<std::pair<SharedProject, MemberRef>> change = memberChange(db, principal, projectId, member);
        if (!change)
            return change.error();
        const SharedProject *project = &change->first;
        const MemberRef *ref = &change->second;
        Query remove(db, "DELETE FROM project_members WHERE project_id = ? AND member_kind = ? AND member_id = ?");
        remove.bindAll(projectId, ref->kind, ref->id);
        if (Result<void> ran = remove.exec(tr("Cannot change the project's members")); !ran)
            return ran;
        if (remove.rowsAffected() == 0)
            return Error::notFound(tr("%1 is not a member of the project.").arg(ref->name));
        return appendOrgAudit(db, project->orgId, QStringLiteral("project.member_removed"), ref->id, principal, client,
                              {{QStringLiteral("project_id"), projectId}, {QStringLiteral("kind"), ref->kind}});
    });
}

Result<Access::ProjectRoles> SharedProjects::rolesIn(const Principal &principal, const QString &orgId) const
{
    return m_db->read([&](const QSqlDatabase &db) { return Access::projectRoles(db, principal, orgId); });
}

Result<SharedProject> SharedProjects::require(const QSqlDatabase &db, const Principal &principal, const QString &projectId, ProjectRole minimum)
{
    return requireProject(db, principal, projectId, minimum);
}

} // namespace Realm::Auth
