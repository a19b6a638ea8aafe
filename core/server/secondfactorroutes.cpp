// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/me/totp…: two-step sign-in with an authenticator app.
#include "server/apicontext.h"

namespace Realm::Server {

void addSecondFactorRoutes(Router &router, const ApiContext &context)
{
    const QString v1 = QStringLiteral("/api/v1");

    addSignedIn(router, context, {"GET", v1 + QStringLiteral("/me/totp"), QStringLiteral("Whether two-step sign-in is on"), Access::Person, 0},
                [context](const HttpRequest &, const Auth::Principal &principal) {
                    return objectResponse(context.secondFactor->status(principal.userId));
                });

    addSignedIn(router, context, {"POST", v1 + QStringLiteral("/me/totp"), QStringLiteral("Set up an authenticator app {password}"), Access::Person, 1024},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const QString password = body->value(QStringLiteral("password")).toString();
                    return objectResponse(context.secondFactor->beginTotp(principal, password, clientOf(request)));
                }, context.passwordWorkers);

    addSignedIn(router, context, {"POST", v1 + QStringLiteral("/me/totp/confirm"), QStringLiteral("Turn two-step sign-in on with the app's first code {code}"),
                                  Access::Person, 1024},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const QString code = body->value(QStringLiteral("code")).toString();
                    return objectResponse(context.secondFactor->confirmTotp(principal, code, clientOf(request)));
                });

    addSignedIn(router, context, {"DELETE", v1 + QStringLiteral("/me/totp"), QStringLiteral("Turn two-step sign-in off {password, code}"), Access::Person, 1024},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const QString password = body->value(QStringLiteral("password")).toString();
                    const QString code = body->value(QStringLiteral("code")).toString();
                    return emptyResponse(context.secondFactor->removeTotp(principal, password, code, clientOf(request)));
                }, context.passwordWorkers);
}

} // namespace Realm::Server
