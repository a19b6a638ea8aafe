// SPDX-License-Identifier: GPL-3.0-or-later
#include "inprocesstransport.h"

#include "auth/accounts.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

#include <utility>

namespace Realm::Test {

namespace {

const Auth::ClientInfo kClient{QStringLiteral("192.0.2.9"), QStringLiteral("in-process sync client")};

template<typename T>
Result<QJsonObject> answer(const Result<T> &result)
{
    return result ? Result<QJsonObject>(result->toJson()) : Result<QJsonObject>(result.error());
}

Error unreachable()
{
    return Error::unavailable(QStringLiteral("Cannot reach the server (offline)."));
}

} // namespace

InProcessTransport::InProcessTransport(ServerDb::ServerDatabasePtr db, SyncServer::ProjectSync *sync, Auth::Principal principal)
    : m_database(db), m_projects(std::move(db)), m_sync(sync), m_principal(std::move(principal))
{
}

Result<QJsonObject> InProcessTransport::call(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    if (callsBeforeOffline == 0)
        offline = true;
    if (callsBeforeOffline > 0)
        --callsBeforeOffline;
    if (offline)
        return unreachable();
    if (proxyNotFoundAtPush > 0 && method == "POST" && path.endsWith(QLatin1String("/sync/push")))
        proxyNotFound = std::exchange(proxyNotFoundAtPush, 0);
    if (proxyNotFound > 0) {
        --proxyNotFound;
        return Error::notFound(QStringLiteral("404 Not Found (nginx)"));
    }
    const QUrlQuery query(path.section(QLatin1Char('?'), 1));
    const QStringList parts = path.section(QLatin1Char('?'), 0, 0).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (method == "GET" && parts == QStringList{QStringLiteral("me")}) {
        Result<QList<std::pair<Auth::Org, Auth::OrgRole>>> orgs = Auth::Organizations(m_database).orgsOf(m_principal);
        if (!orgs)
            return orgs.error();
        QJsonArray list;
        for (const auto &[org, role] : std::as_const(*orgs))
            list.append(QJsonObject{{QStringLiteral("id"), org.id}, {QStringLiteral("name"), org.name}, {QStringLiteral("role"), Auth::orgRoleName(role)}});
        QJsonObject me{{QStringLiteral("id"), m_principal.userId}, {QStringLiteral("orgs"), list}};
        if (m_principal.viaApiKey())
            me.insert(QStringLiteral("api_key_org_id"), m_principal.apiKeyOrgId);
        return me;
    }
    if (method == "GET" && parts.size() == 2 && parts.at(0) == QLatin1String("orgs"))
        return answer(Auth::Organizations(m_database).get(m_principal, parts.at(1)));
    // An organization's templates: the same log routes as a project's.
    const bool ofOrg = parts.size() == 4 && parts.at(0) == QLatin1String("orgs") && parts.at(2) == QLatin1String("sync");
    if (method == "POST" && parts.size() == 3 && parts.at(0) == QLatin1String("orgs") && parts.at(2) == QLatin1String("projects")) {
        ++creates;
        Result<QJsonObject> created = answer(m_projects.create(m_principal, parts.at(1), body.value(QStringLiteral("name")).toString(),
                                                               body.value(QStringLiteral("description")).toString(), kClient,
                                                               withoutChosenIds ? QString() : body.value(QStringLiteral("id")).toString()));
        if (created && loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            return unreachable();
        }
        return created;
    }
    if (!ofOrg && (parts.size() < 2 || parts.at(0) != QLatin1String("projects")))
        return Error::notFound(QStringLiteral("no route %1").arg(path));
    const QString project = parts.at(1); // (or the organization's id)
    const QString rest = QStringList(parts.mid(2)).join(QLatin1Char('/'));
    if (method == "GET" && rest.isEmpty())
        return answer(m_projects.get(m_principal, project));
    if (method == "POST" && rest == QLatin1String("blobs/status")) {
        QStringList hashes;
        for (const QJsonValue &hash : body.value(QStringLiteral("sha256")).toArray())
            hashes.append(hash.toString());
        return answer(m_sync->blobStatus(m_principal, project, hashes));
    }
    if (method == "POST" && rest == QLatin1String("sync/push")) {
        if (QJsonDocument(body).toJson(QJsonDocument::Compact).size() > Sync::kMaxPushBytes)
            return Error{Error::Code::LimitExceeded, QStringLiteral("The request is larger than the server takes.")};
        QList<Sync::Mutation> mutations;
        for (const QJsonValue &json : body.value(QStringLiteral("mutations")).toArray()) {
            Result<Sync::Mutation> mutation = Sync::Mutation::fromJson(json.toObject());
            if (!mutation)
                return mutation.error();
            mutations.append(*mutation);
        }
        for (const Sync::Mutation &mutation : std::as_const(mutations))
            if (ofOrg && unknownOrgTables.contains(mutation.table))
                return Error::invalidInput(QStringLiteral("\"%1\" is not something an organization's templates hold.").arg(mutation.table));
        ++pushes;
        if (beforePush)
            std::exchange(beforePush, nullptr)();
        const QString clientId = body.value(QStringLiteral("client_id")).toString();
        const auto deliver = [&] {
            return ofOrg ? m_sync->pushOrgTemplates(m_principal, project, clientId, mutations, kClient)
                         : m_sync->push(m_principal, project, clientId, mutations, kClient);
        };
        Result<Sync::PushResult> pushed = deliver();
        if (pushed && duplicateNextPush && !mutations.isEmpty()) {
            // A proxy's retry: the same request again, whose answer is the
            // one that arrives. Applied once, it is answered the same.
            duplicateNextPush = false;
            const QJsonObject first = pushed->toJson();
            pushed = deliver();
            if (pushed && pushed->toJson() != first)
                return Error::failed(QStringLiteral("a push delivered twice was answered differently: %1 then %2")
                                         .arg(QString::fromUtf8(QJsonDocument(first).toJson(QJsonDocument::Compact)),
                                              QString::fromUtf8(QJsonDocument(pushed->toJson()).toJson(QJsonDocument::Compact))));
        }
        if (pushed && loseNextPushAnswer && !mutations.isEmpty()) {
            loseNextPushAnswer = false;
            return Error::unavailable(QStringLiteral("the connection dropped before the answer came"));
        }
        return answer(pushed);
    }
    if (method == "GET" && rest == QLatin1String("sync/changes") && beforeListingChanges)
        std::exchange(beforeListingChanges, nullptr)();
    if (method == "GET" && rest == QLatin1String("sync/changes")) {
        if (pagesBeforeOffline >= 0 && pages >= pagesBeforeOffline) {
            offline = true;
            return unreachable();
        }
        ++pages;
        const bool fromStart = query.queryItemValue(QStringLiteral("from_start")) == QLatin1String("true");
        const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        const auto listing = fromStart ? Sync::ChangePage::Listing::FromStart : Sync::ChangePage::Listing::Following;
        return answer(ofOrg ? m_sync->orgTemplateChanges(m_principal, project, cursor, limit, listing)
                            : m_sync->changes(m_principal, project, cursor, limit, listing));
    }
    return Error::notFound(QStringLiteral("no route %1 %2").arg(QString::fromLatin1(method), path));
}

Result<void> InProcessTransport::put(const QString &path, const QByteArray &bytes)
{
    if (offline)
        return unreachable();
    const QUrlQuery query(path.section(QLatin1Char('?'), 1));
    const QStringList parts = path.section(QLatin1Char('?'), 0, 0).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 4 || parts.at(2) != QLatin1String("blobs"))
        return Error::notFound(QStringLiteral("no route PUT %1").arg(path));
    Result<SyncServer::ProjectSync::UploadProgress> progress =
        m_sync->uploadBlob(m_principal, parts.at(1), parts.at(3), query.queryItemValue(QStringLiteral("size")).toLongLong(),
                           query.queryItemValue(QStringLiteral("offset")).toLongLong(), bytes);
    if (!progress)
        return progress.error();
    ++uploads;
    return {};
}

Result<QByteArray> InProcessTransport::post(const QString &path, const QByteArray &body, const QByteArray &)
{
    if (offline)
        return unreachable();
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (withoutBatchRoutes)
        return Error::notFound(QStringLiteral("no route POST %1").arg(path));
    if (parts.size() == 4 && parts.at(2) == QLatin1String("blobs") && parts.at(3) == QLatin1String("batch")) {
        Result<Sync::BlobBatch> batch = Sync::BlobBatch::decode(body);
        if (!batch)
            return batch.error();
        Result<qint64> stored = m_sync->uploadBlobs(m_principal, parts.at(1), *batch);
        if (!stored)
            return stored.error();
        ++batches;
        return QByteArray(QJsonDocument(QJsonObject{{QStringLiteral("stored"), *stored}}).toJson(QJsonDocument::Compact));
    }
    if (parts.size() == 4 && parts.at(2) == QLatin1String("blobs") && parts.at(3) == QLatin1String("fetch")) {
        if (fetchesBeforeOffline >= 0 && fetches >= fetchesBeforeOffline) {
            offline = true;
            return unreachable();
        }
        QStringList hashes;
        for (const QJsonValue &hash : QJsonDocument::fromJson(body).object().value(QStringLiteral("sha256")).toArray())
            hashes.append(hash.toString());
        Result<Sync::BlobBatch> batch = m_sync->readBlobs(m_principal, parts.at(1), hashes);
        if (!batch)
            return batch.error();
        ++fetches;
        return batch->encode();
    }
    return Error::notFound(QStringLiteral("no route POST %1").arg(path));
}

Result<QByteArray> InProcessTransport::get(const QString &path, qint64 offset)
{
    if (offline)
        return unreachable();
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 4 || parts.at(2) != QLatin1String("blobs"))
        return Error::notFound(QStringLiteral("no route GET %1").arg(path));
    ++downloads;
    Result<SyncServer::ProjectSync::BlobRange> range = m_sync->readBlob(m_principal, parts.at(1), parts.at(3), offset);
    return range ? Result<QByteArray>(range->bytes) : Result<QByteArray>(range.error());
}

Acme foundAcme(const ServerDb::ServerDatabasePtr &db)
{
    Acme acme{addPerson(db, QStringLiteral("Alice")), addPerson(db, QStringLiteral("Bob")), {}};
    Auth::Organizations orgs(db);
    Result<Auth::Org> org = orgs.create(acme.alice, QStringLiteral("Acme"), kClient);
    Result<Auth::OrgMember> bob = org ? orgs.addMember(acme.alice, org->id, QStringLiteral("bob@example.org"), Auth::OrgRole::Member, kClient)
                                      : Result<Auth::OrgMember>(org.error());
    if (!bob)
        qWarning("cannot found Acme: %s", qPrintable(bob.error().message));
    else
        acme.orgId = org->id;
    return acme;
}

QMap<QString, QString> serverFilesOf(SyncServer::ProjectSync &sync, const Auth::Principal &asking, const QString &serverProjectId)
{
    QMap<QString, QString> files;
    QString cursor;
    for (;;) {
        Result<Sync::ChangePage> page = sync.changes(asking, serverProjectId, cursor, 1000, Sync::ChangePage::Listing::FromStart);
        if (!page)
            return {};
        for (const Sync::Change &change : std::as_const(page->changes))
            if (change.table == QLatin1String(Sync::Tables::kFiles) && !change.deleted)
                files.insert(change.key, change.data.value(QStringLiteral("sha256")).toString());
        if (!page->hasMore)
            return files;
        cursor = page->cursor.toText();
    }
}

Result<qint64> forgetDeletes(const ServerDb::ServerDatabasePtr &db, SyncServer::ProjectSync &sync)
{
    Result<QSqlDatabase> connection = db->connection();
    if (!connection)
        return connection.error();
    QSqlQuery aged(*connection);
    if (!aged.exec(QStringLiteral("UPDATE sync_items SET deleted_at = 1 WHERE deleted_at IS NOT NULL")))
        return Error::database(aged.lastError().text());
    return sync.pruneTombstones(QDateTime::currentMSecsSinceEpoch());
}

} // namespace Realm::Test
