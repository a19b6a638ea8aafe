// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/syncstate.h"

#include "storage/statement.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Realm::SyncClient {

using Storage::Statement;

namespace {

QString readFailed()
{
    return QCoreApplication::translate("Realm::SyncClient", "Cannot read the sync state");
}

QString writeFailed()
{
    return QCoreApplication::translate("Realm::SyncClient", "Cannot save the sync state");
}

const char kLinkColumns[] = "SELECT project_id, server, server_project_id, client_id, next_number, cursor, reset, state, "
                            "last_synced_at, last_error, org_id, contents FROM sync_links ";

QString resetName(Sync::ChangePage::Reset reset)
{
    switch (reset) {
    case Sync::ChangePage::Reset::None: return {};
    case Sync::ChangePage::Reset::Epoch: return QStringLiteral("epoch");
    case Sync::ChangePage::Reset::Expired: return QStringLiteral("expired");
    }
    return {};
}

Sync::ChangePage::Reset resetFrom(const QString &name)
{
    if (name == QLatin1String("epoch"))
        return Sync::ChangePage::Reset::Epoch;
    if (name == QLatin1String("expired"))
        return Sync::ChangePage::Reset::Expired;
    return Sync::ChangePage::Reset::None;
}

Link::State stateFrom(const QString &name)
{
    if (name == QLatin1String("read_only"))
        return Link::State::ReadOnly;
    if (name == QLatin1String("unshared"))
        return Link::State::Unshared;
    if (name == QLatin1String("creating"))
        return Link::State::Creating;
    return Link::State::Shared;
}

Result<QList<Link>> readLinks(Statement &q)
{
    QList<Link> links;
    while (q.next()) {
        Link link;
        link.projectId = q.columnText(0);
        link.server = q.columnText(1);
        link.serverProjectId = q.columnText(2);
        link.clientId = q.columnText(3);
        link.nextNumber = q.columnInt(4);
        link.cursor = q.columnText(5);
        link.reset = resetFrom(q.columnText(6));
        link.state = stateFrom(q.columnText(7));
        if (!q.columnIsNull(8))
            link.lastSyncedAtMs = q.columnInt(8);
        link.lastError = q.columnText(9);
        link.orgId = q.columnText(10);
        link.contents = contentsFromName(q.columnText(11)).value_or(Link::Contents::Eager);
        links.append(link);
    }
    if (q.failed())
        return q.error(readFailed());
    return links;
}

Result<std::optional<Link>> firstLink(Statement &q)
{
    Result<QList<Link>> links = readLinks(q);
    if (!links)
        return links.error();
    return links->isEmpty() ? std::optional<Link>() : std::optional<Link>(links->first());
}

// The item keys `sql` lists for one table of a project.
Result<QSet<QString>> keysListed(Storage::Handle db, const char *sql, const QString &projectId, const QString &table)
{
    Statement q(db, sql);
    q.bindAll(projectId, table);
    QSet<QString> keys;
    while (q.next())
        keys.insert(q.columnText(0));
    if (q.failed())
        return q.error(readFailed());
    return keys;
}

} // namespace

QString stateName(Link::State state)
{
    switch (state) {
    case Link::State::Shared: return QStringLiteral("shared");
    case Link::State::ReadOnly: return QStringLiteral("read_only");
    case Link::State::Unshared: return QStringLiteral("unshared");
    case Link::State::Creating: return QStringLiteral("creating");
    }
    return {};
}

QString contentsName(Link::Contents contents)
{
    return contents == Link::Contents::Lazy ? QStringLiteral("lazy") : QStringLiteral("eager");
}

std::optional<Link::Contents> contentsFromName(const QString &name)
{
    if (name == QLatin1String("eager"))
        return Link::Contents::Eager;
    if (name == QLatin1String("lazy"))
        return Link::Contents::Lazy;
    return std::nullopt;
}

namespace SyncState {

Result<void> addLink(Storage::Handle db, const Link &link)
{
    Statement q(db, "INSERT INTO sync_links (project_id, server, server_project_id, org_id, client_id, next_number, cursor, state, contents) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bindAll(link.projectId, link.server, link.serverProjectId, link.orgId, link.clientId, link.nextNumber, link.cursor, stateName(link.state),
              contentsName(link.contents));
    return q.exec(writeFailed());
}

Result<void> setContents(Storage::Handle db, const QString &projectId, Link::Contents contents)
{
    Statement q(db, "UPDATE sync_links SET contents = ? WHERE project_id = ?");
    q.bindAll(contentsName(contents), projectId);
    return q.exec(writeFailed());
}

Result<std::optional<Link>> link(Storage::Handle db, const QString &projectId)
{
    Statement q(db, QStringLiteral("%1 WHERE project_id = ?").arg(QLatin1String(kLinkColumns)));
    q.bindAll(projectId);
    return firstLink(q);
}

Result<QList<Link>> links(Storage::Handle db)
{
    Statement q(db, QStringLiteral("%1 ORDER BY project_id").arg(QLatin1String(kLinkColumns)));
    return readLinks(q);
}

Result<std::optional<Link>> linkTo(Storage::Handle db, const QString &server, const QString &serverProjectId)
{
    Statement q(db, QStringLiteral("%1 WHERE server = ? AND server_project_id = ?").arg(QLatin1String(kLinkColumns)));
    q.bindAll(server, serverProjectId);
    return firstLink(q);
}

Result<void> saveLink(Storage::Handle db, const Link &link)
{
    Statement q(db, "UPDATE sync_links SET server_project_id = ?, client_id = ?, next_number = ?, cursor = ?, reset = ?, state = ?, "
                    "last_synced_at = ?, last_error = ? WHERE project_id = ?");
    q.bindAll(link.serverProjectId, link.clientId, link.nextNumber, link.cursor, resetName(link.reset), stateName(link.state), link.lastSyncedAtMs,
              link.lastError, link.projectId);
    return q.exec(writeFailed());
}

Result<void> removeLink(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "DELETE FROM sync_links WHERE project_id = ?"); // its bases, outbox and skips go with it
    q.bindAll(projectId);
    return q.exec(writeFailed());
}

Result<std::optional<Base>> base(Storage::Handle db, const QString &projectId, const QString &table, const QString &key)
{
    Statement q(db, "SELECT seq, sha256, data FROM sync_bases WHERE project_id = ? AND table_name = ? AND item_key = ?");
    q.bindAll(projectId, table, key);
    if (!q.next())
        return q.failed() ? Result<std::optional<Base>>(q.error(readFailed())) : std::optional<Base>();
    return std::optional<Base>(Base{.seq = q.columnInt(0), .sha256 = q.columnText(1), .data = QJsonDocument::fromJson(q.columnText(2).toUtf8()).object()});
}

Result<void> setBase(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const Base &base)
{
    Statement q(db, "INSERT INTO sync_bases (project_id, table_name, item_key, seq, sha256, data, seen) VALUES (?, ?, ?, ?, ?, ?, 1) "
                    "ON CONFLICT (project_id, table_name, item_key) DO UPDATE SET seq = excluded.seq, sha256 = excluded.sha256, "
                    "data = excluded.data, seen = 1");
    q.bindAll(projectId, table, key, base.seq, base.sha256,
              base.data.isEmpty() ? std::optional<QString>() : std::optional<QString>(QString::fromUtf8(QJsonDocument(base.data).toJson(QJsonDocument::Compact))));
    return q.exec(writeFailed());
}

Result<void> removeBase(Storage::Handle db, const QString &projectId, const QString &table, const QString &key)
{
    Statement q(db, "DELETE FROM sync_bases WHERE project_id = ? AND table_name = ? AND item_key = ?");
    q.bindAll(projectId, table, key);
    return q.exec(writeFailed());
}

Result<void> markBasesUnseen(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "UPDATE sync_bases SET seen = 0 WHERE project_id = ?");
    q.bindAll(projectId);
    return q.exec(writeFailed());
}

Result<QStringList> unseenKeys(Storage::Handle db, const QString &projectId, const QString &table)
{
    Statement q(db, "SELECT item_key FROM sync_bases WHERE project_id = ? AND table_name = ? AND seen = 0");
    q.bindAll(projectId, table);
    QStringList keys;
    while (q.next())
        keys.append(q.columnText(0));
    if (q.failed())
        return q.error(readFailed());
    return keys;
}

Result<QSet<QString>> baseKeys(Storage::Handle db, const QString &projectId, const QString &table)
{
    return keysListed(db, "SELECT item_key FROM sync_bases WHERE project_id = ? AND table_name = ?", projectId, table);
}

Result<QList<Sync::Mutation>> outbox(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT mutation FROM sync_outbox WHERE project_id = ? ORDER BY number");
    q.bindAll(projectId);
    QList<Sync::Mutation> mutations;
    while (q.next()) {
        Result<Sync::Mutation> mutation = Sync::Mutation::fromJson(QJsonDocument::fromJson(q.columnText(0).toUtf8()).object());
        if (!mutation)
            return Error::database(QCoreApplication::translate("Realm::SyncClient", "The sync outbox holds a change this version cannot read: %1").arg(mutation.error().message));
        mutations.append(*mutation);
    }
    if (q.failed())
        return q.error(readFailed());
    return mutations;
}

Result<void> addToOutbox(Storage::Handle db, const QString &projectId, const Sync::Mutation &mutation)
{
    Statement q(db, "INSERT INTO sync_outbox (project_id, number, mutation) VALUES (?, ?, ?)");
    q.bindAll(projectId, mutation.number, QString::fromUtf8(QJsonDocument(mutation.toJson()).toJson(QJsonDocument::Compact)));
    return q.exec(writeFailed());
}

Result<void> removeFromOutbox(Storage::Handle db, const QString &projectId, qint64 number)
{
    Statement q(db, "DELETE FROM sync_outbox WHERE project_id = ? AND number <= ?");
    q.bindAll(projectId, number);
    return q.exec(writeFailed());
}

Result<void> forgetBaseSeqs(Storage::Handle db, const QString &projectId)
{
    Statement bases(db, "UPDATE sync_bases SET seq = 0 WHERE project_id = ?");
    bases.bindAll(projectId);
    if (Result<void> done = bases.exec(writeFailed()); !done)
        return done;
    Statement skipped(db, "DELETE FROM sync_skipped WHERE project_id = ?");
    skipped.bindAll(projectId);
    if (Result<void> done = skipped.exec(writeFailed()); !done)
        return done;
    Result<QList<Sync::Mutation>> mutations = outbox(db, projectId);
    if (!mutations)
        return mutations.error();
    Statement clear(db, "DELETE FROM sync_outbox WHERE project_id = ?");
    clear.bindAll(projectId);
    if (Result<void> cleared = clear.exec(writeFailed()); !cleared)
        return cleared;
    for (Sync::Mutation mutation : *mutations) {
        mutation.baseSeq = 0;
        if (Result<void> added = addToOutbox(db, projectId, mutation); !added)
            return added;
    }
    return {};
}

Result<void> markSeen(Storage::Handle db, const QString &projectId, const QString &table, const QString &key)
{
    Statement q(db, "UPDATE sync_bases SET seen = 1 WHERE project_id = ? AND table_name = ? AND item_key = ?");
    q.bindAll(projectId, table, key);
    return q.exec(writeFailed());
}

Result<void> recordSkipped(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, qint64 seq)
{
    // The oldest skipped change counts: the pull starts again before it.
    Statement q(db, "INSERT INTO sync_skipped (project_id, table_name, item_key, seq) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (project_id, table_name, item_key) DO NOTHING");
    q.bindAll(projectId, table, key, seq);
    return q.exec(writeFailed());
}

Result<QSet<QString>> skippedKeys(Storage::Handle db, const QString &projectId, const QString &table)
{
    return keysListed(db, "SELECT item_key FROM sync_skipped WHERE project_id = ? AND table_name = ?", projectId, table);
}

Result<qint64> takeSkipped(Storage::Handle db, const QString &projectId, const QString &table, const QString &key)
{
    Statement q(db, "DELETE FROM sync_skipped WHERE project_id = ? AND table_name = ? AND item_key = ? RETURNING seq");
    q.bindAll(projectId, table, key);
    const qint64 seq = q.next() ? q.columnInt(0) : 0;
    if (q.failed())
        return q.error(writeFailed());
    return seq;
}

Result<qint64> outboxSize(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT count(*) FROM sync_outbox WHERE project_id = ?");
    q.bindAll(projectId);
    if (!q.next())
        return q.error(readFailed());
    return q.columnInt(0);
}

Result<QHash<QString, qint64>> outboxByTable(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT json_extract(mutation, '$.table'), count(*) FROM sync_outbox WHERE project_id = ? GROUP BY 1");
    q.bindAll(projectId);
    QHash<QString, qint64> sizes;
    while (q.next())
        sizes.insert(q.columnText(0), q.columnInt(1));
    if (q.failed())
        return q.error(readFailed());
    return sizes;
}

} // namespace SyncState
} // namespace Realm::SyncClient
