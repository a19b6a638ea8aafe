// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's side of sync against a real realm-server on 127.0.0.1:
// Alice shares a project from Team → Share Project and gives Bob a role,
// Bob clones it from Team → Server Projects into a folder, a change Alice
// sends reaches Bob's workspace and folder by itself (the event socket's
// poke), the badges follow, and a conflict is resolved in the Conflicts
// view. Logins go to in-memory secret stores (the keychain: tst_cliserver).
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "secrets/memorysecretstore.h"
#include "desksignin.h"
#include "screenshot.h"
#include "serverprocess.h"
#include "chat/chatpanel.h"
#include "chat/conversationstore.h"
#include "mainwindow/mainwindow.h"
#include "projects/projectlistmodel.h"
#include "team/conflictsdialog.h"
#include "editor/editorarea.h"
#include "codeview/codeview.h"
#include "team/teamactions.h"
#include "team/serverprojectsdialog.h"
#include "team/sharedialog.h"
#include "docs/docspanel.h"
#include "jobs/exportdialog.h"
#include "search/searchpanel.h"
#include "syncclient/contents.h"
#include "chat/providerstore.h"
#include "projects/folderwatch.h"
#include "team/synccontroller.h"
#include "sync/syncprotocol.h"
#include "teamclient/eventsclient.h"
#include "teamclient/serveraccount.h"
#include "teamclient/serverclient.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Test;
using Realm::SyncClient::SyncInput;
using Realm::Ui::SyncBadge;
using Realm::Ui::SyncController;

namespace {

const QByteArray kPassword = "a long enough passphrase";

// Someone at their desk: a workspace, a login kept in memory, and the
// desktop's sync controller.
struct Desk {
    TestWorkspace workspace;
    QTemporaryDir home;
    Secrets::MemorySecretStore secrets;
    TeamClient::ServerClient client{&secrets};
    std::unique_ptr<SyncController> sync;

    QString folder(const QString &name) const { return home.filePath(name); }
};

QByteArray projectFile(const Storage::DatabasePtr &db, const QString &projectId, const QString &path)
{
    Projects::ProjectStore store(db);
    Result<Projects::ProjectFile> file = store.file(projectId, path);
    if (!file)
        return {};
    Result<QByteArray> content = store.content(*file);
    return content ? *content : QByteArray();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Waits for the controller to finish whatever it runs now and what waits,
// and for the standing it reads afterwards.
bool settle(SyncController &sync)
{
    if (!QTest::qWaitFor([&sync] { return !sync.isBusy(); }, 60000))
        return false;
    QSignalSpy changed(&sync, &SyncController::statusesChanged);
    sync.reload();
    return changed.wait(10000);
}

} // namespace

class tst_TeamSync final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Desk> m_alice;
    std::unique_ptr<Desk> m_bob;
    QString m_aliceProject;
    QString m_bobProject;

    bool signIn(Desk &desk, const QString &email) { return signInDesk(desk.client, m_server->url(), email, kPassword); }

    SyncBadge::Kind badgeOf(const Desk &desk, const QString &projectId)
    {
        return desk.sync->badges().value(projectId, SyncBadge{.kind = SyncBadge::Kind::Unshared, .text = {}, .details = {}}).kind;
    }


private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        TeamClient::ServerAccount::forget();
        QString why;
        std::optional<TeamOnServer> team = startTeam(m_folder, {QStringLiteral("Alice"), QStringLiteral("Bob")}, kPassword, QStringLiteral("Acme"), &why);
        QVERIFY2(team, qPrintable(why));
        m_server = std::move(team->server);
        m_alice = std::make_unique<Desk>();
        m_bob = std::make_unique<Desk>();
        QVERIFY(signIn(*m_alice, QStringLiteral("alice@example.org")));
        QVERIFY(signIn(*m_bob, QStringLiteral("bob@example.org")));

        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("README.md"), "# Rocket\n");
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("src/main.cpp"), "int main()\n{\n    return 0;\n}\n");
        Projects::ImportOptions options;
        options.name = QStringLiteral("rocket");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_alice->workspace.db()).importProject(m_alice->folder(QStringLiteral("rocket")), options);
        REALM_VERIFY_OK(imported);
        m_aliceProject = imported->project.id;
        m_alice->sync = std::make_unique<SyncController>(m_alice->workspace.db(), &m_alice->client);
        m_bob->sync = std::make_unique<SyncController>(m_bob->workspace.db(), &m_bob->client);
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_bob.reset();
        TeamClient::ServerAccount::forget();
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aliceSharesAndGivesBobARole()
    {
        Ui::ShareDialog dialog(m_alice->sync.get(), &m_alice->client, m_aliceProject, QStringLiteral("rocket"));
        QSignalSpy loaded(&dialog, &Ui::ShareDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(20000));
        auto *orgs = dialog.findChild<QComboBox *>(QStringLiteral("shareOrg"));
        QCOMPARE(orgs->count(), 1);
        QCOMPARE(orgs->currentText(), QStringLiteral("Acme"));
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("share-dialog.png")));

        QSignalSpy shared(&dialog, &Ui::ShareDialog::shared);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("shareButton")), Qt::LeftButton);
        QVERIFY(shared.wait(60000));
        const QString serverProjectId = shared.first().first().toString();
        QVERIFY(!serverProjectId.isEmpty());
        // The members page follows once the controller has read the link.
        auto *members = dialog.findChild<QTreeWidget *>(QStringLiteral("shareMembers"));
        QVERIFY(QTest::qWaitFor([members] { return members->topLevelItemCount() == 1; }, 20000));
        QCOMPARE(members->topLevelItem(0)->text(0), QStringLiteral("alice@example.org"));
        QCOMPARE(members->topLevelItem(0)->text(2), QStringLiteral("admin"));

        dialog.findChild<QLineEdit *>(QStringLiteral("shareMember"))->setText(QStringLiteral("bob@example.org"));
        auto *role = dialog.findChild<QComboBox *>(QStringLiteral("shareRole"));
        role->setCurrentIndex(role->findData(QStringLiteral("editor")));
        QSignalSpy given(&dialog, &Ui::ShareDialog::roleGiven);
        QSignalSpy failed(&dialog, &Ui::ShareDialog::failed);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("shareGive")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !given.isEmpty() || !failed.isEmpty(); }, 20000));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(QTest::qWaitFor([members] { return members->topLevelItemCount() == 2; }, 20000));
        QStringList rows;
        for (int i = 0; i < members->topLevelItemCount(); ++i)
            rows << members->topLevelItem(i)->text(0) + QLatin1Char('|') + members->topLevelItem(i)->text(2);
        rows.sort();
        QCOMPARE(rows, (QStringList{QStringLiteral("alice@example.org|admin"), QStringLiteral("bob@example.org|editor")}));
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("share-dialog-members.png")));

        QCOMPARE(badgeOf(*m_alice, m_aliceProject), SyncBadge::Kind::Synced);
        QCOMPARE(m_alice->sync->badges().value(m_aliceProject).text, QStringLiteral("Synced"));
    }

    void bobClonesFromServerProjects()
    {
        Ui::ServerProjectsDialog dialog(m_bob->sync.get(), &m_bob->client);
        QSignalSpy loaded(&dialog, &Ui::ServerProjectsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(20000));
        auto *projects = dialog.findChild<QTreeWidget *>(QStringLiteral("serverProjects"));
        QCOMPARE(projects->topLevelItemCount(), 1);
        QCOMPARE(projects->topLevelItem(0)->text(0), QStringLiteral("rocket"));
        QCOMPARE(projects->topLevelItem(0)->text(1), QStringLiteral("Acme"));
        QCOMPARE(projects->topLevelItem(0)->text(2), QStringLiteral("editor"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("cloneName"))->text(), QStringLiteral("rocket"));
        dialog.findChild<QLineEdit *>(QStringLiteral("cloneCheckout"))->setText(m_bob->folder(QStringLiteral("rocket")));
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("server-projects.png")));

        QSignalSpy cloned(&dialog, &Ui::ServerProjectsDialog::cloned);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("cloneButton")), Qt::LeftButton);
        QVERIFY(cloned.wait(60000));
        m_bobProject = cloned.first().first().toString();
        QCOMPARE(projectPaths(m_bob->workspace.db(), m_bobProject), projectPaths(m_alice->workspace.db(), m_aliceProject));
        QCOMPARE(readFile(m_bob->folder(QStringLiteral("rocket/src/main.cpp"))), QByteArray("int main()\n{\n    return 0;\n}\n"));
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(badgeOf(*m_bob, m_bobProject), SyncBadge::Kind::Synced);

        // Listed again, the project says it is here.
        Ui::ServerProjectsDialog again(m_bob->sync.get(), &m_bob->client);
        QSignalSpy loadedAgain(&again, &Ui::ServerProjectsDialog::loaded);
        QVERIFY(loadedAgain.wait(20000));
        QCOMPARE(again.findChild<QTreeWidget *>(QStringLiteral("serverProjects"))->topLevelItem(0)->text(3), QStringLiteral("rocket"));
        QVERIFY(!again.findChild<QPushButton *>(QStringLiteral("cloneButton"))->isEnabled());
    }

    void alicesChangeReachesBobByItself()
    {
        QVERIFY(!m_bobProject.isEmpty());
        // Bob's desktop syncs on its own: it connects to the event socket
        // and pulls once connected.
        QSignalSpy live(m_bob->sync.get(), &SyncController::liveChanged);
        m_bob->sync->setAutomatic(true);
        QVERIFY(QTest::qWaitFor([&] { return m_bob->sync->isLive(); }, 20000));
        QVERIFY(settle(*m_bob->sync));

        // A refresh on Alice's side waits as a local change…
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("README.md"), "# Rocket\n\nNow with fins.\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(badgeOf(*m_alice, m_aliceProject), SyncBadge::Kind::Pending);
        QCOMPARE(m_alice->sync->badges().value(m_aliceProject).text, QStringLiteral("1 waiting"));

        // …until she syncs; then Bob's desktop hears of it and pulls, with
        // nobody asking on his side.
        QSignalSpy received(m_bob->sync.get(), &SyncController::projectsReceived);
        m_alice->sync->syncNow();
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(badgeOf(*m_alice, m_aliceProject), SyncBadge::Kind::Synced);
        QVERIFY(QTest::qWaitFor([&received] { return !received.isEmpty(); }, 20000));
        QCOMPARE(received.first().first().toStringList(), QStringList{m_bobProject});
        QCOMPARE(projectFile(m_bob->workspace.db(), m_bobProject, QStringLiteral("README.md")), QByteArray("# Rocket\n\nNow with fins.\n"));
        QCOMPARE(readFile(m_bob->folder(QStringLiteral("rocket/README.md"))), QByteArray("# Rocket\n\nNow with fins.\n"));
        m_bob->sync->setAutomatic(false);
        QVERIFY(!m_bob->sync->isLive());
        QVERIFY(settle(*m_bob->sync));
    }

    // What a poke starts, fed to Alice's controller as her event socket
    // would: the poke of her own push (her cursor has it) starts nothing; a
    // later change starts one sync; pokes during a sync wait for its end and
    // start another only if it did not reach them.
    void pokesStartOnlyTheSyncsNeeded()
    {
        QVERIFY(!m_bobProject.isEmpty());
        auto *events = m_alice->sync->findChild<TeamClient::EventsClient *>();
        QVERIFY(events);
        QVERIFY(settle(*m_alice->sync));
        const auto status = m_alice->sync->statusOf(m_aliceProject);
        QVERIFY(status);
        const QString serverProjectId = status->link.serverProjectId;
        const qint64 seq = Sync::Cursor::fromText(status->link.cursor)->seq;
        const QString epoch = Sync::Cursor::fromText(status->link.cursor)->epoch;
        QVERIFY(!epoch.isEmpty());
        QSignalSpy poked(m_alice->sync.get(), &SyncController::poked);
        QSignalSpy finished(m_alice->sync.get(), &SyncController::finished);

        emit events->projectChanged(serverProjectId, seq, epoch);
        QCOMPARE(poked.size(), 1);
        QCOMPARE(poked.last().at(1).toBool(), false);
        QVERIFY(!m_alice->sync->isBusy());
        // Another project's poke is none of hers.
        emit events->projectChanged(QStringLiteral("someone-elses"), seq + 10, epoch);
        QCOMPARE(poked.size(), 1);

        // Bob's change: news, one sync brings it.
        writeFile(m_bob->folder(QStringLiteral("rocket")), QStringLiteral("CHANGES.md"), "bob was here\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_bob->workspace.db()).refreshProject(m_bobProject, {}));
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        const qint64 bobsSeq = Sync::Cursor::fromText(m_bob->sync->statusOf(m_bobProject)->link.cursor)->seq;
        QVERIFY(bobsSeq > seq);
        emit events->projectChanged(serverProjectId, bobsSeq, epoch);
        QCOMPARE(poked.last().at(1).toBool(), true);
        QVERIFY(m_alice->sync->isBusy());
        // The same poke again while that sync runs starts nothing after it.
        emit events->projectChanged(serverProjectId, bobsSeq, epoch);
        QCOMPARE(poked.last().at(1).toBool(), false);
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(projectFile(m_alice->workspace.db(), m_aliceProject, QStringLiteral("CHANGES.md")), QByteArray("bob was here\n"));
        // A poke past what that sync reached: one more.
        emit events->projectChanged(serverProjectId, bobsSeq + 1, epoch);
        QVERIFY(m_alice->sync->isBusy());
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(finished.size(), 2);
        // A poke of another epoch (the server's database was restored) is
        // news whatever its seq.
        emit events->projectChanged(serverProjectId, 1, QStringLiteral("restored-epoch"));
        QCOMPARE(poked.last().at(1).toBool(), true);
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(finished.size(), 3);
    }

    void aConflictIsResolvedInTheConflictsView()
    {
        QVERIFY(!m_bobProject.isEmpty());
        // Both change the same line; Alice's arrives first.
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("src/main.cpp"), "int main()\n{\n    return 1;\n}\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        writeFile(m_bob->folder(QStringLiteral("rocket")), QStringLiteral("src/main.cpp"), "int main()\n{\n    return 2;\n}\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_bob->workspace.db()).refreshProject(m_bobProject, {}));
        m_alice->sync->syncNow();
        QVERIFY(settle(*m_alice->sync));
        QSignalSpy finished(m_bob->sync.get(), &SyncController::finished);
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(finished.size(), 1);
        const auto reports = finished.first().at(1).value<QList<SyncClient::SyncReport>>();
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().conflicts.size(), 1);
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(badgeOf(*m_bob, m_bobProject), SyncBadge::Kind::Conflicts);
        QVERIFY(m_bob->sync->badges().value(m_bobProject).text.startsWith(QLatin1String("1 conflict")));

        Ui::ConflictsDialog dialog(m_bob->workspace.db(), m_bobProject, QStringLiteral("rocket"));
        QSignalSpy loaded(&dialog, &Ui::ConflictsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(dialog.conflictCount(), 1);
        QVERIFY(dialog.findChild<QListWidget *>(QStringLiteral("conflictList"))->item(0)->text().startsWith(QLatin1String("src/main.cpp")));
        auto *theirs = dialog.findChild<QPlainTextEdit *>(QStringLiteral("conflictTheirs"));
        auto *mine = dialog.findChild<QPlainTextEdit *>(QStringLiteral("conflictMine"));
        QCOMPARE(theirs->toPlainText(), QStringLiteral("int main()\n{\n    return 1;\n}\n"));
        QCOMPARE(mine->toPlainText(), QStringLiteral("int main()\n{\n    return 2;\n}\n"));
        // Only the line they differ in is marked, on both sides.
        QCOMPARE(theirs->extraSelections().size(), 1);
        QCOMPARE(theirs->extraSelections().first().cursor.block().text(), QStringLiteral("    return 1;"));
        QCOMPARE(mine->extraSelections().size(), 1);
        QCOMPARE(mine->extraSelections().first().cursor.block().text(), QStringLiteral("    return 2;"));
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("conflicts-view.png")));

        QSignalSpy resolved(&dialog, &Ui::ConflictsDialog::resolved);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("keepMine")), Qt::LeftButton);
        QVERIFY(resolved.wait(20000));
        QVERIFY(QTest::qWaitFor([&dialog] { return dialog.conflictCount() == 0; }, 20000));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("keepMine"))->isEnabled());
        QCOMPARE(projectFile(m_bob->workspace.db(), m_bobProject, QStringLiteral("src/main.cpp")), QByteArray("int main()\n{\n    return 2;\n}\n"));
        QCOMPARE(readFile(m_bob->folder(QStringLiteral("rocket/src/main.cpp"))), QByteArray("int main()\n{\n    return 2;\n}\n"));

        // Bob's choice travels to Alice with the next syncs.
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        m_alice->sync->syncNow();
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(projectFile(m_alice->workspace.db(), m_aliceProject, QStringLiteral("src/main.cpp")), QByteArray("int main()\n{\n    return 2;\n}\n"));
        QCOMPARE(projectPaths(m_alice->workspace.db(), m_aliceProject), projectPaths(m_bob->workspace.db(), m_bobProject));
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(badgeOf(*m_bob, m_bobProject), SyncBadge::Kind::Synced);
    }

    // A teammate's conversation arrives by sync while Bob's chat panel shows
    // the project: reading the workspace again shows it.
    void aTeammatesConversationShowsInTheChatPanel()
    {
        QVERIFY(!m_bobProject.isEmpty());
        Secrets::MemorySecretStore noKeys;
        Ui::ChatPanel panel(m_bob->workspace.db(), &noKeys);
        panel.setProject(m_bobProject, QStringLiteral("rocket"));
        Chat::ConversationStore alices(m_alice->workspace.db());
        Result<Chat::Conversation> conversation = alices.create(QStringLiteral("Launch plan"), m_aliceProject);
        REALM_VERIFY_OK(conversation);
        Chat::Message question;
        question.conversationId = conversation->id;
        question.role = Chat::ChatMessage::Role::User;
        question.content = QStringLiteral("When do we launch?");
        REALM_VERIFY_OK(alices.append(question));
        m_alice->sync->syncNow();
        QVERIFY(settle(*m_alice->sync));
        QSignalSpy received(m_bob->sync.get(), &SyncController::projectsReceived);
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(received.size(), 1);

        QSignalSpy opened(&panel, &Ui::ChatPanel::conversationOpened);
        panel.reloadFromWorkspace();
        QVERIFY(QTest::qWaitFor([&] { return !opened.isEmpty() && opened.last().first().toString() == conversation->id; }, 10000));
    }

    // Presence: with live updates on, each desktop says which project is
    // open, and the status bar names the teammates who have it open too.
    void teammatesWithTheProjectOpenAreNamed()
    {
        QVERIFY(!m_bobProject.isEmpty());
        QMainWindow aliceWindow;
        auto *alice = new Ui::TeamActions(m_alice->workspace.db(), &m_alice->client, &aliceWindow);
        aliceWindow.statusBar()->addPermanentWidget(alice->presenceLabel());
        aliceWindow.statusBar()->addPermanentWidget(alice->statusLabel());
        aliceWindow.resize(700, 120);
        aliceWindow.show();
        alice->sync()->setAutomatic(true);
        QVERIFY(QTest::qWaitFor([&] { return alice->sync()->isLive(); }, 20000));
        alice->setProject(m_aliceProject, QStringLiteral("rocket"));
        QVERIFY(!alice->presenceLabel()->isVisible());

        auto bobWindow = std::make_unique<QWidget>();
        auto *bob = new Ui::TeamActions(m_bob->workspace.db(), &m_bob->client, bobWindow.get());
        bob->sync()->setAutomatic(true);
        QVERIFY(QTest::qWaitFor([&] { return bob->sync()->isLive(); }, 20000));
        bob->setProject(m_bobProject, QStringLiteral("rocket"));
        QVERIFY(QTest::qWaitFor([&] { return alice->presenceLabel()->text() == QLatin1String("Bob is here too"); }, 20000));
        QVERIFY(alice->presenceLabel()->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return bob->presenceLabel()->text() == QLatin1String("Alice is here too"); }, 20000));
        QCOMPARE(alice->presenceLabel()->toolTip(), QStringLiteral("Also has this project open: Bob"));
        // Laid out whole in the status bar, not cut short.
        QVERIFY(QTest::qWaitFor([&] { return alice->presenceLabel()->width() >= alice->presenceLabel()->sizeHint().width(); }, 5000));
        QVERIFY(Test::saveScreenshot(aliceWindow, QStringLiteral("presence.png")));

        // Alice signs out: nobody is known to be there any more; back in,
        // Bob is there again.
        std::optional<bool> signedOut;
        m_alice->client.logout([&signedOut](Result<void> done) { signedOut = bool(done); });
        QVERIFY(QTest::qWaitFor([&] { return signedOut.has_value(); }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return !alice->presenceLabel()->isVisible(); }, 20000));
        QVERIFY(signIn(*m_alice, QStringLiteral("alice@example.org")));
        QVERIFY(QTest::qWaitFor([&] { return alice->presenceLabel()->text() == QLatin1String("Bob is here too"); }, 20000));
        // Switching projects drops the names at once.
        alice->setProject(QString(), QString());
        QVERIFY(!alice->presenceLabel()->isVisible());
        alice->setProject(m_aliceProject, QStringLiteral("rocket"));
        QVERIFY(QTest::qWaitFor([&] { return alice->presenceLabel()->text() == QLatin1String("Bob is here too"); }, 20000));

        // Bob opens another project (none here): he is gone from Alice's bar.
        bob->setProject(QString(), QString());
        QVERIFY(QTest::qWaitFor([&] { return !alice->presenceLabel()->isVisible(); }, 20000));
        QVERIFY(alice->presenceLabel()->text().isEmpty());
        // Back, then his desktop closes: gone again.
        bob->setProject(m_bobProject, QStringLiteral("rocket"));
        QVERIFY(QTest::qWaitFor([&] { return alice->presenceLabel()->isVisible(); }, 20000));
        QVERIFY(settle(*bob->sync()));
        bobWindow.reset();
        QVERIFY(QTest::qWaitFor([&] { return !alice->presenceLabel()->isVisible(); }, 20000));
        alice->setProject(QString(), QString());
        QVERIFY(settle(*alice->sync()));
    }

    // Team → Cancel Sync (and the status bar's stop button) while a sync
    // runs: it stops, says so, and the change waits for the next sync.
    void aCancelledSyncLosesNothing()
    {
        QVERIFY(!m_aliceProject.isEmpty());
        QMainWindow window;
        auto *alice = new Ui::TeamActions(m_alice->workspace.db(), &m_alice->client, &window);
        window.statusBar()->addPermanentWidget(alice->statusLabel());
        window.statusBar()->addPermanentWidget(alice->cancelButton());
        window.resize(500, 100);
        window.show();
        QVERIFY(settle(*alice->sync()));
        const QList<QAction *> actions = alice->actions();
        const auto cancel = std::find_if(actions.begin(), actions.end(), [](QAction *action) { return action->objectName() == QLatin1String("cancelSync"); });
        QVERIFY(cancel != actions.end());
        QVERIFY(!(*cancel)->isEnabled());
        QVERIFY(!alice->cancelButton()->isVisible());

        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("LATER.md"), "sent later\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        QSignalSpy messages(alice, &Ui::TeamActions::message);
        QSignalSpy failed(alice->sync(), &SyncController::failed);
        // The sign-in's token is fetched first, over the network: the
        // cancel lands before the sync sends anything.
        alice->sync()->syncNow();
        QVERIFY(alice->sync()->isBusy());
        QVERIFY((*cancel)->isEnabled());
        QVERIFY(alice->cancelButton()->isVisible());
        QVERIFY(Test::saveScreenshot(window, QStringLiteral("cancel-sync.png")));
        QTest::mouseClick(alice->cancelButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 20000));
        QVERIFY(alice->sync()->wasCancelled());
        QCOMPARE(messages.last().first().toString(), QStringLiteral("Sync cancelled; changes not sent wait for the next sync."));
        QVERIFY(settle(*alice->sync()));
        QVERIFY(!alice->cancelButton()->isVisible());
        // Cancelled is not offline: the badge says the change waits.
        QCOMPARE(alice->sync()->badges().value(m_aliceProject).kind, SyncBadge::Kind::Pending);
        QCOMPARE(alice->sync()->statusOf(m_aliceProject)->pending, 1);
        // The next sync sends it.
        alice->sync()->syncNow();
        QVERIFY(settle(*alice->sync()));
        QCOMPARE(alice->sync()->badges().value(m_aliceProject).kind, SyncBadge::Kind::Synced);
        QCOMPARE(alice->sync()->statusOf(m_aliceProject)->pending, 0);
        QVERIFY(settle(*m_bob->sync));
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(projectFile(m_bob->workspace.db(), m_bobProject, QStringLiteral("LATER.md")), QByteArray("sent later\n"));
    }

    // An access token with most of its life ahead serves the next sync
    // and socket: the refresh token in the keychain is not rotated for
    // each. One the server refused is not offered again.
    void aKeptAccessTokenIsReusedUntilRefused()
    {
        const auto storedRefreshToken = [this] {
            std::optional<QString> token;
            m_bob->secrets.read(m_bob->client.account().secretKey(), this, [&token](Result<QString> read) { token = read ? *read : QString(); });
            [[maybe_unused]] const bool answered = QTest::qWaitFor([&token] { return token.has_value(); }, 5000);
            return token.value_or(QString());
        };
        const auto bearer = [this] {
            std::optional<Result<TeamClient::Credentials>> login;
            bool withinTheCall = true;
            m_bob->client.credentials([&](Result<TeamClient::Credentials> given) {
                QVERIFY(!withinTheCall); // never from within
                login = given;
            });
            withinTheCall = false;
            [[maybe_unused]] const bool answered = QTest::qWaitFor([&login] { return login.has_value(); }, 20000);
            return login && *login ? (*login)->bearer : QString();
        };
        const QString first = bearer();
        QVERIFY(!first.isEmpty());
        const QString refreshToken = storedRefreshToken();
        QVERIFY(!refreshToken.isEmpty());
        QCOMPARE(bearer(), first);
        QCOMPARE(storedRefreshToken(), refreshToken);
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        QCOMPARE(storedRefreshToken(), refreshToken);

        // Refused by the server: the next one is fresh, and the refresh
        // token rotates.
        m_bob->client.dropAccessToken();
        const QString fresh = bearer();
        QVERIFY(!fresh.isEmpty());
        // (The access token itself may come out the same within a second.)
        QVERIFY(storedRefreshToken() != refreshToken);
    }

    void aSyncWithoutSignInSaysSoAndKeepsTheChange()
    {
        QVERIFY(!m_aliceProject.isEmpty());
        Secrets::MemorySecretStore noSecrets;
        TeamClient::ServerAccount::forget();
        TeamClient::ServerClient signedOut(&noSecrets);
        SyncController sync(m_alice->workspace.db(), &signedOut);
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("NOTES.md"), "offline\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        QSignalSpy failed(&sync, &SyncController::failed);
        sync.syncNow();
        QVERIFY(QTest::qWaitFor([&failed] { return !failed.isEmpty(); }, 20000));
        QVERIFY2(failed.first().at(1).toString().contains(QLatin1String("Not signed in")), qPrintable(failed.first().at(1).toString()));
        QVERIFY(settle(sync));
        // The badge says the change waits, and why.
        const SyncBadge badge = sync.badges().value(m_aliceProject);
        QCOMPARE(badge.kind, SyncBadge::Kind::Failed);
        QVERIFY2(badge.text.startsWith(QLatin1String("Offline")), qPrintable(badge.text));
        QVERIFY2(badge.details.contains(QLatin1String("Not signed in")), qPrintable(badge.details));
    }

    void theProjectListWearsTheBadges()
    {
        QVERIFY(!m_bobProject.isEmpty());
        TeamClient::ServerAccount::forget();
        Ui::MainWindow window(m_bob->workspace.db());
        QSignalSpy filesLoaded(&window, &Ui::MainWindow::filesLoaded);
        window.resize(1100, 700);
        window.show();
        auto *list = window.findChild<QListView *>(QStringLiteral("projectList"));
        QVERIFY(list);
        // Bob's clone is synced; the list says so beside its name.
        QVERIFY(QTest::qWaitFor([list] { return list->model()->rowCount() == 1 && list->model()->index(0, 0).data(Ui::ProjectListModel::SyncRole).toString() == QLatin1String("Synced"); },
                                10000));
        QCOMPARE(list->model()->index(0, 0).data(Ui::ProjectListModel::SyncKindRole).toInt(), int(SyncBadge::Kind::Synced));
        QVERIFY(list->model()->index(0, 0).data(Qt::ToolTipRole).toString().contains(m_server->url()));
        // Signed out, a sync cannot start: the menu says so by being off.
        const QList<QAction *> team = window.teamActions()->actions();
        const auto syncNow = std::find_if(team.begin(), team.end(), [](QAction *action) { return action->objectName() == QLatin1String("syncNow"); });
        QVERIFY(syncNow != team.end());
        QVERIFY(!(*syncNow)->isEnabled());
        QVERIFY(!filesLoaded.isEmpty() || filesLoaded.wait(10000));
        QVERIFY(Test::saveScreenshot(window, QStringLiteral("main-window-sync.png")));
    }

    // A share whose answer never came (its link waits in state creating,
    // under the id this machine chose): the dialog says so, and sharing
    // again finishes it under that id.
    void anUnfinishedShareIsFinishedUnderItsId()
    {
        writeFile(m_alice->folder(QStringLiteral("moon")), QStringLiteral("moon.txt"), "craters\n");
        Projects::ImportOptions options;
        options.name = QStringLiteral("moon");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_alice->workspace.db()).importProject(m_alice->folder(QStringLiteral("moon")), options);
        REALM_VERIFY_OK(imported);
        std::optional<Result<QJsonObject>> acme;
        m_alice->client.call("GET", QStringLiteral("/orgs/Acme"), {}, [&acme](Result<QJsonObject> org) { acme = org; });
        QVERIFY(QTest::qWaitFor([&acme] { return acme.has_value(); }, 20000));
        REALM_VERIFY_OK(*acme);
        SyncClient::Link link;
        link.projectId = imported->project.id;
        link.server = m_server->url();
        link.serverProjectId = QStringLiteral("0192f0c1-7c3a-7b1e-9f00-00000000a00e");
        link.orgId = (*acme)->value(QStringLiteral("id")).toString();
        link.clientId = QStringLiteral("0192f0c1-7c3a-7b1e-9f00-00000000c11e");
        link.state = SyncClient::Link::State::Creating;
        REALM_VERIFY_OK(SyncClient::SyncState::addLink(m_alice->workspace.db()->handle(), link));
        QVERIFY(settle(*m_alice->sync));

        Ui::ShareDialog dialog(m_alice->sync.get(), &m_alice->client, imported->project.id, QStringLiteral("moon"));
        QSignalSpy loaded(&dialog, &Ui::ShareDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(20000));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("shareButton"))->isEnabled());
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) { return label->text().contains(QStringLiteral("did not finish")); }));
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("share-dialog-unfinished.png")));

        QSignalSpy shared(&dialog, &Ui::ShareDialog::shared);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("shareButton")), Qt::LeftButton);
        QVERIFY(shared.wait(60000));
        QCOMPARE(shared.first().first().toString(), link.serverProjectId);
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(badgeOf(*m_alice, imported->project.id), SyncBadge::Kind::Synced);
    }

    // Bob turns Team → Update Project Folder off: Alice's change reaches his
    // project and not his folder; turned on again, the folder gets it.
    void bobLeavesHisFolderAsItIs()
    {
        QVERIFY(!m_bobProject.isEmpty());
        QVERIFY(settle(*m_bob->sync));
        QMainWindow window;
        auto *bob = new Ui::TeamActions(m_bob->workspace.db(), &m_bob->client, &window);
        window.resize(700, 400);
        window.show();
        QSignalSpy messages(bob, &Ui::TeamActions::message);
        // The switch runs while the window's refreshes wait, as they do for an import.
        auto *watch = new Ui::FolderWatch(m_bob->workspace.db(), &window);
        bob->setFolderWatch(watch);
        bob->setProject(m_bobProject, QStringLiteral("rocket"));
        const QList<QAction *> actions = bob->actions();
        const auto found = std::find_if(actions.begin(), actions.end(), [](QAction *action) { return action->objectName() == QLatin1String("folderUpdates"); });
        QVERIFY(found != actions.end());
        QAction *updates = *found;
        QVERIFY(QTest::qWaitFor([&] { return updates->isEnabled(); }, 20000));
        QVERIFY(updates->isChecked());
        updates->trigger(); // off
        QVERIFY(!updates->isEnabled()); // until it is done
        QVERIFY(QTest::qWaitFor([&] { return updates->isEnabled() && !updates->isChecked(); }, 20000));
        QVERIFY(!watch->isGivingWay()); // its refreshes resumed
        QVERIFY(messages.size() >= 1);
        QVERIFY2(messages.last().first().toString().contains(QStringLiteral("left as it is")), qPrintable(messages.last().first().toString()));
        QMenu team;
        team.addActions(actions);
        team.popup(window.geometry().center());
        QVERIFY(Test::saveScreenshot(team, QStringLiteral("folder-updates.png")));
        team.hide();

        // Alice's change reaches Bob's project, not his folder.
        const QString bobsFile = m_bob->folder(QStringLiteral("rocket/src/main.cpp"));
        const QByteArray bobsCopy = readFile(bobsFile);
        QVERIFY(!bobsCopy.isEmpty());
        const QByteArray alices = "int main() { return 42; }\n";
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("src/main.cpp"), alices);
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        m_alice->sync->syncNow({m_aliceProject});
        QVERIFY(settle(*m_alice->sync));
        bob->sync()->syncNow({m_bobProject});
        QVERIFY(settle(*bob->sync()));
        QCOMPARE(projectFile(m_bob->workspace.db(), m_bobProject, QStringLiteral("src/main.cpp")), alices);
        QCOMPARE(readFile(bobsFile), bobsCopy);

        // On again: his folder gets it.
        updates->trigger();
        QVERIFY(QTest::qWaitFor([&] { return updates->isEnabled() && updates->isChecked(); }, 20000));
        QCOMPARE(readFile(bobsFile), alices);
        QVERIFY2(messages.last().first().toString().contains(QStringLiteral("gets the team's changes again")), qPrintable(messages.last().first().toString()));
        QVERIFY(settle(*bob->sync()));
        QCOMPARE(bob->sync()->badges().value(m_bobProject).kind, SyncBadge::Kind::Synced);
    }

    // Bob on his laptop clones rocket downloading contents only when
    // needed: a file he opens is downloaded first, then shown, and so is
    // a teammate's change to it; turned off, the rest arrive with the next
    // sync.
    void aLazyCloneOpensAFileOnceDownloaded()
    {
        Desk laptop;
        QVERIFY(signIn(laptop, QStringLiteral("bob@example.org")));
        laptop.sync = std::make_unique<SyncController>(laptop.workspace.db(), &laptop.client);
        QString projectId;
        {
            Ui::ServerProjectsDialog dialog(laptop.sync.get(), &laptop.client);
            QSignalSpy loaded(&dialog, &Ui::ServerProjectsDialog::loaded);
            dialog.show();
            QVERIFY(loaded.wait(20000));
            auto *lazy = dialog.findChild<QCheckBox *>(QStringLiteral("cloneLazily"));
            QVERIFY(lazy && lazy->isEnabled());
            auto *checkout = dialog.findChild<QLineEdit *>(QStringLiteral("cloneCheckout"));
            lazy->setChecked(true);
            checkout->setText(laptop.folder(QStringLiteral("rocket"))); // a folder holds every file
            QVERIFY(!lazy->isEnabled() && !lazy->isChecked());
            checkout->clear();
            QVERIFY(lazy->isEnabled());
            lazy->setChecked(true);
            QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("server-projects-lazy.png")));
            QSignalSpy cloned(&dialog, &Ui::ServerProjectsDialog::cloned);
            QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("cloneButton")), Qt::LeftButton);
            QVERIFY(cloned.wait(60000));
            projectId = cloned.first().first().toString();
        }
        QCOMPARE(projectPaths(laptop.workspace.db(), projectId), projectPaths(m_alice->workspace.db(), m_aliceProject));
        Projects::ProjectStore store(laptop.workspace.db());
        Result<Projects::ProjectFile> main = store.file(projectId, QStringLiteral("src/main.cpp"));
        REALM_VERIFY_OK(main);
        QVERIFY(!main->downloaded);

        // Wired as the window wires them.
        QMainWindow window;
        auto *team = new Ui::TeamActions(laptop.workspace.db(), &laptop.client, &window);
        auto *editor = new Ui::EditorArea(laptop.workspace.db());
        window.setCentralWidget(editor);
        connect(editor, &Ui::EditorArea::contentsNeeded, team, &Ui::TeamActions::downloadAndOpen);
        connect(team, &Ui::TeamActions::openFileRequested, editor, &Ui::EditorArea::openFile);
        connect(editor, &Ui::EditorArea::contentsWanted, team, &Ui::TeamActions::download);
        connect(team, &Ui::TeamActions::projectsReceived, editor, [editor](const QStringList &ids) {
            for (const QString &id : ids)
                editor->reloadProject(id);
        });
        window.resize(900, 500);
        window.show();
        team->setProject(projectId, QStringLiteral("rocket"));
        const QList<QAction *> actions = team->actions();
        const auto found = std::find_if(actions.begin(), actions.end(), [](QAction *action) { return action->objectName() == QLatin1String("lazyContents"); });
        QVERIFY(found != actions.end());
        QAction *lazyContents = *found;
        QVERIFY(QTest::qWaitFor([&] { return lazyContents->isEnabled() && lazyContents->isChecked(); }, 20000));

        editor->openFile(projectId, QStringLiteral("src/main.cpp"), 1);
        QVERIFY(QTest::qWaitFor([&] { return editor->openTabCount() == 1 && editor->currentCodeView() && !editor->currentCodeView()->isLoading(); }, 60000));
        QCOMPARE(editor->currentCodeView()->toPlainText().toUtf8(), projectFile(m_alice->workspace.db(), m_aliceProject, QStringLiteral("src/main.cpp")));
        QVERIFY(Test::saveScreenshot(window, QStringLiteral("lazy-file-opened.png")));
        Result<Projects::ProjectFile> readme = store.file(projectId, QStringLiteral("README.md"));
        REALM_VERIFY_OK(readme);
        QVERIFY(!readme->downloaded);

        // Alice changes it: the open tab shows her change once downloaded.
        const QByteArray alices = "int main() { return 7; }\n";
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("src/main.cpp"), alices);
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        m_alice->sync->syncNow({m_aliceProject});
        QVERIFY(settle(*m_alice->sync));
        team->sync()->syncNow({projectId});
        QVERIFY(QTest::qWaitFor([&] { return editor->currentCodeView()->toPlainText().toUtf8() == alices; }, 60000));

        QMenu menu;
        menu.addActions(actions);
        menu.popup(window.geometry().center());
        QVERIFY(Test::saveScreenshot(menu, QStringLiteral("lazy-contents-menu.png")));
        menu.hide();

        // Off: what is missing comes now.
        QSignalSpy messages(team, &Ui::TeamActions::message);
        lazyContents->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !lazyContents->isChecked() && !team->sync()->isBusy() && projectFile(laptop.workspace.db(), projectId, QStringLiteral("README.md"))
                                                       == projectFile(m_alice->workspace.db(), m_aliceProject, QStringLiteral("README.md")); },
                                60000));
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const QList<QVariant> &m) { return m.first().toString().contains(QStringLiteral("downloads every file's contents")); }));
    }

    // An export and docs of a lazy clone download what they read first, in
    // their own progress line; Cancel before then downloads nothing.
    void aLazyCloneDownloadsBeforeAnExportAndDocs()
    {
        Desk laptop;
        QVERIFY(signIn(laptop, QStringLiteral("bob@example.org")));
        laptop.sync = std::make_unique<SyncController>(laptop.workspace.db(), &laptop.client);
        const std::optional<SyncClient::ProjectSyncStatus> alices = m_alice->sync->statusOf(m_aliceProject);
        QVERIFY(alices);
        QSignalSpy cloned(laptop.sync.get(), &SyncController::finished);
        laptop.sync->clone(alices->link.serverProjectId, QStringLiteral("rocket"), {}, SyncClient::Link::Contents::Lazy);
        QVERIFY(settle(*laptop.sync));
        QCOMPARE(cloned.size(), 1);
        const QString projectId = cloned.first().at(1).value<QList<SyncClient::SyncReport>>().first().projectId;
        Projects::ProjectStore store(laptop.workspace.db());
        const auto downloaded = [&](const QString &path) {
            Result<Projects::ProjectFile> file = store.file(projectId, path);
            return file && file->downloaded;
        };
        QVERIFY(!downloaded(QStringLiteral("src/main.cpp")));
        const QString badgeDetails = laptop.sync->badges().value(projectId).details;
        QVERIFY2(badgeDetails.contains(QStringLiteral("not downloaded yet: each downloads when opened.")), qPrintable(badgeDetails));

        // Search says what it could not read.
        Ui::SearchPanel search(laptop.workspace.db());
        search.setCurrentProject(projectId);
        search.resize(640, 240);
        search.show();
        QSignalSpy searched(&search, &Ui::SearchPanel::searchFinished);
        search.setQuery(QStringLiteral("main"));
        search.runNow();
        QVERIFY(searched.wait(20000));
        QCOMPARE(searched.first().first().toLongLong(), 0);
        auto *status = search.findChild<QLabel *>(QStringLiteral("searchStatus"));
        QVERIFY(status);
        Result<std::optional<SyncClient::ContentsState>> contents = SyncClient::contentsState(laptop.workspace.db(), projectId);
        QVERIFY(contents && *contents && (*contents)->notDownloaded > 0);
        QVERIFY2(status->text().contains(QStringLiteral("(%1 file(s) not downloaded to this machine were not searched.)").arg((*contents)->notDownloaded)),
                 qPrintable(status->text()));
        QVERIFY(Test::saveScreenshot(search, QStringLiteral("search-not-downloaded.png")));

        Ui::ExportDialog dialog(laptop.workspace.db(), projectId, QStringLiteral("rocket"));
        dialog.setSyncController(laptop.sync.get());
        dialog.show();
        const QString zip = laptop.folder(QStringLiteral("rocket.zip"));
        dialog.setTarget(zip);
        QSignalSpy exported(&dialog, &Ui::ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        dialog.reject(); // before the download starts
        QVERIFY(QTest::qWaitFor([&] { return !exported.isEmpty(); }, 20000));
        QCOMPARE(exported.takeFirst().first().toBool(), false);
        QVERIFY(!dialog.isRunning() && dialog.isVisible());
        QVERIFY2(dialog.statusLabel()->text().startsWith(QStringLiteral("Cancelled")), qPrintable(dialog.statusLabel()->text()));
        QVERIFY(!QFile::exists(zip));
        QVERIFY(!downloaded(QStringLiteral("src/main.cpp")));

        bool pictured = false;
        connect(laptop.sync.get(), &SyncController::progress, &dialog, [&] {
            if (!std::exchange(pictured, true))
                QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("export-downloading.png")));
        });
        dialog.startExport();
        QVERIFY(QTest::qWaitFor([&] { return !exported.isEmpty(); }, 60000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
        QVERIFY(QFile::exists(zip));
        QVERIFY(downloaded(QStringLiteral("src/main.cpp")) && downloaded(QStringLiteral("README.md")));

        // Alice's change arrives not downloaded; docs download it first.
        writeFile(m_alice->folder(QStringLiteral("rocket")), QStringLiteral("src/main.cpp"), "/** Lifts off. */\nint main() { return 1; }\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        m_alice->sync->syncNow({m_aliceProject});
        QVERIFY(settle(*m_alice->sync));
        laptop.sync->syncNow({projectId});
        QVERIFY(settle(*laptop.sync));
        QVERIFY(!downloaded(QStringLiteral("src/main.cpp")));
        Secrets::MemorySecretStore keys;
        Ui::DocsPanel docs(laptop.workspace.db(), Chat::ProviderStore(laptop.workspace.db(), &keys, &keys));
        docs.setSyncController(laptop.sync.get());
        docs.show();
        docs.setProject(projectId, QStringLiteral("rocket"));
        QSignalSpy generated(&docs, &Ui::DocsPanel::generated);
        QSignalSpy failed(&docs, &Ui::DocsPanel::failed);
        docs.generateApiReference();
        QVERIFY(QTest::qWaitFor([&] { return !generated.isEmpty() || !failed.isEmpty(); }, 60000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(downloaded(QStringLiteral("src/main.cpp")));
        QVERIFY(QTest::qWaitFor([&] { return docs.preview()->toPlainText().contains(QStringLiteral("Lifts off.")); }, 20000));

        // A download's Cancel drops that download alone: a sync in line stays.
        QSignalSpy ended(laptop.sync.get(), &SyncController::fetchEnded);
        QSignalSpy synced(laptop.sync.get(), &SyncController::finished);
        laptop.sync->syncNow({projectId});
        QVERIFY(laptop.sync->isBusy());
        const quint64 fetchId = laptop.sync->fetch(projectId, {});
        laptop.sync->cancelFetch(fetchId);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(2).toBool(), false);
        QCOMPARE(ended.first().at(4).toULongLong(), fetchId);
        QVERIFY(settle(*laptop.sync));
        QCOMPARE(synced.size(), 1);
        QCOMPARE(synced.first().first().value<SyncClient::SyncInput::Action>(), SyncClient::SyncInput::Action::Sync);
    }

    // Alice deletes most of the project: Bob's desktop asks before the
    // deletions land there, keeps the files when told so (and does not ask
    // again until Sync Now), and deletes them when allowed.
    void bobIsAskedBeforeTheTeamsChangesDeleteMostFiles()
    {
        QVERIFY(!m_bobProject.isEmpty());
        QVERIFY(settle(*m_bob->sync));
        m_alice->sync->syncNow();
        QVERIFY(settle(*m_alice->sync));
        m_bob->sync->syncNow();
        QVERIFY(settle(*m_bob->sync));
        const QStringList before = projectPaths(m_bob->workspace.db(), m_bobProject);
        QVERIFY2(before.size() >= 3, qPrintable(before.join(QLatin1Char(' '))));
        QCOMPARE(before, projectPaths(m_alice->workspace.db(), m_aliceProject));
        const QString alices = m_alice->folder(QStringLiteral("rocket"));
        for (const QString &path : before)
            if (path != QLatin1String("README.md"))
                QVERIFY(QFile::remove(alices + QLatin1Char('/') + path));
        REALM_VERIFY_OK(Projects::ProjectImporter(m_alice->workspace.db()).refreshProject(m_aliceProject, {}));
        m_alice->sync->syncNow({m_aliceProject});
        QVERIFY(settle(*m_alice->sync));
        QCOMPARE(projectPaths(m_alice->workspace.db(), m_aliceProject), QStringList{QStringLiteral("README.md")});

        QMainWindow window;
        auto *bob = new Ui::TeamActions(m_bob->workspace.db(), &m_bob->client, &window);
        window.resize(700, 400);
        window.show();
        const auto question = [&window] { return window.findChild<QMessageBox *>(QStringLiteral("deletesHeld")); };
        bob->sync()->syncNow({m_bobProject});
        QVERIFY(QTest::qWaitFor([&] { return question() && question()->isVisible(); }, 60000));
        QVERIFY2(question()->text().contains(QStringLiteral("delete %1 file").arg(before.size() - 1)), qPrintable(question()->text()));
        QVERIFY(Test::saveScreenshot(*question(), QStringLiteral("deletes-held.png")));
        QVERIFY(settle(*bob->sync()));
        QCOMPARE(projectPaths(m_bob->workspace.db(), m_bobProject), before);
        QVERIFY(QFile::exists(m_bob->folder(QStringLiteral("rocket/src/main.cpp"))));
        QCOMPARE(bob->sync()->badges().value(m_bobProject).kind, SyncBadge::Kind::Failed);
        // In the desktop's words, not the command line's.
        const QString why = bob->sync()->badges().value(m_bobProject).details;
        QVERIFY2(why.contains(QStringLiteral("Sync Now asks again")) && !why.contains(QStringLiteral("realm-cli")), qPrintable(why));

        // Kept: the files stay, and the next sync does not ask again.
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("keepFiles")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !question(); }, 10000));
        QSignalSpy held(bob->sync(), &SyncController::deletesHeld);
        bob->sync()->syncNow({m_bobProject});
        QVERIFY(settle(*bob->sync()));
        QCOMPARE(held.size(), 1); // held again…
        QVERIFY(!question());      // …and not asked about
        QCOMPARE(projectPaths(m_bob->workspace.db(), m_bobProject), before);

        // Team → Sync Now asks again; allowed, the deletions land.
        const QList<QAction *> actions = bob->actions();
        const auto syncNow = std::find_if(actions.begin(), actions.end(), [](QAction *action) { return action->objectName() == QLatin1String("syncNow"); });
        QVERIFY(syncNow != actions.end());
        (*syncNow)->trigger();
        QVERIFY(QTest::qWaitFor([&] { return question() && question()->isVisible(); }, 60000));
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("deleteHere")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return projectPaths(m_bob->workspace.db(), m_bobProject).size() == 1; }, 60000));
        QVERIFY(settle(*bob->sync()));
        QCOMPARE(projectPaths(m_bob->workspace.db(), m_bobProject), QStringList{QStringLiteral("README.md")});
        QVERIFY(!QFile::exists(m_bob->folder(QStringLiteral("rocket/src/main.cpp"))));
        QVERIFY(QFile::exists(m_bob->folder(QStringLiteral("rocket/README.md"))));
        QCOMPARE(bob->sync()->badges().value(m_bobProject).kind, SyncBadge::Kind::Synced);
    }
};

QTEST_MAIN(tst_TeamSync)
#include "tst_teamsync.moc"
