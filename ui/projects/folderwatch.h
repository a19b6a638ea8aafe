// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importjob.h"
#include "projects/project.h"
#include "projects/sourcewatcher.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <chrono>
#include <functional>

namespace Realm::Ui {

// Keeps the open project in step with its folder: what changes there on
// disk (saved from another editor, checked out by git) is refreshed into
// the workspace within a moment, and only those paths are read. A project
// opened (again) is refreshed whole once its watches are set, for what
// changed while REALM was not looking.
//
// Its refreshes are quiet (a status-bar line when something changed, no
// dialog) and give way to the window's own imports: they never run beside
// one — both would write the same project — and one the user starts
// cancels a running one, whose paths are read again afterwards.
class FolderWatch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderWatch)
public:
    explicit FolderWatch(Storage::DatabasePtr db, QObject *parent = nullptr,
                         Projects::SourceWatcher::Limits limits = {});

    // Off: nothing is watched and nothing refreshed until it is on again.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // The window shows `project`, whose files are `files`: watch its folder
    // (a project from an archive or a Git URL has none to watch).
    void follow(const Projects::Project &project, const QStringList &files);
    // The project was just imported or refreshed whole: no catching up.
    void markUpToDate(const QString &projectId);
    // While `held` says so (a sync is writing the same folders and
    // projects), refreshes wait; retry() when it may have changed.
    void setHold(std::function<bool()> held);
    // Deletions this close together count as one burst (a slow `rm -rf`,
    // a move to another disk file by file).
    void setDeletionWindow(std::chrono::milliseconds window) { m_deletionWindow = window; }
    void retry() { runNext(); }
    // Runs `then` once no refresh is running, ours or the window's import
    // we gave way to: at once when none is, else when it has ended and its
    // changes are in the workspace. A sync starts so (and holds the next
    // refresh back), lest it read or write a project half refreshed.
    void afterRefresh(std::function<void()> then);

    QString followedProject() const { return m_projectId; }
    // The watches for the followed project's folder are set.
    bool isWatching() const { return m_watching; }
    // Changes wait to be read (behind the window's import, say).
    bool hasPending() const { return !m_pending.isEmpty(); }
    bool isIdle() const { return !m_job && m_pending.isEmpty(); }

    // Runs `start` (the window's import, a switch of the folder's updates)
    // once no refresh of ours is running, cancelling one that is; ours wait
    // until resume(). From giveWay() to resume(), isGivingWay(): one job at
    // a time gives way, and the window starts no second one.
    void giveWay(std::function<void()> start);
    bool isGivingWay() const { return m_givingWay || bool(m_startWhenIdle); }
    void resume();

signals:
    // A refresh of ours changed the project (files added, changed or removed).
    void refreshed(const Realm::Projects::ImportReport &report);
    void failed(const QString &message);
    // Something a person should know about the watching itself.
    void notice(const QString &message);

private:
    struct Request {
        bool whole = false;
        QSet<QString> paths;
    };
    void request(const QString &projectId, const Request &more);
    void merge(const QString &projectId, const Request &more);
    void runNext();
    void ended();
    void runAfterRefresh();

    Storage::DatabasePtr m_db;
    Projects::SourceWatcher m_watcher;
    bool m_enabled = true;
    QString m_projectId; // followed
    QString m_projectName;
    QString m_folder;    // its folder, as the watcher names it
    qint64 m_fileCount = 0;
    bool m_watching = false;
    bool m_catchUpDue = false; // once the watches are set
    QSet<QString> m_upToDate;
    QSet<QString> m_toldFilesLeftOut; // projects the notice was given for
    std::function<bool()> m_held;
    // Deletions seen together, and whether they were refused (until F5).
    QElapsedTimer m_deletions;
    std::chrono::milliseconds m_deletionWindow{10'000};
    qsizetype m_goneInBurst = 0;
    qsizetype m_filesBeforeBurst = 0;
    bool m_refusedDeletes = false;
    QHash<QString, Request> m_pending; // by project id
    QPointer<Projects::ImportJob> m_job;
    QString m_jobProject;
    Request m_jobRequest;
    bool m_givingWay = false;
    std::function<void()> m_startWhenIdle;
    QList<std::function<void()>> m_afterRefresh;
};

} // namespace Realm::Ui
