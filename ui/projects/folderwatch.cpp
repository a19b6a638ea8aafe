// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/folderwatch.h"

#include "settings/appsettings.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Realm::Ui {

FolderWatch::FolderWatch(Storage::DatabasePtr db, QObject *parent, Projects::SourceWatcher::Limits limits)
    : QObject(parent)
    , m_db(std::move(db))
    , m_watcher(limits)
{
    connect(&m_watcher, &Projects::SourceWatcher::changed, this, [this](const QString &folder, const QStringList &paths) {
        if (folder == m_folder && !m_projectId.isEmpty()) // else a folder let go of since
            request(m_projectId, {false, QSet<QString>(paths.cbegin(), paths.cend())});
    });
    connect(&m_watcher, &Projects::SourceWatcher::watching, this, [this](const QString &folder, qsizetype, qsizetype files, qsizetype budget) {
        if (folder != m_folder)
            return;
        m_watching = true;
        if (files > 0 || m_fileCount == 0)
            return;
        emit notice(tr("Only the folders of this project are watched: its %n file(s) are more than REALM may watch (%1). "
                       "A file saved in place is picked up by Refresh (F5); raising fs.inotify.max_user_watches lifts the limit.",
                       nullptr, int(std::min<qint64>(m_fileCount, INT_MAX)))
                        .arg(budget));
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
        if (watchable && !m_upToDate.contains(project.id)) {
            m_upToDate.insert(project.id);
            request(project.id, {true, {}});
        }
    }
    m_watching = false;
    if (!watchable) {
        m_folder.clear();
        m_watcher.stop();
        return;
    }
    m_folder = QDir::cleanPath(QFileInfo(project.source.location).absoluteFilePath());
    m_fileCount = files.size();
    m_watcher.watch(m_folder, files);
}

void FolderWatch::giveWay(std::function<void()> start)
{
    m_givingWay = true;
    if (!m_job) {
        start();
        return;
    }
    m_startWhenIdle = std::move(start);
    m_job->cancel();
}

void FolderWatch::resume()
{
    m_givingWay = false;
    runNext();
}

void FolderWatch::request(const QString &projectId, const Request &more)
{
    merge(projectId, more);
    runNext();
}

void FolderWatch::merge(const QString &projectId, const Request &more)
{
    Request &pending = m_pending[projectId];
    pending.whole = pending.whole || more.whole;
    if (pending.whole)
        pending.paths.clear();
    else
        pending.paths.unite(more.paths);
}

void FolderWatch::runNext()
{
    if (m_job || m_givingWay || m_pending.isEmpty())
        return;
    const auto next = m_pending.begin();
    m_jobProject = next.key();
    m_jobRequest = next.value();
    m_pending.erase(next);
    QStringList paths(m_jobRequest.paths.cbegin(), m_jobRequest.paths.cend());
    paths.sort();
    m_job = new Projects::ImportJob(m_db, {{}, m_jobProject, paths, AppSettings::load().importOptions()}, this);
    connect(m_job, &Projects::ImportJob::finished, this, [this](Projects::ImportReport report) {
        ended();
        // Its warnings are mostly about paths that were gone again before
        // they were read (an editor's temporary file): not worth a word.
        report.warnings.clear();
        if (report.added + report.changed + report.removed > 0)
            emit refreshed(report);
        runNext();
    });
    connect(m_job, &Projects::ImportJob::failed, this, [this](const Error &error) {
        const QString project = m_jobProject;
        const Request unfinished = m_jobRequest;
        ended();
        if (error.code == Error::Code::Cancelled)
            merge(project, unfinished); // read again after the window's import
        else
            emit failed(error.message);
        runNext();
    });
    m_job->start();
}

void FolderWatch::ended()
{
    m_job->deleteLater();
    m_job = nullptr;
    if (m_startWhenIdle)
        std::exchange(m_startWhenIdle, {})();
}

} // namespace Realm::Ui
