// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncserver/projectsync.h"

#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "common/clock.h"
#include "common/crashpoint.h"
#include "sync/textmerge.h"
#include "syncserver/changelog.h"
#include "syncserver/contentstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Realm::SyncServer {

using Auth::ProjectRole;
using ChangeLog::Item;
using Sync::Mutation;
using Sync::MutationResult;
using Outcome = Sync::MutationResult::Outcome;

struct Detail::SyncTarget {
    enum class Kind { Project, OrgTemplates };
    Kind kind = Kind::Project;
    QString id; // the project's, or the organization's

    QString scopeId() const { return kind == Kind::Project ? id : QStringLiteral("org:") + id; }
    bool holds(const QString &table) const
    {
        return kind == Kind::Project ? Sync::Tables::isProjectTable(table) : Sync::Tables::isOrgTable(table);
    }
};

namespace {

using Target = Detail::SyncTarget;

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::SyncServer", text);
}

constexpr qsizetype kMaxKeyChars = 200;
// Results kept per client for retries.
constexpr qint64 kKeptResults = 1000;
constexpr qsizetype kMaxClientIdChars = 100;
constexpr qsizetype kMaxStatusHashes = 10000;

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString contentHash(const QJsonObject &data)
{
    return data.value(QStringLiteral("sha256")).toString();
}

// The contents an item refers to: a file's, or every file of a version.
QStringList contentsOf(const QString &table, const QJsonObject &data)
{
    if (table == QLatin1String(Sync::Tables::kFiles))
        return {contentHash(data)};
    QStringList hashes;
    if (table == QLatin1String(Sync::Tables::kVersions))
        for (const QJsonValue &file : data.value(QStringLiteral("files")).toArray())
            if (!contentHash(file.toObject()).isEmpty())
                hashes.append(contentHash(file.toObject()));
    return hashes;
}

Result<void> checkMutation(const Mutation &mutation, qint64 maxItemBytes, const Target &target)
{
    if (!target.holds(mutation.table))
        return Error::invalidInput(target.kind == Target::Kind::Project
                                       ? tr("\"%1\" is not something a project syncs.").arg(mutation.table)
                                       : tr("\"%1\" is not something an organization's templates hold.").arg(mutation.table));
    if (target.kind == Target::Kind::OrgTemplates)
        return Sync::checkOrgTemplateChange(mutation);
    const bool isFile = mutation.table == QLatin1String(Sync::Tables::kFiles);
    if (isFile ? !Sync::isValidFilePath(mutation.key) : mutation.key.size() > kMaxKeyChars)
        return Error::invalidInput(tr("\"%1\" is not a valid key for %2.").arg(mutation.key.left(kMaxKeyChars), mutation.table));
    // The version of the history a file's change belongs to: an id.
    if (const QJsonValue version = mutation.data.value(QStringLiteral("version"));
        isFile && !version.isUndefined() && (!version.isString() || version.toString().isEmpty() || version.toString().size() > kMaxKeyChars))
        return Error::invalidInput(tr("The change to %1 names its version with something that is not an id.").arg(mutation.key));
    if (mutation.op == Mutation::Op::Delete)
        return {};
    if (QJsonDocument(mutation.data).toJson(QJsonDocument::Compact).size() > maxItemBytes)
        return Error::invalidInput(tr("The change to %1 is larger than %2 bytes.").arg(mutation.key).arg(maxItemBytes));
    for (const QString &hash : contentsOf(mutation.table, mutation.data))
        if (!Sync::isSha256Hex(hash))
            return Error::invalidInput(tr("The change to %1 needs its content's SHA-256 (64 lowercase hex digits).").arg(mutation.key));
    if (isFile && !mutation.data.value(QStringLiteral("size")).isDouble())
        return Error::invalidInput(tr("The change to %1 needs its size.").arg(mutation.key));
    return {};
}

// What the conflict copy is named after.
QString displayName(const Auth::Principal &principal)
{
    // One line: it names files and goes into commit messages.
    const QString name = principal.name.simplified();
    return name.isEmpty() ? principal.email.section(QLatin1Char('@'), 0, 0) : name;
}

// The work of one push, inside its transaction and with the scope locked.
class PushRun final {
public:
    PushRun(const QSqlDatabase &db, const ProjectSync::Limits &limits, const Auth::Principal &principal, const ChangeLog::Scope &scope,
            const QString &clientId)
        : m_db(db), m_limits(limits), m_principal(principal), m_scope(scope), m_clientId(clientId), m_nowMs(Clock::nowMs()), m_lastSeq(scope.lastSeq)
    {
    }

    qint64 lastSeq() const { return m_lastSeq; }
    qint64 changesMade() const { return m_lastSeq - m_scope.lastSeq; }

    Result<MutationResult> apply(const Mutation &mutation)
    {
        Result<std::optional<Item>> current = ChangeLog::item(m_db, m_scope.id, mutation.table, mutation.key);
        if (!current)
            return current.error();
        if (mutation.op == Mutation::Op::Delete)
            return remove(mutation, *current);
        if (mutation.table != QLatin1String(Sync::Tables::kVersions))
            return upsert(mutation, *current);
        // Who made a version is the server's word, not the client's: the
        // first to send it (one sent again, after a restore, keeps its maker).
        Mutation named = mutation;
        const QString maker = *current ? (*current)->data.value(QStringLiteral("author")).toString() : QString();
        named.data.insert(QStringLiteral("author"), maker.isEmpty() ? displayName(m_principal) : maker);
        return upsert(named, *current);
    }

private:
    Result<MutationResult> upsert(const Mutation &mutation, const std::optional<Item> &current)
    {
        for (const QString &hash : contentsOf(mutation.table, mutation.data))
            if (Result<void> held = holdContent(hash); !held)
                return held.error();
        if (current && current->isLive() && current->data == mutation.data)
            return result(mutation, Outcome::Unchanged, current->seq);
        // New, based on what is there, or bringing back what was deleted
        // meanwhile (an edit beats a delete).
        const bool stale = current && current->isLive() && isStale(mutation, *current);
        if (stale && mutation.table == QLatin1String(Sync::Tables::kFiles))
            return fileEditedOnBothSides(mutation, *current);
        if (stale && !mutation.fields.isEmpty())
            return rowEditedOnBothSides(mutation, *current);
        // Anything else: the later change in the server's order wins.
        return stored(mutation, mutation.key, mutation.data, std::nullopt, Outcome::Applied);
    }

    Result<MutationResult> remove(const Mutation &mutation, const std::optional<Item> &current)
    {
        if (!current || !current->isLive())
            return result(mutation, Outcome::Unchanged, current ? current->seq : 0);
        if (isStale(mutation, *current))
            return result(mutation, Outcome::Kept, current->seq);
        // A withdrawn template's text is not handed to those who join later.
        if (mutation.table == QLatin1String(Sync::Tables::kPromptTemplates))
            return stored(mutation, mutation.key, {}, m_nowMs, Outcome::Applied);
        // The tombstone names the version of the history the delete
        // belongs to, not the one that last wrote the file.
        QJsonObject data = current->data;
        data.remove(QStringLiteral("version"));
        if (const QString version = mutation.data.value(QStringLiteral("version")).toString(); !version.isEmpty()) // checked: an id
            data.insert(QStringLiteral("version"), version);
        return stored(mutation, mutation.key, data, m_nowMs, Outcome::Applied);
    }

    // Someone else changed the item after the version this change was made
    // on. The client's own last change is never news to it: it made this
    // one after (in one push, before it knew that change's seq).
    bool isStale(const Mutation &mutation, const Item &current) const
    {
        return mutation.baseSeq < current.seq && current.changedByClient != m_clientId;
    }

    Result<MutationResult> fileEditedOnBothSides(const Mutation &mutation, const Item &current)
    {
        const QString theirs = contentHash(current.data);
        const QString mine = contentHash(mutation.data);
        // Only one side changed the content (the other its mode, say).
        if (theirs == mine || mutation.baseSha256 == theirs)
            return stored(mutation, mutation.key, mutation.data, std::nullopt, Outcome::Applied);
        Result<std::optional<QByteArray>> merged = merge(mutation.baseSha256, theirs, mine);
        if (!merged)
            return merged.error();
        if (*merged) {
            const QString hash = sha256Of(**merged);
            if (Result<void> kept = ContentStore::keep(m_db, m_scope.orgId, hash, **merged, m_nowMs); !kept)
                return kept.error();
            if (Result<void> added = ContentStore::addToScope(m_db, m_scope.id, hash); !added)
                return added.error();
            QJsonObject data = mutation.data;
            data.insert(QStringLiteral("sha256"), hash);
            data.insert(QStringLiteral("size"), (*merged)->size());
            data.remove(QStringLiteral("version")); // of nobody's version: both sides' changes
            // Made by the server, not the client: its next change of the
            // file, made before it saw the merge, is stale again.
            return stored(mutation, mutation.key, data, std::nullopt, Outcome::Merged, QString());
        }
        // Overlapping edits: both kept, the later one (this) as a copy.
        for (int attempt = 1; attempt <= 100; ++attempt) {
            const QString copy = Sync::conflictCopyPath(mutation.key, displayName(m_principal), m_nowMs, attempt);
            Result<std::optional<Item>> taken = ChangeLog::item(m_db, m_scope.id, mutation.table, copy);
            if (!taken)
                return taken.error();
            if (!*taken || !(*taken)->isLive())
                return stored(mutation, copy, mutation.data, std::nullopt, Outcome::ConflictCopy);
        }
        return Error::conflict(tr("%1 has too many conflict copies: resolve some first.").arg(mutation.key));
    }

    // The fields this change made replace theirs; the others stay. Made
    // by the server, as a file's merge: pull to get it.
    Result<MutationResult> rowEditedOnBothSides(const Mutation &mutation, const Item &current)
    {
        QJsonObject data = current.data;
        for (const QString &field : mutation.fields) {
            if (mutation.data.contains(field))
                data.insert(field, mutation.data.value(field));
            else
                data.remove(field);
        }
        if (data == current.data) // theirs already: the client pulls it
            return result(mutation, Outcome::Kept, current.seq);
        return stored(mutation, mutation.key, data, std::nullopt, Outcome::Merged, QString());
    }

    // The merged text, or nullopt when the edits overlap, a side is
    // binary, too large, or its base is unknown here.
    Result<std::optional<QByteArray>> merge(const QString &base, const QString &theirs, const QString &mine)
    {
        QByteArray contents[3];
        const QString hashes[3] = {base, theirs, mine};
        for (int i = 0; i < 3; ++i) {
            if (hashes[i].isEmpty())
                continue; // added on both sides: merged against nothing
            Result<bool> known = ContentStore::isInScope(m_db, m_scope.id, hashes[i]);
            if (!known)
                return known.error();
            Result<std::optional<ContentStore::Content>> content = ContentStore::content(m_db, m_scope.orgId, hashes[i]);
            if (!content)
                return content.error();
            if (!*known || !*content || !(*content)->isComplete() || (*content)->size > m_limits.maxMergeBytes)
                return std::optional<QByteArray>();
            Result<QByteArray> bytes = ContentStore::read(m_db, m_scope.orgId, hashes[i], 0, (*content)->size);
            if (!bytes)
                return bytes.error();
            contents[i] = *bytes;
        }
        return Sync::mergeText(contents[0], contents[1], contents[2]);
    }

    // Content a change refers to must have been uploaded to this project
    // (knowing a hash is no key to another project's content).
    Result<void> holdContent(const QString &hash)
    {
        Result<bool> held = ContentStore::isInScope(m_db, m_scope.id, hash);
        if (!held)
            return held.error();
        if (!*held)
            return Error::conflict(tr("The content %1 has not been uploaded to this project: upload it, then push again.").arg(hash));
        return {};
    }

    Result<MutationResult> stored(const Mutation &mutation, const QString &key, const QJsonObject &data, std::optional<qint64> deletedAtMs,
                                  Outcome outcome)
    {
        return stored(mutation, key, data, deletedAtMs, outcome, m_clientId);
    }

    Result<MutationResult> stored(const Mutation &mutation, const QString &key, const QJsonObject &data, std::optional<qint64> deletedAtMs,
                                  Outcome outcome, const QString &byClient)
    {
        Item item;
        item.table = mutation.table;
        item.key = key;
        item.seq = m_lastSeq + 1;
        item.data = data;
        item.changedBy = m_principal.userId;
        item.changedByClient = byClient;
        item.changedAtMs = m_nowMs;
        item.deletedAtMs = deletedAtMs;
        if (Result<void> done = ChangeLog::store(m_db, m_scope.id, item); !done)
            return done.error();
        m_lastSeq = item.seq;
        MutationResult done = result(mutation, outcome, item.seq);
        if (outcome == Outcome::ConflictCopy)
            done.conflictKey = key;
        return done;
    }

    static MutationResult result(const Mutation &mutation, Outcome outcome, qint64 seq)
    {
        MutationResult done;
        done.number = mutation.number;
        done.outcome = outcome;
        done.seq = seq;
        return done;
    }

    const QSqlDatabase &m_db;
    const ProjectSync::Limits &m_limits;
    const Auth::Principal &m_principal;
    const ChangeLog::Scope &m_scope;
    const QString &m_clientId;
    const qint64 m_nowMs;
    qint64 m_lastSeq;
};

// A write to a scope (a push, an upload) by one who may write there (a
// project's editors, an organization's admins): the scope, locked until
// the transaction ends — one writer at a time per scope, so changes commit
// in sequence order and uploads' progress rows do not race.
Result<ChangeLog::Scope> lockForWriter(const QSqlDatabase &db, const Auth::Principal &principal, const Target &target)
{
    if (target.kind == Target::Kind::OrgTemplates) {
        if (Result<Auth::OrgRole> role = Auth::requireOrgRole(db, principal, target.id, Auth::OrgRole::Admin); !role)
            return role.error();
        return ChangeLog::lockScope(db, target.scopeId(), target.id);
    }
    Result<Auth::SharedProject> project = Auth::SharedProjects::require(db, principal, target.id, ProjectRole::Editor);
    if (!project)
        return project.error();
    return ChangeLog::lockScope(db, target.id, project->orgId);
}

Result<ChangeLog::Scope> lockForEditor(const QSqlDatabase &db, const Auth::Principal &principal, const QString &projectId)
{
    return lockForWriter(db, principal, Target{Target::Kind::Project, projectId});
}

// One who may read the scope: a project's viewers, an organization's members.
Result<void> requireReader(const QSqlDatabase &db, const Auth::Principal &principal, const Target &target)
{
    if (target.kind == Target::Kind::OrgTemplates) {
        if (Result<Auth::OrgRole> role = Auth::requireOrgRole(db, principal, target.id, Auth::OrgRole::Member); !role)
            return role.error();
        return {};
    }
    if (Result<Auth::SharedProject> project = Auth::SharedProjects::require(db, principal, target.id, ProjectRole::Viewer); !project)
        return project.error();
    return {};
}

} // namespace

QJsonObject ProjectSync::UploadProgress::toJson() const
{
    return {{QStringLiteral("received"), received}, {QStringLiteral("size"), size}, {QStringLiteral("complete"), complete}};
}

ProjectSync::ProjectSync(ServerDb::ServerDatabasePtr database) : ProjectSync(std::move(database), Limits()) {}

ProjectSync::ProjectSync(ServerDb::ServerDatabasePtr database, Limits limits) : m_db(std::move(database)), m_limits(limits) {}

Result<Sync::PushResult> ProjectSync::push(const Auth::Principal &principal, const QString &projectId, const QString &clientId,
                                           const QList<Mutation> &mutations, const Auth::ClientInfo &client)
{
    return pushTo(principal, Target{Target::Kind::Project, projectId}, clientId, mutations, client);
}

Result<Sync::PushResult> ProjectSync::pushOrgTemplates(const Auth::Principal &principal, const QString &orgId, const QString &clientId,
                                                       const QList<Mutation> &mutations, const Auth::ClientInfo &client)
{
    return pushTo(principal, Target{Target::Kind::OrgTemplates, orgId}, clientId, mutations, client);
}

Result<Sync::PushResult> ProjectSync::pushTo(const Auth::Principal &principal, const Target &target, const QString &clientId,
                                             const QList<Mutation> &mutations, const Auth::ClientInfo &client)
{
    const QString scopeId = target.scopeId();
    if (clientId.isEmpty() || clientId.size() > kMaxClientIdChars)
        return Error::invalidInput(tr("A push needs a client id of 1 to %1 characters.").arg(kMaxClientIdChars));
    if (mutations.size() > m_limits.maxMutations)
        return Error::invalidInput(tr("Push at most %1 changes at a time.").arg(m_limits.maxMutations));
    for (qsizetype i = 0; i < mutations.size(); ++i) {
        if (i > 0 && mutations.at(i).number != mutations.at(i - 1).number + 1)
            return Error::invalidInput(tr("The changes of a push must be numbered one after the other."));
        if (Result<void> valid = checkMutation(mutations.at(i), m_limits.maxItemBytes, target); !valid)
            return valid.error();
    }
    Result<Sync::PushResult> answer = m_db->write(tr("Cannot apply the changes"), [&](const QSqlDatabase &db) -> Result<Sync::PushResult> {
        Result<ChangeLog::Scope> scope = lockForWriter(db, principal, target);
        if (!scope)
            return scope.error();
        Result<std::optional<ChangeLog::Client>> known = ChangeLog::client(db, scopeId, clientId);
        if (!known)
            return known.error();
        if (*known && (*known)->userId != principal.userId)
            return Error::conflict(tr("This client id is someone else's: make a new one."));
        // A client the server does not know (new, or its record went with
        // a restore) starts where its first push starts.
        const qint64 last = *known ? (*known)->lastMutation : (mutations.isEmpty() ? 0 : mutations.first().number - 1);
        ChangeLog::Client state{principal.userId, last};
        PushRun run(db, m_limits, principal, *scope, clientId);
        Sync::PushResult pushed;
        for (const Mutation &mutation : mutations) {
            if (mutation.number <= state.lastMutation) {
                // A retry: the answer it got the first time, as far as kept.
                Result<std::optional<ChangeLog::RecordedResult>> recorded = ChangeLog::recordedResult(db, scopeId, clientId, mutation.number);
                if (!recorded)
                    return recorded.error();
                // (AlreadyApplied when it is older than what is kept.)
                MutationResult again;
                again.number = mutation.number;
                again.outcome = Outcome::AlreadyApplied;
                if (*recorded) {
                    for (Outcome outcome : {Outcome::Applied, Outcome::Merged, Outcome::ConflictCopy, Outcome::Kept, Outcome::Unchanged})
                        if (Sync::outcomeName(outcome) == (*recorded)->outcome)
                            again.outcome = outcome;
                    again.seq = (*recorded)->seq;
                    again.conflictKey = (*recorded)->conflictKey;
                }
                pushed.results.append(again);
                continue;
            }
            if (mutation.number != state.lastMutation + 1)
                return Error::conflict(tr("Change %1 is missing (the next is %2, this push starts at %3): push the changes in order.")
                                           .arg(state.lastMutation + 1)
                                           .arg(state.lastMutation + 1)
                                           .arg(mutations.first().number));
            Result<MutationResult> applied = run.apply(mutation);
            if (!applied)
                return applied.error();
            if (Result<void> recorded = ChangeLog::recordResult(db, scopeId, clientId, Sync::outcomeName(applied->outcome), mutation.number, applied->seq,
                                                                applied->conflictKey);
                !recorded)
                return recorded.error();
            pushed.results.append(*applied);
            state.lastMutation = mutation.number;
        }
        if (!mutations.isEmpty()) // not the empty push that asks for the epoch
            crashPoint("sync.push_applied");
        // An empty push records nothing: a client the server does not know
        // still starts where its first real push starts.
        if (!mutations.isEmpty()) {
            if (Result<void> recorded = ChangeLog::setClient(db, scopeId, clientId, state, Clock::nowMs()); !recorded)
                return recorded.error();
        }
        if (Result<void> forgotten = ChangeLog::forgetResults(db, scopeId, clientId, state.lastMutation - kKeptResults); !forgotten)
            return forgotten.error();
        Result<QString> epoch = ChangeLog::ensureEpoch(db);
        if (!epoch)
            return epoch.error();
        pushed.epoch = *epoch;
        pushed.lastSeq = run.lastSeq();
        if (run.changesMade() > 0) {
            if (Result<void> advanced = ChangeLog::setLastSeq(db, scopeId, run.lastSeq()); !advanced)
                return advanced.error();
            // The event feed pokes the scope's clients from this entry.
            const bool ofProject = target.kind == Target::Kind::Project;
            if (Result<void> logged = Auth::appendOrgAudit(db, scope->orgId, ofProject ? QStringLiteral("project.synced") : QStringLiteral("org.templates_synced"),
                                                           target.id, principal, client,
                                                           {{QStringLiteral("seq"), run.lastSeq()}, {QStringLiteral("epoch"), *epoch}, {QStringLiteral("changes"), run.changesMade()}});
                !logged)
                return logged.error();
        }
        return pushed;
    });
    // Committed, and the answer not sent: the client's retry must apply nothing twice.
    if (answer && !mutations.isEmpty())
        crashPoint("sync.push_committed");
    return answer;
}

Result<Sync::ChangePage> ProjectSync::changes(const Auth::Principal &principal, const QString &projectId, const QString &cursorText, int limit,
                                              Sync::ChangePage::Listing listing) const
{
    return changesOf(principal, Target{Target::Kind::Project, projectId}, cursorText, limit, listing);
}

Result<Sync::ChangePage> ProjectSync::orgTemplateChanges(const Auth::Principal &principal, const QString &orgId, const QString &cursorText, int limit,
                                                         Sync::ChangePage::Listing listing) const
{
    return changesOf(principal, Target{Target::Kind::OrgTemplates, orgId}, cursorText, limit, listing);
}

Result<Sync::ChangePage> ProjectSync::changesOf(const Auth::Principal &principal, const Target &target, const QString &cursorText, int limit,
                                                Sync::ChangePage::Listing listing) const
{
    const std::optional<Sync::Cursor> cursor = Sync::Cursor::fromText(cursorText);
    if (!cursor)
        return Error::invalidInput(tr("\"%1\" is not a sync cursor: pass the one the last page gave, or none.").arg(cursorText.left(80)));
    limit = std::clamp(limit, 1, m_limits.maxPageChanges);
    Result<QString> epoch = m_db->read([](const QSqlDatabase &db) { return ChangeLog::epoch(db); });
    if (epoch && epoch->isEmpty())
        epoch = m_db->write(tr("Cannot make the sync epoch"), [](const QSqlDatabase &db) { return ChangeLog::ensureEpoch(db); });
    if (!epoch)
        return epoch.error();
    return m_db->snapshot(target.kind == Target::Kind::Project ? tr("Cannot read the project's changes") : tr("Cannot read the organization's templates"), [&](const QSqlDatabase &db) -> Result<Sync::ChangePage> {
        if (Result<void> reader = requireReader(db, principal, target); !reader)
            return reader.error();
        Result<ChangeLog::Scope> scope = ChangeLog::scope(db, target.scopeId());
        if (!scope)
            return scope.error();
        Sync::ChangePage page;
        qint64 after = cursor->seq;
        const bool resuming = !cursor->epoch.isEmpty();
        // A cursor of another epoch, or past this log's end, is from a
        // server this one was restored over; one below the pruned seq may
        // have missed a delete (unless it is going through a list from the
        // start anyway). Either way: the whole scope again.
        if (resuming && (cursor->epoch != *epoch || after > scope->lastSeq))
            page.reset = Sync::ChangePage::Reset::Epoch;
        else if (resuming && after < scope->prunedSeq && listing != Sync::ChangePage::Listing::FromStart)
            page.reset = Sync::ChangePage::Reset::Expired;
        if (page.reset != Sync::ChangePage::Reset::None)
            after = 0;
        Result<ChangeLog::ItemPage> items = ChangeLog::since(db, target.scopeId(), after, limit, m_limits.maxPageBytes);
        if (!items)
            return items.error();
        page.hasMore = items->hasMore;
        page.lastSeq = scope->lastSeq;
        for (const Item &item : std::as_const(items->items)) {
            Sync::Change change;
            change.table = item.table;
            change.key = item.key;
            change.seq = item.seq;
            change.deleted = !item.isLive();
            change.data = item.data;
            change.changedBy = item.changedBy;
            change.changedAtMs = item.changedAtMs;
            page.changes.append(change);
        }
        page.cursor = Sync::Cursor{*epoch, page.hasMore ? items->items.last().seq : std::max(scope->lastSeq, after)};
        return page;
    });
}

Result<Sync::BlobStatus> ProjectSync::blobStatus(const Auth::Principal &principal, const QString &projectId, const QStringList &sha256s) const
{
    if (sha256s.size() > kMaxStatusHashes)
        return Error::invalidInput(tr("Ask about at most %1 contents at a time.").arg(kMaxStatusHashes));
    for (const QString &hash : sha256s)
        if (!Sync::isSha256Hex(hash))
            return Error::invalidInput(tr("\"%1\" is not a SHA-256 (64 lowercase hex digits).").arg(hash.left(80)));
    return m_db->read([&](const QSqlDatabase &db) -> Result<Sync::BlobStatus> {
        Result<Auth::SharedProject> project = Auth::SharedProjects::require(db, principal, projectId, ProjectRole::Viewer);
        if (!project)
            return project.error();
        Sync::BlobStatus status;
        for (const QString &hash : sha256s) {
            Result<ContentStore::Hold> held = ContentStore::hold(db, projectId, hash);
            if (!held)
                return held.error();
            if (held->complete)
                continue;
            status.missing.append(hash);
            // Where this project's upload goes on (another project's
            // progress is none of its business).
            if (held->received > 0)
                status.partial.append({hash, held->received});
        }
        return status;
    });
}

namespace {

struct Uploaded {
    ProjectSync::UploadProgress progress;
    bool mismatch = false;
};

// One chunk of a project's upload. The project must send every byte of the
// content itself: bytes the organization has already (another project's
// upload, whole or under way) are compared with them rather than stored
// again, the rest is appended to the organization's content. So knowing a
// hash, or coming in halfway through another project's upload, gets no
// content into a project.
Result<Uploaded> uploadChunk(const QSqlDatabase &db, const QString &orgId, const QString &projectId, const QString &sha256, qint64 size,
                             qint64 offset, const QByteArray &bytes)
{
    Result<ContentStore::Hold> held = ContentStore::hold(db, projectId, sha256);
    if (!held)
        return held.error();
    if (held->complete)
        return Uploaded{ProjectSync::UploadProgress{size, size, true}, false};
    const qint64 nowMs = Clock::nowMs();
    Result<ContentStore::Content> content = ContentStore::lock(db, orgId, sha256, size, nowMs);
    if (!content)
        return content.error();
    if (content->size != size)
        return Error::invalidInput(tr("The content %1 has %2 bytes, not %3.").arg(sha256).arg(content->size).arg(size));
    ContentStore::Hold hold = *held;
    const qint64 known = content->isComplete() ? content->size : content->received;
    // What the project had sent went with a failed upload of the whole.
    if (hold.received > known)
        hold.received = 0;
    if (offset != hold.received)
        return Error::conflict(tr("The upload stands at byte %1, not %2: go on from there.").arg(hold.received).arg(offset));
    const qint64 compared = std::min<qint64>(bytes.size(), std::max<qint64>(known - offset, 0));
    if (compared > 0) {
        Result<QByteArray> stored = ContentStore::read(db, orgId, sha256, offset, compared);
        if (!stored)
            return stored.error();
        if (*stored != bytes.left(compared)) {
            if (Result<void> kept = ContentStore::setHold(db, projectId, sha256, ContentStore::Hold{}); !kept)
                return kept.error();
            return Uploaded{ProjectSync::UploadProgress{0, size, false}, true};
        }
    }
    const QByteArray rest = bytes.mid(compared);
    // New bytes go on the organization's content, and its last byte (at
    // once for empty content) has the whole checked against its hash.
    if (!content->isComplete() && (!rest.isEmpty() || offset + compared == size)) {
        Result<ContentStore::Appended> appended = ContentStore::append(db, orgId, sha256, size, offset + compared, rest, nowMs);
        if (!appended)
            return appended.error();
        if (appended->mismatch) {
            if (Result<void> kept = ContentStore::setHold(db, projectId, sha256, ContentStore::Hold{}); !kept)
                return kept.error();
            return Uploaded{ProjectSync::UploadProgress{0, size, false}, true};
        }
        content = appended->content;
    }
    hold.received = offset + bytes.size();
    hold.complete = content->isComplete() && hold.received == size;
    if (Result<void> kept = ContentStore::setHold(db, projectId, sha256, hold); !kept)
        return kept.error();
    return Uploaded{ProjectSync::UploadProgress{hold.received, size, hold.complete}, false};
}

} // namespace

Result<ProjectSync::UploadProgress> ProjectSync::uploadBlob(const Auth::Principal &principal, const QString &projectId, const QString &sha256,
                                                            qint64 size, qint64 offset, const QByteArray &bytes)
{
    if (!Sync::isSha256Hex(sha256))
        return Error::invalidInput(tr("\"%1\" is not a SHA-256 (64 lowercase hex digits).").arg(sha256.left(80)));
    if (size < 0 || size > m_limits.maxBlobBytes)
        return Error::invalidInput(tr("A file's content may have at most %1 bytes.").arg(m_limits.maxBlobBytes));
    if (bytes.size() > m_limits.maxChunkBytes)
        return Error::invalidInput(tr("Upload at most %1 bytes at a time.").arg(m_limits.maxChunkBytes));
    if (offset < 0 || offset + bytes.size() > size)
        return Error::invalidInput(tr("Bytes %1 to %2 do not fit in content of %3 bytes.").arg(offset).arg(offset + bytes.size()).arg(size));
    Result<Uploaded> uploaded = m_db->write(tr("Cannot store the upload"), [&](const QSqlDatabase &db) -> Result<Uploaded> {
        Result<ChangeLog::Scope> scope = lockForEditor(db, principal, projectId);
        if (!scope)
            return scope.error();
        return uploadChunk(db, scope->orgId, projectId, sha256, size, offset, bytes);
    });
    if (!uploaded)
        return uploaded.error();
    if (uploaded->mismatch)
        return Error::invalidInput(tr("The uploaded content does not match its SHA-256 %1: it was dropped; upload it again from the start.").arg(sha256));
    return uploaded->progress;
}

Result<qint64> ProjectSync::uploadBlobs(const Auth::Principal &principal, const QString &projectId, const Sync::BlobBatch &batch)
{
    qint64 total = 0;
    for (const Sync::BlobBatch::Blob &blob : batch.blobs)
        total += blob.bytes.size();
    if (total > m_limits.maxChunkBytes)
        return Error::invalidInput(tr("Upload at most %1 bytes at a time.").arg(m_limits.maxChunkBytes));
    if (batch.blobs.size() > kBatchContents)
        return Error::invalidInput(tr("Send at most %1 contents in one batch.").arg(kBatchContents));
    // In hash order: two batches of one organization take its contents'
    // rows in the same order and never wait on each other in a circle.
    QList<Sync::BlobBatch::Blob> blobs = batch.blobs;
    std::sort(blobs.begin(), blobs.end(), [](const auto &a, const auto &b) { return a.sha256 < b.sha256; });
    QString mismatched;
    Result<qint64> stored = m_db->write(tr("Cannot store the upload"), [&](const QSqlDatabase &db) -> Result<qint64> {
        Result<ChangeLog::Scope> scope = lockForEditor(db, principal, projectId);
        if (!scope)
            return scope.error();
        qint64 taken = 0;
        for (const Sync::BlobBatch::Blob &blob : std::as_const(blobs)) {
            Result<Uploaded> uploaded = uploadChunk(db, scope->orgId, projectId, blob.sha256, blob.bytes.size(), 0, blob.bytes);
            if (!uploaded)
                return uploaded.error();
            if (uploaded->mismatch) {
                mismatched = blob.sha256;
                return Error::invalidInput(QString()); // rolled back; said below
            }
            ++taken;
        }
        return taken;
    });
    if (!mismatched.isEmpty())
        return Error::invalidInput(tr("The content sent as %1 does not match that SHA-256: nothing of the batch was kept; send it again.").arg(mismatched));
    return stored;
}

Result<Sync::BlobBatch> ProjectSync::readBlobs(const Auth::Principal &principal, const QString &projectId, const QStringList &hashes) const
{
    if (hashes.size() > kBatchContents)
        return Error::invalidInput(tr("Ask for at most %1 contents at a time.").arg(kBatchContents));
    return m_db->snapshot(tr("Cannot read the files' contents"), [&](const QSqlDatabase &db) -> Result<Sync::BlobBatch> {
        Result<Auth::SharedProject> project = Auth::SharedProjects::require(db, principal, projectId, ProjectRole::Viewer);
        if (!project)
            return project.error();
        Sync::BlobBatch batch;
        qint64 budget = kBatchBytes;
        for (const QString &sha256 : hashes) {
            if (!Sync::isSha256Hex(sha256))
                continue;
            Result<bool> inScope = ContentStore::isInScope(db, projectId, sha256);
            if (!inScope)
                return inScope.error();
            Result<std::optional<ContentStore::Content>> content = ContentStore::content(db, project->orgId, sha256);
            if (!content)
                return content.error();
            if (!*inScope || !*content || !(*content)->isComplete() || (*content)->size > kBatchedContentBytes)
                continue;
            if ((*content)->size > budget)
                break;
            Result<QByteArray> bytes = ContentStore::read(db, project->orgId, sha256, 0, (*content)->size);
            if (!bytes)
                return bytes.error();
            budget -= bytes->size();
            batch.blobs.append({sha256, *bytes});
        }
        return batch;
    });
}

Result<ProjectSync::BlobRange> ProjectSync::readBlob(const Auth::Principal &principal, const QString &projectId, const QString &sha256, qint64 offset) const
{
    if (!Sync::isSha256Hex(sha256))
        return Error::invalidInput(tr("\"%1\" is not a SHA-256 (64 lowercase hex digits).").arg(sha256.left(80)));
    return m_db->snapshot(tr("Cannot read the file's content"), [&](const QSqlDatabase &db) -> Result<BlobRange> {
        Result<Auth::SharedProject> project = Auth::SharedProjects::require(db, principal, projectId, ProjectRole::Viewer);
        if (!project)
            return project.error();
        Result<bool> inScope = ContentStore::isInScope(db, projectId, sha256);
        if (!inScope)
            return inScope.error();
        Result<std::optional<ContentStore::Content>> content = ContentStore::content(db, project->orgId, sha256);
        if (!content)
            return content.error();
        if (!*inScope || !*content || !(*content)->isComplete())
            return Error::notFound(tr("The project has no content %1.").arg(sha256));
        if (offset < 0 || (offset >= (*content)->size && offset > 0))
            return Error::invalidInput(tr("The content has %1 bytes; byte %2 is past its end.").arg((*content)->size).arg(offset));
        Result<QByteArray> bytes = ContentStore::read(db, project->orgId, sha256, offset, m_limits.maxChunkBytes);
        if (!bytes)
            return bytes.error();
        return BlobRange{*bytes, offset, (*content)->size};
    });
}

Result<qint64> ProjectSync::pruneTombstones(qint64 nowMs)
{
    return m_db->write(tr("Cannot prune the change logs"),
                       [&](const QSqlDatabase &db) { return ChangeLog::pruneTombstones(db, nowMs - m_limits.tombstoneRetentionMs); });
}

} // namespace Realm::SyncServer
