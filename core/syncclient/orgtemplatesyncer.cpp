// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/orgtemplatesyncer.h"

#include "common/clock.h"
#include "storage/transaction.h"
#include "sync/syncprotocol.h"
#include "syncclient/orgtemplatecopies.h"
#include "syncclient/orgtemplatestate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace Realm::SyncClient {

using Sync::ChangePage;
using Sync::Mutation;
namespace State = OrgTemplateState;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::SyncClient", text);
}

constexpr int kChangesPerPage = 1000;
// A push carries at most this many changes, in at most half of what the
// server takes in one request.
constexpr qsizetype kMutationsPerPush = 100;

// The first of the waiting changes, as many as one push carries.
QList<Mutation> firstBatch(const QList<Mutation> &waiting)
{
    QList<Mutation> batch;
    qint64 bytes = 0;
    for (const Mutation &mutation : waiting) {
        const qint64 size = QJsonDocument(mutation.toJson()).toJson(QJsonDocument::Compact).size();
        if (!batch.isEmpty() && (batch.size() == kMutationsPerPush || bytes + size > Sync::kMaxPushBytes / 2))
            break;
        batch.append(mutation);
        bytes += size;
    }
    return batch;
}

} // namespace

Result<AccountOrgs> accountOrgsFrom(const QJsonObject &me)
{
    // Read wrong, "a member of nothing" would make a sync forget every
    // organization here.
    if (!me.value(QStringLiteral("orgs")).isArray() || me.value(QStringLiteral("id")).toString().isEmpty())
        return Error::failed(tr("The server's account answer has no list of organizations."));
    AccountOrgs account;
    account.userId = me.value(QStringLiteral("id")).toString();
    account.complete = !me.contains(QStringLiteral("api_key_org_id"));
    for (const QJsonValue &value : me.value(QStringLiteral("orgs")).toArray()) {
        const QJsonObject org = value.toObject();
        const QString role = org.value(QStringLiteral("role")).toString();
        AccountOrgs::Org one{org.value(QStringLiteral("id")).toString(), org.value(QStringLiteral("name")).toString(),
                             role == QLatin1String("admin") || role == QLatin1String("owner")};
        if (one.id.isEmpty())
            return Error::failed(tr("The server's account answer names an organization without its id."));
        account.orgs.append(one);
    }
    return account;
}

QJsonObject OrgTemplateName::toJson() const
{
    const QString kindName = kind == TemplateKind::Prompt ? QStringLiteral("prompt")
                             : kind == TemplateKind::Doc  ? QStringLiteral("doc_template")
                                                          : QStringLiteral("starter");
    return {{QStringLiteral("kind"), kindName}, {QStringLiteral("name"), name}};
}

namespace {
QJsonArray namesToJson(const QList<OrgTemplateName> &names)
{
    QJsonArray array;
    for (const OrgTemplateName &one : names)
        array.append(one.toJson());
    return array;
}
} // namespace

QJsonObject OrgTemplateReport::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), QStringLiteral("org_templates")},
                     {QStringLiteral("org_id"), orgId},
                     {QStringLiteral("org"), orgName},
                     {QStringLiteral("server"), server},
                     {QStringLiteral("sent"), sent},
                     {QStringLiteral("received"), received},
                     {QStringLiteral("pending"), pending},
                     {QStringLiteral("kept"), namesToJson(kept)},
                     {QStringLiteral("unusable"), namesToJson(unusable)}};
    if (unsupported)
        json.insert(QStringLiteral("unsupported"), true);
    if (left)
        json.insert(QStringLiteral("left"), true);
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return json;
}

OrgTemplateSyncer::OrgTemplateSyncer(Storage::DatabasePtr db, Sync::Transport *transport, QString server, const CancellationToken *cancel)
    : m_db(std::move(db)), m_transport(transport), m_server(std::move(server)), m_cancel(cancel)
{
}

Result<AccountOrgs> OrgTemplateSyncer::account()
{
    Result<QJsonObject> me = m_transport->call("GET", QStringLiteral("/me"), {});
    Result<AccountOrgs> account = me ? accountOrgsFrom(*me) : Result<AccountOrgs>(me.error());
    if (account) {
        m_userId = account->userId;
        m_viaKey = !account->complete;
    }
    return account;
}

Result<OrgTemplateSyncer::Org> OrgTemplateSyncer::adminOrg(const QString &org)
{
    Result<AccountOrgs> account = this->account();
    if (!account)
        return account.error();
    for (const Org &one : std::as_const(account->orgs)) {
        if (one.id != org && one.name.compare(org, Qt::CaseInsensitive) != 0)
            continue;
        if (!one.isAdmin)
            return Error::forbidden(tr("Only the admins and owners of %1 change its templates: ask one of them.").arg(one.name));
        return one;
    }
    return Error::notFound(tr("You are in no organization named \"%1\" on %2 (realm-cli server whoami lists yours).").arg(org, m_server));
}

Result<OrgTemplateReport> OrgTemplateSyncer::publish(const QString &org, const Prompts::PromptTemplate &prompt)
{
    if (Prompts::isReadOnly(prompt))
        return Error::invalidInput(tr("Only your own templates can be published; duplicate \"%1\" under a name of yours first.").arg(prompt.name));
    if (Result<void> valid = Prompts::validatePrompt(prompt); !valid)
        return valid.error();
    const QJsonObject data{{QStringLiteral("title"), prompt.title}, {QStringLiteral("description"), prompt.description}, {QStringLiteral("body"), prompt.body}};
    return change(org, TemplateKind::Prompt, prompt.name, data, false);
}

Result<OrgTemplateReport> OrgTemplateSyncer::publish(const QString &org, const Docs::DocTemplate &docTemplate)
{
    if (Docs::isReadOnly(docTemplate))
        return Error::invalidInput(tr("Only your own templates can be published; copy \"%1\" under a name of yours first.").arg(docTemplate.name));
    if (Result<void> valid = Docs::validateTemplate(docTemplate); !valid)
        return valid.error();
    const QJsonObject data{{QStringLiteral("kind"), docTemplate.kind}, {QStringLiteral("body"), docTemplate.body}, {QStringLiteral("prompt"), docTemplate.prompt}};
    return change(org, TemplateKind::Doc, docTemplate.name, data, false);
}

Result<OrgTemplateReport> OrgTemplateSyncer::publish(const QString &org, const Starters::StarterTemplate &starter)
{
    if (Starters::isReadOnly(starter))
        return Error::invalidInput(tr("Only your own templates can be published; save \"%1\" under a name of yours first.").arg(starter.id));
    Result<QByteArray> archive = starter.toArchive();
    if (!archive)
        return archive.error();
    const QJsonObject data{{QStringLiteral("title"), starter.title},
                           {QStringLiteral("description"), starter.description},
                           {QStringLiteral("archive"), QString::fromLatin1(archive->toBase64())}};
    return change(org, TemplateKind::Starter, starter.id, data, false);
}

Result<OrgTemplateReport> OrgTemplateSyncer::withdraw(const QString &org, const QString &name, TemplateKind kind)
{
    return change(org, kind, name, {}, true);
}

Result<OrgTemplateReport> OrgTemplateSyncer::change(const QString &org, TemplateKind kind, const QString &name, const QJsonObject &data, bool remove)
{
    const OrgTemplateCopies &copies = orgTemplateCopies(kind);
    Mutation mutation;
    mutation.table = QString::fromLatin1(copies.table);
    mutation.key = name;
    mutation.op = remove ? Mutation::Op::Delete : Mutation::Op::Upsert;
    mutation.data = data;
    // Nothing waits that the server would refuse for good.
    if (Result<void> valid = Sync::checkOrgTemplateChange(mutation); !valid)
        return valid.error();
    Result<Org> target = adminOrg(org);
    if (!target)
        return target.error();
    // Read first, so that the change is based on the template as it is now
    // (a withdrawal of one edited meanwhile is then refused, not blind).
    Result<OrgTemplateReport> before = syncOne(*target);
    if (!before && before.error().code == Error::Code::Cancelled)
        return Error{Error::Code::Cancelled, tr("Cancelled: nothing was changed.")};
    if (!before)
        return before.error();
    if (!before->error.isEmpty())
        return Error{before->errorCode, before->error};
    if (before->unsupported)
        return Error::notFound(tr("%1 keeps no organizations' templates (a realm-server from before them): update it first.").arg(m_server));
    const Storage::Handle db = m_db->handle();
    Result<std::optional<qint64>> seq = copies.rows->seqOf(db, target->id, name);
    // One this REALM cannot use has no copy, but a seq all the same.
    if (seq && !*seq)
        seq = State::unusableSeq(db, target->id, mutation.table, name);
    if (!seq)
        return seq.error();
    if (remove && !*seq)
        return Error::notFound((kind == TemplateKind::Prompt ? tr("%1 has no prompt template named \"%2\" (realm-cli prompt list shows the shared ones).")
                                : kind == TemplateKind::Doc  ? tr("%1 has no documentation template named \"%2\" (realm-cli docs template list shows the shared ones).")
                                                             : tr("%1 has no starter template named \"%2\" (realm-cli template list shows the shared ones)."))
                                   .arg(target->name, name));
    mutation.baseSeq = seq->value_or(0);
    if (Result<void> queued = State::queue(db, target->id, m_userId, mutation); !queued)
        return queued.error();
    Result<OrgTemplateReport> after = syncOne(*target);
    // Cancelled once queued: the server took it, or it waits for the next
    // sync (which may find it taken): either way it is not undone, and said.
    if (!after && after.error().code == Error::Code::Cancelled) {
        Result<qint64> waits = State::pendingCount(db, target->id);
        if (waits && *waits == 0)
            return Error{Error::Code::Cancelled, tr("Cancelled after the server took the change: it is done.")};
        return Error{Error::Code::Cancelled, tr("Cancelled: the change waits here, and the next sync sends it (realm-cli sync status shows what waits).")};
    }
    if (after) { // what the read before did belongs to this answer too
        after->received += before->received;
        after->sent += before->sent;
        after->kept = before->kept + after->kept;
        after->unusable = before->unusable + after->unusable;
    }
    return after;
}

Result<QList<OrgTemplateReport>> OrgTemplateSyncer::syncAll()
{
    Result<AccountOrgs> account = this->account();
    if (!account)
        return account.error();
    QList<OrgTemplateReport> reports;
    QSet<QString> current;
    for (const Org &org : std::as_const(account->orgs)) {
        if (cancelled())
            return Error::cancelled();
        current.insert(org.id);
        Result<OrgTemplateReport> report = syncOne(org);
        if (!report && report.error().code == Error::Code::Cancelled)
            return report.error();
        if (report) {
            reports.append(*report);
            continue;
        }
        OrgTemplateReport failed;
        failed.orgId = org.id;
        failed.orgName = org.name;
        failed.server = m_server;
        failed.error = report.error().message;
        failed.errorCode = report.error().code;
        reports.append(failed);
    }
    // An API key sees its own organization only: the others are not left.
    if (!account->complete)
        return reports;
    // Organizations of this server the account has left, or was removed from.
    Result<QList<State::Link>> links = State::linksOn(m_db->handle(), m_server);
    if (!links)
        return links.error();
    for (const State::Link &link : std::as_const(*links)) {
        if (current.contains(link.orgId))
            continue;
        Result<qint64> waiting = State::pendingCount(m_db->handle(), link.orgId);
        if (!waiting)
            return waiting.error();
        if (Result<void> gone = State::forget(m_db->handle(), link.orgId); !gone)
            return gone.error();
        OrgTemplateReport gone;
        gone.orgId = link.orgId;
        gone.orgName = link.orgName;
        gone.server = m_server;
        gone.left = true;
        if (*waiting > 0) {
            gone.errorCode = Error::Code::NotFound;
            gone.error = QCoreApplication::translate("Realm::SyncClient",
                                                     "You are no longer in %1: %n change(s) to its templates that waited here were dropped; "
                                                     "your own templates are as they were.",
                                                     nullptr, int(*waiting))
                             .arg(link.orgName);
        }
        reports.append(gone);
    }
    return reports;
}

Result<OrgTemplateReport> OrgTemplateSyncer::syncOne(const Org &org)
{
    OrgTemplateReport report;
    report.orgId = org.id;
    report.orgName = org.name;
    report.server = m_server;
    if (Result<State::Link> link = State::ensureLink(m_db->handle(), org.id, org.name, m_server); !link)
        return link.error();
    // The push's failure is the one said; the pull goes on regardless (what
    // waits here does not hold back what the others changed). With changes
    // waiting, a pull first: after a server restore they are based on what
    // the server has now (a withdrawal of a template edited since is then
    // refused, not blind).
    std::optional<Error> failure;
    Result<qint64> waiting = State::pendingCount(m_db->handle(), org.id);
    if (!waiting)
        return waiting.error();
    if (*waiting > 0) {
        Result<qint64> first = pull(org, report);
        if (!first)
            failure = first.error();
        else
            report.received += *first;
    }
    if (failure && failure->code == Error::Code::Cancelled)
        return *failure;
    if (failure) {
        // Not sent on a view that may be out of date.
    } else if (Result<qint64> sent = push(org, report))
        report.sent = *sent;
    else
        failure = sent.error();
    if (failure && failure->code == Error::Code::Cancelled)
        return *failure;
    if (Result<qint64> received = pull(org, report))
        report.received += *received;
    else if (received.error().code == Error::Code::Cancelled)
        return received.error();
    else if (!failure)
        failure = received.error();
    if (Result<qint64> pending = State::pendingCount(m_db->handle(), org.id))
        report.pending = *pending;
    if (failure) {
        report.error = failure->message;
        report.errorCode = failure->code;
    }
    if (Result<void> saved = State::recordSync(m_db->handle(), org.id, report.error, Clock::nowMs()); !saved)
        return saved.error();
    return report;
}

Result<bool> OrgTemplateSyncer::orgStillThere(const Org &org)
{
    Result<AccountOrgs> account = this->account();
    if (!account)
        return account.error();
    return std::any_of(account->orgs.cbegin(), account->orgs.cend(), [&org](const Org &one) { return one.id == org.id; });
}

Result<qint64> OrgTemplateSyncer::push(const Org &org, OrgTemplateReport &report)
{
    const Storage::Handle db = m_db->handle();
    qint64 answered = 0;
    bool renamed = false;
    // After a refusal of a batch, one change at a time: the one refused is
    // found, dropped, and the others go on.
    bool oneAtATime = false;
    std::optional<Error> refused;
    for (;;) {
        if (cancelled())
            return Error::cancelled();
        Result<QList<Mutation>> waiting = State::outbox(db, org.id);
        if (!waiting)
            return waiting.error();
        if (waiting->isEmpty()) {
            if (refused)
                return *refused;
            return answered;
        }
        Result<std::optional<State::Link>> link = State::link(db, org.id);
        if (!link || !*link)
            return link ? Error::failed(tr("Reading the organization's sync state failed")) : link.error();
        // Changes another account made here are never sent as this one's.
        if (!(*link)->userId.isEmpty() && !m_userId.isEmpty() && (*link)->userId != m_userId)
            return Error::forbidden(QCoreApplication::translate("Realm::SyncClient",
                                                                "%n change(s) to %1's templates were made here by another account: they wait for it to sign in again.",
                                                                nullptr, int(waiting->size()))
                                        .arg(org.name));
        const QString clientId = (*link)->clientId;
        const QList<Mutation> batch = oneAtATime ? waiting->mid(0, 1) : firstBatch(*waiting);
        QJsonArray mutations;
        for (const Mutation &mutation : batch)
            mutations.append(mutation.toJson());
        Result<QJsonObject> answer = m_transport->call("POST", QStringLiteral("/orgs/%1/sync/push").arg(org.id),
                                                       {{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}});
        if (!answer) {
            const Error::Code code = answer.error().code;
            // The server lost this client's numbers (a restore), or the id
            // is someone else's: the same changes again under a new id
            // (which may start at any number).
            if (code == Error::Code::Conflict && !renamed) {
                renamed = true;
                if (Result<void> again = State::renumber(db, org.id, clientId, {}); !again)
                    return again.error();
                continue;
            }
            // A change the server's rules refuse (this REALM checked it by
            // its own: a server older or stricter than it, which does not
            // hold that kind of template): refused for good, unlike a
            // proxy's 413 or a server error. Found one at a time, dropped,
            // said; the others go on.
            if (code == Error::Code::InvalidInput && batch.size() > 1) {
                oneAtATime = true;
                continue;
            }
            if (code == Error::Code::InvalidInput) {
                if (Result<void> dropped = State::renumber(db, org.id, clientId, {batch.first().number}); !dropped)
                    return dropped.error();
                refused = Error{code, tr("%1 did not take your change to %2: %3 It was dropped here (if %4 is older than this REALM, update it first).")
                                          .arg(org.name, batch.first().key, answer.error().message, m_server)};
                continue;
            }
            // Refused for good: the account is no longer an admin there (a
            // key's cap is not final: the person may be), or no longer in
            // it (as /me says, not a proxy's 404 during a deploy).
            bool goneForGood = code == Error::Code::Forbidden && !m_viaKey;
            if (code == Error::Code::NotFound) {
                Result<bool> there = orgStillThere(org);
                if (!there)
                    return answer.error();
                goneForGood = !*there;
            }
            if (!goneForGood)
                return answer.error();
            // Never taken, never to be: dropped, and the rest go on under a
            // new id (no gap in its numbers).
            QList<qint64> numbers;
            for (const Mutation &mutation : batch)
                numbers.append(mutation.number);
            if (Result<void> dropped = State::renumber(db, org.id, clientId, numbers); !dropped)
                return dropped.error();
            return Error{code, tr("%1 did not take your changes to its templates: %2 They were dropped here; your own templates are as they were.")
                                   .arg(org.name, answer.error().message)};
        }
        Result<Sync::PushResult> pushed = Sync::PushResult::fromJson(*answer);
        if (!pushed)
            return Error::failed(tr("The server's answer to the changes cannot be read: %1").arg(pushed.error().message));
        qint64 last = 0;
        for (const Sync::MutationResult &result : std::as_const(pushed->results)) {
            last = std::max(last, result.number);
            if (result.outcome == Sync::MutationResult::Outcome::Kept)
                for (const Mutation &mutation : batch)
                    if (const OrgTemplateCopies *copies = orgTemplateCopies(mutation.table); copies && mutation.number == result.number)
                        report.kept.append({copies->kind, mutation.key});
        }
        if (last < batch.last().number)
            return Error::failed(tr("The server answered %1 of the %2 changes sent.").arg(pushed->results.size()).arg(batch.size()));
        if (Result<void> forgotten = State::forgetAnswered(db, org.id, clientId, last); !forgotten)
            return forgotten.error();
        answered += pushed->results.size();
    }
}

Result<qint64> OrgTemplateSyncer::pull(const Org &org, OrgTemplateReport &report)
{
    const Storage::Handle db = m_db->handle();
    Result<std::optional<State::Link>> link = State::link(db, org.id);
    if (!link)
        return link.error();
    QString cursor = *link ? (*link)->cursor : QString();
    // A list from the start (the first pull, or one the server restarted)
    // replaces every copy; a list from a cursor changes the ones it names.
    bool fromStart = cursor.isEmpty();
    bool reset = false;
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
        if (!answer && answer.error().code == Error::Code::NotFound) {
            // A realm-server from before organizations' templates has no
            // such route: nothing to do there.
            Result<bool> there = orgStillThere(org);
            if (there && *there) {
                report.unsupported = true;
                return 0;
            }
        }
        if (!answer)
            return answer.error();
        Result<ChangePage> page = ChangePage::fromJson(*answer);
        if (!page)
            return Error::failed(tr("The server's list of template changes cannot be read: %1").arg(page.error().message));
        // Any restart, even of a list from the start: what came before
        // belongs to a log the server no longer has.
        if (page->reset != ChangePage::Reset::None) {
            fromStart = reset = true;
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
        if (Result<void> cleared = State::forgetUnusable(db, org.id); !cleared)
            return cleared.error();
    for (const OrgTemplateCopies &copies : allOrgTemplateCopies()) {
        if (fromStart)
            if (Result<void> cleared = copies.rows->forgetOrg(db, org.id); !cleared)
                return cleared.error();
        if (Result<void> named = copies.rows->setOrgName(db, org.id, org.name); !named) // renamed meanwhile
            return named.error();
    }
    qint64 applied = 0;
    for (const Sync::Change &change : std::as_const(changes)) {
        const OrgTemplateCopies *copies = orgTemplateCopies(change.table);
        if (!copies)
            continue;
        Result<void> done = change.deleted ? copies->rows->remove(db, org.id, change.key) : copies->store(db, change, org.id, org.name);
        std::optional<qint64> unusableAt;
        if (!done && done.error().code == Error::Code::InvalidInput) {
            // Not a template REALM can use: no copy here either (an older
            // one would be what the organization no longer has), only its seq.
            report.unusable.append({copies->kind, change.key});
            unusableAt = change.seq;
            done = copies->rows->remove(db, org.id, change.key);
        }
        if (done)
            done = State::setUnusable(db, org.id, change.table, change.key, unusableAt);
        if (!done)
            return done.error();
        if (!change.deleted || !fromStart)
            ++applied;
    }
    if (reset)
        if (Result<void> rebased = State::rebaseOutbox(db, org.id); !rebased)
            return rebased.error();
    if (Result<void> saved = State::setCursor(db, org.id, cursor); !saved)
        return saved.error();
    if (Result<void> committed = transaction.commit(tr("Saving %1's templates failed").arg(org.name)); !committed)
        return committed.error();
    return applied;
}

} // namespace Realm::SyncClient
