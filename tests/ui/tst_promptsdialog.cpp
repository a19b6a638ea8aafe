// SPDX-License-Identifier: GPL-3.0-or-later
// Chat → Prompt Templates: REALM's own stay as they are; people's own are
// made, copied, checked as typed, removed, and carried between workspaces.
#include "chat/promptsdialog.h"
#include "prompts/promptstore.h"
#include "settings/appsettings.h"
#include "testworkspace.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

namespace {
QPushButton *button(PromptsDialog &dialog, const QString &text)
{
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QLineEdit *field(PromptsDialog &dialog, int index) // name, title, description
{
    return dialog.findChildren<QLineEdit *>().at(index);
}
} // namespace

class tst_PromptsDialog final : public QObject {
    Q_OBJECT
private slots:
    void builtInsAreReadOnlyAndCopiedToChange();
    void aNewTemplateIsCheckedAsItIsTyped();
    void exportedTemplatesImportIntoAnotherWorkspace();
    void builtInTemplatesSpeakTheUsersLanguage();
};

void tst_PromptsDialog::builtInsAreReadOnlyAndCopiedToChange()
{
    TestWorkspace ws;
    PromptsDialog dialog(ws.db());
    QSignalSpy loaded(&dialog, &PromptsDialog::loaded);
    dialog.show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog.list()->count(), Prompts::builtInPrompts().size());
    QCOMPARE(dialog.list()->item(0)->text(), QStringLiteral("Explain (built-in)"));
    QVERIFY(!button(dialog, QStringLiteral("&Save"))->isEnabled());
    QVERIFY(!button(dialog, QStringLiteral("&Remove"))->isEnabled());
    QVERIFY(dialog.findChild<QPlainTextEdit *>()->isReadOnly());

    dialog.duplicateTemplate();
    QCOMPARE(field(dialog, 0)->text(), QStringLiteral("explain-copy"));
    QCOMPARE(field(dialog, 1)->text(), QStringLiteral("Explain (copy)"));
    QVERIFY(!dialog.findChild<QPlainTextEdit *>()->isReadOnly());
    dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Explain to a beginner:\n{{selection}}"));
    QVERIFY(button(dialog, QStringLiteral("&Save"))->isEnabled());
    QSignalSpy changed(&dialog, &PromptsDialog::changed);
    loaded.clear();
    QTest::keyClick(field(dialog, 1), Qt::Key_Return); // Enter in a field saves
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000); // reloaded with the saved one
    QCOMPARE(changed.size(), 1);
    Result<Prompts::PromptTemplate> saved = Prompts::PromptStore(ws.db()).find(QStringLiteral("explain-copy"));
    QVERIFY(saved);
    QCOMPARE(saved->body, QStringLiteral("Explain to a beginner:\n{{selection}}"));
    QCOMPARE(dialog.list()->currentItem()->text(), QStringLiteral("Explain (copy)"));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        dialog.grab().save(dir + QStringLiteral("/prompt-templates.png"));

    // Copying the copy offers a name of its own; choosing a template leaves
    // the unsaved copy, and Remove removes the chosen one.
    dialog.duplicateTemplate();
    QCOMPARE(field(dialog, 0)->text(), QStringLiteral("explain-copy-copy"));
    dialog.list()->setCurrentRow(dialog.list()->count() - 1);
    QCOMPARE(field(dialog, 0)->text(), QStringLiteral("explain-copy"));
    QVERIFY(button(dialog, QStringLiteral("&Remove"))->isEnabled());
    loaded.clear();
    dialog.removeTemplate();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QCOMPARE(changed.size(), 2);
    QVERIFY(!Prompts::PromptStore(ws.db()).find(QStringLiteral("explain-copy")));
    QCOMPARE(dialog.list()->count(), Prompts::builtInPrompts().size());
}

void tst_PromptsDialog::aNewTemplateIsCheckedAsItIsTyped()
{
    TestWorkspace ws;
    PromptsDialog dialog(ws.db());
    QSignalSpy loaded(&dialog, &PromptsDialog::loaded);
    dialog.show();
    QVERIFY(loaded.wait(10000));
    dialog.newTemplate();
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("promptMessage"));
    QPushButton *save = button(dialog, QStringLiteral("&Save"));
    QVERIFY(!save->isEnabled());
    QVERIFY(message->text().contains(QStringLiteral("title"))); // what is missing, next to the form
    field(dialog, 1)->setText(QStringLiteral("Commit Message"));
    QVERIFY(save->isEnabled());
    QVERIFY(message->text().isEmpty());
    field(dialog, 0)->setText(QStringLiteral("explain")); // REALM's own name
    QVERIFY(!save->isEnabled());
    QVERIFY(message->text().contains(QStringLiteral("already")));
    field(dialog, 0)->setText(QStringLiteral("commit-message"));
    dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("{{#diff}}unclosed"));
    QVERIFY(!save->isEnabled());
    QVERIFY(message->text().contains(QStringLiteral("broken")));
    dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Write a commit message for:\n{{diff}}"));
    QVERIFY(save->isEnabled());
}

void tst_PromptsDialog::exportedTemplatesImportIntoAnotherWorkspace()
{
    TestWorkspace mine;
    QVERIFY(Prompts::PromptStore(mine.db()).save({QStringLiteral("terse"), QStringLiteral("Terse"), QStringLiteral("Short answers."),
                                                   QStringLiteral("In one sentence: {{selection}}"), false, 0, 0, {}, {}}));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("prompts.json"));
    {
        PromptsDialog dialog(mine.db());
        QSignalSpy loaded(&dialog, &PromptsDialog::loaded);
        QVERIFY(loaded.wait(10000));
        dialog.exportTo(file);
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("promptMessage"));
        QVERIFY(QTest::qWaitFor([message] { return message->text().contains(QStringLiteral("Exported 1 template")); }, 10000));
    }
    TestWorkspace theirs;
    PromptsDialog dialog(theirs.db());
    QSignalSpy loaded(&dialog, &PromptsDialog::loaded);
    QVERIFY(loaded.wait(10000));
    loaded.clear();
    dialog.importFrom(file);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QCOMPARE(dialog.list()->currentItem()->text(), QStringLiteral("Terse"));
    Result<Prompts::PromptTemplate> imported = Prompts::PromptStore(theirs.db()).find(QStringLiteral("terse"));
    QVERIFY(imported);
    QCOMPARE(imported->description, QStringLiteral("Short answers."));
    // Again: the name is taken, and nothing changes.
    dialog.importFrom(file);
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("promptMessage"));
    QVERIFY(QTest::qWaitFor([message] { return message->text().contains(QStringLiteral("already")); }, 10000));
}

void tst_PromptsDialog::builtInTemplatesSpeakTheUsersLanguage()
{
    QVERIFY(installTranslation(QStringLiteral("de")));
    const auto english = qScopeGuard([] { installTranslation(QStringLiteral("en")); });
    // Every title and description REALM ships has its German words.
    for (const Prompts::PromptTemplate &p : Prompts::builtInPrompts()) {
        QVERIFY2(Prompts::shownTitle(p) != p.title, qPrintable(p.title));
        QVERIFY2(Prompts::shownDescription(p) != p.description, qPrintable(p.description));
    }
    TestWorkspace ws;
    PromptsDialog dialog(ws.db());
    QSignalSpy loaded(&dialog, &PromptsDialog::loaded);
    dialog.show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog.list()->item(0)->text(), QStringLiteral("Erklären (eingebaut)"));
    // A copy takes the title as read; what is stored stays the user's.
    dialog.duplicateTemplate();
    QCOMPARE(field(dialog, 1)->text(), QStringLiteral("Erklären (Kopie)"));
}

QTEST_MAIN(tst_PromptsDialog)
#include "tst_promptsdialog.moc"
