// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/roles.h"
#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Realm::Auth {

struct Org final {
    QString id;
    QString name;
    qint64 createdAtMs = 0;
    QJsonObject toJson() const;
};

struct OrgMember final {
    QString userId;
    QString email;
    QString name;
    OrgRole role = OrgRole::None;
    QJsonObject toJson() const;
};

struct Team final {
    QString id;
    QString orgId;
    QString name;
    QList<OrgMember> members; // role: their organization role
    QJsonObject toJson() const;
};

// The orgs, org_members, teams and team_members tables: rows only, no
// rules (those are in Organizations).
class OrgStore final {
public:
    // NotFound for an unknown id.
    static Result<Org> byId(const QSqlDatabase &db, const QString &orgId);
    static Result<Org> byIdOrName(const QSqlDatabase &db, const QString &idOrName);
    // Conflict when the name is taken (names compare without case).
    static Result<Org> insert(const QSqlDatabase &db, const QString &name);

    static Result<OrgRole> roleOf(const QSqlDatabase &db, const QString &orgId, const QString &userId);
    // The organizations a user belongs to, with the role there.
    static Result<QList<std::pair<Org, OrgRole>>> orgsOf(const QSqlDatabase &db, const QString &userId);
    static Result<QList<OrgMember>> members(const QSqlDatabase &db, const QString &orgId);
    // Holds the organization's row until the transaction ends: changes that
    // count owners first take it, so they run one after the other.
    static Result<void> lock(const QSqlDatabase &db, const QString &orgId);
    static Result<int> countWithRole(const QSqlDatabase &db, const QString &orgId, OrgRole role);
    // Adds or changes a membership.
    static Result<void> setMember(const QSqlDatabase &db, const QString &orgId, const QString &userId, OrgRole role);
    // Also leaves the organization's teams.
    static Result<void> removeMember(const QSqlDatabase &db, const QString &orgId, const QString &userId);

    static Result<Team> insertTeam(const QSqlDatabase &db, const QString &orgId, const QString &name);
    static Result<Team> team(const QSqlDatabase &db, const QString &orgId, const QString &teamId);
    static Result<QList<Team>> teams(const QSqlDatabase &db, const QString &orgId);
    static Result<void> deleteTeam(const QSqlDatabase &db, const QString &teamId);
    static Result<void> addTeamMember(const QSqlDatabase &db, const QString &teamId, const QString &userId);
    static Result<void> removeTeamMember(const QSqlDatabase &db, const QString &teamId, const QString &userId);
};

} // namespace Realm::Auth
