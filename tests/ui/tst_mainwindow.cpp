// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop window on the offscreen platform, driven like a user would.
#include "codeview/codeview.h"
#include "files/filetreemodel.h"
#include "mainwindow/mainwindow.h"
#include "jobs/background.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "team/teamactions.h"
#include "palette/commandpalette.h"
#include "projects/projectactions.h"
#include "search/quickopendialog.h"
#include "search/searchpanel.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QTreeView>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

class tst_MainWindow final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void importFolderShowsTheProjectAndItsFiles();
    void projectFilterNarrowsTheList();
    void activatingAFileInTheTreeOpensIt();
    void findAndGoToLineInTheCodeView();
    void binaryFilesShowAHexSummary();
    void sourceFilesAreHighlighted();
    void largeFilesArriveInSlicesAndJumpsWait();
    void cancelledImportChangesNothing();
    void searchPanelStreamsResultsAndJumpsToTheMatch();
    void quickOpenRanksFilesAsYouType();
    void commandPaletteListsAndRunsActions();
    void lastProjectIsRestoredAfterRestart();
    void openTabsAreRestoredAfterRestart();
    void renameTrashUndoAndRefreshFromTheWindow();
    void aTreeLoadOvertakenByAChangeIsDropped();
    void aRefreshKeepsTheTreesOpenFoldersAndRow();
    void settingsRoundTripAndDriveImports();
    void darkThemeDarkensThePalette();
    void germanTranslationCoversTheWindow();
    void screenshotModeRendersTheDemoProject();

private:
    // Shows the window and imports the sample folder into it; true once its
    // files are listed.
    bool showWithSampleProject(MainWindow &window);
    QTemporaryDir m_source;
};

namespace {
// For tests of F5 itself: with the folder followed, its refresh could take
// in the change first (tst_folderwatch tests that).
void turnOffFollowingFolders()
{
    AppSettings settings = AppSettings::load();
    settings.followFolders = false;
    settings.save();
}
} // namespace

bool tst_MainWindow::showWithSampleProject(MainWindow &window)
{
    window.show();
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    window.importSource(m_source.path());
    return filesLoaded.wait(10000);
}

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("realm-tests"));
    QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    Test::writeFile(m_source.path(), QStringLiteral("src/app.cpp"), "int main()\n{\n    return answer();\n}\n");
    Test::writeFile(m_source.path(), QStringLiteral("src/answer.h"), "inline int answer() { return 42; }\n");
    Test::writeFile(m_source.path(), QStringLiteral("docs/logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    Test::writeFile(m_source.path(), QStringLiteral("README.md"), "# Sample\n");
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::importFolderShowsTheProjectAndItsFiles()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    window.importSource(m_source.path());
    QVERIFY(imported.wait(10000));
    QCOMPARE(imported.first().at(0).toBool(), true);
    QVERIFY(imported.first().at(1).toString().contains(QStringLiteral("4 file(s)")));
    QVERIFY(!filesLoaded.isEmpty() || filesLoaded.wait(10000));
    QCOMPARE(window.projectFilter()->rowCount(), 1);
    QCOMPARE(window.projectFilter()->index(0, 0).data().toString(), QFileInfo(m_source.path()).fileName());
    FileTreeModel *files = window.fileModel();
    QCOMPARE(files->rowCount(), 3); // docs/, src/, README.md: folders first
    QCOMPARE(files->index(0, 0).data().toString(), QStringLiteral("docs"));
    QCOMPARE(files->index(2, 0).data().toString(), QStringLiteral("README.md"));
    const QModelIndex logo = files->indexForPath(QStringLiteral("docs/logo.png"));
    QVERIFY(logo.data(FileTreeModel::IsBinaryRole).toBool());
}

void tst_MainWindow::projectFilterNarrowsTheList()
{
    TestWorkspace ws;
    Projects::ProjectStore store(ws.db());
    QVERIFY(store.create(QStringLiteral("compiler"), QStringLiteral("a toy C compiler")).ok());
    QVERIFY(store.create(QStringLiteral("website"), {}, {QStringLiteral("frontend")}).ok());
    QVERIFY(store.create(QStringLiteral("notes 10")).ok());
    QVERIFY(store.create(QStringLiteral("notes 9")).ok());
    MainWindow window(ws.db());
    QSignalSpy loaded(&window, &MainWindow::projectsLoaded);
    window.show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(window.projectFilter()->rowCount(), 4);
    // Numbers sort the way people count.
    QCOMPARE(window.projectFilter()->index(1, 0).data().toString(), QStringLiteral("notes 9"));
    QCOMPARE(window.projectFilter()->index(2, 0).data().toString(), QStringLiteral("notes 10"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("projectFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("FRONT"));
    QCOMPARE(window.projectFilter()->rowCount(), 1);
    QCOMPARE(window.projectFilter()->index(0, 0).data().toString(), QStringLiteral("website"));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("toy"));
    QCOMPARE(window.projectFilter()->index(0, 0).data().toString(), QStringLiteral("compiler"));
}

void tst_MainWindow::activatingAFileInTheTreeOpensIt()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    QVERIFY(showWithSampleProject(window));
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("fileTree"));
    QVERIFY(tree);
    const QModelIndex header = window.fileModel()->indexForPath(QStringLiteral("src/answer.h"));
    QVERIFY(header.isValid());
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    emit tree->activated(header);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().first().toString(), QStringLiteral("src/answer.h"));
    QVERIFY(window.currentCodeView());
    QCOMPARE(window.currentCodeView()->toPlainText(), QStringLiteral("inline int answer() { return 42; }\n"));
    // Activating a folder opens nothing.
    emit tree->activated(window.fileModel()->indexForPath(QStringLiteral("src")));
    QCOMPARE(opened.size(), 1);
}

void tst_MainWindow::findAndGoToLineInTheCodeView()
{
    CodeView view;
    view.showText(QStringLiteral("alpha\nbeta alpha\ngamma\nALPHA\n"));
    QCOMPARE(view.find(QStringLiteral("alpha"), {}).count, 3); // case-insensitive unless asked
    QCOMPARE(view.textCursor().selectedText(), QStringLiteral("alpha"));
    view.goToLine(3);
    QCOMPARE(view.textCursor().blockNumber(), 2);
    view.goToLine(2, 6, 5);
    QCOMPARE(view.textCursor().selectedText(), QStringLiteral("alpha"));
    QCOMPARE(view.find(QString(), {}).count, 0);

    // Copy with line numbers: the selected lines, numbered and aligned.
    QTextCursor c = view.textCursor();
    c.setPosition(view.document()->findBlockByNumber(1).position() + 2);
    c.setPosition(view.document()->findBlockByNumber(2).position() + 1, QTextCursor::KeepAnchor);
    view.setTextCursor(c);
    QCOMPARE(view.selectionWithLineNumbers(), QStringLiteral("2  beta alpha\n3  gamma"));
}

void tst_MainWindow::binaryFilesShowAHexSummary()
{
    CodeView view;
    view.showBinary(QByteArray("\x89PNG\r\n", 6), 6);
    QVERIFY(view.toPlainText().contains(QStringLiteral("Binary file, 6 byte(s)")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("00000000  89 50 4e 47 0d 0a")));
    QVERIFY(view.toPlainText().contains(QStringLiteral(".PNG..")));
    QCOMPARE(view.lineNumberAreaWidth(), 0); // the dump has its own offsets
    view.showText(QStringLiteral("text again\n"));
    QVERIFY(view.lineNumberAreaWidth() > 0);
}

void tst_MainWindow::sourceFilesAreHighlighted()
{
    CodeView view;
    view.setFileName(QStringLiteral("main.cpp"), 100);
    view.showText(QStringLiteral("int main() { return 0; } // done\n"));
    QCOMPARE(view.syntaxName(), QStringLiteral("C++"));
    QApplication::processEvents(); // the highlighter works from the event loop
    const QTextBlock block = view.document()->firstBlock();
    QVERIFY(!block.layout()->formats().isEmpty()); // keywords and the comment got formats
    // Switching to a dark palette recolours what is shown.
    QCOMPARE(view.syntaxThemeName(), QStringLiteral("Breeze Light"));
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    view.setPalette(dark);
    QCOMPARE(view.syntaxThemeName(), QStringLiteral("Breeze Dark"));
    CodeView large;
    large.setFileName(QStringLiteral("huge.cpp"), 5 * 1024 * 1024);
    QCOMPARE(large.syntaxName(), QString()); // too big to highlight without stalling
}

void tst_MainWindow::largeFilesArriveInSlicesAndJumpsWait()
{
    QString text;
    for (int i = 1; i <= 40000; ++i)
        text += QStringLiteral("line %1 of a large file\n").arg(i);
    CodeView view;
    QSignalSpy loaded(&view, &CodeView::loaded);
    view.showTextProgressively(text);
    QVERIFY(view.isLoading());
    QVERIFY(view.blockCount() < 40000); // only the first slice so far
    view.goToLine(39000, 6, 5);         // not there yet: remembered
    QVERIFY(loaded.wait(10000));
    QVERIFY(!view.isLoading());
    QCOMPARE(view.toPlainText(), text);
    QCOMPARE(view.textCursor().blockNumber(), 38999);
    QCOMPARE(view.textCursor().selectedText(), QStringLiteral("39000"));
}

void tst_MainWindow::cancelledImportChangesNothing()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.importSource(m_source.path());
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJob"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    // The click may come after a tiny import finished; either way the
    // outcome is all or nothing.
    if (imported.first().at(0).toBool())
        QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 1);
    else {
        QVERIFY(imported.first().at(1).toString().contains(QStringLiteral("cancelled")));
        QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 0);
        QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 0);
    }
    QVERIFY(!cancel->isVisible());
}

void tst_MainWindow::searchPanelStreamsResultsAndJumpsToTheMatch()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    QVERIFY(showWithSampleProject(window));

    window.showSearch();
    auto *query = window.findChild<QLineEdit *>(QStringLiteral("searchQuery"));
    QVERIFY(query && query->hasFocus());
    QSignalSpy finished(window.searchPanel(), &SearchPanel::searchFinished);
    QTest::keyClicks(query, QStringLiteral("answer"));
    QVERIFY(finished.wait(10000)); // after the typing pause, without Enter
    QCOMPARE(finished.last().first().toLongLong(), 2);
    QTreeWidget *results = window.searchPanel()->results();
    QCOMPARE(results->topLevelItemCount(), 2);
    QTreeWidgetItem *header = results->topLevelItem(0);
    QCOMPARE(header->text(0), QStringLiteral("src/answer.h (1)"));
    QCOMPARE(header->child(0)->text(0), QStringLiteral("    1: inline int answer() { return 42; }"));

    QSignalSpy opened(&window, &MainWindow::fileOpened);
    emit results->itemActivated(results->topLevelItem(1)->child(0), 0);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().first().toString(), QStringLiteral("src/app.cpp"));
    QCOMPARE(window.currentCodeView()->textCursor().blockNumber(), 2);
    QCOMPARE(window.currentCodeView()->textCursor().selectedText(), QStringLiteral("answer"));
}

void tst_MainWindow::quickOpenRanksFilesAsYouType()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    QVERIFY(showWithSampleProject(window));
    window.showQuickOpen();
    QuickOpenDialog *dialog = window.quickOpen();
    QSignalSpy ranked(dialog, &QuickOpenDialog::rankingFinished);
    dialog->setPattern(QStringLiteral("ah"));
    QVERIFY(ranked.wait(10000));
    QCOMPARE(dialog->results()->item(0)->text(), QStringLiteral("src/answer.h"));
    // The matched characters are marked for highlighting: 'a' of "answer",
    // 'h' of ".h"; the name starts after the folder.
    QCOMPARE(dialog->results()->item(0)->data(MatchPositionsRole).value<QList<qsizetype>>(), (QList<qsizetype>{4, 11}));
    QCOMPARE(dialog->results()->item(0)->data(NameStartRole).toInt(), 4);
    QVERIFY(!dialog->results()->item(0)->icon().isNull());
    // A frameless popup at the top centre of the window, inside it.
    QVERIFY(dialog->windowFlags().testFlag(Qt::FramelessWindowHint));
    const QRect windowRect(window.mapToGlobal(QPoint(0, 0)), window.size());
    QVERIFY2(windowRect.contains(dialog->geometry()), qPrintable(QStringLiteral("%1 %2").arg(QVariant(windowRect).toString(), QVariant(dialog->geometry()).toString())));
    QVERIFY(qAbs(dialog->geometry().center().x() - windowRect.center().x()) <= 1);
    QVERIFY(dialog->geometry().top() < windowRect.top() + windowRect.height() / 4);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/quick-open.png")));
    // Nothing matches: the popup says so rather than showing an empty list.
    dialog->setPattern(QStringLiteral("zzzq"));
    QVERIFY(ranked.wait(10000));
    QCOMPARE(dialog->results()->count(), 0);
    QVERIFY(dialog->emptyNote()->isVisible());
    QCOMPARE(dialog->emptyNote()->text(), QStringLiteral("No matching files"));
    dialog->setPattern(QStringLiteral("ah"));
    QVERIFY(ranked.wait(10000));
    QVERIFY(!dialog->emptyNote()->isVisible());

    QSignalSpy opened(&window, &MainWindow::fileOpened);
    QTest::keyClick(dialog->findChild<QLineEdit *>(), Qt::Key_Return);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().first().toString(), QStringLiteral("src/answer.h"));
}

void tst_MainWindow::commandPaletteListsAndRunsActions()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    window.show();
    window.showCommandPalette();
    CommandPalette *palette = window.commandPalette();
    QVERIFY(palette->isVisible());
    QStringList entries;
    for (int i = 0; i < palette->results()->count(); ++i) {
        const QListWidgetItem *item = palette->results()->item(i);
        entries << item->text() + QStringLiteral(" | ") + item->data(ShortcutRole).toString();
    }
    // Every action is listed, with its shortcut.
    QVERIFY(entries.contains(QStringLiteral("Find in Files | Ctrl+Shift+F")));
    QVERIFY(entries.contains(QStringLiteral("Open File in Project | Ctrl+P")));
    // Down in the filter field moves through the list.
    QTest::keyClick(palette->findChild<QLineEdit *>(), Qt::Key_Down);
    QCOMPARE(palette->results()->currentRow(), 1);
    // Going back to the window dismisses it, as a popup would.
    window.activateWindow();
    QTRY_VERIFY(!palette->isVisible());
    window.showCommandPalette();
    QTRY_VERIFY(palette->isActiveWindow());
    palette->setFilter(QStringLiteral("in files"));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(palette->grab().save(dir + QStringLiteral("/command-palette.png")));
    QCOMPARE(palette->results()->item(0)->text(), QStringLiteral("Find in Files"));
    QCOMPARE(palette->results()->item(0)->data(MatchPositionsRole).value<QList<qsizetype>>(), (QList<qsizetype>{5, 6, 8, 9, 10, 11, 12}));
    palette->setFilter(QStringLiteral("qqqzz"));
    QVERIFY(palette->emptyNote()->isVisible());
    QCOMPARE(palette->emptyNote()->text(), QStringLiteral("No matching commands"));
    palette->setFilter(QStringLiteral("in files"));
    QTest::keyClick(palette->findChild<QLineEdit *>(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("searchQuery"))->isVisible());
}

void tst_MainWindow::renameTrashUndoAndRefreshFromTheWindow()
{
    turnOffFollowingFolders();
    TestWorkspace ws;
    QTemporaryDir src;
    Test::writeFile(src.path(), QStringLiteral("a.txt"), "a\n");
    MainWindow window(ws.db());
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.importSource(src.path());
    QVERIFY(imported.wait(10000));
    ProjectActions *actions = window.projectActions();
    // The list reloads after the import; then the project is selected.
    QVERIFY(QTest::qWaitFor([actions] { return actions->renameAction()->isEnabled(); }, 10000));

    // Each change reloads the list in the background: wait for what it shows.
    QSignalSpy changed(actions, &ProjectActions::projectsChanged);
    const auto name = [&window](int row) { return window.projectFilter()->index(row, 0).data().toString(); };
    actions->create(QStringLiteral("zzz empty"));
    QTRY_COMPARE_WITH_TIMEOUT(window.projectFilter()->rowCount(), 2, 10000);
    QCOMPARE(name(1), QStringLiteral("zzz empty"));
    QCOMPARE(changed.size(), 1);
    window.findChild<QListView *>(QStringLiteral("projectList"))->setCurrentIndex(window.projectFilter()->index(0, 0));

    actions->rename(QStringLiteral("renamed"));
    QTRY_COMPARE_WITH_TIMEOUT(name(0), QStringLiteral("renamed"), 10000);

    // Trash, then Undo from the status bar.
    window.findChild<QListView *>(QStringLiteral("projectList"))->setCurrentIndex(window.projectFilter()->index(0, 0));
    actions->moveToTrash();
    QTRY_COMPARE_WITH_TIMEOUT(window.projectFilter()->rowCount(), 1, 10000);
    auto *undo = window.findChild<QPushButton *>(QStringLiteral("undo"));
    QVERIFY(undo && undo->isVisible());
    // Beside the message, never over it.
    QStatusBar *status = window.statusBar();
    QVERIFY(!status->currentMessage().isEmpty());
    QVERIFY2(undo->x() > status->fontMetrics().horizontalAdvance(status->currentMessage()),
             qPrintable(QStringLiteral("%1 at x=%2").arg(status->currentMessage()).arg(undo->x())));
    QTest::mouseClick(undo, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.projectFilter()->rowCount(), 2, 10000);
    QCOMPARE(changed.size(), 4);

    // Refresh picks up a new file.
    window.findChild<QListView *>(QStringLiteral("projectList"))->setCurrentIndex(window.projectFilter()->index(0, 0));
    Test::writeFile(src.path(), QStringLiteral("b.txt"), "b\n");
    imported.clear();
    emit actions->refreshAction()->triggered();
    QVERIFY(imported.wait(10000));
    QVERIFY2(imported.first().at(1).toString().contains(QStringLiteral("1 added")), qPrintable(imported.first().at(1).toString()));
    // The tree reloads after the refresh ends (a reload for the selection
    // may finish before it): wait for what it shows.
    QTRY_VERIFY_WITH_TIMEOUT(window.fileModel()->indexForPath(QStringLiteral("b.txt")).isValid(), 10000);
}

// A load of the tree under way when the project's files change (here a
// teammate's change arriving) read them before: it must not land and stop
// the reload (the repeat run once caught this after a refresh).
void tst_MainWindow::aTreeLoadOvertakenByAChangeIsDropped()
{
    turnOffFollowingFolders();
    TestWorkspace ws;
    QTemporaryDir src;
    Test::writeFile(src.path(), QStringLiteral("a.txt"), "a\n");
    MainWindow window(ws.db());
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.importSource(src.path());
    QVERIFY(imported.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(window.fileModel()->indexForPath(QStringLiteral("a.txt")).isValid(), 10000);
    const QString projectId = Projects::ProjectStore(ws.db()).list()->first().id;
    window.projectActions()->create(QStringLiteral("zzz empty"));
    QTRY_COMPARE_WITH_TIMEOUT(window.projectFilter()->rowCount(), 2, 10000);
    auto *projects = window.findChild<QListView *>(QStringLiteral("projectList"));
    projects->setCurrentIndex(window.projectFilter()->index(1, 0));
    QTRY_VERIFY_WITH_TIMEOUT(window.fileModel()->rowCount() == 0, 10000);

    // Back to the first project: its files are read (the answer waits in
    // the event queue) ...
    projects->setCurrentIndex(window.projectFilter()->index(0, 0));
    Ui::backgroundPool()->waitForDone();
    // ... and then they change, and the window hears of it before the answer lands.
    Test::writeFile(src.path(), QStringLiteral("b.txt"), "b\n");
    REALM_VERIFY_OK(Projects::ProjectImporter(ws.db()).refreshProject(projectId, {}));
    emit window.teamActions()->projectsReceived({projectId});
    QTRY_VERIFY_WITH_TIMEOUT(window.fileModel()->indexForPath(QStringLiteral("b.txt")).isValid(), 10000);
}

// A refresh (or a teammate's change arriving) lists the files again; the
// folders the user opened stay open and the current row stays current.
void tst_MainWindow::aRefreshKeepsTheTreesOpenFoldersAndRow()
{
    turnOffFollowingFolders();
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("src/app.cpp"), "int main() { return 0; }\n");
    Test::writeFile(source.path(), QStringLiteral("src/deep/inner.cpp"), "int inner() { return 1; }\n");
    Test::writeFile(source.path(), QStringLiteral("src/gone/old.cpp"), "int old() { return 2; }\n");
    Test::writeFile(source.path(), QStringLiteral("docs/guide.md"), "# Guide\n");
    TestWorkspace ws;
    MainWindow window(ws.db());
    window.show();
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    window.importSource(source.path());
    QVERIFY(filesLoaded.wait(10000));
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("fileTree"));
    QVERIFY(tree);
    const FileTreeModel *model = window.fileModel();
    for (const char *folder : {"src", "src/deep", "src/gone"})
        tree->expand(model->indexForPath(QString::fromLatin1(folder)));
    tree->setCurrentIndex(model->indexForPath(QStringLiteral("src/deep/inner.cpp")));

    Test::writeFile(source.path(), QStringLiteral("src/added.cpp"), "int added() { return 3; }\n");
    QVERIFY(QDir(source.filePath(QStringLiteral("src/gone"))).removeRecursively());
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.refreshProject(window.currentProjectId());
    QVERIFY(imported.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(model->indexForPath(QStringLiteral("src/added.cpp")).isValid(), 10000);
    QVERIFY(!model->indexForPath(QStringLiteral("src/gone")).isValid());
    QVERIFY(tree->isExpanded(model->indexForPath(QStringLiteral("src"))));
    QVERIFY(tree->isExpanded(model->indexForPath(QStringLiteral("src/deep"))));
    QVERIFY(!tree->isExpanded(model->indexForPath(QStringLiteral("docs"))));
    QCOMPARE(tree->currentIndex().data(FileTreeModel::PathRole).toString(), QStringLiteral("src/deep/inner.cpp"));
}

void tst_MainWindow::openTabsAreRestoredAfterRestart()
{
    TestWorkspace ws;
    {
        MainWindow window(ws.db());
        QVERIFY(showWithSampleProject(window));
        QSignalSpy opened(&window, &MainWindow::fileOpened);
        window.openFile(QStringLiteral("src/answer.h"));
        QVERIFY(opened.wait(10000));
        window.openFile(QStringLiteral("README.md"));
        QVERIFY(opened.wait(10000));
        window.close();
    }
    MainWindow again(ws.db());
    QSignalSpy opened(&again, &MainWindow::fileOpened);
    again.show();
    while (opened.size() < 2)
        QVERIFY(opened.wait(10000));
    QCOMPARE(again.openTabCount(), 2);
    QCOMPARE(again.currentCodeView()->toPlainText(), QStringLiteral("# Sample\n"));
}

void tst_MainWindow::lastProjectIsRestoredAfterRestart()
{
    TestWorkspace ws;
    Projects::ProjectStore store(ws.db());
    QVERIFY(store.create(QStringLiteral("first")).ok());
    const QString second = store.create(QStringLiteral("second"))->id;
    {
        MainWindow window(ws.db());
        QSignalSpy loaded(&window, &MainWindow::projectsLoaded);
        window.show();
        QVERIFY(loaded.wait(10000));
        window.openProject(second);
        window.close();
    }
    MainWindow again(ws.db());
    QSignalSpy loaded(&again, &MainWindow::projectsLoaded);
    again.show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(again.currentProjectId(), second);
}

void tst_MainWindow::settingsRoundTripAndDriveImports()
{
    AppSettings settings;
    settings.importExcludes = {QStringLiteral("docs")};
    settings.limits.maxFiles = 7;
    settings.theme = AppSettings::Theme::Dark;
    settings.language = QStringLiteral("de");
    settings.save();
    const AppSettings loaded = AppSettings::load();
    QCOMPARE(loaded.importExcludes, QStringList{QStringLiteral("docs")});
    QCOMPARE(loaded.limits.maxFiles, 7);
    QCOMPARE(loaded.theme, AppSettings::Theme::Dark);
    QCOMPARE(loaded.language, QStringLiteral("de"));

    // The dialog shows and returns them; an import honours the excludes.
    SettingsDialog dialog(loaded);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        dialog.show(); // for a person to look at: REALM_SCREENSHOT_DIR=/tmp ctest -R tst_mainwindow
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-dialog.png")));
    }
    QCOMPARE(dialog.settings().importExcludes, loaded.importExcludes);
    QCOMPARE(dialog.settings().limits.maxFiles, 7);
    // A workspace path REALM could not find at the next start is said
    // under the field, and OK waits until it is whole.
    dialog.show();
    auto *workspace = dialog.findChild<QLineEdit *>(QStringLiteral("workspacePath"));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("workspaceNote"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    workspace->setText(QStringLiteral("work.realm"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("Give the whole path")), qPrintable(note->text()));
    QVERIFY(!ok->isEnabled());
    workspace->setText(QDir::home().filePath(QStringLiteral("work.realm")));
    QVERIFY(!note->isVisible());
    QVERIFY(ok->isEnabled());
    workspace->clear(); // the default location
    QVERIFY(ok->isEnabled());
    QTest::keyClick(workspace, Qt::Key_Return); // Enter is OK, never Browse
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    TestWorkspace ws;
    MainWindow window(ws.db());
    QVERIFY(showWithSampleProject(window));
    QVERIFY(!window.fileModel()->indexForPath(QStringLiteral("docs")).isValid());
    QVERIFY(window.fileModel()->indexForPath(QStringLiteral("src/app.cpp")).isValid());
    applyAppearance(AppSettings::Theme::System);
}

void tst_MainWindow::darkThemeDarkensThePalette()
{
    applyAppearance(AppSettings::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 180);
    applyAppearance(AppSettings::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    applyAppearance(AppSettings::Theme::System);
}

void tst_MainWindow::germanTranslationCoversTheWindow()
{
    QVERIFY(installTranslation(QStringLiteral("de")));
    {
        TestWorkspace ws;
        MainWindow window(ws.db());
        QStringList menus;
        for (QAction *menu : window.menuBar()->actions())
            menus << menu->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Projekt"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Ansicht"),
                             QStringLiteral("&Chat"), QStringLiteral("&Team"), QStringLiteral("&Hilfe")}));
        QVERIFY(window.findChild<QPlainTextEdit *>(QStringLiteral("chatInput"))->placeholderText().startsWith(QStringLiteral("Fragen Sie")));
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("searchQuery"))->placeholderText(),
                 QStringLiteral("Suchtext (Eingabe: sofort suchen)"));
        // Qt's own strings too: standard buttons, dialogs.
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QStringLiteral("Abbrechen"));
    }
    // Counts in German, then — back in English — with English plural forms.
    const auto files = [](int n) { return QCoreApplication::translate("Realm::Ui::ProjectListModel", "%n file(s)", nullptr, n); };
    QCOMPARE(files(1), QStringLiteral("1 Datei"));
    QCOMPARE(files(3), QStringLiteral("3 Dateien"));
    QVERIFY(installTranslation(QStringLiteral("en")));
    QCOMPARE(files(1), QStringLiteral("1 file"));
    QCOMPARE(files(3), QStringLiteral("3 files"));
    QVERIFY(!installTranslation(QStringLiteral("fr"))); // no catalog: English
    QCOMPARE(files(1), QStringLiteral("1 file"));
    QVERIFY(installTranslation(QStringLiteral("en")));
    TestWorkspace ws;
    MainWindow english(ws.db());
    QCOMPARE(english.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QStringLiteral("Cancel"));
}

void tst_MainWindow::screenshotModeRendersTheDemoProject()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    QByteArray err;
    QCOMPARE(Test::run(Test::realmBinary(QStringLiteral("realm")), {QStringLiteral("--demo"), QStringLiteral("--screenshot"), png}, {},
                       nullptr, &err),
             0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), err.constData());
    QVERIFY(image.width() >= 800 && image.height() >= 500);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
