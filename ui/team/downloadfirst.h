// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "syncclient/projectsyncer.h"

#include <QObject>
#include <QPointer>

namespace Realm::Ui {

class SyncController;

// Before a job that reads a project's contents (an export, docs): what a
// project cloned to download contents only when needed has not downloaded
// yet is downloaded first, through the window's SyncController, so that
// the job does not stop at the first file missing. Without a controller
// ready() is emitted within start(); when nothing is missing, once a look
// at the workspace (off the UI thread) says so.
class DownloadFirst final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadFirst)
public:
    explicit DownloadFirst(QObject *parent = nullptr) : QObject(parent) {}

    void setSync(SyncController *sync);
    void start(const Storage::DatabasePtr &db, const QString &projectId, SyncClient::FetchReach reach);
    // Stops the look or the download (only ours: syncs in line stay).
    // failed() follows, even should the download end well meanwhile.
    void cancel();
    // From start() to ready() or failed().
    bool isBusy() const { return m_busy; }

signals:
    void progress(double fraction, const QString &text);
    void ready();
    void failed(const QString &message);

private:
    void download(const QString &projectId, SyncClient::FetchReach reach);
    void end(bool ok, const QString &error);

    QPointer<SyncController> m_sync;
    quint64 m_fetchId = 0; // the download running (0: none)
    QList<QMetaObject::Connection> m_connections;
    quint64 m_ticket = 0; // start()'s, so that an older look that ends late is dropped
    bool m_busy = false;
    bool m_cancelRequested = false;
};

} // namespace Realm::Ui
