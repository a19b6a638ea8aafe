// SPDX-License-Identifier: GPL-3.0-or-later
// Downloading the contents a pulled group of changes needs.
#include "syncclient/syncsession.h"

#include "projects/blobstore.h"
#include "projects/replica.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Realm::SyncClient::Detail {

using Sync::Change;
namespace Replica = Projects::Replica;

namespace {

// Contents up to this size are asked for many at a time (POST …/blobs/fetch).
constexpr qint64 kFetchedContentBytes = 256 * 1024;
constexpr qsizetype kFetchContents = 2000;

Error damaged(const QString &path)
{
    return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The content of %1 arrived damaged (its SHA-256 does not match); sync again.").arg(path));
}

// Small contents, many per request, into `contents`; those the server
// leaves out are fetched one by one after.
Result<void> fetchSmall(Session &s, const QList<std::pair<QString, QString>> &wanted, QHash<QString, QByteArray> &contents)
{
    QHash<QString, QString> pathOf; // by hash, for messages
    for (const auto &[sha, path] : wanted)
        pathOf.insert(sha, path);
    qsizetype from = 0;
    while (from < wanted.size()) {
        if (s.cancelled())
            return Error::cancelled();
        QStringList hashes;
        for (qsizetype i = from; i < wanted.size() && hashes.size() < kFetchContents; ++i)
            hashes.append(wanted.at(i).first);
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("sha256"), QJsonArray::fromStringList(hashes)}}).toJson(QJsonDocument::Compact);
        Result<QByteArray> answer = s.transport->post(s.apiPath(QStringLiteral("/blobs/fetch")), body, QByteArrayLiteral("application/json"));
        // An older server has no such route: one by one, as before.
        if (!answer && answer.error().code == Error::Code::NotFound)
            return {};
        if (!answer)
            return answer.error();
        Result<Sync::BlobBatch> batch = Sync::BlobBatch::decode(*answer);
        if (!batch)
            return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server answered a request for file contents with something that is not REALM's "
                                                                                  "(%1): a proxy's error page, or not a realm-server. Try again; if it goes on, check the address.")
                                     .arg(batch.error().message));
        for (const Sync::BlobBatch::Blob &blob : std::as_const(batch->blobs)) {
            if (!pathOf.contains(blob.sha256))
                continue; // not asked for
            if (QString::fromLatin1(Projects::BlobStore::sha256(blob.bytes).toHex()) != blob.sha256)
                return damaged(pathOf.value(blob.sha256));
            contents.insert(blob.sha256, blob.bytes);
            s.report.downloadedBytes += blob.bytes.size();
        }
        // The server answers in order, leaving out what it will not batch,
        // and stops where its budget ends: ask again after the last one
        // it sent. (None sent: the rest go one by one.)
        const qsizetype last = batch->blobs.isEmpty() ? -1 : hashes.lastIndexOf(batch->blobs.last().sha256);
        if (last < 0)
            break;
        from += last + 1;
    }
    return {};
}

} // namespace

Result<QHash<QString, QByteArray>> download(Session &s, const QList<Change> &changes)
{
    QList<WantedContent> wanted;
    QSet<QString> needed;
    for (const Change &change : changes) {
        const QString sha = shaOf(change);
        if (!isFile(change) || change.deleted || needed.contains(sha) || !Sync::isSha256Hex(sha))
            continue;
        Result<bool> held = Replica::hasContent(s.db->handle(), QByteArray::fromHex(sha.toLatin1()));
        if (!held)
            return held.error();
        if (*held)
            continue;
        needed.insert(sha);
        wanted.append({sha, change.key, change.data.value(QStringLiteral("size")).toInteger()});
    }
    return downloadContents(s, wanted);
}

Result<QHash<QString, QByteArray>> downloadContents(Session &s, const QList<WantedContent> &wanted)
{
    QHash<QString, QByteArray> contents;
    QList<std::pair<QString, QString>> small; // hash, path
    for (const WantedContent &content : wanted)
        if (content.size <= kFetchedContentBytes)
            small.append({content.sha256, content.path});
    if (Result<void> fetched = fetchSmall(s, small, contents); !fetched)
        return fetched.error();
    for (const WantedContent &content : wanted) {
        if (contents.contains(content.sha256))
            continue;
        QByteArray bytes;
        while (bytes.size() < content.size) {
            if (s.cancelled())
                return Error::cancelled();
            Result<QByteArray> part = s.transport->get(s.apiPath(QStringLiteral("/blobs/%1").arg(content.sha256)), bytes.size());
            if (!part)
                return part.error();
            if (part->isEmpty())
                break;
            bytes.append(*part);
            s.report.downloadedBytes += part->size();
        }
        if (QString::fromLatin1(Projects::BlobStore::sha256(bytes).toHex()) != content.sha256)
            return damaged(content.path);
        contents.insert(content.sha256, bytes);
    }
    return contents;
}

} // namespace Realm::SyncClient::Detail
