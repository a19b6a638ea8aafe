// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/synccontroller.h"

#include "jobs/background.h"
#include "team/orgtemplatesync.h"
#include "teamclient/eventsclient.h"
#include "teamclient/httptransport.h"
#include "teamclient/serverclient.h"

#include <QDateTime>
#include <QUrl>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace Realm::Ui {

using SyncClient::Link;
using SyncClient::ProjectSyncStatus;
using SyncClient::SyncInput;
using SyncClient::SyncReport;

namespace {
// Live updates carry the fast path; this round only catches what a lost
// socket missed and sends what waits.
constexpr int kPeriodicSyncMs = 5 * 60 * 1000;

// Whether a project's stored cursor has pulled the change a poke names.
// A poke without an epoch (an older server) is judged by seq alone; one of
// another epoch (the server's database was restored) is always news.
bool reaches(const QString &cursorText, const Sync::Cursor &named)
{
    const std::optional<Sync::Cursor> cursor = Sync::Cursor::fromText(cursorText);
    return cursor && (named.epoch.isEmpty() || cursor->epoch == named.epoch) && cursor->seq >= named.seq;
}
} // namespace

SyncController::SyncController(Storage::DatabasePtr db, TeamClient::ServerClient *client, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_client(client)
    , m_events(new TeamClient::EventsClient([client](auto done) { client->credentials(std::move(done)); }, this))
    , m_orgTemplates(new OrgTemplateSync(m_db, client, this))
{
    m_periodic.setInterval(kPeriodicSyncMs);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncThisServer);
    connect(m_events, &TeamClient::EventsClient::connected, this, [this] {
        emit liveChanged(true, {});
        syncThisServer();
    });
    connect(m_events, &TeamClient::EventsClient::disconnected, this, [this](const QString &why) { emit liveChanged(false, why); });
    connect(m_events, &TeamClient::EventsClient::projectChanged, this, &SyncController::onProjectChanged);
    connect(m_events, &TeamClient::EventsClient::orgTemplatesChanged, m_orgTemplates, &OrgTemplateSync::syncNow);
    // The server says "read everything again" when your standing changed
    // (a role given, say): project pokes held back meanwhile are in that.
    connect(m_events, &TeamClient::EventsClient::accountChanged, this, &SyncController::syncThisServer);
    connect(m_client, &TeamClient::ServerClient::accountChanged, this, &SyncController::onAccountChanged);
    // A kept access token the server refused: the next connection or sync
    // refreshes it (and learns whether the session has ended).
    connect(m_events, &TeamClient::EventsClient::tokenRefused, m_client, &TeamClient::ServerClient::dropAccessToken);
    connect(m_events, &TeamClient::EventsClient::presenceChanged, this, [this](const QString &serverProjectId, const QStringList &others) {
        if (serverProjectId == m_watchedServerProject && !m_openProject.isEmpty())
            emit presenceChanged(m_openProject, others);
    });
    reload();
}

SyncController::~SyncController()
{
    if (m_job)
        m_job->cancel();
}

bool SyncController::isLive() const
{
    return m_events->isConnected();
}

void SyncController::setAutomatic(bool on)
{
    m_automatic = on;
    onAccountChanged();
}

void SyncController::onAccountChanged()
{
    const bool run = m_automatic && m_client->account().isSet();
    if (!run) {
        const bool wasLive = m_events->isConnected();
        m_events->stop();
        m_periodic.stop();
        updateWatch();
        if (wasLive)
            emit liveChanged(false, {});
        return;
    }
    // The socket's `connected` starts the first sync. (The watch, perhaps
    // of another server's project now, is sent once it is connected.)
    m_events->start();
    m_periodic.start();
    updateWatch();
}

void SyncController::setOpenProject(const QString &projectId)
{
    m_openProject = projectId;
    updateWatch();
}

void SyncController::updateWatch()
{
    const std::optional<SyncClient::ProjectSyncStatus> status = statusOf(m_openProject);
    // A project the server has not confirmed making is not there to watch yet.
    const bool watchable = status && status->link.state != Link::State::Unshared && status->link.state != Link::State::Creating
                           && isOnThisServer(status->link);
    const QString serverProjectId = watchable ? status->link.serverProjectId : QString();
    if (serverProjectId == m_watchedServerProject)
        return;
    // Whoever was in the last one is not known to be in this one.
    if (!m_watchedServerProject.isEmpty() && !m_openProject.isEmpty())
        emit presenceChanged(m_openProject, {});
    m_watchedServerProject = serverProjectId;
    m_events->watch(serverProjectId);
}

void SyncController::reload()
{
    const quint64 ticket = m_reloads.take();
    runInBackground(this, m_db, [](const Storage::DatabasePtr &db) { return SyncClient::syncStatuses(db); },
                    [this, ticket](const Result<QList<ProjectSyncStatus>> &statuses) {
                        if (!m_reloads.isNewest(ticket) || !statuses)
                            return;
                        m_statuses = *statuses;
                        updateWatch(); // shared, or no longer
                        emit statusesChanged();
                    });
}

std::optional<ProjectSyncStatus> SyncController::statusOf(const QString &projectId) const
{
    for (const ProjectSyncStatus &status : m_statuses) {
        if (status.link.projectId == projectId)
            return status;
    }
    return std::nullopt;
}

QHash<QString, SyncBadge> SyncController::badges() const
{
    QHash<QString, SyncBadge> badges;
    const bool syncingAll = m_busy && m_running.action == SyncInput::Action::Sync && m_running.projectIds.isEmpty();
    for (const ProjectSyncStatus &status : m_statuses) {
        const Link &link = status.link;
        const QString last = link.lastSyncedAtMs ? tr("Last synced %1.").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*link.lastSyncedAtMs), QLocale::ShortFormat))
                                                 : tr("Not synced yet.");
        const QString where = tr("Shared on %1.").arg(link.server);
        SyncBadge badge;
        if (link.state == Link::State::Unshared) {
            badge = {SyncBadge::Kind::Unshared, tr("No longer shared"), tr("This project is no longer shared with you; the copy here is kept as it is.")};
            if (status.notDownloaded > 0)
                badge.details += QLatin1Char('\n') + tr("%n file(s) of it were never downloaded here, and no longer can be.", nullptr, int(std::min<qint64>(status.notDownloaded, INT_MAX)));
        } else if (m_busy && (syncingAll || m_running.projectIds.contains(link.projectId) || m_running.projectId == link.projectId)) {
            badge = {SyncBadge::Kind::Syncing, tr("Syncing…"), where};
        } else if (status.conflicts > 0) {
            badge = {SyncBadge::Kind::Conflicts, tr("%n conflict(s)", nullptr, int(status.conflicts)),
                     tr("Two changes to the same lines were both kept. Team → Resolve Conflicts to choose.")};
        } else if (const QString problem = problemOf(link); !problem.isEmpty()) {
            badge = {SyncBadge::Kind::Failed, status.pending > 0 ? tr("Offline · %n waiting", nullptr, int(status.pending)) : tr("Not synced"),
                     problem + QLatin1Char('\n') + last};
        } else if (link.state == Link::State::ReadOnly && status.pending > 0) {
            badge = {SyncBadge::Kind::ReadOnly, tr("%n kept here", nullptr, int(status.pending)),
                     tr("You may only view this project: your changes stay on this machine.")};
        } else if (status.pending > 0) {
            badge = {SyncBadge::Kind::Pending, tr("%n waiting", nullptr, int(status.pending)), tr("Changes made here wait for the next sync.") + QLatin1Char('\n') + last};
        } else {
            badge = {SyncBadge::Kind::Synced, tr("Synced"), where + QLatin1Char('\n') + last};
            if (status.notDownloaded > 0)
                badge.details += QLatin1Char('\n') + tr("%n file(s) not downloaded yet: each downloads when opened.", nullptr, int(std::min<qint64>(status.notDownloaded, INT_MAX)));
        }
        badges.insert(link.projectId, badge);
    }
    return badges;
}

QString SyncController::problemOf(const Link &link) const
{
    // The newest word first: a failure of this session (no network, signed
    // out, another server) that the link could not record.
    if (const auto problem = m_problems.constFind(link.projectId); problem != m_problems.cend())
        return *problem;
    if (!m_jobProblem.isEmpty())
        return m_jobProblem;
    return link.lastError;
}

bool SyncController::isOnThisServer(const Link &link) const
{
    return QUrl(link.server).adjusted(QUrl::StripTrailingSlash) == m_client->account().server.adjusted(QUrl::StripTrailingSlash);
}

void SyncController::syncThisServer()
{
    m_orgTemplates->syncNow();
    // What starts by itself leaves projects shared on another server alone
    // (Sync Now says why they cannot be synced).
    QStringList projectIds;
    for (const ProjectSyncStatus &status : std::as_const(m_statuses)) {
        if (status.link.state != Link::State::Unshared && isOnThisServer(status.link))
            projectIds.append(status.link.projectId);
    }
    if (!projectIds.isEmpty())
        syncNow(projectIds);
}

void SyncController::syncNow(const QStringList &projectIds)
{
    if (projectIds.isEmpty()) // everything
        m_orgTemplates->syncNow();
    SyncInput input;
    input.action = SyncInput::Action::Sync;
    input.projectIds = projectIds;
    enqueue(std::move(input));
}

void SyncController::syncAllowingDeletes(const QString &projectId, qint64 count)
{
    SyncInput input;
    input.action = SyncInput::Action::Sync;
    input.projectIds = {projectId};
    input.options.deletesAllowed = count;
    enqueue(std::move(input));
}

void SyncController::share(const QString &projectId, const QString &org)
{
    SyncInput input;
    input.action = SyncInput::Action::Share;
    input.projectId = projectId;
    input.org = org;
    enqueue(std::move(input));
}

void SyncController::clone(const QString &serverProjectId, const QString &name, const QString &checkout, Link::Contents contents)
{
    SyncInput input;
    input.action = SyncInput::Action::Clone;
    input.serverProjectId = serverProjectId;
    input.name = name;
    input.checkout = checkout;
    input.contents = contents;
    enqueue(std::move(input));
}

quint64 SyncController::fetch(const QString &projectId, const QStringList &paths, SyncClient::FetchReach reach)
{
    SyncInput input;
    input.action = SyncInput::Action::Fetch;
    input.projectId = projectId;
    input.paths = paths;
    input.reach = reach;
    input.requestId = ++m_lastFetchId;
    enqueue(std::move(input));
    return m_lastFetchId;
}

void SyncController::cancelFetch(quint64 fetchId)
{
    const auto waiting = std::find_if(m_queue.begin(), m_queue.end(), [fetchId](const SyncInput &input) { return input.requestId == fetchId; });
    if (waiting != m_queue.end()) {
        const SyncInput dropped = *waiting;
        m_queue.erase(waiting);
        emit fetchEnded(dropped.projectId, dropped.paths, false, tr("Download cancelled."), dropped.requestId);
        return;
    }
    // Running (or about to, waiting for the login): its end says cancelled.
    if (m_busy && m_running.requestId == fetchId) {
        m_cancelled = true;
        if (m_job)
            m_job->cancel();
    }
}

void SyncController::cancel()
{
    // Whoever waits on a dropped share, clone or download hears of it.
    m_cancelled = true;
    for (const SyncInput &dropped : std::exchange(m_queue, {})) {
        emit failed(dropped.action, tr("Sync cancelled."));
        if (dropped.action == SyncInput::Action::Fetch)
            emit fetchEnded(dropped.projectId, dropped.paths, false, tr("Download cancelled."), dropped.requestId);
    }
    if (m_job)
        m_job->cancel();
}

void SyncController::enqueue(SyncInput input)
{
    // Syncs waiting in line become one: "everything" covers any list.
    if (input.action == SyncInput::Action::Sync) {
        for (SyncInput &waiting : m_queue) {
            if (waiting.action != SyncInput::Action::Sync || waiting.options.allowMassDelete != input.options.allowMassDelete
                || waiting.options.deletesAllowed != input.options.deletesAllowed)
                continue;
            if (waiting.projectIds.isEmpty() || input.projectIds.isEmpty())
                waiting.projectIds.clear();
            else
                for (const QString &id : std::as_const(input.projectIds))
                    if (!waiting.projectIds.contains(id))
                        waiting.projectIds.append(id);
            return;
        }
    }
    m_queue.push_back(std::move(input));
    startNext();
}

bool SyncController::covers(const SyncInput &input, const QString &projectId)
{
    return input.action == SyncInput::Action::Sync && (input.projectIds.isEmpty() || input.projectIds.contains(projectId));
}

void SyncController::startNext()
{
    if (m_busy || m_queue.empty())
        return;
    SyncInput input = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = input;
    // A sync of everything here is what the periodic round would do: its
    // clock starts again.
    if (input.action == SyncInput::Action::Sync && m_periodic.isActive())
        m_periodic.start();
    m_busy = true;
    m_cancelled = false;
    emit statusesChanged();
    auto start = [alive = QPointer<SyncController>(this), input]() mutable {
        if (alive)
            alive->run(std::move(input));
    };
    if (m_startAfter)
        m_startAfter(std::move(start));
    else
        start();
}

void SyncController::run(SyncInput input)
{
    m_client->credentials([this, alive = QPointer<SyncController>(this), input](Result<TeamClient::Credentials> credentials) mutable {
        if (!alive)
            return;
        if (m_cancelled) {
            onEnded(input, {}, tr("Sync cancelled."));
            return;
        }
        if (!credentials) {
            onEnded(input, {}, credentials.error().message);
            return;
        }
        input.server = credentials->server.toString();
        SyncClient::SyncJob::TransportFactory transport = [login = *credentials](const CancellationToken *cancel) {
            return std::make_unique<TeamClient::HttpTransport>(login, cancel);
        };
        auto *job = new SyncClient::SyncJob(m_db, transport, input, this);
        m_job = job;
        connect(job, &Job::progress, this, &SyncController::progress);
        connect(job, &SyncClient::SyncJob::finished, this, [this, job, input](const QList<SyncReport> &reports) {
            job->deleteLater();
            onEnded(input, reports, {});
        });
        connect(job, &SyncClient::SyncJob::failed, this, [this, job, input](const Error &error) {
            job->deleteLater();
            if (error.code == Error::Code::Unauthenticated)
                m_client->dropAccessToken();
            onEnded(input, {}, error.message);
        });
        job->start();
    });
}

void SyncController::onEnded(const SyncInput &input, const QList<SyncReport> &reports, const QString &error)
{
    m_job = nullptr;
    m_busy = false;
    // What this run learnt, before anything else compares with it: the
    // cursors it reached (so that the poke of our own push starts nothing)
    // and the problems the links could not record.
    if (input.action == SyncInput::Action::Sync && !m_cancelled)
        m_jobProblem = error;
    QStringList received;
    for (const SyncReport &report : reports) {
        // The kept access token was refused: the next run refreshes.
        if (!report.error.isEmpty() && report.errorCode == Error::Code::Unauthenticated)
            m_client->dropAccessToken();
        for (ProjectSyncStatus &status : m_statuses) {
            if (status.link.projectId == report.projectId && !report.cursor.isEmpty())
                status.link.cursor = report.cursor;
        }
        // A download says nothing of how the project syncs.
        if (input.action != SyncInput::Action::Fetch) {
            if (report.error.isEmpty())
                m_problems.remove(report.projectId);
            else if (report.deletesHeld > 0) // the core's words name the CLI's way out
                m_problems.insert(report.projectId, tr("The team's changes would delete %n file(s) of this project here: they wait for your answer "
                                                       "(Team → Sync Now asks again).", nullptr, int(std::min<qint64>(report.deletesHeld, INT_MAX))));
            else
                m_problems.insert(report.projectId, report.error);
        }
        if (report.received > 0 || report.fetched > 0 || input.action == SyncInput::Action::Clone)
            received.append(report.projectId);
    }
    if (error.isEmpty())
        emit finished(input.action, reports);
    else
        emit failed(input.action, error);
    if (input.action == SyncInput::Action::Fetch) {
        const QString why = !error.isEmpty() ? error : reports.isEmpty() ? tr("The download did not run.") : reports.first().error;
        emit fetchEnded(input.projectId, input.paths, why.isEmpty(), why.isEmpty() || !m_cancelled ? why : tr("Download cancelled."), input.requestId);
    }
    if (!received.isEmpty())
        emit projectsReceived(received);
    // Not asked about again while a sync allowing them waits (the answer
    // given while this one ran).
    for (const SyncReport &report : reports) {
        const bool allowedNext = std::any_of(m_queue.cbegin(), m_queue.cend(), [&report](const SyncInput &queued) {
            return (queued.options.allowMassDelete || queued.options.deletesAllowed > 0) && covers(queued, report.projectId);
        });
        if (report.deletesHeld > 0 && !allowedNext)
            emit deletesHeld(report.projectId, report.projectName, report.deletesHeld);
    }
    // Pokes that came while this ran: pulled already, unless they name a
    // later change.
    for (auto poke = m_pokes.cbegin(); poke != m_pokes.cend(); ++poke) {
        const std::optional<ProjectSyncStatus> status = statusOf(poke.key());
        if (!status || !reaches(status->link.cursor, poke.value()))
            syncNow({poke.key()});
    }
    m_pokes.clear();
    reload();
    startNext();
}

void SyncController::onProjectChanged(const QString &serverProjectId, qint64 seq, const QString &epoch)
{
    const Sync::Cursor named{epoch, seq};
    for (const ProjectSyncStatus &status : std::as_const(m_statuses)) {
        const Link &link = status.link;
        if (link.serverProjectId != serverProjectId || link.state == Link::State::Unshared || !isOnThisServer(link))
            continue;
        // A sync of it under way or waiting: looked at when it ends.
        if (m_busy && covers(m_running, link.projectId)) {
            const auto earlier = m_pokes.constFind(link.projectId);
            if (earlier == m_pokes.constEnd() || earlier->epoch != epoch || earlier->seq < seq)
                m_pokes.insert(link.projectId, named);
            emit poked(link.projectId, false);
            continue;
        }
        // Our own push comes back as a poke too: nothing new then.
        const bool waiting = std::any_of(m_queue.cbegin(), m_queue.cend(), [&](const SyncInput &queued) { return covers(queued, link.projectId); });
        const bool news = !waiting && !reaches(link.cursor, named);
        emit poked(link.projectId, news);
        if (news)
            syncNow({link.projectId});
    }
}

} // namespace Realm::Ui
