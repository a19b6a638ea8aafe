// SPDX-License-Identifier: GPL-3.0-or-later
// A pull applies the server's list page by page (1,000 changes a page):
// each page lands, with its cursor, before the next is asked for; a reply
// whose message is on a later page waits for it; a pull that deletes most
// files is still counted whole before anything is deleted. Real workspaces
// (SQLite files) and a real server database (SQLite and PostgreSQL).
#include "chat/conversationstore.h"
#include "projects/projecthistory.h"
#include "storage/statement.h"
#include "syncclient/syncstate.h"
#include "teamfixture.h"
#include "verifyresult.h"

#include <QTest>

using namespace Realm;
using Realm::SyncClient::ProjectSyncer;
using Realm::SyncClient::SyncOptions;
using Realm::SyncClient::SyncReport;
using Realm::Test::Machine;

namespace {

// `count` files under `folder`, each its own content.
void writeFiles(Machine &machine, const QString &folder, int count)
{
    for (int i = 0; i < count; ++i)
        Test::writeFile(machine.folder.path(), QStringLiteral("%1/f%2.txt").arg(folder).arg(i), QStringLiteral("%1 %2\n").arg(folder).arg(i).toUtf8());
}

qint64 filesUnder(Machine &machine, const QString &projectId, const QString &folder)
{
    return Test::scalar(machine.db(), QStringLiteral("SELECT count(*) FROM files WHERE project_id = '%1' AND deleted_at IS NULL AND path LIKE '%2/%'")
                                          .arg(projectId, folder));
}

} // namespace

class TestPagedPull final : public QObject, public Test::TeamFixture {
    Q_OBJECT

private:
    qint64 cursorSeq(Machine &machine, const QString &projectId)
    {
        Result<std::optional<SyncClient::Link>> link = SyncClient::SyncState::link(machine.db()->handle(), projectId);
        if (!link || !*link)
            return -1;
        const std::optional<Sync::Cursor> cursor = Sync::Cursor::fromText((*link)->cursor);
        return cursor ? cursor->seq : -1;
    }

private slots:
    void init() { startTeam(); }
    void cleanup() { stopTeam(); }

    // The connection drops after the first page of 2,400 changes: what
    // that page brought stays, with a cursor past it, and the next sync
    // asks only for the rest.
    void eachPageLandsBeforeTheNextIsAskedFor()
    {
        writeFiles(*m_alicesMachine, QStringLiteral("gen"), 2400);
        REALM_VERIFY_OK(sendAlicesFolder());
        const qint64 before = cursorSeq(*m_bobsMachine, m_bobProject);

        m_bobsMachine->transport->pages = 0;
        m_bobsMachine->transport->pagesBeforeOffline = 1;
        Result<SyncReport> dropped = m_bobsMachine->syncer().sync(m_bobProject);
        QVERIFY(!dropped);
        QCOMPARE(dropped.error().code, Error::Code::Unavailable);
        QCOMPARE(m_bobsMachine->transport->pages, 1);
        const qint64 landed = filesUnder(*m_bobsMachine, m_bobProject, QStringLiteral("gen"));
        QVERIFY2(landed >= 990 && landed <= 1000, qPrintable(QString::number(landed))); // the page, less its version
        QVERIFY(cursorSeq(*m_bobsMachine, m_bobProject) >= before + 1000);

        m_bobsMachine->transport->offline = false;
        m_bobsMachine->transport->pagesBeforeOffline = -1;
        m_bobsMachine->transport->pages = 0;
        Result<SyncReport> rest = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(rest);
        QCOMPARE(rest->received, qint64(2400) - landed);
        QCOMPARE(m_bobsMachine->transport->pages, 2);
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
        // Alice's refresh holds what the first pull brought of it; the rest
        // came in a version of this copy's own pull (a version is finished
        // once its pull is), and replayed, the history gives the files.
        const QList<Projects::ProjectVersion> versions = *Projects::ProjectHistory(m_bobsMachine->db()).versions(m_bobProject);
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions.at(1).author, QStringLiteral("Alice"));
        QCOMPARE(versions.at(2).kind, QStringLiteral("sync"));
        const auto changed = [this](const QString &versionId) {
            return Test::scalar(m_bobsMachine->db(), QStringLiteral("SELECT count(*) FROM project_version_files WHERE version_id = '%1'").arg(versionId));
        };
        QCOMPARE(changed(versions.at(1).id), landed);
        QCOMPARE(changed(versions.at(2).id), qint64(2400) - landed);
    }

    // A reply comes early in the server's order and the message it replies
    // to late (edited since), a page later: the reply waits for it, so the
    // thread arrives whole.
    void aReplyWaitsForItsMessageOnALaterPage()
    {
        using Role = Chat::ChatMessage::Role;
        Chat::ConversationStore alices(m_alicesMachine->db());
        Result<Chat::Conversation> plan = alices.create(QStringLiteral("Plan"), m_aliceProject);
        REALM_VERIFY_OK(plan);
        Chat::Message question;
        question.conversationId = plan->id;
        question.role = Role::User;
        question.content = QStringLiteral("What does app.js do?");
        Result<Chat::Message> asked = alices.append(question);
        REALM_VERIFY_OK(asked);
        Chat::Message answer = question;
        answer.parentId = asked->id;
        answer.role = Role::Assistant;
        answer.content = QStringLiteral("It says hi.");
        Result<Chat::Message> answered = alices.append(answer);
        REALM_VERIFY_OK(answered);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        writeFiles(*m_alicesMachine, QStringLiteral("gen"), 1200);
        REALM_VERIFY_OK(sendAlicesFolder());
        Storage::Statement edit(m_alicesMachine->db()->handle(), "UPDATE messages SET content = 'What does app.js do, exactly?' WHERE id = ?");
        edit.bindAll(asked->id);
        REALM_VERIFY_OK(edit.exec(QStringLiteral("edit")));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));

        // A new member's clone lists the reply on the first page, the
        // question on the second.
        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!carol.projectId.isEmpty());
        QCOMPARE(carol.machine->transport->pages, 2);
        Result<QList<Chat::Message>> thread = Chat::ConversationStore(carol.machine->db()).thread(plan->id);
        REALM_VERIFY_OK(thread);
        QCOMPARE(thread->size(), 2);
        QCOMPARE(thread->first().content, QStringLiteral("What does app.js do, exactly?"));
        QCOMPARE(thread->last().content, QStringLiteral("It says hi."));
        QCOMPARE(thread->last().parentId, asked->id);
    }

    // The first page adds files, a later one deletes most of them: the
    // whole list is counted before anything is deleted, and the sync stops
    // (the first page's additions stay); allowed, everything lands.
    void aMassDeleteOnALaterPageIsCountedFirst()
    {
        writeFiles(*m_alicesMachine, QStringLiteral("old"), 1200);
        REALM_VERIFY_OK(sendAlicesFolder());
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(filesUnder(*m_bobsMachine, m_bobProject, QStringLiteral("old")), 1200);

        writeFiles(*m_alicesMachine, QStringLiteral("fresh"), 1000);
        REALM_VERIFY_OK(sendAlicesFolder());
        QVERIFY(QDir(m_alicesMachine->path(QStringLiteral("old"))).removeRecursively());
        REALM_VERIFY_OK(sendAlicesFolder());

        m_bobsMachine->transport->pages = 0;
        Result<SyncReport> stopped = m_bobsMachine->syncer().sync(m_bobProject);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, Error::Code::LimitExceeded);
        QVERIFY2(stopped.error().message.contains(QStringLiteral("would delete 1200")), qPrintable(stopped.error().message));
        QCOMPARE(m_bobsMachine->transport->pages, 3); // the first applied, then the rest listed
        QCOMPARE(filesUnder(*m_bobsMachine, m_bobProject, QStringLiteral("old")), 1200);
        QVERIFY(filesUnder(*m_bobsMachine, m_bobProject, QStringLiteral("fresh")) >= 990);

        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject, SyncOptions{.allowMassDelete = true}));
        QCOMPARE(filesUnder(*m_bobsMachine, m_bobProject, QStringLiteral("old")), 0);
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
    }

    // The server forgot a delete Bob never pulled, the last change Alice
    // made: his pull restarts a list of three pages, each cursor older than
    // that delete. It goes on to the end (it used to restart at each page,
    // for ever) and the forgotten delete lands.
    void aRestartLongerThanAPageFinishes()
    {
        writeFiles(*m_alicesMachine, QStringLiteral("gen"), 2400);
        REALM_VERIFY_OK(sendAlicesFolder());
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QVERIFY(QFile::remove(m_alicesMachine->path(QStringLiteral("src/style.css"))));
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<qint64> pruned = Test::forgetDeletes(m_server, *m_sync);
        REALM_VERIFY_OK(pruned);
        QCOMPARE(*pruned, qint64(1));

        m_bobsMachine->transport->pages = 0;
        m_bobsMachine->transport->pagesBeforeOffline = 10; // going round in circles fails
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(m_bobsMachine->transport->pages, 3); // the old cursor's answer is the list's first page
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
        QVERIFY(!filesOf(*m_bobsMachine, m_bobProject).contains(QStringLiteral("src/style.css")));
    }

    // The same restart, the delete made first and every file edited after
    // it; the connection drops after three groups of the list. Resumed, the
    // pull goes on from there (its cursor is past what the server forgot):
    // the files those groups brought are not counted as missing from the
    // list (that read as a mass delete), and only the forgotten delete lands.
    void anInterruptedRestartResumesWhereItStopped()
    {
        writeFiles(*m_alicesMachine, QStringLiteral("gen"), 2400);
        REALM_VERIFY_OK(sendAlicesFolder());
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QVERIFY(QFile::remove(m_alicesMachine->path(QStringLiteral("src/style.css"))));
        REALM_VERIFY_OK(sendAlicesFolder());
        // New contents everywhere, so each group of the restart downloads.
        for (int i = 0; i < 2400; ++i)
            Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("gen/f%1.txt").arg(i), QStringLiteral("edited, file number %1\n").arg(i).toUtf8());
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<qint64> pruned = Test::forgetDeletes(m_server, *m_sync);
        REALM_VERIFY_OK(pruned);
        QCOMPARE(*pruned, qint64(1));

        m_bobsMachine->transport->fetches = 0;
        m_bobsMachine->transport->fetchesBeforeOffline = 3;
        Result<SyncReport> dropped = m_bobsMachine->syncer().sync(m_bobProject);
        QVERIFY(!dropped);
        QCOMPARE(dropped.error().code, Error::Code::Unavailable);
        const qint64 edited = Test::scalar(m_bobsMachine->db(), QStringLiteral("SELECT count(*) FROM files WHERE project_id = '%1' AND deleted_at IS NULL "
                                                                               "AND path LIKE 'gen/%' AND size > 20")
                                                                    .arg(m_bobProject));
        QVERIFY2(edited > 1202, qPrintable(QString::number(edited))); // more than half the files came before the drop

        m_bobsMachine->transport->offline = false;
        m_bobsMachine->transport->fetchesBeforeOffline = -1;
        m_bobsMachine->transport->pages = 0;
        Result<SyncReport> resumed = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(resumed);
        QCOMPARE(m_bobsMachine->transport->pages, 1); // the rest, not the list again (three pages)
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
        QVERIFY(!filesOf(*m_bobsMachine, m_bobProject).contains(QStringLiteral("src/style.css")));
    }
};

QTEST_GUILESS_MAIN(TestPagedPull)
#include "tst_pagedpull.moc"
