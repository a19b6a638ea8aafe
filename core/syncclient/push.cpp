// SPDX-License-Identifier: GPL-3.0-or-later
// Sending a project's local changes: outbox, contents, push.
#include "syncclient/syncsession.h"

#include "projects/blobstore.h"
#include "projects/folderbaseline.h"
#include "projects/projecthistory.h"
#include "projects/replica.h"
#include "projects/sourcefolder.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

namespace Realm::SyncClient::Detail {

using Sync::Mutation;
using Sync::MutationResult;
using Outcome = Sync::MutationResult::Outcome;
namespace Replica = Projects::Replica;

namespace {

constexpr int kMutationsPerPush = 500;
constexpr qsizetype kStatusHashesPerCall = 5000;
constexpr qint64 kChunkBytes = 8LL * 1024 * 1024;
// Contents up to this size go in batches of up to kBatchBytes (one request
// for many small files: most of a source tree).
constexpr qint64 kBatchedContentBytes = 256 * 1024;
constexpr qint64 kBatchBytes = 4LL * 1024 * 1024;
constexpr qsizetype kBatchContents = 2000; // headers of empty files count too
// What one push carries at most, and so the largest item sent.
constexpr qint64 kMaxItemBytes = Sync::kMaxPushBytes / 2;

QString hex(const QByteArray &raw)
{
    return QString::fromLatin1(raw.toHex());
}

// A change read from a folder kept as it is (FolderBaseline), made on the
// content the folder had while the project got a teammate's change: sent as
// made on that content, before any seq, so the server merges the two (or
// keeps both) instead of taking it over the teammate's. Should the server
// keep its own, the pull comes back for it. nullopt: made on the base.
Result<std::optional<Base>> baseInKeptFolder(Storage::Handle db, const QString &projectId, const QString &path, const std::optional<Base> &base)
{
    Result<std::optional<QByteArray>> madeOn = Projects::FolderBaseline::madeOn(db, projectId, path);
    if (!madeOn || !*madeOn)
        return madeOn ? std::optional<Base>() : Result<std::optional<Base>>(madeOn.error());
    const QString sha256 = hex(**madeOn);
    if (base && base->sha256 == sha256)
        return std::optional<Base>();
    if (base && base->seq > 0)
        if (Result<void> passed = SyncState::recordSkipped(db, projectId, kFiles, path, base->seq); !passed)
            return passed.error();
    return std::optional<Base>(Base{.seq = 0, .sha256 = sha256, .data = {}});
}

QJsonObject infoData(const Replica::Info &info)
{
    return {{QStringLiteral("description"), info.description}, {QStringLiteral("tags"), QJsonArray::fromStringList(info.tags)}};
}

// The fields whose value differs (or that one side lacks).
QStringList changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QStringList fields;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value() || !before.contains(it.key()))
            fields.append(it.key());
    for (auto it = before.begin(); it != before.end(); ++it)
        if (!after.contains(it.key()))
            fields.append(it.key());
    return fields;
}

// The next pull starts after `seq` (if it would start later).
void rewindCursor(Link &link, qint64 seq)
{
    std::optional<Sync::Cursor> cursor = Sync::Cursor::fromText(link.cursor);
    if (cursor && !cursor->epoch.isEmpty() && cursor->seq > seq) {
        cursor->seq = seq;
        link.cursor = cursor->toText();
    }
}

// Takes the project's captured changes into the outbox, numbered, in one
// transaction: a crash leaves them either still captured or numbered.
Result<void> takeIntoOutbox(Session &s)
{
    Storage::Handle db = s.db->handle();
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    const QString projectId = s.link.projectId;
    // What the server will have of each item once the outbox is through:
    // an item with a change still there is compared with that change, not
    // with its base (changed back to the base, it must still go).
    Result<QList<Mutation>> outbox = SyncState::outbox(db, projectId);
    if (!outbox)
        return outbox.error();
    QHash<QString, QJsonObject> outgoing;
    for (const Mutation &mutation : std::as_const(*outbox))
        outgoing.insert(itemKey(mutation.table, mutation.key), mutation.data);
    const auto add = [&](Mutation mutation, const QString &table, const QString &key, const std::optional<Base> &base) -> Result<void> {
        mutation.number = s.link.nextNumber++;
        mutation.table = table;
        mutation.key = key;
        mutation.baseSeq = base ? base->seq : 0;
        mutation.baseSha256 = base ? base->sha256 : QString();
        return SyncState::addToOutbox(db, projectId, mutation);
    };

    Result<std::optional<QJsonObject>> info = infoToSend(db, projectId, outgoing.contains(itemKey(kProject, kProject)));
    if (!info)
        return info.error();
    if (*info) {
        Result<std::optional<Base>> base = SyncState::base(db, projectId, kProject, kProject);
        if (!base)
            return base.error();
        Mutation mutation;
        mutation.data = **info;
        if (Result<void> added = add(mutation, kProject, kProject, *base); !added)
            return added;
    }

    // The project's versions, conversations, messages, document versions:
    // as they are now (versions before the files that belong to them).
    for (const RowModule &module : rowModules()) {
        Result<QList<Storage::SyncedRow>> rows = module.pending(s.db, projectId);
        if (!rows)
            return rows.error();
        QSet<QString> heldBack; // too large, or needing one that is
        for (const Storage::SyncedRow &row : std::as_const(*rows)) {
            const QList<Storage::RowRef> references = module.references(row.table, row.data);
            if (std::any_of(references.cbegin(), references.cend(), [&](const Storage::RowRef &ref) { return heldBack.contains(itemKey(ref.first, ref.second)); })) {
                heldBack.insert(itemKey(row.table, row.key)); // a reply waits for what it replies to
                continue;
            }
            if (QJsonDocument(row.data).toJson(QJsonDocument::Compact).size() > kMaxItemBytes) {
                // No push could carry it: it stays here, and every sync says so.
                s.report.tooLarge.append(QStringLiteral("%1 %2").arg(row.table, row.key));
                heldBack.insert(itemKey(row.table, row.key));
                continue;
            }
            Result<std::optional<Base>> base = SyncState::base(db, projectId, row.table, row.key);
            if (!base)
                return base.error();
            if (Result<void> taken = Storage::forgetChange(db, row.table, row.key); !taken)
                return taken;
            const QString key = itemKey(row.table, row.key);
            std::optional<QJsonObject> before; // the row as the server has it (or will)
            if (outgoing.contains(key))
                before = outgoing.value(key);
            else if (*base && !(*base)->data.isEmpty())
                before = (*base)->data;
            const bool unchanged = before ? *before == row.data : (*base && (*base)->sha256 == itemHash(row.table, row.data));
            if (unchanged) {
                // A write that changed nothing that syncs. A pull that
                // passed the server's next version by for it comes back for
                // that version.
                Result<qint64> skipped = SyncState::takeSkipped(db, projectId, row.table, row.key);
                if (!skipped)
                    return skipped.error();
                if (*skipped > 0)
                    rewindCursor(s.link, *skipped - 1);
                continue;
            }
            Mutation mutation;
            mutation.data = row.data;
            if (before)
                mutation.fields = changedFields(*before, row.data);
            outgoing.insert(key, row.data);
            if (Result<void> added = add(mutation, row.table, row.key, *base); !added)
                return added;
        }
    }
    Result<std::optional<Projects::SourceFolder>> folder = Projects::SourceFolder::of(db, projectId);
    if (!folder)
        return folder.error();
    Result<QList<Replica::FileState>> files = Replica::pendingFiles(db, projectId);
    if (!files)
        return files.error();
    QSet<QString> livePaths;
    for (const Replica::FileState &file : std::as_const(*files))
        if (!file.deleted)
            livePaths.insert(file.path);
    QStringList unsendable; // file ids that stay pending
    for (const Replica::FileState &file : std::as_const(*files)) {
        if (!Sync::isValidFilePath(file.path)) {
            // The server keys files by one spelling of their path: this one
            // stays here, and every sync says so (its delete, once renamed,
            // is nothing the server could have).
            if (!file.deleted) {
                unsendable.append(file.id);
                s.report.notSent.append(file.path);
            }
            continue;
        }
        Result<std::optional<Base>> base = SyncState::base(db, projectId, kFiles, file.path);
        if (!base)
            return base.error();
        Mutation mutation;
        if (file.deleted) {
            // Gone here: said also without a base (the server may have the
            // file all the same: a version passed by for an edit made in the
            // folder), but not when another file took the path since, nor
            // when the file is still in the folder (a refresh leaves out
            // what its rules exclude — build output, .gitignore'd or
            // oversized files — which a teammate may well share).
            Result<std::optional<Replica::FileState>> live = Replica::liveFile(db, projectId, file.path);
            if (!live)
                return live.error();
            if (*live || livePaths.contains(file.path) || (*folder && (*folder)->holds(file.path))) {
                if (Result<qint64> forgotten = SyncState::takeSkipped(db, projectId, kFiles, file.path); !forgotten)
                    return forgotten.error();
                continue;
            }
            mutation.op = Mutation::Op::Delete;
        } else {
            mutation.data = {{QStringLiteral("sha256"), hex(file.sha256)}, {QStringLiteral("size"), file.size}, {QStringLiteral("mode"), file.mode}};
        }
        // Which version of the history the change belongs to, so that every
        // member's copy records it there.
        Result<QString> version = Projects::ProjectHistory::lastVersionOf(db, projectId, file.path);
        if (!version)
            return version.error();
        if (!version->isEmpty())
            mutation.data.insert(QStringLiteral("version"), *version);
        Result<std::optional<Base>> madeOn = baseInKeptFolder(db, projectId, file.path, *base);
        if (!madeOn)
            return madeOn.error();
        if (Result<void> added = add(mutation, kFiles, file.path, *madeOn ? *madeOn : *base); !added)
            return added;
    }
    if (Result<void> taken = Replica::takePending(db, projectId, unsendable); !taken)
        return taken;

    if (Result<void> saved = SyncState::saveLink(db, s.link); !saved)
        return saved;
    return transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot number the local changes"));
}

// A server restored from a backup has another epoch, and the seqs this
// machine's bases name are not its seqs any more: a change based on one
// could pass for a change on the current version and replace it. Asked
// before pushing (an empty push changes nothing and answers the epoch);
// the bases then keep only their contents, so the server merges. True:
// the epoch is new.
Result<bool> checkEpoch(Session &s)
{
    const std::optional<Sync::Cursor> cursor = Sync::Cursor::fromText(s.link.cursor);
    if (!cursor || cursor->epoch.isEmpty())
        return false;
    Result<QJsonObject> answer = s.transport->call("POST", s.apiPath(QStringLiteral("/sync/push")),
                                                   {{QStringLiteral("client_id"), s.link.clientId}, {QStringLiteral("mutations"), QJsonArray()}});
    if (!answer)
        return answer.error();
    Result<Sync::PushResult> result = Sync::PushResult::fromJson(*answer);
    if (!result)
        return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server's answer to the push cannot be read: %1").arg(result.error().message));
    if (result->epoch.isEmpty() || result->epoch == cursor->epoch)
        return false;
    Storage::Handle db = s.db->handle();
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (Result<void> forgotten = SyncState::forgetBaseSeqs(db, s.link.projectId); !forgotten)
        return forgotten.error();
    if (Result<void> committed = transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot save the sync state")); !committed)
        return committed.error();
    return true;
}

// Sends the contents the outbox refers to and the server lacks, in chunks,
// going on from where an interrupted upload stopped.
Result<void> uploadContents(Session &s, const QList<Mutation> &outbox)
{
    QStringList hashes;
    QSet<QString> seen;
    for (const Mutation &mutation : outbox) {
        const QString hash = mutation.data.value(QStringLiteral("sha256")).toString();
        if (mutation.op == Mutation::Op::Upsert && mutation.table == kFiles && !seen.contains(hash)) {
            seen.insert(hash);
            hashes.append(hash);
        }
    }
    QList<std::pair<QString, qint64>> toSend; // hash, offset
    for (qsizetype from = 0; from < hashes.size(); from += kStatusHashesPerCall) {
        const QJsonObject body{{QStringLiteral("sha256"), QJsonArray::fromStringList(hashes.mid(from, kStatusHashesPerCall))}};
        Result<QJsonObject> answer = s.transport->call("POST", s.apiPath(QStringLiteral("/blobs/status")), body);
        if (!answer)
            return answer.error();
        Result<Sync::BlobStatus> status = Sync::BlobStatus::fromJson(*answer);
        if (!status)
            return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server's answer about file contents cannot be read: %1").arg(status.error().message));
        QHash<QString, qint64> partial;
        for (const auto &[hash, received] : std::as_const(status->partial))
            partial.insert(hash, received);
        for (const QString &hash : std::as_const(status->missing))
            toSend.append({hash, partial.value(hash, 0)});
    }
    Sync::BlobBatch batch;
    qint64 batchBytes = 0;
    bool batches = true; // until a server without the route says so
    const auto sendBatch = [&]() -> Result<void> {
        if (batch.blobs.isEmpty())
            return {};
        Result<QByteArray> sent = batches ? s.transport->post(s.apiPath(QStringLiteral("/blobs/batch")), batch.encode(), QByteArrayLiteral("application/octet-stream"))
                                          : Result<QByteArray>(Error::notFound(QString()));
        if (!sent && sent.error().code == Error::Code::NotFound) {
            // An older server: one request each. (A project gone fails
            // the same way there, saying so.)
            batches = false;
            for (const Sync::BlobBatch::Blob &blob : std::as_const(batch.blobs)) {
                QUrlQuery query;
                query.addQueryItem(QStringLiteral("size"), QString::number(blob.bytes.size()));
                query.addQueryItem(QStringLiteral("offset"), QStringLiteral("0"));
                if (Result<void> put = s.transport->put(s.apiPath(QStringLiteral("/blobs/%1?%2").arg(blob.sha256, query.toString())), blob.bytes); !put)
                    return put;
            }
        } else if (!sent) {
            return sent.error();
        }
        s.report.uploadedBytes += batchBytes;
        batch.blobs.clear();
        batchBytes = 0;
        return {};
    };
    for (qsizetype i = 0; i < toSend.size(); ++i) {
        const auto &[hash, offset] = toSend.at(i);
        if (s.cancelled())
            return Error::cancelled();
        Result<std::optional<QByteArray>> content = Replica::content(s.db->handle(), QByteArray::fromHex(hash.toLatin1()));
        if (!content)
            return content.error();
        if (!*content)
            return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The content %1 is not in this workspace any more; refresh the project and sync again.").arg(hash.left(12)));
        const QByteArray &bytes = **content;
        if (offset == 0 && bytes.size() <= kBatchedContentBytes) {
            if (batchBytes + bytes.size() > kBatchBytes)
                if (Result<void> sent = sendBatch(); !sent)
                    return sent;
            batch.blobs.append({hash, bytes});
            batchBytes += bytes.size();
            if (i + 1 == toSend.size() || batchBytes >= kBatchBytes || batch.blobs.size() >= kBatchContents) {
                if (Result<void> sent = sendBatch(); !sent)
                    return sent;
                s.say(double(i + 1) / double(toSend.size()), QCoreApplication::translate("Realm::SyncClient", "Uploaded %1 of %2 file contents").arg(i + 1).arg(toSend.size()));
            }
            continue;
        }
        qint64 at = qBound<qint64>(0, offset, bytes.size());
        do {
            const QByteArray chunk = bytes.mid(at, kChunkBytes);
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("size"), QString::number(bytes.size()));
            query.addQueryItem(QStringLiteral("offset"), QString::number(at));
            if (Result<void> sent = s.transport->put(s.apiPath(QStringLiteral("/blobs/%1?%2").arg(hash, query.toString())), chunk); !sent)
                return sent;
            at += chunk.size();
            s.report.uploadedBytes += chunk.size();
        } while (at < bytes.size());
        s.say(double(i + 1) / double(toSend.size()), QCoreApplication::translate("Realm::SyncClient", "Uploaded %1 of %2 file contents").arg(i + 1).arg(toSend.size()));
    }
    return sendBatch(); // what the last large content left waiting
}

// What an item is once the server took this change of it.
Base baseOf(const Mutation &mutation, qint64 seq)
{
    return Base{.seq = seq, .sha256 = itemHash(mutation.table, mutation.data), .data = rowModuleFor(mutation.table) ? mutation.data : QJsonObject()};
}

// Records the server's answers to one push: the new bases, and where the
// next pull must start again to bring what the server kept in place of a
// change (the other side of a conflict, an edit that beat a delete) when
// an earlier pull skipped it for that change.
Result<void> recordAnswers(Session &s, const QList<Mutation> &sent, const Sync::PushResult &result)
{
    QHash<qint64, const Mutation *> byNumber;
    for (const Mutation &mutation : sent)
        byNumber.insert(mutation.number, &mutation);
    QSet<qint64> answered;
    for (const MutationResult &answer : result.results)
        answered.insert(answer.number);
    if (answered.size() != sent.size() || result.results.size() != sent.size())
        return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server answered %1 of the %2 changes sent; they are sent again next time.").arg(answered.size()).arg(sent.size()));
    Storage::Handle db = s.db->handle();
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    const QString projectId = s.link.projectId;
    std::optional<qint64> pullFrom;
    for (const MutationResult &answer : result.results) {
        const Mutation *mutation = byNumber.value(answer.number);
        if (!mutation)
            return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server answered change %1, which was not sent.").arg(answer.number));
        Result<qint64> skipped = SyncState::takeSkipped(db, projectId, mutation->table, mutation->key);
        if (!skipped)
            return skipped.error();
        // What a folder's next change is made on: the project's content when
        // the server took this as sent, else this (see FolderBaseline).
        if (mutation->table == kFiles) {
            const bool asSent = answer.outcome == Outcome::Applied || answer.outcome == Outcome::Unchanged || answer.outcome == Outcome::AlreadyApplied;
            const std::optional<QByteArray> madeOn =
                asSent ? std::nullopt
                       : std::optional<QByteArray>(mutation->op == Mutation::Op::Delete
                                                       ? QByteArray()
                                                       : QByteArray::fromHex(mutation->data.value(QStringLiteral("sha256")).toString().toLatin1()));
            if (Result<void> settled = Projects::FolderBaseline::settle(db, projectId, mutation->key, madeOn); !settled)
                return settled;
        }
        // A pull that passed a later version by (a retry answered long
        // after, the answer being the first one's) comes back for it.
        if (*skipped > answer.seq)
            pullFrom = qMin(pullFrom.value_or(*skipped - 1), *skipped - 1);
        switch (answer.outcome) {
        case Outcome::Applied:
        case Outcome::Unchanged:
        case Outcome::AlreadyApplied: {
            Result<void> recorded = mutation->op == Mutation::Op::Delete || answer.seq == 0
                                        ? SyncState::removeBase(db, projectId, mutation->table, mutation->key)
                                        : SyncState::setBase(db, projectId, mutation->table, mutation->key, baseOf(*mutation, answer.seq));
            if (!recorded)
                return recorded;
            break;
        }
        case Outcome::ConflictCopy:
            s.report.conflicts.append(answer.conflictKey);
            [[fallthrough]];
        case Outcome::Kept: {
            // The server's version stays: get it, if a pull passed it by
            // (for a delete that lost to an edit, the edit's seq is the
            // answer's).
            const qint64 from = *skipped > 0 ? *skipped - 1 : (answer.outcome == Outcome::Kept && answer.seq > 0 ? answer.seq - 1 : -1);
            if (from >= 0)
                pullFrom = qMin(pullFrom.value_or(from), from);
            break;
        }
        case Outcome::Merged:
            // The merge has a seq of its own: pull it, even if a pull
            // passed it by meanwhile.
            if (answer.seq > 0)
                pullFrom = qMin(pullFrom.value_or(answer.seq - 1), (*skipped > 0 ? qMin(*skipped, answer.seq) : answer.seq) - 1);
            break;
        }
        if ((answer.outcome == Outcome::Merged || answer.outcome == Outcome::Kept) && rowModuleFor(mutation->table)) {
            // The row is what was sent until the server's version comes:
            // the next change says which fields it made after this one (the
            // old seq stays, so the server still merges it).
            Result<std::optional<Base>> before = SyncState::base(db, projectId, mutation->table, mutation->key);
            if (!before)
                return before.error();
            const Base asSent = baseOf(*mutation, *before ? (*before)->seq : 0);
            if (Result<void> recorded = SyncState::setBase(db, projectId, mutation->table, mutation->key, asSent); !recorded)
                return recorded;
        }
        if (!isRecordOfChanges(mutation->table))
            ++s.report.sent;
    }
    if (pullFrom)
        rewindCursor(s.link, *pullFrom);
    if (Result<void> removed = SyncState::removeFromOutbox(db, projectId, sent.last().number); !removed)
        return removed;
    if (Result<void> saved = SyncState::saveLink(db, s.link); !saved)
        return saved;
    return transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot record what the server did with the changes"));
}

Result<void> pushOutbox(Session &s, const QList<Mutation> &outbox)
{
    for (qsizetype from = 0; from < outbox.size();) {
        if (s.cancelled())
            return Error::cancelled();
        // At most so many changes, and so many bytes (a conversation's
        // messages can be large); one at least.
        QJsonArray mutations;
        qint64 bytes = 0;
        for (qsizetype i = from; i < outbox.size() && mutations.size() < kMutationsPerPush; ++i) {
            const QJsonObject json = outbox.at(i).toJson();
            bytes += QJsonDocument(json).toJson(QJsonDocument::Compact).size();
            if (!mutations.isEmpty() && bytes > kMaxItemBytes)
                break;
            mutations.append(json);
        }
        const QList<Mutation> batch = outbox.mid(from, mutations.size());
        Result<QJsonObject> answer = s.transport->call("POST", s.apiPath(QStringLiteral("/sync/push")),
                                                       {{QStringLiteral("client_id"), s.link.clientId}, {QStringLiteral("mutations"), mutations}});
        if (!answer)
            return answer.error();
        Result<Sync::PushResult> result = Sync::PushResult::fromJson(*answer);
        if (!result)
            return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server's answer to the push cannot be read: %1").arg(result.error().message));
        if (Result<void> recorded = recordAnswers(s, batch, *result); !recorded)
            return recorded;
        from += batch.size();
        s.say(double(from) / double(outbox.size()), QCoreApplication::translate("Realm::SyncClient", "Sent %1 of %2 changes").arg(from).arg(outbox.size()));
    }
    return {};
}

} // namespace

Result<QSet<QString>> outboxKeys(Storage::Handle db, const QString &projectId)
{
    Result<QList<Sync::Mutation>> outbox = SyncState::outbox(db, projectId);
    if (!outbox)
        return outbox.error();
    QSet<QString> keys;
    for (const Sync::Mutation &mutation : std::as_const(*outbox))
        keys.insert(itemKey(mutation.table, mutation.key));
    return keys;
}

Result<std::optional<QJsonObject>> infoToSend(Storage::Handle db, const QString &projectId, bool evenAsTheServerHasIt)
{
    // Change capture records every write to the project's row (a refresh,
    // a rename): only a description or tags other than the server's last
    // are a change to send.
    Result<bool> written = Replica::infoPending(db, projectId);
    if (!written || !*written)
        return written ? std::optional<QJsonObject>() : Result<std::optional<QJsonObject>>(written.error());
    Result<std::optional<Replica::Info>> info = Replica::info(db, projectId);
    if (!info || !*info)
        return info ? Error::failed(QCoreApplication::translate("Realm::SyncClient", "The project is not in this workspace any more.")) : Result<std::optional<QJsonObject>>(info.error());
    const QJsonObject data = infoData(**info);
    Result<std::optional<Base>> base = SyncState::base(db, projectId, kProject, kProject);
    if (!base)
        return base.error();
    if (*base && (*base)->sha256 == itemHash(kProject, data) && !evenAsTheServerHasIt)
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(data);
}

Result<void> push(Session &s)
{
    // Only what is sent needs the epoch known first; a sync with nothing
    // to send costs the server no write.
    Result<qint64> waiting = ProjectSyncer::pendingChanges(s.db->handle(), s.link.projectId, ProjectSyncer::Counting::WithHistory);
    if (!waiting)
        return waiting.error();
    if (*waiting == 0)
        return {};
    Result<bool> newEpoch = checkEpoch(s);
    if (!newEpoch)
        return newEpoch.error();
    // (A pull from the start after a restore that was cut off still has
    // to finish first: its last group finds what the server lacks.)
    if (*newEpoch || s.link.reset == Sync::ChangePage::Reset::Epoch) {
        // What the restored server lacks is found by the pull from the
        // start, and sent with what waits here, in order, after it: a
        // reply sent now would reach the server before the message it
        // answers, which the restore took away.
        s.pushAfterPull = true;
        return {};
    }
    if (Result<void> taken = takeIntoOutbox(s); !taken)
        return taken;
    Result<QList<Mutation>> outbox = SyncState::outbox(s.db->handle(), s.link.projectId);
    if (!outbox)
        return outbox.error();
    if (outbox->isEmpty())
        return {};
    if (Result<void> uploaded = uploadContents(s, *outbox); !uploaded)
        return uploaded;
    return pushOutbox(s, *outbox);
}

} // namespace Realm::SyncClient::Detail
