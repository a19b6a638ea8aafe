// SPDX-License-Identifier: GPL-3.0-or-later
// An organization's prompt templates between real workspaces and the
// server's sync service in this process, with the faults HTTP has: a
// member's sync brings them and leaving takes them away; a publish whose
// answer is lost is sent again by the next sync and applied once; a pull
// cut off midway changes nothing; a restored server's list replaces the
// copies; a template REALM cannot use is passed by, named; a change the
// server will never take (its admin demoted) is dropped, the admin's own
// template untouched.
#include "auth/organizations.h"
#include "docs/docstore.h"
#include "inprocesstransport.h"
#include "prompts/orgprompts.h"
#include "prompts/promptstore.h"
#include "starters/startertemplate.h"
#include "syncclient/orgtemplatestate.h"
#include "syncclient/orgtemplatesyncer.h"
#include "testserverdatabase.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Realm;
using Realm::SyncClient::OrgTemplateName;
using Realm::SyncClient::OrgTemplateReport;
using Realm::SyncClient::TemplateKind;
using Realm::SyncClient::OrgTemplateSyncer;
using Realm::Test::InProcessTransport;

namespace {

const QString kServer = QStringLiteral("https://realm.example.org");
const Auth::ClientInfo kClient{QStringLiteral("192.0.2.10"), QStringLiteral("tst_orgtemplatesyncer")};

Prompts::PromptTemplate promptNamed(const QString &name, const QString &body)
{
    Prompts::PromptTemplate prompt;
    prompt.name = name;
    prompt.title = name.toUpper();
    prompt.body = body;
    return prompt;
}

// Someone's workspace and their way to the server.
struct Desk {
    Test::TestWorkspace workspace;
    std::unique_ptr<InProcessTransport> transport;

    OrgTemplateSyncer syncer() { return OrgTemplateSyncer(workspace.db(), transport.get(), kServer); }
    // Qualified name → body of the organizations' templates here.
    QMap<QString, QString> shared()
    {
        QMap<QString, QString> found;
        Result<QList<Prompts::PromptTemplate>> listed = Prompts::OrgPrompts::list(workspace.db()->handle());
        if (listed)
            for (const Prompts::PromptTemplate &prompt : std::as_const(*listed))
                found.insert(Prompts::qualifiedName(prompt), prompt.body);
        return found;
    }
};

} // namespace

class TestOrgTemplateSyncer final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDb::ServerDatabasePtr m_server;
    std::unique_ptr<SyncServer::ProjectSync> m_sync;
    Test::Acme m_acme;
    std::unique_ptr<Desk> m_alice;
    std::unique_ptr<Desk> m_bob;

    std::unique_ptr<Desk> deskOf(const Auth::Principal &principal)
    {
        auto desk = std::make_unique<Desk>();
        desk->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), principal);
        return desk;
    }

    // The organization's log as the server has it: its last seq.
    qint64 serverSeq()
    {
        Result<Sync::ChangePage> page = m_sync->orgTemplateChanges(m_acme.alice, m_acme.orgId, {}, 1);
        return page ? page->lastSeq : -1;
    }

    // Another admin changes the prompt template `name` on the server just
    // before Alice's next push leaves.
    void anotherAdminChangesBeforeAlicesPush(const QString &name, const QString &body)
    {
        m_alice->transport->beforePush = [this, name, body] {
            Sync::Mutation edit;
            edit.number = 1;
            edit.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
            edit.key = name;
            edit.baseSeq = serverSeq();
            edit.data = QJsonObject{{QStringLiteral("title"), name.toUpper()}, {QStringLiteral("body"), body}};
            QVERIFY(m_sync->pushOrgTemplates(m_acme.alice, m_acme.orgId, QStringLiteral("another-admin"), {edit}, kClient));
        };
    }

    bool runSql(const QString &sql)
    {
        Result<void> ran = m_server->write(QStringLiteral("test"), [&sql](const QSqlDatabase &db) -> Result<void> {
            QSqlQuery query(db);
            if (!query.exec(sql))
                return Error::failed(query.lastError().text());
            return {};
        });
        if (!ran)
            qWarning("%s: %s", qPrintable(sql), qPrintable(ran.error().message));
        return bool(ran);
    }

private slots:
    void init()
    {
        m_server = Test::openTestServerDatabase(m_folder.path());
        // Pages of two changes: a pull of a few is several pages.
        SyncServer::ProjectSync::Limits limits;
        limits.maxPageChanges = 2;
        m_sync = std::make_unique<SyncServer::ProjectSync>(m_server, limits);
        m_acme = Test::foundAcme(m_server);
        QVERIFY(!m_acme.orgId.isEmpty());
        m_alice = deskOf(m_acme.alice);
        m_bob = deskOf(m_acme.bob);
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_sync.reset();
        m_server.reset();
    }

    void membersGetThemAndLeaversLoseThem()
    {
        Result<OrgTemplateReport> published = m_alice->syncer().publish(QStringLiteral("acme"), promptNamed(QStringLiteral("review"), QStringLiteral("Review {{selection}}")));
        REALM_VERIFY_OK(published);
        QCOMPARE(published->error, QString());
        QCOMPARE(published->sent, 1);
        QCOMPARE(published->received, 1); // her own copy, read-only, beside her template
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->size(), 1);
        QCOMPARE(synced->first().orgName, QStringLiteral("Acme"));
        QCOMPARE(synced->first().received, 1);
        QCOMPARE(m_bob->shared(), (QMap<QString, QString>{{QStringLiteral("Acme/review"), QStringLiteral("Review {{selection}}")}}));
        // Bob leaves Acme: his next sync takes its templates away.
        REALM_VERIFY_OK(Auth::Organizations(m_server).removeMember(m_acme.bob, m_acme.orgId, m_acme.bob.userId, kClient));
        synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->size(), 1); // said: the desktop reads its lists again
        QVERIFY(synced->first().left);
        QCOMPARE(synced->first().error, QString());
        QVERIFY(m_bob->shared().isEmpty());
    }

    void aPublishWhoseAnswerIsLostIsSentOnce()
    {
        const qint64 before = serverSeq();
        m_alice->transport->loseNextPushAnswer = true;
        Result<OrgTemplateReport> lost = m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("tests"), QStringLiteral("Test {{selection}}")));
        REALM_VERIFY_OK(lost);
        QVERIFY(!lost->error.isEmpty());
        QCOMPARE(lost->pending, 1);
        QCOMPARE(serverSeq(), before + 1); // taken, the answer lost
        // Another admin's later change meanwhile: the retry must not undo it.
        Sync::Mutation later;
        later.number = 1;
        later.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
        later.key = QStringLiteral("tests");
        later.baseSeq = before + 1;
        later.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("Tests")}, {QStringLiteral("body"), QStringLiteral("Test {{selection}} well")}};
        REALM_VERIFY_OK(m_sync->pushOrgTemplates(m_acme.alice, m_acme.orgId, QStringLiteral("another-admin"), {later}, kClient));
        Result<QList<OrgTemplateReport>> retried = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(retried);
        QCOMPARE(retried->first().sent, 1);
        QCOMPARE(retried->first().pending, 0);
        QCOMPARE(serverSeq(), before + 2);
        QCOMPARE(m_alice->shared().value(QStringLiteral("Acme/tests")), QStringLiteral("Test {{selection}} well"));
    }

    void aPullCutOffMidwayChangesNothing()
    {
        for (const char *name : {"one", "two", "three", "four", "five"})
            REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QString::fromLatin1(name), QStringLiteral("{{selection}}"))));
        // /me, then one page of two: the connection drops on the second.
        m_bob->transport->callsBeforeOffline = 2;
        Result<QList<OrgTemplateReport>> cut = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(cut);
        QCOMPARE(cut->first().errorCode, Error::Code::Unavailable);
        QVERIFY(m_bob->shared().isEmpty());
        m_bob->transport->offline = false;
        m_bob->transport->callsBeforeOffline = -1;
        Result<QList<OrgTemplateReport>> whole = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(whole);
        QCOMPARE(whole->first().received, 5);
        QCOMPARE(m_bob->shared().size(), 5);
    }

    void aRestoredServersListReplacesTheCopies()
    {
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("kept"), QStringLiteral("Kept {{selection}}"))));
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("gone"), QStringLiteral("Gone {{selection}}"))));
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        QCOMPARE(m_bob->shared().size(), 2);
        // The server restored from a backup made before "gone" was published:
        // a new epoch, and the template is not there.
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_items WHERE row_key = 'gone'")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_epoch")));
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().error, QString());
        QCOMPARE(m_bob->shared(), (QMap<QString, QString>{{QStringLiteral("Acme/kept"), QStringLiteral("Kept {{selection}}")}}));
    }

    void aTemplateREALMCannotUseIsPassedByNamed()
    {
        Sync::Mutation broken;
        broken.number = 1;
        broken.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
        broken.key = QStringLiteral("broken");
        broken.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("Broken")}, {QStringLiteral("body"), QStringLiteral("{{#open}} never closed")}};
        REALM_VERIFY_OK(m_sync->pushOrgTemplates(m_acme.alice, m_acme.orgId, QStringLiteral("a-script"), {broken}, kClient));
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("fine"), QStringLiteral("{{selection}}"))));
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().unusable, (QList<OrgTemplateName>{{TemplateKind::Prompt, QStringLiteral("broken")}}));
        QCOMPARE(m_bob->shared().keys(), QStringList{QStringLiteral("Acme/fine")});
    }

    void membersCannotPublishAndADemotedAdminsChangeIsDropped()
    {
        Result<OrgTemplateReport> refused = m_bob->syncer().publish(QStringLiteral("Acme"), promptNamed(QStringLiteral("bobs"), QStringLiteral("{{selection}}")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Forbidden);
        // Bob an admin, who publishes one (the server knows his client
        // id and numbers), then another queued (the connection drops after
        // /me and the read before the change)…
        REALM_VERIFY_OK(Auth::Organizations(m_server).changeRole(m_acme.alice, m_acme.orgId, m_acme.bob.userId, Auth::OrgRole::Admin, kClient));
        Result<OrgTemplateReport> first = m_bob->syncer().publish(QStringLiteral("Acme"), promptNamed(QStringLiteral("first"), QStringLiteral("{{selection}}")));
        REALM_VERIFY_OK(first);
        QCOMPARE(first->sent, 1);
        REALM_VERIFY_OK(Prompts::PromptStore(m_bob->workspace.db()).save(promptNamed(QStringLiteral("bobs"), QStringLiteral("Bob's {{selection}}"))));
        m_bob->transport->callsBeforeOffline = 2;
        Result<OrgTemplateReport> queued = m_bob->syncer().publish(QStringLiteral("Acme"), promptNamed(QStringLiteral("bobs"), QStringLiteral("Bob's {{selection}}")));
        REALM_VERIFY_OK(queued);
        QCOMPARE(queued->pending, 1);
        // …and a member again before it was sent: it is dropped, his own stays.
        REALM_VERIFY_OK(Auth::Organizations(m_server).changeRole(m_acme.alice, m_acme.orgId, m_acme.bob.userId, Auth::OrgRole::Member, kClient));
        m_bob->transport->offline = false;
        m_bob->transport->callsBeforeOffline = -1;
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().errorCode, Error::Code::Forbidden);
        QVERIFY(synced->first().error.contains(QStringLiteral("dropped")));
        QCOMPARE(synced->first().pending, 0);
        QCOMPARE(m_bob->shared().keys(), QStringList{QStringLiteral("Acme/first")});
        Result<Prompts::PromptTemplate> his = Prompts::PromptStore(m_bob->workspace.db()).find(QStringLiteral("bobs"));
        REALM_VERIFY_OK(his);
        QCOMPARE(his->body, QStringLiteral("Bob's {{selection}}"));
        // An admin again: his next change is taken (the dropped one left no
        // gap in his numbering).
        REALM_VERIFY_OK(Auth::Organizations(m_server).changeRole(m_acme.alice, m_acme.orgId, m_acme.bob.userId, Auth::OrgRole::Admin, kClient));
        Result<OrgTemplateReport> again = m_bob->syncer().publish(QStringLiteral("Acme"), *his);
        REALM_VERIFY_OK(again);
        QCOMPARE(again->error, QString());
        QCOMPARE(again->sent, 1);
        QCOMPARE(m_bob->shared().value(QStringLiteral("Acme/bobs")), QStringLiteral("Bob's {{selection}}"));
    }

    void aProxysNotFoundDropsNothing()
    {
        // A deploy: the proxy answers 404 to the push, and to the check after it.
        m_alice->transport->proxyNotFoundAtPush = 2;
        Result<OrgTemplateReport> during = m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("during"), QStringLiteral("{{selection}}")));
        REALM_VERIFY_OK(during);
        QCOMPARE(during->errorCode, Error::Code::NotFound);
        QCOMPARE(during->pending, 1);
        Result<QList<OrgTemplateReport>> after = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(after);
        QCOMPARE(after->first().error, QString());
        QCOMPARE(after->first().pending, 0);
        QCOMPARE(after->first().sent, 1);
        QVERIFY(m_alice->shared().contains(QStringLiteral("Acme/during")));
    }

    void aServerThatForgotTheClientTakesItsChangesRenumbered()
    {
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("one"), QStringLiteral("{{selection}}"))));
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("two"), QStringLiteral("{{selection}}"))));
        // The server restored from a backup that knew her client at change 1.
        QVERIFY(runSql(QStringLiteral("UPDATE sync_clients SET last_mutation = 0")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_results")));
        Result<OrgTemplateReport> next = m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("three"), QStringLiteral("{{selection}}")));
        REALM_VERIFY_OK(next);
        QCOMPARE(next->error, QString());
        QCOMPARE(next->pending, 0);
        QCOMPARE(m_alice->shared().keys(), (QStringList{QStringLiteral("Acme/one"), QStringLiteral("Acme/three"), QStringLiteral("Acme/two")}));
    }

    void aWithdrawalOfATemplateChangedMeanwhileIsKept()
    {
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("style"), QStringLiteral("Style {{selection}}"))));
        // Another admin changes it between Alice's read and her withdrawal.
        anotherAdminChangesBeforeAlicesPush(QStringLiteral("style"), QStringLiteral("Better style {{selection}}"));
        Result<OrgTemplateReport> withdrawn = m_alice->syncer().withdraw(QStringLiteral("Acme"), QStringLiteral("style"), SyncClient::TemplateKind::Prompt);
        REALM_VERIFY_OK(withdrawn);
        QCOMPARE(withdrawn->kept, (QList<OrgTemplateName>{{TemplateKind::Prompt, QStringLiteral("style")}}));
        QCOMPARE(m_alice->shared().value(QStringLiteral("Acme/style")), QStringLiteral("Better style {{selection}}"));
    }

    // A prompt and a documentation template share a name: the report
    // says which one's withdrawal was kept, and the other's went.
    void aKeptWithdrawalNamesItsKind()
    {
        const Docs::DocTemplate twinDoc{QStringLiteral("twin"), QStringLiteral("custom"), QStringLiteral("# {{title}}\n\n{{answer}}"),
                                        QStringLiteral("Write the twin."), 0, 0, {}, {}};
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("twin"), QStringLiteral("Twin {{selection}}"))));
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, twinDoc));
        // The prompt's withdrawal waits here (as one made offline would) ...
        Sync::Mutation withdrawal;
        withdrawal.number = 1;
        withdrawal.op = Sync::Mutation::Op::Delete;
        withdrawal.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
        withdrawal.key = QStringLiteral("twin");
        withdrawal.baseSeq = serverSeq();
        REALM_VERIFY_OK(SyncClient::OrgTemplateState::queue(m_alice->workspace.db()->handle(), m_acme.orgId, m_acme.alice.userId, withdrawal));
        // ... while another admin changes that prompt; then it goes with the doc template's.
        anotherAdminChangesBeforeAlicesPush(QStringLiteral("twin"), QStringLiteral("Better twin {{selection}}"));
        Result<OrgTemplateReport> withdrawn = m_alice->syncer().withdraw(QStringLiteral("Acme"), QStringLiteral("twin"), TemplateKind::Doc);
        REALM_VERIFY_OK(withdrawn);
        QCOMPARE(withdrawn->sent, 2);
        QCOMPARE(withdrawn->kept, (QList<OrgTemplateName>{{TemplateKind::Prompt, QStringLiteral("twin")}}));
        QVERIFY(!withdrawn->kept.contains(OrgTemplateName{TemplateKind::Doc, QStringLiteral("twin")}));
        const QJsonArray keptJson = withdrawn->toJson().value(QStringLiteral("kept")).toArray();
        QCOMPARE(keptJson, (QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("prompt")}, {QStringLiteral("name"), QStringLiteral("twin")}}}));
        QCOMPARE(m_alice->shared().value(QStringLiteral("Acme/twin")), QStringLiteral("Better twin {{selection}}"));
        QVERIFY(!Docs::DocStore(m_alice->workspace.db()).findTemplate(QStringLiteral("acme/twin")));
    }

    void aTemplateMadeUnusableLeavesNoOldCopy()
    {
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("x"), QStringLiteral("X {{selection}}"))));
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        QVERIFY(m_bob->shared().contains(QStringLiteral("Acme/x")));
        Sync::Mutation broken;
        broken.number = 1;
        broken.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
        broken.key = QStringLiteral("x");
        broken.baseSeq = serverSeq();
        broken.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("X")}, {QStringLiteral("body"), QStringLiteral("{{#x}} unclosed")}};
        REALM_VERIFY_OK(m_sync->pushOrgTemplates(m_acme.alice, m_acme.orgId, QStringLiteral("a-script"), {broken}, kClient));
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().unusable, (QList<OrgTemplateName>{{TemplateKind::Prompt, QStringLiteral("x")}}));
        QVERIFY(!m_bob->shared().contains(QStringLiteral("Acme/x")));
        // An admin withdraws it by name all the same (no copy, but its seq).
        const qint64 before = serverSeq();
        Result<OrgTemplateReport> withdrawn = m_alice->syncer().withdraw(QStringLiteral("Acme"), QStringLiteral("x"), SyncClient::TemplateKind::Prompt);
        REALM_VERIFY_OK(withdrawn);
        QCOMPARE(withdrawn->error, QString());
        QVERIFY(withdrawn->kept.isEmpty());
        QCOMPARE(serverSeq(), before + 1);
        synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QVERIFY(synced->first().unusable.isEmpty());
    }

    void documentationTemplatesComeAndGoBesideThePrompts()
    {
        const Docs::DocTemplate adr{QStringLiteral("adr"), QStringLiteral("custom"), QStringLiteral("# {{title}}\n\n{{answer}}"),
                                    QStringLiteral("Write an ADR."), 0, 0, {}, {}};
        REALM_VERIFY_OK(m_alice->syncer().publish(QStringLiteral("Acme"), promptNamed(QStringLiteral("adr"), QStringLiteral("ADR for {{selection}}"))));
        Result<OrgTemplateReport> published = m_alice->syncer().publish(QStringLiteral("Acme"), adr);
        REALM_VERIFY_OK(published);
        QCOMPARE(published->error, QString());
        QCOMPARE(published->sent, 1);
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        Docs::DocStore bobsDocs(m_bob->workspace.db());
        Result<Docs::DocTemplate> shared = bobsDocs.findTemplate(QStringLiteral("adr"));
        REALM_VERIFY_OK(shared);
        QVERIFY(Docs::isReadOnly(*shared));
        QCOMPARE(Docs::qualifiedName(*shared), QStringLiteral("Acme/adr"));
        QCOMPARE(shared->prompt, QStringLiteral("Write an ADR."));
        QCOMPARE(m_bob->shared().value(QStringLiteral("Acme/adr")), QStringLiteral("ADR for {{selection}}"));
        // Read-only: Bob cannot remove it here; his own of that name comes first.
        REALM_VERIFY_FAILS(bobsDocs.removeTemplate(QStringLiteral("adr")), Error::Code::Forbidden);
        REALM_VERIFY_OK(bobsDocs.saveTemplate({QStringLiteral("adr"), QStringLiteral("api"), QStringLiteral("{{project}}"), {}, 0, 0, {}, {}}));
        QCOMPARE(bobsDocs.findTemplate(QStringLiteral("adr"))->kind, QStringLiteral("api"));
        QCOMPARE(bobsDocs.findTemplate(QStringLiteral("acme/adr"))->kind, QStringLiteral("custom"));
        QCOMPARE(bobsDocs.templates()->size(), 2);
        // Bob is a member: he cannot publish his own, and nothing waits.
        REALM_VERIFY_FAILS(m_bob->syncer().publish(QStringLiteral("Acme"), *bobsDocs.findTemplate(QStringLiteral("adr"))), Error::Code::Forbidden);
        // A template REALM could not use is refused before anything is queued or sent.
        const qint64 before = serverSeq();
        REALM_VERIFY_FAILS(m_alice->syncer().publish(QStringLiteral("Acme"), Docs::DocTemplate{QStringLiteral("brief"), QStringLiteral("custom"),
                                                                                         QStringLiteral("{{answer}}"), {}, 0, 0, {}, {}}),
                      Error::Code::InvalidInput);
        QCOMPARE(serverSeq(), before);
        // Withdrawing the documentation template leaves the prompt template.
        REALM_VERIFY_FAILS(m_alice->syncer().withdraw(QStringLiteral("Acme"), QStringLiteral("brief"), TemplateKind::Doc), Error::Code::NotFound);
        REALM_VERIFY_OK(m_alice->syncer().withdraw(QStringLiteral("Acme"), QStringLiteral("adr"), TemplateKind::Doc));
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().received, 1);
        QVERIFY(!bobsDocs.findTemplate(QStringLiteral("acme/adr")));
        QCOMPARE(bobsDocs.templates()->size(), 1);
        QVERIFY(m_bob->shared().contains(QStringLiteral("Acme/adr")));

        // Bob leaves Acme: both kinds of its templates go.
        REALM_VERIFY_OK(m_alice->syncer().publish(QStringLiteral("Acme"), adr));
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        QVERIFY(bobsDocs.findTemplate(QStringLiteral("acme/adr")));
        REALM_VERIFY_OK(Auth::Organizations(m_server).removeMember(m_acme.bob, m_acme.orgId, m_acme.bob.userId, kClient));
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        QVERIFY(!bobsDocs.findTemplate(QStringLiteral("acme/adr")));
        QVERIFY(m_bob->shared().isEmpty());
    }

    void aWaitingWithdrawalOfADocumentationTemplateIsRebasedAfterARestore()
    {
        // Another admin's template, which Alice's REALM has read.
        Sync::Mutation brief;
        brief.number = 1;
        brief.table = QString::fromLatin1(Sync::Tables::kDocTemplates);
        brief.key = QStringLiteral("brief");
        brief.data = QJsonObject{{QStringLiteral("kind"), QStringLiteral("api")}, {QStringLiteral("body"), QStringLiteral("{{project}}")}};
        REALM_VERIFY_OK(m_sync->pushOrgTemplates(m_acme.alice, m_acme.orgId, QStringLiteral("another-admin"), {brief}, kClient));
        REALM_VERIFY_OK(m_alice->syncer().syncAll());
        // A withdrawal waits here (its answer never came)…
        Sync::Mutation withdrawal;
        withdrawal.table = QString::fromLatin1(Sync::Tables::kDocTemplates);
        withdrawal.key = QStringLiteral("brief");
        withdrawal.op = Sync::Mutation::Op::Delete;
        withdrawal.baseSeq = serverSeq();
        REALM_VERIFY_OK(SyncClient::OrgTemplateState::queue(m_alice->workspace.db()->handle(), m_acme.orgId, m_acme.alice.userId, withdrawal));
        // …when the server is restored from a backup that renumbered its log:
        // based on the template as the new list has it, it is still done.
        QVERIFY(runSql(QStringLiteral("UPDATE sync_items SET seq = seq + 100 WHERE row_key = 'brief'")));
        QVERIFY(runSql(QStringLiteral("UPDATE sync_scopes SET last_seq = last_seq + 100 WHERE scope_id LIKE 'org:%'")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_epoch")));
        Result<QList<OrgTemplateReport>> synced = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().error, QString());
        QVERIFY(synced->first().kept.isEmpty());
        QCOMPARE(synced->first().pending, 0);
        QVERIFY(!Docs::DocStore(m_alice->workspace.db()).findTemplate(QStringLiteral("acme/brief")));
    }

    void starterTemplatesTravelWithTheirFiles()
    {
        Starters::StarterTemplate tiny;
        tiny.id = QStringLiteral("acme.tiny");
        tiny.title = QStringLiteral("Acme Tiny");
        tiny.description = QStringLiteral("The smallest Acme project");
        tiny.variables = {{QStringLiteral("project_name"), QStringLiteral("Project name"), QStringLiteral("tiny"), {}, {}, {}, true}};
        tiny.files = {{QStringLiteral("main.py"), "print(\"{{project_name}}\")\n", 0755}};
        REALM_VERIFY_OK(Starters::TemplateStore(m_alice->workspace.db()).save(tiny));
        Result<OrgTemplateReport> published =
            m_alice->syncer().publish(QStringLiteral("Acme"), *Starters::TemplateStore(m_alice->workspace.db()).find(QStringLiteral("acme.tiny")));
        REALM_VERIFY_OK(published);
        QCOMPARE(published->error, QString());
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        Starters::TemplateStore bobs(m_bob->workspace.db());
        Result<Starters::StarterTemplate> shared = bobs.find(QStringLiteral("Acme/acme.tiny"));
        REALM_VERIFY_OK(shared);
        QVERIFY(Starters::isReadOnly(*shared));
        QCOMPARE(shared->title, QStringLiteral("Acme Tiny"));
        QCOMPARE(shared->files.size(), 1);
        QCOMPARE(shared->files.first().content, QByteArray("print(\"{{project_name}}\")\n"));
        QCOMPARE(shared->files.first().mode, 0755);
        QCOMPARE(bobs.findAny(QStringLiteral("acme.tiny"))->orgName, QStringLiteral("Acme"));
        REALM_VERIFY_OK(bobs.archive(QStringLiteral("acme.tiny"))); // to copy it
        REALM_VERIFY_FAILS(bobs.remove(QStringLiteral("acme.tiny")), Error::Code::Forbidden);
        // One whose archive REALM cannot read (a script's) is passed by, named.
        Sync::Mutation broken;
        broken.number = 1;
        broken.table = QString::fromLatin1(Sync::Tables::kStarterTemplates);
        broken.key = QStringLiteral("broken");
        broken.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("Broken")}, {QStringLiteral("archive"), QStringLiteral("bm90IGEgdGFyLmd6")}};
        REALM_VERIFY_OK(m_sync->pushOrgTemplates(m_acme.alice, m_acme.orgId, QStringLiteral("a-script"), {broken}, kClient));
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().unusable, (QList<OrgTemplateName>{{TemplateKind::Starter, QStringLiteral("broken")}}));
        QCOMPARE(bobs.list()->size(), 1);
        // Withdrawn: gone from Bob's list; Alice's own stays hers.
        REALM_VERIFY_OK(m_alice->syncer().withdraw(QStringLiteral("Acme"), QStringLiteral("acme.tiny"), TemplateKind::Starter));
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        QVERIFY(bobs.list()->isEmpty());
        REALM_VERIFY_OK(Starters::TemplateStore(m_alice->workspace.db()).find(QStringLiteral("acme.tiny")));
    }

    void aServerWithoutAKindDropsThatChangeAndTakesTheRest()
    {
        // A realm-server from before documentation templates.
        m_alice->transport->unknownOrgTables = {QString::fromLatin1(Sync::Tables::kDocTemplates)};
        const Docs::DocTemplate brief{QStringLiteral("brief"), QStringLiteral("api"), QStringLiteral("{{project}}"), {}, 0, 0, {}, {}};
        Result<OrgTemplateReport> refused = m_alice->syncer().publish(QStringLiteral("Acme"), brief);
        REALM_VERIFY_OK(refused);
        QCOMPARE(refused->errorCode, Error::Code::InvalidInput);
        QVERIFY2(refused->error.contains(QStringLiteral("dropped here")), qPrintable(refused->error));
        QCOMPARE(refused->pending, 0);
        // Waiting behind one the server refuses, a prompt template still goes.
        const qint64 before = serverSeq();
        Sync::Mutation doc;
        doc.table = QString::fromLatin1(Sync::Tables::kDocTemplates);
        doc.key = QStringLiteral("brief");
        doc.data = QJsonObject{{QStringLiteral("kind"), QStringLiteral("api")}, {QStringLiteral("body"), QStringLiteral("{{project}}")}};
        Sync::Mutation prompt = doc;
        prompt.table = QString::fromLatin1(Sync::Tables::kPromptTemplates);
        prompt.key = QStringLiteral("review");
        prompt.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("Review")}, {QStringLiteral("body"), QStringLiteral("{{selection}}")}};
        const Storage::Handle db = m_alice->workspace.db()->handle();
        REALM_VERIFY_OK(SyncClient::OrgTemplateState::queue(db, m_acme.orgId, m_acme.alice.userId, doc));
        REALM_VERIFY_OK(SyncClient::OrgTemplateState::queue(db, m_acme.orgId, m_acme.alice.userId, prompt));
        Result<QList<OrgTemplateReport>> synced = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().pending, 0);
        QVERIFY2(synced->first().error.contains(QStringLiteral("brief")), qPrintable(synced->first().error));
        QCOMPARE(serverSeq(), before + 1);
        QCOMPARE(m_alice->shared().value(QStringLiteral("Acme/review")), QStringLiteral("{{selection}}"));
        // Nothing is stuck: the next sync is clean.
        synced = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().error, QString());
    }

    void aCancelledPublishSaysWhetherItsChangeWaits()
    {
        const auto publish = [this](const QString &name, const CancellationToken &cancel) {
            return OrgTemplateSyncer(m_alice->workspace.db(), m_alice->transport.get(), kServer, &cancel)
                .publish(QStringLiteral("Acme"), promptNamed(name, QStringLiteral("{{selection}}")));
        };
        // Cancelled before anything was queued.
        CancellationToken atOnce;
        atOnce.cancel();
        Result<OrgTemplateReport> early = publish(QStringLiteral("early"), atOnce);
        REALM_VERIFY_FAILS(early, Error::Code::Cancelled);
        QVERIFY2(early.error().message.contains(QStringLiteral("nothing was changed")), qPrintable(early.error().message));
        // Cancelled while the push was on its way, whose answer was lost: it waits.
        const qint64 before = serverSeq();
        CancellationToken duringLostPush;
        m_alice->transport->loseNextPushAnswer = true;
        m_alice->transport->beforePush = [&duringLostPush] { duringLostPush.cancel(); };
        Result<OrgTemplateReport> lost = publish(QStringLiteral("lost"), duringLostPush);
        REALM_VERIFY_FAILS(lost, Error::Code::Cancelled);
        QVERIFY2(lost.error().message.contains(QStringLiteral("waits here")), qPrintable(lost.error().message));
        // The next sync sends it, and the server applies it once.
        Result<QList<OrgTemplateReport>> resent = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(resent);
        QCOMPARE(resent->first().pending, 0);
        QCOMPARE(serverSeq(), before + 1);
        // Cancelled while a push the server answered was on its way: done.
        CancellationToken duringPush;
        m_alice->transport->beforePush = [&duringPush] { duringPush.cancel(); };
        Result<OrgTemplateReport> taken = publish(QStringLiteral("taken"), duringPush);
        REALM_VERIFY_FAILS(taken, Error::Code::Cancelled);
        QVERIFY2(taken.error().message.contains(QStringLiteral("it is done")), qPrintable(taken.error().message));
        // Both are there once, and nothing waits.
        Result<QList<OrgTemplateReport>> synced = m_alice->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->first().pending, 0);
        QCOMPARE(serverSeq(), before + 2);
        QCOMPARE(m_alice->shared().keys(), (QStringList{QStringLiteral("Acme/lost"), QStringLiteral("Acme/taken")}));
    }

    void aKeySeesOneOrganizationAndLeavesTheOthersAlone()
    {
        // Bob founds Beta, and publishes there.
        Result<Auth::Org> beta = Auth::Organizations(m_server).create(m_acme.bob, QStringLiteral("Beta"), kClient);
        REALM_VERIFY_OK(beta);
        REALM_VERIFY_OK(m_bob->syncer().publish(QStringLiteral("Beta"), promptNamed(QStringLiteral("beta"), QStringLiteral("{{selection}}"))));
        REALM_VERIFY_OK(m_alice->syncer().publish(m_acme.orgId, promptNamed(QStringLiteral("acme"), QStringLiteral("{{selection}}"))));
        REALM_VERIFY_OK(m_bob->syncer().syncAll());
        QCOMPARE(m_bob->shared().size(), 2);
        // With a key of Acme's, /me names Acme alone: Beta's copies stay.
        Auth::Principal key = m_acme.bob;
        key.apiKeyId = QStringLiteral("key-1");
        key.apiKeyOrgId = m_acme.orgId;
        key.scopes = {QStringLiteral("project:read")};
        m_bob->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), key);
        Result<QList<OrgTemplateReport>> synced = m_bob->syncer().syncAll();
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->size(), 1);
        QCOMPARE(m_bob->shared().keys(), (QStringList{QStringLiteral("Acme/acme"), QStringLiteral("Beta/beta")}));
    }
};

QTEST_GUILESS_MAIN(TestOrgTemplateSyncer)
#include "tst_orgtemplatesyncer.moc"
