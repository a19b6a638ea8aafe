// SPDX-License-Identifier: GPL-3.0-or-later
// What a client may cost a real realm-server on 127.0.0.1 before its
// request is whole: a body past the size cap is cut off while it is still
// arriving, a trickled request gets 408, idle connections and stalled TLS
// handshakes are closed — while kept-alive connections and event sockets
// go on working. On SQLite (tst_requestlimits) and PostgreSQL
// (tst_requestlimits_postgresql).
#include "serverprocess.h"
#include "testserverdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace Realm::Test;

namespace {

const QByteArray kPassword = "a long enough passphrase";
// The limits the test server runs with, in seconds: short, so that the
// test waits for them, not for the defaults (30 and 60).
constexpr int kRequestTimeout = 1;
constexpr int kIdleTimeout = 3;
// A ceiling for anything the server should do within those limits.
constexpr int kWaitMs = 20000;

QString testData(const QString &name)
{
    return qEnvironmentVariable("REALM_TEST_DATA") + QLatin1Char('/') + name;
}

// A raw TCP client: what a browser or curl would hide.
class RawClient final {
public:
    explicit RawClient(const QUrl &server)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(server.host(), quint16(server.port()));
    }
    bool waitConnected() { return m_socket.waitForConnected(kWaitMs); }
    bool waitClosed() { return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs); }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }
    QByteArray &received() { return m_received; }

    // Sends one request and waits for its whole answer (by Content-Length);
    // the status, or 0 when no whole answer came.
    int exchange(const QByteArray &request)
    {
        m_received.clear();
        m_socket.write(request);
        int status = 0;
        [[maybe_unused]] const bool whole = QTest::qWaitFor([&] {
            const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return false;
            const QRegularExpressionMatch length =
                QRegularExpression(QStringLiteral("(?i)content-length: *(\\d+)")).match(QString::fromLatin1(m_received.left(headEnd)));
            if (!length.hasMatch() || m_received.size() < headEnd + 4 + length.captured(1).toLongLong())
                return false;
            status = m_received.mid(9, 3).toInt();
            return true;
        }, kWaitMs);
        return status;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestRequestLimits final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl;
    std::unique_ptr<ServerProcess> m_server;

    // The server's log holds a line for a request the guard refused.
    bool logsRefusal(int status)
    {
        return QTest::qWaitFor([&] {
            const QList<QByteArray> lines = m_server->log().split('\n');
            for (const QByteArray &line : lines) {
                const QJsonObject entry = QJsonDocument::fromJson(line).object();
                if (entry.value(QStringLiteral("route")).toString() == QLatin1String("unfinished") && entry.value(QStringLiteral("status")).toInt() == status)
                    return true;
            }
            return false;
        }, kWaitMs);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        QFile config(m_data + QStringLiteral("/realm-server.conf"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        config.close();
        QVERIFY(text.contains("request_timeout = 30\n") && text.contains("idle_timeout = 60\n"));
        text.replace("request_timeout = 30\n", QByteArray("request_timeout = " + QByteArray::number(kRequestTimeout) + "\n"));
        text.replace("idle_timeout = 60\n", QByteArray("idle_timeout = " + QByteArray::number(kIdleTimeout) + "\n"));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(config.write(text), text.size());
        config.close();
        QCOMPARE(ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kPassword).exitCode, 0);
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aBodyPastTheCapIsCutOffWhileItArrives()
    {
        RawClient client{QUrl(m_server->url())};
        QVERIFY(client.waitConnected());
        constexpr qint64 kDeclared = 100 * 1024 * 1024;
        client.socket().write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(kDeclared) + "\r\n\r\n");
        const QByteArray chunk(64 * 1024, ' ');
        qint64 sent = 0;
        // Keep the pipe full until the server answers; without a guard it
        // would read all 100 MiB into memory first.
        const bool answered = QTest::qWaitFor([&] {
            while (client.connected() && client.received().isEmpty() && sent < kDeclared && client.socket().bytesToWrite() < 4 * chunk.size()) {
                client.socket().write(chunk);
                sent += chunk.size();
            }
            return !client.received().isEmpty() || !client.connected();
        }, kWaitMs);
        QVERIFY2(answered, "the server kept reading");
        QVERIFY2(sent < kDeclared / 4, qPrintable(QStringLiteral("%1 bytes went out before the server answered").arg(sent)));
        // The answer arrives whole although the client was still sending
        // (the server drains, it does not reset), then the server hangs up.
        QVERIFY(client.waitClosed());
        QVERIFY2(client.received().startsWith("HTTP/1.1 413 "), client.received().constData());
        QVERIFY(client.received().contains("\"code\":\"too_large\""));
        QVERIFY(logsRefusal(413));
        // The server still answers everyone else.
        QCOMPARE(httpRequest("GET", m_server->url() + QStringLiteral("/healthz")).status, 200);
    }

    void eachRouteKeepsItsOwnCap()
    {
        // A content upload may be megabytes; a sign-in may not, even when
        // its request line comes in pieces (two writes, flushed apart).
        RawClient client{QUrl(m_server->url())};
        QVERIFY(client.waitConnected());
        client.socket().setSocketOption(QAbstractSocket::LowDelayOption, 1);
        client.socket().write("POST /api/v1/auth/lo");
        QVERIFY(client.socket().waitForBytesWritten(kWaitMs));
        client.socket().write("gin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n");
        const QByteArray chunk(64 * 1024, ' ');
        qint64 sent = 0;
        const bool answered = QTest::qWaitFor([&] {
            while (client.connected() && client.received().isEmpty() && sent < 1048576 && client.socket().bytesToWrite() < 2 * chunk.size()) {
                client.socket().write(chunk);
                sent += chunk.size();
            }
            return !client.received().isEmpty() || !client.connected();
        }, kWaitMs);
        QVERIFY2(answered, "the server kept reading");
        QVERIFY(client.waitClosed());
        QVERIFY2(client.received().startsWith("HTTP/1.1 413 "), client.received().constData());

        // 1 MiB to the upload route passes the guard: refused for want of
        // a token (401), not for its size.
        const QString upload = m_server->api(QStringLiteral("/projects/p/blobs/%1?size=1048576").arg(QString(64, QLatin1Char('a'))));
        const HttpReply big = httpRequestRaw("PUT", upload, QByteArray(1048576, 'x'));
        QCOMPARE(big.status, 401);
    }

    void aTrickledRequestGets408()
    {
        RawClient client{QUrl(m_server->url())};
        QVERIFY(client.waitConnected());
        client.socket().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        // One header line every 300 ms, the request never finished: each
        // byte arrives in time, the request as a whole does not.
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, [&client] {
            if (client.connected() && client.received().isEmpty())
                client.socket().write("X-Slow: 1\r\n");
        });
        trickle.start(300);
        QVERIFY(client.waitClosed());
        QVERIFY2(client.received().startsWith("HTTP/1.1 408 "), client.received().constData());
        QVERIFY(client.received().contains("\"code\":\"timeout\""));
        QVERIFY(logsRefusal(408));
    }

    void keptAliveConnectionsServeManyRequestsThenCloseWhenIdle()
    {
        // The route that takes the largest body, from the server's own description.
        const HttpReply openApi = httpRequest("GET", m_server->api(QStringLiteral("/openapi.json")));
        QCOMPARE(openApi.status, 200);
        qint64 cap = 0;
        QByteArray method;
        QString path;
        const QJsonObject paths = openApi.json.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject operations = p.value().toObject();
            for (auto o = operations.begin(); o != operations.end(); ++o) {
                const qint64 bytes = o.value().toObject().value(QStringLiteral("x-realm-max-body-bytes")).toInteger();
                if (bytes > cap) {
                    cap = bytes;
                    method = o.key().toUpper().toLatin1();
                    path = p.key();
                }
            }
        }
        QVERIFY2(cap >= 4096, qPrintable(QStringLiteral("the largest body any route takes is %1 bytes").arg(cap)));
        path.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("x"));

        RawClient client{QUrl(m_server->url())};
        QVERIFY(client.waitConnected());
        // Bodies just under that cap, more of them together than one request
        // may be (the cap plus 64 KiB of headers) — the limit is per request,
        // not per connection.
        const QByteArray body = "{\"padding\":\"" + QByteArray(cap - 1024, 'x') + "\"}";
        const QByteArray request = method + ' ' + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                                   QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const qint64 requests = (cap + 64 * 1024) / (cap - 1024) + 2;
        for (int i = 0; i < requests; ++i) {
            const int status = client.exchange(request);
            QVERIFY2(status >= 400 && status < 500 && status != 408 && status != 413,
                     qPrintable(QStringLiteral("%1 %2, request %3, answered %4").arg(QString::fromLatin1(method), path).arg(i).arg(status)));
        }
        QCOMPARE(client.exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 200);
        client.received().clear();
        QVERIFY(client.waitClosed());
        QVERIFY(client.received().isEmpty());
    }

    void aPipelinedRequestIsNotRunAndTheConnectionClosesAfterTheFirstAnswer()
    {
        RawClient client{QUrl(m_server->url())};
        QVERIFY(client.waitConnected());
        // A sign-in (tens of milliseconds of password hashing) and a second
        // request behind it before any answer: answers to concurrent
        // requests could leave out of order, so the second is not run; the
        // client sends it again on a new connection.
        const QByteArray body = "{\"email\":\"nobody@example.org\",\"password\":\"wrong password\"}";
        client.socket().write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(client.waitClosed());
        QVERIFY2(client.received().count("HTTP/1.1 ") == 1, client.received().constData());
        QVERIFY2(client.received().startsWith("HTTP/1.1 401 "), client.received().constData());
    }

    void requestsWaitingForTheirAnswerAreNotTimedOut()
    {
        // Sixty sign-ins at once queue for the password threads (the queue
        // takes 64); on two cores the last answer comes seconds later, past
        // request_timeout, which is for receiving a request, not answering it.
        const QByteArray body = "{\"email\":\"alice@example.org\",\"password\":\"" + kPassword + "\"}";
        const QByteArray request = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                                   QByteArray::number(body.size()) + "\r\n\r\n" + body;
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 60; ++i) {
            clients.push_back(std::make_unique<RawClient>(QUrl(m_server->url())));
            QVERIFY(clients.back()->waitConnected());
        }
        for (const std::unique_ptr<RawClient> &client : clients)
            client->socket().write(request);
        for (const std::unique_ptr<RawClient> &client : clients) {
            QVERIFY(QTest::qWaitFor([&] { return client->received().contains("\r\n\r\n{") || !client->connected(); }, 60000));
            QVERIFY2(client->received().startsWith("HTTP/1.1 200 "), client->received().left(200).constData());
        }
    }

    void aConnectionThatSaysNothingIsClosed()
    {
        RawClient client{QUrl(m_server->url())};
        QVERIFY(client.waitConnected());
        QVERIFY(client.waitClosed());
        QVERIFY(client.received().isEmpty());
    }

    void anEventSocketOutlivesTheIdleLimit()
    {
        const QString token =
            httpRequest("POST", m_server->api(QStringLiteral("/auth/login")), {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
                .json.value(QStringLiteral("access_token"))
                .toString();
        QVERIFY(!token.isEmpty());
        QWebSocket events;
        QList<QJsonObject> messages;
        QObject::connect(&events, &QWebSocket::textMessageReceived, [&](const QString &text) { messages.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        QUrl url(m_server->api(QStringLiteral("/events")));
        url.setScheme(QStringLiteral("ws"));
        events.open(url);
        QVERIFY(QTest::qWaitFor([&] { return events.state() == QAbstractSocket::ConnectedState; }, kWaitMs));
        events.sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), token}}).toJson()));
        QVERIFY(QTest::qWaitFor([&] { return !messages.isEmpty(); }, kWaitMs));
        QCOMPARE(messages.constFirst().value(QStringLiteral("type")).toString(), QStringLiteral("ready"));
        // A plain connection opened now is closed by the idle limit; the
        // event socket, opened earlier, must still be there after that.
        RawClient idle{QUrl(m_server->url())};
        QVERIFY(idle.waitConnected());
        QVERIFY(idle.waitClosed());
        QCOMPARE(events.state(), QAbstractSocket::ConnectedState);
        events.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QVERIFY(QTest::qWaitFor([&] { return messages.constLast().value(QStringLiteral("type")).toString() == QLatin1String("pong"); }, kWaitMs));
    }

    void closedEventSocketsStopCounting()
    {
        // The server caps open connections, so each must stop counting once
        // closed — an event socket too, which Qt HttpServer hands over.
        const auto openConnections = [this] {
            const QByteArray metrics = httpRequest("GET", m_server->url() + QStringLiteral("/metrics")).body;
            const QRegularExpressionMatch open = QRegularExpression(QStringLiteral("\nrealm_http_connections_open (\\d+)\n")).match(QString::fromUtf8(metrics));
            return open.hasMatch() ? open.captured(1).toInt() : -1;
        };
        // Earlier tests' connections close within the idle limit; then only
        // the one asking is open.
        QVERIFY(QTest::qWaitFor([&] { return openConnections() == 1; }, kWaitMs));
        const QString token =
            httpRequest("POST", m_server->api(QStringLiteral("/auth/login")), {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
                .json.value(QStringLiteral("access_token"))
                .toString();
        {
            QWebSocket events;
            QUrl url(m_server->api(QStringLiteral("/events")));
            url.setScheme(QStringLiteral("ws"));
            events.open(url);
            QVERIFY(QTest::qWaitFor([&] { return events.state() == QAbstractSocket::ConnectedState; }, kWaitMs));
            events.sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), token}}).toJson()));
            QVERIFY(QTest::qWaitFor([&] { return openConnections() == 2; }, kWaitMs));
            events.close();
            QVERIFY(QTest::qWaitFor([&] { return events.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));
        }
        QVERIFY(QTest::qWaitFor([&] { return openConnections() == 1; }, kWaitMs));
    }

    void overTlsRequestsWorkAndStalledHandshakesAreClosed()
    {
        QString why;
        std::unique_ptr<ServerProcess> tls = ServerProcess::serve(m_data, m_databaseUrl, &why,
                                                                  {QStringLiteral("--tls-cert"), testData(QStringLiteral("tls/cert.pem")), QStringLiteral("--tls-key"),
                                                                   testData(QStringLiteral("tls/key.pem"))});
        QVERIFY2(tls, qPrintable(why));
        QVERIFY(tls->url().startsWith(QLatin1String("https://127.0.0.1:")));

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(tls->url() + QStringLiteral("/healthz")));
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(testData(QStringLiteral("tls/cert.pem"))));
        request.setSslConfiguration(trust);
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, kWaitMs));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        // A client that connects and never starts the handshake.
        RawClient stalled{QUrl(tls->url())};
        QVERIFY(stalled.waitConnected());
        QVERIFY(stalled.waitClosed());
        // One that completes it and then says nothing: the guard watches
        // TLS connections too.
        QSslSocket quiet;
        quiet.setSslConfiguration(trust);
        quiet.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(QUrl(tls->url()).port()));
        QVERIFY(quiet.waitForEncrypted(kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return quiet.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));
        QCOMPARE(tls->terminate(), 0);
    }
};

QTEST_MAIN(TestRequestLimits)
#include "tst_requestlimits.moc"
