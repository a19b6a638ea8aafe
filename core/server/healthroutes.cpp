// SPDX-License-Identifier: GPL-3.0-or-later
// /healthz, /readyz and /metrics: outside /api/v1, for load balancers and
// Prometheus.
#include "server/apicontext.h"
#include "server/metrics.h"

#include "auth/sessions.h"

#include <QtConcurrent>

namespace Realm::Server {

void addHealthRoutes(Router &router, const ApiContext &context)
{
    // Alive: answers from the event loop, touching nothing.
    router.add({"GET", QStringLiteral("/healthz"), QStringLiteral("The process is alive"), Access::Public, 0, [](const HttpRequest &) {
                    return QtFuture::makeReadyFuture(HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}}));
                }});
    // Ready: the database answers.
    router.add({"GET", QStringLiteral("/readyz"), QStringLiteral("The database answers"), Access::Public, 0,
                publicHandler(context, [context](const HttpRequest &) {
                    Result<void> ping = context.database->ping();
                    if (!ping) {
                        HttpResponse response = HttpResponse::error(503, QStringLiteral("unavailable"), QStringLiteral("The database does not answer."));
                        response.logNote = ping.error().message;
                        return response;
                    }
                    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ready")}});
                })});
    router.add({"GET", QStringLiteral("/metrics"), QStringLiteral("Prometheus metrics of this instance"), Access::Public, 0,
                publicHandler(context, [context](const HttpRequest &) {
                    Metrics::Gauges gauges;
                    Result<int> sessions = context.database->read([](const QSqlDatabase &db) { return Auth::Sessions::countActive(db); });
                    gauges.activeSessions = sessions ? *sessions : -1;
                    gauges.databaseConnections = context.database->connectionCount();
                    gauges.requestsInFlight = context.requestsInFlight ? context.requestsInFlight() : 0;
                    gauges.connectionsOpen = context.connectionsOpen ? context.connectionsOpen() : 0;
                    return HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", context.metrics->render(gauges));
                })});
}

} // namespace Realm::Server
