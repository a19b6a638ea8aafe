// SPDX-License-Identifier: GPL-3.0-or-later
// The sync client against the server's sync service in the same process:
// real workspaces (SQLite files) on one side, a real server database on
// the other, and between them a transport that speaks the routes' JSON
// and can lose an answer after the server acted on the request. What a
// network cannot be made to do on cue is proven here: a push whose answer
// was lost is sent again with the same numbers and lands once; a refresh
// does not send the project's description back; files a refresh leaves
// out are not deleted for everyone; a server restored from an older backup
// loses nothing of what this machine holds; tombstones expired on the
// server delete what the server no longer has; conversations and their
// messages reach every member, in order, an answer only once complete.
#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "chat/conversationstore.h"
#include "docs/docstore.h"
#include "projects/projecthistory.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "storage/statement.h"
#include "sync/transport.h"
#include "syncclient/conflicts.h"
#include "syncclient/projectsyncer.h"
#include "syncserver/projectsync.h"
#include "teamfixture.h"
#include "testserverdatabase.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Realm;
using namespace Realm::Auth;
using Realm::SyncClient::ProjectSyncer;
using Realm::SyncClient::SyncReport;
using Realm::Test::InProcessTransport;
using Realm::Test::Machine;
using Realm::Test::kClient;

namespace {

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestProjectSyncer final : public QObject, public Test::TeamFixture {
    Q_OBJECT

private:
    // A conversation's messages as "role: content", along the branch on show.
    static QStringList threadOf(Machine &machine, const QString &conversationId)
    {
        QStringList lines;
        Result<QList<Chat::Message>> thread = Chat::ConversationStore(machine.db()).thread(conversationId);
        if (!thread)
            return {thread.error().message};
        for (const Chat::Message &message : std::as_const(*thread))
            lines.append(Chat::ChatMessage::roleName(message.role) + QStringLiteral(": ") + message.content);
        return lines;
    }

    static Chat::Message message(const QString &conversationId, const QString &parentId, Chat::ChatMessage::Role role, const QString &content)
    {
        Chat::Message m;
        m.conversationId = conversationId;
        m.parentId = parentId;
        m.role = role;
        m.content = content;
        return m;
    }

private slots:
    void init() { startTeam(); }
    void cleanup() { stopTeam(); }

    void aPushWhoseAnswerWasLostLandsOnce()
    {
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website, edited\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        m_alicesMachine->transport->loseNextPushAnswer = true;
        Result<SyncReport> lost = m_alicesMachine->syncer().sync(m_aliceProject);
        QVERIFY(!lost);
        QCOMPARE(lost.error().code, Error::Code::Unavailable);
        // Applied on the server, but this machine does not know it yet.
        QCOMPARE(serverFiles().value(QStringLiteral("README.md")), sha("# Website, edited\n"));
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(1));
        Result<Sync::ChangePage> before = m_sync->changes(m_alice, m_serverProject, {}, 1000);
        REALM_VERIFY_OK(before);

        Result<SyncReport> again = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(again);
        QCOMPARE(again->sent, qint64(1));
        QCOMPARE(again->pending, qint64(0));
        // The retry made no new change on the server.
        Result<Sync::ChangePage> after = m_sync->changes(m_alice, m_serverProject, {}, 1000);
        REALM_VERIFY_OK(after);
        QCOMPARE(after->cursor.seq, before->cursor.seq);
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
    }

    // A server from before the batch routes: contents go up and come down
    // one request each, and everything arrives.
    void anOlderServerWithoutBatchesGetsContentsOneByOne()
    {
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/new.js"), "let added = 1;\n");
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website, again\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        m_alicesMachine->transport->withoutBatchRoutes = true;
        m_alicesMachine->transport->batches = 0;
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(m_alicesMachine->transport->batches, 0);
        QCOMPARE(m_alicesMachine->transport->uploads, 2);
        QCOMPARE(serverFiles(), filesOf(*m_alicesMachine, m_aliceProject));

        m_bobsMachine->transport->withoutBatchRoutes = true;
        m_bobsMachine->transport->fetches = 0;
        m_bobsMachine->transport->downloads = 0;
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(m_bobsMachine->transport->fetches, 0);
        QCOMPARE(m_bobsMachine->transport->downloads, 2);
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
    }

    void aRefreshDoesNotSendTheDescriptionBack()
    {
        // Bob describes the project; Alice, who has not pulled that yet,
        // refreshes (which writes the project's row) and syncs.
        Projects::ProjectChanges changes;
        changes.description = QStringLiteral("Bob's words");
        REALM_VERIFY_OK(Projects::ProjectStore(m_bobsMachine->db()).update(m_bobProject, changes));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website, edited\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<SyncReport> alices = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(alices);
        QCOMPARE(alices->sent, qint64(1)); // the README only
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        for (Machine *machine : {m_alicesMachine.get(), m_bobsMachine.get()}) {
            Result<Projects::Project> project = Projects::ProjectStore(machine->db()).find(QStringLiteral("website"));
            REALM_VERIFY_OK(project);
            QCOMPARE(project->description, QStringLiteral("Bob's words"));
        }
    }

    void filesARefreshLeavesOutAreNotDeletedForEveryone()
    {
        // Alice shares build output her own rules keep; Bob's refresh
        // leaves build/ out by the default rules.
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("build/report.txt"), "generated\n");
        Projects::ImportOptions everything;
        everything.excludes = {};
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alicesMachine->db()).refreshProject(m_aliceProject, everything));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QVERIFY(serverFiles().contains(QStringLiteral("build/report.txt")));

        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!carol.projectId.isEmpty());
        const QString folder = carol.folder;
        QVERIFY(QFile::exists(folder + QStringLiteral("/build/report.txt")));
        Test::writeFile(folder, QStringLiteral("src/app.js"), "console.log('carol');\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(carol.machine->db()).refreshProject(carol.projectId, {}));
        Result<SyncReport> carols = carol.syncer().sync(carol.projectId);
        REALM_VERIFY_OK(carols);
        QCOMPARE(carols->sent, qint64(1)); // her edit, not a delete of build/report.txt
        QCOMPARE(serverFiles().value(QStringLiteral("build/report.txt")), sha("generated\n"));
        QCOMPARE(serverFiles().value(QStringLiteral("src/app.js")), sha("console.log('carol');\n"));
    }

    // Agreeing to the deletes shown allows those, not more that came since.
    void deletesAllowedAreTheNumberAgreedTo()
    {
        const QString alices = m_alicesMachine->folder.path();
        QVERIFY(QFile::remove(alices + QStringLiteral("/src/app.js")));
        QVERIFY(QFile::remove(alices + QStringLiteral("/src/style.css")));
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<SyncReport> held = m_bobsMachine->syncer().sync(m_bobProject);
        QVERIFY(!held);
        QCOMPARE(held.error().code, Error::Code::LimitExceeded);
        // Bob is shown two; meanwhile Alice deletes the last one too.
        QVERIFY(QFile::remove(alices + QStringLiteral("/README.md")));
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<SyncReport> more = m_bobsMachine->syncer().sync(m_bobProject, {.deletesAllowed = 2});
        QVERIFY(!more);
        QVERIFY2(more.error().message.contains(QStringLiteral("would delete 3")), qPrintable(more.error().message));
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject).size(), 3);
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject, {.deletesAllowed = 3}));
        QVERIFY(filesOf(*m_bobsMachine, m_bobProject).isEmpty());
    }

    void aServerRestoredFromAnOlderBackupLosesNothingHere()
    {
        // What the backup holds of README.md: its first version.
        Result<QSqlDatabase> serverDb = m_server->connection();
        QVERIFY(serverDb);
        QSqlQuery old(*serverDb);
        QVERIFY(old.exec(QStringLiteral("SELECT data FROM sync_items WHERE row_key = 'README.md'")) && old.next());
        const QString firstReadme = old.value(0).toString();
        // Alice edits README.md and adds a file; Bob gets both.
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website, second edition\n");
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/new.js"), "new\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QVERIFY(filesOf(*m_bobsMachine, m_bobProject).contains(QStringLiteral("src/new.js")));
        // The server is restored from a backup taken before that file: a
        // new epoch, no client numbers, the last change gone.
        const QString scope = QStringLiteral("'%1'").arg(m_serverProject);
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_items WHERE scope_id = %1 AND row_key = 'src/new.js'").arg(scope)));
        QSqlQuery restore(*serverDb);
        restore.prepare(QStringLiteral("UPDATE sync_items SET data = ? WHERE row_key = 'README.md'"));
        restore.addBindValue(firstReadme);
        QVERIFY(restore.exec());
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_epoch")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_results")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_clients")));
        QVERIFY(!serverFiles().contains(QStringLiteral("src/new.js")));

        // Bob syncs first: nothing is deleted or taken back here, and what
        // the server lacks (or has older) is sent again.
        Result<SyncReport> bobs = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(bobs);
        QVERIFY(filesOf(*m_bobsMachine, m_bobProject).contains(QStringLiteral("src/new.js")));
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject).value(QStringLiteral("README.md")), sha("# Website, second edition\n"));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject)); // what was kept goes out
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(serverFiles().value(QStringLiteral("src/new.js")), sha("new\n"));
        // Both versions of README.md survive: the backup's under its name,
        // the newer one beside it.
        QVERIFY(serverFiles().values().contains(sha("# Website, second edition\n")));
        QVERIFY(serverFiles().values().contains(sha("# Website\n")));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject)); // her README.md goes out again
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), serverFiles());
        QCOMPARE(filesOf(*m_alicesMachine, m_aliceProject), serverFiles());
        QCOMPARE(ProjectSyncer::pendingChanges(m_bobsMachine->db()->handle(), m_bobProject).value(), qint64(0));
    }

    void aRestoredServersOlderTitleDoesNotReplaceTheNewerOne()
    {
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Plan"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        Result<QSqlDatabase> serverDb = m_server->connection();
        QVERIFY(serverDb);
        QSqlQuery old(*serverDb);
        old.prepare(QStringLiteral("SELECT data FROM sync_items WHERE row_key = ?"));
        old.addBindValue(chat->id);
        QVERIFY(old.exec() && old.next());
        const QString backedUp = old.value(0).toString();
        REALM_VERIFY_OK(alices.rename(chat->id, QStringLiteral("Plan v2")));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        // Restored from a backup taken before the rename.
        QSqlQuery restore(*serverDb);
        restore.prepare(QStringLiteral("UPDATE sync_items SET data = ? WHERE row_key = ?"));
        restore.addBindValue(backedUp);
        restore.addBindValue(chat->id);
        QVERIFY(restore.exec());
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_epoch")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_results")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_clients")));
        for (int round = 0; round < 2; ++round) {
            REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
            REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        }
        for (Machine *machine : {m_alicesMachine.get(), m_bobsMachine.get()})
            QCOMPARE(Chat::ConversationStore(machine->db()).find(chat->id)->title, QStringLiteral("Plan v2"));
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(0));
    }

    void aReplyWrittenAfterARestoreStillAnswersItsMessage()
    {
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Restore plan"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        Chat::Message question;
        question.conversationId = chat->id;
        question.content = QStringLiteral("Which backup?");
        Result<Chat::Message> asked = alices.append(question);
        REALM_VERIFY_OK(asked);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        // Restored from a backup taken before the conversation (Bob never
        // saw it): gone there, a new epoch.
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_items WHERE row_key IN ('%1', '%2')").arg(chat->id, asked->id)));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_epoch")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_results")));
        QVERIFY(runSql(QStringLiteral("DELETE FROM sync_clients")));
        // Alice answers before she learns of it. Her one sync finds the
        // restore, then sends the conversation, the question and the answer,
        // in that order: the answer never reaches the server alone.
        Chat::Message reply;
        reply.conversationId = chat->id;
        reply.parentId = asked->id;
        reply.content = QStringLiteral("Last night's.");
        Result<Chat::Message> answered = alices.append(reply);
        REALM_VERIFY_OK(answered);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(0));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        Result<Chat::Message> his = Chat::ConversationStore(m_bobsMachine->db()).message(answered->id);
        REALM_VERIFY_OK(his);
        QCOMPARE(his->parentId, asked->id);
        QCOMPARE(Chat::ConversationStore(m_bobsMachine->db()).message(asked->id)->content, QStringLiteral("Which backup?"));
    }

    void expiredTombstonesDeleteOnlyWhatHasNoLocalChange()
    {
        // Alice deletes a file; the server later forgets the tombstone.
        QVERIFY(QFile::remove(m_alicesMachine->path(QStringLiteral("src/style.css"))));
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<qint64> pruned = Test::forgetDeletes(m_server, *m_sync);
        REALM_VERIFY_OK(pruned);
        QCOMPARE(*pruned, qint64(1));
        // Bob, who never pulled the delete, gets the project anew: the file
        // it lacks goes here too.
        Result<SyncReport> bobs = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(bobs);
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
        QVERIFY(!filesOf(*m_bobsMachine, m_bobProject).contains(QStringLiteral("src/style.css")));
    }

    void anExpiredListNeverDeletesAFileEditedHere()
    {
        // Carol (an editor) and Dave (a viewer) edit style.css in their
        // checkouts while Alice deletes it; the server forgets the delete
        // before either syncs, so each gets the project listed anew.
        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        TeammateClone dave = cloneWithCheckout(QStringLiteral("Dave"));
        QVERIFY(!carol.projectId.isEmpty() && !dave.projectId.isEmpty());
        REALM_VERIFY_OK(Auth::SharedProjects(m_server).setMember(m_alice, m_serverProject, QStringLiteral("dave@example.org"), Auth::ProjectRole::Viewer, kClient));
        const QByteArray carols("body { color: red; }\n");
        const QByteArray daves("body { color: blue; }\n");
        Test::writeFile(carol.folder, QStringLiteral("src/style.css"), carols);
        Test::writeFile(dave.folder, QStringLiteral("src/style.css"), daves);
        REALM_VERIFY_OK(refresh(*carol.machine, carol.projectId));
        REALM_VERIFY_OK(refresh(*dave.machine, dave.projectId));
        QVERIFY(QFile::remove(m_alicesMachine->path(QStringLiteral("src/style.css"))));
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<qint64> pruned = Test::forgetDeletes(m_server, *m_sync);
        REALM_VERIFY_OK(pruned);
        QCOMPARE(*pruned, qint64(1));

        // Dave's edit cannot be sent: it stays, pending, in the project and
        // in his folder.
        Result<SyncReport> davesSync = dave.syncer().sync(dave.projectId);
        REALM_VERIFY_OK(davesSync);
        QCOMPARE(davesSync->state, SyncClient::Link::State::ReadOnly);
        QCOMPARE(davesSync->pending, qint64(1));
        QCOMPARE(filesOf(*dave.machine, dave.projectId).value(QStringLiteral("src/style.css")), sha(daves));
        QFile inFolder(dave.folder + QStringLiteral("/src/style.css"));
        QVERIFY(inFolder.open(QIODevice::ReadOnly));
        QCOMPARE(inFolder.readAll(), daves);

        // Carol's is sent (an edit beats a delete) and reaches Alice again.
        REALM_VERIFY_OK(carol.syncer().sync(carol.projectId));
        QCOMPARE(filesOf(*carol.machine, carol.projectId).value(QStringLiteral("src/style.css")), sha(carols));
        QCOMPARE(serverFiles().value(QStringLiteral("src/style.css")), sha(carols));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(filesOf(*m_alicesMachine, m_aliceProject), filesOf(*carol.machine, carol.projectId));
    }

    void filesKeptAsConflictCopiesGoWhenTheServerDeletedThemLongAgo()
    {
        // Alice and Carol both add four notes; Carol's arrive second and are
        // kept as conflict copies, but her pull after that fails: her notes
        // are hers still, with nothing pending and no base.
        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!carol.projectId.isEmpty());
        QStringList notes;
        for (int i = 1; i <= 4; ++i)
            notes << QStringLiteral("notes/%1.txt").arg(i);
        for (const QString &path : std::as_const(notes)) {
            Test::writeFile(m_alicesMachine->folder.path(), path, "Alice's notes\n");
            Test::writeFile(carol.folder, path, "Carol's notes on " + path.toUtf8() + '\n');
        }
        REALM_VERIFY_OK(sendAlicesFolder());
        REALM_VERIFY_OK(refresh(*carol.machine, carol.projectId));
        carol.machine->transport->pagesBeforeOffline = carol.machine->transport->pages;
        QVERIFY(!carol.syncer().sync(carol.projectId));
        QCOMPARE(serverFiles().keys().filter(QStringLiteral("(conflict, Carol, ")).size(), notes.size());
        QCOMPARE(filesOf(*carol.machine, carol.projectId).value(notes.first()), sha("Carol's notes on notes/1.txt\n"));

        // Alice deletes them, and the server forgets the deletes before
        // Carol is back: her copy is listed anew, without them. Four of
        // her seven files: asked first, as any mass delete is.
        for (const QString &path : std::as_const(notes))
            QVERIFY(QFile::remove(m_alicesMachine->path(path)));
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<qint64> pruned = Test::forgetDeletes(m_server, *m_sync);
        REALM_VERIFY_OK(pruned);
        QCOMPARE(*pruned, qint64(notes.size()));
        carol.machine->transport->offline = false;
        carol.machine->transport->pagesBeforeOffline = -1;
        Result<SyncReport> held = carol.syncer().sync(carol.projectId);
        QVERIFY(!held);
        QCOMPARE(held.error().code, Error::Code::LimitExceeded);
        QVERIFY2(held.error().message.contains(QStringLiteral("would delete 4 of the 7")), qPrintable(held.error().message));
        QVERIFY(filesOf(*carol.machine, carol.projectId).contains(notes.first()));
        REALM_VERIFY_OK(carol.syncer().sync(carol.projectId, {.deletesAllowed = 4}));
        for (const QString &path : std::as_const(notes))
            QVERIFY(!serverFiles().contains(path));
        QCOMPARE(filesOf(*carol.machine, carol.projectId), serverFiles());
        QCOMPARE(Test::filesUnder(carol.folder), serverFiles());
        // Her words live on in the copies.
        const QStringList copies = serverFiles().keys().filter(QStringLiteral("1 (conflict, Carol, "));
        QCOMPARE(copies.size(), 1);
        QCOMPARE(serverFiles().value(copies.first()), sha("Carol's notes on notes/1.txt\n"));
    }

    void conversationsReachEveryMember()
    {
        using Role = Chat::ChatMessage::Role;
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> plan = alices.create(QStringLiteral("Plan"), m_aliceProject);
        REALM_VERIFY_OK(plan);
        Result<Chat::Message> question = alices.append(message(plan->id, {}, Role::User, QStringLiteral("What does app.js do?")));
        REALM_VERIFY_OK(question);
        REALM_VERIFY_OK(alices.append(message(plan->id, question->id, Role::Assistant, QStringLiteral("It says hi."))));
        // Not the project's: stays here.
        REALM_VERIFY_OK(alices.create(QStringLiteral("Private"), {}));
        Result<SyncReport> sent = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(sent);
        QCOMPARE(sent->sent, qint64(3));
        QCOMPARE(sent->pending, qint64(0));

        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        Chat::ConversationStore bobs(m_bobsMachine->db());
        Result<QList<Chat::Conversation>> bobsList = bobs.list({.archived = false, .trash = false, .projectId = m_bobProject});
        REALM_VERIFY_OK(bobsList);
        QCOMPARE(bobsList->size(), 1);
        QCOMPARE(bobsList->first().id, plan->id);
        QCOMPARE(bobsList->first().title, QStringLiteral("Plan"));
        const QStringList expected{QStringLiteral("user: What does app.js do?"), QStringLiteral("assistant: It says hi.")};
        QCOMPARE(threadOf(*m_bobsMachine, plan->id), expected);
        QCOMPARE(ProjectSyncer::pendingChanges(m_bobsMachine->db()->handle(), m_bobProject).value(), qint64(0));

        // Bob renames and pins it and asks more; Alice, who has not seen
        // that, puts it in the trash. Each field keeps its own later change:
        // her trash does not take back his title.
        REALM_VERIFY_OK(bobs.rename(plan->id, QStringLiteral("Plan, reviewed")));
        REALM_VERIFY_OK(bobs.setPinned(plan->id, true));
        Result<QList<Chat::Message>> bobsThread = bobs.thread(plan->id);
        REALM_VERIFY_OK(bobsThread);
        REALM_VERIFY_OK(bobs.append(message(plan->id, bobsThread->last().id, Role::User, QStringLiteral("And style.css?"))));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        REALM_VERIFY_OK(alices.moveToTrash(plan->id));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        for (Machine *machine : {m_alicesMachine.get(), m_bobsMachine.get()}) {
            Result<Chat::Conversation> seen = Chat::ConversationStore(machine->db()).find(plan->id);
            REALM_VERIFY_OK(seen);
            QCOMPARE(seen->title, QStringLiteral("Plan, reviewed"));
            QVERIFY(seen->pinned);
            QVERIFY(seen->deletedAt > 0);
            QCOMPARE(threadOf(*machine, plan->id), expected + QStringList{QStringLiteral("user: And style.css?")});
        }
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(0));
        QCOMPARE(ProjectSyncer::pendingChanges(m_bobsMachine->db()->handle(), m_bobProject).value(), qint64(0));
        // Nothing of Alice's private conversation reached Bob.
        Result<QList<Chat::Conversation>> everything = bobs.list({});
        REALM_VERIFY_OK(everything);
        QVERIFY(everything->isEmpty());
    }

    void anAnswerIsSentOnlyOnceComplete()
    {
        using Role = Chat::ChatMessage::Role;
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Streaming"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        Result<Chat::Message> question = alices.append(message(chat->id, {}, Role::User, QStringLiteral("Explain")));
        REALM_VERIFY_OK(question);
        Chat::Message streaming = message(chat->id, question->id, Role::Assistant, QStringLiteral("It"));
        streaming.status = Chat::Message::Status::Streaming;
        Result<Chat::Message> answer = alices.append(streaming);
        REALM_VERIFY_OK(answer);
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(2));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(threadOf(*m_bobsMachine, chat->id), QStringList{QStringLiteral("user: Explain")});

        REALM_VERIFY_OK(alices.updateStreaming(answer->id, QStringLiteral("It says"), {}));
        Chat::Message done = *answer;
        done.content = QStringLiteral("It says hi.");
        done.status = Chat::Message::Status::Complete;
        REALM_VERIFY_OK(alices.finish(done));
        Result<SyncReport> sent = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(sent);
        QCOMPARE(sent->sent, qint64(1));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(threadOf(*m_bobsMachine, chat->id), (QStringList{QStringLiteral("user: Explain"), QStringLiteral("assistant: It says hi.")}));
        Result<Chat::Message> bobsAnswer = Chat::ConversationStore(m_bobsMachine->db()).message(answer->id);
        REALM_VERIFY_OK(bobsAnswer);
        QCOMPARE(bobsAnswer->status, Chat::Message::Status::Complete);
    }

    void aMessageChangedAfterItsReplyStillComesFirst()
    {
        // The server orders an item by its last change: an answer changed
        // after the question that follows it comes after that question in
        // a fresh pull, and so does a conversation renamed since.
        using Role = Chat::ChatMessage::Role;
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Order"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        Result<Chat::Message> first = alices.append(message(chat->id, {}, Role::User, QStringLiteral("one")));
        REALM_VERIFY_OK(first);
        Result<Chat::Message> answer = alices.append(message(chat->id, first->id, Role::Assistant, QStringLiteral("two")));
        REALM_VERIFY_OK(answer);
        REALM_VERIFY_OK(alices.append(message(chat->id, answer->id, Role::User, QStringLiteral("three"))));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        Chat::Message corrected = *answer;
        corrected.content = QStringLiteral("two, corrected");
        REALM_VERIFY_OK(alices.finish(corrected));
        REALM_VERIFY_OK(alices.rename(chat->id, QStringLiteral("Order, renamed")));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));

        Test::TestWorkspace secondWorkspace; // Alice's other machine
        InProcessTransport alicesOtherTransport(m_server, m_sync.get(), m_alice);
        Result<SyncReport> cloned = ProjectSyncer(secondWorkspace.db(), &alicesOtherTransport).clone(QStringLiteral("http://server"), m_serverProject, QStringLiteral("copy"));
        REALM_VERIFY_OK(cloned);
        Chat::ConversationStore copy(secondWorkspace.db());
        Result<Chat::Conversation> copied = copy.find(chat->id);
        REALM_VERIFY_OK(copied);
        QCOMPARE(copied->title, QStringLiteral("Order, renamed"));
        QCOMPARE(copied->projectId, cloned->projectId);
        Result<QList<Chat::Message>> thread = copy.thread(chat->id);
        REALM_VERIFY_OK(thread);
        QStringList contents;
        for (const Chat::Message &m : std::as_const(*thread))
            contents.append(m.content);
        QCOMPARE(contents, (QStringList{QStringLiteral("one"), QStringLiteral("two, corrected"), QStringLiteral("three")}));
        QCOMPARE(ProjectSyncer::pendingChanges(secondWorkspace.db()->handle(), cloned->projectId).value(), qint64(0));
    }

    void documentsReachEveryMemberAndBothOfTwoSurvive()
    {
        const auto document = [](const QString &projectId, const QString &title, const QString &markdown) {
            Docs::DocVersion version;
            version.projectId = projectId;
            version.kind = QStringLiteral("overview");
            version.templateName = QStringLiteral("built-in");
            version.inputsHash = sha(markdown.toUtf8());
            version.title = title;
            version.markdown = markdown;
            version.stats = QJsonObject{{QStringLiteral("files"), 3}};
            return version;
        };
        Result<Docs::DocVersion> alices = Docs::DocStore(m_alicesMachine->db()).saveVersion(document(m_aliceProject, QStringLiteral("Overview"), QStringLiteral("# By Alice\n")));
        REALM_VERIFY_OK(alices);
        Result<Docs::DocVersion> bobs = Docs::DocStore(m_bobsMachine->db()).saveVersion(document(m_bobProject, QStringLiteral("Overview"), QStringLiteral("# By Bob\n")));
        REALM_VERIFY_OK(bobs);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        for (Machine *machine : {m_alicesMachine.get(), m_bobsMachine.get()}) {
            Docs::DocStore store(machine->db());
            for (const Docs::DocVersion &made : {*alices, *bobs}) {
                Result<Docs::DocVersion> there = store.version(made.id);
                REALM_VERIFY_OK(there);
                QCOMPARE(there->markdown, made.markdown);
                QCOMPARE(there->title, made.title);
                QCOMPARE(there->createdAt, made.createdAt);
            }
        }
        Result<QList<Docs::DocVersion>> bobsList = Docs::DocStore(m_bobsMachine->db()).versions(m_bobProject);
        REALM_VERIFY_OK(bobsList);
        QCOMPARE(bobsList->size(), 2);

        // Bob removes Alice's; it goes on her machine too.
        REALM_VERIFY_OK(Docs::DocStore(m_bobsMachine->db()).removeVersion(alices->id));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        Result<QList<Docs::DocVersion>> alicesList = Docs::DocStore(m_alicesMachine->db()).versions(m_aliceProject);
        REALM_VERIFY_OK(alicesList);
        QCOMPARE(alicesList->size(), 1);
        QCOMPARE(alicesList->first().id, bobs->id);
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(0));
        QCOMPARE(ProjectSyncer::pendingChanges(m_bobsMachine->db()->handle(), m_bobProject).value(), qint64(0));
    }

    void aTitleChangedBackWhileTheFirstChangeWaitsIsSent()
    {
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("First"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        // "Second" lands, but its answer is lost; then back to "First",
        // which is what the server had before.
        REALM_VERIFY_OK(alices.rename(chat->id, QStringLiteral("Second")));
        m_alicesMachine->transport->loseNextPushAnswer = true;
        QVERIFY(!m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(alices.rename(chat->id, QStringLiteral("First")));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(alices.find(chat->id)->title, QStringLiteral("First"));
        QCOMPARE(Chat::ConversationStore(m_bobsMachine->db()).find(chat->id)->title, QStringLiteral("First"));
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(0));
    }

    void aWriteThatChangesNothingDoesNotHoldBackATeammatesChange()
    {
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Plan"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        REALM_VERIFY_OK(Chat::ConversationStore(m_bobsMachine->db()).rename(chat->id, QStringLiteral("Plan, Bob's")));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        // Between Alice's push and her pull, a write of the conversation's
        // row that leaves everything that syncs as it was.
        m_alicesMachine->transport->beforeListingChanges = [&] { QVERIFY(alices.restore(chat->id)); };
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(alices.find(chat->id)->title, QStringLiteral("Plan, Bob's"));
        QCOMPARE(ProjectSyncer::pendingChanges(m_alicesMachine->db()->handle(), m_aliceProject).value(), qint64(0));
    }

    void largeConversationsGoInSeveralPushesAndAnItemNoPushTakesStaysHere()
    {
        using Role = Chat::ChatMessage::Role;
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Big"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        // Three answers of 6 MiB: more than one push may carry.
        QString parent;
        for (int i = 0; i < 3; ++i) {
            Result<Chat::Message> added = alices.append(message(chat->id, parent, i % 2 ? Role::Assistant : Role::User,
                                                                QString(6 * 1024 * 1024, QLatin1Char('a' + i))));
            REALM_VERIFY_OK(added);
            parent = added->id;
        }
        Result<SyncReport> sent = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(sent);
        QCOMPARE(sent->sent, qint64(4));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(threadOf(*m_bobsMachine, chat->id).size(), 3);
        QCOMPARE(threadOf(*m_bobsMachine, chat->id).last().size(), QStringLiteral("user: ").size() + 6 * 1024 * 1024);

        // One of 9 MiB no push takes: it stays here, said so, and waits.
        Result<Chat::Message> huge = alices.append(message(chat->id, parent, Role::Assistant, QString(9 * 1024 * 1024, QLatin1Char('z'))));
        REALM_VERIFY_OK(huge);
        Result<SyncReport> kept = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(kept);
        QCOMPARE(kept->tooLarge, QStringList{QStringLiteral("messages ") + huge->id});
        QCOMPARE(kept->pending, qint64(1));
        // A reply to it waits with it: nobody gets an answer to nothing.
        Result<Chat::Message> reply = alices.append(message(chat->id, huge->id, Role::User, QStringLiteral("Shorter, please")));
        REALM_VERIFY_OK(reply);
        Result<SyncReport> held = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(held);
        QCOMPARE(held->pending, qint64(2));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QVERIFY(!Chat::ConversationStore(m_bobsMachine->db()).message(reply->id));
    }

    void aChangeMadeAfterAMergedOneIsSentAsMadeOnIt()
    {
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> chat = alices.create(QStringLiteral("Plan"), m_aliceProject);
        REALM_VERIFY_OK(chat);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        REALM_VERIFY_OK(Chat::ConversationStore(m_bobsMachine->db()).setPinned(chat->id, true));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        // Alice renames it without having seen the pin (merged by field on
        // the server), and renames it back before her pull comes.
        REALM_VERIFY_OK(alices.rename(chat->id, QStringLiteral("Plan v2")));
        m_alicesMachine->transport->beforeListingChanges = [&] { QVERIFY(alices.rename(chat->id, QStringLiteral("Plan"))); };
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        for (Machine *machine : {m_alicesMachine.get(), m_bobsMachine.get()}) {
            Result<Chat::Conversation> seen = Chat::ConversationStore(machine->db()).find(chat->id);
            REALM_VERIFY_OK(seen);
            QCOMPARE(seen->title, QStringLiteral("Plan"));
            QVERIFY(seen->pinned);
        }
    }

    void conflictCopiesAreListedAndResolvedForEveryone()
    {
        namespace Conflicts = SyncClient::Conflicts;
        // Carol works in a checkout folder of her own.
        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!carol.projectId.isEmpty());
        Test::TestWorkspace &carolsWorkspace = carol.machine->workspace;
        const QString carolsProject = carol.projectId;
        const QString folder = carol.folder;
        const auto carolSyncs = [&] { return carol.syncer().sync(carolsProject); };
        // Both change the same line of `path`; Alice's arrives first.
        const auto overlap = [&](const QString &path) -> QString {
            Test::writeFile(m_alicesMachine->folder.path(), path, "Alice's line\n");
            Test::writeFile(folder, path, "Carol's line\n");
            if (!refresh(*m_alicesMachine, m_aliceProject) || !m_alicesMachine->syncer().sync(m_aliceProject))
                return {};
            if (!Projects::ProjectImporter(carolsWorkspace.db()).refreshProject(carolsProject, {}))
                return {};
            Result<SyncReport> carols = carolSyncs();
            return carols && carols->conflicts.size() == 1 ? carols->conflicts.first() : QString();
        };

        // Mine: Carol keeps hers, under the file's name, for everyone.
        const QString readmeCopy = overlap(QStringLiteral("README.md"));
        QVERIFY(readmeCopy.startsWith(QStringLiteral("README (conflict, Carol, ")));
        Result<QList<Conflicts::Copy>> listed = Conflicts::list(carolsWorkspace.db(), carolsProject);
        REALM_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().path, QStringLiteral("README.md"));
        QCOMPARE(listed->first().copyPath, readmeCopy);
        QCOMPARE(listed->first().who, QStringLiteral("Carol"));
        REALM_VERIFY_OK(Conflicts::resolve(carolsWorkspace.db(), carolsProject, QStringLiteral("README.md"), Conflicts::Keep::Mine));
        QVERIFY(!QFile::exists(folder + QLatin1Char('/') + readmeCopy));
        const Projects::ProjectVersion settled = Projects::ProjectHistory(carolsWorkspace.db()).versions(carolsProject)->last();
        QCOMPARE(settled.kind, QStringLiteral("resolve"));
        // Settled here: a change of this machine's, as a refresh is.
        QCOMPARE(Test::scalar(carolsWorkspace.db(), QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'project_versions' AND row_key = '%1'")
                                                       .arg(settled.id)),
                 1);
        QCOMPARE(settled.changed, 1); // README.md
        QCOMPARE(settled.removed, 1); // the copy
        REALM_VERIFY_OK(carolSyncs());
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(filesOf(*m_alicesMachine, m_aliceProject).value(QStringLiteral("README.md")), sha("Carol's line\n"));
        QVERIFY(!filesOf(*m_alicesMachine, m_aliceProject).contains(readmeCopy));
        QCOMPARE(Test::filesUnder(m_alicesMachine->folder.path()), serverFiles());
        QCOMPARE(Test::filesUnder(folder), serverFiles());

        // Both: Alice keeps Carol's copy beside hers, renamed.
        const QString appCopy = overlap(QStringLiteral("src/app.js"));
        QVERIFY(!appCopy.isEmpty());
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject)); // brings the copy
        // Alice merges by hand first: "mine" would overwrite that.
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/app.js"), "Alice's merge\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<QString> overwriting = Conflicts::resolve(m_alicesMachine->db(), m_aliceProject, appCopy, Conflicts::Keep::Mine);
        QVERIFY(!overwriting);
        QCOMPARE(overwriting.error().code, Error::Code::Conflict);
        QCOMPARE(Test::filesUnder(m_alicesMachine->folder.path()).value(QStringLiteral("src/app.js")), sha("Alice's merge\n"));
        Result<QString> both = Conflicts::resolve(m_alicesMachine->db(), m_aliceProject, appCopy, Conflicts::Keep::Both);
        REALM_VERIFY_OK(both);
        const QString kept = QString(appCopy).replace(QStringLiteral("(conflict, "), QStringLiteral("("));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(carolSyncs());
        for (const QMap<QString, QString> &files : {filesOf(*m_alicesMachine, m_aliceProject), Test::filesUnder(folder), serverFiles()}) {
            QCOMPARE(files.value(QStringLiteral("src/app.js")), sha("Alice's merge\n"));
            QCOMPARE(files.value(kept), sha("Carol's line\n"));
            QVERIFY(!files.contains(appCopy));
        }

        // Theirs, after an edit of the copy in the folder: refresh first.
        const QString styleCopy = overlap(QStringLiteral("src/style.css"));
        QVERIFY(!styleCopy.isEmpty());
        Test::writeFile(folder, styleCopy, "edited in the folder\n");
        Result<QString> refused = Conflicts::resolve(carolsWorkspace.db(), carolsProject, QStringLiteral("src/style.css"), Conflicts::Keep::Theirs);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        QVERIFY(QFile::exists(folder + QLatin1Char('/') + styleCopy));
        REALM_VERIFY_OK(Projects::ProjectImporter(carolsWorkspace.db()).refreshProject(carolsProject, {}));
        REALM_VERIFY_OK(Conflicts::resolve(carolsWorkspace.db(), carolsProject, QStringLiteral("src/style.css"), Conflicts::Keep::Theirs));
        REALM_VERIFY_OK(carolSyncs());
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(filesOf(*m_alicesMachine, m_aliceProject), serverFiles());
        QCOMPARE(serverFiles().value(QStringLiteral("src/style.css")), sha("Alice's line\n"));
        QVERIFY(!serverFiles().contains(styleCopy));
        QVERIFY(Conflicts::list(carolsWorkspace.db(), carolsProject)->isEmpty());
        QVERIFY(Conflicts::list(m_alicesMachine->db(), m_aliceProject)->isEmpty());
        QVERIFY(!Conflicts::resolve(carolsWorkspace.db(), carolsProject, QStringLiteral("src/style.css"), Conflicts::Keep::Theirs));
    }
};

QTEST_GUILESS_MAIN(TestProjectSyncer)
#include "tst_projectsyncer.moc"
