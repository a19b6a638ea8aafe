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
    if (m_busy)
        return; // one at a time: the callers wait for ready() or failed()
    m_busy = true;
    m_cancelRequested = false;
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
    m_connections.append(connect(m_sync, &SyncController::progress, this, &DownloadFirst::progress));
    m_connections.append(connect(m_sync, &SyncController::fetchEnded, this,
                                 [this](const QString &, const QStringList &, bool ok, const QString &error, quint64 fetchId) {
                                     if (fetchId == m_fetchId)
                                         end(ok, error);
                                 }));
    emit progress(-1, tr("Downloading the file contents this project has not downloaded yet…"));
    m_fetchId = m_sync->fetch(projectId, {}, reach);
}

void DownloadFirst::cancel()
{
    if (!m_busy)
        return;
    m_cancelRequested = true;
    if (m_fetchId != 0 && m_sync) {
        m_sync->cancelFetch(m_fetchId); // fetchEnded follows, and with it failed()
        return;
    }
    end(false, {});
}

void DownloadFirst::end(bool ok, const QString &error)
{
    for (const QMetaObject::Connection &connection : std::exchange(m_connections, {}))
        disconnect(connection);
    m_fetchId = 0;
    m_busy = false;
    // A download that ended well just as Cancel was pressed still cancels.
    if (m_cancelRequested)
        emit failed(tr("Cancelled: nothing was done (what was downloaded stays)."));
    else if (ok)
        emit ready();
    else
        emit failed(tr("Cannot download the file contents this project has not downloaded yet: %1").arg(error));
}

} // namespace Realm::Ui
