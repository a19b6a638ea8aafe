// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/api-keys: keys for scripts and CI.
#include "server/apicontext.h"

#include <QJsonArray>

namespace Realm::Server {

void addApiKeyRoutes(Router &router, const ApiContext &context)
{
    const QString keys = QStringLiteral("/api/v1/api-keys");
    addSignedIn(router, context, {"POST", keys, QStringLiteral("Make an API key {name, org, scopes, expires_in_days}; the key is shown once"), Access::Person, 4096},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    QStringList scopes;
                    const QJsonArray list = body->value(QStringLiteral("scopes")).toArray();
                    for (const QJsonValue &scope : list)
                        scopes.append(scope.toString());
                    Result<Auth::ApiKeys::Created> created =
                        context.apiKeys->create(principal, body->value(QStringLiteral("name")).toString(), body->value(QStringLiteral("org")).toString(), scopes,
                                                body->value(QStringLiteral("expires_in_days")).toInt(0), clientOf(request));
                    if (!created)
                        return HttpResponse::fromError(created.error());
                    QJsonObject json = created->key.toJson();
                    json.insert(QStringLiteral("key"), created->secret);
                    return HttpResponse::json(201, json);
                });
    addSignedIn(router, context, {"GET", keys, QStringLiteral("Your API keys (never their secrets)"), Access::Person, 0},
                [context](const HttpRequest &, const Auth::Principal &principal) {
                    return listResponse(context.apiKeys->list(principal), QStringLiteral("api_keys"));
                });
    addSignedIn(router, context, {"DELETE", keys + QStringLiteral("/{key}"), QStringLiteral("Revoke one of your API keys"), Access::Person, 0},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    return emptyResponse(context.apiKeys->revoke(principal, request.parameter(QStringLiteral("key")), clientOf(request)));
                });
}

} // namespace Realm::Server
