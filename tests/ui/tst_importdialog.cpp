// SPDX-License-Identifier: GPL-3.0-or-later
// The import dialog on the offscreen platform: every source kind, progress,
// cancel, and the summary of what was left out and why.
#include "jobs/importdialog.h"
#include "projects/importjob.h"
#include "mainwindow/mainwindow.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QSortFilterProxyModel>
#include <QTreeWidget>
#include <QUrl>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

class tst_ImportDialog final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void folderImportShowsProgressAndWhatWasLeftOut();
    void cancellingAnImportKeepsTheWorkspaceAndTheDialog();
    void missingSourceIsExplainedInTheDialog();
    void enterImportsAndBrowseNeverTakesIt();
    void brokenArchiveFailsWithAReasonAndTheFormStaysUsable();
    void gitTabImportsTheChosenBranch();
    void fileMenuOpensTheDialogAndTheWindowShowsTheProject();

private:
    QTemporaryDir m_source;
};

void tst_ImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("realm-tests"));
    QApplication::setApplicationName(QStringLiteral("tst_importdialog"));
    QSettings().clear();
    Test::writeFile(m_source.path(), QStringLiteral("src/main.c"), "int main(void) { return 0; }\n");
    Test::writeFile(m_source.path(), QStringLiteral("src/util.c"), "int util(void) { return 1; }\n");
    Test::writeFile(m_source.path(), QStringLiteral("generated/big.c"), "/* generated */\n");
    Test::writeFile(m_source.path(), QStringLiteral("README.md"), "# Sample\n");
}

void tst_ImportDialog::folderImportShowsProgressAndWhatWasLeftOut()
{
    TestWorkspace ws;
    ImportDialog dialog(ws.db(), ImportDialog::Kind::Folder);
    dialog.show();
    dialog.setSource(ImportDialog::Kind::Folder, m_source.path());
    dialog.findChild<QLineEdit *>(QStringLiteral("projectName"))->setText(QStringLiteral("sample"));
    auto *excludes = dialog.findChild<QPlainTextEdit *>(QStringLiteral("excludes"));
    excludes->setPlainText(excludes->toPlainText() + QStringLiteral("\ngenerated/"));

    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    QSignalSpy imported(&dialog, &ImportDialog::projectImported);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("startImport")), Qt::LeftButton);
    QVERIFY(dialog.isRunning());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("importProgress"))->isVisible());
    const QString screenshots = qEnvironmentVariable("REALM_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QCoreApplication::processEvents(); // lay out the changed buttons
        QVERIFY(dialog.grab().save(screenshots + QStringLiteral("/import-running.png")));
    }
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(imported.size(), 1);

    const auto report = imported.first().at(0).value<Projects::ImportReport>();
    QCOMPARE(report.project.name, QStringLiteral("sample"));
    QCOMPARE(Test::projectPaths(ws.db(), report.project.id),
             QStringList({QStringLiteral("README.md"), QStringLiteral("src/main.c"), QStringLiteral("src/util.c")}));
    const QString summary = dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("3 file(s)")) && summary.contains(QStringLiteral("1 left out")), qPrintable(summary));
    auto *issues = dialog.findChild<QTreeWidget *>(QStringLiteral("importIssues"));
    QVERIFY(issues->isVisible());
    QCOMPARE(issues->topLevelItemCount(), 1);
    QCOMPARE(issues->topLevelItem(0)->text(0), QStringLiteral("Left out (1)"));
    QVERIFY(issues->topLevelItem(0)->child(0)->text(0).startsWith(QStringLiteral("generated")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("importProgress"))->isVisible());
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("cancelImport"))->text(), QStringLiteral("Close"));
    if (!screenshots.isEmpty()) {
        QCoreApplication::processEvents();
        QVERIFY(dialog.grab().save(screenshots + QStringLiteral("/import-summary.png")));
    }
}

void tst_ImportDialog::cancellingAnImportKeepsTheWorkspaceAndTheDialog()
{
    QTemporaryDir many;
    for (int i = 0; i < 3000; ++i)
        Test::writeFile(many.path(), QStringLiteral("dir%1/file%2.txt").arg(i / 100).arg(i), QByteArray(2000, 'x') + QByteArray::number(i));
    TestWorkspace ws;
    ImportDialog dialog(ws.db(), ImportDialog::Kind::Folder);
    dialog.show();
    dialog.setSource(ImportDialog::Kind::Folder, many.path());
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.startImport();
    auto *job = dialog.findChild<Projects::ImportJob *>();
    QVERIFY(job);
    QSignalSpy progressed(job, &Projects::ImportJob::progress);
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelImport"));
    QCOMPARE(cancel->text(), QStringLiteral("Cancel Import"));
    // Cancel as soon as the first progress report shows the import under way.
    QVERIFY(!progressed.isEmpty() || !finished.isEmpty() || progressed.wait(10000));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // stays to report the outcome
    QVERIFY(!finished.isEmpty() || finished.wait(10000));

    // All or nothing, whichever won the race.
    qInfo("the import %s", finished.first().at(0).toBool() ? "finished before the cancel" : "was cancelled");
    if (finished.first().at(0).toBool()) {
        QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 1);
    } else {
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("Import cancelled; nothing was changed."));
        QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 0);
        QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files")), 0);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text().contains(QStringLiteral("cancelled")));
    }
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("startImport"))->isEnabled());
    QCOMPARE(cancel->text(), QStringLiteral("Close"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void tst_ImportDialog::missingSourceIsExplainedInTheDialog()
{
    TestWorkspace ws;
    ImportDialog dialog(ws.db(), ImportDialog::Kind::Folder);
    dialog.show();
    // Nothing to import yet: Import waits.
    auto *import = dialog.findChild<QPushButton *>(QStringLiteral("startImport"));
    QVERIFY(!import->isEnabled());
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.startImport();
    QVERIFY(!dialog.isRunning());
    QVERIFY(dialog.locationNote()->isVisible());
    QVERIFY(dialog.locationNote()->text().contains(QStringLiteral("Choose what to import")));

    // A folder that is not there is said under the field, not in a box.
    auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("folderLocation"));
    folder->setText(m_source.path() + QStringLiteral("/no-such-folder"));
    QVERIFY(import->isEnabled());
    QVERIFY(!dialog.locationNote()->isVisible());
    QTest::keyClick(folder, Qt::Key_Return); // Enter imports
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(dialog.locationNote()->isVisible());
    QVERIFY2(dialog.locationNote()->text().contains(QStringLiteral("does not exist")), qPrintable(dialog.locationNote()->text()));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->isVisible());
    // Fixing it takes the note away.
    folder->setText(m_source.path());
    QVERIFY(!dialog.locationNote()->isVisible());
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        folder->setText(m_source.path() + QStringLiteral("/no-such-folder"));
        QTest::keyClick(folder, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/import-missing-folder.png")));
    }
}

void tst_ImportDialog::enterImportsAndBrowseNeverTakesIt()
{
    TestWorkspace ws;
    ImportDialog dialog(ws.db(), ImportDialog::Kind::Folder);
    dialog.show();
    auto *import = dialog.findChild<QPushButton *>(QStringLiteral("startImport"));
    QVERIFY(import->isDefault());
    // Browse may not take Enter: a button with autoDefault becomes the
    // default while it has the focus, as Browse has after a click.
    int browseButtons = 0;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().contains(QStringLiteral("Browse"))) {
            QVERIFY(!button->autoDefault());
            ++browseButtons;
        }
    }
    QCOMPARE(browseButtons, 2);
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("projectName"));
    dialog.setSource(ImportDialog::Kind::Folder, m_source.path());
    name->setText(QStringLiteral("by-enter"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(Projects::ProjectStore(ws.db()).list()->constFirst().name, QStringLiteral("by-enter"));
}

void tst_ImportDialog::brokenArchiveFailsWithAReasonAndTheFormStaysUsable()
{
    QTemporaryDir dir;
    const QString archive = dir.filePath(QStringLiteral("broken.zip"));
    Test::writeFile(dir.path(), QStringLiteral("broken.zip"), QByteArray("PK\x03\x04 this is not really a zip", 30));
    TestWorkspace ws;
    ImportDialog dialog(ws.db(), ImportDialog::Kind::Archive);
    dialog.show();
    dialog.setSource(ImportDialog::Kind::Archive, archive);
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.startImport();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("broken.zip")), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 0);
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("archiveLocation"))->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("startImport"))->isEnabled());
}

void tst_ImportDialog::gitTabImportsTheChosenBranch()
{
    QTemporaryDir repo;
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}), 0);
    Test::writeFile(repo.path(), QStringLiteral("main.txt"), "on main\n");
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")}), 0);
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature")}), 0);
    Test::writeFile(repo.path(), QStringLiteral("feature.txt"), "on feature\n");
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("feature")}), 0);
    QCOMPARE(Test::git(repo.path(), {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}), 0);

    TestWorkspace ws;
    ImportDialog dialog(ws.db(), ImportDialog::Kind::Git);
    dialog.show();
    dialog.setSource(ImportDialog::Kind::Git, QUrl::fromLocalFile(repo.path()).toString(), QStringLiteral("feature"));
    QSignalSpy imported(&dialog, &ImportDialog::projectImported);
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.startImport();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const auto report = imported.first().at(0).value<Projects::ImportReport>();
    QCOMPARE(Test::projectPaths(ws.db(), report.project.id), QStringList({QStringLiteral("feature.txt"), QStringLiteral("main.txt")}));
    QCOMPARE(report.project.source.ref, QStringLiteral("feature"));
}

void tst_ImportDialog::fileMenuOpensTheDialogAndTheWindowShowsTheProject()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    auto *dialog = window.findChild<ImportDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    dialog->setSource(ImportDialog::Kind::Folder, m_source.path());
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    QTest::keyClick(dialog->findChild<QPushButton *>(QStringLiteral("startImport")), Qt::Key_Return);
    QVERIFY(filesLoaded.wait(10000));
    QCOMPARE(window.currentProjectId(), Projects::ProjectStore(ws.db()).list()->constFirst().id);
    QCOMPARE(window.projectFilter()->rowCount(), 1);
}

QTEST_MAIN(tst_ImportDialog)
#include "tst_importdialog.moc"
