// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Auth {

// Ordered: a higher role can do everything a lower one can.
enum class OrgRole { None = 0, Member = 1, Admin = 2, Owner = 3 };
enum class ProjectRole { None = 0, Viewer = 1, Editor = 2, Admin = 3 };

QString orgRoleName(OrgRole role);
std::optional<OrgRole> orgRoleFrom(const QString &name); // owner, admin, member
QString projectRoleName(ProjectRole role);
std::optional<ProjectRole> projectRoleFrom(const QString &name); // admin, editor, viewer

// What an API key may do; its rights are these scopes intersected with its
// owner's current roles.
namespace Scopes {
inline const QString ProjectRead = QStringLiteral("project:read");
inline const QString ProjectWrite = QStringLiteral("project:write");
inline const QString OrgAdmin = QStringLiteral("org:admin");
inline const QString WebhooksManage = QStringLiteral("webhooks:manage");
inline const QString AuditRead = QStringLiteral("audit:read");
QStringList all();
} // namespace Scopes

} // namespace Realm::Auth
