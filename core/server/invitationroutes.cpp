// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/orgs/{org}/invitations…, /api/v1/invitations/accept: joining an
// organization by a mailed invitation.
#include "server/apicontext.h"

#include <QCoreApplication>

namespace Realm::Server {

void addInvitationRoutes(Router &router, const ApiContext &context)
{
    const QString invitations = QStringLiteral("/api/v1/orgs/{org}/invitations");
    const auto orgId = [](const HttpRequest &request) { return request.parameter(QStringLiteral("org")); };

    addSignedIn(router, context, {"POST", invitations, QStringLiteral("Invite someone by mail {email, role}"), Access::Person, 4096},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const QString roleName = body->value(QStringLiteral("role")).toString(QStringLiteral("member"));
                    const std::optional<Auth::OrgRole> role = Auth::orgRoleFrom(roleName);
                    if (!role)
                        return HttpResponse::fromError(Error::invalidInput(QCoreApplication::translate("Realm::Server", "role must be admin or member.")));
                    return objectResponse(context.invitations->invite(principal, orgId(request), body->value(QStringLiteral("email")).toString(), *role,
                                                                      clientOf(request)),
                                          201);
                });

    addSignedIn(router, context, {"GET", invitations, QStringLiteral("Invitations not yet accepted"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return listResponse(context.invitations->pending(principal, orgId(request)), QStringLiteral("invitations"));
                });

    addSignedIn(router, context, {"DELETE", invitations + QStringLiteral("/{invitation}"), QStringLiteral("Withdraw an invitation"), Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return emptyResponse(context.invitations->revoke(principal, orgId(request), request.parameter(QStringLiteral("invitation")), clientOf(request)));
                });

    addSignedIn(router, context, {"POST", QStringLiteral("/api/v1/invitations/accept"), QStringLiteral("Join an organization with a mailed code {token}"), Access::Person, 4096},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.invitations->accept(principal, body->value(QStringLiteral("token")).toString(), clientOf(request)));
                });
}

} // namespace Realm::Server
