// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverdb/serverdatabase.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace Realm::ServerDb {

// Hears PostgreSQL's NOTIFY on one channel (LISTEN), so that what one
// instance commits wakes every instance at once instead of at its next
// poll. It listens on a thread and a connection of its own, checks the
// connection every few seconds, and after a lost one listens again and
// fires once (something may have been missed meanwhile), with no payload.
// On SQLite, where one instance runs, it hears the commits of this process
// (ServerDatabase::listenLocally) and isListening() stays false: another
// process — `realm-server` admin commands — notifies nobody.
class DatabaseNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseNotifier)

public:
    DatabaseNotifier(ServerDatabasePtr database, QString channel, QObject *parent = nullptr);
    ~DatabaseNotifier() override;

    void start();
    // Whether notifications are being heard now (pollers may then slow down).
    bool isListening() const { return m_listening.load(); }

signals:
    // From the notifier's (or the committing) thread: connect with a
    // queued connection.
    void notified(const QString &payload);

private:
    ServerDatabasePtr m_database;
    QString m_channel;
    QThread m_thread;
    std::atomic<bool> m_listening = false;
    int m_localListener = 0;
    friend class NotifierWorker;
};

} // namespace Realm::ServerDb
