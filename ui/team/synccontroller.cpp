// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/synccontroller.h"

#include "jobs/background.h"
#include "teamclient/eventsclient.h"
#include "teamclient/httptransport.h"
#include "teamclient/serverclient.h"

#include <QDateTime>
#include <QLocale>

namespace Realm::Ui {

using SyncClient::Link;
using SyncClient::ProjectSyncStatus;
using SyncClient::SyncInput;
using SyncClient::SyncReport;

namespace {
// Live updates carry the fast path; this round only catches what a lost
// socket missed and sends what waits.
constexpr int kPeriodicSyncMs = 5 * 60 * 1000;
} // namespace

SyncController::SyncController(Storage::DatabasePtr db, TeamClient::ServerClient *client, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_client(client)
    , m_events(new TeamClient::EventsClient([client](auto done) { client->credentials(std::move(done)); }, this))
{
    m_periodic.setInterval(kPeriodicSyncMs);
    connect(&m_periodic, &QTimer::timeout, this, [this] { syncNow(); });
    connect(m_events, &TeamClient::EventsClient::connected, this, [this] {
        emit liveChanged(true, {});
        syncNow();
    });
    connect(m_events, &TeamClient::EventsClient::disconnected, this, [this](const QString &why) { emit liveChanged(false, why); });
    connect(m_events, &TeamClient::EventsClient::projectChanged, this, &SyncController::onProjectChanged);
    // The server says "read everything again" when your standing changed
    // (a role given, say): project pokes held back meanwhile are in that.
    connect(m_events, &TeamClient::EventsClient::accountChanged, this, [this] { syncNow(); });
    connect(m_client, &TeamClient::ServerClient::accountChanged, this, &SyncController::onAccountChanged);
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
        m_events->stop();
        m_periodic.stop();
        return;
    }
    // The socket's `connected` starts the first sync.
    m_events->start();
    m_periodic.start();
}

void SyncController::reload()
{
    const quint64 ticket = ++m_reloads;
    runInBackground(this, m_db, [](const Storage::DatabasePtr &db) { return SyncClient::syncStatuses(db); },
                    [this, ticket](const Result<QList<ProjectSyncStatus>> &statuses) {
                        if (ticket != m_reloads || !statuses)
                            return;
                        m_statuses = *statuses;
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
        } else if (m_busy && (syncingAll || m_running.projectIds.contains(link.projectId) || m_running.projectId == link.projectId)) {
            badge = {SyncBadge::Kind::Syncing, tr("Syncing…"), where};
        } else if (status.conflicts > 0) {
            badge = {SyncBadge::Kind::Conflicts, tr("%n conflict(s)", nullptr, int(status.conflicts)),
                     tr("Two changes to the same lines were both kept. Team → Resolve Conflicts to choose.")};
        } else if (!link.lastError.isEmpty()) {
            badge = {SyncBadge::Kind::Failed, status.pending > 0 ? tr("Offline · %n waiting", nullptr, int(status.pending)) : tr("Not synced"),
                     link.lastError + QLatin1Char('\n') + last};
        } else if (link.state == Link::State::ReadOnly && status.pending > 0) {
            badge = {SyncBadge::Kind::ReadOnly, tr("%n kept here", nullptr, int(status.pending)),
                     tr("You may only view this project: your changes stay on this machine.")};
        } else if (status.pending > 0) {
            badge = {SyncBadge::Kind::Pending, tr("%n waiting", nullptr, int(status.pending)), tr("Changes made here wait for the next sync.") + QLatin1Char('\n') + last};
        } else {
            badge = {SyncBadge::Kind::Synced, tr("Synced"), where + QLatin1Char('\n') + last};
        }
        badges.insert(link.projectId, badge);
    }
    return badges;
}

void SyncController::syncNow(const QStringList &projectIds)
{
    SyncInput input;
    input.action = SyncInput::Action::Sync;
    input.projectIds = projectIds;
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

void SyncController::clone(const QString &serverProjectId, const QString &name, const QString &checkout)
{
    SyncInput input;
    input.action = SyncInput::Action::Clone;
    input.serverProjectId = serverProjectId;
    input.name = name;
    input.checkout = checkout;
    enqueue(std::move(input));
}

void SyncController::cancel()
{
    m_queue.clear();
    m_cancelled = true;
    if (m_job)
        m_job->cancel();
}

void SyncController::enqueue(SyncInput input)
{
    // Syncs waiting in line become one: "everything" covers any list.
    if (input.action == SyncInput::Action::Sync) {
        for (SyncInput &waiting : m_queue) {
            if (waiting.action != SyncInput::Action::Sync)
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

void SyncController::startNext()
{
    if (m_busy || m_queue.empty())
        return;
    SyncInput input = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = input;
    m_busy = true;
    m_cancelled = false;
    emit statusesChanged();
    m_client->credentials([this, input](Result<TeamClient::Credentials> credentials) mutable {
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
            onEnded(input, {}, error.message);
        });
        job->start();
    });
}

void SyncController::onEnded(const SyncInput &input, const QList<SyncReport> &reports, const QString &error)
{
    m_job = nullptr;
    m_busy = false;
    if (error.isEmpty())
        emit finished(input.action, reports);
    else
        emit failed(input.action, error);
    QStringList received;
    for (const SyncReport &report : reports) {
        if (report.received > 0 || input.action == SyncInput::Action::Clone)
            received.append(report.projectId);
    }
    if (!received.isEmpty())
        emit projectsReceived(received);
    reload();
    startNext();
}

void SyncController::onProjectChanged(const QString &serverProjectId, qint64 seq)
{
    for (const ProjectSyncStatus &status : std::as_const(m_statuses)) {
        if (status.link.serverProjectId != serverProjectId || status.link.state == Link::State::Unshared)
            continue;
        // Our own push comes back as a poke too: nothing new then.
        const std::optional<Sync::Cursor> cursor = Sync::Cursor::fromText(status.link.cursor);
        if (cursor && cursor->seq >= seq)
            return;
        syncNow({status.link.projectId});
        return;
    }
}

} // namespace Realm::Ui
