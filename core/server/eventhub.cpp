// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/eventhub.h"

#include "common/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

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
                                        QStringLiteral("project.synced"), QStringLiteral("org.templates_synced")};
    return !harmless.contains(action);
}

// What changes who may see which project of an organization for people
// the entry does not name — a role given to or taken from a whole team, a
// team gone — so that the organization's sockets read their project roles
// again. (A role of one user, a user joining or leaving a team, or making
// a project, is about that user alone.)
bool changesTeamsProjectAccess(const Auth::AuditEntry &entry)
{
    const bool ofTeam = entry.details.value(QStringLiteral("kind")).toString() == QLatin1String("team");
    return ((entry.action == QLatin1String("project.member_set") || entry.action == QLatin1String("project.member_removed")) && ofTeam)
           || entry.action == QLatin1String("team.deleted");
}

} // namespace

QJsonObject EventHub::errorMessage(const QString &code, const QString &message)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

EventHub::EventHub(const ApiContext &context, Options options, QObject *parent)
    : QObject(parent), m_context(context), m_options(options)
{
    m_poll.setInterval(m_options.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &EventHub::poll);
    m_instanceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_presenceRenewal.setInterval(m_options.presenceRenewMs);
    connect(&m_presenceRenewal, &QTimer::timeout, this, &EventHub::renewPresence);
}

EventHub::~EventHub()
{
    closeAll();
    // Once more, after writes that were under way as it stopped (the
    // server waits for the workers after this).
    forgetPresenceOfInstance();
}

void EventHub::start()
{
    m_poll.start();
    m_presenceRenewal.start();
    poll();
}

void EventHub::accept(std::unique_ptr<QWebSocket> socket)
{
    if (m_stopping) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, tr("The server is stopping."));
        socket.release()->deleteLater();
        return;
    }
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
    // Queued: never erased from the map while a loop walks it.
    connect(raw, &QWebSocket::disconnected, this, [this, id] {
        const auto found = m_connections.find(id);
        if (found == m_connections.end())
            return;
        forget(id, found->second);
        found->second.socket.release()->deleteLater();
        m_connections.erase(found);
    }, Qt::QueuedConnection);
    connect(raw, &QWebSocket::pong, this, [this, id] {
        if (const auto found = m_connections.find(id); found != m_connections.end())
            found->second.heardAtMs = Clock::nowMs();
    });
    Connection connection;
    connection.socket = std::move(socket);
    connection.openedAtMs = connection.heardAtMs = connection.pingedAtMs = Clock::nowMs();
    m_connections.emplace(id, std::move(connection));
}

void EventHub::closeAll()
{
    if (!std::exchange(m_stopping, true))
        forgetPresenceOfInstance(); // others stop seeing these sockets now
    m_poll.stop();
    m_presenceRenewal.stop();
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
    connection.heardAtMs = Clock::nowMs();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping")) {
        send(connection, {{QStringLiteral("type"), QStringLiteral("pong")}});
        return;
    }
    if (type == QLatin1String("watch") && connection.authenticated) {
        watch(id, message.value(QStringLiteral("project_id")).toString());
        return;
    }
    if (connection.authenticated || connection.busy || type != QLatin1String("auth")) {
        send(connection, errorMessage(QStringLiteral("invalid_input"), tr("Send {\"type\":\"auth\",\"token\":…} once, first; then only \"watch\" and \"ping\".")));
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
    Standing standing{*principal, {}, {}};
    for (const auto &[org, role] : std::as_const(*orgs)) {
        // An API key sees only its own organization.
        if (principal->viaApiKey() && org.id != principal->apiKeyOrgId)
            continue;
        standing.orgIds.insert(org.id);
        Result<Auth::Access::ProjectRoles> roles = m_context.projects->rolesIn(*principal, org.id);
        if (!roles)
            return roles.error();
        standing.projectRoles.insert(org.id, *roles);
    }
    return standing;
}

void EventHub::checkOnWorker(quint64 id, std::function<Result<Standing>()> check, CheckDone done)
{
    m_connections.at(id).busy = true;
    m_context.workers->start([this, id, check = std::move(check), done = std::move(done)] {
        const Result<Standing> standing = check();
        QMetaObject::invokeMethod(this, [this, id, done, standing] {
            const auto found = m_connections.find(id);
            if (found == m_connections.end())
                return;
            found->second.busy = false;
            done(id, found->second, standing);
        }, Qt::QueuedConnection);
    });
}

void EventHub::authenticate(quint64 id, const QString &token)
{
    const auto check = [this, token] { return standingOf(m_context.signIn->authenticate(token)); };
    checkOnWorker(id, check, [this, token](quint64 which, Connection &connection, const Result<Standing> &standing) {
        if (!standing) {
            const bool refused = standing.error().code == Error::Code::Unauthenticated;
            send(connection, errorMessage(refused ? QStringLiteral("unauthenticated") : QStringLiteral("internal"),
                                          refused ? standing.error().message : tr("The server failed to check the token. Try again.")));
            close(which, QWebSocketProtocol::CloseCodePolicyViolated, refused ? tr("Not signed in.") : tr("Try again."));
            return;
        }
        connection.authenticated = true;
        connection.checkedAtMs = connection.heardAtMs = connection.pingedAtMs = Clock::nowMs();
        connection.principal = standing->principal;
        connection.orgIds = standing->orgIds;
        connection.projectRoles = standing->projectRoles;
        if (standing->principal.viaApiKey())
            connection.apiKey = token;
        // Entries dispatched while this was read are covered by the
        // next poll's check (recheckPending stays set).
        QStringList orgs(standing->orgIds.begin(), standing->orgIds.end());
        orgs.sort();
        send(connection, {{QStringLiteral("type"), QStringLiteral("ready")},
                          {QStringLiteral("user_id"), standing->principal.userId},
                          {QStringLiteral("org_ids"), QJsonArray::fromStringList(orgs)},
                          {QStringLiteral("seq"), std::max<qint64>(m_lastSeq, 0)}});
    });
}

void EventHub::recheck(quint64 id)
{
    Connection &current = m_connections.at(id);
    if (current.busy) {
        current.recheckPending = true;
        return;
    }
    current.recheckPending = false;
    const auto check = [this, principal = current.principal, apiKey = current.apiKey] { return standingOf(m_context.signIn->recheck(principal, apiKey)); };
    checkOnWorker(id, check, [this](quint64 which, Connection &connection, const Result<Standing> &standing) {
        if (!standing) {
            if (standing.error().code == Error::Code::Unauthenticated) {
                send(connection, errorMessage(QStringLiteral("unauthenticated"), tr("This session has ended. Sign in again.")));
                close(which, QWebSocketProtocol::CloseCodePolicyViolated, tr("Not signed in."));
                return;
            }
            // The database did not answer: try again at the next poll.
            connection.recheckPending = true;
            return;
        }
        connection.checkedAtMs = Clock::nowMs();
        connection.principal = standing->principal;
        connection.orgIds = standing->orgIds;
        connection.projectRoles = standing->projectRoles;
        recheckPresence(which, connection);
        // Whatever changed, the client reads its account and
        // organizations again (org pokes held back meanwhile included).
        send(connection, {{QStringLiteral("type"), QStringLiteral("changed")}, {QStringLiteral("scope"), QStringLiteral("me")},
                          {QStringLiteral("id"), connection.principal.userId}, {QStringLiteral("seq"), std::max<qint64>(m_lastSeq, 0)}});
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
    std::vector<quint64> overrun;
    for (const auto &[id, connection] : m_connections) {
        if (connection.overrun)
            overrun.push_back(id);
    }
    for (quint64 id : overrun)
        close(id, QWebSocketProtocol::CloseCodePolicyViolated, tr("Too many unread messages."));
    // A peer gone without a word (a laptop asleep, a network changed)
    // leaves a socket open forever, and its presence with it: a WebSocket
    // ping now and then, which every client answers by itself, finds it.
    std::vector<quint64> silent;
    for (auto &[id, connection] : m_connections) {
        if (!connection.authenticated)
            continue;
        if (now - connection.heardAtMs > m_options.silenceLimitMs)
            silent.push_back(id);
        else if (now - connection.pingedAtMs >= m_options.pingIntervalMs) {
            connection.pingedAtMs = now;
            connection.socket->ping();
        }
    }
    for (quint64 id : silent)
        close(id, QWebSocketProtocol::CloseCodeGoingAway, tr("No answer to pings."));
    // Checks that were missed, failed, or are due (expiry writes no entry).
    for (auto &[id, connection] : m_connections) {
        if (connection.authenticated && !connection.busy && (connection.recheckPending || now - connection.checkedAtMs > m_options.recheckIntervalMs))
            recheck(id);
    }

    const int interval = m_options.woken && m_options.woken() ? m_options.wokenPollIntervalMs : m_options.pollIntervalMs;
    if (now - m_lastReadMs >= interval - m_options.pollIntervalMs / 2)
        readAudit();
}

void EventHub::wake()
{
    if (!m_stopping)
        readAudit();
}

void EventHub::readAudit()
{
    if (m_polling) {
        m_readAgain = true;
        return;
    }
    m_polling = true;
    m_readAgain = false;
    m_lastReadMs = Clock::nowMs();
    const qint64 after = m_lastSeq;
    m_context.workers->start([this, after] {
        // New entries, or on the first read only where the log ends now.
        struct Batch {
            qint64 lastSeq = 0;
            QList<Auth::AuditEntry> entries;
        };
        Result<Batch> batch = m_context.database->read([after](const QSqlDatabase &db) -> Result<Batch> {
            if (after < 0) {
                Result<qint64> last = Auth::AuditLog::lastSeq(db);
                if (!last)
                    return last.error();
                return Batch{*last, {}};
            }
            Result<QList<Auth::AuditEntry>> entries = Auth::AuditLog::since(db, after, kEntriesPerPoll);
            if (!entries)
                return entries.error();
            return Batch{entries->isEmpty() ? after : entries->last().seq, *entries};
        });
        QMetaObject::invokeMethod(this, [this, batch] {
            m_polling = false;
            if (!batch) {
                qWarning("The event feed cannot read the audit log: %s", qPrintable(batch.error().message));
                m_lastReadMs = 0; // again at the next poll
                return;
            }
            dispatch(batch->entries);
            m_lastSeq = std::max(m_lastSeq, batch->lastSeq);
            // A full page: more are waiting; or woken meanwhile.
            if ((batch->entries.size() == kEntriesPerPoll || m_readAgain) && !m_stopping)
                QMetaObject::invokeMethod(this, &EventHub::readAudit, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    });
}

bool EventHub::Connection::seesProject(const QString &orgId, const QString &projectId) const
{
    const auto roles = projectRoles.constFind(orgId);
    return roles != projectRoles.constEnd() && roles->of(projectId) >= Auth::ProjectRole::Viewer;
}

// What a client should read again after `entry`: a shared project's change
// log up to its seq after a push, the organization's templates after theirs,
// else the organization.
QJsonObject EventHub::pokeFor(const Auth::AuditEntry &entry)
{
    if (entry.action == QLatin1String("org.templates_synced"))
        return {{QStringLiteral("type"), QStringLiteral("changed")}, {QStringLiteral("scope"), QStringLiteral("org_templates")},
                {QStringLiteral("id"), entry.orgId}, {QStringLiteral("seq"), entry.details.value(QStringLiteral("seq"))},
                {QStringLiteral("epoch"), entry.details.value(QStringLiteral("epoch"))}};
    if (entry.action == QLatin1String("project.synced"))
        return {{QStringLiteral("type"), QStringLiteral("changed")}, {QStringLiteral("scope"), QStringLiteral("project")},
                {QStringLiteral("id"), entry.target}, {QStringLiteral("seq"), entry.details.value(QStringLiteral("seq"))},
                {QStringLiteral("epoch"), entry.details.value(QStringLiteral("epoch"))}};
    return {{QStringLiteral("type"), QStringLiteral("changed")}, {QStringLiteral("scope"), QStringLiteral("org")},
            {QStringLiteral("id"), entry.orgId}, {QStringLiteral("seq"), entry.seq}};
}

void EventHub::dispatch(const QList<Auth::AuditEntry> &entries)
{
    for (const Auth::AuditEntry &entry : entries) {
        m_lastSeq = std::max(m_lastSeq, entry.seq);
        const bool aboutStanding = changesStanding(entry.action);
        for (auto &[id, connection] : m_connections) {
            if (!connection.authenticated) {
                // Being authenticated from rows that may predate this entry.
                if (connection.busy && aboutStanding)
                    connection.recheckPending = true;
                continue;
            }
            const Auth::Principal &principal = connection.principal;
            const bool aboutThisUser = entry.target == principal.userId || (principal.viaApiKey() && entry.target == principal.apiKeyId)
                                       || ((entry.action == QLatin1String("org.created") || entry.action == QLatin1String("project.created"))
                                           && entry.actorId == principal.userId);
            // A key hears only of its own organization.
            const bool inScope = !principal.viaApiKey() || entry.orgId.isEmpty() || entry.orgId == principal.apiKeyOrgId;
            const bool aboutItsProjects = changesTeamsProjectAccess(entry) && connection.orgIds.contains(entry.orgId);
            if ((aboutStanding && aboutThisUser && inScope) || aboutItsProjects) {
                recheck(id);
                continue;
            }
            // While a check is due, the organizations may be stale (a member
            // just removed): its "me" poke makes the client read everything.
            if (connection.busy || connection.recheckPending)
                continue;
            if (entry.orgId.isEmpty() || !connection.orgIds.contains(entry.orgId))
                continue;
            // A project's changes only to those who may see the project.
            if (entry.action == QLatin1String("project.synced") && !connection.seesProject(entry.orgId, entry.target))
                continue;
            send(connection, pokeFor(entry));
        }
    }
}

void EventHub::send(Connection &connection, const QJsonObject &message)
{
    // A client that does not read would make the server hold its backlog.
    if (connection.overrun)
        return;
    if (connection.socket->bytesToWrite() > m_options.maxBacklogBytes) {
        connection.overrun = true;
        return;
    }
    connection.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void EventHub::close(quint64 id, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    forget(id, found->second);
    std::unique_ptr<QWebSocket> socket = std::move(found->second.socket);
    m_connections.erase(found);
    socket->disconnect(this);
    socket->close(code, reason);
    // Into the kernel now: at shutdown the event loop may not turn again.
    socket->flush();
    socket.release()->deleteLater();
}

} // namespace Realm::Server
