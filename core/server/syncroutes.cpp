// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/projects/{project}/sync/… and /blobs/…: a shared project's change
// log (pull and push) and the file contents it refers to;
// /api/v1/orgs/{org}/sync/…: the organization's templates' log.
#include "server/apicontext.h"

#include "syncserver/projectsync.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Realm::Server {

namespace {

// The body's {"sha256": [...]}.
Result<QStringList> hashesIn(const HttpRequest &request)
{
    Result<QJsonObject> body = jsonBody(request);
    if (!body)
        return body.error();
    QStringList hashes;
    for (const QJsonValue &hash : body->value(QStringLiteral("sha256")).toArray())
        hashes.append(hash.toString());
    return hashes;
}

// A whole number from the query (size, offset), or nullopt.
std::optional<qint64> queryNumber(const HttpRequest &request, const char *name)
{
    bool ok = false;
    const qint64 value = request.query.queryItemValue(QLatin1String(name)).toLongLong(&ok);
    return ok && value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

// "Range: bytes=N-": where the client wants the content from (0 without).
std::optional<qint64> rangeStart(const HttpRequest &request)
{
    const QByteArray range = request.header("Range");
    if (range.isEmpty())
        return 0;
    static const QRegularExpression from(QStringLiteral("^bytes=(\\d{1,15})-$"));
    const QRegularExpressionMatch match = from.match(QString::fromLatin1(range));
    return match.hasMatch() ? std::optional<qint64>(match.captured(1).toLongLong()) : std::nullopt;
}

// The body's {client_id, mutations: [...]} as a push sends it.
struct PushBody {
    QString clientId;
    QList<Sync::Mutation> mutations;
};
Result<PushBody> pushBodyIn(const HttpRequest &request)
{
    Result<QJsonObject> body = jsonBody(request);
    if (!body)
        return body.error();
    PushBody push{body->value(QStringLiteral("client_id")).toString(), {}};
    for (const QJsonValue &item : body->value(QStringLiteral("mutations")).toArray()) {
        Result<Sync::Mutation> mutation = Sync::Mutation::fromJson(item.toObject());
        if (!mutation)
            return mutation.error();
        push.mutations.append(*mutation);
    }
    return push;
}

// ?limit= (the most a page holds when not given) and ?from_start=true.
int pageLimit(const HttpRequest &request, const SyncServer::ProjectSync &sync)
{
    const QString limit = request.query.queryItemValue(QStringLiteral("limit"));
    return limit.isEmpty() ? sync.limits().maxPageChanges : limit.toInt();
}

Sync::ChangePage::Listing listingOf(const HttpRequest &request)
{
    return request.query.queryItemValue(QStringLiteral("from_start")) == QLatin1String("true") ? Sync::ChangePage::Listing::FromStart
                                                                                               : Sync::ChangePage::Listing::Following;
}

} // namespace

void addSyncRoutes(Router &router, const ApiContext &context)
{
    const QString project = QStringLiteral("/api/v1/projects/{project}");
    const auto projectId = [](const HttpRequest &request) { return request.parameter(QStringLiteral("project")); };
    const qint64 chunkBytes = context.sync->limits().maxChunkBytes;

    addSignedIn(router, context, {"GET", project + QStringLiteral("/sync/changes"),
                                  QStringLiteral("What changed in the project after ?cursor= (up to ?limit= items, oldest first; ?from_start=true going on through a list that began at the start)"),
                Access::SignedIn, 0},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    return objectResponse(context.sync->changes(principal, projectId(request), request.query.queryItemValue(QStringLiteral("cursor")),
                                                                pageLimit(request, *context.sync), listingOf(request)));
                });
    addSignedIn(router, context, {"POST", project + QStringLiteral("/sync/push"),
                                  QStringLiteral("Apply a client's numbered changes {client_id, mutations: [...]}"), Access::SignedIn, Sync::kMaxPushBytes},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<PushBody> body = pushBodyIn(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.sync->push(principal, projectId(request), body->clientId, body->mutations, clientOf(request)));
                });
    const QString org = QStringLiteral("/api/v1/orgs/{org}");
    const auto orgId = [](const HttpRequest &request) { return request.parameter(QStringLiteral("org")); };
    addSignedIn(router, context, {"GET", org + QStringLiteral("/sync/changes"),
                                  QStringLiteral("What changed in the organization's templates after ?cursor= (members; as a project's changes)"),
                Access::SignedIn, 0},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    return objectResponse(context.sync->orgTemplateChanges(principal, orgId(request), request.query.queryItemValue(QStringLiteral("cursor")),
                                                                           pageLimit(request, *context.sync), listingOf(request)));
                });
    addSignedIn(router, context, {"POST", org + QStringLiteral("/sync/push"),
                                  QStringLiteral("Change the organization's templates {client_id, mutations: [...]} (admins)"), Access::SignedIn,
                                  Sync::kMaxPushBytes},
                [context, orgId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<PushBody> body = pushBodyIn(request);
                    if (!body)
                        return HttpResponse::fromError(body.error());
                    return objectResponse(context.sync->pushOrgTemplates(principal, orgId(request), body->clientId, body->mutations, clientOf(request)));
                });
    addSignedIn(router, context, {"POST", project + QStringLiteral("/blobs/status"),
                                  QStringLiteral("Which contents {sha256: [...]} the server lacks, and partial uploads"), Access::SignedIn, 1024 * 1024},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QStringList> hashes = hashesIn(request);
                    if (!hashes)
                        return HttpResponse::fromError(hashes.error());
                    return objectResponse(context.sync->blobStatus(principal, projectId(request), *hashes));
                });
    addSignedIn(router, context, {"PUT", project + QStringLiteral("/blobs/{sha256}"),
                                  QStringLiteral("Upload content (the body) at ?offset= of ?size= bytes; resumable"), Access::SignedIn, chunkBytes},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    const std::optional<qint64> size = queryNumber(request, "size");
                    const std::optional<qint64> offset = request.query.hasQueryItem(QStringLiteral("offset")) ? queryNumber(request, "offset") : 0;
                    if (!size || !offset)
                        return HttpResponse::fromError(Error::invalidInput(QStringLiteral("Give the content's ?size= and the chunk's ?offset= in bytes.")));
                    return objectResponse(context.sync->uploadBlob(principal, projectId(request), request.parameter(QStringLiteral("sha256")), *size,
                                                                   *offset, request.body));
                });
    addSignedIn(router, context, {"POST", project + QStringLiteral("/blobs/batch"),
                                  QStringLiteral("Upload many small contents whole: for each, \"SHA256 SIZE\\n\" then its bytes"), Access::SignedIn, chunkBytes},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<Sync::BlobBatch> batch = Sync::BlobBatch::decode(request.body);
                    if (!batch)
                        return HttpResponse::fromError(batch.error());
                    Result<qint64> stored = context.sync->uploadBlobs(principal, projectId(request), *batch);
                    if (!stored)
                        return HttpResponse::fromError(stored.error());
                    return HttpResponse::json(200, QJsonObject{{QStringLiteral("stored"), *stored}});
                });
    addSignedIn(router, context, {"POST", project + QStringLiteral("/blobs/fetch"),
                                  QStringLiteral("Download small contents {sha256: [...]} whole, framed as in /blobs/batch; those left out one by one"),
                                  Access::SignedIn, 1024 * 1024},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    Result<QStringList> hashes = hashesIn(request);
                    if (!hashes)
                        return HttpResponse::fromError(hashes.error());
                    Result<Sync::BlobBatch> batch = context.sync->readBlobs(principal, projectId(request), *hashes);
                    if (!batch)
                        return HttpResponse::fromError(batch.error());
                    return HttpResponse::text(200, "application/octet-stream", batch->encode());
                });
    addSignedIn(router, context, {"GET", project + QStringLiteral("/blobs/{sha256}"),
                                  QStringLiteral("Download content (Range: bytes=N- for the next part of large contents)"), Access::SignedIn, 0},
                [context, projectId](const HttpRequest &request, const Auth::Principal &principal) {
                    const std::optional<qint64> from = rangeStart(request);
                    if (!from)
                        return HttpResponse::fromError(Error::invalidInput(QStringLiteral("Only \"Range: bytes=N-\" is understood.")));
                    Result<SyncServer::ProjectSync::BlobRange> range =
                        context.sync->readBlob(principal, projectId(request), request.parameter(QStringLiteral("sha256")), *from);
                    if (!range)
                        return HttpResponse::fromError(range.error());
                    const bool whole = range->offset == 0 && range->bytes.size() == range->size;
                    HttpResponse response = HttpResponse::text(whole ? 200 : 206, "application/octet-stream", range->bytes);
                    if (!whole) {
                        const qint64 last = range->offset + range->bytes.size() - 1;
                        response.headers.append({"Content-Range", QStringLiteral("bytes %1-%2/%3").arg(range->offset).arg(last).arg(range->size).toLatin1()});
                    }
                    return response;
                });
}

} // namespace Realm::Server
