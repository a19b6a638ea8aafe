// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/auditlog.h"
#include "server/apicontext.h"
#include "server/presence.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace Realm::Server {

// /api/v1/events: a WebSocket that tells signed-in clients what to read
// again — "organization X changed", "your account changed" — instead of
// them polling. Its pokes carry nothing a client could not GET, and a
// missed one costs nothing (clients read on connect and reconnect anyway);
// presence (below) is the one thing only this socket tells.
//
// The client's first message authenticates: {"type":"auth","token":…}
// (an access token or API key), answered {"type":"ready",…}; then the
// server sends {"type":"changed","scope":"org"|"me","id":…,"seq":N}, and
// after a push to a shared project {"type":"changed","scope":"project",
// "id":PROJECT,"seq":N,"epoch":E} with N the project's change-log seq and
// E the server's sync epoch (a restored database has a new one).
// Changes are found in the audit log, which every instance writes and
// reads: the hub reads its new entries when woken (a commit of this
// instance; PostgreSQL's NOTIFY from any instance) and once a second
// while nothing wakes it, so pokes reach the clients of every instance with no
// state between them. A session ended
// or a user disabled closes that user's sockets at the next poll.
//
// Presence: a client says which shared project it has open,
// {"type":"watch","project_id":P} (empty: none), and then hears who has
// P open whenever that changes, {"type":"presence","project_id":P,
// "users":[{"user_id":…,"name":…}]} (itself included). Kept in the
// database (Presence) so that every instance sees everyone; an instance
// renews its sockets' rows, and those of one that died expire.
// Lives on the server's event loop; database work runs on the workers.
class EventHub final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    static constexpr char kPath[] = "/api/v1/events";

    struct Options {
        // Sockets' deadlines and rechecks; and the audit log, unless
        // `woken` says wake() calls come for every change.
        int pollIntervalMs = 1000;
        std::function<bool()> woken;
        // The audit log is read at least this often even when woken.
        int wokenPollIntervalMs = 30000;
        int authTimeoutMs = 10000; // a socket that does not authenticate by then is closed
        qint64 maxMessageBytes = 16 * 1024;
        // Sessions and keys that expire write no audit entry: every socket
        // is checked again this often.
        qint64 recheckIntervalMs = 5 * 60 * 1000;
        // A client that stops reading is dropped before its backlog grows.
        qint64 maxBacklogBytes = 256 * 1024;
        // A socket's presence lasts this long unless its instance renews
        // it (every presenceRenewMs) — how long a crashed instance's
        // sockets still show as present.
        qint64 presenceTtlMs = 90 * 1000;
        int presenceRenewMs = 30 * 1000;
        // Authenticated sockets are pinged this often (a WebSocket ping,
        // answered by the client's library) and closed after this long
        // without a word.
        qint64 pingIntervalMs = 30 * 1000;
        qint64 silenceLimitMs = 75 * 1000;
    };

    EventHub(const ApiContext &context, Options options, QObject *parent = nullptr);
    ~EventHub() override;

    // Starts reading the audit log from its current end.
    void start();
    // Takes a socket upgraded by the front end (any path; others are closed).
    void accept(std::unique_ptr<QWebSocket> socket);
    // Shutdown: every socket is closed with "going away".
    void closeAll();
    // Something was written to the audit log (by any instance): read it now.
    void wake();
    // Who has `projectId` open changed (on any instance): read it, and
    // tell this instance's sockets that have it open if it is news to them.
    // Empty: anything may have changed (notifications were missed).
    void presenceChanged(const QString &projectId);
    int connectionCount() const { return int(m_connections.size()); }

private:
    struct Connection {
        std::unique_ptr<QWebSocket> socket;
        qint64 openedAtMs = 0;
        qint64 heardAtMs = 0; // any message or pong
        qint64 pingedAtMs = 0;
        bool authenticated = false;
        bool busy = false; // authenticating or rechecking
        // Something may have changed since the check in flight read the
        // database (or that check failed): check again when it lands.
        bool recheckPending = false;
        bool overrun = false; // its backlog grew too long: closed at the next poll
        qint64 checkedAtMs = 0;
        Auth::Principal principal;
        QString apiKey; // to recheck a key-authenticated socket
        QSet<QString> orgIds;
        QHash<QString, Auth::Access::ProjectRoles> projectRoles; // by organization
        // Presence: the project recorded as open, the one asked for (they
        // differ while a write is under way; one at a time, in order).
        QString watching;
        QString watchingOrgId;
        QString watchWanted;
        bool watchWriting = false;
        std::optional<QList<PresentUser>> presenceSent; // for `watching`
        bool seesProject(const QString &orgId, const QString &projectId) const;
    };
    // The principal, the organizations it belongs to and its project roles
    // in each.
    struct Standing {
        Auth::Principal principal;
        QSet<QString> orgIds;
        QHash<QString, Auth::Access::ProjectRoles> projectRoles;
    };

    using CheckDone = std::function<void(quint64 id, Connection &connection, const Result<Standing> &standing)>;
    // Runs `check` on a worker with the connection marked busy; `done`
    // gets the answer back on this thread if the connection is still open.
    void checkOnWorker(quint64 id, std::function<Result<Standing>()> check, CheckDone done);
    void onText(quint64 id, const QString &text);
    void authenticate(quint64 id, const QString &token);
    void recheck(quint64 id);
    Result<Standing> standingOf(Result<Auth::Principal> principal) const;
    void poll();
    void readAudit();
    void dispatch(const QList<Auth::AuditEntry> &entries);
    static QJsonObject pokeFor(const Auth::AuditEntry &entry);
    static QJsonObject errorMessage(const QString &code, const QString &message);
    void send(Connection &connection, const QJsonObject &message);
    void close(quint64 id, QWebSocketProtocol::CloseCode code, const QString &reason);
    // The connection is going: its presence with it.
    void forget(quint64 id, Connection &connection);
    // Presence (eventhubpresence.cpp).
    void watch(quint64 id, const QString &projectId);
    void writeWatch(quint64 id);
    void removePresence(const QString &socketId);
    void renewPresence();
    // After a recheck: a project it may no longer see is no longer open;
    // news it was not told while the check ran is told now.
    void recheckPresence(quint64 id, Connection &connection);
    void forgetPresenceOfInstance();
    QString socketId(quint64 id) const { return m_instanceId + QLatin1Char(':') + QString::number(id); }

    ApiContext m_context;
    Options m_options;
    std::unordered_map<quint64, Connection> m_connections;
    quint64 m_nextId = 1;
    QTimer m_poll;
    qint64 m_lastSeq = -1; // -1: not read yet
    bool m_polling = false;
    bool m_readAgain = false; // woken while a read was under way
    qint64 m_lastReadMs = 0;
    bool m_stopping = false;
    QString m_instanceId; // this hub's presence rows
    QTimer m_presenceRenewal;
    QSet<QString> m_presenceReading; // projects whose presence is being read
    QSet<QString> m_presenceReadAgain; // … and changed meanwhile
};

} // namespace Realm::Server
