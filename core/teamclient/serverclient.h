// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secretstore.h"
#include "teamclient/httptransport.h"
#include "teamclient/serveraccount.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

#include <QDeadlineTimer>

#include <functional>

#include <vector>

namespace Realm::TeamClient {

// Talks to a realm-server for the desktop and realm-cli: signs in, keeps
// the refresh token in the keychain (rotated on every refresh, as the
// server wants), refreshes the short-lived access token when the server says
// it expired, and turns the server's {"error":{…}} answers into Errors a
// person can act on. With REALM_SERVER_TOKEN set (an API key, for scripts
// and CI; the server in REALM_SERVER_URL) it uses that and stores nothing. Asynchronous: callbacks run on
// the caller's thread; never blocks it.
class ServerClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerClient)

public:
    using JsonCallback = std::function<void(Result<QJsonObject>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    explicit ServerClient(SecretStore *secrets, QObject *parent = nullptr);

    // Signs in and remembers the server, the email and the refresh token;
    // answers with /me. An account with two-step sign-in answers
    // SecondFactorRequired until `secondFactor` (the authenticator app's
    // code, or a recovery code) comes along.
    void login(const QUrl &server, const QString &email, const QString &password, const QString &secondFactor, JsonCallback done);
    // A call that needs no sign-in (path under /api/v1), to any server:
    // password reset requests.
    void callAnonymously(const QUrl &server, const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done);
    // An API call on the remembered server (or REALM_SERVER_TOKEN's).
    void call(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done);
    // Ends the session on the server (as far as it answers) and forgets
    // the login here either way.
    void logout(DoneCallback done);

    // The server and a token fit for a call now (an access token with at
    // least half its life ahead, refreshed only when it has not, or
    // REALM_SERVER_TOKEN's key): what a transport on another thread uses.
    // An access token comes with the means to renew it from the
    // transport's thread (Credentials::renew; this client must live on the
    // application's main thread, whose event loop does the work).
    // Answers on a later turn of the event loop, never from within (so a
    // caller may still cancel what it is about to start).
    void credentials(std::function<void(Result<Credentials>)> done);
    // The server refused the access token credentials() gave (it ran out,
    // or the session was ended there): the next credentials() refreshes.
    void dropAccessToken() { m_accessToken.clear(); }
    // credentials() in place of `refused`: refreshes unless the token kept
    // now is already another one (a renewal for someone else).
    void renewCredentials(const QString &refused, std::function<void(Result<Credentials>)> done);

    ServerAccount account() const { return m_account; }
    // A refresh is on its way (its rotated refresh token not yet kept):
    // whoever ends the process waits for it, or the login is lost.
    bool isRefreshing() const { return !m_refreshWaiters.empty(); }

signals:
    // Signed in (to this or another server) or out.
    void accountChanged();

private:
    void send(const QByteArray &method, const QUrl &url, const QJsonObject &body, const QString &bearer, JsonCallback done);
    void refresh(std::function<void(Result<QString>)> done);
    void callWithToken(const QByteArray &method, const QString &path, const QJsonObject &body, bool mayRefresh, JsonCallback done);

    SecretStore *m_secrets;
    QNetworkAccessManager m_network;
    ServerAccount m_account;
    QString m_accessToken;
    // Both clocks: the monotonic one stands still while the machine
    // sleeps, the wall clock may be set; the token is fresh if both agree.
    QDeadlineTimer m_accessTokenExpiry;
    qint64 m_accessTokenExpiresAtMs = 0;
    // An access token with less than half its life ahead is refreshed for
    // a sync or a socket.
    qint64 m_accessTokenLifetimeMs = 0;
    struct Expiry {
        QDeadlineTimer deadline;
        qint64 wallClockMs = 0;
        qint64 lifetimeMs = 0;
        static Expiry in(qint64 seconds);
    };
    // Renews through this client from another thread, blocking there.
    Credentials::Renew renewer();
    // From a sign-in's or refresh's answer (`expiry` taken when it came).
    void keepAccessToken(const QString &token, const Expiry &expiry);
    // Bumped by every sign-in and sign-out: a refresh started before is stale.
    quint64 m_generation = 0;
    // Callers of refresh() waiting for the one under way.
    std::vector<std::function<void(Result<QString>)>> m_refreshWaiters;
};

} // namespace Realm::TeamClient
