// SPDX-License-Identifier: GPL-3.0-or-later
// Project → Documentation Templates as a person uses it (offscreen, a real
// workspace): REALM's own to copy, the user's to write, change and
// remove, an organization's read-only; the Docs tab's Edit… asks for it at
// the template chosen there. (Publishing through Share runs against a
// real team server in tst_teamprompts.)
#include "docs/docspanel.h"
#include "docs/docstore.h"
#include "docs/doctemplatesdialog.h"
#include "docs/orgdocs.h"
#include "secrets/memorysecretstore.h"
#include "testworkspace.h"
#include "screenshot.h"
#include "verifyresult.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;
using Realm::Test::writeFile;

namespace {

constexpr auto kAcmeId = "0190f000-0000-7000-8000-0000000000a1";

// The dialog, its list read.
std::unique_ptr<DocTemplatesDialog> openDialog(const Storage::DatabasePtr &db, const QString &select = {})
{
    auto dialog = std::make_unique<DocTemplatesDialog>(db);
    QSignalSpy loaded(dialog.get(), &DocTemplatesDialog::loaded);
    if (!select.isEmpty())
        dialog->select(select);
    dialog->show();
    if (!loaded.wait(10000))
        return nullptr;
    return dialog;
}

int rowOf(const DocTemplatesDialog &dialog, const QString &text)
{
    for (int row = 0; row < dialog.list()->count(); ++row)
        if (dialog.list()->item(row)->text() == text)
            return row;
    return -1;
}

// Saves and waits until the list is read again.
bool saveAndReload(DocTemplatesDialog &dialog)
{
    QSignalSpy loaded(&dialog, &DocTemplatesDialog::loaded);
    dialog.saveTemplate();
    return loaded.wait(10000);
}

Result<Docs::DocTemplate> stored(const Storage::DatabasePtr &db, const QString &name)
{
    return Docs::DocStore(db).findTemplate(name);
}

// Answers the next question box with `button` once it shows (it is modal:
// the answer comes from inside its own event loop); `asked` says it did.
void answerNextQuestion(QObject *context, QMessageBox::StandardButton button, bool *asked)
{
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, context, [timer, button, asked] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *asked = true;
            timer->deleteLater();
            box->button(button)->click();
        }
    });
    timer->start(10);
}

} // namespace

class tst_DocTemplatesDialog final : public QObject {
    Q_OBJECT

private slots:
    void realmsOwnAreReadOnlyAndCopied()
    {
        TestWorkspace ws;
        auto dialog = openDialog(ws.db());
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->item(0)->text(), QStringLiteral("API reference (built-in)"));
        QCOMPARE(dialog->list()->item(1)->text(), QStringLiteral("Overview (built-in)"));
        QCOMPARE(dialog->list()->item(2)->text(), QStringLiteral("Custom (built-in)"));
        dialog->list()->setCurrentRow(0);
        QVERIFY(dialog->bodyEdit()->isReadOnly());
        QVERIFY(dialog->bodyEdit()->toPlainText().contains(QStringLiteral("{{")));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(!dialog->removeButton()->isEnabled());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("REALM's own")));

        const QString body = dialog->bodyEdit()->toPlainText();
        dialog->duplicateTemplate();
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("api-copy"));
        QVERIFY(!dialog->bodyEdit()->isReadOnly());
        QCOMPARE(dialog->kindBox()->currentData().toString(), QStringLiteral("api"));
        dialog->bodyEdit()->setPlainText(body + QStringLiteral("\nMade by us.\n"));
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(saveAndReload(*dialog));

        Result<Docs::DocTemplate> copy = stored(ws.db(), QStringLiteral("api-copy"));
        REALM_VERIFY_OK(copy);
        QCOMPARE(copy->kind, QStringLiteral("api"));
        QVERIFY(copy->body.endsWith(QStringLiteral("Made by us.\n")));
        // Shown, saved: nothing to save until it changes again.
        QCOMPARE(dialog->list()->currentItem()->text(), QStringLiteral("api-copy"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("Saved")));
        // A second copy takes the next free name.
        dialog->list()->setCurrentRow(0);
        dialog->duplicateTemplate();
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("api-copy-2"));
    }

    void aCustomTemplateNeedsAPrompt()
    {
        TestWorkspace ws;
        auto dialog = openDialog(ws.db());
        QVERIFY(dialog);
        dialog->newTemplate();
        QCOMPARE(dialog->kindBox()->currentData().toString(), QStringLiteral("custom"));
        QVERIFY(dialog->promptEdit()->isVisibleTo(dialog.get()));
        dialog->nameEdit()->setText(QStringLiteral("brief"));
        // No prompt yet: the form says so and Save waits.
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("needs a prompt")), qPrintable(dialog->messageLabel()->text()));
        dialog->promptEdit()->setPlainText(QStringLiteral("A one-page brief."));
        QVERIFY(dialog->saveButton()->isEnabled());
        // Ctrl+S saves.
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        QSignalSpy loaded(dialog.get(), &DocTemplatesDialog::loaded);
        QTest::keyClick(dialog->bodyEdit(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(loaded.wait(10000));
        Result<Docs::DocTemplate> brief = stored(ws.db(), QStringLiteral("brief"));
        REALM_VERIFY_OK(brief);
        QCOMPARE(brief->kind, QStringLiteral("custom"));
        QCOMPARE(brief->prompt, QStringLiteral("A one-page brief."));
        QCOMPARE(brief->body, Docs::builtInTemplate(Docs::DocKind::Custom));

        // A name taken is said before Save.
        dialog->newTemplate();
        dialog->nameEdit()->setText(QStringLiteral("brief"));
        dialog->promptEdit()->setPlainText(QStringLiteral("Another."));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("already")));
        dialog->nameEdit()->setText(QStringLiteral("built-in"));
        QVERIFY(!dialog->saveButton()->isEnabled());
    }

    void aNewTemplatesKindBringsItsBody()
    {
        TestWorkspace ws;
        auto dialog = openDialog(ws.db());
        QVERIFY(dialog);
        dialog->newTemplate();
        const int api = dialog->kindBox()->findData(QStringLiteral("api"));
        dialog->kindBox()->setCurrentIndex(api);
        QCOMPARE(dialog->bodyEdit()->toPlainText(), Docs::builtInTemplate(Docs::DocKind::Api));
        QVERIFY(!dialog->promptEdit()->isVisibleTo(dialog.get()));
        // What the user wrote stays when the kind changes again.
        dialog->bodyEdit()->setPlainText(QStringLiteral("# {{project}}\n"));
        dialog->kindBox()->setCurrentIndex(dialog->kindBox()->findData(QStringLiteral("overview")));
        QCOMPARE(dialog->bodyEdit()->toPlainText(), QStringLiteral("# {{project}}\n"));
    }

    void editAndRemoveOnesOwn()
    {
        TestWorkspace ws;
        REALM_VERIFY_OK(Docs::DocStore(ws.db()).saveTemplate({QStringLiteral("mine"), QStringLiteral("api"), QStringLiteral("Mine: {{project}}"), {}, 0, 0, {}, {}}));
        auto dialog = openDialog(ws.db());
        QVERIFY(dialog);
        // From REALM's (nothing edited) to hers: nothing to ask.
        bool asked = false;
        answerNextQuestion(dialog.get(), QMessageBox::Cancel, &asked);
        dialog->list()->setCurrentRow(rowOf(*dialog, QStringLiteral("mine")));
        QVERIFY(!asked);
        QCOMPARE(dialog->list()->currentItem()->text(), QStringLiteral("mine"));
        QCOMPARE(dialog->bodyEdit()->toPlainText(), QStringLiteral("Mine: {{project}}"));
        QVERIFY(dialog->nameEdit()->isReadOnly()); // duplicate to rename
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->bodyEdit()->setPlainText(QStringLiteral("Ours: {{project}}"));
        QVERIFY(dialog->isEdited());
        QVERIFY(saveAndReload(*dialog));
        QCOMPARE(stored(ws.db(), QStringLiteral("mine"))->body, QStringLiteral("Ours: {{project}}"));

        QSignalSpy changed(dialog.get(), &DocTemplatesDialog::changed);
        QSignalSpy loaded(dialog.get(), &DocTemplatesDialog::loaded);
        QVERIFY(dialog->removeButton()->isEnabled());
        dialog->removeTemplate();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(changed.count(), 1);
        QVERIFY(rowOf(*dialog, QStringLiteral("mine")) < 0);
        REALM_VERIFY_FAILS(stored(ws.db(), QStringLiteral("mine")), Error::Code::NotFound);
    }

    void anOrganizationsIsReadOnly()
    {
        TestWorkspace ws;
        Docs::DocTemplate brief{QStringLiteral("brief"), QStringLiteral("custom"), QStringLiteral("{{answer}}"), QStringLiteral("Brief it."), 0, 0,
                                QString::fromLatin1(kAcmeId), QStringLiteral("Acme")};
        QVERIFY(Docs::OrgDocs::store(ws.db()->handle(), Docs::OrgDocs::Shared{brief, 3, QStringLiteral("alice"), 1700000000000}));
        auto dialog = openDialog(ws.db(), QStringLiteral("Acme/brief"));
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->currentItem()->text(), QStringLiteral("brief (Acme)"));
        QVERIFY(dialog->bodyEdit()->isReadOnly());
        QVERIFY(dialog->promptEdit()->isReadOnly());
        QCOMPARE(dialog->promptEdit()->toPlainText(), QStringLiteral("Brief it."));
        QVERIFY(!dialog->kindBox()->isEnabled());
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(!dialog->removeButton()->isEnabled());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("Acme's template")));
        // A copy of one's own is a duplicate away.
        dialog->duplicateTemplate();
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("brief-copy"));
        QCOMPARE(dialog->promptEdit()->toPlainText(), QStringLiteral("Brief it."));
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->resize(960, 620);
        QVERIFY(Test::saveScreenshot(*dialog, QStringLiteral("doc-templates-dialog.png")));
    }

    void closingWithAnEditAsksToSave()
    {
        TestWorkspace ws;
        auto dialog = openDialog(ws.db());
        QVERIFY(dialog);
        dialog->newTemplate();
        dialog->nameEdit()->setText(QStringLiteral("kept"));
        dialog->promptEdit()->setPlainText(QStringLiteral("Keep me."));
        QSignalSpy finished(dialog.get(), &QDialog::finished);
        bool asked = false;
        answerNextQuestion(dialog.get(), QMessageBox::Save, &asked);
        dialog->reject();
        QVERIFY(asked);
        QVERIFY(finished.wait(10000));
        REALM_VERIFY_OK(stored(ws.db(), QStringLiteral("kept")));
    }

    void anEditSaveCannotTakeYetIsKeptOrDropped()
    {
        TestWorkspace ws;
        auto dialog = openDialog(ws.db());
        QVERIFY(dialog);
        dialog->newTemplate();
        dialog->bodyEdit()->setPlainText(QStringLiteral("# A long body, no prompt yet\n"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        // Cancel: still open, the edit still there.
        bool asked = false;
        answerNextQuestion(dialog.get(), QMessageBox::Cancel, &asked);
        dialog->reject();
        QVERIFY(asked);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->bodyEdit()->toPlainText(), QStringLiteral("# A long body, no prompt yet\n"));
        // Choosing another template asks too; Cancel keeps the form.
        asked = false;
        answerNextQuestion(dialog.get(), QMessageBox::Cancel, &asked);
        dialog->list()->setCurrentRow(1);
        QVERIFY(asked);
        QCOMPARE(dialog->bodyEdit()->toPlainText(), QStringLiteral("# A long body, no prompt yet\n"));
        QVERIFY(dialog->isEdited());
        // Discard closes.
        QSignalSpy finished(dialog.get(), &QDialog::finished);
        asked = false;
        answerNextQuestion(dialog.get(), QMessageBox::Discard, &asked);
        dialog->reject();
        QVERIFY(asked);
        QCOMPARE(finished.count(), 1);
    }

    void aStoredPromptsSpacesAreNoEdit()
    {
        TestWorkspace ws;
        // As `docs template add --kind api --prompt …` or an import may leave them.
        REALM_VERIFY_OK(Docs::DocStore(ws.db()).saveTemplate({QStringLiteral("spaced"), QStringLiteral("custom"), QStringLiteral("{{answer}}"),
                                                              QStringLiteral("Brief it.\n"), 0, 0, {}, {}}));
        REALM_VERIFY_OK(Docs::DocStore(ws.db()).saveTemplate({QStringLiteral("api-with-prompt"), QStringLiteral("api"), QStringLiteral("# {{project}}"),
                                                              QStringLiteral("ignored"), 0, 0, {}, {}}));
        for (const QString &name : {QStringLiteral("spaced"), QStringLiteral("api-with-prompt")}) {
            auto dialog = openDialog(ws.db(), name);
            QVERIFY(dialog);
            QCOMPARE(dialog->list()->currentItem()->text(), name);
            QVERIFY2(!dialog->isEdited(), qPrintable(name));
            QVERIFY(!dialog->saveButton()->isEnabled());
        }
    }

    // Export… writes the template shown, as saved (an organization's under
    // its own name); Import… in another workspace makes it the user's own,
    // and refuses a name taken or a file that is not one.
    void aTemplateTravelsToAnotherWorkspaceByFile()
    {
        QTemporaryDir files;
        QVERIFY(files.isValid());
        TestWorkspace hers;
        const Docs::DocTemplate brief{QStringLiteral("brief"), QStringLiteral("custom"), QStringLiteral("# {{title}}\n\n{{answer}}"), QStringLiteral("Brief it."), 0, 0,
                                      QString::fromLatin1(kAcmeId), QStringLiteral("Acme")};
        QVERIFY(Docs::OrgDocs::store(hers.db()->handle(), Docs::OrgDocs::Shared{brief, 3, QStringLiteral("alice"), 1700000000000}));
        auto dialog = openDialog(hers.db(), DocTemplatesDialog::builtInKey(QStringLiteral("api")));
        QVERIFY(dialog);
        QVERIFY(!dialog->exportButton()->isEnabled()); // REALM's own: duplicate it first
        dialog->list()->setCurrentRow(rowOf(*dialog, QStringLiteral("brief (Acme)")));
        QVERIFY(dialog->exportButton()->isEnabled());
        const QString file = files.filePath(QStringLiteral("brief.json"));
        dialog->exportTo(file);
        QVERIFY(QTest::qWaitFor([&] { return dialog->messageLabel()->text().startsWith(QStringLiteral("Exported")); }, 10000));
        QVERIFY(QFile::exists(file));
        // Imported where it came from: hers now, beside Acme's of that name.
        QSignalSpy hersLoaded(dialog.get(), &DocTemplatesDialog::loaded);
        dialog->importFrom(file);
        QVERIFY(hersLoaded.wait(10000));
        QCOMPARE(dialog->list()->currentItem()->text(), QStringLiteral("brief"));
        QVERIFY(rowOf(*dialog, QStringLiteral("brief (Acme)")) >= 0);
        QVERIFY(dialog->removeButton()->isEnabled());

        TestWorkspace his;
        auto theirs = openDialog(his.db());
        QVERIFY(theirs);
        QSignalSpy changed(theirs.get(), &DocTemplatesDialog::changed);
        QSignalSpy loaded(theirs.get(), &DocTemplatesDialog::loaded);
        theirs->importFrom(file);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(theirs->list()->currentItem()->text(), QStringLiteral("brief"));
        QCOMPARE(theirs->messageLabel()->text(), QStringLiteral("Imported \"brief\"."));
        Result<Docs::DocTemplate> imported = stored(his.db(), QStringLiteral("brief"));
        REALM_VERIFY_OK(imported);
        QVERIFY(!Docs::isReadOnly(*imported)); // his own now
        QCOMPARE(imported->kind, brief.kind);
        QCOMPARE(imported->body, brief.body);
        QCOMPARE(imported->prompt, brief.prompt);
        QVERIFY(theirs->removeButton()->isEnabled());

        // Again: the name is his already, and his stays as it is.
        const auto saysAfterImport = [&theirs](const QString &from, const QString &said) {
            theirs->importFrom(from);
            return QTest::qWaitFor([&] { return theirs->messageLabel()->text().contains(said); }, 10000);
        };
        QVERIFY(saysAfterImport(file, QStringLiteral("You already have a documentation template named &quot;brief&quot;. Rename or remove yours")));
        QCOMPARE(changed.count(), 1);
        // Files that are not templates say so and change nothing.
        const QString notJson = files.filePath(QStringLiteral("notes.json"));
        writeFile(files.path(), QStringLiteral("notes.json"), "this is not JSON");
        QVERIFY(saysAfterImport(notJson, QStringLiteral("is not a documentation template REALM exported")));
        writeFile(files.path(), QStringLiteral("other.json"), R"({"name": "other", "kind": "api"})");
        QVERIFY(saysAfterImport(files.filePath(QStringLiteral("other.json")), QStringLiteral("(no &quot;body&quot;)")));
        writeFile(files.path(), QStringLiteral("odd.json"), R"({"name": "odd", "kind": "poem", "body": "{{project}}"})");
        QVERIFY(saysAfterImport(files.filePath(QStringLiteral("odd.json")), QStringLiteral("a template is for api, overview or custom")));
        QVERIFY(saysAfterImport(files.filePath(QStringLiteral("missing.json")), QStringLiteral("Cannot read")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(Docs::DocStore(his.db()).templates()->size(), 1);
        theirs->resize(960, 620);
        QVERIFY(Test::saveScreenshot(*theirs, QStringLiteral("doc-templates-import.png")));
    }

    void aTemplateOfYoursNamedLikeAKindIsYours()
    {
        TestWorkspace ws;
        REALM_VERIFY_OK(Docs::DocStore(ws.db()).saveTemplate({QStringLiteral("api"), QStringLiteral("api"), QStringLiteral("Mine: {{project}}"), {}, 0, 0, {}, {}}));
        auto mine = openDialog(ws.db(), QStringLiteral("api"));
        QVERIFY(mine);
        QCOMPARE(mine->list()->currentItem()->text(), QStringLiteral("api"));
        QCOMPARE(mine->bodyEdit()->toPlainText(), QStringLiteral("Mine: {{project}}"));
        auto realms = openDialog(ws.db(), DocTemplatesDialog::builtInKey(QStringLiteral("overview")));
        QVERIFY(realms);
        QCOMPARE(realms->list()->currentItem()->text(), QStringLiteral("Overview (built-in)"));
    }

    void docsPanelsEditAsksForItsChoice()
    {
        TestWorkspace ws;
        Secrets::MemorySecretStore keys;
        REALM_VERIFY_OK(Docs::DocStore(ws.db()).saveTemplate({QStringLiteral("mine"), QStringLiteral("api"), QStringLiteral("Mine: {{project}}"), {}, 0, 0, {}, {}}));
        DocsPanel panel(ws.db(), Chat::ProviderStore(ws.db(), &keys, &keys));
        panel.setProject(QStringLiteral("p"), QStringLiteral("p"));
        QVERIFY(QTest::qWaitFor([&] { return panel.templateBox()->count() == 2; }, 10000));
        QCOMPARE(panel.chosenTemplate(), DocTemplatesDialog::builtInKey(QStringLiteral("api"))); // REALM's own
        panel.templateBox()->setCurrentIndex(1);
        QSignalSpy requested(&panel, &DocsPanel::editTemplatesRequested);
        auto *edit = panel.findChild<QPushButton *>(QStringLiteral("editDocTemplates"));
        QVERIFY(edit);
        edit->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("mine"));
    }
};

QTEST_MAIN(tst_DocTemplatesDialog)
#include "tst_doctemplatesdialog.moc"
