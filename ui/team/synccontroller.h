// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/background.h"
#include "storage/database.h"
#include "team/syncbadge.h"
#include "syncclient/syncjob.h"
#include "syncclient/syncoverview.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace Realm::TeamClient {
class EventsClient;
class ServerClient;
} // namespace Realm::TeamClient

namespace Realm::Ui {

class OrgTemplateSync;

// The desktop's side of sync: runs the shares, clones and syncs people ask
// for (SyncJob, one at a time, in order; sync requests that pile up become
// one), keeps each shared project's standing for the badges, syncs on its
// own when signed in — on start, every few minutes, and within a second of
// a teammate's push (the server's event socket says so) — and tells the
// window when projects changed. Nothing here waits on disk or network.
class SyncController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncController)
public:
    SyncController(Storage::DatabasePtr db, TeamClient::ServerClient *client, QObject *parent = nullptr);
    ~SyncController() override;

    // Reads the shared projects' standing again (after a local change).
    void reload();
    // Sends and receives these projects (empty: every shared one).
    void syncNow(const QStringList &projectIds = {});
    // Syncs the project again, letting the team's changes delete most of
    // its files here: up to `count`, the number deletesHeld() asked about.
    void syncAllowingDeletes(const QString &projectId, qint64 count);
    void share(const QString &projectId, const QString &org);
    void clone(const QString &serverProjectId, const QString &name, const QString &checkout,
               SyncClient::Link::Contents contents = SyncClient::Link::Contents::Eager);
    // Downloads the contents of these files of a shared project (all it
    // lacks when empty, as far as `reach` goes); projectsReceived follows
    // when any arrived.
    // The fetch's id (in fetchEnded).
    quint64 fetch(const QString &projectId, const QStringList &paths, SyncClient::FetchReach reach = SyncClient::FetchReach::WithHistory);
    void cancel();
    // Cancels that fetch alone, waiting or running; fetchEnded follows.
    void cancelFetch(quint64 fetchId);
    // Automatic syncs and live updates while signed in (the window turns
    // this on; tests drive syncNow() themselves).
    void setAutomatic(bool on);
    // The project open in the window: teammates see that it is open here,
    // and presenceChanged says who else has it open (when it is shared on
    // the server signed in to and live updates are on).
    void setOpenProject(const QString &projectId);
    // Each run starts once `wait` calls its continuation: writes of the
    // window's own to the same projects (a folder's refresh) end first.
    void setStartAfter(std::function<void(std::function<void()>)> wait) { m_startAfter = std::move(wait); }

    // Organizations' prompt templates: synced with everything (Sync Now,
    // the automatic rounds) and when the server says they changed.
    OrgTemplateSync *orgTemplates() const { return m_orgTemplates; }
    bool isAutomatic() const { return m_automatic; }
    bool isBusy() const { return m_busy; }
    // The run that ended last was cancelled (for failed()'s listeners).
    bool wasCancelled() const { return m_cancelled; }
    bool isLive() const;
    const QList<SyncClient::ProjectSyncStatus> &statuses() const { return m_statuses; }
    std::optional<SyncClient::ProjectSyncStatus> statusOf(const QString &projectId) const;
    QHash<QString, SyncBadge> badges() const;

signals:
    void statusesChanged();
    void progress(double fraction, const QString &text);
    // A share, clone or sync ended (each project's report says how it went).
    void finished(Realm::SyncClient::SyncInput::Action action, const QList<Realm::SyncClient::SyncReport> &reports);
    void failed(Realm::SyncClient::SyncInput::Action action, const QString &message);
    // A fetch() ended (after finished or failed), or was dropped by
    // cancel(); `error` says why it did not download everything.
    void fetchEnded(const QString &projectId, const QStringList &paths, bool ok, const QString &error, quint64 fetchId);
    // The team's changes would delete `count` of the project's files here,
    // more than half: nothing was changed until the user allows it.
    void deletesHeld(const QString &projectId, const QString &projectName, qint64 count);
    // Files, names or conversations of these projects changed here.
    void projectsReceived(const QStringList &projectIds);
    // The event socket's state, for the status bar.
    void liveChanged(bool live, const QString &why);
    // The server said a shared project changed; `syncs`: it is news, and
    // a sync of it follows (else it is pulled already, or being pulled).
    void poked(const QString &projectId, bool syncs);
    // Who else has the open project open (names; empty: nobody, or not known).
    void presenceChanged(const QString &projectId, const QStringList &others);

private:
    void enqueue(SyncClient::SyncInput input);
    void startNext();
    void run(SyncClient::SyncInput input);
    void onEnded(const SyncClient::SyncInput &input, const QList<SyncClient::SyncReport> &reports, const QString &error);
    void onProjectChanged(const QString &serverProjectId, qint64 seq, const QString &epoch);
    void onAccountChanged();
    // Every shared project of the server signed in to, and the
    // organizations' templates (automatic rounds).
    void syncThisServer();
    // Tells the event socket which server project is open here.
    void updateWatch();
    bool isOnThisServer(const SyncClient::Link &link) const;
    QString problemOf(const SyncClient::Link &link) const;
    static bool covers(const SyncClient::SyncInput &input, const QString &projectId);

    Storage::DatabasePtr m_db;
    TeamClient::ServerClient *m_client;
    TeamClient::EventsClient *m_events;
    OrgTemplateSync *m_orgTemplates;
    QTimer m_periodic;
    std::deque<SyncClient::SyncInput> m_queue;
    QPointer<SyncClient::SyncJob> m_job;
    SyncClient::SyncInput m_running;
    quint64 m_lastFetchId = 0;
    QList<SyncClient::ProjectSyncStatus> m_statuses;
    LatestOnly m_reloads;
    // The highest seq poked for a project while a sync of it ran.
    QHash<QString, Sync::Cursor> m_pokes; // the latest change each poke named
    // Why the last run failed as a whole (no network, not signed in), and
    // per project what its links could not record (another server).
    QString m_jobProblem;
    QHash<QString, QString> m_problems;
    QString m_openProject;
    QString m_watchedServerProject;
    std::function<void(std::function<void()>)> m_startAfter;
    bool m_automatic = false;
    bool m_busy = false;      // from taking a request to its end (credentials first)
    bool m_cancelled = false; // cancel() before the job started
};

} // namespace Realm::Ui
