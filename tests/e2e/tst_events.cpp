// SPDX-License-Identifier: GPL-3.0-or-later
// The event socket (/api/v1/events) of real realm-server processes on
// 127.0.0.1, on SQLite (tst_events) and PostgreSQL (tst_events_postgresql):
// authenticating, pokes when an organization changes — also when the
// change was made on another instance — sockets closed when their
// session ends, and presence (who has a shared project open).
#include "serverprocess.h"
#include "testserverdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Realm::Test;

namespace {

const QByteArray kPassword = "a long enough passphrase";
// Pokes follow a change within a second (the poll); this is a ceiling.
constexpr int kEventTimeoutMs = 15000;

// A client of the event socket that keeps every message it received.
class EventClient final {
public:
    explicit EventClient(const QString &serverUrl, const QString &path = QStringLiteral("/api/v1/events"))
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) { m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        QObject::connect(&m_socket, &QWebSocket::disconnected, [this] { m_closed = true; });
        QUrl url(serverUrl + path);
        url.setScheme(QStringLiteral("ws"));
        m_socket.open(url);
    }

    bool waitConnected() { return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; }, kEventTimeoutMs) && !m_closed; }
    void watch(const QString &projectId) { send({{QStringLiteral("type"), QStringLiteral("watch")}, {QStringLiteral("project_id"), projectId}}); }
    void abort() { m_socket.abort(); }
    // The names in the presence messages about `projectId` from `from` on,
    // oldest first, each message's names joined with ", ".
    QStringList presence(const QString &projectId, qsizetype from = 0) const
    {
        QStringList seen;
        for (qsizetype i = from; i < m_messages.size(); ++i) {
            const QJsonObject &message = m_messages.at(i);
            if (message.value(QStringLiteral("type")).toString() != QLatin1String("presence") || message.value(QStringLiteral("project_id")).toString() != projectId)
                continue;
            QStringList names;
            for (const QJsonValue &user : message.value(QStringLiteral("users")).toArray())
                names << user.toObject().value(QStringLiteral("name")).toString();
            seen << names.join(QStringLiteral(", "));
        }
        return seen;
    }
    // Whether the latest presence about `projectId` names exactly `names`.
    bool waitForPresence(const QString &projectId, const QString &names)
    {
        return QTest::qWaitFor([&] {
            const QStringList seen = presence(projectId);
            return !seen.isEmpty() && seen.last() == names;
        }, kEventTimeoutMs);
    }
    void send(const QJsonObject &message) { m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact))); }
    void authenticate(const QString &token) { send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), token}}); }

    // The first message (from `from` on) of `type` and, when given, `scope`.
    std::optional<QJsonObject> waitFor(const QString &type, const QString &scope = {}, qsizetype from = 0)
    {
        std::optional<QJsonObject> found;
        // Not found by the deadline: `found` stays empty and says so.
        [[maybe_unused]] const bool arrived = QTest::qWaitFor([&] {
            for (qsizetype i = from; i < m_messages.size(); ++i) {
                const QJsonObject &message = m_messages.at(i);
                if (message.value(QStringLiteral("type")).toString() == type && (scope.isEmpty() || message.value(QStringLiteral("scope")).toString() == scope)) {
                    found = message;
                    return true;
                }
            }
            return false;
        }, kEventTimeoutMs);
        return found;
    }

    bool waitClosed() { return QTest::qWaitFor([this] { return m_closed; }, kEventTimeoutMs); }
    qsizetype received() const { return m_messages.size(); }
    // Whether a "changed" poke of `scope` and `id` came for a change after `seq`.
    bool pokedAfter(qint64 seq, const QString &scope, const QString &id) const
    {
        for (const QJsonObject &message : m_messages) {
            if (message.value(QStringLiteral("type")).toString() == QLatin1String("changed") && message.value(QStringLiteral("scope")).toString() == scope
                && message.value(QStringLiteral("id")).toString() == id && message.value(QStringLiteral("seq")).toInteger() > seq)
                return true;
        }
        return false;
    }
    // The messages from `from` on, for a failure's message.
    QByteArray describe(qsizetype from) const
    {
        QByteArray text;
        for (qsizetype i = from; i < m_messages.size(); ++i)
            text += QJsonDocument(m_messages.at(i)).toJson(QJsonDocument::Compact) + ' ';
        return text;
    }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    bool isClosed() const { return m_closed; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    bool m_closed = false;
};

// A peer that vanishes: it speaks just enough WebSocket to sign in and
// say what it has open, then never answers again — not even the server's
// pings, which every WebSocket library answers by itself.
class VanishingPeer final {
public:
    explicit VanishingPeer(const QString &serverUrl) : m_url(serverUrl) {}

    bool open()
    {
        m_socket.connectToHost(m_url.host(), quint16(m_url.port()));
        if (!m_socket.waitForConnected(kEventTimeoutMs))
            return false;
        m_socket.write("GET /api/v1/events HTTP/1.1\r\nHost: " + m_url.authority().toUtf8()
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return waitForBytes("\r\n\r\n") && m_received.startsWith("HTTP/1.1 101");
    }

    // One masked text frame (clients must mask), payload under 64 KiB.
    void sendText(const QJsonObject &message)
    {
        const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact);
        const QByteArray mask = "\x12\x34\x56\x78";
        QByteArray frame;
        frame.append(char(0x81));
        if (payload.size() < 126)
            frame.append(char(0x80 | payload.size()));
        else
            frame.append(char(0x80 | 126)).append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
        frame.append(mask);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload.at(i) ^ mask.at(i % 4)));
        m_socket.write(frame);
        m_socket.flush();
    }

    bool waitForBytes(const QByteArray &bytes)
    {
        return QTest::qWaitFor([&] {
            m_received += m_socket.readAll();
            return m_received.contains(bytes);
        }, kEventTimeoutMs);
    }

private:
    QUrl m_url;
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestEvents final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl;
    std::unique_ptr<ServerProcess> m_server;
    QString m_orgId;

    QString login(const QString &email, const QString &on = {})
    {
        return httpRequest("POST", (on.isEmpty() ? m_server->url() : on) + QStringLiteral("/api/v1/auth/login"),
                           {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
            .json.value(QStringLiteral("access_token"))
            .toString();
    }

    // Connected, signed in as `email` and ready.
    bool signIn(EventClient &client, const QString &email, const QString &on = {})
    {
        if (!client.waitConnected())
            return false;
        client.authenticate(login(email, on));
        return client.waitFor(QStringLiteral("ready")).has_value();
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        for (const char *name : {"alice", "bob", "carol", "dave"})
            QCOMPARE(ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("%1@example.org").arg(QLatin1String(name)), QString::fromLatin1(name), kPassword).exitCode, 0);
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        const HttpReply org = httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, login(QStringLiteral("alice@example.org")));
        QCOMPARE(org.status, 201);
        m_orgId = org.json.value(QStringLiteral("id")).toString();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/members").arg(m_orgId)),
                             {{QStringLiteral("email"), QStringLiteral("bob@example.org")}, {QStringLiteral("role"), QStringLiteral("member")}},
                             login(QStringLiteral("alice@example.org")))
                     .status,
                 201);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aWrongTokenIsRefusedAndTheSocketClosed()
    {
        EventClient client(m_server->url());
        QVERIFY(client.waitConnected());
        client.authenticate(QStringLiteral("not a token"));
        const std::optional<QJsonObject> error = client.waitFor(QStringLiteral("error"));
        QVERIFY(error);
        QCOMPARE(error->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("unauthenticated"));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void onlyTheEventsPathTakesASocket()
    {
        EventClient client(m_server->url(), QStringLiteral("/api/v1/me"));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.received(), 0);
    }

    void membersHearOfChangesToTheirOrganizationAndNoOneElse()
    {
        EventClient bob(m_server->url());
        EventClient carol(m_server->url());
        QVERIFY(bob.waitConnected() && carol.waitConnected());
        bob.authenticate(login(QStringLiteral("bob@example.org")));
        carol.authenticate(login(QStringLiteral("carol@example.org")));
        const std::optional<QJsonObject> ready = bob.waitFor(QStringLiteral("ready"));
        QVERIFY(ready);
        QCOMPARE(ready->value(QStringLiteral("org_ids")).toArray(), QJsonArray{m_orgId});
        QVERIFY(carol.waitFor(QStringLiteral("ready")));
        bob.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(bob.waitFor(QStringLiteral("pong")));

        const qsizetype before = bob.received();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/projects").arg(m_orgId)), {{QStringLiteral("name"), QStringLiteral("Rocket")}},
                             login(QStringLiteral("alice@example.org")))
                     .status,
                 201);
        const std::optional<QJsonObject> changed = bob.waitFor(QStringLiteral("changed"), QStringLiteral("org"), before);
        QVERIFY(changed);
        QCOMPARE(changed->value(QStringLiteral("id")).toString(), m_orgId);
        QVERIFY(changed->value(QStringLiteral("seq")).toInteger() > ready->value(QStringLiteral("seq")).toInteger());
        // Carol, in no organization, heard nothing of it: her next message
        // is the answer to her own ping.
        const qsizetype carolBefore = carol.received();
        carol.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(carol.waitFor(QStringLiteral("pong"), {}, carolBefore));
        QCOMPARE(carol.received(), carolBefore + 1);
    }

    void membersHearOfTheOrganizationsTemplates()
    {
        EventClient bob(m_server->url());
        QVERIFY(signIn(bob, QStringLiteral("bob@example.org")));
        const qsizetype before = bob.received();
        const QJsonObject prompt{{QStringLiteral("number"), 1}, {QStringLiteral("table"), QStringLiteral("prompt_templates")},
                                 {QStringLiteral("key"), QStringLiteral("review")}, {QStringLiteral("op"), QStringLiteral("upsert")},
                                 {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Review")}, {QStringLiteral("body"), QStringLiteral("Review {{selection}}")}}}};
        const HttpReply pushed = httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/sync/push").arg(m_orgId)),
                                             {{QStringLiteral("client_id"), QStringLiteral("alice-pc")}, {QStringLiteral("mutations"), QJsonArray{prompt}}},
                                             login(QStringLiteral("alice@example.org")));
        QCOMPARE(pushed.status, 200);
        const std::optional<QJsonObject> changed = bob.waitFor(QStringLiteral("changed"), QStringLiteral("org_templates"), before);
        QVERIFY2(changed, bob.describe(before).constData());
        QCOMPARE(changed->value(QStringLiteral("id")).toString(), m_orgId);
        QCOMPARE(changed->value(QStringLiteral("seq")).toInteger(), pushed.json.value(QStringLiteral("last_seq")).toInteger());
        QCOMPARE(changed->value(QStringLiteral("epoch")).toString(), pushed.json.value(QStringLiteral("epoch")).toString());
    }

    void addedToAnOrganizationASocketHearsOfIt()
    {
        EventClient carol(m_server->url());
        QVERIFY(signIn(carol, QStringLiteral("carol@example.org")));
        const QString alice = login(QStringLiteral("alice@example.org"));
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/members").arg(m_orgId)),
                             {{QStringLiteral("email"), QStringLiteral("carol@example.org")}, {QStringLiteral("role"), QStringLiteral("member")}}, alice)
                     .status,
                 201);
        QVERIFY(carol.waitFor(QStringLiteral("changed"), QStringLiteral("me")));
        // From now on she hears of the organization's changes.
        const qsizetype before = carol.received();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/teams").arg(m_orgId)), {{QStringLiteral("name"), QStringLiteral("Crew")}}, alice).status, 201);
        QVERIFY(carol.waitFor(QStringLiteral("changed"), QStringLiteral("org"), before));
    }

    void aRemovedMemberHearsOfItAndThenNothingMore()
    {
        const QString alice = login(QStringLiteral("alice@example.org"));
        const HttpReply org = httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Shortlived")}}, alice);
        QCOMPARE(org.status, 201);
        const QString orgId = org.json.value(QStringLiteral("id")).toString();
        const HttpReply added = httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/members").arg(orgId)),
                                            {{QStringLiteral("email"), QStringLiteral("carol@example.org")}, {QStringLiteral("role"), QStringLiteral("member")}}, alice);
        QCOMPARE(added.status, 201);
        EventClient carol(m_server->url());
        QVERIFY(carol.waitConnected());
        carol.authenticate(login(QStringLiteral("carol@example.org")));
        const std::optional<QJsonObject> ready = carol.waitFor(QStringLiteral("ready"));
        QVERIFY(ready);
        QVERIFY(ready->value(QStringLiteral("org_ids")).toArray().contains(orgId));

        const QString carolId = added.json.value(QStringLiteral("user_id")).toString();
        qsizetype before = carol.received();
        QCOMPARE(httpRequest("DELETE", m_server->api(QStringLiteral("/orgs/%1/members/%2").arg(orgId, carolId)), {}, alice).status, 204);
        QVERIFY(carol.waitFor(QStringLiteral("changed"), QStringLiteral("me"), before));
        // The organization goes on changing; she hears nothing of it.
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/teams").arg(orgId)), {{QStringLiteral("name"), QStringLiteral("After")}}, alice).status, 201);
        // Alice, who founded it, hears of her own change; by then Carol's
        // socket has seen the same poll.
        EventClient aliceSocket(m_server->url());
        QVERIFY(aliceSocket.waitConnected());
        aliceSocket.authenticate(alice);
        QVERIFY(aliceSocket.waitFor(QStringLiteral("ready")));
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/teams").arg(orgId)), {{QStringLiteral("name"), QStringLiteral("Later")}}, alice).status, 201);
        QVERIFY(aliceSocket.waitFor(QStringLiteral("changed"), QStringLiteral("org")));
        // Her next pong comes after every poke that poll could have sent her:
        // none was about a change to the organization after she left. (Pokes
        // of earlier changes may still arrive late, and a second "me": a
        // check begun while she signed in is repeated, harmlessly.)
        const qsizetype pinged = carol.received();
        carol.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(carol.waitFor(QStringLiteral("pong"), {}, pinged));
        qint64 removedAt = -1;
        const QJsonArray audit = httpRequest("GET", m_server->api(QStringLiteral("/orgs/%1/audit").arg(orgId)), {}, alice).json.value(QStringLiteral("entries")).toArray();
        for (const QJsonValue &entry : audit) {
            if (entry[QStringLiteral("action")].toString() == QLatin1String("org.member_removed"))
                removedAt = entry[QStringLiteral("seq")].toInteger();
        }
        QVERIFY(removedAt > 0);
        QVERIFY2(!carol.pokedAfter(removedAt, QStringLiteral("org"), orgId), carol.describe(before).constData());
    }

    void aFounderHearsOfTheNewOrganization()
    {
        const QString access = login(QStringLiteral("carol@example.org"));
        EventClient carol(m_server->url());
        QVERIFY(carol.waitConnected());
        carol.authenticate(access);
        QVERIFY(carol.waitFor(QStringLiteral("ready")));
        const qsizetype before = carol.received();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Carol's")}}, access).status, 201);
        QVERIFY(carol.waitFor(QStringLiteral("changed"), QStringLiteral("me"), before));
    }

    void aChangeOnAnotherInstanceReachesThisOnesSockets()
    {
        QString why;
        std::unique_ptr<ServerProcess> second = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(second, qPrintable(why));
        EventClient bob(second->url());
        QVERIFY(signIn(bob, QStringLiteral("bob@example.org"), second->url()));
        const qsizetype before = bob.received();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/projects").arg(m_orgId)), {{QStringLiteral("name"), QStringLiteral("Elsewhere")}},
                             login(QStringLiteral("alice@example.org")))
                     .status,
                 201);
        QVERIFY(bob.waitFor(QStringLiteral("changed"), QStringLiteral("org"), before));
        QCOMPARE(second->terminate(), 0);
        // Stopping closed the socket as "going away".
        QVERIFY(bob.waitClosed());
        QCOMPARE(bob.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }

    // A project Alice and Bob may see (Dave is in no organization).
    QString sharedProject(const QString &name)
    {
        const QString alice = login(QStringLiteral("alice@example.org"));
        const HttpReply made = httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/projects").arg(m_orgId)), {{QStringLiteral("name"), name}}, alice);
        if (made.status != 201)
            return {};
        const QString project = made.json.value(QStringLiteral("id")).toString();
        const HttpReply given = httpRequest("PUT", m_server->api(QStringLiteral("/projects/%1/members/bob@example.org").arg(project)),
                                            {{QStringLiteral("role"), QStringLiteral("viewer")}}, alice);
        return given.status == 200 ? project : QString();
    }

    void presenceSaysWhoHasAProjectOpen()
    {
        const QString project = sharedProject(QStringLiteral("Presence"));
        QVERIFY(!project.isEmpty());
        EventClient alice(m_server->url());
        QVERIFY(signIn(alice, QStringLiteral("alice@example.org")));
        alice.watch(project);
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());

        EventClient bob(m_server->url());
        QVERIFY(signIn(bob, QStringLiteral("bob@example.org")));
        bob.watch(project);
        QVERIFY2(bob.waitForPresence(project, QStringLiteral("alice, bob")), bob.describe(0).constData());
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice, bob")), alice.describe(0).constData());

        // Someone outside may not look, and learns nothing — though he
        // owns an organization of his own (and sees all of its projects).
        const QString daveToken = login(QStringLiteral("dave@example.org"));
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Dave's")}}, daveToken).status, 201);
        EventClient dave(m_server->url());
        QVERIFY(dave.waitConnected());
        dave.authenticate(daveToken);
        QVERIFY(dave.waitFor(QStringLiteral("ready")));
        const qsizetype daveBefore = dave.received();
        dave.watch(project);
        const std::optional<QJsonObject> refused = dave.waitFor(QStringLiteral("error"), {}, daveBefore);
        QVERIFY2(refused, dave.describe(0).constData());
        QCOMPARE(refused->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        QVERIFY(dave.presence(project).isEmpty());

        // Bob closes the project, opens it again, then his socket drops.
        bob.watch(QString());
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
        bob.watch(project);
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice, bob")), alice.describe(0).constData());
        bob.abort();
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
        // Each change was told once: no repeats of what Alice knew.
        QCOMPARE(alice.presence(project), (QStringList{QStringLiteral("alice"), QStringLiteral("alice, bob"), QStringLiteral("alice"), QStringLiteral("alice, bob"),
                                                       QStringLiteral("alice")}));
        QVERIFY(dave.presence(project).isEmpty());

        // Bob loses his role while he has the project open: he is told
        // nobody is there (and that he may not look), and leaves it.
        EventClient again(m_server->url());
        QVERIFY(signIn(again, QStringLiteral("bob@example.org")));
        again.watch(project);
        QVERIFY2(again.waitForPresence(project, QStringLiteral("alice, bob")), again.describe(0).constData());
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice, bob")), alice.describe(0).constData());
        const qsizetype beforeRemoval = again.received();
        QCOMPARE(httpRequest("DELETE", m_server->api(QStringLiteral("/projects/%1/members/bob@example.org").arg(project)), {}, login(QStringLiteral("alice@example.org"))).status,
                 204);
        QVERIFY2(again.waitForPresence(project, QString()), again.describe(0).constData());
        const std::optional<QJsonObject> lost = again.waitFor(QStringLiteral("error"), {}, beforeRemoval);
        QVERIFY2(lost, again.describe(0).constData());
        QCOMPARE(lost->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
    }

    // With several instances on PostgreSQL, presence is in the database:
    // a socket on one instance sees those on another, and an instance
    // that stops takes its sockets' presence with it.
    void presenceSpansInstances()
    {
        if (testBackend() != Realm::ServerDb::Backend::PostgreSql)
            QSKIP("Several instances share PostgreSQL; on SQLite one instance runs.");
        const QString project = sharedProject(QStringLiteral("Presence everywhere"));
        QVERIFY(!project.isEmpty());
        QString why;
        std::unique_ptr<ServerProcess> second = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(second, qPrintable(why));
        EventClient alice(m_server->url());
        QVERIFY(signIn(alice, QStringLiteral("alice@example.org")));
        alice.watch(project);
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
        EventClient bob(second->url());
        QVERIFY(signIn(bob, QStringLiteral("bob@example.org"), second->url()));
        bob.watch(project);
        QVERIFY2(bob.waitForPresence(project, QStringLiteral("alice, bob")), bob.describe(0).constData());
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice, bob")), alice.describe(0).constData());
        QCOMPARE(second->terminate(), 0);
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
    }

    // A peer that vanished without closing (asleep, network gone) is
    // found by the server's pings and leaves: its presence with it.
    void aVanishedPeerIsClosedAndLeaves()
    {
        const QString project = sharedProject(QStringLiteral("Asleep"));
        QVERIFY(!project.isEmpty());
        // An instance that pings every two seconds and gives up after five.
        QFile config(m_data + QStringLiteral("/realm-server.conf"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray original = config.readAll();
        config.close();
        QVERIFY(original.contains("events_ping_interval = 30\n"));
        QByteArray quick = original;
        quick.replace("events_ping_interval = 30\n", "events_ping_interval = 2\n");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(config.write(quick), quick.size());
        config.close();
        QString why;
        std::unique_ptr<ServerProcess> pinging = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(config.write(original), original.size());
        config.close();
        QVERIFY2(pinging, qPrintable(why));

        EventClient alice(pinging->url());
        QVERIFY(signIn(alice, QStringLiteral("alice@example.org"), pinging->url()));
        alice.watch(project);
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
        VanishingPeer bob(pinging->url());
        QVERIFY(bob.open());
        bob.sendText({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), login(QStringLiteral("bob@example.org"), pinging->url())}});
        QVERIFY(bob.waitForBytes("\"ready\""));
        bob.sendText({{QStringLiteral("type"), QStringLiteral("watch")}, {QStringLiteral("project_id"), project}});
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice, bob")), alice.describe(0).constData());
        // Bob's peer answers no ping: five seconds after his last word he
        // is closed and leaves. Alice, silent for longer, answers the pings
        // (her WebSocket library does): she stays.
        QVERIFY2(alice.waitForPresence(project, QStringLiteral("alice")), alice.describe(0).constData());
        QVERIFY(!alice.isClosed());
        QCOMPARE(pinging->terminate(), 0);
    }

    void aSocketClosesWhenItsSessionEnds()
    {
        const QString access = login(QStringLiteral("bob@example.org"));
        EventClient bob(m_server->url());
        QVERIFY(bob.waitConnected());
        bob.authenticate(access);
        QVERIFY(bob.waitFor(QStringLiteral("ready")));
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/auth/logout")), {}, access).status, 204);
        const std::optional<QJsonObject> error = bob.waitFor(QStringLiteral("error"));
        QVERIFY(error);
        QCOMPARE(error->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("unauthenticated"));
        QVERIFY(bob.waitClosed());
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
