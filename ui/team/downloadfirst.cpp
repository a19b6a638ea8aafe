// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/downloadfirst.h"

#include "jobs/background.h"
#include "syncclient/contents.h"
#include "team/synccontroller.h"

namespace Realm::Ui {

void DownloadFirst::setSync(SyncController *sync)
{
    m_sync = sync;
}

void DownloadFirst::start(const Storage::DatabasePtr &db, const QString &projectId, SyncClient::FetchReach reach)
{
    m_busy = true;
    const quint64 ticket = ++m_ticket;
    if (!m_sync) { // nowhere to download from: the job says what it lacks
        end(true, {});
        return;
    }
    runInBackground(
        this, db,
        [projectId, reach](const Storage::DatabasePtr &workspace) {
            Result<std::optional<SyncClient::SyncInput>> input = SyncClient::downloadBefore(workspace, projectId, reach);
            return input ? Result<bool>(input->has_value()) : Result<bool>(input.error());
        },
        [this, ticket, projectId, reach](const Result<bool> &needed) {
            if (ticket != m_ticket || !m_busy)
                return;
            if (!needed)
                end(false, needed.error().message);
            else if (!*needed || !m_sync)
                end(true, {});
            else
                download(projectId, reach);
        });
}

void DownloadFirst::download(const QString &projectId, SyncClient::FetchReach reach)
{
    m_projectId = projectId;
    m_connections.append(connect(m_sync, &SyncController::progress, this, &DownloadFirst::progress));
    m_connections.append(connect(m_sync, &SyncController::fetchEnded, this,
                                 [this](const QString &endedProject, const QStringList &paths, bool ok, const QString &error) {
                                     // A file opened meanwhile downloads by its path: not ours.
                                     if (endedProject == m_projectId && paths.isEmpty())
                                         end(ok, error);
                                 }));
    emit progress(-1, tr("Downloading the file contents this project has not downloaded yet…"));
    m_sync->fetch(projectId, {}, reach);
}

void DownloadFirst::cancel()
{
    if (!m_busy)
        return;
    if (!m_projectId.isEmpty() && m_sync) {
        m_sync->cancel(); // fetchEnded follows, and with it failed()
        return;
    }
    end(false, tr("Cancelled before anything was downloaded."));
}

void DownloadFirst::end(bool ok, const QString &error)
{
    for (const QMetaObject::Connection &connection : std::exchange(m_connections, {}))
        disconnect(connection);
    m_projectId.clear();
    m_busy = false;
    if (ok)
        emit ready();
    else
        emit failed(error);
}

} // namespace Realm::Ui
