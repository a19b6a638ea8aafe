// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/orgtemplatestate.h"

#include "common/ids.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "syncclient/orgtemplatecopies.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Realm::SyncClient::OrgTemplateState {

using Storage::Statement;
using Sync::Mutation;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::SyncClient", text);
}

QString readFailed()
{
    return tr("Reading the organization's sync state failed");
}

QString saveFailed()
{
    return tr("Saving the organization's sync state failed");
}

QString jsonText(const Mutation &mutation)
{
    return QString::fromUtf8(QJsonDocument(mutation.toJson()).toJson(QJsonDocument::Compact));
}

Link linkFrom(const Statement &q)
{
    return Link{q.columnText(0), q.columnText(1), q.columnText(2), q.columnText(3), q.columnInt(4), q.columnText(5), q.columnText(6),
                q.columnIsNull(7) ? std::nullopt : std::optional<qint64>(q.columnInt(7)), q.columnText(8)};
}

constexpr char kLinkColumns[] =
    "SELECT org_id, org_name, server, client_id, next_number, cursor, user_id, last_synced_at, last_error FROM org_template_links ";

Result<QList<Link>> linksFrom(Statement &q)
{
    QList<Link> links;
    while (q.next())
        links.append(linkFrom(q));
    if (q.failed())
        return q.error(readFailed());
    return links;
}

Result<void> exec(Storage::Handle db, const char *sql, const QString &orgId, const QString &what)
{
    Statement q(db, sql);
    q.bindAll(orgId);
    return q.exec(what);
}

} // namespace

Result<std::optional<Link>> link(Storage::Handle db, const QString &orgId)
{
    Statement q(db, QString::fromLatin1(kLinkColumns) + QStringLiteral("WHERE org_id = ?"));
    q.bindAll(orgId);
    if (q.next())
        return std::optional<Link>(linkFrom(q));
    if (q.failed())
        return q.error(readFailed());
    return std::optional<Link>();
}

Result<Link> ensureLink(Storage::Handle db, const QString &orgId, const QString &orgName, const QString &server)
{
    Statement q(db, "INSERT INTO org_template_links (org_id, org_name, server, client_id) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (org_id) DO UPDATE SET org_name = excluded.org_name, server = excluded.server");
    q.bindAll(orgId, orgName, server, newId());
    if (Result<void> saved = q.exec(saveFailed()); !saved)
        return saved.error();
    Result<std::optional<Link>> found = link(db, orgId);
    if (!found)
        return found.error();
    if (!*found)
        return Error::failed(saveFailed());
    return **found;
}

Result<QList<Link>> linksOn(Storage::Handle db, const QString &server)
{
    Statement q(db, QString::fromLatin1(kLinkColumns) + QStringLiteral("WHERE server = ?"));
    q.bindAll(server);
    return linksFrom(q);
}

Result<QList<Link>> links(Storage::Handle db)
{
    Statement q(db, QString::fromLatin1(kLinkColumns) + QStringLiteral("ORDER BY org_name, org_id"));
    return linksFrom(q);
}

Result<void> setCursor(Storage::Handle db, const QString &orgId, const QString &cursor)
{
    Statement q(db, "UPDATE org_template_links SET cursor = ? WHERE org_id = ?");
    q.bindAll(cursor, orgId);
    return q.exec(saveFailed());
}

Result<void> recordSync(Storage::Handle db, const QString &orgId, const QString &error, qint64 nowMs)
{
    Statement q(db, "UPDATE org_template_links SET last_error = ?, last_synced_at = iif(? = '', ?, last_synced_at) WHERE org_id = ?");
    q.bindAll(error, error, nowMs, orgId);
    return q.exec(saveFailed());
}

Result<void> queue(Storage::Handle db, const QString &orgId, const QString &userId, Mutation mutation)
{
    const QString what = tr("Queuing the change failed");
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    Result<std::optional<Link>> found = link(db, orgId);
    if (!found)
        return found.error();
    if (!*found)
        return Error::failed(what);
    mutation.number = (*found)->nextNumber;
    Statement add(db, "INSERT INTO org_template_outbox (org_id, number, mutation) VALUES (?, ?, ?)");
    add.bindAll(orgId, mutation.number, jsonText(mutation));
    if (Result<void> added = add.exec(what); !added)
        return added;
    Statement counted(db, "UPDATE org_template_links SET next_number = next_number + 1, user_id = ? WHERE org_id = ?");
    counted.bindAll(userId, orgId);
    if (Result<void> done = counted.exec(what); !done)
        return done;
    return transaction.commit(what);
}

Result<QList<Mutation>> outbox(Storage::Handle db, const QString &orgId)
{
    Statement q(db, "SELECT mutation FROM org_template_outbox WHERE org_id = ? ORDER BY number");
    q.bindAll(orgId);
    QList<Mutation> mutations;
    while (q.next()) {
        Result<Mutation> mutation = Mutation::fromJson(QJsonDocument::fromJson(q.columnText(0).toUtf8()).object());
        if (!mutation)
            return mutation.error();
        mutations.append(*mutation);
    }
    if (q.failed())
        return q.error(tr("Reading the organization's waiting changes failed"));
    return mutations;
}

Result<qint64> pendingCount(Storage::Handle db, const QString &orgId)
{
    Statement q(db, "SELECT COUNT(*) FROM org_template_outbox WHERE org_id = ?");
    q.bindAll(orgId);
    if (!q.next())
        return q.error(tr("Reading the organization's waiting changes failed"));
    return q.columnInt(0);
}

Result<void> forgetAnswered(Storage::Handle db, const QString &orgId, const QString &clientId, qint64 number)
{
    Statement q(db, "DELETE FROM org_template_outbox WHERE org_id = ? AND number <= ? "
                    "AND EXISTS (SELECT 1 FROM org_template_links WHERE org_id = ? AND client_id = ?)");
    q.bindAll(orgId, number, orgId, clientId);
    return q.exec(tr("Saving the server's answer failed"));
}

Result<void> renumber(Storage::Handle db, const QString &orgId, const QString &clientId, const QList<qint64> &dropped)
{
    const QString what = saveFailed();
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    Result<std::optional<Link>> current = link(db, orgId);
    if (!current)
        return current.error();
    if (!*current || (*current)->clientId != clientId)
        return {};
    for (const qint64 number : dropped) {
        Statement drop(db, "DELETE FROM org_template_outbox WHERE org_id = ? AND number = ?");
        drop.bindAll(orgId, number);
        if (Result<void> gone = drop.exec(what); !gone)
            return gone;
    }
    Statement renamed(db, "UPDATE org_template_links SET client_id = ? WHERE org_id = ?");
    renamed.bindAll(newId(), orgId);
    if (Result<void> done = renamed.exec(what); !done)
        return done;
    return transaction.commit(what);
}

Result<void> rebaseOutbox(Storage::Handle db, const QString &orgId)
{
    Result<QList<Mutation>> waiting = outbox(db, orgId);
    if (!waiting)
        return waiting.error();
    for (Mutation &mutation : *waiting) {
        const OrgTemplateCopies *copies = orgTemplateCopies(mutation.table);
        Result<std::optional<qint64>> seq = copies ? copies->rows->seqOf(db, orgId, mutation.key) : Result<std::optional<qint64>>(std::nullopt);
        if (!seq)
            return seq.error();
        mutation.baseSeq = seq->value_or(0);
        Statement save(db, "UPDATE org_template_outbox SET mutation = ? WHERE org_id = ? AND number = ?");
        save.bindAll(jsonText(mutation), orgId, mutation.number);
        if (Result<void> saved = save.exec(saveFailed()); !saved)
            return saved;
    }
    return {};
}

Result<void> setUnusable(Storage::Handle db, const QString &orgId, const QString &table, const QString &name, std::optional<qint64> seq)
{
    if (!seq) {
        Statement q(db, "DELETE FROM org_template_unusable WHERE org_id = ? AND table_name = ? AND name = ?");
        q.bindAll(orgId, table, name);
        return q.exec(saveFailed());
    }
    Statement q(db, "INSERT INTO org_template_unusable (org_id, table_name, name, seq) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (org_id, table_name, name) DO UPDATE SET seq = excluded.seq");
    q.bindAll(orgId, table, name, *seq);
    return q.exec(saveFailed());
}

Result<void> forgetUnusable(Storage::Handle db, const QString &orgId)
{
    return exec(db, "DELETE FROM org_template_unusable WHERE org_id = ?", orgId, saveFailed());
}

Result<std::optional<qint64>> unusableSeq(Storage::Handle db, const QString &orgId, const QString &table, const QString &name)
{
    Statement q(db, "SELECT seq FROM org_template_unusable WHERE org_id = ? AND table_name = ? AND name = ?");
    q.bindAll(orgId, table, name);
    if (q.next())
        return std::optional<qint64>(q.columnInt(0));
    if (q.failed())
        return q.error(readFailed());
    return std::optional<qint64>();
}

Result<void> forget(Storage::Handle db, const QString &orgId)
{
    const QString what = tr("Forgetting an organization's templates failed");
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (Result<void> gone = exec(db, "DELETE FROM org_template_links WHERE org_id = ?", orgId, what); !gone) // its outbox with it
        return gone;
    for (const OrgTemplateCopies &copies : allOrgTemplateCopies())
        if (Result<void> gone = copies.rows->forgetOrg(db, orgId); !gone)
            return gone;
    return transaction.commit(what);
}

} // namespace Realm::SyncClient::OrgTemplateState
