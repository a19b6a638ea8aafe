// SPDX-License-Identifier: GPL-3.0-or-later
// Organizations' prompt templates on the desktop against a real
// realm-server on 127.0.0.1: Alice (Acme's owner) publishes one of her
// templates from the Prompts dialog's Share menu; Bob's desktop, live,
// receives it within moments (the event socket's poke) and shows it
// read-only; Alice withdraws it and it leaves Bob's list. The same for a
// documentation template, from the Documentation Templates dialog, and a
// project Alice saves as a starter template shared with Acme, which she
// withdraws and publishes again from New Project from Template. Logins go
// to in-memory secret stores.
#include "chat/promptsdialog.h"
#include "docs/docstore.h"
#include "docs/doctemplatesdialog.h"
#include "projects/newprojectdialog.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "projects/savetemplatedialog.h"
#include "starters/startertemplate.h"
#include "prompts/promptstore.h"
#include "secrets/memorysecretstore.h"
#include "desksignin.h"
#include "screenshot.h"
#include "serverprocess.h"
#include "team/orgtemplatesync.h"
#include "team/synccontroller.h"
#include "teamclient/serveraccount.h"
#include "teamclient/serverclient.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Test;
using Realm::Ui::DocTemplatesDialog;
using Realm::Ui::NewProjectDialog;
using Realm::Ui::OrgTemplateSync;
using Realm::Ui::PromptsDialog;
using Realm::Ui::SaveTemplateDialog;
using Realm::Ui::SyncController;

namespace {

const QByteArray kPassword = "a long enough passphrase";

struct Desk {
    TestWorkspace workspace;
    Secrets::MemorySecretStore secrets;
    TeamClient::ServerClient client{&secrets};
    std::unique_ptr<SyncController> sync;
};

// The dialog's row showing `text`, or -1.
template<typename Dialog>
int rowOf(const Dialog &dialog, const QString &text)
{
    for (int row = 0; row < dialog.list()->count(); ++row)
        if (dialog.list()->item(row)->text() == text)
            return row;
    return -1;
}

QStringList namesIn(const Storage::DatabasePtr &db)
{
    QStringList names;
    Result<QList<Prompts::PromptTemplate>> prompts = Prompts::PromptStore(db).list();
    if (prompts)
        for (const Prompts::PromptTemplate &prompt : std::as_const(*prompts))
            names.append(Prompts::qualifiedName(prompt));
    return names;
}

bool hasDocTemplate(const Storage::DatabasePtr &db, const QString &qualifiedName)
{
    Result<Docs::DocTemplate> found = Docs::DocStore(db).findTemplate(qualifiedName);
    return found && Docs::qualifiedName(*found) == qualifiedName;
}

QAction *menuAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class tst_TeamPrompts final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Desk> m_alice;
    std::unique_ptr<Desk> m_bob;

    bool signIn(Desk &desk, const QString &email) { return signInDesk(desk.client, m_server->url(), email, kPassword); }

    // Alice's Prompts dialog, loaded, with the Share menu ready.
    std::unique_ptr<PromptsDialog> alicesDialog()
    {
        auto dialog = std::make_unique<PromptsDialog>(m_alice->workspace.db());
        QSignalSpy loaded(dialog.get(), &PromptsDialog::loaded);
        if (!loaded.wait(10000))
            return nullptr;
        dialog->setSharing(m_alice->sync->orgTemplates());
        return dialog;
    }

    // Runs the Share menu's `text` for the dialog's `row`; the message it
    // ends with. (The Prompts, Documentation Templates or New Project from
    // Template dialog.)
    template<typename Dialog>
    QString share(Dialog &dialog, int row, const QString &text)
    {
        dialog.list()->setCurrentRow(row);
        if (!QTest::qWaitFor([&dialog] { return dialog.shareButton()->isEnabled(); }, 10000))
            return QStringLiteral("(Share stayed off)");
        std::unique_ptr<QMenu> menu(dialog.shareMenu());
        QAction *action = menuAction(menu.get(), text);
        if (!action)
            return QStringLiteral("(no menu item %1)").arg(text);
        QSignalSpy changed(&dialog, &Dialog::changed);
        QSignalSpy loaded(&dialog, &Dialog::loaded);
        action->trigger();
        auto *message = dialog.template findChild<QLabel *>(std::is_same_v<Dialog, PromptsDialog>        ? QStringLiteral("promptMessage")
                                                            : std::is_same_v<Dialog, DocTemplatesDialog> ? QStringLiteral("docTemplateMessage")
                                                                                                         : QStringLiteral("starterMessage"));
        // The list is read again, and then says what came of it.
        if (!QTest::qWaitFor([&] { return !changed.isEmpty() && !loaded.isEmpty(); }, 30000))
            return QStringLiteral("(no answer, or not read again: %1)").arg(message->text());
        return message->text();
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
        m_alice->sync = std::make_unique<SyncController>(m_alice->workspace.db(), &m_alice->client);
        m_bob->sync = std::make_unique<SyncController>(m_bob->workspace.db(), &m_bob->client);
        Prompts::PromptTemplate review;
        review.name = QStringLiteral("acme-review");
        review.title = QStringLiteral("Acme Review");
        review.description = QStringLiteral("Our checklist");
        review.body = QStringLiteral("Review {{selection}} against the Acme checklist.");
        REALM_VERIFY_OK(Prompts::PromptStore(m_alice->workspace.db()).save(review));
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_bob.reset();
        TeamClient::ServerAccount::forget();
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void alicePublishesAndBobReceivesItLive()
    {
        // Bob's desktop is live: it pulls when connected, then on pokes.
        m_bob->sync->setAutomatic(true);
        QVERIFY(QTest::qWaitFor([&] { return m_bob->sync->isLive(); }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return !m_bob->sync->orgTemplates()->isBusy(); }, 20000));
        QVERIFY(!namesIn(m_bob->workspace.db()).contains(QStringLiteral("Acme/acme-review")));
        QSignalSpy received(m_bob->sync->orgTemplates(), &OrgTemplateSync::received);

        std::unique_ptr<PromptsDialog> dialog = alicesDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->shareButton()->isVisibleTo(dialog.get()));
        const int mine = rowOf(*dialog, QStringLiteral("Acme Review"));
        QVERIFY(mine >= 0);
        const QString said = share(*dialog, mine, QStringLiteral("Publish to Acme"));
        QVERIFY2(said.startsWith(QStringLiteral("Published")), qPrintable(said));
        // Her list now has Acme's copy too, read-only.
        QVERIFY(QTest::qWaitFor([&] { return rowOf(*dialog, QStringLiteral("Acme Review (Acme)")) >= 0; }, 10000));

        // Nobody asks on Bob's side.
        QVERIFY(!received.isEmpty() || received.wait(20000)); // (it may have come while Alice's dialog waited)
        QVERIFY(namesIn(m_bob->workspace.db()).contains(QStringLiteral("Acme/acme-review")));
        Result<Prompts::PromptTemplate> his = Prompts::PromptStore(m_bob->workspace.db()).find(QStringLiteral("acme-review"));
        REALM_VERIFY_OK(his);
        QCOMPARE(his->body, QStringLiteral("Review {{selection}} against the Acme checklist."));
        QCOMPARE(his->orgName, QStringLiteral("Acme"));
    }

    void bobSeesItReadOnlyAndCannotShare()
    {
        PromptsDialog dialog(m_bob->workspace.db());
        QSignalSpy loaded(&dialog, &PromptsDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QSignalSpy known(&dialog, &PromptsDialog::sharingKnown);
        dialog.setSharing(m_bob->sync->orgTemplates());
        QVERIFY(known.wait(10000));
        dialog.resize(900, 560);
        dialog.show();
        const int row = rowOf(dialog, QStringLiteral("Acme Review (Acme)"));
        QVERIFY(row >= 0);
        dialog.list()->setCurrentRow(row);
        QVERIFY(dialog.findChild<QPlainTextEdit *>()->isReadOnly());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("promptMessage"))->text().contains(QStringLiteral("Acme's template")));
        // A member administers nothing: Share stays off, and Remove too.
        QVERIFY(!dialog.shareButton()->isEnabled());
        for (QPushButton *button : dialog.findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("&Remove"))
                QVERIFY(!button->isEnabled());
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("org-prompt-read-only.png")));
    }

    void aliceWithdrawsItAndItLeavesBobsList()
    {
        QSignalSpy received(m_bob->sync->orgTemplates(), &OrgTemplateSync::received);
        std::unique_ptr<PromptsDialog> dialog = alicesDialog();
        QVERIFY(dialog);
        const int shared = rowOf(*dialog, QStringLiteral("Acme Review (Acme)"));
        QVERIFY(shared >= 0);
        dialog->resize(900, 560);
        dialog->show();
        dialog->list()->setCurrentRow(shared);
        QVERIFY(QTest::qWaitFor([&] { return dialog->shareButton()->isEnabled(); }, 10000));
        QVERIFY(Test::saveScreenshot(*dialog, QStringLiteral("org-prompt-admin.png")));
        const QString said = share(*dialog, shared, QStringLiteral("Withdraw from Acme"));
        QVERIFY2(said.startsWith(QStringLiteral("Withdrew")), qPrintable(said));
        QVERIFY(QTest::qWaitFor([&] { return rowOf(*dialog, QStringLiteral("Acme Review (Acme)")) < 0; }, 10000));
        QVERIFY(rowOf(*dialog, QStringLiteral("Acme Review")) >= 0); // hers stays
        QVERIFY(!received.isEmpty() || received.wait(20000)); // (it may have come while Alice's dialog waited)
        QVERIFY(!namesIn(m_bob->workspace.db()).contains(QStringLiteral("Acme/acme-review")));
        m_bob->sync->setAutomatic(false);
    }

    void aDocumentationTemplateTravelsTheSameWay()
    {
        m_bob->sync->setAutomatic(true);
        QVERIFY(QTest::qWaitFor([&] { return m_bob->sync->isLive() && !m_bob->sync->orgTemplates()->isBusy(); }, 20000));
        const Docs::DocTemplate brief{QStringLiteral("brief"), QStringLiteral("custom"), QStringLiteral("# {{title}}\n\n{{answer}}\n"),
                                      QStringLiteral("A one-page brief for new contributors."), 0, 0, {}, {}};
        REALM_VERIFY_OK(Docs::DocStore(m_alice->workspace.db()).saveTemplate(brief));

        DocTemplatesDialog dialog(m_alice->workspace.db());
        QSignalSpy loaded(&dialog, &DocTemplatesDialog::loaded);
        QVERIFY(loaded.wait(10000));
        dialog.setSharing(m_alice->sync->orgTemplates());
        QString said = share(dialog, rowOf(dialog, QStringLiteral("brief")), QStringLiteral("Publish to Acme"));
        QVERIFY2(said.startsWith(QStringLiteral("Published")), qPrintable(said));
        QVERIFY(rowOf(dialog, QStringLiteral("brief (Acme)")) >= 0);
        QVERIFY(QTest::qWaitFor([&] { return hasDocTemplate(m_bob->workspace.db(), QStringLiteral("Acme/brief")); }, 20000));
        Result<Docs::DocTemplate> his = Docs::DocStore(m_bob->workspace.db()).findTemplate(QStringLiteral("brief"));
        REALM_VERIFY_OK(his);
        QCOMPARE(his->prompt, brief.prompt);
        QCOMPARE(his->body, brief.body);

        said = share(dialog, rowOf(dialog, QStringLiteral("brief (Acme)")), QStringLiteral("Withdraw from Acme"));
        QVERIFY2(said.startsWith(QStringLiteral("Withdrew")), qPrintable(said));
        QVERIFY(rowOf(dialog, QStringLiteral("brief (Acme)")) < 0);
        QVERIFY(rowOf(dialog, QStringLiteral("brief")) >= 0); // hers stays
        QVERIFY(QTest::qWaitFor([&] { return !hasDocTemplate(m_bob->workspace.db(), QStringLiteral("Acme/brief")); }, 20000));
        m_bob->sync->setAutomatic(false);
    }

    void aProjectSavedAsATemplateIsSharedAsItIsSaved()
    {
        const QString folder = m_folder.path() + QStringLiteral("/kite");
        writeFile(folder, QStringLiteral("README.md"), "# kite\n");
        writeFile(folder, QStringLiteral("src/main.c"), "int main(void) { return 0; } /* kite */\n");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_alice->workspace.db()).importProject(folder, {});
        REALM_VERIFY_OK(imported);

        SaveTemplateDialog dialog(m_alice->workspace.db(), imported->project.id, QStringLiteral("kite"));
        QSignalSpy filesLoaded(&dialog, &SaveTemplateDialog::filesLoaded);
        QSignalSpy known(&dialog, &SaveTemplateDialog::sharingKnown);
        dialog.setSharing(m_alice->sync->orgTemplates());
        dialog.show();
        QVERIFY(known.wait(10000));
        QVERIFY(!filesLoaded.isEmpty() || filesLoaded.wait(10000));
        // She administers Acme: offered beside keeping it to herself.
        QCOMPARE(dialog.shareBox()->count(), 2);
        QCOMPARE(dialog.shareBox()->itemText(1), QStringLiteral("Acme (all its members)"));
        dialog.shareBox()->setCurrentIndex(1);
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("save-template-share.png")));
        QSignalSpy saved(&dialog, &SaveTemplateDialog::saved);
        dialog.save();
        QVERIFY(saved.wait(30000));
        const QString note = saved.first().at(1).toString();
        QVERIFY2(note.startsWith(QStringLiteral("Published \"kite\" to Acme")), qPrintable(note));
        // Hers, and Acme's for every member: Bob makes a project from it.
        REALM_VERIFY_OK(Starters::TemplateStore(m_alice->workspace.db()).find(QStringLiteral("kite")));
        m_bob->sync->orgTemplates()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return !m_bob->sync->orgTemplates()->isBusy(); }, 20000));
        Result<Starters::StarterTemplate> his = Starters::TemplateStore(m_bob->workspace.db()).find(QStringLiteral("Acme/kite"));
        REALM_VERIFY_OK(his);
        QCOMPARE(his->orgName, QStringLiteral("Acme"));
        QCOMPARE(his->files.size(), 2);
    }

    void aStarterIsWithdrawnAndPublishedAgainFromNewProject()
    {
        // Alice's "kite" and Acme's copy of it (the test before).
        m_alice->sync->orgTemplates()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return !m_alice->sync->orgTemplates()->isBusy(); }, 20000));
        NewProjectDialog dialog(m_alice->workspace.db());
        QSignalSpy loaded(&dialog, &NewProjectDialog::loaded);
        QSignalSpy known(&dialog, &NewProjectDialog::sharingKnown);
        dialog.setSharing(m_alice->sync->orgTemplates());
        dialog.resize(860, 560);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        QVERIFY(!known.isEmpty() || known.wait(10000));
        // REALM's own are nobody's to share.
        dialog.list()->setCurrentRow(0);
        QVERIFY(dialog.shareButton()->isVisible());
        QVERIFY(!dialog.shareButton()->isEnabled());

        QString said = share(dialog, rowOf(dialog, QStringLiteral("kite (Acme)")), QStringLiteral("Withdraw from Acme"));
        QVERIFY2(said.startsWith(QStringLiteral("Withdrew")), qPrintable(said));
        QCOMPARE(rowOf(dialog, QStringLiteral("kite (Acme)")), -1);
        const int hers = rowOf(dialog, QStringLiteral("kite (yours)"));
        QVERIFY(hers >= 0);
        m_bob->sync->orgTemplates()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return !m_bob->sync->orgTemplates()->isBusy(); }, 20000));
        QVERIFY(!Starters::TemplateStore(m_bob->workspace.db()).find(QStringLiteral("Acme/kite")));

        // Published again from her own: Acme's joins the list, and hers
        // stays chosen, its form as she filled it in.
        dialog.list()->setCurrentRow(hers);
        const QString folder = m_folder.path() + QStringLiteral("/kite-2");
        dialog.setFolder(folder);
        said = share(dialog, hers, QStringLiteral("Publish to Acme"));
        QVERIFY2(said.startsWith(QStringLiteral("Published")), qPrintable(said));
        QVERIFY(rowOf(dialog, QStringLiteral("kite (Acme)")) >= 0);
        QCOMPARE(dialog.list()->currentRow(), rowOf(dialog, QStringLiteral("kite (yours)")));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("starterFolder"))->text(), folder);
        QVERIFY(dialog.createButton()->isEnabled());
        QVERIFY(Test::saveScreenshot(dialog, QStringLiteral("new-project-share.png")));
        m_bob->sync->orgTemplates()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return !m_bob->sync->orgTemplates()->isBusy(); }, 20000));
        REALM_VERIFY_OK(Starters::TemplateStore(m_bob->workspace.db()).find(QStringLiteral("Acme/kite")));
    }

    void bobAdministersNothingAndSharesNothing()
    {
        const QString folder = m_folder.path() + QStringLiteral("/bobs");
        writeFile(folder, QStringLiteral("README.md"), "# bob's\n");
        REALM_VERIFY_OK(Projects::ProjectImporter(m_bob->workspace.db()).importProject(folder, {}));
        Result<QList<Projects::Project>> projects = Projects::ProjectStore(m_bob->workspace.db()).list();
        REALM_VERIFY_OK(projects);
        SaveTemplateDialog dialog(m_bob->workspace.db(), projects->first().id, QStringLiteral("bobs"));
        QSignalSpy known(&dialog, &SaveTemplateDialog::sharingKnown);
        dialog.setSharing(m_bob->sync->orgTemplates());
        dialog.show();
        QVERIFY(known.wait(10000));
        QVERIFY(!dialog.shareBox()->isVisible());
        QCOMPARE(dialog.shareBox()->count(), 1);
    }

    // Last: the server goes. Each dialog still opens and says why it
    // cannot share (and its Share button, off, keeps saying it).
    void withTheServerGoneEveryDialogSaysSharingIsNotAvailable()
    {
        QCOMPARE(m_server->terminate(), 0);
        m_server.reset();
        const auto saysUnavailable = [](QDialog &dialog, const QString &label) {
            auto *message = dialog.findChild<QLabel *>(label);
            return message && message->text().contains(QStringLiteral("Sharing is not available: "));
        };
        // A dialog with a list and a Share button, its list read, then sharing asked for.
        const auto listDialogSaysUnavailable = [&](auto &dialog, const QString &label) {
            using Dialog = std::remove_reference_t<decltype(dialog)>;
            QSignalSpy loaded(&dialog, &Dialog::loaded);
            QSignalSpy known(&dialog, &Dialog::sharingKnown);
            if (!loaded.wait(10000))
                return false;
            dialog.setSharing(m_alice->sync->orgTemplates());
            return known.wait(15000) && saysUnavailable(dialog, label) && !dialog.shareButton()->isEnabled()
                && dialog.shareButton()->toolTip().startsWith(QStringLiteral("Sharing is not available: "));
        };
        PromptsDialog prompts(m_alice->workspace.db());
        QVERIFY(listDialogSaysUnavailable(prompts, QStringLiteral("promptMessage")));
        DocTemplatesDialog docTemplates(m_alice->workspace.db());
        QVERIFY(listDialogSaysUnavailable(docTemplates, QStringLiteral("docTemplateMessage")));
        NewProjectDialog newProject(m_alice->workspace.db());
        QVERIFY(listDialogSaysUnavailable(newProject, QStringLiteral("starterMessage")));

        Result<QList<Projects::Project>> projects = Projects::ProjectStore(m_alice->workspace.db()).list();
        REALM_VERIFY_OK(projects);
        SaveTemplateDialog saveTemplate(m_alice->workspace.db(), projects->first().id, QStringLiteral("kite"));
        QSignalSpy saveKnown(&saveTemplate, &SaveTemplateDialog::sharingKnown);
        saveTemplate.setSharing(m_alice->sync->orgTemplates());
        QVERIFY(saveKnown.wait(15000));
        QVERIFY(saysUnavailable(saveTemplate, QStringLiteral("templateProblem")));
        QCOMPARE(saveTemplate.shareBox()->count(), 1); // keeping it to herself only
    }
};

QTEST_MAIN(tst_TeamPrompts)
#include "tst_teamprompts.moc"
