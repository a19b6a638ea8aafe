// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamclient/eventsclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Realm::TeamClient {

namespace {
constexpr int kPingIntervalMs = 30 * 1000;
constexpr int kFirstRetryMs = 1000;
constexpr int kLongestRetryMs = 60 * 1000;
// A connection that lasted this long was a good one: the next failure
// starts waiting from the shortest wait again. (One dropped soon after it
// opened — a proxy that cuts sockets — keeps backing off.)
constexpr qint64 kStableMs = 60 * 1000;
} // namespace

EventsClient::EventsClient(CredentialsSource credentials, QObject *parent)
    : QObject(parent), m_credentials(std::move(credentials))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventsClient::connectNow);
    // Idle connections through proxies and NATs are dropped silently; a
    // ping now and then keeps this one open (and finds a dead one).
    m_ping.setInterval(kPingIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        // The server answers every ping: silence for two rounds is a dead
        // connection (a laptop that slept, a network that changed).
        if (m_lastHeard.elapsed() > 2 * kPingIntervalMs + 5000) {
            m_lastProblem = QCoreApplication::translate("Realm::TeamClient", "The server stopped answering; reconnecting.");
            m_socket.abort();
            return;
        }
        send({{QStringLiteral("type"), QStringLiteral("ping")}});
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] { send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_token}}); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &EventsClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &EventsClient::onClosed);
    // A connection that fails before it opens may not say "disconnected".
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            onClosed();
    });
}

EventsClient::~EventsClient()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl EventsClient::eventsUrl(const QUrl &server)
{
    QUrl url = server.adjusted(QUrl::StripTrailingSlash);
    url.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(url.path() + QStringLiteral("/api/v1/events"));
    return url;
}

void EventsClient::start()
{
    m_running = true;
    m_failures = 0;
    m_retry.stop();
    m_ping.stop();
    // (Re)connect at once: perhaps to another server, or as someone else.
    // What closes now is no news for anyone.
    m_open = false;
    m_ready = false;
    forgetPresence();
    m_socket.abort();
    connectNow();
}

void EventsClient::stop()
{
    forgetPresence();
    m_running = false;
    ++m_attempt;
    m_retry.stop();
    m_ping.stop();
    m_open = false;
    m_ready = false;
    m_socket.abort();
}

void EventsClient::connectNow()
{
    if (!m_running)
        return;
    const quint64 attempt = ++m_attempt;
    m_credentials([this, attempt](Result<Credentials> credentials) {
        if (attempt != m_attempt || !m_running)
            return;
        if (!credentials) {
            // Signed out or the session ended: nothing to retry until the
            // next sign-in starts this again.
            if (credentials.error().code == Error::Code::Unauthenticated) {
                m_running = false;
                emit disconnected(credentials.error().message);
                return;
            }
            m_lastProblem = credentials.error().message;
            emit disconnected(m_lastProblem);
            retryLater();
            return;
        }
        m_token = credentials->bearer;
        m_open = true;
        m_socket.open(eventsUrl(credentials->server));
    });
}

void EventsClient::onText(const QString &text)
{
    m_lastHeard.start();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ready")) {
        m_ready = true;
        m_userId = message.value(QStringLiteral("user_id")).toString();
        m_readyAt.start();
        m_ping.start();
        // A new socket has nothing open.
        if (!m_watching.isEmpty())
            sendWatch();
        emit connected();
    } else if (type == QLatin1String("changed")) {
        const QString scope = message.value(QStringLiteral("scope")).toString();
        if (scope == QLatin1String("project"))
            emit projectChanged(message.value(QStringLiteral("id")).toString(), message.value(QStringLiteral("seq")).toInteger(),
                                message.value(QStringLiteral("epoch")).toString());
        else if (scope == QLatin1String("org_templates"))
            emit orgTemplatesChanged(message.value(QStringLiteral("id")).toString(), message.value(QStringLiteral("seq")).toInteger(),
                                     message.value(QStringLiteral("epoch")).toString());
        else if (scope == QLatin1String("me"))
            emit accountChanged();
    } else if (type == QLatin1String("presence")) {
        const QString projectId = message.value(QStringLiteral("project_id")).toString();
        if (projectId != m_watching)
            return; // about a project left since
        QStringList others;
        for (const QJsonValue &user : message.value(QStringLiteral("users")).toArray()) {
            const QJsonObject person = user.toObject();
            if (person.value(QStringLiteral("user_id")).toString() != m_userId)
                others << person.value(QStringLiteral("name")).toString();
        }
        m_heardPresence = true;
        emit presenceChanged(projectId, others);
    } else if (type == QLatin1String("error")) {
        const QJsonObject error = message.value(QStringLiteral("error")).toObject();
        // About the watched project (no longer visible): nobody is shown there.
        if (error.contains(QStringLiteral("project_id"))) {
            if (error.value(QStringLiteral("project_id")).toString() == m_watching)
                forgetPresence();
            return;
        }
        m_lastProblem = error.value(QStringLiteral("message")).toString();
        if (error.value(QStringLiteral("code")).toString() == QLatin1String("unauthenticated"))
            emit tokenRefused();
    }
}

void EventsClient::onClosed()
{
    // Both "disconnected" and an error may report one closing.
    if (!std::exchange(m_open, false))
        return;
    const bool wasReady = std::exchange(m_ready, false);
    m_ping.stop();
    forgetPresence();
    if (!m_running)
        return;
    QString why = m_lastProblem;
    if (why.isEmpty())
        why = m_socket.errorString();
    if (why.isEmpty() || wasReady)
        why = QCoreApplication::translate("Realm::TeamClient", "The connection to the server was lost; reconnecting.");
    m_lastProblem.clear();
    emit disconnected(why);
    if (wasReady && m_readyAt.elapsed() >= kStableMs)
        m_failures = 0;
    retryLater();
}

void EventsClient::retryLater()
{
    if (!m_running)
        return;
    // 1 s, 2 s, 4 s … a minute: a server that is down is not hammered.
    const int wait = std::min(kLongestRetryMs, kFirstRetryMs << std::min(m_failures, 6));
    ++m_failures;
    m_retry.start(wait);
}

void EventsClient::watch(const QString &serverProjectId)
{
    if (serverProjectId == m_watching)
        return;
    forgetPresence();
    m_watching = serverProjectId;
    if (m_ready)
        sendWatch();
}

void EventsClient::sendWatch()
{
    send({{QStringLiteral("type"), QStringLiteral("watch")}, {QStringLiteral("project_id"), m_watching}});
}

void EventsClient::forgetPresence()
{
    if (std::exchange(m_heardPresence, false))
        emit presenceChanged(m_watching, {});
}

void EventsClient::send(const QJsonObject &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace Realm::TeamClient
