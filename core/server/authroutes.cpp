// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/auth/…, /api/v1/sessions…, /api/v1/me: signing in and out.
#include "server/apicontext.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Realm::Server {

namespace {

// Password-reset requests queued at once, at most; more answer 429.
constexpr int kMaxResetRequestsWaiting = 64;

QString text(const QJsonObject &body, const char *key)
{
    return body.value(QLatin1String(key)).toString();
}

} // namespace

void addAuthRoutes(Router &router, const ApiContext &context)
{
    const QString v1 = QStringLiteral("/api/v1");

    router.add({"POST", v1 + QStringLiteral("/auth/login"), QStringLiteral("Sign in {email, password[, totp]}"), Access::Public, 4096,
                publicHandler(context, [context](const HttpRequest &request) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    Result<Auth::TokenPair> pair = context.signIn->signIn(text(*body, "email"), text(*body, "password"), clientOf(request), text(*body, "totp"));
                    if (!pair)
                        return HttpResponse::fromError(pair.error());
                    return HttpResponse::json(200, pair->toJson());
                }, context.passwordWorkers)});

    router.add({"POST", v1 + QStringLiteral("/auth/refresh"), QStringLiteral("Trade a refresh token for a new pair"), Access::Public, 4096,
                publicHandler(context, [context](const HttpRequest &request) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    Result<Auth::TokenPair> pair = context.signIn->refresh(text(*body, "refresh_token"), clientOf(request));
                    if (!pair)
                        return HttpResponse::fromError(pair.error());
                    return HttpResponse::json(200, pair->toJson());
                })});

    addSignedIn(router, context, {"POST", v1 + QStringLiteral("/auth/logout"), QStringLiteral("End the current session"), Access::Person, 1024},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<void> ended = context.signIn->signOut(principal, clientOf(request));
                    return ended ? HttpResponse::noContent() : HttpResponse::fromError(ended.error());
                });

    addSignedIn(router, context, {"GET", v1 + QStringLiteral("/sessions"), QStringLiteral("The signed-in user's active sessions"), Access::Person, 0},
                [context](const HttpRequest &, const Auth::Principal &principal) {
                    Result<QList<Auth::Session>> sessions = context.signIn->sessions(principal);
                    if (!sessions)
                        return HttpResponse::fromError(sessions.error());
                    QJsonArray list;
                    for (const Auth::Session &session : std::as_const(*sessions))
                        list.append(session.toJson(session.id == principal.sessionId));
                    return HttpResponse::json(200, {{QStringLiteral("sessions"), list}});
                });

    addSignedIn(router, context, {"DELETE", v1 + QStringLiteral("/sessions/{session}"), QStringLiteral("End one of the user's sessions"), Access::Person, 0},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<void> ended = context.signIn->endSession(principal, request.parameter(QStringLiteral("session")), clientOf(request));
                    return ended ? HttpResponse::noContent() : HttpResponse::fromError(ended.error());
                });

    addSignedIn(router, context, {"POST", v1 + QStringLiteral("/sessions/revoke-others"), QStringLiteral("End every session but this one"), Access::Person, 1024},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<int> ended = context.signIn->endOtherSessions(principal, clientOf(request));
                    if (!ended)
                        return HttpResponse::fromError(ended.error());
                    return HttpResponse::json(200, {{QStringLiteral("sessions_ended"), *ended}});
                });

    router.add({"POST", v1 + QStringLiteral("/auth/register"), QStringLiteral("Make an account {email, password, name[, invitation]}"), Access::Public, 4096,
                publicHandler(context, [context](const HttpRequest &request) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    const Auth::NewAccount account{text(*body, "email"), text(*body, "password"), text(*body, "name"), text(*body, "invitation")};
                    Result<Auth::Registration::Outcome> outcome = context.registration->registerAccount(account, clientOf(request));
                    if (!outcome)
                        return HttpResponse::fromError(outcome.error());
                    if (!outcome->user)
                        return HttpResponse::json(202, {{QStringLiteral("status"), QStringLiteral("confirmation_sent")}});
                    return HttpResponse::json(201, {{QStringLiteral("user"), outcome->user->toJson()}, {QStringLiteral("org_id"), outcome->orgId}});
                }, context.passwordWorkers)});

    router.add({"POST", v1 + QStringLiteral("/auth/verify"), QStringLiteral("Make the account a sign-up code was mailed for {token, password[, name]}"),
                Access::Public, 4096,
                publicHandler(context, [context](const HttpRequest &request) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.registration->verifyEmail(text(*body, "token"), text(*body, "password"), text(*body, "name"), clientOf(request)), 201);
                }, context.passwordWorkers)});

    // Always 202, at once: neither the answer nor its timing tells whether
    // the email has an account (the work goes on after the reply).
    router.add({"POST", v1 + QStringLiteral("/auth/password/forgot"), QStringLiteral("Mail a password reset code"), Access::Public, 1024,
                [context](const HttpRequest &request) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return QtFuture::makeReadyFuture(HttpResponse::fromError(body.error()));
                    const QString email = text(*body, "email");
                    const Auth::ClientInfo client = clientOf(request);
                    if (context.resetRequestsWaiting->fetch_add(1) >= kMaxResetRequestsWaiting) {
                        context.resetRequestsWaiting->fetch_sub(1);
                        return QtFuture::makeReadyFuture(HttpResponse::fromError(
                            Error::throttled(QCoreApplication::translate("Realm::Server", "Too many password reset requests right now. Try again in a minute."), 60)));
                    }
                    context.workers->start([context, email, client] {
                        context.resetRequestsWaiting->fetch_sub(1);
                        // Nobody waits for this answer: a failure goes to the log.
                        if (Result<void> done = context.myAccount->forgotPassword(email, client); !done)
                            qWarning("A password reset request failed: %s", qPrintable(done.error().message));
                    });
                    return QtFuture::makeReadyFuture(HttpResponse::json(202, {{QStringLiteral("status"), QStringLiteral("accepted")}}));
                }});

    router.add({"POST", v1 + QStringLiteral("/auth/password/reset"), QStringLiteral("Set a new password with a mailed reset code"), Access::Public, 4096,
                publicHandler(context, [context](const HttpRequest &request) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return emptyResponse(context.myAccount->resetPassword(text(*body, "token"), text(*body, "password"), clientOf(request)));
                }, context.passwordWorkers)});

    addSignedIn(router, context, {"PATCH", v1 + QStringLiteral("/me"), QStringLiteral("Change the signed-in user's name"), Access::Person, 4096},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    if (!body->contains(QStringLiteral("name")))
                        return HttpResponse::fromError(Error::invalidInput(QCoreApplication::translate("Realm::Server", "Give the new \"name\".")));
                    return objectResponse(context.myAccount->rename(principal, text(*body, "name"), clientOf(request)));
                });

    addSignedIn(router, context, {"POST", v1 + QStringLiteral("/me/password"), QStringLiteral("Change the password (the current one is needed)"), Access::Person, 4096},
                [context](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QJsonObject> body = jsonBody(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return emptyResponse(context.myAccount->changePassword(principal, text(*body, "current"), text(*body, "new"), clientOf(request)));
                }, context.passwordWorkers);

    addSignedIn(router, context, {"GET", v1 + QStringLiteral("/me"), QStringLiteral("Who the token belongs to"), Access::SignedIn, 0},
                [context](const HttpRequest &, const Auth::Principal &principal) {
                    Result<QList<std::pair<Auth::Org, Auth::OrgRole>>> orgs = context.organizations->orgsOf(principal);
                    if (!orgs)
                        return HttpResponse::fromError(orgs.error());
                    QJsonArray list;
                    for (const auto &[org, role] : std::as_const(*orgs))
                        list.append(QJsonObject{{QStringLiteral("id"), org.id}, {QStringLiteral("name"), org.name}, {QStringLiteral("role"), Auth::orgRoleName(role)}});
                    QJsonObject me{{QStringLiteral("id"), principal.userId},
                                   {QStringLiteral("email"), principal.email},
                                   {QStringLiteral("name"), principal.name},
                                   {QStringLiteral("is_admin"), principal.isAdmin},
                                   {QStringLiteral("orgs"), list}};
                    // A key sees its own organization only: `orgs` is not all of the person's.
                    if (principal.viaApiKey())
                        me.insert(QStringLiteral("api_key_org_id"), principal.apiKeyOrgId);
                    return HttpResponse::json(200, me);
                });
}

} // namespace Realm::Server
