// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/access.h"
#include "auth/principal.h"
#include "auth/roles.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Auth {

// A project kept on the server for an organization (its metadata: the
// contents arrive with sync).
struct SharedProject final {
    QString id;
    QString orgId;
    QString name;
    QString description;
    QString createdBy;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    ProjectRole role = ProjectRole::None; // the asking principal's
    QJsonObject toJson() const;
};

struct ProjectMember final {
    QString kind; // "user" or "team"
    QString id;
    QString name; // the user's email or the team's name
    ProjectRole role = ProjectRole::None;
    QJsonObject toJson() const;
};

// Projects of organizations and who may do what with them: viewers read,
// editors change contents (sync), project admins rename, delete and manage
// members. Invisible projects — another organization's, a deleted one, one
// the principal has no role in — are NotFound.
class SharedProjects final {
public:
    explicit SharedProjects(ServerDb::ServerDatabasePtr database);

    // Any member of the organization (an API key needs project:write); the
    // creator becomes the project's admin. `id` is the client's choice (a
    // UUID; empty: the server picks one), so a create sent again after its
    // answer was lost makes no second project: the same user's live project
    // of that id in that organization comes back as it is. Any other
    // project of that id is a Conflict.
    Result<SharedProject> create(const Principal &principal, const QString &orgId, const QString &name, const QString &description,
                                 const ClientInfo &client, const QString &id = {});
    Result<QList<SharedProject>> list(const Principal &principal, const QString &orgId) const;
    // The principal's role in every project of the organization (the event
    // feed tells of a project's changes only those who may see it).
    Result<Access::ProjectRoles> rolesIn(const Principal &principal, const QString &orgId) const;
    Result<SharedProject> get(const Principal &principal, const QString &projectId) const;
    Result<SharedProject> update(const Principal &principal, const QString &projectId, const std::optional<QString> &name,
                                 const std::optional<QString> &description, const ClientInfo &client);
    Result<void> remove(const Principal &principal, const QString &projectId, const ClientInfo &client);

    Result<QList<ProjectMember>> members(const Principal &principal, const QString &projectId) const;
    // `member`: a user id, a user's email or a team id of the organization.
    Result<ProjectMember> setMember(const Principal &principal, const QString &projectId, const QString &member, ProjectRole role,
                                    const ClientInfo &client);
    Result<void> removeMember(const Principal &principal, const QString &projectId, const QString &member, const ClientInfo &client);

    // Inside another service's transaction: the project with the
    // principal's role in it when that is at least `minimum`; NotFound if
    // they may not see it, Forbidden if they may see but not do it.
    static Result<SharedProject> require(const QSqlDatabase &db, const Principal &principal, const QString &projectId, ProjectRole minimum);

private:
    ServerDb::ServerDatabasePtr m_db;
};

} // namespace Realm::Auth
