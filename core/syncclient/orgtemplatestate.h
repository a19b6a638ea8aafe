// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"
#include "sync/syncprotocol.h"

#include <QList>
#include <QString>

#include <optional>

namespace Realm::SyncClient::OrgTemplateState {

// The workspace's rows for organizations' templates (schema 18:
// org_template_links and org_template_outbox), in the caller's
// transaction unless said otherwise. OrgTemplateSyncer decides; this
// reads and writes.

struct Link {
    QString orgId;
    QString orgName;
    QString server;
    QString clientId;
    qint64 nextNumber = 1;
    QString cursor;
    QString userId; // who queued the changes waiting (empty: none waits)
    std::optional<qint64> lastSyncedAtMs; // the last sync that went well
    QString lastError;                    // how the last sync failed (empty: it did not)
};

Result<std::optional<Link>> link(Storage::Handle db, const QString &orgId);
// The link, made (with a new client id) when there is none, with the
// organization's name and server as they are now.
Result<Link> ensureLink(Storage::Handle db, const QString &orgId, const QString &orgName, const QString &server);
Result<QList<Link>> linksOn(Storage::Handle db, const QString &server);
// Every organization this workspace follows, by name.
Result<QList<Link>> links(Storage::Handle db);
Result<void> setCursor(Storage::Handle db, const QString &orgId, const QString &cursor);
// How the last sync went: its error, or none (then it is the last sync).
Result<void> recordSync(Storage::Handle db, const QString &orgId, const QString &error, qint64 nowMs);

// Queues `userId`'s change under the link's next number (its own transaction).
Result<void> queue(Storage::Handle db, const QString &orgId, const QString &userId, Sync::Mutation mutation);
Result<QList<Sync::Mutation>> outbox(Storage::Handle db, const QString &orgId);
Result<qint64> pendingCount(Storage::Handle db, const QString &orgId);
// The server answered the changes numbered up to `number`, sent under
// `clientId`. Nothing is done when the link has another client id by now
// (another process renumbered meanwhile: these numbers name other changes).
Result<void> forgetAnswered(Storage::Handle db, const QString &orgId, const QString &clientId, qint64 number);
// The waiting changes go on under a new client id, with their numbers (a
// server that does not know a client lets it start at any number), those
// numbered in `dropped` left out (refused for good): for a server that lost
// this client's numbers, or after a refusal (which applied nothing) that
// would leave a gap. Nothing is done when the link's client id is no longer
// `clientId` (another process did it first). Its own transaction.
Result<void> renumber(Storage::Handle db, const QString &orgId, const QString &clientId, const QList<qint64> &dropped);
// After a list from the start of another epoch (a restored server): the
// waiting changes are based on the items as that list has them.
Result<void> rebaseOutbox(Storage::Handle db, const QString &orgId);
// Templates the server holds that this REALM cannot use (no copy is
// kept): their seq, so that an admin can still withdraw one.
Result<void> setUnusable(Storage::Handle db, const QString &orgId, const QString &table, const QString &name, std::optional<qint64> seq);
Result<void> forgetUnusable(Storage::Handle db, const QString &orgId);
Result<std::optional<qint64>> unusableSeq(Storage::Handle db, const QString &orgId, const QString &table, const QString &name);

// The organization is no longer followed: its link, waiting changes and
// copies go (its own transaction).
Result<void> forget(Storage::Handle db, const QString &orgId);

} // namespace Realm::SyncClient::OrgTemplateState
