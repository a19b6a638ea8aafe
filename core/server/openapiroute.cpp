// SPDX-License-Identifier: GPL-3.0-or-later
// GET /api/v1/openapi.json: OpenAPI 3.1, made from the router itself, so the
// document cannot describe a route that does not exist or miss one that does.
#include "server/apicontext.h"

#include "common/buildconfig.h"

#include <QRegularExpression>

namespace Realm::Server {

namespace {

QString operationId(const Route &route)
{
    QString id = QString::fromLatin1(route.method).toLower() + route.pattern;
    id.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_"));
    if (id.endsWith(QLatin1Char('_')))
        id.chop(1);
    return id;
}

QJsonObject operation(const Route &route)
{
    QJsonArray parameters;
    static const QRegularExpression parameter(QStringLiteral("\\{([^}]+)\\}"));
    for (QRegularExpressionMatchIterator it = parameter.globalMatch(route.pattern); it.hasNext();) {
        parameters.append(QJsonObject{{QStringLiteral("name"), it.next().captured(1)},
                                      {QStringLiteral("in"), QStringLiteral("path")},
                                      {QStringLiteral("required"), true},
                                      {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
    }
    const QJsonObject errorContent{
        {QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}}}}}};
    QJsonObject op{{QStringLiteral("operationId"), operationId(route)},
                   {QStringLiteral("summary"), route.summary},
                   {QStringLiteral("responses"),
                    QJsonObject{{QStringLiteral("2XX"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Done.")}}},
                                {QStringLiteral("default"), QJsonObject{{QStringLiteral("description"), QStringLiteral("An error.")}, {QStringLiteral("content"), errorContent}}}}}};
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);
    op.insert(QStringLiteral("security"), route.access == Access::Public ? QJsonArray() : QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}});
    if (route.access == Access::ServerAdmin)
        op.insert(QStringLiteral("x-realm-access"), QStringLiteral("server-admin"));
    if (route.maxBodyBytes > 0 && route.method != "GET" && route.method != "DELETE")
        op.insert(QStringLiteral("x-realm-max-body-bytes"), route.maxBodyBytes);
    return op;
}

} // namespace

QJsonObject openApiDocument(const Router &router)
{
    QJsonObject paths;
    for (const Route &route : router.routes()) {
        QJsonObject item = paths.value(route.pattern).toObject();
        item.insert(QString::fromLatin1(route.method).toLower(), operation(route));
        paths.insert(route.pattern, item);
    }
    const QJsonObject error{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("required"), QJsonArray{QStringLiteral("code"), QStringLiteral("message")}},
                                  {QStringLiteral("properties"), QJsonObject{{QStringLiteral("code"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                                                             {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}}}}};
    return {{QStringLiteral("openapi"), QStringLiteral("3.1.0")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("REALM team server")}, {QStringLiteral("version"), QStringLiteral(REALM_VERSION_STRING)}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("securitySchemes"), QJsonObject{{QStringLiteral("bearer"), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                                                                {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                                                                                                {QStringLiteral("description"), QStringLiteral("An access token or an API key (realm_…).")}}}}},
                         {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), error}}}}}};
}

void addOpenApiRoute(Router &router, const ApiContext &context)
{
    const Router *routes = context.router;
    router.add({"GET", QStringLiteral("/api/v1/openapi.json"), QStringLiteral("This API described in OpenAPI 3.1"), Access::Public, 0,
                [routes](const HttpRequest &) { return QtFuture::makeReadyFuture(HttpResponse::json(200, openApiDocument(*routes))); }});
}

} // namespace Realm::Server
