// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"
#include "sync/syncprotocol.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Realm::SyncServer {

namespace Detail {
struct SyncTarget; // which scope a call works on, and who may read and write it
} // namespace Detail

// The server's side of sync for shared projects and organizations'
// templates: each project is a scope with its own change log (see
// sync/syncprotocol.h), and so are each organization's templates. Viewers pull, editors
// push and upload contents. Everything runs in one transaction per call,
// from the current rows: a role taken away applies to the next call, and a
// project that is gone or invisible is NotFound.
//
// Pushes: mutations are applied in order, each at most once per client
// (a retry after a lost answer applies nothing twice); a gap in the numbers
// is refused whole. A change based on an older seq than the item's:
//   - files: the same content → unchanged; text edited on both sides → a
//     three-way line merge against the content it was based on; edits that
//     overlap, or binary files → the later change (this one) is stored as a
//     conflict copy beside the file;
//   - a delete of something edited meanwhile is not done (the edit wins),
//     and an edit of something deleted meanwhile brings it back;
//   - anything else: the later change in server order wins.
// File changes refer to contents by SHA-256, uploaded first.
class ProjectSync final {
public:
    struct Limits {
        int maxMutations = 1000;      // per push
        int maxPageChanges = 1000;    // per pull page
        qint64 maxPageBytes = 4LL * 1024 * 1024; // a pull page ends once its items' data reach this (one item at least)
        qint64 maxItemBytes = 12LL * 1024 * 1024; // one item's data as JSON
        qint64 maxChunkBytes = 8LL * 1024 * 1024;  // one upload or download
        qint64 maxBlobBytes = 512LL * 1024 * 1024;
        qint64 maxMergeBytes = 8LL * 1024 * 1024;  // larger text files are not merged
        qint64 tombstoneRetentionMs = 90LL * 24 * 3600 * 1000;
    };

    struct UploadProgress {
        qint64 received = 0;
        qint64 size = 0;
        bool complete = false;
        QJsonObject toJson() const;
    };

    struct BlobRange {
        QByteArray bytes;
        qint64 offset = 0;
        qint64 size = 0; // of the whole content
    };

    explicit ProjectSync(ServerDb::ServerDatabasePtr database);
    ProjectSync(ServerDb::ServerDatabasePtr database, Limits limits);
    Limits limits() const { return m_limits; }

    // Editors. Conflict for a gap, for a client id another user took, and
    // for a file whose content was not uploaded.
    Result<Sync::PushResult> push(const Auth::Principal &principal, const QString &projectId, const QString &clientId,
                                  const QList<Sync::Mutation> &mutations, const Auth::ClientInfo &client);
    // Viewers. `cursor` as the last page gave it (empty: from the start);
    // `limit` is capped by the limits.
    Result<Sync::ChangePage> changes(const Auth::Principal &principal, const QString &projectId, const QString &cursor, int limit,
                                     Sync::ChangePage::Listing listing = Sync::ChangePage::Listing::Following) const;

    // An organization's templates: a scope of its own ("org:" and its id)
    // of prompt templates keyed by name (Sync::Tables::isOrgTable). Its
    // admins and owners push, its members pull; the rules are a project's.
    Result<Sync::PushResult> pushOrgTemplates(const Auth::Principal &principal, const QString &orgId, const QString &clientId,
                                              const QList<Sync::Mutation> &mutations, const Auth::ClientInfo &client);
    Result<Sync::ChangePage> orgTemplateChanges(const Auth::Principal &principal, const QString &orgId, const QString &cursor, int limit,
                                                Sync::ChangePage::Listing listing = Sync::ChangePage::Listing::Following) const;

    // Viewers: which of `sha256s` the organization does not hold whole.
    Result<Sync::BlobStatus> blobStatus(const Auth::Principal &principal, const QString &projectId, const QStringList &sha256s) const;
    // Editors: `bytes` at `offset` of content `sha256` of `size` bytes.
    // Conflict (with the bytes received so far in the message) when
    // `offset` is not where the upload stands; InvalidInput when the whole
    // does not match its hash (what arrived is dropped: upload it again).
    // Content the organization holds already is complete at once.
    Result<UploadProgress> uploadBlob(const Auth::Principal &principal, const QString &projectId, const QString &sha256, qint64 size,
                                      qint64 offset, const QByteArray &bytes);
    // Editors: many small contents whole, in one transaction (a batch of
    // at most a chunk's bytes); a content whose bytes do not match its
    // hash refuses the whole batch. Returns how many it took.
    Result<qint64> uploadBlobs(const Auth::Principal &principal, const QString &projectId, const Sync::BlobBatch &batch);
    // Viewers: whole contents of at most kBatchedContentBytes each, as many
    // of `hashes` as fit in kBatchBytes, in order; those left out (larger,
    // unknown, or past the budget) the client asks for one by one.
    static constexpr qint64 kBatchedContentBytes = 256 * 1024;
    static constexpr qint64 kBatchBytes = 4LL * 1024 * 1024;
    static constexpr qsizetype kBatchContents = 2000; // up or down
    Result<Sync::BlobBatch> readBlobs(const Auth::Principal &principal, const QString &projectId, const QStringList &hashes) const;
    // Viewers: up to a chunk of content from `offset`, for contents the
    // project's items referred to.
    Result<BlobRange> readBlob(const Auth::Principal &principal, const QString &projectId, const QString &sha256, qint64 offset) const;

    // Forgets tombstones older than the retention; cursors from before them
    // get their scope anew ("expired"). How many went.
    Result<qint64> pruneTombstones(qint64 nowMs);

private:
    using Target = Detail::SyncTarget;

    Result<Sync::PushResult> pushTo(const Auth::Principal &principal, const Target &target, const QString &clientId,
                                    const QList<Sync::Mutation> &mutations, const Auth::ClientInfo &client);
    Result<Sync::ChangePage> changesOf(const Auth::Principal &principal, const Target &target, const QString &cursor, int limit,
                                       Sync::ChangePage::Listing listing) const;

    ServerDb::ServerDatabasePtr m_db;
    Limits m_limits;
};

} // namespace Realm::SyncServer
