// SPDX-License-Identifier: GPL-3.0-or-later
// Sync of shared projects over HTTP, on real realm-server processes on
// 127.0.0.1, on SQLite (tst_syncroutes) and PostgreSQL
// (tst_syncroutes_postgresql): uploading contents (whole, in resumable
// chunks, refused when they do not match their hash) and asking which are
// missing; pushing numbered mutations (each applied once, a gap refused,
// malformed ones refused whole) and pulling them page by page from a
// cursor; downloading contents (whole or from a byte on); project roles
// (viewers pull, editors push, outsiders see nothing); overlapping edits
// kept as a conflict copy; the event socket's "changed" poke after a push;
// and a server restored from a backup answering old cursors as a new epoch.
#include "serverprocess.h"
#include "sync/syncprotocol.h"
#include "testserverdatabase.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

using namespace Realm::Test;

namespace {

const QByteArray kPassword = "a long enough passphrase";
// Pokes follow a change within a second (the poll); this is a ceiling.
constexpr int kEventTimeoutMs = 15000;

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// `size` bytes that are the same on every run and are binary as Git sees
// it (NUL bytes among them).
QByteArray binaryPayload(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = seed;
    for (qsizetype i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        bytes[i] = char(state >> 24);
    }
    for (qsizetype i = 0; i < size; i += 1000)
        bytes[i] = '\0';
    return bytes;
}

// A file's row as a client pushes it: its content (uploaded separately)
// by hash, and the file's size, mode and encoding.
QJsonObject fileData(const QByteArray &content)
{
    return {{QStringLiteral("sha256"), sha256Of(content)},
            {QStringLiteral("size"), qint64(content.size())},
            {QStringLiteral("mode"), 420},
            {QStringLiteral("encoding"), content.contains('\0') ? QStringLiteral("binary") : QStringLiteral("utf-8")}};
}

// Mutation `number`: `path` now holds `content`, changed from the item at
// `baseSeq` whose content was `baseSha` (none: a new file).
QJsonObject fileUpsert(qint64 number, const QString &path, const QByteArray &content, qint64 baseSeq = 0, const QString &baseSha = {})
{
    QJsonObject mutation{{QStringLiteral("number"), number},     {QStringLiteral("table"), QStringLiteral("files")},
                         {QStringLiteral("key"), path},          {QStringLiteral("op"), QStringLiteral("upsert")},
                         {QStringLiteral("base_seq"), baseSeq}, {QStringLiteral("data"), fileData(content)}};
    if (!baseSha.isEmpty())
        mutation.insert(QStringLiteral("base_sha256"), baseSha);
    return mutation;
}

// Mutation `number`: a conversation (no content to upload) titled `title`.
QJsonObject conversationUpsert(qint64 number, const QString &id, const QString &title)
{
    return {{QStringLiteral("number"), number},
            {QStringLiteral("table"), QStringLiteral("conversations")},
            {QStringLiteral("key"), id},
            {QStringLiteral("op"), QStringLiteral("upsert")},
            {QStringLiteral("base_seq"), 0},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title}}}};
}

// Whether `reply` has `status` (and error `code`, when given); says what
// came instead when not.
bool answered(const HttpReply &reply, int status, const char *code = nullptr)
{
    if (reply.status == status && (!code || reply.errorCode() == QLatin1String(code)))
        return true;
    qWarning("expected HTTP %d %s, got %d: %s", status, code ? code : "", reply.status, reply.body.left(600).constData());
    return false;
}

// A push's outcomes, in the order of its mutations.
QStringList outcomesOf(const HttpReply &pushed)
{
    QStringList outcomes;
    for (const QJsonValue &result : pushed.json.value(QStringLiteral("results")).toArray())
        outcomes.append(result.toObject().value(QStringLiteral("outcome")).toString());
    return outcomes;
}

// The seqs of a pull's changes, in the order the page gave them.
QList<qint64> seqsOf(const HttpReply &page)
{
    QList<qint64> seqs;
    for (const QJsonValue &change : page.json.value(QStringLiteral("changes")).toArray())
        seqs.append(change.toObject().value(QStringLiteral("seq")).toInteger());
    return seqs;
}

// The change to `key` of `table` in a pull's page; empty when it has none.
QJsonObject changeOf(const HttpReply &page, const QString &key, const QString &table = QStringLiteral("files"))
{
    for (const QJsonValue &change : page.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject item = change.toObject();
        if (item.value(QStringLiteral("table")).toString() == table && item.value(QStringLiteral("key")).toString() == key)
            return item;
    }
    return {};
}

QString shaOf(const QJsonObject &change)
{
    return change.value(QStringLiteral("data")).toObject().value(QStringLiteral("sha256")).toString();
}

// A cursor "EPOCH:SEQ" in its parts.
QString epochOf(const QString &cursor)
{
    return cursor.section(QLatin1Char(':'), 0, 0);
}

qint64 seqOf(const QString &cursor)
{
    return cursor.section(QLatin1Char(':'), -1).toLongLong();
}

// A client of the event socket that keeps every message it received.
class EventClient final {
public:
    explicit EventClient(const QString &serverUrl)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) { m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        QObject::connect(&m_socket, &QWebSocket::disconnected, [this] { m_closed = true; });
        QUrl url(serverUrl + QStringLiteral("/api/v1/events"));
        url.setScheme(QStringLiteral("ws"));
        m_socket.open(url);
    }

    bool waitConnected() { return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; }, kEventTimeoutMs) && !m_closed; }
    void send(const QJsonObject &message) { m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact))); }
    void authenticate(const QString &token) { send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), token}}); }

    // Whether a message of `type` came (by the deadline).
    bool waitFor(const QString &type)
    {
        return QTest::qWaitFor([&] {
            return std::any_of(m_messages.cbegin(), m_messages.cend(),
                               [&](const QJsonObject &message) { return message.value(QStringLiteral("type")).toString() == type; });
        }, kEventTimeoutMs);
    }

    // Whether a message came that shows the server's event feed has
    // dispatched the audit log up to `seq`: "ready", or a "changed" poke of
    // an organization or of the user ("me"), of that seq or a later one.
    // (A project's pokes carry the project's own seq instead.)
    bool waitForFeedAt(qint64 seq)
    {
        return QTest::qWaitFor([&] {
            return std::any_of(m_messages.cbegin(), m_messages.cend(), [&](const QJsonObject &message) {
                const QString type = message.value(QStringLiteral("type")).toString();
                const QString scope = message.value(QStringLiteral("scope")).toString();
                const bool ofTheAuditLog = type == QLatin1String("ready")
                                           || (type == QLatin1String("changed") && (scope == QLatin1String("me") || scope == QLatin1String("org")));
                return ofTheAuditLog && message.value(QStringLiteral("seq")).toInteger() >= seq;
            });
        }, kEventTimeoutMs);
    }

    // The seqs of the "changed" pokes about project `id` so far, in order.
    QList<qint64> projectPokes(const QString &id) const
    {
        QList<qint64> seqs;
        for (const QJsonObject &message : m_messages) {
            if (message.value(QStringLiteral("type")).toString() == QLatin1String("changed")
                && message.value(QStringLiteral("scope")).toString() == QLatin1String("project") && message.value(QStringLiteral("id")).toString() == id)
                seqs.append(message.value(QStringLiteral("seq")).toInteger());
        }
        return seqs;
    }

    // The epoch of the last "changed" poke about project `id`.
    QString projectPokeEpoch(const QString &id) const
    {
        QString epoch;
        for (const QJsonObject &message : m_messages) {
            if (message.value(QStringLiteral("scope")).toString() == QLatin1String("project") && message.value(QStringLiteral("id")).toString() == id)
                epoch = message.value(QStringLiteral("epoch")).toString();
        }
        return epoch;
    }

    // Whether `count` pokes about project `id` came (by the deadline).
    bool waitForProjectPokes(const QString &id, qsizetype count)
    {
        return QTest::qWaitFor([&] { return projectPokes(id).size() >= count; }, kEventTimeoutMs);
    }

    qsizetype received() const { return m_messages.size(); }
    // Whether a message of `type` and `scope` came after the first `from`.
    bool waitFor(const QString &type, const QString &scope, qsizetype from)
    {
        return QTest::qWaitFor([&] {
            return std::any_of(m_messages.cbegin() + from, m_messages.cend(), [&](const QJsonObject &message) {
                return message.value(QStringLiteral("type")).toString() == type && message.value(QStringLiteral("scope")).toString() == scope;
            });
        }, kEventTimeoutMs);
    }

    // Every message so far, for a failure's message.
    QByteArray describe() const
    {
        QByteArray text;
        for (const QJsonObject &message : m_messages)
            text += QJsonDocument(message).toJson(QJsonDocument::Compact) + ' ';
        return text;
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    bool m_closed = false;
};

} // namespace

class TestSyncRoutes final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl; // empty on SQLite
    std::unique_ptr<ServerProcess> m_server;
    QString m_orgId;
    // Access tokens: Alice owns the organization Acme (and so administers
    // its projects), Bob and Carol are members, Dave is in no organization.
    QString m_alice;
    QString m_bob;
    QString m_carol;
    QString m_dave;
    QString m_bobId;

    QString api(const QString &path, const ServerProcess *on = nullptr) const { return (on ? on : m_server.get())->api(path); }

    QStringList admin(const QStringList &arguments) const
    {
        QStringList all{QStringLiteral("admin"), QStringLiteral("--data"), m_data};
        if (!m_databaseUrl.isEmpty())
            all << QStringLiteral("--database") << m_databaseUrl;
        return all + arguments;
    }

    // NAME@example.org's access token on `on` (the first server without).
    QString login(const QString &name, const ServerProcess *on = nullptr) const
    {
        return httpRequest("POST", api(QStringLiteral("/auth/login"), on),
                           {{QStringLiteral("email"), QString(name + QStringLiteral("@example.org"))}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
            .json.value(QStringLiteral("access_token"))
            .toString();
    }

    // A new project of Acme that Alice made (she administers it), with Bob
    // as an editor and Carol as a viewer; empty (with a warning) on failure.
    // Each test has its own, so its seqs start at 1.
    QString newProject(const QString &name) const
    {
        const HttpReply made = httpRequest("POST", api(QStringLiteral("/orgs/%1/projects").arg(m_orgId)), {{QStringLiteral("name"), name}}, m_alice);
        if (!answered(made, 201))
            return {};
        const QString id = made.json.value(QStringLiteral("id")).toString();
        const std::pair<const char *, const char *> members[] = {{"bob@example.org", "editor"}, {"carol@example.org", "viewer"}};
        for (const auto &[email, role] : members) {
            const HttpReply given = httpRequest("PUT", api(QStringLiteral("/projects/%1/members/%2").arg(id, QString::fromLatin1(email))),
                                                {{QStringLiteral("role"), QString::fromLatin1(role)}}, m_alice);
            if (!answered(given, 200))
                return {};
        }
        return id;
    }

    // The seq of the organization's last audit entry (0 when it cannot be
    // read).
    qint64 lastAuditSeq() const
    {
        qint64 last = 0;
        for (;;) {
            const HttpReply page = httpRequest("GET", api(QStringLiteral("/orgs/%1/audit?after=%2&limit=1000").arg(m_orgId).arg(last)), {}, m_alice);
            qint64 highest = last;
            for (const QJsonValue &entry : page.json.value(QStringLiteral("entries")).toArray())
                highest = std::max(highest, entry.toObject().value(QStringLiteral("seq")).toInteger());
            if (!answered(page, 200) || highest == last)
                return last;
            last = highest;
        }
    }

    HttpReply push(const QString &project, const QString &token, const QString &clientId, const QJsonArray &mutations) const
    {
        return httpRequest("POST", api(QStringLiteral("/projects/%1/sync/push").arg(project)),
                           {{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}}, token);
    }

    // What changed after `cursor` (empty: from the start), `limit` at most
    // (0: the server's page).
    HttpReply pull(const QString &project, const QString &token, const QString &cursor = {}, int limit = 0, const ServerProcess *on = nullptr) const
    {
        QStringList query;
        if (!cursor.isEmpty())
            query << QStringLiteral("cursor=%1").arg(cursor); // hex digits, a colon and a number
        if (limit > 0)
            query << QStringLiteral("limit=%1").arg(limit);
        QString url = api(QStringLiteral("/projects/%1/sync/changes").arg(project), on);
        if (!query.isEmpty()) {
            url += QLatin1Char('?');
            url += query.join(QLatin1Char('&'));
        }
        return httpRequest("GET", url, {}, token);
    }

    HttpReply uploadChunk(const QString &project, const QString &token, const QString &sha, qint64 size, qint64 offset, const QByteArray &bytes) const
    {
        return httpRequestRaw("PUT", api(QStringLiteral("/projects/%1/blobs/%2?size=%3&offset=%4").arg(project, sha).arg(size).arg(offset)), bytes, token);
    }

    // `content` whole, in one request.
    HttpReply upload(const QString &project, const QString &token, const QByteArray &content) const
    {
        return uploadChunk(project, token, sha256Of(content), content.size(), 0, content);
    }

    HttpReply download(const QString &project, const QString &token, const QString &sha, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                       const ServerProcess *on = nullptr) const
    {
        return httpRequest("GET", api(QStringLiteral("/projects/%1/blobs/%2").arg(project, sha), on), {}, token, headers);
    }

    HttpReply blobStatus(const QString &project, const QString &token, const QStringList &hashes) const
    {
        return httpRequest("POST", api(QStringLiteral("/projects/%1/blobs/status").arg(project)), {{QStringLiteral("sha256"), QJsonArray::fromStringList(hashes)}},
                           token);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        for (const char *name : {"Alice", "Bob", "Carol", "Dave"}) {
            const QString person = QString::fromLatin1(name);
            const ServerProcess::Outcome added =
                ServerProcess::addUser(m_data, m_databaseUrl, person.toLower() + QStringLiteral("@example.org"), person, kPassword);
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        m_alice = login(QStringLiteral("alice"));
        m_bob = login(QStringLiteral("bob"));
        m_carol = login(QStringLiteral("carol"));
        m_dave = login(QStringLiteral("dave"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_carol.isEmpty() && !m_dave.isEmpty());
        const HttpReply org = httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, m_alice);
        QVERIFY(answered(org, 201));
        m_orgId = org.json.value(QStringLiteral("id")).toString();
        for (const char *email : {"bob@example.org", "carol@example.org"}) {
            const HttpReply added = httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)),
                                                {{QStringLiteral("email"), QString::fromLatin1(email)}, {QStringLiteral("role"), QStringLiteral("member")}}, m_alice);
            QVERIFY(answered(added, 201));
            if (QLatin1String(email) == QLatin1String("bob@example.org"))
                m_bobId = added.json.value(QStringLiteral("user_id")).toString();
        }
        QVERIFY(!m_bobId.isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aClientSharesFilesAndAnotherPullsThem()
    {
        const QString project = newProject(QStringLiteral("Rocket"));
        QVERIFY(!project.isEmpty());
        const QByteArray readme = "# Rocket\n\nShared with the team.\n";
        const QByteArray source = "int main()\n{\n    return 0;\n}\n";
        const QString readmeSha = sha256Of(readme);
        const QString sourceSha = sha256Of(source);

        // Bob's client asks what the server lacks, uploads it, then pushes.
        const HttpReply before = blobStatus(project, m_bob, {readmeSha, sourceSha});
        QVERIFY(answered(before, 200));
        QCOMPARE(before.json.value(QStringLiteral("missing")).toArray(), (QJsonArray{readmeSha, sourceSha}));
        for (const QByteArray &content : {readme, source}) {
            const HttpReply uploaded = upload(project, m_bob, content);
            QVERIFY(answered(uploaded, 200));
            QCOMPARE(uploaded.json.value(QStringLiteral("received")).toInteger(), content.size());
            QCOMPARE(uploaded.json.value(QStringLiteral("size")).toInteger(), content.size());
            QVERIFY(uploaded.json.value(QStringLiteral("complete")).toBool());
        }
        const HttpReply after = blobStatus(project, m_bob, {readmeSha, sourceSha});
        QVERIFY(answered(after, 200));
        QVERIFY(after.json.value(QStringLiteral("missing")).toArray().isEmpty());
        QVERIFY(after.json.value(QStringLiteral("partial")).toObject().isEmpty());

        const HttpReply pushed = push(project, m_bob, QStringLiteral("bob-laptop"),
                                      {fileUpsert(1, QStringLiteral("README.md"), readme), fileUpsert(2, QStringLiteral("src/main.cpp"), source)});
        QVERIFY(answered(pushed, 200));
        QCOMPARE(outcomesOf(pushed), (QStringList{QStringLiteral("applied"), QStringLiteral("applied")}));
        const QJsonArray results = pushed.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("number")).toInteger(), 1);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("seq")).toInteger(), 1);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("seq")).toInteger(), 2);
        QCOMPARE(pushed.json.value(QStringLiteral("last_seq")).toInteger(), 2);

        // Carol's client pulls from the start and gets both, oldest first.
        const HttpReply page = pull(project, m_carol);
        QVERIFY(answered(page, 200));
        QCOMPARE(seqsOf(page), (QList<qint64>{1, 2}));
        QCOMPARE(page.json.value(QStringLiteral("reset")).toString(), QStringLiteral("none"));
        QCOMPARE(page.json.value(QStringLiteral("has_more")).toBool(), false);
        const QString cursor = page.json.value(QStringLiteral("cursor")).toString();
        QVERIFY2(!epochOf(cursor).isEmpty() && seqOf(cursor) == 2 && cursor.endsWith(QLatin1String(":2")), qPrintable(cursor));
        const std::pair<QString, QByteArray> files[] = {{QStringLiteral("README.md"), readme}, {QStringLiteral("src/main.cpp"), source}};
        for (const auto &[path, content] : files) {
            const QJsonObject change = changeOf(page, path);
            QVERIFY2(!change.isEmpty(), qPrintable(path));
            QCOMPARE(change.value(QStringLiteral("deleted")).toBool(), false);
            QCOMPARE(shaOf(change), sha256Of(content));
            QCOMPARE(change.value(QStringLiteral("data")).toObject().value(QStringLiteral("size")).toInteger(), content.size());
            QCOMPARE(change.value(QStringLiteral("changed_by")).toString(), m_bobId);
            QVERIFY(!change.value(QStringLiteral("changed_at")).isNull());
            // And downloads the contents, byte for byte what Bob uploaded.
            const HttpReply blob = download(project, m_carol, shaOf(change));
            QVERIFY(answered(blob, 200));
            QCOMPARE(blob.body, content);
        }

        // From that cursor on there is nothing new.
        const HttpReply again = pull(project, m_carol, cursor);
        QVERIFY(answered(again, 200));
        QVERIFY(again.json.value(QStringLiteral("changes")).toArray().isEmpty());
        QCOMPARE(again.json.value(QStringLiteral("cursor")).toString(), cursor);
        QCOMPARE(again.json.value(QStringLiteral("reset")).toString(), QStringLiteral("none"));
        QCOMPARE(again.json.value(QStringLiteral("has_more")).toBool(), false);

        // Page by page the same changes arrive, each once.
        const HttpReply first = pull(project, m_carol, {}, 1);
        QVERIFY(answered(first, 200));
        QCOMPARE(seqsOf(first), (QList<qint64>{1}));
        QCOMPARE(first.json.value(QStringLiteral("has_more")).toBool(), true);
        const HttpReply second = pull(project, m_carol, first.json.value(QStringLiteral("cursor")).toString(), 1);
        QVERIFY(answered(second, 200));
        QCOMPARE(seqsOf(second), (QList<qint64>{2}));
        QCOMPARE(second.json.value(QStringLiteral("has_more")).toBool(), false);
        QCOMPARE(second.json.value(QStringLiteral("cursor")).toString(), cursor);
    }

    void aRetriedPushAppliesNothingTwice()
    {
        const QString project = newProject(QStringLiteral("Retries"));
        QVERIFY(!project.isEmpty());
        const QString client = QStringLiteral("bob-flaky-wifi");
        const QJsonArray firstTwo{conversationUpsert(1, QStringLiteral("c-1"), QStringLiteral("Launch plan")),
                                  conversationUpsert(2, QStringLiteral("c-2"), QStringLiteral("Budget"))};
        const HttpReply first = push(project, m_bob, client, firstTwo);
        QVERIFY(answered(first, 200));
        QCOMPARE(outcomesOf(first), (QStringList{QStringLiteral("applied"), QStringLiteral("applied")}));
        const qint64 lastSeq = first.json.value(QStringLiteral("last_seq")).toInteger();
        QCOMPARE(lastSeq, 2);

        // The answer got lost; the client sends the same request again.
        const HttpReply retry = push(project, m_bob, client, firstTwo);
        QVERIFY(answered(retry, 200));
        // It gets the first answer again, and nothing is applied twice.
        QCOMPARE(retry.json.value(QStringLiteral("results")), first.json.value(QStringLiteral("results")));
        QCOMPARE(retry.json.value(QStringLiteral("last_seq")).toInteger(), lastSeq);
        const HttpReply page = pull(project, m_carol);
        QVERIFY(answered(page, 200));
        QCOMPARE(seqsOf(page), (QList<qint64>{1, 2}));
        QCOMPARE(changeOf(page, QStringLiteral("c-1"), QStringLiteral("conversations")).value(QStringLiteral("data")).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Launch plan"));

        // Number 3 never arrived: 4 is refused, and nothing of it applied.
        const HttpReply gap = push(project, m_bob, client, {conversationUpsert(4, QStringLiteral("c-4"), QStringLiteral("Later"))});
        QVERIFY(answered(gap, 409, "conflict"));
        const HttpReply afterGap = pull(project, m_carol, page.json.value(QStringLiteral("cursor")).toString());
        QVERIFY(answered(afterGap, 200));
        QVERIFY(afterGap.json.value(QStringLiteral("changes")).toArray().isEmpty());

        // A retry that overlaps what was applied: only the new one applies.
        const HttpReply overlap =
            push(project, m_bob, client, {firstTwo.at(1), conversationUpsert(3, QStringLiteral("c-3"), QStringLiteral("Retrospective"))});
        QVERIFY(answered(overlap, 200));
        QCOMPARE(outcomesOf(overlap), (QStringList{QStringLiteral("applied"), QStringLiteral("applied")}));
        QCOMPARE(overlap.json.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("seq")).toInteger(), 2);
        QCOMPARE(overlap.json.value(QStringLiteral("results")).toArray().at(1).toObject().value(QStringLiteral("seq")).toInteger(), 3);
        QCOMPARE(overlap.json.value(QStringLiteral("last_seq")).toInteger(), 3);
        const HttpReply all = pull(project, m_carol);
        QVERIFY(answered(all, 200));
        QCOMPARE(seqsOf(all), (QList<qint64>{1, 2, 3}));
        QVERIFY(changeOf(all, QStringLiteral("c-4"), QStringLiteral("conversations")).isEmpty());
    }

    void rolesAreEnforced()
    {
        const QString project = newProject(QStringLiteral("Roles"));
        QVERIFY(!project.isEmpty());
        const QByteArray notes = "Only editors change this file.\n";
        const QString notesSha = sha256Of(notes);
        QVERIFY(answered(upload(project, m_bob, notes), 200));
        QVERIFY(answered(push(project, m_bob, QStringLiteral("bob-roles"), {fileUpsert(1, QStringLiteral("notes.txt"), notes)}), 200));

        // Carol, a viewer, pulls and downloads but neither pushes nor uploads.
        QCOMPARE(seqsOf(pull(project, m_carol)), (QList<qint64>{1}));
        QCOMPARE(download(project, m_carol, notesSha).body, notes);
        QVERIFY(answered(push(project, m_carol, QStringLiteral("carol-pc"), {conversationUpsert(1, QStringLiteral("c-carol"), QStringLiteral("Mine"))}), 403,
                         "forbidden"));
        QVERIFY(answered(upload(project, m_carol, "Carol's own text.\n"), 403, "forbidden"));

        // Dave, in no organization, sees nothing — not even that it exists.
        QVERIFY(answered(pull(project, m_dave), 404, "not_found"));
        QVERIFY(answered(download(project, m_dave, notesSha), 404, "not_found"));
        QVERIFY(answered(blobStatus(project, m_dave, {notesSha}), 404, "not_found"));
        QVERIFY(answered(push(project, m_dave, QStringLiteral("dave-pc"), {conversationUpsert(1, QStringLiteral("c-dave"), QStringLiteral("Hi"))}), 404,
                         "not_found"));

        // Content uploaded to another project is not handed out here.
        const QString other = newProject(QStringLiteral("Other"));
        QVERIFY(!other.isEmpty());
        const QByteArray elsewhere = "Uploaded by Bob to another project.\n";
        QVERIFY(answered(upload(other, m_bob, elsewhere), 200));
        QVERIFY(answered(download(project, m_carol, sha256Of(elsewhere)), 404, "not_found"));
        QVERIFY(answered(download(other, m_carol, sha256Of(elsewhere)), 200));

        // A file whose content never arrived is refused, and its number
        // stays free for when it has.
        const QByteArray todo = "Upload me first.\n";
        const QJsonArray todoPush{fileUpsert(2, QStringLiteral("todo.txt"), todo)};
        QVERIFY(answered(push(project, m_bob, QStringLiteral("bob-roles"), todoPush), 409, "conflict"));
        const HttpReply page = pull(project, m_carol);
        QCOMPARE(seqsOf(page), (QList<qint64>{1}));
        QVERIFY(changeOf(page, QStringLiteral("todo.txt")).isEmpty());
        QVERIFY(answered(upload(project, m_bob, todo), 200));
        const HttpReply accepted = push(project, m_bob, QStringLiteral("bob-roles"), todoPush);
        QVERIFY(answered(accepted, 200));
        QCOMPARE(outcomesOf(accepted), QStringList{QStringLiteral("applied")});
        QCOMPARE(accepted.json.value(QStringLiteral("last_seq")).toInteger(), 2);
    }

    void malformedMutationsAreRefused()
    {
        const QString project = newProject(QStringLiteral("Malformed"));
        QVERIFY(!project.isEmpty());
        const QByteArray content = "A well-formed file.\n";
        QVERIFY(answered(upload(project, m_bob, content), 200));
        const QString path = QStringLiteral("docs/readme.txt");

        QJsonObject unknownOp = fileUpsert(1, path, content);
        unknownOp.insert(QStringLiteral("op"), QStringLiteral("rename"));
        QJsonObject badHash = fileUpsert(1, path, content);
        QJsonObject badHashData = fileData(content);
        badHashData.insert(QStringLiteral("sha256"), QStringLiteral("not a hash"));
        badHash.insert(QStringLiteral("data"), badHashData);
        QJsonObject unnumbered = fileUpsert(1, path, content);
        unnumbered.remove(QStringLiteral("number"));
        QJsonObject unknownTable = conversationUpsert(1, QStringLiteral("x"), QStringLiteral("y"));
        unknownTable.insert(QStringLiteral("table"), QStringLiteral("secrets"));
        const std::pair<const char *, QJsonObject> malformed[] = {{"an unknown op", unknownOp},
                                                                  {"a path out of the project", fileUpsert(1, QStringLiteral("../outside.txt"), content)},
                                                                  {"a content hash that is none", badHash},
                                                                  {"no number", unnumbered},
                                                                  {"a table that does not sync", unknownTable}};
        for (const auto &[what, mutation] : malformed) {
            const HttpReply refused = push(project, m_bob, QStringLiteral("bob-malformed"), {mutation});
            QVERIFY2(answered(refused, 400, "invalid_input"), what);
        }
        const HttpReply anonymous = httpRequest("POST", api(QStringLiteral("/projects/%1/sync/push").arg(project)),
                                                {{QStringLiteral("mutations"), QJsonArray{fileUpsert(1, path, content)}}}, m_bob);
        QVERIFY(answered(anonymous, 400, "invalid_input"));
        // A push that skips a number inside itself is malformed too (a gap
        // after what the server applied is a conflict: see above).
        const HttpReply skipping = push(project, m_bob, QStringLiteral("bob-malformed"),
                                        {fileUpsert(1, path, content), conversationUpsert(3, QStringLiteral("c-3"), QStringLiteral("Skipped"))});
        QVERIFY(answered(skipping, 400, "invalid_input"));

        // Nothing was applied, and number 1 is still the client's next.
        const HttpReply page = pull(project, m_carol);
        QVERIFY(answered(page, 200));
        QVERIFY(page.json.value(QStringLiteral("changes")).toArray().isEmpty());
        const HttpReply accepted = push(project, m_bob, QStringLiteral("bob-malformed"), {fileUpsert(1, path, content)});
        QVERIFY(answered(accepted, 200));
        QCOMPARE(outcomesOf(accepted), QStringList{QStringLiteral("applied")});
    }

    // Many small contents in one request: taken together, or — one of
    // them not matching its hash — none of them.
    void smallContentsTravelInABatch()
    {
        const QString project = newProject(QStringLiteral("Batch"));
        QVERIFY(!project.isEmpty());
        const QByteArray a = "first small file\n", b = "second small file\n", empty;
        const auto batchOf = [](const QList<std::pair<QString, QByteArray>> &blobs) {
            QByteArray body;
            for (const auto &[sha, bytes] : blobs)
                body += sha.toLatin1() + ' ' + QByteArray::number(bytes.size()) + '\n' + bytes;
            return body;
        };
        const auto post = [&](const QString &token, const QByteArray &body) {
            return httpRequestRaw("POST", api(QStringLiteral("/projects/%1/blobs/batch").arg(project)), body, token);
        };
        const HttpReply stored = post(m_bob, batchOf({{sha256Of(a), a}, {sha256Of(b), b}, {sha256Of(empty), empty}}));
        QVERIFY(answered(stored, 200));
        QCOMPARE(stored.json.value(QStringLiteral("stored")).toInteger(), 3);
        const HttpReply status = blobStatus(project, m_bob, {sha256Of(a), sha256Of(b), sha256Of(empty)});
        QVERIFY(answered(status, 200));
        QVERIFY(status.json.value(QStringLiteral("missing")).toArray().isEmpty());
        QCOMPARE(download(project, m_bob, sha256Of(b)).body, b);

        // A content under another's hash: the batch is refused whole.
        const QByteArray c = "third\n", d = "fourth\n";
        QVERIFY(answered(post(m_bob, batchOf({{sha256Of(c), c}, {sha256Of(d), QByteArray("not the fourth\n")}})), 400, "invalid_input"));
        const HttpReply after = blobStatus(project, m_bob, {sha256Of(c), sha256Of(d)});
        QCOMPARE(after.json.value(QStringLiteral("missing")).toArray(), (QJsonArray{sha256Of(c), sha256Of(d)}));
        // Framing that does not add up, and a viewer.
        QVERIFY(answered(post(m_bob, "no header here"), 400, "invalid_input"));
        QVERIFY(answered(post(m_bob, sha256Of(c).toLatin1() + " 99\nshort"), 400, "invalid_input"));
        QVERIFY(answered(post(m_carol, batchOf({{sha256Of(c), c}})), 403, "forbidden"));

        // Down again many at a time, in the order asked; what the project
        // does not hold is left out (asked for alone, it says why).
        const QString unknown = sha256Of("never uploaded\n");
        const HttpReply fetched = httpRequest("POST", api(QStringLiteral("/projects/%1/blobs/fetch").arg(project)),
                                              {{QStringLiteral("sha256"), QJsonArray{sha256Of(b), unknown, sha256Of(a), sha256Of(empty)}}}, m_carol);
        QVERIFY(answered(fetched, 200));
        const Realm::Result<Realm::Sync::BlobBatch> got = Realm::Sync::BlobBatch::decode(fetched.body);
        QVERIFY(got);
        QCOMPARE(got->blobs.size(), 3);
        QCOMPARE(got->blobs.at(0).sha256, sha256Of(b));
        QCOMPARE(got->blobs.at(0).bytes, b);
        QCOMPARE(got->blobs.at(1).bytes, a);
        QCOMPARE(got->blobs.at(2).bytes, empty);
        QVERIFY(answered(httpRequest("POST", api(QStringLiteral("/projects/%1/blobs/fetch").arg(project)), {{QStringLiteral("sha256"), QJsonArray{sha256Of(a)}}}, m_dave),
                         404, "not_found"));
    }

    void largeContentsTravelInChunks()
    {
        const QString project = newProject(QStringLiteral("Models"));
        QVERIFY(!project.isEmpty());
        constexpr qint64 kChunk = 100000;
        const QByteArray payload = binaryPayload(3 * kChunk, 42);
        QVERIFY(payload.contains('\0'));
        const QString sha = sha256Of(payload);
        const qint64 size = payload.size();

        const HttpReply first = uploadChunk(project, m_bob, sha, size, 0, payload.mid(0, kChunk));
        QVERIFY(answered(first, 200));
        QCOMPARE(first.json.value(QStringLiteral("received")).toInteger(), kChunk);
        QCOMPARE(first.json.value(QStringLiteral("size")).toInteger(), size);
        QCOMPARE(first.json.value(QStringLiteral("complete")).toBool(), false);
        // Neither ahead of nor behind where the upload stands.
        QVERIFY(answered(uploadChunk(project, m_bob, sha, size, 2 * kChunk, payload.mid(2 * kChunk)), 409, "conflict"));
        QVERIFY(answered(uploadChunk(project, m_bob, sha, size, 0, payload.mid(0, kChunk)), 409, "conflict"));
        HttpReply status = blobStatus(project, m_bob, {sha});
        QVERIFY(answered(status, 200));
        QCOMPARE(status.json.value(QStringLiteral("missing")).toArray(), QJsonArray{sha});
        QCOMPARE(status.json.value(QStringLiteral("partial")).toObject().value(sha).toInteger(), kChunk);

        const HttpReply second = uploadChunk(project, m_bob, sha, size, kChunk, payload.mid(kChunk, kChunk));
        QVERIFY(answered(second, 200));
        QCOMPARE(second.json.value(QStringLiteral("received")).toInteger(), 2 * kChunk);
        QCOMPARE(second.json.value(QStringLiteral("complete")).toBool(), false);
        status = blobStatus(project, m_bob, {sha});
        QVERIFY(answered(status, 200));
        QCOMPARE(status.json.value(QStringLiteral("partial")).toObject().value(sha).toInteger(), 2 * kChunk);

        const HttpReply last = uploadChunk(project, m_bob, sha, size, 2 * kChunk, payload.mid(2 * kChunk));
        QVERIFY(answered(last, 200));
        QCOMPARE(last.json.value(QStringLiteral("received")).toInteger(), size);
        QCOMPARE(last.json.value(QStringLiteral("complete")).toBool(), true);
        status = blobStatus(project, m_bob, {sha});
        QVERIFY(answered(status, 200));
        QVERIFY(status.json.value(QStringLiteral("missing")).toArray().isEmpty());
        QVERIFY(status.json.value(QStringLiteral("partial")).toObject().isEmpty());

        const HttpReply pushed = push(project, m_bob, QStringLiteral("bob-models"), {fileUpsert(1, QStringLiteral("assets/model.bin"), payload)});
        QVERIFY(answered(pushed, 200));
        QCOMPARE(outcomesOf(pushed), QStringList{QStringLiteral("applied")});

        // Whole, and from a byte on.
        const HttpReply whole = download(project, m_carol, sha);
        QVERIFY(answered(whole, 200));
        QCOMPARE(whole.body.size(), payload.size());
        QVERIFY(whole.body == payload);
        const HttpReply rest = download(project, m_carol, sha, {{"Range", "bytes=100000-"}});
        QVERIFY(answered(rest, 206));
        QCOMPARE(rest.header("Content-Range"), QByteArray("bytes 100000-299999/300000"));
        QCOMPARE(rest.body.size(), payload.size() - kChunk);
        QVERIFY(rest.body == payload.mid(kChunk));

        // Bytes that do not match their hash: the last chunk is refused,
        // what arrived is dropped, and the upload starts over.
        const QByteArray other = binaryPayload(150000, 7);
        const QString otherSha = sha256Of(other);
        QByteArray corrupted = other;
        corrupted[120000] = char(corrupted.at(120000) ^ 0x20);
        QVERIFY(answered(uploadChunk(project, m_bob, otherSha, other.size(), 0, corrupted.mid(0, kChunk)), 200));
        QVERIFY(answered(uploadChunk(project, m_bob, otherSha, other.size(), kChunk, corrupted.mid(kChunk)), 400, "invalid_input"));
        status = blobStatus(project, m_bob, {otherSha});
        QVERIFY(answered(status, 200));
        QCOMPARE(status.json.value(QStringLiteral("missing")).toArray(), QJsonArray{otherSha});
        QVERIFY(!status.json.value(QStringLiteral("partial")).toObject().contains(otherSha));
        QVERIFY(answered(uploadChunk(project, m_bob, otherSha, other.size(), kChunk, other.mid(kChunk)), 409, "conflict"));
        const HttpReply redone = upload(project, m_bob, other);
        QVERIFY(answered(redone, 200));
        QCOMPARE(redone.json.value(QStringLiteral("complete")).toBool(), true);
    }

    void overlappingEditsLeaveAConflictCopy()
    {
        const QString project = newProject(QStringLiteral("Plans"));
        QVERIFY(!project.isEmpty());
        const QString path = QStringLiteral("notes/plan.txt");
        const QByteArray base = "Goals\nShip the beta in March\nHire two people\n";
        const QByteArray bobs = "Goals\nShip the beta in April\nHire two people\n";
        const QByteArray alices = "Goals\nShip the beta in May\nHire two people\n";
        const QString baseSha = sha256Of(base);

        QVERIFY(answered(upload(project, m_bob, base), 200));
        const HttpReply created = push(project, m_bob, QStringLiteral("bob-desk"), {fileUpsert(1, path, base)});
        QVERIFY(answered(created, 200));
        const qint64 baseSeq = created.json.value(QStringLiteral("last_seq")).toInteger();
        QVERIFY(baseSeq > 0);

        // Both change the same line of the same version.
        QVERIFY(answered(upload(project, m_bob, bobs), 200));
        const HttpReply bobPush = push(project, m_bob, QStringLiteral("bob-desk"), {fileUpsert(2, path, bobs, baseSeq, baseSha)});
        QVERIFY(answered(bobPush, 200));
        QCOMPARE(outcomesOf(bobPush), QStringList{QStringLiteral("applied")});
        QVERIFY(answered(upload(project, m_alice, alices), 200));
        const HttpReply alicePush = push(project, m_alice, QStringLiteral("alice-laptop"), {fileUpsert(1, path, alices, baseSeq, baseSha)});
        QVERIFY(answered(alicePush, 200));
        QCOMPARE(outcomesOf(alicePush), QStringList{QStringLiteral("conflict_copy")});
        const QJsonObject result = alicePush.json.value(QStringLiteral("results")).toArray().at(0).toObject();
        const QString copy = result.value(QStringLiteral("conflict_key")).toString();
        QVERIFY2(copy.contains(QLatin1String("(conflict, ")), qPrintable(copy));
        QVERIFY2(copy.startsWith(QLatin1String("notes/plan (conflict, Alice, ")) && copy.endsWith(QLatin1String(").txt")), qPrintable(copy));
        QCOMPARE(result.value(QStringLiteral("seq")).toInteger(), alicePush.json.value(QStringLiteral("last_seq")).toInteger());

        // Both edits are there to see: Bob's as the file, Alice's beside it.
        const HttpReply page = pull(project, m_carol);
        QVERIFY(answered(page, 200));
        const QJsonObject file = changeOf(page, path);
        const QJsonObject conflictCopy = changeOf(page, copy);
        QVERIFY(!file.isEmpty() && !conflictCopy.isEmpty());
        QCOMPARE(file.value(QStringLiteral("deleted")).toBool(), false);
        QCOMPARE(conflictCopy.value(QStringLiteral("deleted")).toBool(), false);
        QCOMPARE(shaOf(file), sha256Of(bobs));
        QCOMPARE(shaOf(conflictCopy), sha256Of(alices));
        QCOMPARE(download(project, m_carol, shaOf(conflictCopy)).body, alices);
    }

    void pushesPokeTheProjectsMembers()
    {
        // Entries that change who sees which project make the server check
        // the standing of its members' sockets again, and a socket's pokes
        // wait while its check runs (it then gets a "me" poke instead). So
        // Carol's socket signs in once the feed has dispatched the entries
        // of this project's setup, as Alice's socket, open before, shows.
        EventClient alice(m_server->url());
        QVERIFY(alice.waitConnected());
        alice.authenticate(m_alice);
        QVERIFY(alice.waitFor(QStringLiteral("ready")));
        const QString project = newProject(QStringLiteral("Poked"));
        QVERIFY(!project.isEmpty());
        const qint64 setUp = lastAuditSeq();
        QVERIFY(setUp > 0);
        QVERIFY2(alice.waitForFeedAt(setUp), alice.describe().constData());
        EventClient carol(m_server->url());
        QVERIFY(carol.waitConnected());
        carol.authenticate(m_carol);
        QVERIFY(carol.waitFor(QStringLiteral("ready")));

        const QString path = QStringLiteral("draft.md");
        const QByteArray firstDraft = "# Draft\n\nThe first one.\n";
        QVERIFY(answered(upload(project, m_bob, firstDraft), 200));
        const QJsonArray firstPush{fileUpsert(1, path, firstDraft)};
        const HttpReply pushed = push(project, m_bob, QStringLiteral("bob-poke"), firstPush);
        QVERIFY(answered(pushed, 200));
        const qint64 firstSeq = pushed.json.value(QStringLiteral("last_seq")).toInteger();
        QVERIFY(firstSeq > 0);
        QVERIFY2(carol.waitForProjectPokes(project, 1), carol.describe().constData());
        QCOMPARE(carol.projectPokes(project), QList<qint64>{firstSeq});
        // With the server's epoch, as in the cursors it hands out.
        const HttpReply pulled = pull(project, m_carol);
        QVERIFY(answered(pulled, 200));
        QCOMPARE(carol.projectPokeEpoch(project), epochOf(pulled.json.value(QStringLiteral("cursor")).toString()));

        // Pushes that change nothing poke no one: a retry, and the same
        // content again.
        const HttpReply retried = push(project, m_bob, QStringLiteral("bob-poke"), firstPush);
        QVERIFY(answered(retried, 200));
        QCOMPARE(retried.json.value(QStringLiteral("results")), pushed.json.value(QStringLiteral("results")));
        const HttpReply same = push(project, m_bob, QStringLiteral("bob-poke"), {fileUpsert(2, path, firstDraft, firstSeq, sha256Of(firstDraft))});
        QVERIFY(answered(same, 200));
        QCOMPARE(outcomesOf(same), QStringList{QStringLiteral("unchanged")});
        QCOMPARE(same.json.value(QStringLiteral("last_seq")).toInteger(), firstSeq);
        const QByteArray secondDraft = "# Draft\n\nThe second one.\n";
        QVERIFY(answered(upload(project, m_bob, secondDraft), 200));
        const HttpReply changed = push(project, m_bob, QStringLiteral("bob-poke"), {fileUpsert(3, path, secondDraft, firstSeq, sha256Of(firstDraft))});
        QVERIFY(answered(changed, 200));
        QCOMPARE(outcomesOf(changed), QStringList{QStringLiteral("applied")});
        const qint64 secondSeq = changed.json.value(QStringLiteral("last_seq")).toInteger();
        QVERIFY(secondSeq > firstSeq);
        // Pokes come in the order of the changes: a poke for the pushes in
        // between would have come before this one.
        QVERIFY2(carol.waitForProjectPokes(project, 2), carol.describe().constData());
        QCOMPARE(carol.projectPokes(project), (QList<qint64>{firstSeq, secondSeq}));
    }

    void aProjectsPokesReachOnlyThoseWhoSeeIt()
    {
        // A project Carol has no role in, though she is in its organization.
        const HttpReply made = httpRequest("POST", api(QStringLiteral("/orgs/%1/projects").arg(m_orgId)), {{QStringLiteral("name"), QStringLiteral("Hidden")}}, m_alice);
        QVERIFY(answered(made, 201));
        const QString hidden = made.json.value(QStringLiteral("id")).toString();
        QVERIFY(answered(httpRequest("PUT", api(QStringLiteral("/projects/%1/members/bob@example.org").arg(hidden)), {{QStringLiteral("role"), QStringLiteral("editor")}}, m_alice), 200));
        const QString visible = newProject(QStringLiteral("Visible"));
        QVERIFY(!visible.isEmpty());
        EventClient alice(m_server->url());
        QVERIFY(alice.waitConnected());
        alice.authenticate(m_alice);
        QVERIFY(alice.waitFor(QStringLiteral("ready")));
        QVERIFY2(alice.waitForFeedAt(lastAuditSeq()), alice.describe().constData());
        EventClient carol(m_server->url());
        QVERIFY(carol.waitConnected());
        carol.authenticate(m_carol);
        QVERIFY(carol.waitFor(QStringLiteral("ready")));

        const QByteArray text = "only for the few\n";
        QVERIFY(answered(upload(hidden, m_bob, text), 200));
        QVERIFY(answered(push(hidden, m_bob, QStringLiteral("bob-hidden"), {fileUpsert(1, QStringLiteral("secret.txt"), text)}), 200));
        QVERIFY(answered(upload(visible, m_bob, text), 200));
        QVERIFY(answered(push(visible, m_bob, QStringLiteral("bob-visible"), {fileUpsert(1, QStringLiteral("open.txt"), text)}), 200));
        // The visible project's poke comes after the hidden one's would have.
        QVERIFY2(carol.waitForProjectPokes(visible, 1), carol.describe().constData());
        QVERIFY2(carol.projectPokes(hidden).isEmpty(), carol.describe().constData());

        // Given a role, she hears of the project's next change.
        const qsizetype before = carol.received();
        QVERIFY(answered(httpRequest("PUT", api(QStringLiteral("/projects/%1/members/carol@example.org").arg(hidden)), {{QStringLiteral("role"), QStringLiteral("viewer")}}, m_alice), 200));
        QVERIFY2(carol.waitFor(QStringLiteral("changed"), QStringLiteral("me"), before), carol.describe().constData());
        const QByteArray more = "and now for her too\n";
        QVERIFY(answered(upload(hidden, m_bob, more), 200));
        const HttpReply pushed = push(hidden, m_bob, QStringLiteral("bob-hidden"), {fileUpsert(2, QStringLiteral("shared.txt"), more)});
        QVERIFY(answered(pushed, 200));
        QVERIFY2(carol.waitForProjectPokes(hidden, 1), carol.describe().constData());
        QCOMPARE(carol.projectPokes(hidden), QList<qint64>{pushed.json.value(QStringLiteral("last_seq")).toInteger()});
    }

    void aRestoredServerIsANewEpoch()
    {
        const QString project = newProject(QStringLiteral("Backed up"));
        QVERIFY(!project.isEmpty());
        const QByteArray config = "[build]\njobs = 4\n";
        const QByteArray script = "#!/bin/sh\nexec make -j4\n";
        QVERIFY(answered(upload(project, m_bob, config), 200));
        QVERIFY(answered(upload(project, m_bob, script), 200));
        QVERIFY(answered(push(project, m_bob, QStringLiteral("bob-backup"),
                              {fileUpsert(1, QStringLiteral("build.toml"), config), fileUpsert(2, QStringLiteral("build.sh"), script)}),
                         200));
        const HttpReply synced = pull(project, m_carol);
        QVERIFY(answered(synced, 200));
        const QString cursor = synced.json.value(QStringLiteral("cursor")).toString();
        QCOMPARE(seqOf(cursor), 2);

        // A backup taken while the server runs, restored into a new data
        // folder and database, served by a second server.
        const QString backup = m_folder.filePath(QStringLiteral("sync-backup.db"));
        const ServerProcess::Outcome made = ServerProcess::run(admin({QStringLiteral("backup"), QStringLiteral("--out"), backup}));
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QString why;
        const std::optional<TestDataFolder> fresh = ServerProcess::initDataFolder(m_folder, &why, QStringLiteral("restored"));
        QVERIFY2(fresh, qPrintable(why));
        QStringList restore{QStringLiteral("admin"), QStringLiteral("--data"), fresh->data};
        if (!fresh->databaseUrl.isEmpty())
            restore << QStringLiteral("--database") << fresh->databaseUrl;
        restore << QStringLiteral("restore") << backup;
        const ServerProcess::Outcome restored = ServerProcess::run(restore);
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        std::unique_ptr<ServerProcess> second = ServerProcess::serve(fresh->data, fresh->databaseUrl, &why);
        QVERIFY2(second, qPrintable(why));
        const QString carol = login(QStringLiteral("carol"), second.get());
        QVERIFY(!carol.isEmpty());

        // Carol's cursor is of the old epoch: she gets everything again.
        const HttpReply again = pull(project, carol, cursor, 0, second.get());
        QVERIFY(answered(again, 200));
        QCOMPARE(again.json.value(QStringLiteral("reset")).toString(), QStringLiteral("epoch"));
        QCOMPARE(seqsOf(again), (QList<qint64>{1, 2}));
        QCOMPARE(again.json.value(QStringLiteral("has_more")).toBool(), false);
        QCOMPARE(shaOf(changeOf(again, QStringLiteral("build.toml"))), sha256Of(config));
        QCOMPARE(shaOf(changeOf(again, QStringLiteral("build.sh"))), sha256Of(script));
        const QString newCursor = again.json.value(QStringLiteral("cursor")).toString();
        QVERIFY2(!epochOf(newCursor).isEmpty() && epochOf(newCursor) != epochOf(cursor), qPrintable(newCursor + QLatin1Char(' ') + cursor));
        QCOMPARE(seqOf(newCursor), 2);
        // The contents came along.
        const HttpReply blob = download(project, carol, sha256Of(script), {}, second.get());
        QVERIFY(answered(blob, 200));
        QCOMPARE(blob.body, script);
        // From the new cursor on, nothing is reset.
        const HttpReply next = pull(project, carol, newCursor, 0, second.get());
        QVERIFY(answered(next, 200));
        QCOMPARE(next.json.value(QStringLiteral("reset")).toString(), QStringLiteral("none"));
        QVERIFY(next.json.value(QStringLiteral("changes")).toArray().isEmpty());
        // The first server's epoch is as it was.
        const HttpReply original = pull(project, m_carol, cursor);
        QVERIFY(answered(original, 200));
        QCOMPARE(original.json.value(QStringLiteral("reset")).toString(), QStringLiteral("none"));
        QVERIFY(original.json.value(QStringLiteral("changes")).toArray().isEmpty());
        QCOMPARE(second->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncRoutes)
#include "tst_syncroutes.moc"
