// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/orgs…: organizations, members, teams and the audit log.
#include "server/apicontext.h"

#include "auth/auditlog.h"

#include <QJsonArray>

namespace Realm::Server {

namespace {

Result<Auth::OrgRole> roleIn(const QJsonObject &body, Auth::OrgRole fallback)
{
    if (!body.contains(QStringLiteral("role")))
        return fallback;
    const std::optional<Auth::OrgRole> role = Auth::orgRoleFrom(body.value(QStringLiteral("role")).toString());
    if (!role)
        return Error::invalidInput(QStringLiteral("role must be owner, admin or member."));
    return *role;
}

} // namespace

void addOrgRoutes(Router &router, const ApiContext &context)
{
    const QString orgs = QStringLiteral("/api/v1/orgs");
    const auto orgId = [](const HttpRequest &request) { return request.parameter(QStringLiteral("org")); };

    addSignedIn(router, context, {"POST", orgs, QStringLiteral("Found an organization (you own it)"), Access::Person, 4096},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.organizations->create(principal, body->value(QStringLiteral("name")).toString(), clientOf(request)), 201);
                });
    addSignedIn(router, context, {"GET", orgs + QStringLiteral("/{org}"), QStringLiteral("An organization (by id or name)"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return objectResponse(context.organizations->get(principal, orgId(request)));
                });
    addSignedIn(router, context, {"GET", orgs + QStringLiteral("/{org}/members"), QStringLiteral("The organization's members and roles"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return listResponse(context.organizations->members(principal, orgId(request)), QStringLiteral("members"));
                });
    addSignedIn(router, context, {"POST", orgs + QStringLiteral("/{org}/members"), QStringLiteral("Add a user by email {email, role}"), Access::SignedIn, 4096},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    Result<Auth::OrgRole> role = roleIn(*body, Auth::OrgRole::Member);
                    if (!role)
                        return HttpResponse::fromError(role.error());
                    return objectResponse(context.organizations->addMember(principal, orgId(request), body->value(QStringLiteral("email")).toString(), *role,
                                                                           clientOf(request)),
                                          201);
                });
    addSignedIn(router, context, {"PATCH", orgs + QStringLiteral("/{org}/members/{user}"), QStringLiteral("Change a member's role {role}"), Access::SignedIn, 4096},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    if (!body->contains(QStringLiteral("role")))
                        return HttpResponse::fromError(Error::invalidInput(QStringLiteral("Give the new role: {\"role\": \"admin\"}.")));
                    Result<Auth::OrgRole> role = roleIn(*body, Auth::OrgRole::Member);
                    if (!role)
                        return HttpResponse::fromError(role.error());
                    return objectResponse(context.organizations->changeRole(principal, orgId(request), request.parameter(QStringLiteral("user")), *role,
                                                                            clientOf(request)));
                });
    addSignedIn(router, context, {"DELETE", orgs + QStringLiteral("/{org}/members/{user}"), QStringLiteral("Remove a member (or leave)"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return emptyResponse(context.organizations->removeMember(principal, orgId(request), request.parameter(QStringLiteral("user")), clientOf(request)));
                });
    addSignedIn(router, context, {"GET", orgs + QStringLiteral("/{org}/teams"), QStringLiteral("The organization's teams with their members"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return listResponse(context.organizations->teams(principal, orgId(request)), QStringLiteral("teams"));
                });
    addSignedIn(router, context, {"POST", orgs + QStringLiteral("/{org}/teams"), QStringLiteral("Make a team {name}"), Access::SignedIn, 4096},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.organizations->createTeam(principal, orgId(request), body->value(QStringLiteral("name")).toString(), clientOf(request)),
                                          201);
                });
    addSignedIn(router, context, {"DELETE", orgs + QStringLiteral("/{org}/teams/{team}"), QStringLiteral("Delete a team"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return emptyResponse(context.organizations->deleteTeam(principal, orgId(request), request.parameter(QStringLiteral("team")), clientOf(request)));
                });
    addSignedIn(router, context, {"PUT", orgs + QStringLiteral("/{org}/teams/{team}/members/{user}"), QStringLiteral("Add a member to a team"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return objectResponse(context.organizations->addTeamMember(principal, orgId(request), request.parameter(QStringLiteral("team")),
                                                                               request.parameter(QStringLiteral("user")), clientOf(request)));
                });
    addSignedIn(router, context, {"DELETE", orgs + QStringLiteral("/{org}/teams/{team}/members/{user}"), QStringLiteral("Remove a member from a team"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return objectResponse(context.organizations->removeTeamMember(principal, orgId(request), request.parameter(QStringLiteral("team")),
                                                                                  request.parameter(QStringLiteral("user")), clientOf(request)));
                });
    addSignedIn(router, context, {"GET", orgs + QStringLiteral("/{org}/audit"), QStringLiteral("The organization's audit log (?after=SEQ&limit=N)"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    bool afterOk = true;
                    bool limitOk = true;
                    const QString afterText = request.query.queryItemValue(QStringLiteral("after"));
                    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
                    const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&afterOk);
                    const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&limitOk);
                    if (!afterOk || !limitOk || after < 0 || limit < 1 || limit > 1000)
                        return HttpResponse::fromError(Error::invalidInput(QStringLiteral("after must be a sequence number and limit from 1 to 1000.")));
                    return listResponse(context.organizations->audit(principal, orgId(request), after, limit), QStringLiteral("entries"));
                });
}

} // namespace Realm::Server
