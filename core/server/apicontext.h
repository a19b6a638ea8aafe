// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accounts.h"
#include "auth/apikeys.h"
#include "auth/invitations.h"
#include "auth/registration.h"
#include "auth/myaccount.h"
#include "auth/organizations.h"
#include "auth/secondfactor.h"
#include "auth/sharedprojects.h"
#include "auth/principal.h"
#include "auth/signin.h"
#include "server/httpmessage.h"
#include "server/router.h"
#include "serverdb/serverdatabase.h"
#include "syncserver/projectsync.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace Realm::Server {

class Metrics;

// What the routes work with: the core services and the worker threads they
// run on. Handlers only read the request, call a service, and shape the
// answer — no SQL and no business rules.
struct ApiContext final {
    ServerDb::ServerDatabasePtr database;
    std::shared_ptr<Auth::Accounts> accounts;
    std::shared_ptr<Auth::SignIn> signIn;
    std::shared_ptr<Auth::Organizations> organizations;
    std::shared_ptr<Auth::SharedProjects> projects;
    std::shared_ptr<Auth::ApiKeys> apiKeys;
    std::shared_ptr<Auth::MyAccount> myAccount;
    std::shared_ptr<Auth::Invitations> invitations;
    std::shared_ptr<Auth::Registration> registration;
    std::shared_ptr<Auth::SecondFactor> secondFactor;
    std::shared_ptr<SyncServer::ProjectSync> sync;
    QThreadPool *workers = nullptr;
    // Sign-ins hash passwords (argon2id: ~19 MiB and tens of milliseconds of
    // CPU each) on a pool of their own, at most half the cores: a wave of
    // sign-ins then slows sign-ins, not every other request.
    QThreadPool *passwordWorkers = nullptr;
    // Password work queued and not yet started (bounded: see onWorker).
    std::shared_ptr<std::atomic<int>> passwordWorkWaiting = std::make_shared<std::atomic<int>>(0);
    Metrics *metrics = nullptr;
    std::function<int()> requestsInFlight;
    std::function<qint64()> connectionsOpen; // safe from any thread
    // Password-reset requests waiting for a worker: they are answered before
    // they run, so without a bound a flood would queue up without end.
    std::shared_ptr<std::atomic<int>> resetRequestsWaiting = std::make_shared<std::atomic<int>>(0);
    const Router *router = nullptr; // every route, for the OpenAPI document
};

// Runs `work` on a worker thread: nothing slow runs on the event loop. On
// the password pool, work runs at a lower priority, and past a queue limit
// is answered 503 with Retry-After at once.
QFuture<HttpResponse> onWorker(const ApiContext &context, std::function<HttpResponse()> work, QThreadPool *pool = nullptr);

// A route open to anyone, its work on a worker thread (of `pool` when given).
Handler publicHandler(const ApiContext &context, std::function<HttpResponse(const HttpRequest &)> work, QThreadPool *pool = nullptr);

// The request's JSON object; InvalidInput for anything else, for nesting
// deeper than 32 levels, or for a body that is not UTF-8 JSON.
Result<QJsonObject> jsonBody(const HttpRequest &request);
Auth::ClientInfo clientOf(const HttpRequest &request);

// {key: [item.toJson()…]}, or the error.
template<typename T>
HttpResponse listResponse(const Result<QList<T>> &items, const QString &key, int status = 200)
{
    if (!items)
        return HttpResponse::fromError(items.error());
    QJsonArray list;
    for (const T &item : *items)
        list.append(item.toJson());
    return HttpResponse::json(status, {{key, list}});
}

// item.toJson(), or the error.
template<typename T>
HttpResponse objectResponse(const Result<T> &item, int status = 200)
{
    return item ? HttpResponse::json(status, item->toJson()) : HttpResponse::fromError(item.error());
}

inline HttpResponse emptyResponse(const Result<void> &done)
{
    return done ? HttpResponse::noContent() : HttpResponse::fromError(done.error());
}

// Adds `route` (its handler left empty) with `work` behind the sign-in
// check its access level asks for, the level written once, in the route:
// the bearer token is checked against the current rows (401 otherwise),
// Person refuses API keys and ServerAdmin anyone but a server
// administrator (403); then `work` runs on a worker (of `pool` when
// given) with the principal.
void addSignedIn(Router &router, const ApiContext &context, Route route,
                 std::function<HttpResponse(const HttpRequest &, const Auth::Principal &)> work, QThreadPool *pool = nullptr);

// Registration of each area's routes.
void addHealthRoutes(Router &router, const ApiContext &context);
void addAuthRoutes(Router &router, const ApiContext &context);
void addSecondFactorRoutes(Router &router, const ApiContext &context);
void addOrgRoutes(Router &router, const ApiContext &context);
void addInvitationRoutes(Router &router, const ApiContext &context);
void addProjectRoutes(Router &router, const ApiContext &context);
void addApiKeyRoutes(Router &router, const ApiContext &context);
void addSyncRoutes(Router &router, const ApiContext &context);
void addOpenApiRoute(Router &router, const ApiContext &context);
QJsonObject openApiDocument(const Router &router);

} // namespace Realm::Server
