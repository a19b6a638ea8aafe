// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/folderwatch.h"

#include "settings/appsettings.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Realm::Ui {

namespace {
// More than half of a project's files gone at once is what a folder being
// moved, deleted whole or unmounted looks like, not an edit: the same line
// sync draws before it deletes (SyncClient's mass-delete check).
bool looksLikeTheFolderWentAway(qsizetype gone, qsizetype files)
{
    return gone >= 2 && gone * 2 > files;
}

} // namespace

FolderWatch::FolderWatch(Storage::DatabasePtr db, QObject *parent, Projects::SourceWatcher::Limits limits)
    : QObject(parent)
    , m_db(std::move(db))
    , m_watcher(limits)
{
    connect(&m_watcher, &Projects::SourceWatcher::changed, this, [this](const QString &folder, const QStringList &paths, const QStringList &files,
                                                                           qsizetype gone) {
        // A folder let go of since; and no paths must never become a
        // refresh of everything.
        if (folder != m_folder || m_projectId.isEmpty() || paths.isEmpty())
            return;
        // Counted over a burst of reports, against the files there were
        // when it began; once refused, the project's deletions wait for F5.
        if (gone > 0) {
            if (!m_deletions.isValid() || std::chrono::milliseconds(m_deletions.elapsed()) > m_deletionWindow) {
                m_goneInBurst = 0;
                m_filesBeforeBurst = m_fileCount;
            }
            m_deletions.start();
            m_goneInBurst += gone;
        }
        if (gone > 0 && (m_refusedDeletes || looksLikeTheFolderWentAway(m_goneInBurst, m_filesBeforeBurst))) {
            // Files saved meanwhile are still edits.
            if (!files.isEmpty())
                request(m_projectId, {false, QSet<QString>(files.cbegin(), files.cend())});
            const bool told = std::exchange(m_refusedDeletes, true);
            if (told)
                return;
            emit notice(tr("%1 of the %2 files of \"%3\" are gone from %4: not taken in by itself, in case the folder is being moved "
                           "or its disk went away. Refresh (F5) takes the deletions in.")
                            .arg(m_goneInBurst)
                            .arg(m_filesBeforeBurst)
                            .arg(m_projectName, QDir::toNativeSeparators(m_folder)));
            return;
        }
        request(m_projectId, {false, QSet<QString>(paths.cbegin(), paths.cend())});
    });
    connect(&m_watcher, &Projects::SourceWatcher::watching, this, [this](const Projects::SourceWatcher::State &state) {
        if (state.folder != m_folder || m_projectId.isEmpty())
            return;
        m_watching = true;
        // Caught up once the watches are set, so that nothing changes
        // unseen between the two.
        if (std::exchange(m_catchUpDue, false)) {
            if (looksLikeTheFolderWentAway(state.missing, state.projectFiles))
                emit notice(tr("%1 of the %2 files of \"%3\" are not in %4: it is not refreshed by itself. Refresh (F5) once the folder is back "
                               "takes in what changed there.")
                                .arg(state.missing)
                                .arg(state.projectFiles)
                                .arg(m_projectName, QDir::toNativeSeparators(m_folder)));
            else
                request(m_projectId, {true, {}});
        }
        if (state.filesLeftOut() && !m_toldFilesLeftOut.contains(m_projectId)) {
            m_toldFilesLeftOut.insert(m_projectId);
            emit notice(tr("Only the folders of \"%1\" are watched: its %n file(s) are more than REALM may watch (%2). A file saved in place "
                           "is picked up by Refresh (F5); raising fs.inotify.max_user_watches lifts the limit.",
                           nullptr, int(std::min<qsizetype>(state.projectFiles, INT_MAX)))
                            .arg(m_projectName)
                            .arg(state.budget));
        }
    });
}

void FolderWatch::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        follow({}, {});
        m_pending.clear();
        m_upToDate.clear(); // what changes meanwhile goes unseen: catch up when on again
        if (m_job)
            m_job->cancel();
    }
}

void FolderWatch::follow(const Projects::Project &project, const QStringList &files)
{
    const bool watchable = m_enabled && project.source.kind == Projects::ProjectSource::Kind::Folder && !project.isInTrash();
    if (project.id != m_projectId) {
        // Changes to the project left are no longer seen: it catches up
        // when it is opened again.
        m_upToDate.remove(m_projectId);
        m_projectId = watchable ? project.id : QString();
        m_catchUpDue = watchable && !m_upToDate.contains(project.id);
        m_refusedDeletes = false;
        m_deletions.invalidate();
        if (m_catchUpDue)
            m_upToDate.insert(project.id);
    }
    m_watching = false;
    if (!watchable) {
        m_folder.clear();
        m_watcher.stop();
        return;
    }
    m_projectName = project.name;
    m_folder = QDir::cleanPath(QFileInfo(project.source.location).absoluteFilePath());
    m_fileCount = files.size();
    m_watcher.watch(m_folder, files, AppSettings::load().importOptions());
}

void FolderWatch::markUpToDate(const QString &projectId)
{
    m_upToDate.insert(projectId);
    // Read whole just now: a whole read still waiting is not needed (what
    // was named since may be newer than that read, and stays).
    if (const auto pending = m_pending.find(projectId); pending != m_pending.end() && pending->whole) {
        pending->whole = false;
        if (pending->paths.isEmpty())
            m_pending.erase(pending);
    }
    if (projectId == m_projectId) {
        m_catchUpDue = false;
        m_refusedDeletes = false;
        m_deletions.invalidate();
    }
}

void FolderWatch::setHold(std::function<bool()> held)
{
    m_held = std::move(held);
}

void FolderWatch::afterRefresh(std::function<void()> then)
{
    m_afterRefresh.append(std::move(then));
    runAfterRefresh();
}

void FolderWatch::giveWay(std::function<void()> start)
{
    if (!m_job) {
        m_givingWay = true;
        start();
        return;
    }
    m_startWhenIdle = std::move(start);
    m_job->cancel();
}

void FolderWatch::resume()
{
    m_givingWay = false;
    runAfterRefresh();
    // After the window has heard the import's end (and asked for a sync,
    // which a refresh must then wait for).
    QMetaObject::invokeMethod(this, &FolderWatch::runNext, Qt::QueuedConnection);
}

void FolderWatch::request(const QString &projectId, const Request &more)
{
    merge(projectId, more);
    runNext();
}

void FolderWatch::merge(const QString &projectId, const Request &more)
{
    // Paths are kept next to a whole read: should that be called off (the
    // window read it whole meanwhile), what was named since still counts.
    Request &pending = m_pending[projectId];
    pending.whole = pending.whole || more.whole;
    pending.paths.unite(more.paths);
}

void FolderWatch::runNext()
{
    if (m_job || m_givingWay || m_pending.isEmpty() || (m_held && m_held()))
        return;
    const auto next = m_pending.begin();
    m_jobProject = next.key();
    m_jobRequest = next.value();
    m_pending.erase(next);
    QStringList paths;
    if (!m_jobRequest.whole) {
        paths = QStringList(m_jobRequest.paths.cbegin(), m_jobRequest.paths.cend());
        paths.sort();
    }
    m_job = new Projects::ImportJob(m_db, {{}, m_jobProject, paths, AppSettings::load().importOptions()}, this);
    connect(m_job, &Projects::ImportJob::finished, this, [this](Projects::ImportReport report) {
        ended();
        // Its warnings are mostly about paths that were gone again before
        // they were read (an editor's temporary file): not worth a word.
        report.warnings.clear();
        if (report.added + report.changed + report.removed > 0)
            emit refreshed(report);
        runAfterRefresh();
        runNext();
    });
    connect(m_job, &Projects::ImportJob::failed, this, [this](const Error &error) {
        const QString project = m_jobProject;
        const Request unfinished = m_jobRequest;
        ended();
        if (error.code != Error::Code::Cancelled)
            emit failed(tr("Following the folder of the project: %1").arg(error.message));
        else if (m_enabled)
            merge(project, unfinished); // read again after the window's import
        runAfterRefresh();
        runNext();
    });
    m_job->start();
}

void FolderWatch::ended()
{
    m_job->deleteLater();
    m_job = nullptr;
    if (m_startWhenIdle) {
        m_givingWay = true;
        std::exchange(m_startWhenIdle, {})();
    }
}

void FolderWatch::runAfterRefresh()
{
    if (m_job || m_givingWay)
        return;
    for (const std::function<void()> &then : std::exchange(m_afterRefresh, {}))
        then();
}

} // namespace Realm::Ui
