// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Realm::SyncServer {

// File contents by SHA-256, once per organization (sync_blobs,
// sync_blob_chunks), and which of them a scope's items referred to
// (sync_scope_blobs), in the caller's transaction.
namespace ContentStore {

struct Content {
    qint64 size = 0;
    qint64 received = 0;
    bool complete = false; // all of it, and it matched its hash
    bool isComplete() const { return complete; }
};

Result<std::optional<Content>> content(const QSqlDatabase &db, const QString &orgId, const QString &sha256);

// The organization's row for the content, made if missing and locked for
// the transaction; an untouched row takes `size`. Conflict when an upload
// under way announced another size.
Result<Content> lock(const QSqlDatabase &db, const QString &orgId, const QString &sha256, qint64 size, qint64 nowMs);

struct Appended {
    Content content;
    // The last chunk arrived and the whole did not match its hash: every
    // chunk was dropped (committed, so the next try starts afresh).
    bool mismatch = false;
};
// Adds `bytes` at `offset` of an upload of `size` bytes. Conflict when
// `offset` is not where the upload stands, or `size` differs from the one
// an upload under way announced. At the last byte (at once for empty
// content) the whole is hashed: only then is it complete.
Result<Appended> append(const QSqlDatabase &db, const QString &orgId, const QString &sha256, qint64 size, qint64 offset, const QByteArray &bytes,
                        qint64 nowMs);
// Keeps content made on the server (a merge), if the organization lacks it.
Result<void> keep(const QSqlDatabase &db, const QString &orgId, const QString &sha256, const QByteArray &bytes, qint64 nowMs);

// Up to `maxBytes` of complete content from `offset`.
Result<QByteArray> read(const QSqlDatabase &db, const QString &orgId, const QString &sha256, qint64 offset, qint64 maxBytes);

// A scope's hold on content: complete, or how many bytes of a proof (the
// same bytes as the organization's content, sent again) arrived.
struct Hold {
    qint64 received = 0;
    bool complete = false;
};
Result<Hold> hold(const QSqlDatabase &db, const QString &scopeId, const QString &sha256);
Result<void> setHold(const QSqlDatabase &db, const QString &scopeId, const QString &sha256, const Hold &hold);
Result<bool> isInScope(const QSqlDatabase &db, const QString &scopeId, const QString &sha256);
Result<void> addToScope(const QSqlDatabase &db, const QString &scopeId, const QString &sha256);

} // namespace ContentStore
} // namespace Realm::SyncServer
