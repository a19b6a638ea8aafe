// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "teamclient/httptransport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <functional>

namespace Realm::TeamClient {

// The client end of the team server's /api/v1/events socket: hears "this
// project has changes up to seq N" within a second of a teammate's push,
// so the desktop pulls at once instead of waiting for its next round.
// The socket only says when to pull: a lost message costs nothing, since
// `connected` (first time and every reconnect) is the cue to pull anyway.
// Reconnects on its own, waiting longer after each failure (up to a
// minute). Lives on the UI thread; never blocks it.
class EventsClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsClient)
public:
    // Where to connect and a token to authenticate with, fetched afresh for
    // every connection (an access token lives ten minutes).
    using CredentialsSource = std::function<void(std::function<void(Result<Credentials>)>)>;

    explicit EventsClient(CredentialsSource credentials, QObject *parent = nullptr);
    ~EventsClient() override;

    // Connects (again), and keeps connecting until stop().
    void start();
    void stop();
    bool isConnected() const { return m_ready; }
    // Says which shared project is open here (empty: none), now and after
    // every reconnect; presenceChanged tells who else has it open.
    void watch(const QString &serverProjectId);

    // The socket's URL for a server's base URL (http → ws, https → wss).
    static QUrl eventsUrl(const QUrl &server);

signals:
    // Authenticated: pull everything now (pokes may have been missed).
    void connected();
    // Changes up to `seq` in the server's sync `epoch` (a cursor of another
    // epoch has not seen them, whatever its seq).
    void projectChanged(const QString &serverProjectId, qint64 seq, const QString &epoch);
    // An organization's prompt templates changed, up to `seq`.
    void orgTemplatesChanged(const QString &orgId, qint64 seq, const QString &epoch);
    // The account, its organizations or its project roles changed: read
    // everything again (project pokes held back meanwhile included).
    void accountChanged();
    // Who else has the watched project open (names; this user not
    // counted, on whatever machine). Empty when alone or not connected.
    void presenceChanged(const QString &serverProjectId, const QStringList &others);
    // The server refused the token it was given (the session ended there).
    void tokenRefused();
    // Lost or refused; `why` is for a person. A retry is scheduled unless
    // stopped (or the sign-in itself is gone).
    void disconnected(const QString &why);

private:
    void connectNow();
    void onText(const QString &text);
    void onClosed();
    void retryLater();
    void sendWatch();
    // Nobody is known to be there while nothing is heard.
    void forgetPresence();
    void send(const QJsonObject &message);

    CredentialsSource m_credentials;
    QWebSocket m_socket;
    QTimer m_retry;
    QTimer m_ping;
    QString m_token;
    QString m_userId; // from "ready"
    QString m_watching;
    bool m_heardPresence = false; // since the last watch or reconnect
    QString m_lastProblem;
    QElapsedTimer m_lastHeard; // any message from the server
    QElapsedTimer m_readyAt;
    int m_failures = 0;
    bool m_running = false;
    bool m_open = false; // a socket opened and not yet seen closed
    bool m_ready = false;
    // Bumped by stop() and every connection attempt: a credentials answer
    // for an older attempt is dropped.
    quint64 m_attempt = 0;
};

} // namespace Realm::TeamClient
