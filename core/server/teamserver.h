// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "server/apicontext.h"
#include "server/datafolder.h"
#include "server/eventhub.h"
#include "server/httpfrontend.h"
#include "server/metrics.h"
#include "server/router.h"
#include "mail/maildispatcher.h"
#include "serverdb/databasenotifier.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace Realm::Server {

struct ServeOptions final {
    QString dataFolder;
    QString listen;      // HOST:PORT; empty: the configuration's
    QString databaseUrl; // empty: the configuration's
    QString tlsCertificate;
    QString tlsKey;
};

// One running realm-server instance: the data folder, the database, the
// services, the routes and the HTTP front end, wired together. It keeps no
// state another instance would need: sessions, roles and throttling live
// in the database.
class TeamServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamServer)

public:
    static Result<std::unique_ptr<TeamServer>> start(const ServeOptions &options, HttpFrontend::LogSink log);
    ~TeamServer() override;

    // http(s)://HOST:PORT as listened on.
    QString url() const { return m_url; }
    const Router &router() const { return m_router; }
    // Stops taking connections and finishes the requests in flight;
    // stopped() follows.
    void stop();

signals:
    void stopped();

private:
    TeamServer() = default;
    // Hourly chores on a worker: tombstones past their retention.
    void keepHouse();

    std::unique_ptr<DataFolder> m_data;
    ServerDb::ServerDatabasePtr m_database;
    QThreadPool m_workers;
    QThreadPool m_passwordWorkers;
    Metrics m_metrics;
    Router m_router;
    ApiContext m_context;
    std::unique_ptr<Mail::MailDispatcher> m_mail;
    std::unique_ptr<HttpFrontend> m_frontend;
    std::unique_ptr<ServerDb::DatabaseNotifier> m_auditNotifier;
    std::unique_ptr<ServerDb::DatabaseNotifier> m_presenceNotifier;
    std::unique_ptr<EventHub> m_events;
    QTimer m_housekeeping;
    QString m_url;
};

} // namespace Realm::Server
