// SPDX-License-Identifier: GPL-3.0-or-later
// Every dialog and the window, in English and light and in German and dark
// (German words run longest): nothing is cut off — no button or
// single-line label narrower than its text — at the size each opens with,
// and the window at 1280×720; and Enter in each dialog stays with its main
// action. With REALM_SCREENSHOT_DIR set, each screen is saved there for a
// person to look at.
#include "chat/promptsdialog.h"
#include "chat/providerdialog.h"
#include "docs/doctemplatesdialog.h"
#include "help/helpdialogs.h"
#include "jobs/exportdialog.h"
#include "jobs/importdialog.h"
#include "mainwindow/mainwindow.h"
#include "projects/newprojectdialog.h"
#include "projects/projectstore.h"
#include "projects/savetemplatedialog.h"
#include "secrets/memorysecretstore.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "stats/statspanel.h"
#include "testworkspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

namespace {
// Buttons and one-line labels shown narrower than their text needs.
QStringList cutOff(const QWidget *root, bool labelsToo)
{
    QStringList cut;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        QString text;
        if (auto *button = qobject_cast<const QAbstractButton *>(w))
            text = button->text();
        else if (auto *label = qobject_cast<const QLabel *>(w); label && labelsToo && !label->wordWrap())
            text = label->text();
        if (!text.isEmpty() && w->width() < w->sizeHint().width())
            cut << QStringLiteral("\"%1\" (%2 of %3 px)").arg(text).arg(w->width()).arg(w->sizeHint().width());
    }
    return cut;
}
} // namespace

class tst_Screens final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void nothingIsCutOffAndEnterRunsTheMainAction_data();
    void nothingIsCutOffAndEnterRunsTheMainAction();

private:
    void look(QWidget *screen, const QString &name, bool labelsToo = true);
    void enterStaysWithTheMainAction(QWidget *dialog, const QString &name);
    QString m_suffix;
};

void tst_Screens::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("realm-tests"));
    QApplication::setApplicationName(QStringLiteral("tst_screens"));
}

void tst_Screens::cleanupTestCase()
{
    installTranslation(QStringLiteral("en"));
    applyAppearance(AppSettings::Theme::System);
}

void tst_Screens::nothingIsCutOffAndEnterRunsTheMainAction_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("theme");
    QTest::newRow("English, light") << QStringLiteral("en") << int(AppSettings::Theme::Light);
    QTest::newRow("German, dark") << QStringLiteral("de") << int(AppSettings::Theme::Dark);
}

void tst_Screens::look(QWidget *screen, const QString &name, bool labelsToo)
{
    screen->show();
    screen->activateWindow(); // focus moves only within the active window
    QVERIFY(QTest::qWaitForWindowActive(screen));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    // A window's docks take their widths over a few event-loop passes after
    // a page opens: what counts is where the layout comes to rest.
    QTRY_VERIFY2_WITH_TIMEOUT(cutOff(screen, labelsToo).isEmpty(),
                              qPrintable(name + QStringLiteral(": ") + cutOff(screen, labelsToo).join(QStringLiteral(", "))), 3000);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(screen->grab().save(QStringLiteral("%1/screen-%2-%3.png").arg(dir, name, m_suffix)));
    if (qobject_cast<QDialog *>(screen)) {
        enterStaysWithTheMainAction(screen, name);
        screen->hide();
    }
}

// Enter keeps running a dialog's main action after the focus has been on
// each of its other buttons (a button that takes the focus takes Enter
// while it has it; leaving must give Enter back).
void tst_Screens::enterStaysWithTheMainAction(QWidget *dialog, const QString &name)
{
    const QList<QPushButton *> buttons = dialog->findChildren<QPushButton *>();
    QList<QPushButton *> defaults;
    for (QPushButton *button : buttons) {
        if (button->isDefault())
            defaults << button;
    }
    if (defaults.isEmpty())
        return; // a dialog with Close only
    QCOMPARE(defaults.size(), 1); // one button answers Enter
    QPushButton *main = defaults.first();
    // and it is not Cancel or Close while the dialog has an action to run
    if (auto *box = qobject_cast<QDialogButtonBox *>(main->parentWidget()); box && box->buttonRole(main) == QDialogButtonBox::RejectRole) {
        for (QAbstractButton *other : box->buttons()) {
            const QDialogButtonBox::ButtonRole role = box->buttonRole(other);
            QVERIFY2(role != QDialogButtonBox::AcceptRole && role != QDialogButtonBox::ApplyRole,
                     qPrintable(name + QStringLiteral(": Enter would press ") + main->text() + QStringLiteral(", not ") + other->text()));
        }
    }
    int focused = 0;
    for (QPushButton *button : buttons) {
        if (button->isVisible() && button->isEnabled()) {
            button->setFocus();
            focused += button->hasFocus() ? 1 : 0;
        }
    }
    QVERIFY2(focused > 0, qPrintable(name)); // else this checked nothing
    if (auto *field = dialog->findChild<QLineEdit *>(); field && field->isVisible())
        field->setFocus();
    QVERIFY2(main->isDefault(), qPrintable(name + QStringLiteral(": Enter left ") + main->text()));
}

void tst_Screens::nothingIsCutOffAndEnterRunsTheMainAction()
{
    QFETCH(QString, language);
    QFETCH(int, theme);
    installTranslation(language);
    applyAppearance(AppSettings::Theme(theme));
    m_suffix = language + (theme == int(AppSettings::Theme::Dark) ? QStringLiteral("-dark") : QStringLiteral("-light"));

    TestWorkspace ws;
    const QString projectId = Projects::ProjectStore(ws.db()).create(QStringLiteral("demo"))->id;

    MainWindow window(ws.db());
    window.resize(1280, 720);
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.show();
    window.openDemoProject();
    QVERIFY(imported.wait(20000));
    QVERIFY(imported.first().first().toBool());
    QTRY_COMPARE(window.statsPanel()->findChild<QLabel *>(QStringLiteral("statsTitle"))->text(), QStringLiteral("realm-demo"));
    look(&window, QStringLiteral("window"), false); // the status bar elides on purpose
    window.showStats();
    // The demo's numbers are on show once its one TODO is listed.
    QTreeWidget *markers = window.statsPanel()->markerList();
    QTRY_VERIFY_WITH_TIMEOUT(markers->topLevelItemCount() > 0 && markers->topLevelItem(0)->text(1) == QLatin1String("TODO"), 20000);
    look(&window, QStringLiteral("stats"), false);
    window.showDocs();
    look(&window, QStringLiteral("docs"), false);
    ShortcutsDialog shortcuts(window.menuBar());
    look(&shortcuts, QStringLiteral("shortcuts"));

    ImportDialog import(ws.db(), ImportDialog::Kind::Folder);
    look(&import, QStringLiteral("import"));
    ExportDialog exporter(ws.db(), projectId, QStringLiteral("demo"));
    look(&exporter, QStringLiteral("export"));
    NewProjectDialog create(ws.db());
    look(&create, QStringLiteral("new-project"));
    SaveTemplateDialog saveTemplate(ws.db(), projectId, QStringLiteral("demo"));
    look(&saveTemplate, QStringLiteral("save-template"));
    Secrets::MemorySecretStore keychain;
    Secrets::MemorySecretStore session;
    Chat::ProviderStore providers(ws.db(), &keychain, &session);
    QNetworkAccessManager network;
    ProviderDialog providerDialog(ws.db(), &providers, &network);
    look(&providerDialog, QStringLiteral("providers"));
    PromptsDialog prompts(ws.db());
    look(&prompts, QStringLiteral("prompt-templates"));
    DocTemplatesDialog docTemplates(ws.db());
    QSignalSpy docTemplatesLoaded(&docTemplates, &DocTemplatesDialog::loaded);
    QVERIFY(docTemplatesLoaded.wait(10000));
    look(&docTemplates, QStringLiteral("doc-templates"));
    SettingsDialog settings(AppSettings::load());
    look(&settings, QStringLiteral("settings"));
}

QTEST_MAIN(tst_Screens)
#include "tst_screens.moc"
