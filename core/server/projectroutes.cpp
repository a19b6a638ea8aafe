// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/orgs/{org}/projects and /api/v1/projects/…: projects on the server
// (metadata) and their members.
#include "server/apicontext.h"

namespace Realm::Server {

void addProjectRoutes(Router &router, const ApiContext &context)
{
    const QString v1 = QStringLiteral("/api/v1");
    const auto projectId = [](const HttpRequest &request) { return request.parameter(QStringLiteral("project")); };

    addSignedIn(router, context, {"POST", v1 + QStringLiteral("/orgs/{org}/projects"), QStringLiteral("Create a project {name, description, id?}"), Access::SignedIn, 16 * 1024},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.projects->create(principal, request.parameter(QStringLiteral("org")), body->value(QStringLiteral("name")).toString(),
                                                                   body->value(QStringLiteral("description")).toString(), clientOf(request),
                                                                   body->value(QStringLiteral("id")).toString()),
                                          201);
                });
    addSignedIn(router, context, {"GET", v1 + QStringLiteral("/orgs/{org}/projects"), QStringLiteral("The organization's projects you can see"), Access::SignedIn, 0},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    return listResponse(context.projects->list(principal, request.parameter(QStringLiteral("org"))), QStringLiteral("projects"));
                });
    addSignedIn(router, context, {"GET", v1 + QStringLiteral("/projects/{project}"), QStringLiteral("A project"), Access::SignedIn, 0},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    return objectResponse(context.projects->get(principal, projectId(request)));
                });
    addSignedIn(router, context, {"PATCH", v1 + QStringLiteral("/projects/{project}"), QStringLiteral("Rename or describe a project {name, description}"), Access::SignedIn,
                16 * 1024},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const auto field = [&](const char *key) {
                        return body->contains(QLatin1String(key)) ? std::optional<QString>(body->value(QLatin1String(key)).toString()) : std::nullopt;
                    };
                    return objectResponse(context.projects->update(principal, projectId(request), field("name"), field("description"), clientOf(request)));
                });
    addSignedIn(router, context, {"DELETE", v1 + QStringLiteral("/projects/{project}"), QStringLiteral("Delete a project"), Access::SignedIn, 0},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    return emptyResponse(context.projects->remove(principal, projectId(request), clientOf(request)));
                });
    addSignedIn(router, context, {"GET", v1 + QStringLiteral("/projects/{project}/members"), QStringLiteral("A project's members (users and teams)"), Access::SignedIn, 0},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    return listResponse(context.projects->members(principal, projectId(request)), QStringLiteral("members"));
                });
    addSignedIn(router, context, {"PUT", v1 + QStringLiteral("/projects/{project}/members/{member}"), QStringLiteral("Give a user or team a project role {role}"),
                Access::SignedIn, 4096},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const std::optional<Auth::ProjectRole> role = Auth::projectRoleFrom(body->value(QStringLiteral("role")).toString());
                    if (!role)
                        return HttpResponse::fromError(Error::invalidInput(QStringLiteral("role must be admin, editor or viewer.")));
                    return objectResponse(context.projects->setMember(principal, projectId(request), request.parameter(QStringLiteral("member")), *role,
                                                                      clientOf(request)));
                });
    addSignedIn(router, context, {"DELETE", v1 + QStringLiteral("/projects/{project}/members/{member}"), QStringLiteral("Take a user's or team's project role away"),
                Access::SignedIn, 0},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    return emptyResponse(context.projects->removeMember(principal, projectId(request), request.parameter(QStringLiteral("member")), clientOf(request)));
                });
}

} // namespace Realm::Server
