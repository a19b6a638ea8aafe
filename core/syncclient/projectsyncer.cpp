// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/projectsyncer.h"

#include "common/clock.h"
#include "common/ids.h"
#include "projects/projectstore.h"
#include "projects/replica.h"
#include "syncclient/conflicts.h"
#include "projects/sourcefolder.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "syncclient/syncsession.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonArray>
#include <QLockFile>
#include <QUrl>

namespace Realm::SyncClient {

namespace Detail {
QString itemHash(const QString &table, const QJsonObject &data)
{
    if (table == QLatin1String(Sync::Tables::kFiles))
        return data.value(QStringLiteral("sha256")).toString();
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(data).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}
} // namespace Detail


QJsonObject SyncReport::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), QStringLiteral("project")},
                     {QStringLiteral("project_id"), projectId},
                     {QStringLiteral("project"), projectName},
                     {QStringLiteral("server"), server},
                     {QStringLiteral("server_project_id"), serverProjectId},
                     {QStringLiteral("state"), stateName(state)},
                     {QStringLiteral("sent"), sent},
                     {QStringLiteral("received"), received},
                     {QStringLiteral("uploaded_bytes"), uploadedBytes},
                     {QStringLiteral("downloaded_bytes"), downloadedBytes},
                     {QStringLiteral("fetched"), fetched},
                     {QStringLiteral("conflicts"), QJsonArray::fromStringList(conflicts)},
                     {QStringLiteral("not_sent"), QJsonArray::fromStringList(notSent)},
                     {QStringLiteral("too_large"), QJsonArray::fromStringList(tooLarge)},
                     {QStringLiteral("pending"), pending},
                     {QStringLiteral("cursor"), cursor}};
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (deletesHeld > 0)
        json.insert(QStringLiteral("deletes_held"), deletesHeld);
    return json;
}

ProjectSyncer::ProjectSyncer(Storage::DatabasePtr db, Sync::Transport *transport, const CancellationToken *cancel, Progress progress)
    : m_db(std::move(db)), m_transport(transport), m_cancel(cancel), m_progress(std::move(progress))
{
}

Result<qint64> ProjectSyncer::pendingChanges(Storage::Handle db, const QString &projectId, Counting counting)
{
    const bool leaveOutRecords = counting == Counting::Changes;
    Result<QHash<QString, qint64>> outbox = SyncState::outboxByTable(db, projectId);
    if (!outbox)
        return outbox.error();
    qint64 waiting = 0;
    for (auto it = outbox->cbegin(); it != outbox->cend(); ++it)
        if (!leaveOutRecords || !Detail::isRecordOfChanges(it.key()))
            waiting += it.value();
    Result<QList<Projects::Replica::FileState>> files = Projects::Replica::pendingFiles(db, projectId);
    Result<std::optional<QJsonObject>> info = Detail::infoToSend(db, projectId);
    if (!files || !info)
        return files ? info.error() : files.error();
    qint64 rows = 0;
    for (const Detail::RowModule &module : Detail::rowModules()) {
        if (leaveOutRecords && module.recordsChanges)
            continue;
        Result<qint64> pending = module.pendingCount(db, projectId);
        if (!pending)
            return pending.error();
        rows += *pending;
    }
    return waiting + files->size() + (*info ? 1 : 0) + rows;
}

namespace {

// One sync of a project at a time, across processes (the desktop and a
// script, say): two would number their changes from the same place.
QString syncLockPath(const Storage::DatabasePtr &db, const QString &projectId)
{
    return db->path() + QStringLiteral(".sync-") + projectId + QStringLiteral(".lock");
}

// Held for the whole of a sync or share (see syncLockPath).
Result<std::unique_ptr<QLockFile>> lockForSync(const Storage::DatabasePtr &db, const Projects::Project &project)
{
    auto lock = std::make_unique<QLockFile>(syncLockPath(db, project.id));
    lock->setStaleLockTime(0); // a crashed sync's lock is found by its process id
    if (!lock->tryLock(0))
        return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "\"%1\" is being synced already (by another window or command); try again when it is done.").arg(project.name));
    return lock;
}

// A new link, under a client id of its own: numbers start at 1.
Result<void> addLink(Storage::Handle db, const QString &projectId, const QString &server, const QString &serverProjectId,
                     const QString &orgId = {}, Link::State state = Link::State::Shared, Link::Contents contents = Link::Contents::Eager)
{
    Link link;
    link.projectId = projectId;
    link.server = server;
    link.serverProjectId = serverProjectId;
    link.orgId = orgId;
    link.clientId = newId();
    link.state = state;
    link.contents = contents;
    return SyncState::addLink(db, link);
}

// Both sides of every conflict, in a project whose contents wait until
// they are needed: whoever looks at one compares them.
Result<void> fetchConflicts(Detail::Session &s)
{
    Result<QList<Conflicts::Copy>> copies = Conflicts::list(s.db, s.link.projectId);
    if (!copies)
        return copies.error();
    QStringList paths;
    for (const Conflicts::Copy &copy : std::as_const(*copies))
        paths << copy.path << copy.copyPath;
    return paths.isEmpty() ? Result<void>() : Detail::fetchContents(s, paths);
}

// A shared project and its link; NotFound with `notShared` when it is not.
Result<std::pair<Link, Projects::Project>> sharedProject(const Storage::DatabasePtr &db, const QString &projectId, const QString &notShared)
{
    Result<std::optional<Link>> link = SyncState::link(db->handle(), projectId);
    if (!link)
        return link.error();
    Result<Projects::Project> project = Projects::ProjectStore(db).find(projectId, true);
    if (!*link || !project)
        return Error::notFound(notShared);
    return std::pair<Link, Projects::Project>(**link, *project);
}

// Whether the server refused to make a project for good (no retry helps),
// rather than could not be asked. A 404 may be a proxy's while the server
// is redeployed: it is believed only when the organization itself is not
// there for this user (left it, or it is gone) — else the project may
// exist already, its answer lost, and a new share would make a second.
bool isRefusal(Detail::Session &s, const Error &error)
{
    switch (error.code) {
    case Error::Code::InvalidInput:
    case Error::Code::Forbidden:
    case Error::Code::Conflict:
    case Error::Code::LimitExceeded: return true;
    case Error::Code::NotFound: {
        const Result<QJsonObject> org = s.transport->call("GET", QStringLiteral("/orgs/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(s.link.orgId))), {});
        return !org && org.error().code == Error::Code::NotFound;
    }
    default: return false;
    }
}

// A share's first step (link state Creating): the server project, under
// the id recorded with the link. Refused for good, the link goes (the
// project is not shared after all).
Result<void> makeServerProject(Detail::Session &s, const Projects::Project &project)
{
    s.say(-1, QCoreApplication::translate("Realm::SyncClient", "Making \"%1\" on the server…").arg(project.name));
    Result<QJsonObject> created = s.transport->call("POST", QStringLiteral("/orgs/%1/projects").arg(QString::fromLatin1(QUrl::toPercentEncoding(s.link.orgId))),
                                                    {{QStringLiteral("id"), s.link.serverProjectId},
                                                     {QStringLiteral("name"), project.name},
                                                     {QStringLiteral("description"), project.description}});
    Storage::Handle db = s.db->handle();
    if (!created) {
        if (!isRefusal(s, created.error()))
            return created.error(); // unreachable, signed out: the next share or sync asks again
        // Refused (no longer a member, the name taken…): not shared after all.
        if (Result<void> removed = SyncState::removeLink(db, project.id); !removed)
            return removed.error();
        return created.error();
    }
    // A server from before client-chosen ids picks its own: that is the one.
    const QString serverProjectId = created->value(QStringLiteral("id")).toString();
    if (serverProjectId.isEmpty())
        return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server made the project but did not say its id."));
    s.link.serverProjectId = serverProjectId;
    s.link.state = Link::State::Shared;
    s.report.serverProjectId = serverProjectId;
    Result<std::optional<Link>> stored = SyncState::link(db, project.id);
    if (!stored || !*stored)
        return stored ? Error::failed(QCoreApplication::translate("Realm::SyncClient", "The project's link to the server is gone.")) : stored.error();
    Link updated = **stored;
    updated.serverProjectId = serverProjectId;
    updated.state = Link::State::Shared;
    return SyncState::saveLink(db, updated);
}

} // namespace

Result<SyncReport> ProjectSyncer::sync(const QString &projectId, const SyncOptions &options)
{
    m_lastReport = {};
    m_lastReport.projectId = projectId;
    Result<SyncReport> synced = lockAndSync(projectId, options);
    if (synced) {
        m_lastReport = *synced;
    } else {
        m_lastReport.error = synced.error().message;
        m_lastReport.errorCode = synced.error().code;
    }
    return synced;
}

Detail::Session ProjectSyncer::sessionFor(const Link &link, const Projects::Project &project) const
{
    Detail::Session s{.db = m_db, .transport = m_transport, .cancel = m_cancel, .progress = m_progress, .link = link, .report = {}, .pulledVersionId = {}, .receivedVersions = {}};
    s.report.projectId = project.id;
    s.report.projectName = project.name;
    s.report.server = link.server;
    s.report.serverProjectId = link.serverProjectId;
    return s;
}

Result<SyncReport> ProjectSyncer::lockAndSync(const QString &projectId, const SyncOptions &options)
{
    Result<std::pair<Link, Projects::Project>> shared =
        sharedProject(m_db, projectId, QCoreApplication::translate("Realm::SyncClient", "This project is not shared with a server: share it first (realm-cli project share)."));
    if (!shared)
        return shared.error();
    Result<std::unique_ptr<QLockFile>> lock = lockForSync(m_db, shared->second);
    if (!lock)
        return lock.error();
    return syncLocked(shared->second, options);
}

Result<SyncReport> ProjectSyncer::syncLocked(const Projects::Project &project, const SyncOptions &options)
{
    const QString projectId = project.id;
    Storage::Handle db = m_db->handle();
    // Read under the lock: what another sync committed counts.
    Result<std::optional<Link>> link = SyncState::link(db, projectId);
    if (!link || !*link)
        return link ? Error::failed(QCoreApplication::translate("Realm::SyncClient", "The project's link to the server is gone.")) : link.error();
    Detail::Session s = sessionFor(**link, project);

    const auto finish = [&](const std::optional<Error> &failure) -> Result<SyncReport> {
        // What went wrong stays with the link, for `sync status` and the badge.
        s.link.lastError = failure ? failure->message : QString();
        if (!failure)
            s.link.lastSyncedAtMs = Clock::nowMs();
        Storage::Transaction transaction(db);
        if (transaction.isActive()) {
            Result<std::optional<Link>> stored = SyncState::link(db, projectId);
            if (stored && *stored) {
                Link updated = **stored; // the cursor and numbers as committed
                updated.state = s.link.state;
                updated.lastError = s.link.lastError;
                updated.lastSyncedAtMs = failure ? (*stored)->lastSyncedAtMs : s.link.lastSyncedAtMs;
                if (SyncState::saveLink(db, updated))
                    (void)transaction.commit();
                s.report.cursor = updated.cursor;
            }
        }
        s.report.state = s.link.state;
        if (Result<qint64> pending = pendingChanges(db, projectId))
            s.report.pending = *pending;
        m_lastReport = s.report; // as far as it went
        if (failure)
            return *failure;
        return s.report;
    };
    // A 404 from the project's routes: is the project itself gone for us
    // (removed from it, or deleted), or only something in it?
    const auto noLongerShared = [&](const Error &error) -> std::optional<Error> {
        if (error.code != Error::Code::NotFound)
            return std::nullopt;
        Result<QJsonObject> there = m_transport->call("GET", s.apiPath({}), {});
        if (there || there.error().code != Error::Code::NotFound)
            return std::nullopt;
        s.link.state = Link::State::Unshared;
        return Error::notFound(QCoreApplication::translate("Realm::SyncClient", "\"%1\" is no longer shared with you on %2 (removed, or the project deleted); "
                                  "the local copy is kept as it is.")
                                   .arg(project.name, s.link.server));
    };

    if (s.link.state == Link::State::Creating) {
        if (Result<void> made = makeServerProject(s, project); !made) {
            Result<std::optional<Link>> kept = SyncState::link(db, projectId);
            return kept && *kept ? finish(made.error()) : Result<SyncReport>(made.error()); // refused for good: no link left to note it in
        }
    }

    s.say(-1, QCoreApplication::translate("Realm::SyncClient", "Sending the changes of \"%1\"…").arg(project.name));
    std::optional<Error> pushFailure;
    // A refusal for good is noted and the sync goes on; anything else ends it.
    const auto send = [&]() -> std::optional<Error> {
        if (Result<void> pushed = Detail::push(s); !pushed) {
            if (const std::optional<Error> gone = noLongerShared(pushed.error()))
                return gone;
            switch (pushed.error().code) {
            case Error::Code::Forbidden:
                // A viewer: the local changes stay here, marked, and are never lost.
                s.link.state = Link::State::ReadOnly;
                break;
            case Error::Code::InvalidInput:
            case Error::Code::Conflict:
            case Error::Code::LimitExceeded:
            case Error::Code::NotFound:
                // Refused, not unreachable: the team's changes still come in
                // (the local ones waiting are never overwritten), and the
                // refusal is reported after.
                pushFailure = pushed.error();
                break;
            default: return pushed.error();
            }
        } else if (s.link.state != Link::State::Shared && !s.pushAfterPull) {
            // Shared again (a role given back, or raised to editor): what
            // waited has gone out.
            Result<qint64> outbox = SyncState::outboxSize(db, projectId);
            if (outbox && *outbox == 0)
                s.link.state = Link::State::Shared;
        }
        return std::nullopt;
    };
    if (const std::optional<Error> failed = send())
        return finish(failed);

    s.say(-1, QCoreApplication::translate("Realm::SyncClient", "Receiving the changes to \"%1\"…").arg(project.name));
    Result<void> pulled = Detail::pull(s, options);
    if (!pulled) {
        if (const std::optional<Error> gone = noLongerShared(pulled.error()))
            return finish(gone);
        return finish(pulled.error());
    }
    if (std::exchange(s.pushAfterPull, false)) {
        s.say(-1, QCoreApplication::translate("Realm::SyncClient", "Sending the changes of \"%1\"…").arg(project.name));
        if (const std::optional<Error> failed = send())
            return finish(failed);
        // As every sync ends: with the cursor past what it sent. (Should
        // the server have been restored yet again meanwhile, the next sync
        // sends what that one lacks.)
        if (Result<void> again = Detail::pull(s, options); !again) {
            if (const std::optional<Error> gone = noLongerShared(again.error()))
                return finish(gone);
            return finish(again.error());
        }
    }
    // A copy that downloads every content again (it was lazy): what it
    // lacks comes now.
    if (s.link.contents == Link::Contents::Eager) {
        Result<bool> lacking = Projects::Replica::hasAbsent(db, projectId);
        if (!lacking)
            return finish(lacking.error());
        if (*lacking) {
            s.say(-1, QCoreApplication::translate("Realm::SyncClient", "Downloading the files of \"%1\"…").arg(project.name));
            if (Result<void> fetched = Detail::fetchContents(s, {}); !fetched)
                return finish(fetched.error());
        }
    } else if (s.report.received > 0 || !s.report.conflicts.isEmpty()) {
        if (Result<void> fetched = fetchConflicts(s); !fetched)
            return finish(fetched.error());
    }
    return finish(pushFailure);
}

Result<SyncReport> ProjectSyncer::share(const QString &projectId, const QString &server, const QString &org)
{
    Result<Projects::Project> project = Projects::ProjectStore(m_db).find(projectId);
    if (!project)
        return project.error();
    using Kind = Projects::ProjectSource::Kind;
    if (project->source.kind == Kind::Git || project->source.kind == Kind::Archive)
        // Its refresh reads the repository or archive again, which holds
        // none of the team's changes: it would take them all back.
        return Error::invalidInput(QCoreApplication::translate("Realm::SyncClient", "\"%1\" comes from %2, which a refresh reads again and which never gets the team's changes. "
                                      "Import a folder (a checkout of it) and share that project instead.")
                                       .arg(project->name, project->source.location));
    Storage::Handle db = m_db->handle();
    // A sync running meanwhile must not write into the link this replaces.
    Result<std::unique_ptr<QLockFile>> lock = lockForSync(m_db, *project);
    if (!lock)
        return lock.error();
    Result<std::optional<Link>> existing = SyncState::link(db, project->id);
    if (!existing)
        return existing.error();
    if (*existing && (*existing)->state != Link::State::Creating)
        return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "\"%1\" is already shared (project %2 on %3).").arg(project->name, (*existing)->serverProjectId, (*existing)->server));
    // By name or id: the organization's id makes the project.
    Result<QJsonObject> organization = m_transport->call("GET", QStringLiteral("/orgs/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(org))), {});
    if (!organization)
        return organization.error();
    const QString orgId = organization->value(QStringLiteral("id")).toString();
    // A share that never heard back goes on under the id it chose (the
    // server answers the same create with the project it made, if it did).
    if (*existing && (*existing)->server == server && (*existing)->orgId == orgId)
        return syncLocked(*project, {});
    // The server project's id is chosen here and recorded before it is
    // asked for: a create whose answer is lost is sent again with it.
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (*existing)
        if (Result<void> removed = SyncState::removeLink(db, project->id); !removed)
            return removed.error();
    if (Result<void> linked = addLink(db, project->id, server, newId(), orgId, Link::State::Creating); !linked)
        return linked.error();
    if (Result<void> marked = Projects::Replica::markAllPending(db, project->id); !marked)
        return marked.error();
    for (const Detail::RowModule &module : Detail::rowModules())
        if (Result<void> marked = module.markAllPending(db, project->id); !marked)
            return marked.error();
    if (Result<void> committed = transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot record the shared project")); !committed)
        return committed.error();
    return syncLocked(*project, {});
}

Result<SyncReport> ProjectSyncer::fetch(const QString &projectId, const QStringList &paths, FetchReach reach)
{
    Result<std::pair<Link, Projects::Project>> shared =
        sharedProject(m_db, projectId, QCoreApplication::translate("Realm::SyncClient", "This project is not shared with a server: its files are all here."));
    if (!shared)
        return shared.error();
    Detail::Session s = sessionFor(shared->first, shared->second);
    s.report.state = s.link.state;
    if (Result<void> fetched = Detail::fetchContents(s, paths, reach); !fetched) {
        m_lastReport = s.report;
        m_lastReport.error = fetched.error().message;
        m_lastReport.errorCode = fetched.error().code;
        return fetched.error();
    }
    m_lastReport = s.report;
    return s.report;
}

Result<SyncReport> ProjectSyncer::clone(const QString &server, const QString &serverProjectId, const QString &localName, const QString &checkout,
                                        Link::Contents contents)
{
    if (!checkout.isEmpty() && contents == Link::Contents::Lazy)
        return Error::invalidInput(QCoreApplication::translate("Realm::SyncClient", "A checkout folder holds every file, so its contents cannot wait until they are needed: "
                                                                                   "clone with a checkout folder or with contents downloaded when needed, not both."));
    Storage::Handle db = m_db->handle();
    Result<std::optional<Link>> existing = SyncState::linkTo(db, server, serverProjectId);
    if (!existing)
        return existing.error();
    Result<Projects::Project> local = *existing ? Projects::ProjectStore(m_db).find((*existing)->projectId, true) : Result<Projects::Project>(Error::notFound({}));
    // A copy purged from the trash here is gone for good: its link too.
    if (*existing && !local && local.error().code == Error::Code::NotFound) {
        if (Result<void> removed = SyncState::removeLink(db, (*existing)->projectId); !removed)
            return removed.error();
    } else if (*existing) {
        return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "This workspace already has project %1 as \"%2\": sync it instead.")
                                   .arg(serverProjectId, local ? local->name : (*existing)->projectId));
    }
    Result<QJsonObject> remote = m_transport->call("GET", QStringLiteral("/projects/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(serverProjectId))), {});
    if (!remote)
        return remote.error();
    const QString name = localName.isEmpty() ? remote->value(QStringLiteral("name")).toString() : localName;
    // The project, its link and its folder at once (the store writes on
    // this thread's connection, inside this transaction): a crash leaves
    // either a clone to sync or nothing, never a project without a link.
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    Result<Projects::Project> project = Projects::ProjectStore(m_db).create(name, remote->value(QStringLiteral("description")).toString());
    if (!project)
        return project.error().code == Error::Code::InvalidInput
                   ? Error::invalidInput(QCoreApplication::translate("Realm::SyncClient", "%1 (Give the copy a name of its own with --name.)").arg(project.error().message))
                   : project.error();
    if (Result<void> linked = addLink(db, project->id, server, serverProjectId, {}, Link::State::Shared, contents); !linked)
        return linked.error();
    // Making the local project is not a change to send: the server's
    // description comes with the pull.
    if (Result<void> taken = Projects::Replica::takePending(db, project->id); !taken)
        return taken.error();
    if (!checkout.isEmpty())
        if (Result<Projects::SourceFolder> folder = Projects::SourceFolder::attach(db, project->id, checkout); !folder)
            return folder.error();
    if (Result<void> committed = transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot record the cloned project")); !committed)
        return committed.error();
    return sync(project->id);
}

} // namespace Realm::SyncClient
