// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/orgstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "common/jsontime.h"
#include "serverdb/query.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

QString nameKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

Result<Org> oneOrg(Query &query, const QString &notFound)
{
    if (Result<void> ran = query.exec(tr("Cannot look up the organization")); !ran)
        return ran.error();
    if (!query.next())
        return Error::notFound(notFound);
    return Org{query.text(0), query.text(1), query.integer(2)};
}

Result<QList<OrgMember>> readMembers(Query &query)
{
    if (Result<void> ran = query.exec(tr("Cannot list the members")); !ran)
        return ran.error();
    QList<OrgMember> members;
    while (query.next())
        members.append({query.text(0), query.text(1), query.text(2), orgRoleFrom(query.text(3)).value_or(OrgRole::Member)});
    return members;
}

} // namespace

QJsonObject Org::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("created_at"), Json::time(createdAtMs)}};
}

QJsonObject OrgMember::toJson() const
{
    return {{QStringLiteral("user_id"), userId}, {QStringLiteral("email"), email}, {QStringLiteral("name"), name}, {QStringLiteral("role"), orgRoleName(role)}};
}

QJsonObject Team::toJson() const
{
    QJsonArray list;
    for (const OrgMember &member : members)
        list.append(QJsonObject{{QStringLiteral("user_id"), member.userId}, {QStringLiteral("email"), member.email}, {QStringLiteral("name"), member.name}});
    return {{QStringLiteral("id"), id}, {QStringLiteral("org_id"), orgId}, {QStringLiteral("name"), name}, {QStringLiteral("members"), list}};
}

Result<Org> OrgStore::byId(const QSqlDatabase &db, const QString &orgId)
{
    Query query(db, "SELECT id, name, created_at FROM orgs WHERE id = ?");
    query.bindAll(orgId);
    return oneOrg(query, tr("There is no organization %1.").arg(orgId));
}

Result<Org> OrgStore::byIdOrName(const QSqlDatabase &db, const QString &idOrName)
{
    Query query(db, "SELECT id, name, created_at FROM orgs WHERE id = ? OR name_key = ?");
    query.bindAll(idOrName, nameKey(idOrName));
    return oneOrg(query, tr("There is no organization %1.").arg(idOrName));
}

Result<Org> OrgStore::insert(const QSqlDatabase &db, const QString &name)
{
    const Org org{newId(), name.trimmed(), Clock::nowMs()};
    Query insert(db, "INSERT INTO orgs (id, name, name_key, created_at) VALUES (?, ?, ?, ?)");
    insert.bindAll(org.id, org.name, nameKey(org.name), org.createdAtMs);
    if (Result<void> ran = insert.exec(tr("Cannot create the organization")); !ran) {
        if (insert.isUniqueViolation())
            return Error::conflict(tr("There is already an organization named %1. Choose another name.").arg(org.name));
        return ran.error();
    }
    return org;
}

Result<OrgRole> OrgStore::roleOf(const QSqlDatabase &db, const QString &orgId, const QString &userId)
{
    Query query(db, "SELECT role FROM org_members WHERE org_id = ? AND user_id = ?");
    query.bindAll(orgId, userId);
    if (Result<void> ran = query.exec(tr("Cannot look up the membership")); !ran)
        return ran.error();
    return query.next() ? orgRoleFrom(query.text(0)).value_or(OrgRole::None) : OrgRole::None;
}

Result<QList<std::pair<Org, OrgRole>>> OrgStore::orgsOf(const QSqlDatabase &db, const QString &userId)
{
    Query query(db, "SELECT o.id, o.name, o.created_at, m.role FROM org_members m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.name_key");
    query.bindAll(userId);
    if (Result<void> ran = query.exec(tr("Cannot list the organizations")); !ran)
        return ran.error();
    QList<std::pair<Org, OrgRole>> orgs;
    while (query.next())
        orgs.append({Org{query.text(0), query.text(1), query.integer(2)}, orgRoleFrom(query.text(3)).value_or(OrgRole::Member)});
    return orgs;
}

Result<QList<OrgMember>> OrgStore::members(const QSqlDatabase &db, const QString &orgId)
{
    Query query(db, "SELECT u.id, u.email, u.name, m.role FROM org_members m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ORDER BY u.email");
    query.bindAll(orgId);
    return readMembers(query);
}

Result<void> OrgStore::lock(const QSqlDatabase &db, const QString &orgId)
{
    Query lock(db, "UPDATE orgs SET name = name WHERE id = ?");
    lock.bindAll(orgId);
    return lock.exec(tr("Cannot change the organization"));
}

Result<int> OrgStore::countWithRole(const QSqlDatabase &db, const QString &orgId, OrgRole role)
{
    Query query(db, "SELECT COUNT(*) FROM org_members WHERE org_id = ? AND role = ?");
    query.bindAll(orgId, orgRoleName(role));
    if (Result<void> ran = query.exec(tr("Cannot count the members")); !ran)
        return ran.error();
    return query.next() ? int(query.integer(0)) : 0;
}

Result<void> OrgStore::setMember(const QSqlDatabase &db, const QString &orgId, const QString &userId, OrgRole role)
{
    Query upsert(db, "INSERT INTO org_members (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (org_id, user_id) DO UPDATE SET role = excluded.role");
    upsert.bindAll(orgId, userId, orgRoleName(role), Clock::nowMs());
    return upsert.exec(tr("Cannot change the membership"));
}

Result<void> OrgStore::removeMember(const QSqlDatabase &db, const QString &orgId, const QString &userId)
{
    Query leaveTeams(db, "DELETE FROM team_members WHERE user_id = ? AND team_id IN (SELECT id FROM teams WHERE org_id = ?)");
    leaveTeams.bindAll(userId, orgId);
    if (Result<void> ran = leaveTeams.exec(tr("Cannot remove the member from the teams")); !ran)
        return ran;
    Query remove(db, "DELETE FROM org_members WHERE org_id = ? AND user_id = ?");
    remove.bindAll(orgId, userId);
    return remove.exec(tr("Cannot remove the member"));
}

Result<Team> OrgStore::insertTeam(const QSqlDatabase &db, const QString &orgId, const QString &name)
{
    Team team{newId(), orgId, name.trimmed(), {}};
    Query insert(db, "INSERT INTO teams (id, org_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)");
    insert.bindAll(team.id, orgId, team.name, nameKey(team.name), Clock::nowMs());
    if (Result<void> ran = insert.exec(tr("Cannot create the team")); !ran) {
        if (insert.isUniqueViolation())
            return Error::conflict(tr("The organization already has a team named %1.").arg(team.name));
        return ran.error();
    }
    return team;
}

Result<Team> OrgStore::team(const QSqlDatabase &db, const QString &orgId, const QString &teamId)
{
    Query query(db, "SELECT id, org_id, name FROM teams WHERE id = ? AND org_id = ?");
    query.bindAll(teamId, orgId);
    if (Result<void> ran = query.exec(tr("Cannot look up the team")); !ran)
        return ran.error();
    if (!query.next())
        return Error::notFound(tr("There is no team %1 in this organization.").arg(teamId));
    Team team{query.text(0), query.text(1), query.text(2), {}};
    Query members(db, "SELECT u.id, u.email, u.name, 'member' FROM team_members t JOIN users u ON u.id = t.user_id WHERE t.team_id = ? ORDER BY u.email");
    members.bindAll(team.id);
    Result<QList<OrgMember>> list = readMembers(members);
    if (!list)
        return list.error();
    team.members = *list;
    return team;
}

Result<QList<Team>> OrgStore::teams(const QSqlDatabase &db, const QString &orgId)
{
    Query query(db, "SELECT id FROM teams WHERE org_id = ? ORDER BY name_key");
    query.bindAll(orgId);
    if (Result<void> ran = query.exec(tr("Cannot list the teams")); !ran)
        return ran.error();
    QStringList ids;
    while (query.next())
        ids.append(query.text(0));
    QList<Team> teams;
    for (const QString &id : std::as_const(ids)) {
        Result<Team> one = team(db, orgId, id);
        if (!one)
            return one.error();
        teams.append(*one);
    }
    return teams;
}

Result<void> OrgStore::deleteTeam(const QSqlDatabase &db, const QString &teamId)
{
    for (const char *sql : {"DELETE FROM team_members WHERE team_id = ?", "DELETE FROM project_members WHERE member_kind = 'team' AND member_id = ?",
                            "DELETE FROM teams WHERE id = ?"}) {
        Query remove(db, sql);
        remove.bindAll(teamId);
        if (Result<void> ran = remove.exec(tr("Cannot delete the team")); !ran)
            return ran;
    }
    return {};
}

Result<void> OrgStore::addTeamMember(const QSqlDatabase &db, const QString &teamId, const QString &userId)
{
    Query insert(db, "INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT (team_id, user_id) DO NOTHING");
    insert.bindAll(teamId, userId);
    return insert.exec(tr("Cannot add the team member"));
}

Result<void> OrgStore::removeTeamMember(const QSqlDatabase &db, const QString &teamId, const QString &userId)
{
    Query remove(db, "DELETE FROM team_members WHERE team_id = ? AND user_id = ?");
    remove.bindAll(teamId, userId);
    return remove.exec(tr("Cannot remove the team member"));
}

} // namespace Realm::Auth
