// SPDX-License-Identifier: GPL-3.0-or-later
// An organization's prompt templates as people use them: realm-cli
// workspaces of Alice (Acme's owner) and Bob (a member) and a real
// realm-server on 127.0.0.1, on SQLite and PostgreSQL. Alice publishes one
// of her templates; Bob's sync brings it, read-only; her changes and her
// withdrawal follow; his own template of that name comes first; he cannot
// publish; a publish whose answer is lost waits and is sent, once, by the
// next sync; a documentation template travels the same way and writes
// Bob's docs, a starter template makes his projects; leaving the
// organization takes its templates away.
#include "serverprocess.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Realm;
using namespace Realm::Test;

namespace {

const QByteArray kPassword = "a long enough passphrase";

struct Member {
    explicit Member(QString who) : name(std::move(who)) {}
    QString name;
    std::unique_ptr<QTemporaryDir> home = std::make_unique<QTemporaryDir>();
    QString key;

    QString workspace() const { return home->filePath(QStringLiteral("workspace.realm")); }
};

} // namespace

class TestOrgTemplates final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerProcess> m_server;
    TestDataFolder m_data;
    QString m_orgId;
    Member m_alice = Member(QStringLiteral("alice"));
    Member m_bob = Member(QStringLiteral("bob"));

    QString api(const QString &path) const { return m_server->api(path); }

    // realm-cli as `member`, in their workspace, with their key.
    int cli(const Member &member, const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr) const
    {
        return runCliAs(member.name, member.workspace(), m_server->url(), member.key, arguments, out, err);
    }

    QString login(const QString &name) const { return signIn(*m_server, name + QStringLiteral("@example.org"), kPassword); }

    // Alice's key may change Acme (org:admin: she owns it); Bob's reads.
    QString apiKey(const QString &name) const
    {
        QJsonArray scopes{QStringLiteral("project:read")};
        if (name == QLatin1String("alice"))
            scopes.append(QStringLiteral("org:admin"));
        return createApiKey(*m_server, login(name), QStringLiteral("Acme"), scopes);
    }

    // `prompt list --json` of `member`: qualified name → its JSON.
    QMap<QString, QJsonObject> prompts(const Member &member) const
    {
        QByteArray out;
        QMap<QString, QJsonObject> listed;
        if (cli(member, {QStringLiteral("prompt"), QStringLiteral("list"), QStringLiteral("--json")}, &out) != 0)
            return listed;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject prompt = QJsonDocument::fromJson(line).object();
            if (prompt.isEmpty())
                continue;
            const QString org = prompt.value(QStringLiteral("org")).toString();
            listed.insert(org.isEmpty() ? prompt.value(QStringLiteral("name")).toString()
                                        : org + QLatin1Char('/') + prompt.value(QStringLiteral("name")).toString(),
                          prompt);
        }
        return listed;
    }

    QString shownBody(const Member &member, const QString &name) const
    {
        QByteArray out;
        if (cli(member, {QStringLiteral("prompt"), QStringLiteral("show"), name}, &out) != 0)
            return {};
        return QString::fromUtf8(out).trimmed();
    }

    bool sync(const Member &member) { return cli(member, {QStringLiteral("sync")}) == 0; }

    bool addPrompt(const Member &member, const QString &name, const QString &body, const QString &command = QStringLiteral("add"))
    {
        return cli(member, {QStringLiteral("prompt"), command, name, QStringLiteral("--title"), name.toUpper(), QStringLiteral("--body"), body}) == 0;
    }

    // Stops the server and starts it again on the same address; with
    // `crashAt`, armed to kill itself at that point (core/common/crashpoint.h).
    bool restartServer(const char *crashAt = nullptr) { return Test::restartServer(m_server, m_data, crashAt); }

    // The organization's templates' log: its last seq.
    qint64 lastSeq() const
    {
        return httpRequest("GET", api(QStringLiteral("/orgs/%1/sync/changes").arg(m_orgId)), {}, login(QStringLiteral("alice")))
            .json.value(QStringLiteral("last_seq"))
            .toInteger(-1);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = *folder;
        for (const char *name : {"Alice", "Bob"}) {
            const QString person = QString::fromLatin1(name);
            const ServerProcess::Outcome added =
                ServerProcess::addUser(folder->data, folder->databaseUrl, person.toLower() + QStringLiteral("@example.org"), person, kPassword);
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        m_server = ServerProcess::serve(folder->data, folder->databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        const HttpReply org = httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, login(QStringLiteral("alice")));
        QCOMPARE(org.status, 201);
        m_orgId = org.json.value(QStringLiteral("id")).toString();
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)),
                             {{QStringLiteral("email"), QStringLiteral("bob@example.org")}, {QStringLiteral("role"), QStringLiteral("member")}},
                             login(QStringLiteral("alice")))
                     .status,
                 201);
        for (Member *member : {&m_alice, &m_bob}) {
            QVERIFY(member->home->isValid());
            member->key = apiKey(member->name);
            QVERIFY(!member->key.isEmpty());
        }
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aPublishedTemplateReachesMembersReadOnly()
    {
        QVERIFY(addPrompt(m_alice, QStringLiteral("review"), QStringLiteral("Review {{selection}} as Acme does.")));
        QVERIFY(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("review"), QStringLiteral("--org"), QStringLiteral("Acme")}) == 0);
        // Bob's sync (no project shared) brings it.
        QVERIFY(sync(m_bob));
        const QMap<QString, QJsonObject> listed = prompts(m_bob);
        QVERIFY2(listed.contains(QStringLiteral("Acme/review")), qPrintable(QStringList(listed.keys()).join(QLatin1Char(' '))));
        QCOMPARE(listed.value(QStringLiteral("Acme/review")).value(QStringLiteral("org_id")).toString(), m_orgId);
        QCOMPARE(shownBody(m_bob, QStringLiteral("review")), QStringLiteral("Review {{selection}} as Acme does."));
        QCOMPARE(shownBody(m_bob, QStringLiteral("acme/review")), QStringLiteral("Review {{selection}} as Acme does."));
        // His copy is read-only, and his own template of that name comes first.
        QByteArray err;
        QCOMPARE(cli(m_bob, {QStringLiteral("prompt"), QStringLiteral("edit"), QStringLiteral("review"), QStringLiteral("--title"), QStringLiteral("Mine")}, nullptr, &err), 4);
        QVERIFY2(err.contains("Acme's template"), err.constData());
        QCOMPARE(cli(m_bob, {QStringLiteral("prompt"), QStringLiteral("remove"), QStringLiteral("review")}, nullptr, &err), 4);
        QVERIFY2(err.contains("withdraw"), err.constData());
        QVERIFY(addPrompt(m_bob, QStringLiteral("review"), QStringLiteral("Bob reviews {{selection}}.")));
        QCOMPARE(shownBody(m_bob, QStringLiteral("review")), QStringLiteral("Bob reviews {{selection}}."));
        QCOMPARE(shownBody(m_bob, QStringLiteral("Acme/review")), QStringLiteral("Review {{selection}} as Acme does."));
        QVERIFY(cli(m_bob, {QStringLiteral("prompt"), QStringLiteral("remove"), QStringLiteral("review")}) == 0);

        // Alice changes it, then withdraws it.
        QVERIFY(addPrompt(m_alice, QStringLiteral("review"), QStringLiteral("Review {{selection}} twice."), QStringLiteral("edit")));
        QVERIFY(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("review"), QStringLiteral("--org"), m_orgId}) == 0);
        QVERIFY(sync(m_bob));
        QCOMPARE(shownBody(m_bob, QStringLiteral("review")), QStringLiteral("Review {{selection}} twice."));
        QVERIFY(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("withdraw"), QStringLiteral("review"), QStringLiteral("--org"), QStringLiteral("Acme")}) == 0);
        QVERIFY(sync(m_bob));
        QVERIFY(!prompts(m_bob).contains(QStringLiteral("Acme/review")));
        // Alice's own template stays hers.
        QCOMPARE(shownBody(m_alice, QStringLiteral("review")), QStringLiteral("Review {{selection}} twice."));
    }

    void membersDoNotPublish()
    {
        QVERIFY(addPrompt(m_bob, QStringLiteral("bobs"), QStringLiteral("Bob's {{selection}}")));
        QByteArray err;
        QCOMPARE(cli(m_bob, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("bobs"), QStringLiteral("--org"), QStringLiteral("Acme")}, nullptr, &err), 7);
        QVERIFY2(err.contains("admins"), err.constData());
        QCOMPARE(cli(m_bob, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("bobs"), QStringLiteral("--org"), QStringLiteral("Nowhere")}, nullptr, &err), 3);
        QCOMPARE(cli(m_bob, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("bobs")}, nullptr, &err), 2);
        // A token goes only to the server it is for.
        QCOMPARE(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("review"), QStringLiteral("--org"), QStringLiteral("Acme"),
                               QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")},
                     nullptr, &err),
                 7);
        QVERIFY2(err.contains("not http://127.0.0.1:9"), err.constData());
        QVERIFY(sync(m_alice));
        QVERIFY(!prompts(m_alice).contains(QStringLiteral("Acme/bobs")));
        // REALM's own are everyone's already.
        QCOMPARE(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("explain"), QStringLiteral("--org"), QStringLiteral("Acme")}, nullptr, &err), 4);
    }

    void aPublishWhoseAnswerIsLostIsSentOnceByTheNextSync()
    {
        QVERIFY(addPrompt(m_alice, QStringLiteral("tests"), QStringLiteral("Write tests for {{selection}}.")));
        const qint64 before = lastSeq();
        QVERIFY(before >= 0);
        // The server down: nothing is queued (the organization cannot be checked).
        QCOMPARE(m_server->terminate(), 0);
        QByteArray err;
        QCOMPARE(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("tests"), QStringLiteral("--org"), m_orgId}, nullptr, &err), 9);
        QVERIFY(restartServer("sync.push_committed"));
        QByteArray synced;
        QCOMPARE(cli(m_alice, {QStringLiteral("sync"), QStringLiteral("--json")}, &synced), 0);
        QCOMPARE(QJsonDocument::fromJson(synced.trimmed().split('\n').last()).object().value(QStringLiteral("pending")).toInteger(-1), 0);
        QCOMPARE(lastSeq(), before);
        // Taken, and the server killed before it answered: it waits here.
        QVERIFY(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("tests"), QStringLiteral("--org"), m_orgId}, nullptr, &err) != 0);
        QVERIFY2(err.contains("waits here"), err.constData());
        QVERIFY(m_server->waitForCrash());
        // sync status says what waits, and why (no server asked).
        QByteArray status;
        QCOMPARE(cli(m_alice, {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}, &status), 0);
        const QJsonObject waiting = QJsonDocument::fromJson(status.trimmed().split('\n').last()).object();
        QCOMPARE(waiting.value(QStringLiteral("kind")).toString(), QStringLiteral("org_templates"));
        QCOMPARE(waiting.value(QStringLiteral("org")).toString(), QStringLiteral("Acme"));
        QCOMPARE(waiting.value(QStringLiteral("pending")).toInteger(), 1);
        QVERIFY(!waiting.value(QStringLiteral("last_error")).toString().isEmpty());
        QVERIFY(waiting.value(QStringLiteral("last_synced_at")).isString());
        QCOMPARE(cli(m_alice, {QStringLiteral("sync"), QStringLiteral("status")}, &status), 0);
        QVERIFY2(status.contains("Acme's templates (on ") && status.contains(": 1 pending") && status.contains("last error: "), status.constData());
        QVERIFY(restartServer());
        QCOMPARE(lastSeq(), before + 1);
        // Another admin changes it meanwhile: the retry must not undo that.
        const QJsonObject later{{QStringLiteral("number"), 1}, {QStringLiteral("table"), QStringLiteral("prompt_templates")},
                                {QStringLiteral("key"), QStringLiteral("tests")}, {QStringLiteral("op"), QStringLiteral("upsert")},
                                {QStringLiteral("base_seq"), before + 1},
                                {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Tests")}, {QStringLiteral("body"), QStringLiteral("Write better tests for {{selection}}.")}}}};
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/sync/push").arg(m_orgId)),
                             {{QStringLiteral("client_id"), QStringLiteral("another-admin")}, {QStringLiteral("mutations"), QJsonArray{later}}}, login(QStringLiteral("alice")))
                     .status,
                 200);
        QByteArray out;
        QCOMPARE(cli(m_alice, {QStringLiteral("sync"), QStringLiteral("--json")}, &out), 0);
        const QJsonObject report = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
        QCOMPARE(report.value(QStringLiteral("org")).toString(), QStringLiteral("Acme"));
        QCOMPARE(report.value(QStringLiteral("sent")).toInteger(), 1);
        QCOMPARE(report.value(QStringLiteral("pending")).toInteger(), 0);
        QCOMPARE(lastSeq(), before + 2); // Alice's once, then the other admin's
        QVERIFY(sync(m_bob));
        QCOMPARE(shownBody(m_bob, QStringLiteral("tests")), QStringLiteral("Write better tests for {{selection}}."));
    }

    void aDocumentationTemplateReachesMembersAndWritesTheirDocs()
    {
        const QString source = m_folder.filePath(QStringLiteral("calc"));
        writeFile(source, QStringLiteral("calc.h"), "/** Adds two numbers. */\nint add(int a, int b);\n");
        writeFile(m_folder.path(), QStringLiteral("brief.mustache"), "{{project}} by Acme\n{{#modules}}{{#files}}{{#symbols}}- {{qualified}}: {{brief}}\n{{/symbols}}{{/files}}{{/modules}}");
        QCOMPARE(cli(m_alice, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("add"), QStringLiteral("brief"), QStringLiteral("--kind"),
                               QStringLiteral("api"), QStringLiteral("--file"), m_folder.filePath(QStringLiteral("brief.mustache"))}),
                 0);
        QByteArray out;
        QCOMPARE(cli(m_alice, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("brief"), QStringLiteral("--org"),
                               QStringLiteral("Acme")},
                     &out),
                 0);
        QVERIFY2(out.contains("Acme/brief"), out.constData());
        // Bob's sync brings it; his docs use it by its qualified name.
        QVERIFY(sync(m_bob));
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("list")}, &out), 0);
        QCOMPARE(out, QByteArray("api       shared  Acme/brief\n"));
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("import"), source, QStringLiteral("--name"), QStringLiteral("calc")}), 0);
        const QString docs = m_bob.home->filePath(QStringLiteral("docs"));
        QByteArray err;
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("calc"), QStringLiteral("--template"), QStringLiteral("Acme/brief"),
                             QStringLiteral("--out"), docs},
                     nullptr, &err),
                 0);
        QFile written(docs + QStringLiteral("/api.md"));
        QVERIFY2(written.open(QIODevice::ReadOnly), err.constData());
        QCOMPARE(written.readAll(), QByteArray("calc by Acme\n- add: Adds two numbers.\n"));
        // Read-only for him, and a member does not publish.
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("brief")}, nullptr, &err), 4);
        QVERIFY2(err.contains("withdraw"), err.constData());
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("brief"), QStringLiteral("--org"),
                             QStringLiteral("Acme")},
                     nullptr, &err),
                 4);
        QVERIFY2(err.contains("your own"), err.constData());
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("add"), QStringLiteral("notes"), QStringLiteral("--kind"),
                             QStringLiteral("api"), QStringLiteral("--file"), m_folder.filePath(QStringLiteral("brief.mustache"))}),
                 0);
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("notes"), QStringLiteral("--org"),
                             QStringLiteral("Acme")},
                     nullptr, &err),
                 7);
        QVERIFY2(err.contains("admins"), err.constData());
        // Alice withdraws it; her prompt templates of Acme are left alone.
        const QStringList promptsBefore = prompts(m_bob).keys();
        QCOMPARE(cli(m_alice, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("withdraw"), QStringLiteral("brief"), QStringLiteral("--org"),
                               QStringLiteral("Acme")}),
                 0);
        QVERIFY(sync(m_bob));
        QCOMPARE(cli(m_bob, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("list")}, &out), 0);
        QCOMPARE(out, QByteArray("api       yours   notes\n"));
        QCOMPARE(prompts(m_bob).keys(), promptsBefore);
        QCOMPARE(cli(m_alice, {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("brief")}), 0); // hers stays
    }

    void aStarterTemplateReachesMembersAndMakesTheirProjects()
    {
        const QString source = m_folder.filePath(QStringLiteral("tiny"));
        writeFile(source, QStringLiteral("main.py"), "print('hello from tiny')\n");
        QCOMPARE(cli(m_alice, {QStringLiteral("project"), QStringLiteral("import"), source, QStringLiteral("--name"), QStringLiteral("tiny")}), 0);
        QCOMPARE(cli(m_alice, {QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("tiny"), QStringLiteral("--name"), QStringLiteral("acme-tiny"),
                               QStringLiteral("--title"), QStringLiteral("Acme Tiny"), QStringLiteral("--var"), QStringLiteral("project_name=tiny")}),
                 0);
        QCOMPARE(cli(m_alice, {QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("acme-tiny"), QStringLiteral("--org"), QStringLiteral("Acme")}), 0);
        QVERIFY(sync(m_bob));
        QByteArray out;
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("list")}, &out), 0);
        QVERIFY2(out.contains("Acme/acme-tiny") && out.contains("Acme Tiny (Acme's)"), out.constData());
        // Bob starts a project from it.
        const QString kite = m_bob.home->filePath(QStringLiteral("kite"));
        QByteArray err;
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("Acme/acme-tiny"), QStringLiteral("--var"),
                             QStringLiteral("project_name=kite"), QStringLiteral("--out"), kite},
                     nullptr, &err),
                 0);
        QFile made(kite + QStringLiteral("/main.py"));
        QVERIFY2(made.open(QIODevice::ReadOnly), err.constData());
        QCOMPARE(made.readAll(), QByteArray("print('hello from kite')\n"));
        // His copy, under the same name: his own comes first, and goes first.
        const QString copy = m_bob.home->filePath(QStringLiteral("acme-tiny.tar.gz"));
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("Acme/acme-tiny"), QStringLiteral("--out"), copy}), 0);
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("import"), copy}), 0);
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("list"), QStringLiteral("--json")}, &out), 0);
        QCOMPARE(out.count("\"id\":\"acme-tiny\""), 2);
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("acme-tiny")}), 0);
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("import"), copy, QStringLiteral("--name"), QStringLiteral("my-tiny")}), 0);
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("acme-tiny")}, nullptr, &err), 4);
        QVERIFY2(err.contains("template withdraw acme-tiny --org Acme"), err.constData());
        // Withdrawn: gone from Bob's list.
        QCOMPARE(cli(m_alice, {QStringLiteral("template"), QStringLiteral("withdraw"), QStringLiteral("acme-tiny"), QStringLiteral("--org"), QStringLiteral("Acme")}), 0);
        QVERIFY(sync(m_bob));
        QCOMPARE(cli(m_bob, {QStringLiteral("template"), QStringLiteral("list")}, &out), 0);
        QVERIFY2(!out.contains("acme-tiny") && out.contains("my-tiny"), out.constData()); // his copy stays
    }

    void leavingTheOrganizationTakesItsTemplates()
    {
        QVERIFY(addPrompt(m_alice, QStringLiteral("style"), QStringLiteral("Acme style for {{selection}}.")));
        QCOMPARE(cli(m_alice, {QStringLiteral("prompt"), QStringLiteral("publish"), QStringLiteral("style"), QStringLiteral("--org"), QStringLiteral("Acme")}), 0);
        QVERIFY(sync(m_bob));
        QVERIFY(prompts(m_bob).contains(QStringLiteral("Acme/style")));
        const HttpReply bobOut = httpRequest("GET", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)), {}, login(QStringLiteral("alice")));
        QString bobId;
        for (const QJsonValue &member : bobOut.json.value(QStringLiteral("members")).toArray())
            if (member.toObject().value(QStringLiteral("email")).toString() == QLatin1String("bob@example.org"))
                bobId = member.toObject().value(QStringLiteral("user_id")).toString();
        QVERIFY2(!bobId.isEmpty(), bobOut.body.constData());
        QCOMPARE(httpRequest("DELETE", api(QStringLiteral("/orgs/%1/members/%2").arg(m_orgId, bobId)), {}, login(QStringLiteral("alice"))).status, 204);
        // His key was Acme's: a person's login would sync what is left.
        m_bob.key = login(QStringLiteral("bob"));
        QVERIFY(sync(m_bob));
        const QMap<QString, QJsonObject> left = prompts(m_bob);
        QVERIFY2(!left.contains(QStringLiteral("Acme/style")) && !left.contains(QStringLiteral("Acme/tests")),
                 qPrintable(QStringList(left.keys()).join(QLatin1Char(' '))));
        QVERIFY(left.contains(QStringLiteral("bobs"))); // his own stay
    }
};

QTEST_GUILESS_MAIN(TestOrgTemplates)
#include "tst_orgtemplates.moc"
