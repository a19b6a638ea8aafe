// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accounts.h"
#include "auth/principal.h"
#include "auth/signin.h"
#include "server/httpmessage.h"
#include "server/router.h"
#include "serverdb/serverdatabase.h"

#include <QFuture>
#include <QJsonObject>
#include <QThreadPool>

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
    QThreadPool *workers = nullptr;
    Metrics *metrics = nullptr;
    std::function<int()> requestsInFlight;
};

// Runs `work` on a worker thread: nothing slow runs on the event loop.
QFuture<HttpResponse> onWorker(const ApiContext &context, std::function<HttpResponse()> work);

// A route open to anyone, its work on a worker thread.
Handler publicHandler(const ApiContext &context, std::function<HttpResponse(const HttpRequest &)> work);
// A route for a signed-in user: the bearer token is checked against the
// current rows first (401 otherwise), then `work` runs with the principal.
// With `adminOnly`, a non-admin gets 403.
Handler signedInHandler(const ApiContext &context, std::function<HttpResponse(const HttpRequest &, const Auth::Principal &)> work,
                        bool adminOnly = false);

// The request's JSON object; InvalidInput for anything else, for nesting
// deeper than 32 levels, or for a body that is not UTF-8 JSON.
Result<QJsonObject> jsonBody(const HttpRequest &request);
Auth::ClientInfo clientOf(const HttpRequest &request);

// Registration of each area's routes.
void addHealthRoutes(Router &router, const ApiContext &context);
void addAuthRoutes(Router &router, const ApiContext &context);

} // namespace Realm::Server
