// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"
#include "sync/syncprotocol.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Realm::SyncClient {

// A local project shared with a server project (the `sync_links` row).
struct Link {
    // Creating: shared here under a server project id this machine chose;
    // the server has not yet said it made the project (the next share or
    // sync asks it again, with the same id).
    enum class State { Shared, ReadOnly, Unshared, Creating };
    QString projectId;
    QString server;
    QString serverProjectId;
    QString orgId; // the organization it is (to be) made in; empty before schema 14
    QString clientId;
    qint64 nextNumber = 1;
    QString cursor; // Sync::Cursor's text
    // A restarted pull under way: what the server said on its first page.
    Sync::ChangePage::Reset reset = Sync::ChangePage::Reset::None;
    State state = State::Shared;
    std::optional<qint64> lastSyncedAtMs;
    QString lastError;
    // Whether a pull downloads the contents it brings (Eager) or leaves
    // them for when they are needed (Lazy). Set by addLink and setContents
    // only: saveLink keeps what the user chose meanwhile.
    enum class Contents { Eager, Lazy };
    Contents contents = Contents::Eager;
};
QString stateName(Link::State state);
QString contentsName(Link::Contents contents);
std::optional<Link::Contents> contentsFromName(const QString &name);

// What an item was when this machine last had it from the server.
struct Base {
    qint64 seq = 0;
    QString sha256; // files: hex; anything else: itemHash of its data
    // Rows (conversations, documents): their data then, to tell which
    // fields a change made. Empty for files (and bases from before schema 13).
    QJsonObject data;
};

// The workspace's sync tables (schema 12), inside the caller's transaction.
namespace SyncState {

Result<void> addLink(Storage::Handle db, const Link &link);
Result<std::optional<Link>> link(Storage::Handle db, const QString &projectId);
Result<QList<Link>> links(Storage::Handle db);
Result<std::optional<Link>> linkTo(Storage::Handle db, const QString &server, const QString &serverProjectId);
Result<void> saveLink(Storage::Handle db, const Link &link);
Result<void> setContents(Storage::Handle db, const QString &projectId, Link::Contents contents);
// Unshares the project here: the link and all its sync state go.
Result<void> removeLink(Storage::Handle db, const QString &projectId);

Result<std::optional<Base>> base(Storage::Handle db, const QString &projectId, const QString &table, const QString &key);
Result<void> setBase(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const Base &base);
Result<void> removeBase(Storage::Handle db, const QString &projectId, const QString &table, const QString &key);
// A restarted pull: every base unseen until the server sends its item again.
Result<void> markBasesUnseen(Storage::Handle db, const QString &projectId);
// The keys of one table the restarted pull did not bring.
Result<QStringList> unseenKeys(Storage::Handle db, const QString &projectId, const QString &table);
Result<QSet<QString>> baseKeys(Storage::Handle db, const QString &projectId, const QString &table);

// Bases and outbox bases from before a server restore: their seqs mean
// nothing now (the contents they name still do); changes passed by too.
Result<void> forgetBaseSeqs(Storage::Handle db, const QString &projectId);
// Marks a listed item seen by a restarted pull, whatever is done with it.
Result<void> markSeen(Storage::Handle db, const QString &projectId, const QString &table, const QString &key);

// A pulled change skipped for a local change waiting to be sent.
Result<void> recordSkipped(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, qint64 seq);
// The keys of one table with a pulled change skipped.
Result<QSet<QString>> skippedKeys(Storage::Handle db, const QString &projectId, const QString &table);
// Takes the record (0: none).
Result<qint64> takeSkipped(Storage::Handle db, const QString &projectId, const QString &table, const QString &key);

Result<QList<Sync::Mutation>> outbox(Storage::Handle db, const QString &projectId);
Result<void> addToOutbox(Storage::Handle db, const QString &projectId, const Sync::Mutation &mutation);
// Drops the mutations the server answered (numbers up to `number`).
Result<void> removeFromOutbox(Storage::Handle db, const QString &projectId, qint64 number);
Result<qint64> outboxSize(Storage::Handle db, const QString &projectId);
// The outbox's mutations per table.
Result<QHash<QString, qint64>> outboxByTable(Storage::Handle db, const QString &projectId);

} // namespace SyncState
} // namespace Realm::SyncClient
