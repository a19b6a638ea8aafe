// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/apicontext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QtConcurrent>

#include <cerrno>

#include <sys/resource.h>
#include <unistd.h>

namespace Realm::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Server", text);
}

constexpr int kMaxJsonDepth = 32;

// Deeper nesting than any REALM request needs is refused before parsing.
bool nestsTooDeep(const QByteArray &json)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

Result<Auth::Principal> authenticate(const ApiContext &context, const HttpRequest &request)
{
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7)
        return Error::unauthenticated(tr("Sign in first: send \"Authorization: Bearer\" with an access token."));
    return context.signIn->authenticate(QString::fromLatin1(authorization.mid(7).trimmed()));
}

} // namespace

namespace {

// Password work waiting for a thread, at most: with ~70 ms of argon2id per
// hash, a few seconds of queue. Past it a sign-in is told to come back.
constexpr int kMaxPasswordWorkWaiting = 64;
// Password hashing yields to the other requests: a wave of sign-ins may
// slow sign-ins, not everyone's GET /me. (QThread priorities do nothing
// for ordinary Linux threads; a thread's nice value does.)
constexpr int kPasswordThreadNiceStep = 10;

void lowerThisThreadsPriority()
{
    // The event loop's thread never: it would run password work itself only
    // by waiting on the future (QFuture steals work it waits for).
    thread_local bool lowered = false;
    if (lowered || QThread::currentThread() == QCoreApplication::instance()->thread())
        return;
    lowered = true;
    // Relative to the server's own nice value; nothing to do if the system says no.
    const id_t thread = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        [[maybe_unused]] const int result = setpriority(PRIO_PROCESS, thread, std::min(19, current + kPasswordThreadNiceStep));
}

QFuture<HttpResponse> onPasswordWorker(const ApiContext &context, std::function<HttpResponse()> work)
{
    std::shared_ptr<std::atomic<int>> waiting = context.passwordWorkWaiting;
    if (waiting->fetch_add(1) >= kMaxPasswordWorkWaiting) {
        waiting->fetch_sub(1);
        Error busy = Error::unavailable(tr("The server is busy checking passwords. Try again in a moment."));
        busy.retryAfterSeconds = 1;
        return QtFuture::makeReadyFuture(HttpResponse::fromError(busy));
    }
    return QtConcurrent::run(context.passwordWorkers, [waiting, work = std::move(work)] {
        waiting->fetch_sub(1);
        lowerThisThreadsPriority();
        return work();
    });
}

} // namespace

QFuture<HttpResponse> onWorker(const ApiContext &context, std::function<HttpResponse()> work, QThreadPool *pool)
{
    if (pool && pool == context.passwordWorkers)
        return onPasswordWorker(context, std::move(work));
    return QtConcurrent::run(pool ? pool : context.workers, std::move(work));
}

Handler publicHandler(const ApiContext &context, std::function<HttpResponse(const HttpRequest &)> work, QThreadPool *pool)
{
    return [context, work, pool](const HttpRequest &request) { return onWorker(context, [work, request] { return work(request); }, pool); };
}

namespace {

Handler signedInHandler(const ApiContext &context, std::function<HttpResponse(const HttpRequest &, const Auth::Principal &)> work, Access access,
                        QThreadPool *pool)
{
    return [context, work, access, pool](const HttpRequest &request) {
        return onWorker(context, [context, work, access, request] {
            Result<Auth::Principal> principal = authenticate(context, request);
            if (!principal)
                return HttpResponse::fromError(principal.error());
            HttpResponse response;
            if (access == Access::Person && principal->viaApiKey())
                response = HttpResponse::fromError(Error::forbidden(tr("An API key cannot do this: sign in as a person.")));
            else if (access == Access::ServerAdmin && !principal->isAdmin)
                response = HttpResponse::fromError(Error::forbidden(tr("Only an administrator of the server may do this.")));
            else
                response = work(request, *principal);
            response.userId = principal->userId;
            return response;
        }, pool);
    };
}

} // namespace

void addSignedIn(Router &router, const ApiContext &context, Route route,
                 std::function<HttpResponse(const HttpRequest &, const Auth::Principal &)> work, QThreadPool *pool)
{
    route.handler = signedInHandler(context, std::move(work), route.access, pool);
    router.add(std::move(route));
}

Result<QJsonObject> jsonBody(const HttpRequest &request)
{
    if (nestsTooDeep(request.body))
        return Error::invalidInput(tr("The JSON body nests deeper than %1 levels.").arg(kMaxJsonDepth));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::invalidInput(tr("The body is not valid JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return Error::invalidInput(tr("The body must be a JSON object."));
    return document.object();
}

Auth::ClientInfo clientOf(const HttpRequest &request)
{
    return {request.clientIp, QString::fromUtf8(request.header("User-Agent")).left(200)};
}

} // namespace Realm::Server
