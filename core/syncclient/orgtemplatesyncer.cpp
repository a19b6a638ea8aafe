// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/orgtemplatesyncer.h"

#include "common/clock.h"
#include "common/ids.h"
#include "prompts/orgprompts.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "sync/syncprotocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace Realm::SyncClient {

using Storage::Statement;
using Sync::ChangePage;
using Sync::Mutation;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::SyncClient", text);
}

constexpr int kChangesPerPage = 1000;

// The org_template_links row: where the organization's log was read up to,
// and the numbering of this workspace's changes to it.
struct OrgLink {
    QString server;
    QString clientId;
    qint64 nextNumber = 1;
    QString cursor;
};

Result<std::optional<OrgLink>> readLink(Storage::Handle db, const QString &orgId)
{
    Statement q(db, "SELECT server, client_id, next_number, cursor FROM org_template_links WHERE org_id = ?");
    q.bindAll(orgId);
    if (q.next())
        return std::optional<OrgLink>(OrgLink{q.columnText(0), q.columnText(1), q.columnInt(2), q.columnText(3)});
    if (q.failed())
        return q.error(tr("Reading the organization's sync state failed"));
    return std::optional<OrgLink>();
}

// The link, made (with a new client id) when the organization has none.
Result<OrgLink> ensureLink(Storage::Handle db, const QString &orgId, const QString &server)
{
    Result<std::optional<OrgLink>> found = readLink(db, orgId);
    if (!found)
        return found.error();
    if (*found)
        return **found;
    const OrgLink link{server, newId(), 1, QString()};
    Statement q(db, "INSERT INTO org_template_links (org_id, server, client_id) VALUES (?, ?, ?)");
    q.bindAll(orgId, server, link.clientId);
    if (Result<void> made = q.exec(tr("Saving the organization's sync state failed")); !made)
        return made.error();
    return link;
}

Result<void> run(Storage::Handle db, const char *sql, const QString &orgId, const QString &what)
{
    Statement q(db, sql);
    q.bindAll(orgId);
    return q.exec(what);
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

// An organization this workspace no longer follows: its copies and any
// change of it still waiting go.
Result<void> forget(Storage::Handle db, const QString &orgId)
{
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    const QString what = tr("Forgetting an organization's templates failed");
    if (Result<void> gone = run(db, "DELETE FROM org_template_links WHERE org_id = ?", orgId, what); !gone)
        return gone;
    if (Result<void> gone = Prompts::OrgPrompts::forgetOrg(db, orgId); !gone)
        return gone;
    return transaction.commit(what);
}

Prompts::PromptTemplate templateOf(const Sync::Change &change, const QString &orgId, const QString &orgName)
{
    Prompts::PromptTemplate prompt;
    prompt.name = change.key;
    prompt.title = change.data.value(QStringLiteral("title")).toString();
    prompt.description = change.data.value(QStringLiteral("description")).toString();
    prompt.body = change.data.value(QStringLiteral("body")).toString();
    prompt.orgId = orgId;
    prompt.orgName = orgName;
    return prompt;
}

} // namespace

QJsonObject OrgTemplateReport::toJson() const
{
    QJsonObject json{{QStringLiteral("org_id"), orgId},
                     {QStringLiteral("org"), orgName},
                     {QStringLiteral("server"), server},
                     {QStringLiteral("sent"), sent},
                     {QStringLiteral("received"), received},
                     {QStringLiteral("pending"), pending},
                     {QStringLiteral("unusable"), QJsonArray::fromStringList(unusable)}};
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return json;
}

OrgTemplateSyncer::OrgTemplateSyncer(Storage::DatabasePtr db, Sync::Transport *transport, QString server, const CancellationToken *cancel)
    : m_db(std::move(db)), m_transport(transport), m_server(std::move(server)), m_cancel(cancel)
{
}

Result<QList<OrgTemplateSyncer::Org>> OrgTemplateSyncer::accountOrgs() const
{
    Result<QJsonObject> me = m_transport->call("GET", QStringLiteral("/me"), {});
    if (!me)
        return me.error();
    QList<Org> orgs;
    for (const QJsonValue &value : me->value(QStringLiteral("orgs")).toArray()) {
        const QJsonObject org = value.toObject();
        const QString role = org.value(QStringLiteral("role")).toString();
        Org one{org.value(QStringLiteral("id")).toString(), org.value(QStringLiteral("name")).toString(),
                role == QLatin1String("admin") || role == QLatin1String("owner")};
        if (one.id.isEmpty())
            return Error::failed(tr("The server's account answer names an organization without its id."));
        orgs.append(one);
    }
    return orgs;
}

Result<OrgTemplateSyncer::Org> OrgTemplateSyncer::adminOrg(const QString &org) const
{
    Result<QList<Org>> orgs = accountOrgs();
    if (!orgs)
        return orgs.error();
    for (const Org &one : std::as_const(*orgs)) {
        if (one.id != org && one.name.compare(org, Qt::CaseInsensitive) != 0)
            continue;
        if (!one.isAdmin)
            return Error::forbidden(tr("Only the admins and owners of %1 change its templates: ask one of them.").arg(one.name));
        return one;
    }
    return Error::notFound(tr("You are in no organization named \"%1\" on %2 (realm-cli server whoami lists yours).").arg(org, m_server));
}

Result<void> OrgTemplateSyncer::queue(const Org &org, const QString &name, const QJsonObject &data, bool remove)
{
    const Storage::Handle db = m_db->handle();
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    Result<OrgLink> link = ensureLink(db, org.id, m_server);
    if (!link)
        return link.error();
    Result<std::optional<qint64>> seq = Prompts::OrgPrompts::seqOf(db, org.id, name);
    if (!seq)
        return seq.error();
    if (remove && !*seq)
        return Error::notFound(tr("%1 has no prompt template named \"%2\" (realm-cli prompt list shows the shared ones).").arg(org.name, name));
    Mutation mutation;
    mutation.number = link->nextNumber;
    mutation.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
    mutation.key = name;
    mutation.op = remove ? Mutation::Op::Delete : Mutation::Op::Upsert;
    mutation.baseSeq = seq->value_or(0);
    mutation.data = data;
    Statement add(db, "INSERT INTO org_template_outbox (org_id, number, mutation) VALUES (?, ?, ?)");
    add.bindAll(org.id, mutation.number, QString::fromUtf8(QJsonDocument(mutation.toJson()).toJson(QJsonDocument::Compact)));
    if (Result<void> added = add.exec(tr("Queuing the change failed")); !added)
        return added;
    Statement next(db, "UPDATE org_template_links SET next_number = next_number + 1 WHERE org_id = ?");
    next.bindAll(org.id);
    if (Result<void> counted = next.exec(tr("Queuing the change failed")); !counted)
        return counted;
    return transaction.commit(tr("Queuing the change failed"));
}

Result<OrgTemplateReport> OrgTemplateSyncer::publish(const QString &org, const Prompts::PromptTemplate &prompt)
{
    if (Prompts::isReadOnly(prompt))
        return Error::invalidInput(tr("Only your own templates can be published; duplicate \"%1\" under a name of yours first.").arg(prompt.name));
    if (Result<void> valid = Prompts::validatePrompt(prompt); !valid)
        return valid.error();
    Result<Org> target = adminOrg(org);
    if (!target)
        return target.error();
    const QJsonObject data{{QStringLiteral("title"), prompt.title}, {QStringLiteral("description"), prompt.description}, {QStringLiteral("body"), prompt.body}};
    if (Result<void> queued = queue(*target, prompt.name, data, false); !queued)
        return queued.error();
    return syncOne(*target);
}

Result<OrgTemplateReport> OrgTemplateSyncer::withdraw(const QString &org, const QString &name)
{
    Result<Org> target = adminOrg(org);
    if (!target)
        return target.error();
    if (Result<void> queued = queue(*target, name, {}, true); !queued)
        return queued.error();
    return syncOne(*target);
}

Result<QList<OrgTemplateReport>> OrgTemplateSyncer::syncAll()
{
    Result<QList<Org>> orgs = accountOrgs();
    if (!orgs)
        return orgs.error();
    QList<OrgTemplateReport> reports;
    QSet<QString> current;
    for (const Org &org : std::as_const(*orgs)) {
        if (cancelled())
            return Error::cancelled();
        current.insert(org.id);
        Result<OrgTemplateReport> report = syncOne(org);
        if (!report && report.error().code == Error::Code::Cancelled)
            return report.error();
        reports.append(report ? *report : OrgTemplateReport{org.id, org.name, m_server, 0, 0, 0, {}, report.error().message, report.error().code});
    }
    // Organizations of this server the account has left, or was removed from.
    Statement q(m_db->handle(), "SELECT org_id FROM org_template_links WHERE server = ?");
    q.bindAll(m_server);
    QStringList left;
    while (q.next())
        if (!current.contains(q.columnText(0)))
            left.append(q.columnText(0));
    if (q.failed())
        return q.error(tr("Reading the organizations' sync state failed"));
    for (const QString &orgId : std::as_const(left))
        if (Result<void> gone = forget(m_db->handle(), orgId); !gone)
            return gone.error();
    return reports;
}

Result<OrgTemplateReport> OrgTemplateSyncer::syncOne(const Org &org)
{
    OrgTemplateReport report{org.id, org.name, m_server, 0, 0, 0, {}, {}, Error::Code::Failed};
    if (Result<OrgLink> link = ensureLink(m_db->handle(), org.id, m_server); !link)
        return link.error();
    Result<qint64> sent = push(org);
    if (sent)
        report.sent = *sent;
    Result<qint64> received = sent ? pull(org, report) : Result<qint64>(sent.error());
    if (received)
        report.received = *received;
    if (Result<qint64> pending = pendingCount(m_db->handle(), org.id))
        report.pending = *pending;
    const Result<qint64> &failed = sent ? received : sent;
    if (!failed) {
        if (failed.error().code == Error::Code::Cancelled)
            return failed.error();
        report.error = failed.error().message;
        report.errorCode = failed.error().code;
    }
    Statement q(m_db->handle(), "UPDATE org_template_links SET last_error = ?, last_synced_at = iif(? = '', ?, last_synced_at) WHERE org_id = ?");
    q.bindAll(report.error, report.error, Clock::nowMs(), org.id);
    if (Result<void> saved = q.exec(tr("Saving the organization's sync state failed")); !saved)
        return saved.error();
    return report;
}

Result<qint64> OrgTemplateSyncer::push(const Org &org)
{
    const Storage::Handle db = m_db->handle();
    Result<QList<Mutation>> waiting = outbox(db, org.id);
    if (!waiting)
        return waiting.error();
    if (waiting->isEmpty())
        return 0;
    Result<OrgLink> link = ensureLink(db, org.id, m_server);
    if (!link)
        return link.error();
    QJsonArray mutations;
    for (const Mutation &mutation : std::as_const(*waiting))
        mutations.append(mutation.toJson());
    Result<QJsonObject> answer = m_transport->call("POST", QStringLiteral("/orgs/%1/sync/push").arg(org.id),
                                                   {{QStringLiteral("client_id"), link->clientId}, {QStringLiteral("mutations"), mutations}});
    if (!answer) {
        // Changes the server will never take (no longer an admin, or in the
        // organization) go; the user's own templates they came from stay.
        if (answer.error().code == Error::Code::Forbidden || answer.error().code == Error::Code::NotFound) {
            if (Result<void> dropped = run(db, "DELETE FROM org_template_outbox WHERE org_id = ?", org.id, tr("Dropping the changes failed")); !dropped)
                return dropped.error();
            return Error{answer.error().code, tr("%1 did not take your changes to its templates: %2 They were dropped here; your own templates are as they were.")
                                                  .arg(org.name, answer.error().message)};
        }
        return answer.error();
    }
    Result<Sync::PushResult> pushed = Sync::PushResult::fromJson(*answer);
    if (!pushed)
        return Error::failed(tr("The server's answer to the changes cannot be read: %1").arg(pushed.error().message));
    qint64 answered = 0;
    for (const Sync::MutationResult &result : std::as_const(pushed->results))
        answered = std::max(answered, result.number);
    Statement done(db, "DELETE FROM org_template_outbox WHERE org_id = ? AND number <= ?");
    done.bindAll(org.id, answered);
    if (Result<void> forgotten = done.exec(tr("Saving the server's answer failed")); !forgotten)
        return forgotten.error();
    return qint64(pushed->results.size());
}

Result<qint64> OrgTemplateSyncer::pull(const Org &org, OrgTemplateReport &report)
{
    const Storage::Handle db = m_db->handle();
    Result<std::optional<OrgLink>> link = readLink(db, org.id);
    if (!link)
        return link.error();
    QString cursor = *link ? (*link)->cursor : QString();
    // A list from the start (the first pull, or one the server restarted)
    // replaces every copy; a list from a cursor changes the ones it names.
    bool fromStart = cursor.isEmpty();
    QList<Sync::Change> changes;
    for (;;) {
        if (cancelled())
            return Error::cancelled();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("cursor"), cursor);
        query.addQueryItem(QStringLiteral("limit"), QString::number(kChangesPerPage));
        if (fromStart)
            query.addQueryItem(QStringLiteral("from_start"), QStringLiteral("true"));
        Result<QJsonObject> answer =
            m_transport->call("GET", QStringLiteral("/orgs/%1/sync/changes?%2").arg(org.id, query.toString(QUrl::FullyEncoded)), {});
        if (!answer)
            return answer.error();
        Result<ChangePage> page = ChangePage::fromJson(*answer);
        if (!page)
            return Error::failed(tr("The server's list of template changes cannot be read: %1").arg(page.error().message));
        if (page->reset != ChangePage::Reset::None && !fromStart) {
            fromStart = true;
            changes.clear();
        }
        changes += page->changes;
        cursor = page->cursor.toText();
        if (!page->hasMore)
            break;
    }
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (fromStart)
        if (Result<void> cleared = Prompts::OrgPrompts::forgetOrg(db, org.id); !cleared)
            return cleared.error();
    if (Result<void> named = Prompts::OrgPrompts::setOrgName(db, org.id, org.name); !named) // renamed meanwhile
        return named.error();
    qint64 applied = 0;
    for (const Sync::Change &change : std::as_const(changes)) {
        if (change.table != QLatin1String(Sync::Tables::kPromptTemplates))
            continue; // a table of a newer server
        Result<void> done = change.deleted ? Prompts::OrgPrompts::remove(db, org.id, change.key)
                                           : Prompts::OrgPrompts::store(db, {templateOf(change, org.id, org.name), change.seq, change.changedBy, change.changedAtMs});
        if (!done && done.error().code == Error::Code::InvalidInput) {
            report.unusable.append(change.key);
            continue;
        }
        if (!done)
            return done.error();
        if (!change.deleted || !fromStart)
            ++applied;
    }
    Statement save(db, "UPDATE org_template_links SET cursor = ? WHERE org_id = ?");
    save.bindAll(cursor, org.id);
    if (Result<void> saved = save.exec(tr("Saving the organization's sync state failed")); !saved)
        return saved.error();
    if (Result<void> committed = transaction.commit(tr("Saving %1's templates failed").arg(org.name)); !committed)
        return committed.error();
    return applied;
}

} // namespace Realm::SyncClient
