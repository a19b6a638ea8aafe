// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/teamserver.h"

#include "common/clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QThread>

#include <optional>

#include <sys/resource.h>

namespace Realm::Server {

namespace {

// Enough workers to keep the database busy while some hash passwords
// (~19 MiB each): memory stays bounded.
constexpr int kWorkerThreads = 8;

// Every connection is a descriptor, and the usual soft limit (1,024) is far
// below what a server holds (event sockets stay open): take the hard limit,
// as nginx and Go servers do.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        // Not fatal: the connection limit follows whatever the limit is.
        [[maybe_unused]] const int result = setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

Result<std::unique_ptr<TeamServer>> TeamServer::start(const ServeOptions &options, HttpFrontend::LogSink log)
{
    Result<DataFolder> data = DataFolder::open(options.dataFolder);
    if (!data)
        return data.error();
    const ServerConfig &config = data->config();
    QString host = config.listenHost;
    quint16 port = config.listenPort;
    if (!options.listen.isEmpty()) {
        Result<std::pair<QString, quint16>> address = ServerConfig::parseListen(options.listen);
        if (!address)
            return address.error();
        host = address->first;
        port = address->second;
    }
    Result<ServerDb::DatabaseLocation> location = data->databaseLocation(options.databaseUrl);
    if (!location)
        return location.error();
    Result<ServerDb::ServerDatabasePtr> database = ServerDb::ServerDatabase::open(*location);
    if (!database)
        return database.error();

    std::unique_ptr<TeamServer> server(new TeamServer);
    server->m_data = std::make_unique<DataFolder>(*data);
    server->m_database = *database;
    server->m_workers.setMaxThreadCount(kWorkerThreads);
    // Workers never retire: each keeps its database connection (the pool).
    server->m_workers.setExpiryTimeout(-1);
    server->m_passwordWorkers.setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
    server->m_passwordWorkers.setExpiryTimeout(-1);
    server->m_context.database = server->m_database;
    server->m_context.accounts = std::make_shared<Auth::Accounts>(server->m_database);
    server->m_context.signIn = std::make_shared<Auth::SignIn>(server->m_database, Auth::Tokens(data->signingKey()), config.signInLimits,
                                                              config.accessTokenLifetimeSeconds);
    server->m_context.organizations = std::make_shared<Auth::Organizations>(server->m_database);
    server->m_context.projects = std::make_shared<Auth::SharedProjects>(server->m_database);
    server->m_context.apiKeys = std::make_shared<Auth::ApiKeys>(server->m_database);
    std::unique_ptr<Mail::MailSender> sender;
    if (config.smtp.url.isEmpty())
        sender = std::make_unique<Mail::FileMailSender>(data->mailFolder(), config.smtp.from);
    else
        sender = std::make_unique<Mail::SmtpMailSender>(config.smtp);
    server->m_mail = std::make_unique<Mail::MailDispatcher>(server->m_database, std::move(sender), log);
    Mail::MailDispatcher *mail = server->m_mail.get();
    const auto wakeMail = [mail] { mail->wake(); };
    server->m_context.myAccount = std::make_shared<Auth::MyAccount>(server->m_database, config.signInLimits, wakeMail);
    server->m_context.invitations = std::make_shared<Auth::Invitations>(server->m_database, wakeMail);
    server->m_context.registration = std::make_shared<Auth::Registration>(server->m_database, config.registration, wakeMail);
    server->m_context.secondFactor = std::make_shared<Auth::SecondFactor>(server->m_database, config.signInLimits);
    server->m_context.sync = std::make_shared<SyncServer::ProjectSync>(server->m_database);
    server->m_context.workers = &server->m_workers;
    server->m_context.passwordWorkers = &server->m_passwordWorkers;
    server->m_context.metrics = &server->m_metrics;
    server->m_frontend = std::make_unique<HttpFrontend>(server->m_router, server->m_metrics, config.trustedProxies, std::move(log));
    HttpFrontend *frontend = server->m_frontend.get();
    server->m_context.requestsInFlight = [frontend] { return frontend->requestsInFlight(); };
    server->m_context.connectionsOpen = [frontend] { return frontend->connectionsOpen(); };
    server->m_context.router = &server->m_router;
    // The routes copy the context: complete it first.
    addHealthRoutes(server->m_router, server->m_context);
    addAuthRoutes(server->m_router, server->m_context);
    addSecondFactorRoutes(server->m_router, server->m_context);
    addOrgRoutes(server->m_router, server->m_context);
    addInvitationRoutes(server->m_router, server->m_context);
    addProjectRoutes(server->m_router, server->m_context);
    addApiKeyRoutes(server->m_router, server->m_context);
    addSyncRoutes(server->m_router, server->m_context);
    addOpenApiRoute(server->m_router, server->m_context);
    connect(frontend, &HttpFrontend::drained, server.get(), &TeamServer::stopped);
    // With PostgreSQL, every instance hears every audit entry at once
    // (LISTEN/NOTIFY) and reads the log then, not at its next poll.
    server->m_auditNotifier = std::make_unique<ServerDb::DatabaseNotifier>(server->m_database, QString::fromLatin1(Auth::AuditLog::kNotifyChannel));
    ServerDb::DatabaseNotifier *auditNotifier = server->m_auditNotifier.get();
    EventHub::Options eventOptions;
    eventOptions.pingIntervalMs = qint64(config.eventsPingIntervalSeconds) * 1000;
    eventOptions.silenceLimitMs = qint64(config.eventsPingIntervalSeconds) * 2500;
    eventOptions.woken = [auditNotifier] { return auditNotifier->isListening(); };
    server->m_events = std::make_unique<EventHub>(server->m_context, eventOptions);
    EventHub *events = server->m_events.get();
    connect(auditNotifier, &ServerDb::DatabaseNotifier::notified, events, &EventHub::wake, Qt::QueuedConnection);
    // Presence changes name their project: each instance tells its own sockets.
    server->m_presenceNotifier = std::make_unique<ServerDb::DatabaseNotifier>(server->m_database, QString::fromLatin1(Presence::kNotifyChannel));
    connect(server->m_presenceNotifier.get(), &ServerDb::DatabaseNotifier::notified, events, &EventHub::presenceChanged, Qt::QueuedConnection);
    connect(frontend, &QAbstractHttpServer::newWebSocketConnection, events, [frontend, events] {
        while (frontend->hasPendingWebSocketConnections())
            events->accept(frontend->nextPendingWebSocketConnection());
    });

    const QString certificate = options.tlsCertificate.isEmpty() ? config.tlsCertificate : options.tlsCertificate;
    const QString key = options.tlsKey.isEmpty() ? config.tlsKey : options.tlsKey;
    if (certificate.isEmpty() != key.isEmpty())
        return Error::invalidInput(tr("HTTPS needs both a certificate and its key: give --tls-cert and --tls-key (or tls_cert and tls_key in the configuration)."));
    std::optional<QSslConfiguration> tls;
    if (!certificate.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificate, QSsl::Pem);
        QFile keyFile(key);
        if (chain.isEmpty())
            return Error::invalidInput(tr("Cannot read a PEM certificate from %1.").arg(certificate));
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error::io(tr("Cannot read the TLS key %1: %2.").arg(key, keyFile.errorString()));
        const QByteArray keyPem = keyFile.readAll();
        QSslKey sslKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (sslKey.isNull())
            sslKey = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (sslKey.isNull())
            return Error::invalidInput(tr("Cannot read the TLS key %1: it is not an unencrypted PEM RSA or EC key.").arg(key));
        tls = QSslConfiguration::defaultConfiguration();
        tls->setLocalCertificateChain(chain);
        tls->setPrivateKey(sslKey);
        tls->setProtocol(QSsl::TlsV1_2OrLater);
        tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    raiseDescriptorLimit();
    const quint16 listened = frontend->listenGuarded(QHostAddress(host), port, tls ? &*tls : nullptr, config.connectionLimits);
    if (listened == 0)
        return Error::unavailable(tr("Cannot listen on %1:%2: the port is taken or needs privileges. Choose another with --listen HOST:PORT.")
                                      .arg(host)
                                      .arg(port));
    const QString shownHost = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    server->m_url = QStringLiteral("%1://%2:%3").arg(certificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"), shownHost).arg(listened);
    // Set before the event loop runs, so before any request reads it.
    const QString publicUrl = config.publicUrl.isEmpty() ? server->m_url : config.publicUrl.toString();
    server->m_context.myAccount->setServerUrl(publicUrl);
    server->m_context.secondFactor->setServerUrl(publicUrl);
    server->m_context.invitations->setServerUrl(publicUrl);
    server->m_context.registration->setServerUrl(publicUrl);
    server->m_mail->start();
    server->m_auditNotifier->start();
    server->m_presenceNotifier->start();
    server->m_events->start();
    server->m_housekeeping.setInterval(std::chrono::hours(1));
    connect(&server->m_housekeeping, &QTimer::timeout, server.get(), &TeamServer::keepHouse);
    server->m_housekeeping.start();
    server->keepHouse();
    return server;
}

TeamServer::~TeamServer()
{
    // Work still running may read the front end (the in-flight gauge).
    m_workers.waitForDone();
    m_passwordWorkers.waitForDone();
    m_events.reset();
    m_workers.waitForDone(); // the hub's last presence removal
    m_auditNotifier.reset();
    m_presenceNotifier.reset();
    m_frontend.reset();
    // A mail being sent is aborted and stays queued for the next start (or
    // another instance).
    m_mail.reset();
}

void TeamServer::keepHouse()
{
    // Every instance may do it: pruning twice prunes nothing more.
    m_workers.start([sync = m_context.sync] {
        if (Result<qint64> pruned = sync->pruneTombstones(Clock::nowMs()); !pruned)
            qWarning("Cannot prune the sync tombstones: %s", qPrintable(pruned.error().message));
    });
}

void TeamServer::stop()
{
    m_housekeeping.stop();
    m_events->closeAll();
    m_frontend->stopAccepting();
}

} // namespace Realm::Server
