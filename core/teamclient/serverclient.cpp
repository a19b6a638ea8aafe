// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamclient/serverclient.h"

#include "teamclient/servererror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QWaitCondition>

#include <memory>
#include <optional>

namespace Realm::TeamClient {

namespace {

QString serverToken()
{
    return qEnvironmentVariable("REALM_SERVER_TOKEN").trimmed();
}

} // namespace

ServerClient::ServerClient(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_account(ServerAccount::load())
{
}

void ServerClient::send(const QByteArray &method, const QUrl &url, const QJsonObject &body, const QString &bearer, JsonCallback done)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("realm/%1").arg(QCoreApplication::applicationVersion()));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
    connect(reply, &QNetworkReply::finished, this, [reply, url, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (status >= 200 && status < 300) {
            if (!bytes.isEmpty() && (parseError.error != QJsonParseError::NoError || !document.isObject())) {
                done(Error::failed(QCoreApplication::translate("Realm::TeamClient", "The server at %1 answered with something that is not REALM's JSON. Is it a realm-server?")
                                       .arg(url.toString(QUrl::RemovePath | QUrl::RemoveQuery))));
                return;
            }
            done(document.object());
            return;
        }
        done(serverError(status, document.object(), url, reply->errorString()));
    });
}

void ServerClient::callAnonymously(const QUrl &server, const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done)
{
    if (!server.isValid() || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https")) || server.host().isEmpty()) {
        done(Error::invalidInput(QCoreApplication::translate("Realm::TeamClient", "\"%1\" is not a server address. Write it as https://realm.example.org or http://127.0.0.1:8470.").arg(server.toString())));
        return;
    }
    QUrl url = server;
    url.setPath(server.path(QUrl::FullyDecoded).chopped(server.path().endsWith(QLatin1Char('/')) ? 1 : 0) + QStringLiteral("/api/v1") + path);
    send(method, url, body, {}, std::move(done));
}

void ServerClient::login(const QUrl &server, const QString &email, const QString &password, const QString &secondFactor, JsonCallback done)
{
    QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    if (!secondFactor.isEmpty())
        body.insert(QStringLiteral("totp"), secondFactor);
    callAnonymously(server, "POST", QStringLiteral("/auth/login"), body, [this, server, email, done](Result<QJsonObject> pair) {
        if (!pair) {
            done(pair.error());
            return;
        }
        ServerAccount account{server.adjusted(QUrl::StripTrailingSlash), email.trimmed().toLower()};
        const QString refreshToken = pair->value(QStringLiteral("refresh_token")).toString();
        const QString accessToken = pair->value(QStringLiteral("access_token")).toString();
        const Expiry expiry = Expiry::in(pair->value(QStringLiteral("expires_in")).toInteger());
        m_secrets->write(account.secretKey(), refreshToken, this, [this, account, accessToken, expiry, done](Result<void> stored) {
            if (!stored) {
                done(Error::failed(QCoreApplication::translate("Realm::TeamClient", "Signed in, but the login cannot be kept: %1 For scripts, set REALM_SERVER_TOKEN to an API key instead.")
                                            .arg(stored.error().message)));
                return;
            }
            account.save();
            ++m_generation;
            m_account = account;
            keepAccessToken(accessToken, expiry);
            emit accountChanged();
            callWithToken("GET", QStringLiteral("/me"), {}, false, done);
        });
    });
}

void ServerClient::refresh(std::function<void(Result<QString>)> done)
{
    // A refresh token works once: two refreshes at a time (a sync and the
    // event socket, say) would spend it twice, and the server takes a reused
    // one for a stolen one. Whoever asks meanwhile gets the same answer.
    m_refreshWaiters.push_back(std::move(done));
    if (m_refreshWaiters.size() > 1)
        return;
    const quint64 generation = m_generation;
    const ServerAccount account = m_account;
    // Signed out or in again while this refresh was on its way: its token
    // belongs to the old login and is neither kept nor used; those waiting
    // ask the current login afresh.
    const auto answer = [this, generation](const Result<QString> &token) {
        std::vector<std::function<void(Result<QString>)>> waiters = std::exchange(m_refreshWaiters, {});
        if (generation != m_generation) {
            for (auto &waiter : waiters)
                refresh(std::move(waiter));
            return;
        }
        for (const auto &waiter : waiters)
            waiter(token);
    };
    if (!account.isSet()) {
        answer(Error::unauthenticated(QCoreApplication::translate("Realm::TeamClient", "Not signed in to a REALM server. Run `realm-cli server login URL --email EMAIL` first.")));
        return;
    }
    m_secrets->read(account.secretKey(), this, [this, answer, account, generation](Result<QString> token) {
        if (!token) {
            answer(token.error().code == Error::Code::NotFound
                       ? Error::unauthenticated(QCoreApplication::translate("Realm::TeamClient", "The login to %1 is not kept here any more. Sign in again.").arg(account.server.toString()))
                       : token.error());
            return;
        }
        QUrl url = account.server;
        url.setPath(url.path() + QStringLiteral("/api/v1/auth/refresh"));
        send("POST", url, {{QStringLiteral("refresh_token"), *token}}, {}, [this, answer, account, generation](Result<QJsonObject> pair) {
            if (!pair) {
                answer(pair.error().code == Error::Code::Unauthenticated
                           ? Error::unauthenticated(QCoreApplication::translate("Realm::TeamClient", "The session on %1 has ended. Sign in again with `realm-cli server login`.").arg(account.server.toString()))
                           : pair.error());
                return;
            }
            if (generation != m_generation) {
                answer(QString());
                return;
            }
            const QString accessToken = pair->value(QStringLiteral("access_token")).toString();
            const Expiry expiry = Expiry::in(pair->value(QStringLiteral("expires_in")).toInteger());
            // The old refresh token is dead now: keep the new one before using anything.
            m_secrets->write(account.secretKey(), pair->value(QStringLiteral("refresh_token")).toString(), this,
                             [this, accessToken, expiry, answer, generation](Result<void> stored) {
                if (!stored) {
                    answer(stored.error());
                    return;
                }
                // Not across a sign-in or sign-out made meanwhile.
                if (generation == m_generation)
                    keepAccessToken(accessToken, expiry);
                answer(accessToken);
            });
        });
    });
}

void ServerClient::call(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done)
{
    callWithToken(method, path, body, true, std::move(done));
}

void ServerClient::credentials(std::function<void(Result<Credentials>)> done)
{
    const QString apiKey = serverToken();
    const QString serverFromEnvironment = qEnvironmentVariable("REALM_SERVER_URL").trimmed();
    if (!apiKey.isEmpty()) {
        const QUrl server = !serverFromEnvironment.isEmpty() ? QUrl(serverFromEnvironment).adjusted(QUrl::StripTrailingSlash) : m_account.server;
        if (!server.isValid() || server.isEmpty()) {
            done(Error::unauthenticated(QCoreApplication::translate("Realm::TeamClient", "REALM_SERVER_TOKEN is set but no server is named: set REALM_SERVER_URL too.")));
            return;
        }
        QMetaObject::invokeMethod(this, [done, login = Credentials{server, apiKey, {}}] { done(login); }, Qt::QueuedConnection);
        return;
    }
    // A token with half its life ahead outlives a sync's requests; else a
    // fresh one. (Refreshing for every sync and socket would rotate the
    // refresh token all day.)
    const qint64 freshEnoughMs = m_accessTokenLifetimeMs / 2;
    if (!m_accessToken.isEmpty() && m_accessTokenExpiry.remainingTime() > freshEnoughMs
        && m_accessTokenExpiresAtMs - QDateTime::currentMSecsSinceEpoch() > freshEnoughMs) {
        QMetaObject::invokeMethod(this, [done, login = Credentials{m_account.server, m_accessToken, renewer()}] { done(login); }, Qt::QueuedConnection);
        return;
    }
    refresh([this, done](Result<QString> token) {
        if (!token) {
            done(token.error());
            return;
        }
        done(Credentials{m_account.server, *token, renewer()});
    });
}

void ServerClient::renewCredentials(const QString &refused, std::function<void(Result<Credentials>)> done)
{
    if (!serverToken().isEmpty()) {
        // A key is what it is: refused once, refused again.
        QMetaObject::invokeMethod(this, [done] {
            done(Error::unauthenticated(QCoreApplication::translate("Realm::TeamClient", "The server refused REALM_SERVER_TOKEN: the key was revoked or has "
                                                                    "expired. Make a new one (POST /api/v1/api-keys).")));
        }, Qt::QueuedConnection);
        return;
    }
    if (m_accessToken == refused)
        m_accessToken.clear();
    credentials(std::move(done));
}

namespace {

Error renewalLost()
{
    return Error::unavailable(QCoreApplication::translate("Realm::TeamClient", "No new access token came: REALM is closing, or the sign-in was "
                                                          "ended meanwhile. Sync again (sign in first if asked)."));
}

// One renewal asked from a transport's thread, answered once.
class PendingRenewal final {
public:
    void give(Result<QString> bearer)
    {
        const QMutexLocker locker(&m_mutex);
        if (m_bearer)
            return;
        m_bearer = std::move(bearer);
        m_answered.wakeAll();
    }

    Result<QString> wait(const CancellationToken *cancel)
    {
        constexpr int kCancelCheckMs = 100;
        QMutexLocker locker(&m_mutex);
        while (!m_bearer) {
            if (cancel && cancel->isCancelled())
                return Error::cancelled();
            m_answered.wait(&m_mutex, kCancelCheckMs);
        }
        return *m_bearer;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_answered;
    std::optional<Result<QString>> m_bearer;
};

// The main thread's side of a renewal: held by what is to answer it (the
// posted call, then the client's callback). When the last of those goes
// without answering — the client destroyed with its refresh, the posted
// call dropped as the application quits — the waiting thread hears so.
class RenewalAnswer final {
public:
    explicit RenewalAnswer(std::shared_ptr<PendingRenewal> pending) : m_pending(std::move(pending)) {}
    ~RenewalAnswer() { m_pending->give(renewalLost()); }
    Q_DISABLE_COPY_MOVE(RenewalAnswer)

    void give(Result<QString> bearer) { m_pending->give(std::move(bearer)); }

private:
    std::shared_ptr<PendingRenewal> m_pending;
};

} // namespace

Credentials::Renew ServerClient::renewer()
{
    Q_ASSERT(thread() == QCoreApplication::instance()->thread());
    return [client = QPointer<ServerClient>(this)](const QString &refused, const CancellationToken *cancel) -> Result<QString> {
        QCoreApplication *application = QCoreApplication::instance();
        if (!application)
            return renewalLost();
        auto pending = std::make_shared<PendingRenewal>();
        auto answer = std::make_shared<RenewalAnswer>(pending);
        // The application object as the context: it outlives any client,
        // which is looked at only there, on its own thread.
        QMetaObject::invokeMethod(application, [client, refused, answer = std::move(answer)] {
            if (!client)
                return; // the answer, dropped, says so
            client->renewCredentials(refused, [answer](Result<Credentials> renewed) {
                answer->give(renewed ? Result<QString>(renewed->bearer) : Result<QString>(renewed.error()));
            });
        }, Qt::QueuedConnection);
        return pending->wait(cancel);
    };
}

void ServerClient::callWithToken(const QByteArray &method, const QString &path, const QJsonObject &body, bool mayRefresh, JsonCallback done)
{
    const QString apiKey = serverToken();
    // A script's key names its server in REALM_SERVER_URL (else the login's).
    const QString serverFromEnvironment = qEnvironmentVariable("REALM_SERVER_URL").trimmed();
    const QUrl server = !apiKey.isEmpty() && !serverFromEnvironment.isEmpty() ? QUrl(serverFromEnvironment).adjusted(QUrl::StripTrailingSlash) : m_account.server;
    if (!server.isValid() || server.isEmpty()) {
        done(Error::unauthenticated(apiKey.isEmpty() ? QCoreApplication::translate("Realm::TeamClient", "Not signed in to a REALM server. Run `realm-cli server login URL --email EMAIL` first.")
                                                     : QCoreApplication::translate("Realm::TeamClient", "REALM_SERVER_TOKEN is set but no server is named: set REALM_SERVER_URL too.")));
        return;
    }
    QUrl url = server;
    url.setPath(url.path() + QStringLiteral("/api/v1") + path);
    if (!apiKey.isEmpty()) {
        send(method, url, body, apiKey, std::move(done));
        return;
    }
    if (m_accessToken.isEmpty()) {
        refresh([this, method, path, body, done](Result<QString> token) {
            if (!token) {
                done(token.error());
                return;
            }
            callWithToken(method, path, body, false, done);
        });
        return;
    }
    send(method, url, body, m_accessToken, [this, method, path, body, mayRefresh, done](Result<QJsonObject> answer) {
        // An expired access token: refresh once and try again.
        if (!answer && answer.error().code == Error::Code::Unauthenticated && mayRefresh) {
            m_accessToken.clear();
            callWithToken(method, path, body, false, done);
            return;
        }
        done(std::move(answer));
    });
}

ServerClient::Expiry ServerClient::Expiry::in(qint64 seconds)
{
    // From when the answer came, on this machine's clocks (the server's
    // may disagree on the time of day).
    return {QDeadlineTimer(seconds * 1000), QDateTime::currentMSecsSinceEpoch() + seconds * 1000, seconds * 1000};
}

void ServerClient::keepAccessToken(const QString &token, const Expiry &expiry)
{
    m_accessToken = token;
    m_accessTokenExpiry = expiry.deadline;
    m_accessTokenExpiresAtMs = expiry.wallClockMs;
    m_accessTokenLifetimeMs = expiry.lifetimeMs;
}

void ServerClient::logout(DoneCallback done)
{
    const ServerAccount account = m_account;
    const auto forget = [this, account, done] {
        ServerAccount::forget();
        ++m_generation;
        m_account = {};
        m_accessToken.clear();
        emit accountChanged();
        m_secrets->remove(account.secretKey(), this, [done](Result<void>) { done({}); });
    };
    if (!account.isSet()) {
        done(Error::notFound(QCoreApplication::translate("Realm::TeamClient", "Not signed in to a REALM server.")));
        return;
    }
    callWithToken("POST", QStringLiteral("/auth/logout"), {}, true, [forget](Result<QJsonObject>) { forget(); });
}

} // namespace Realm::TeamClient
