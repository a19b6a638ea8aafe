// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "jobs/background.h"

#include <QHash>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QLabel;
class QToolButton;
class QWidget;

namespace Realm::TeamClient {
class ServerClient;
}

namespace Realm::Ui {

class FolderWatch;
class SyncController;

// The Team menu: Connect to Server, Sync Now, Share Project, Update Project
// Folder (whether the team's changes are written into the current project's
// folder), Download File Contents Only When Needed, Resolve Conflicts, Server Projects; and the status bar's word on sync ("Synced
// 10:32", "Syncing… 40%", "Offline: …") and on who else has the current
// project open ("Bob is here too"). The window tells it the current
// project and hears which projects changed on the server.
class TeamActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamActions)
public:
    TeamActions(Storage::DatabasePtr db, TeamClient::ServerClient *client, QWidget *window);
    ~TeamActions() override;

    QList<QAction *> actions() const;
    QLabel *statusLabel() const { return m_status; }
    QLabel *presenceLabel() const { return m_presence; }
    // Shown while a sync, share or clone runs.
    QToolButton *cancelButton() const { return m_cancelButton; }
    SyncController *sync() const { return m_sync; }
    bool isSignedIn() const;

    void setProject(const QString &projectId, const QString &projectName);
    // The window's watch of the project's folder: switching the folder's
    // updates runs while its refreshes (and so the syncs) wait.
    void setFolderWatch(FolderWatch *watch);
    // A local change to a project (a refresh, say): its badge reads again,
    // and a shared one is sent right away when syncing on its own.
    void projectChangedHere(const QString &projectId);

    void showServerDialog();
    void showShareDialog();
    void showConflicts();
    void showServerProjects();
    // Downloads the file's contents (a project that downloads them when
    // needed), then asks the window to open it (openFileRequested).
    void downloadAndOpen(const QString &projectId, const QString &path, int line, int column, int length);
    // Downloads the file's contents; an open tab of it reloads after
    // (projectsReceived).
    void download(const QString &projectId, const QString &path);

signals:
    void openFileRequested(const QString &projectId, const QString &path, int line, int column, int length);
    // Contents of these projects arrived from the server: show them again.
    void projectsReceived(const QStringList &projectIds);
    void openProjectRequested(const QString &projectId);
    // For the status bar.
    void message(const QString &text);

private:
    void updateActions();
    void showStatus();
    void showPresence(const QStringList &others);
    void askAboutDeletes(const QString &projectId, const QString &projectName, qint64 count);
    // Team → Update Project Folder: read for the current project, and set.
    void readFolderUpdates();
    void setFolderUpdates(bool on);
    void folderUpdatesSet(const QString &projectId, const QString &name, bool on, const Result<qint64> &switched);
    // Team → Download File Contents Only When Needed, for the current project.
    void setLazyContents(bool lazy);
    // A download ended: the file waiting on it opens.
    void fetchEnded(const QString &projectId, const QStringList &paths, bool ok);

    Storage::DatabasePtr m_db;
    TeamClient::ServerClient *m_client;
    QWidget *m_window;
    SyncController *m_sync;
    QString m_lastTemplatesProblem; // said already; not again at every round
    QString m_projectId;
    QString m_projectName;
    QString m_liveProblem;
    QAction *m_connect;
    QAction *m_syncNow;
    QAction *m_share;
    QAction *m_conflicts;
    QAction *m_serverProjects;
    QAction *m_folderUpdates;
    QAction *m_lazyContents;
    QAction *m_cancel;
    QToolButton *m_cancelButton;
    QLabel *m_status;
    QLabel *m_presence;
    // Projects whose held deletes were asked about and kept: not asked
    // again until Sync Now; and the questions open.
    QSet<QString> m_keptFiles;
    QHash<QString, QPointer<QMessageBox>> m_deleteQuestions;
    bool m_projectHasFolder = false;
    bool m_switchingFolder = false;
    QPointer<FolderWatch> m_folderWatch;
    LatestOnly m_folderReads;
    // The files to open once the downloads asked for (in order) end.
    struct OpenAfterFetch {
        QString projectId;
        QString path;
        int line = 0;
        int column = 0;
        int length = 0;
    };
    QList<OpenAfterFetch> m_opensAfterFetch;
};

} // namespace Realm::Ui
