// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/eventhub.h"

#include "common/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Realm::Server {

namespace {

// Entries per poll; more wait for the next one.
constexpr int kEntriesPerPoll = 500;

// What happens to a user without changing what they may see: no recheck.
bool changesStanding(const QString &action)
{
    static const QSet<QString> harmless{QStringLiteral("user.signed_in"), QStringLiteral("session.refreshed"), QStringLiteral("user.sign_in_failed"),
                                        QStringLiteral("user.password_reset_requested"), QStringLiteral("user.password_change_failed"),
                                        QStringLiteral("user.totp_change_failed"), QStringLiteral("user.totp_confirm_failed"), QStringLiteral("user.renamed"),
                                        QStringLiteral("user.totp_enabled"), QStringLiteral("user.totp_disabled")};
    return !harmless.contains(action);
}

QJsonObject errorMessage(const QString &code, const QString &message)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

} // namespace

EventHub::EventHub(const ApiContext &context, Options options, QObject *parent)
    : QObject(parent), m_context(context), m_options(options)
{
    m_poll.setInterval(m_options.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &EventHub::poll);
}

EventHub::~EventHub()
{
    closeAll();
}

void EventHub::start()
{
    m_poll.start();
    poll();
}

void EventHub::accept(std::unique_ptr<QWebSocket> socket)
{
    if (socket->requestUrl().path() != QLatin1String(kPath)) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, tr("No WebSocket here; events are at %1.").arg(QLatin1String(kPath)));
        socket.release()->deleteLater();
        return;
    }
    const quint64 id = m_nextId++;
    QWebSocket *raw = socket.get();
    raw->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
    raw->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageBytes));
    connect(raw, &QWebSocket::textMessageReceived, this, [this, id](const QString &text) { onText(id, text); });
    connect(raw, &QWebSocket::binaryMessageReceived, this, [this, id] { close(id, QWebSocketProtocol::CloseCodeDatatypeNotSupported, tr("Send JSON text.")); });
    connect(raw, &QWebSocket::disconnected, this, [this, id] {
        const auto found = m_connections.find(id);
        if (found == m_connections.end())
            return;
        found->second.socket.release()->deleteLater();
        m_connections.erase(found);
    });
    Connection connection;
    connection.socket = std::move(socket);
    connection.openedAtMs = Clock::nowMs();
    m_connections.emplace(id, std::move(connection));
}

void EventHub::closeAll()
{
    std::vector<quint64> ids;
    for (const auto &[id, connection] : m_connections)
        ids.push_back(id);
    for (quint64 id : ids)
        close(id, QWebSocketProtocol::CloseCodeGoingAway, tr("The server is stopping."));
}

void EventHub::onText(quint64 id, const QString &text)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    Connection &connection = found->second;
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping")) {
        send(connection, {{QStringLiteral("type"), QStringLiteral("pong")}});
        return;
    }
    if (connection.authenticated || connection.busy || type != QLatin1String("auth")) {
        send(connection, errorMessage(QStringLiteral("invalid_input"), tr("Send {\"type\":\"auth\",\"token\":…} once, first; then only \"ping\".")));
        return;
    }
    authenticate(id, message.value(QStringLiteral("token")).toString());
}

Result<EventHub::Standing> EventHub::standingOf(Result<Auth::Principal> principal) const
{
    if (!principal)
        return principal.error();
    Result<QList<std::pair<Auth::Org, Auth::OrgRole>>> orgs = m_context.organizations->orgsOf(*principal);
    if (!orgs)
        return orgs.error();
    Standing standing{*principal, {}};
    for (const auto &[org, role] : std::as_const(*orgs)) {
        // An API key sees only its own organization.
        if (!principal->viaApiKey() || org.id == principal->apiKeyOrgId)
            standing.orgIds.insert(org.id);
    }
    return standing;
}

void EventHub::authenticate(quint64 id, const QString &token)
{
    m_connections.at(id).busy = true;
    m_context.workers->start([this, id, token] {
        Result<Standing> standing = standingOf(m_context.signIn->authenticate(token));
        QMetaObject::invokeMethod(this, [this, id, token, standing] {
            const auto found = m_connections.find(id);
            if (found == m_connections.end())
                return;
            Connection &connection = found->second;
            connection.busy = false;
            if (!standing) {
                const bool refused = standing.error().code == Error::Code::Unauthenticated;
                send(connection, errorMessage(refused ? QStringLiteral("unauthenticated") : QStringLiteral("internal"),
                                              refused ? standing.error().message : tr("The server failed to check the token. Try again.")));
                close(id, QWebSocketProtocol::CloseCodePolicyViolated, refused ? tr("Not signed in.") : tr("Try again."));
                return;
            }
            connection.authenticated = true;
            connection.principal = standing->principal;
            connection.orgIds = standing->orgIds;
            if (standing->principal.viaApiKey())
                connection.apiKey = token;
            QStringList orgs(standing->orgIds.begin(), standing->orgIds.end());
            orgs.sort();
            send(connection, {{QStringLiteral("type"), QStringLiteral("ready")},
                              {QStringLiteral("user_id"), standing->principal.userId},
                              {QStringLiteral("org_ids"), QJsonArray::fromStringList(orgs)},
                              {QStringLiteral("seq"), std::max<qint64>(m_lastSeq, 0)}});
        }, Qt::QueuedConnection);
    });
}

void EventHub::recheck(quint64 id, qint64 seq)
{
    Connection &current = m_connections.at(id);
    if (current.busy)
        return;
    current.busy = true;
    const Auth::Principal principal = current.principal;
    const QString apiKey = current.apiKey;
    m_context.workers->start([this, id, seq, principal, apiKey] {
        Result<Standing> standing = standingOf(m_context.signIn->recheck(principal, apiKey));
        QMetaObject::invokeMethod(this, [this, id, seq, standing] {
            const auto found = m_connections.find(id);
            if (found == m_connections.end())
                return;
            Connection &connection = found->second;
            connection.busy = false;
            if (!standing) {
                if (standing.error().code == Error::Code::Unauthenticated) {
                    send(connection, errorMessage(QStringLiteral("unauthenticated"), tr("This session has ended. Sign in again.")));
                    close(id, QWebSocketProtocol::CloseCodePolicyViolated, tr("Not signed in."));
                }
                return;
            }
            connection.principal = standing->principal;
            connection.orgIds = standing->orgIds;
            send(connection, {{QStringLiteral("type"), QStringLiteral("changed")}, {QStringLiteral("scope"), QStringLiteral("me")},
                              {QStringLiteral("id"), connection.principal.userId}, {QStringLiteral("seq"), seq}});
        }, Qt::QueuedConnection);
    });
}

void EventHub::poll()
{
    // Sockets that never authenticated go.
    const qint64 now = Clock::nowMs();
    std::vector<quint64> late;
    for (const auto &[id, connection] : m_connections) {
        if (!connection.authenticated && !connection.busy && now - connection.openedAtMs > m_options.authTimeoutMs)
            late.push_back(id);
    }
    for (quint64 id : late)
        close(id, QWebSocketProtocol::CloseCodePolicyViolated, tr("Authenticate within %1 seconds.").arg(m_options.authTimeoutMs / 1000));

    if (m_polling)
        return;
    m_polling = true;
    const qint64 after = m_lastSeq;
    m_context.workers->start([this, after] {
        Result<QList<Auth::AuditEntry>> entries = m_context.database->read([after](const QSqlDatabase &db) -> Result<QList<Auth::AuditEntry>> {
            if (after < 0) {
                // The first read: from the end, not the beginning.
                Result<qint64> last = Auth::AuditLog::lastSeq(db);
                if (!last)
                    return last.error();
                Auth::AuditEntry mark;
                mark.seq = *last;
                return QList<Auth::AuditEntry>{mark};
            }
            return Auth::AuditLog::since(db, after, kEntriesPerPoll);
        });
        QMetaObject::invokeMethod(this, [this, after, entries] {
            m_polling = false;
            if (!entries) {
                qWarning("The event feed cannot read the audit log: %s", qPrintable(entries.error().message));
                return;
            }
            if (after < 0) {
                m_lastSeq = entries->first().seq;
                return;
            }
            dispatch(*entries);
        }, Qt::QueuedConnection);
    });
}

void EventHub::dispatch(const QList<Auth::AuditEntry> &entries)
{
    for (const Auth::AuditEntry &entry : entries) {
        m_lastSeq = std::max(m_lastSeq, entry.seq);
        const bool aboutStanding = changesStanding(entry.action);
        for (auto &[id, connection] : m_connections) {
            if (!connection.authenticated)
                continue;
            const Auth::Principal &principal = connection.principal;
            if (aboutStanding && (entry.target == principal.userId || (principal.viaApiKey() && entry.target == principal.apiKeyId))) {
                recheck(id, entry.seq);
                continue;
            }
            if (!entry.orgId.isEmpty() && connection.orgIds.contains(entry.orgId))
                send(connection, {{QStringLiteral("type"), QStringLiteral("changed")}, {QStringLiteral("scope"), QStringLiteral("org")},
                                  {QStringLiteral("id"), entry.orgId}, {QStringLiteral("seq"), entry.seq}});
        }
    }
}

void EventHub::send(Connection &connection, const QJsonObject &message)
{
    connection.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void EventHub::close(quint64 id, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    std::unique_ptr<QWebSocket> socket = std::move(found->second.socket);
    m_connections.erase(found);
    socket->disconnect(this);
    socket->close(code, reason);
    // Into the kernel now: at shutdown the event loop may not turn again.
    socket->flush();
    socket.release()->deleteLater();
}

} // namespace Realm::Server
