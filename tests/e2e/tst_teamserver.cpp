// SPDX-License-Identifier: GPL-3.0-or-later
// realm-server as its users meet it: real processes, real HTTP on
// 127.0.0.1, on SQLite (tst_teamserver) and PostgreSQL
// (tst_teamserver_postgresql).
#include "postgrescluster.h"
#include "serverdb/query.h"
#include "serverdb/serverdatabase.h"
#include "serverprocess.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Realm;
using namespace Realm::Test;

namespace {
const QByteArray kAlicePassword = "correct horse battery";
const QByteArray kBobPassword = "bob's long passphrase";
} // namespace

class TestTeamServer final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl; // empty on SQLite
    std::unique_ptr<ServerProcess> m_server;

    QStringList admin(const QStringList &arguments) const
    {
        QStringList all{QStringLiteral("admin"), QStringLiteral("--data"), m_data};
        if (!m_databaseUrl.isEmpty())
            all << QStringLiteral("--database") << m_databaseUrl;
        return all + arguments;
    }

    HttpReply login(const QString &email, const QByteArray &password)
    {
        return httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                           {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromUtf8(password)}});
    }

    void tamper(const char *sql)
    {
        const ServerDb::DatabaseLocation location = m_databaseUrl.isEmpty() ? ServerDb::DatabaseLocation::sqlite(m_data + QStringLiteral("/server.db"))
                                                                            : *ServerDb::DatabaseLocation::fromUrl(m_databaseUrl);
        Result<ServerDb::ServerDatabasePtr> database = ServerDb::ServerDatabase::open(location);
        REALM_VERIFY_OK(database);
        REALM_VERIFY_OK((*database)->write(QStringLiteral("tamper"), [sql](const QSqlDatabase &db) {
            ServerDb::Query query(db, sql);
            return query.exec(QStringLiteral("tamper"));
        }));
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        ServerProcess::Outcome added = ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kAlicePassword + '\n', true);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        added = ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("bob@example.org"), QStringLiteral("Bob"), kBobPassword);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void initMakesADocumentedDataFolderAndRefusesAFullOne()
    {
        QFile key(m_data + QStringLiteral("/signing.key"));
        QCOMPARE(key.size(), 32);
        QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(QFileInfo(m_data + QStringLiteral("/mail")).isDir());
        QFile config(m_data + QStringLiteral("/realm-server.conf"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(config.readAll());
        for (const char *option : {"listen = 127.0.0.1:8470", "registration = closed", "trusted_proxies =", "; tls_cert =", "max_failures_per_account = 5",
                                   "access_token_lifetime = 600"})
            QVERIFY2(text.contains(QLatin1String(option)), option);
        const ServerProcess::Outcome again = ServerProcess::run({QStringLiteral("init"), QStringLiteral("--data"), m_data});
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.err.contains(QLatin1String("not empty")), qPrintable(again.err));
        QVERIFY(key.open(QIODevice::ReadOnly)); // untouched
    }

    void adminListsUsersAsJson()
    {
        const ServerProcess::Outcome listed = ServerProcess::run(admin({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")}));
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray users = QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(0).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.org"));
        QVERIFY(users.at(0).toObject().value(QStringLiteral("is_admin")).toBool());
        QVERIFY(!users.at(1).toObject().value(QStringLiteral("is_admin")).toBool());
        QVERIFY(!listed.out.contains(QLatin1String("argon2")));
        // A common password is refused, and nothing is added.
        const ServerProcess::Outcome weak = ServerProcess::run(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carol@example.org"),
                                                                       QStringLiteral("--name"), QStringLiteral("Carol"), QStringLiteral("--password-stdin")}),
                                                                "iloveyou");
        QCOMPARE(weak.exitCode, 3);
        QVERIFY(weak.err.contains(QLatin1String("too short")) || weak.err.contains(QLatin1String("most common")));
    }

    void theServerAnnouncesItsAddressAndAnswersHealthChecks()
    {
        QVERIFY(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:[1-9][0-9]*$")).match(m_server->url()).hasMatch());
        QCOMPARE(httpRequest("GET", m_server->url() + QStringLiteral("/healthz")).status, 200);
        const HttpReply ready = httpRequest("GET", m_server->url() + QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 200);
        QCOMPARE(ready.json.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
    }

    void signingInRefreshingAndSigningOutOverHttp()
    {
        const HttpReply signedIn = login(QStringLiteral("Alice@Example.org"), kAlicePassword);
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(signedIn.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(signedIn.json.value(QStringLiteral("expires_in")).toInt(), 600);
        QCOMPARE(signedIn.header("Cache-Control"), QByteArray("no-store"));
        const QString access = signedIn.json.value(QStringLiteral("access_token")).toString();
        const QString refresh = signedIn.json.value(QStringLiteral("refresh_token")).toString();

        const HttpReply me = httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, access);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.org"));
        QCOMPARE(me.json.value(QStringLiteral("name")).toString(), QStringLiteral("Alice"));
        QVERIFY(me.json.value(QStringLiteral("orgs")).isArray());

        const HttpReply refreshed = httpRequest("POST", m_server->api(QStringLiteral("/auth/refresh")), {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(refreshed.status, 200);
        const QString newAccess = refreshed.json.value(QStringLiteral("access_token")).toString();
        QVERIFY(refreshed.json.value(QStringLiteral("refresh_token")).toString() != refresh);

        const HttpReply sessions = httpRequest("GET", m_server->api(QStringLiteral("/sessions")), {}, newAccess);
        QCOMPARE(sessions.status, 200);
        const QJsonArray list = sessions.json.value(QStringLiteral("sessions")).toArray();
        QVERIFY(!list.isEmpty());
        QVERIFY(std::any_of(list.begin(), list.end(), [](const QJsonValue &s) { return s.toObject().value(QStringLiteral("current")).toBool(); }));

        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/auth/logout")), {}, newAccess).status, 204);
        const HttpReply after = httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, newAccess);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), QStringLiteral("unauthenticated"));
        QVERIFY(!after.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/auth/refresh")), {{QStringLiteral("refresh_token"), refresh}}).status, 401);
    }

    void unknownEmailAndWrongPasswordGetTheSameAnswer()
    {
        const HttpReply wrong = login(QStringLiteral("alice@example.org"), "not the password");
        const HttpReply unknown = login(QStringLiteral("nobody@example.org"), "not the password");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
    }

    void repeatedFailuresAnswer429WithRetryAfter()
    {
        for (int attempt = 0; attempt < 5; ++attempt)
            QCOMPARE(login(QStringLiteral("bob@example.org"), "wrong-" + QByteArray::number(attempt)).status, 401);
        const HttpReply throttled = login(QStringLiteral("bob@example.org"), kBobPassword);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("rate_limited"));
        bool ok = false;
        const int retryAfter = throttled.header("Retry-After").toInt(&ok);
        QVERIFY(ok);
        QVERIFY(retryAfter >= 1 && retryAfter <= 30);
        // Another account is not affected.
        QCOMPARE(login(QStringLiteral("alice@example.org"), kAlicePassword).status, 200);
    }

    void aSecondInstanceSeesRevocationsAtOnce()
    {
        QString why;
        std::unique_ptr<ServerProcess> second = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(second, qPrintable(why));
        const HttpReply signedIn = login(QStringLiteral("alice@example.org"), kAlicePassword);
        const QString access = signedIn.json.value(QStringLiteral("access_token")).toString();
        QCOMPARE(httpRequest("GET", second->api(QStringLiteral("/me")), {}, access).status, 200);
        // Signed out on the first instance: the second refuses the token on the next request.
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/auth/logout")), {}, access).status, 204);
        QCOMPARE(httpRequest("GET", second->api(QStringLiteral("/me")), {}, access).status, 401);
        QCOMPARE(second->terminate(), 0);
    }

    void aPostgresRestartCostsNoRequest()
    {
        if (m_databaseUrl.isEmpty())
            QSKIP("SQLite is a file, not a server that restarts.");
        const QString access = login(QStringLiteral("alice@example.org"), kAlicePassword).json.value(QStringLiteral("access_token")).toString();
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, access).status, 200);
        QString why;
        Test::PostgresCluster *cluster = Test::PostgresCluster::shared(&why);
        QVERIFY2(cluster, qPrintable(why));
        QVERIFY2(cluster->restart(&why), qPrintable(why));
        // Every connection the server held is gone; each is found out and
        // replaced on its first use, inside the request that used it.
        for (int i = 0; i < 20; ++i)
            QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, access).status, 200);
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("After the restart")}}, access).status, 201);
        QCOMPARE(httpRequest("GET", m_server->url() + QStringLiteral("/readyz")).status, 200);
    }

    void aDisabledUserIsRefusedAtOnce()
    {
        const ServerProcess::Outcome added = ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("dave@example.org"), QStringLiteral("Dave"), "dave's long passphrase");
        QCOMPARE(added.exitCode, 0);
        const QString access = login(QStringLiteral("dave@example.org"), "dave's long passphrase").json.value(QStringLiteral("access_token")).toString();
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, access).status, 200);
        QCOMPARE(ServerProcess::run(admin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("dave@example.org")})).exitCode, 0);
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, access).status, 401);
    }

    void badRequestsGetClearJsonErrors()
    {
        const HttpReply missing = httpRequest("GET", m_server->api(QStringLiteral("/no-such-thing")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(httpRequest("PUT", m_server->api(QStringLiteral("/me"))).status, 405);
        QCOMPARE(httpRequestRaw("POST", m_server->api(QStringLiteral("/auth/login")), QByteArray(5000, 'x')).status, 413);
        const HttpReply notJson = httpRequestRaw("POST", m_server->api(QStringLiteral("/auth/login")), "{\"email\":");
        QCOMPARE(notJson.status, 400);
        QCOMPARE(notJson.errorCode(), QStringLiteral("invalid_input"));
        const HttpReply deep = httpRequestRaw("POST", m_server->api(QStringLiteral("/auth/login")), QByteArray(40, '[') + QByteArray(40, ']'));
        QCOMPARE(deep.status, 400);
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, QStringLiteral("eyJhbGciOiJub25lIn0.e30.")).status, 401);
    }

    void theLogHasOneJsonLinePerRequestAndNoSecrets()
    {
        const HttpReply signedIn = login(QStringLiteral("alice@example.org"), kAlicePassword);
        const QString access = signedIn.json.value(QStringLiteral("access_token")).toString();
        const QString refresh = signedIn.json.value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, access).status, 200);
        // The log is read after the server has written the last line: ask
        // for one more request and wait for its line.
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log = m_server->log()).count('\n') >= 2 && log.contains("\"route\":\"/api/v1/me\""), 10000);
        QVERIFY(!log.contains(access.toLatin1()));
        QVERIFY(!log.contains(refresh.toLatin1()));
        QVERIFY(!log.contains(kAlicePassword));
        QVERIFY(!log.contains("Bearer"));
        const QList<QByteArray> lines = log.trimmed().split('\n');
        // Every line is JSON: a request's, or a message with its level (a
        // database that went away while another test restarted it).
        for (const QByteArray &line : lines) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            const bool request = entry.contains(QStringLiteral("method")) && entry.contains(QStringLiteral("route")) && entry.contains(QStringLiteral("status"))
                                 && entry.contains(QStringLiteral("duration_ms"));
            const bool message = entry.contains(QStringLiteral("level")) && entry.contains(QStringLiteral("message"));
            QVERIFY2(entry.contains(QStringLiteral("time")) && (request || message), line.constData());
        }
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QByteArray &line) {
            return QJsonDocument::fromJson(line).object().contains(QStringLiteral("user_id"));
        }));
    }

    void forwardedForIsTrustedOnlyFromConfiguredProxies()
    {
        const auto sessionIp = [](const QString &api, const QString &token) {
            const QJsonArray sessions = httpRequest("GET", api + QStringLiteral("/sessions"), {}, token).json.value(QStringLiteral("sessions")).toArray();
            for (const QJsonValue &session : sessions) {
                if (session.toObject().value(QStringLiteral("current")).toBool())
                    return session.toObject().value(QStringLiteral("ip")).toString();
            }
            return QString();
        };
        // This instance trusts no proxy: the header is ignored.
        const HttpReply direct = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                                             {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kAlicePassword)}},
                                             {}, {{"X-Forwarded-For", "203.0.113.5"}});
        QCOMPARE(sessionIp(m_server->api(QString()), direct.json.value(QStringLiteral("access_token")).toString()), QStringLiteral("127.0.0.1"));

        // One that trusts 127.0.0.1 believes the entry the proxy appended —
        // the last one — not what the client wrote before it.
        QFile config(m_data + QStringLiteral("/realm-server.conf"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray original = config.readAll();
        config.close();
        QByteArray trusting = original;
        trusting.replace("trusted_proxies =", "trusted_proxies = 127.0.0.1");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(trusting);
        config.close();
        QString why;
        std::unique_ptr<ServerProcess> proxied = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(original);
        config.close();
        QVERIFY2(proxied, qPrintable(why));
        QTcpSocket socket;
        const QUrl url(proxied->url());
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = "{\"email\":\"alice@example.org\",\"password\":\"" + kAlicePassword + "\"}";
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 198.51.100.9, 203.0.113.5\r\nConnection: close\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        // Read the head, then as many bytes as Content-Length says.
        QByteArray answer;
        const auto complete = [&answer] {
            const qsizetype headEnd = answer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return false;
            const QRegularExpressionMatch length = QRegularExpression(QStringLiteral("Content-Length: *(\\d+)"), QRegularExpression::CaseInsensitiveOption)
                                                       .match(QString::fromLatin1(answer.left(headEnd)));
            return length.hasMatch() && answer.size() - headEnd - 4 >= length.captured(1).toLongLong();
        };
        while (!complete() && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        QVERIFY2(complete(), answer.constData());
        const QJsonObject pair = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QVERIFY2(pair.contains(QStringLiteral("access_token")), answer.constData());
        QCOMPARE(sessionIp(proxied->api(QString()), pair.value(QStringLiteral("access_token")).toString()), QStringLiteral("203.0.113.5"));
        QCOMPARE(proxied->terminate(), 0);
    }

    void apiKeysWorkAsBearerTokensWithinTheirScopes()
    {
        const QString access = login(QStringLiteral("alice@example.org"), kAlicePassword).json.value(QStringLiteral("access_token")).toString();
        const HttpReply org = httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Keys Inc")}}, access);
        QCOMPARE(org.status, 201);
        const QString orgId = org.json.value(QStringLiteral("id")).toString();
        const HttpReply made = httpRequest("POST", m_server->api(QStringLiteral("/api-keys")),
                                           {{QStringLiteral("name"), QStringLiteral("CI")}, {QStringLiteral("org"), QStringLiteral("Keys Inc")},
                                            {QStringLiteral("scopes"), QJsonArray{QStringLiteral("project:write")}}, {QStringLiteral("expires_in_days"), 90}},
                                           access);
        QCOMPARE(made.status, 201);
        const QString key = made.json.value(QStringLiteral("key")).toString();
        QVERIFY(key.startsWith(QLatin1String("realm_")));
        QCOMPARE(made.json.value(QStringLiteral("last_chars")).toString(), key.right(8));
        // The key works as a bearer token, within its organization and scope.
        const HttpReply me = httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, key);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("orgs")).toArray().size(), 1);
        const HttpReply project = httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/projects").arg(orgId)), {{QStringLiteral("name"), QStringLiteral("Built by CI")}}, key);
        QCOMPARE(project.status, 201);
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/sessions")), {}, key).status, 403);
        // Listed without the secret; revoked, it stops at once.
        const HttpReply keys = httpRequest("GET", m_server->api(QStringLiteral("/api-keys")), {}, access);
        QVERIFY(!keys.body.contains(key.toLatin1()));
        QCOMPARE(httpRequest("DELETE", m_server->api(QStringLiteral("/api-keys/") + made.json.value(QStringLiteral("id")).toString()), {}, access).status, 204);
        QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, key).status, 401);
        // The key never appears in the log.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->log().contains("\"route\":\"/api/v1/api-keys/{key}\""), 10000);
        QVERIFY(!m_server->log().contains(key.toLatin1()));
    }

    void theOpenApiDocumentDescribesEveryRoute()
    {
        const HttpReply document = httpRequest("GET", m_server->api(QStringLiteral("/openapi.json")));
        QCOMPARE(document.status, 200);
        QCOMPARE(document.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
        const QJsonObject paths = document.json.value(QStringLiteral("paths")).toObject();
        for (const char *path : {"/api/v1/auth/login", "/api/v1/me", "/api/v1/orgs/{org}/members/{user}", "/api/v1/projects/{project}", "/healthz"})
            QVERIFY2(paths.contains(QLatin1String(path)), path);
        const QJsonObject patchMember = paths.value(QStringLiteral("/api/v1/orgs/{org}/members/{user}")).toObject().value(QStringLiteral("patch")).toObject();
        QCOMPARE(patchMember.value(QStringLiteral("parameters")).toArray().size(), 2);
        QVERIFY(!patchMember.value(QStringLiteral("security")).toArray().isEmpty());
        QVERIFY(paths.value(QStringLiteral("/api/v1/auth/login")).toObject().value(QStringLiteral("post")).toObject().value(QStringLiteral("security")).toArray().isEmpty());
        // Every operation the document names answers (not 404 "nothing here").
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QString concrete = path.key();
            concrete.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("x"));
            const QJsonObject operations = path.value().toObject();
            for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
                const HttpReply reply = httpRequest(operation.key().toUpper().toLatin1(), m_server->url() + concrete);
                QVERIFY2(reply.status != 405 && !(reply.status == 404 && reply.body.contains("There is nothing at")),
                         qPrintable(operation.key() + QLatin1Char(' ') + concrete));
            }
        }
    }

    void metricsSpeakPrometheus()
    {
        const HttpReply metrics = httpRequest("GET", m_server->url() + QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        QVERIFY(metrics.body.contains("realm_http_requests_total{route=\"/api/v1/auth/login\",method=\"POST\",status=\"200\"}"));
        QVERIFY(metrics.body.contains("realm_http_request_duration_seconds_bucket{route=\"/api/v1/me\",method=\"GET\",le=\"+Inf\"}"));
        QVERIFY(metrics.body.contains("realm_active_sessions "));
        QVERIFY(metrics.body.contains("realm_database_connections "));
    }

    void sigtermFinishesTheRequestInFlightAndExitsZero()
    {
        QString why;
        std::unique_ptr<ServerProcess> server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(server, qPrintable(why));
        QNetworkAccessManager network;
        // A sign-in takes tens of milliseconds (argon2id): send one, see
        // it in flight through /metrics, then ask the server to stop.
        QNetworkReply *reply = nullptr;
        bool seenInFlight = false;
        for (int attempt = 0; attempt < 20 && !seenInFlight; ++attempt) {
            if (reply)
                reply->deleteLater();
            QNetworkRequest request(QUrl(server->api(QStringLiteral("/auth/login"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            reply = network.post(request, "{\"email\":\"alice@example.org\",\"password\":\"" + kAlicePassword + "\"}");
            while (!reply->isFinished() && !seenInFlight) {
                const HttpReply metrics = httpRequest("GET", server->url() + QStringLiteral("/metrics"));
                // The metrics request counts itself.
                seenInFlight = metrics.body.contains("realm_http_requests_in_flight 2");
                QCoreApplication::processEvents();
            }
        }
        QVERIFY(seenInFlight);
        QVERIFY2(server->pid() > 0, server->log().constData());
        ::kill(pid_t(server->pid()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const int exitCode = server->waitForExit();
        QVERIFY2(exitCode == 0, server->log().right(4000).constData());
        reply->deleteLater();
    }

    void anOnlineBackupRestoresIntoANewDataFolder()
    {
        const QString backup = m_folder.filePath(QStringLiteral("backup.db"));
        ServerProcess::Outcome made = ServerProcess::run(admin({QStringLiteral("backup"), QStringLiteral("--out"), backup}));
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(made.out.contains(QLatin1String("signing.key")));
        QCOMPARE(ServerProcess::run(admin({QStringLiteral("backup"), QStringLiteral("--out"), backup})).exitCode, 3); // never overwrites

        const QString fresh = m_folder.filePath(QStringLiteral("restored"));
        QCOMPARE(ServerProcess::run({QStringLiteral("init"), QStringLiteral("--data"), fresh}).exitCode, 0);
        QVERIFY(QFile::remove(fresh + QStringLiteral("/signing.key")));
        QVERIFY(QFile::copy(m_data + QStringLiteral("/signing.key"), fresh + QStringLiteral("/signing.key")));
        QString why;
        const std::optional<QString> freshDatabase = newTestDatabaseArgument(&why);
        QVERIFY2(freshDatabase, qPrintable(why));
        QStringList restore{QStringLiteral("admin"), QStringLiteral("--data"), fresh};
        if (!freshDatabase->isEmpty())
            restore << QStringLiteral("--database") << *freshDatabase;
        restore << QStringLiteral("restore") << backup;
        ServerProcess::Outcome restored = ServerProcess::run(restore);
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        restored = ServerProcess::run(restore);
        QCOMPARE(restored.exitCode, 3); // not into a database with users
        QVERIFY2(restored.err.contains(QLatin1String("not empty")), qPrintable(restored.err));

        std::unique_ptr<ServerProcess> server = ServerProcess::serve(fresh, *freshDatabase, &why);
        QVERIFY2(server, qPrintable(why));
        const HttpReply signedIn = httpRequest("POST", server->api(QStringLiteral("/auth/login")),
                                               {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kAlicePassword)}});
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(server->terminate(), 0);
        QStringList verify = restore.mid(0, restore.size() - 2);
        verify << QStringLiteral("audit") << QStringLiteral("verify");
        QCOMPARE(ServerProcess::run(verify).exitCode, 0);
    }

    void auditVerifyFindsAnEditedEntry()
    {
        ServerProcess::Outcome verified = ServerProcess::run(admin({QStringLiteral("audit"), QStringLiteral("verify")}));
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.out.contains(QLatin1String("intact")));
        tamper("UPDATE audit_log SET action = 'user.nothing' WHERE seq = 2");
        verified = ServerProcess::run(admin({QStringLiteral("audit"), QStringLiteral("verify")}));
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.err.contains(QLatin1String("entry 2 was changed")), qPrintable(verified.err));
    }
};

QTEST_GUILESS_MAIN(TestTeamServer)
#include "tst_teamserver.moc"
