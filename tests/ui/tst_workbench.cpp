// SPDX-License-Identifier: GPL-3.0-or-later
// Which project am I in, and where are my panels: the window title, tabs,
// tree, chat, docs and stats follow the current project; the panel
// shortcuts bring a panel to the front and into focus.
#include "chat/chatinput.h"
#include "chat/chatpanel.h"
#include "chat/conversationstore.h"
#include "codeview/codeview.h"
#include "docs/docspanel.h"
#include "files/filetreemodel.h"
#include "help/helpdialogs.h"
#include "editor/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "prompts/prompttemplate.h"
#include "projects/projectlistmodel.h"
#include "projects/projectstore.h"
#include "search/searchpanel.h"
#include "stats/statspanel.h"
#include "testworkspace.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

class tst_Workbench final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void selectingAProjectMakesItCurrentEverywhere();
    void tabsSayWhichProjectAFileIsFrom();
    void panelShortcutsBringThePanelForwardAndFocusIt();
    void aRefreshReportsInTheStatusBarWithoutADialog();
    void helpListsTheShortcutsAndTheGuide();
    void anUnreadableWorkspaceSaysSoInsteadOfLookingEmpty();
    void codeTasksFillTheQuestionWithTheCodeOnShow();
    void docsAndStatsTakeTheWidthAndScrollOnce();

private:
    // Imports both sample folders; true once the last one's files are listed.
    bool showWithTwoProjects(MainWindow &window);
    void selectProject(MainWindow &window, const QString &name);
    QTemporaryDir m_engine;
    QTemporaryDir m_website;
};

void tst_Workbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("realm-tests"));
    QApplication::setApplicationName(QStringLiteral("tst_workbench"));
    // Both have a main.cpp: the tabs must tell them apart.
    Test::writeFile(m_engine.path(), QStringLiteral("src/core/main.cpp"), "int main() { return 0; }\n");
    Test::writeFile(m_engine.path(), QStringLiteral("README.md"), "# Engine\n");
    Test::writeFile(m_website.path(), QStringLiteral("main.cpp"), "int main() { return 1; }\n");
}

void tst_Workbench::init()
{
    QSettings().clear();
}

bool tst_Workbench::showWithTwoProjects(MainWindow &window)
{
    window.show();
    for (const QString &folder : {m_engine.path(), m_website.path()}) {
        QSignalSpy imported(&window, &MainWindow::importFinished);
        QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
        window.importSource(folder);
        if (!imported.wait(10000) || !imported.first().at(0).toBool())
            return false;
        if (filesLoaded.isEmpty() && !filesLoaded.wait(10000))
            return false;
    }
    return true;
}

void tst_Workbench::selectProject(MainWindow &window, const QString &name)
{
    auto *list = window.findChild<QListView *>(QStringLiteral("projectList"));
    QVERIFY(list);
    for (int row = 0; row < window.projectFilter()->rowCount(); ++row) {
        const QModelIndex index = window.projectFilter()->index(row, 0);
        if (index.data().toString() == name) {
            QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
            list->setCurrentIndex(index);
            QVERIFY(filesLoaded.wait(10000));
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no project %1 in the list").arg(name)));
}

void tst_Workbench::selectingAProjectMakesItCurrentEverywhere()
{
    TestWorkspace ws;
    const QString engine = QFileInfo(m_engine.path()).fileName();
    const QString website = QFileInfo(m_website.path()).fileName();
    MainWindow window(ws.db());
    QVERIFY(showWithTwoProjects(window));

    // An earlier conversation about the engine, and one about nothing.
    const auto idOf = [&](const QString &name) {
        return Projects::ProjectStore(ws.db()).find(name)->id;
    };
    Chat::ConversationStore conversations(ws.db());
    const QString aboutEngine = conversations.create(QStringLiteral("Why does main return 0?"), idOf(engine))->id;
    QVERIFY(conversations.create(QStringLiteral("Unrelated")).ok());

    // The list says more than names: files, size, last change.
    QModelIndex engineRow;
    for (int row = 0; row < window.projectFilter()->rowCount(); ++row) {
        if (window.projectFilter()->index(row, 0).data().toString() == engine)
            engineRow = window.projectFilter()->index(row, 0);
    }
    QVERIFY2(engineRow.data(ProjectListModel::DetailsRole).toString().startsWith(QStringLiteral("2 file")),
             qPrintable(engineRow.data(ProjectListModel::DetailsRole).toString()));

    selectProject(window, engine);
    QCOMPARE(window.currentProjectId(), idOf(engine));
    QCOMPARE(window.windowTitle(), engine + QStringLiteral(" — REALM"));
    QCOMPARE(window.docsPanel()->projectId(), idOf(engine));
    QCOMPARE(window.statsPanel()->projectId(), idOf(engine));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("docsTitle"))->text(), engine);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("statsTitle"))->text(), engine);
    if (window.chatPanel()->conversationId() != aboutEngine) {
        QSignalSpy opened(window.chatPanel(), &ChatPanel::conversationOpened);
        QVERIFY(opened.wait(10000));
    }
    QCOMPARE(window.chatPanel()->conversationId(), aboutEngine);

    // Opening a file names it in the title and selects it in the tree,
    // its folders expanded.
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFile(QStringLiteral("src/core/main.cpp"));
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.windowTitle(), QStringLiteral("main.cpp — %1 — REALM").arg(engine));
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("fileTree"));
    QCOMPARE(tree->currentIndex().data(FileTreeModel::PathRole).toString(), QStringLiteral("src/core/main.cpp"));
    QVERIFY(tree->isExpanded(window.fileModel()->indexForPath(QStringLiteral("src/core"))));

    // The status bar says where the cursor is and what the file is.
    auto *cursorInfo = window.findChild<QLabel *>(QStringLiteral("cursorInfo"));
    QCOMPARE(cursorInfo->text(), QStringLiteral("Ln 1, Col 1 · C++ · UTF-8 · LF"));
    QTextCursor cursor = window.currentCodeView()->textCursor();
    cursor.setPosition(4);
    window.currentCodeView()->setTextCursor(cursor);
    QCOMPARE(cursorInfo->text(), QStringLiteral("Ln 1, Col 5 · C++ · UTF-8 · LF"));

    // The website has no conversation yet: the chat starts a new one.
    selectProject(window, website);
    QCOMPARE(window.docsPanel()->projectId(), idOf(website));
    QCOMPARE(window.statsPanel()->projectId(), idOf(website));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("statsTitle"))->text(), website);
    QTRY_VERIFY(window.chatPanel()->conversationId().isEmpty());
    // The file in front is still the engine's: the title says so.
    QCOMPARE(window.windowTitle(), QStringLiteral("main.cpp — %1 — REALM").arg(engine));

    // Renaming the project renames it in the title.
    Projects::ProjectChanges renamed;
    renamed.name = QStringLiteral("motor");
    QVERIFY(Projects::ProjectStore(ws.db()).update(idOf(engine), renamed).ok());
    QSignalSpy reloaded(&window, &MainWindow::projectsLoaded);
    window.reloadProjects();
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(window.windowTitle(), QStringLiteral("main.cpp — motor — REALM"));
}

void tst_Workbench::tabsSayWhichProjectAFileIsFrom()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    QVERIFY(showWithTwoProjects(window));
    const QString engine = QFileInfo(m_engine.path()).fileName();
    const QString website = QFileInfo(m_website.path()).fileName();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
    QVERIFY(tabs);

    QSignalSpy opened(&window, &MainWindow::fileOpened);
    selectProject(window, engine);
    window.openFile(QStringLiteral("src/core/main.cpp"));
    QVERIFY(opened.wait(10000));
    window.openFile(QStringLiteral("README.md"));
    QVERIFY(opened.wait(10000));
    QCOMPARE(tabs->tabText(0), QStringLiteral("main.cpp"));
    QCOMPARE(tabs->tabToolTip(0), QStringLiteral("src/core/main.cpp\nin %1").arg(engine));

    // The website's main.cpp: now two tabs read "main.cpp", so both get
    // their project's name in front; README.md stays as it is.
    selectProject(window, website);
    window.openFile(QStringLiteral("main.cpp"));
    QVERIFY(opened.wait(10000));
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), QStringLiteral("%1: main.cpp").arg(engine));
    QCOMPARE(tabs->tabText(1), QStringLiteral("README.md"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("%1: main.cpp").arg(website));
    QCOMPARE(window.windowTitle(), QStringLiteral("main.cpp — %1 — REALM").arg(website));

    // Closing one of them ends the clash.
    tabs->setCurrentIndex(2);
    emit tabs->tabCloseRequested(2);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QStringLiteral("main.cpp"));
}

void tst_Workbench::panelShortcutsBringThePanelForwardAndFocusIt()
{
    TestWorkspace ws;
    QVERIFY(Projects::ProjectStore(ws.db()).create(QStringLiteral("current")).ok()); // panels work on a project
    MainWindow window(ws.db());
    QSignalSpy loaded(&window, &MainWindow::projectsLoaded);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
    QTRY_VERIFY(window.statsPanel()->isEnabled());

    auto *chatDock = window.findChild<QDockWidget *>(QStringLiteral("chatDock"));
    auto *searchDock = window.findChild<QDockWidget *>(QStringLiteral("searchDock"));
    QVERIFY(chatDock && searchDock);
    // Stats and Docs need the width: they are tabs of the editor area, not
    // open yet.
    EditorArea *editor = window.editorArea();
    QVERIFY(!window.statsPanel()->isVisible());
    QVERIFY(!editor->isPageOpen(window.statsPanel()));

    // Ctrl+Shift+T (and Alt+6) bring Stats to the front, as wide as the editor.
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor->currentPage(), static_cast<QWidget *>(window.statsPanel()));
    QTRY_VERIFY(!window.statsPanel()->visibleRegion().isEmpty());
    QCOMPARE(window.statsPanel()->width(), editor->width());
    QVERIFY(window.statsPanel()->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == window.statsPanel());
    QVERIFY(editor->tabKeys().isEmpty()); // a page is not a file of the session

    // Pressing it again keeps it in front: showing is not toggling.
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor->currentPage(), static_cast<QWidget *>(window.statsPanel()));
    QCOMPARE(editor->openTabCount(), 1);

    // Alt+5: Docs beside it; Ctrl+W puts a page away, without destroying it.
    QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);
    QCOMPARE(editor->currentPage(), static_cast<QWidget *>(window.docsPanel()));
    QCOMPARE(editor->openTabCount(), 2);
    QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(editor->openTabCount(), 1);
    QVERIFY(!window.docsPanel()->isVisible());
    QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);
    QCOMPARE(editor->currentPage(), static_cast<QWidget *>(window.docsPanel()));
    // Hide Panel (Shift+Esc) puts away the page holding the focus.
    QVERIFY(window.docsPanel()->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == window.docsPanel());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape, Qt::ShiftModifier);
    QVERIFY(!editor->isPageOpen(window.docsPanel()));
    QVERIFY(editor->isPageOpen(window.statsPanel()));
    QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);

    // Alt+4: the chat, the cursor in its input.
    QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
    QTRY_VERIFY(!chatDock->visibleRegion().isEmpty());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.chatPanel()->input()));

    // Alt+3 shows the hidden search panel with the cursor in its query.
    QVERIFY(!searchDock->isVisible());
    QTest::keyClick(&window, Qt::Key_3, Qt::AltModifier);
    QVERIFY(searchDock->isVisible());
    QVERIFY(searchDock->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));

    // Hide Panel (Shift+Esc) hides the panel holding the focus, and only it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape, Qt::ShiftModifier);
    QVERIFY(!searchDock->isVisible());
    QVERIFY(chatDock->isVisible());

    // The View menu lists every panel with its shortcut.
    QStringList listed;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->objectName().startsWith(QLatin1String("show-")))
            listed << action->objectName() + QLatin1Char('=') + action->shortcut().toString();
    }
    listed.sort();
    QCOMPARE(listed, (QStringList{QStringLiteral("show-chatDock=Alt+4"), QStringLiteral("show-docsPage=Alt+5"),
                                  QStringLiteral("show-filesDock=Alt+2"), QStringLiteral("show-projectsDock=Alt+1"),
                                  QStringLiteral("show-searchDock=Alt+3"), QStringLiteral("show-statsPage=Alt+6")}));
}

void tst_Workbench::aRefreshReportsInTheStatusBarWithoutADialog()
{
    TestWorkspace ws;
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("main.c"), "int main(void) { return 0; }\n");
    MainWindow window(ws.db());
    window.show();
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    window.importSource(source.path());
    QVERIFY(filesLoaded.wait(10000));

    // A name git reserves: the refresh rejects it, with a reason.
    Test::writeFile(source.path(), QStringLiteral(".GIT"), "not a repository\n");
    QSignalSpy finished(&window, &MainWindow::importFinished);
    window.refreshProject(window.currentProjectId());
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(window.findChildren<QMessageBox *>().isEmpty()); // nothing in the way
    auto *details = window.findChild<QPushButton *>(QStringLiteral("importDetails"));
    QVERIFY(details && details->isVisible());
    QVERIFY(!window.statusBar()->currentMessage().isEmpty());

    // The report is one click away.
    details->click();
    const QList<QMessageBox *> boxes = window.findChildren<QMessageBox *>();
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(boxes.first()->detailedText().contains(QStringLiteral(".GIT")), qPrintable(boxes.first()->detailedText()));
    QVERIFY(!details->isVisible());
}

void tst_Workbench::helpListsTheShortcutsAndTheGuide()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    ShortcutsDialog shortcuts(window.menuBar());
    const QStringList all = shortcuts.visibleRows();
    QVERIFY(all.contains(QStringLiteral("View → Chat\tAlt+4, Ctrl+Shift+L")));
    QVERIFY(all.contains(QStringLiteral("View → Panels → Chat\t"))); // the toggles have no keys
    // Filtered as you type, by words of the command or by keys.
    shortcuts.setFilter(QStringLiteral("ctrl+shift+t"));
    QCOMPARE(shortcuts.visibleRows(), QStringList{QStringLiteral("View → Stats\tAlt+6, Ctrl+Shift+T")});
    shortcuts.setFilter(QStringLiteral("find next"));
    QCOMPARE(shortcuts.visibleRows(), QStringList{QStringLiteral("Edit → Find Next\tF3")});
    shortcuts.setFilter(QString());
    QCOMPARE(shortcuts.visibleRows(), all);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        shortcuts.setFilter(QStringLiteral("find"));
        shortcuts.show();
        QVERIFY(shortcuts.grab().save(dir + QStringLiteral("/shortcuts.png")));
    }

    UserGuideDialog guide;
    const QString text = guide.findChild<QTextBrowser *>(QStringLiteral("userGuide"))->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Quick start")), qPrintable(text.left(200)));
}

void tst_Workbench::codeTasksFillTheQuestionWithTheCodeOnShow()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    QVERIFY(showWithTwoProjects(window));
    const QString engine = QFileInfo(m_engine.path()).fileName();
    selectProject(window, engine);
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFile(QStringLiteral("src/core/main.cpp"));
    QVERIFY(opened.wait(10000));
    auto *code = window.findChild<CodeView *>();
    QVERIFY(code);
    QVERIFY(QTest::qWaitFor([code] { return code->toPlainText().contains(QStringLiteral("return 0")); }, 10000));
    QTextCursor cursor = code->textCursor();
    cursor.setPosition(0);
    cursor.movePosition(QTextCursor::EndOfLine, QTextCursor::KeepAnchor);
    code->setTextCursor(cursor); // "int main() { return 0; }"

    // From the Chat menu; the editor's context menu holds the same QActions.
    QAction *findBugs = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QLatin1String("Find &Bugs in Selection"))
            findBugs = action;
    }
    QVERIFY(findBugs);
    findBugs->trigger();
    const QString question = window.findChild<ChatInput *>(QStringLiteral("chatInput"))->toPlainText();
    const Prompts::PromptTemplate template_ = *Prompts::builtInPrompt(QStringLiteral("find-bugs"));
    const Result<QString> expected = Prompts::renderPrompt(template_, {QStringLiteral("int main() { return 0; }"), QStringLiteral("src/core/main.cpp"),
                                                                       QStringLiteral("C++"), QStringLiteral("cpp"), engine, {}});
    QVERIFY(expected);
    QCOMPARE(question, *expected);
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("chatDock"))->isVisible());
    QCOMPARE(window.findChild<ChatPanel *>()->conversationId(), QString()); // nothing was sent
}

void tst_Workbench::anUnreadableWorkspaceSaysSoInsteadOfLookingEmpty()
{
    TestWorkspace ws;
    QVERIFY(Projects::ProjectStore(ws.db()).create(QStringLiteral("kept")).ok());
    // Damage the way a broken upgrade or a foreign tool would: the project
    // list cannot be read.
    QSqlQuery damage(ws.db()->connection());
    QVERIFY(damage.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    QVERIFY2(damage.exec(QStringLiteral("ALTER TABLE projects RENAME TO projects_elsewhere")), qPrintable(damage.lastError().text()));
    MainWindow window(ws.db());
    QSignalSpy loaded(&window, &MainWindow::projectsLoaded);
    window.show();
    auto *welcome = window.findChild<QLabel *>(QStringLiteral("welcomeText"));
    QTRY_VERIFY(welcome->text().contains(QStringLiteral("cannot be read")));
    QVERIFY(!window.statusBar()->currentMessage().isEmpty()); // with the reason
    QVERIFY(!welcome->text().contains(QStringLiteral("Welcome"))); // not the page for an empty workspace
    QVERIFY(loaded.isEmpty());
}

void tst_Workbench::docsAndStatsTakeTheWidthAndScrollOnce()
{
    TestWorkspace ws;
    MainWindow window(ws.db());
    window.resize(1280, 720);
    window.show();
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    QSignalSpy statsLoaded(window.statsPanel(), &StatsPanel::loaded); // the panel loads the current project
    window.openDemoProject();
    QVERIFY(filesLoaded.wait(20000));
    window.showStats();
    QVERIFY(!statsLoaded.isEmpty() || statsLoaded.wait(20000));
    QCOMPARE(window.statsPanel()->width(), window.editorArea()->width());
    auto *scroll = window.statsPanel()->findChild<QScrollArea *>(QStringLiteral("statsScroll"));
    for (bool tables : {false, true}) {
        window.statsPanel()->showTables(tables);
        QCoreApplication::processEvents();
        // One scroll bar, the panel's: every list is tall enough for all
        // its rows, so none scrolls inside it; nothing is wider than the page.
        for (QTableView *table : window.statsPanel()->findChildren<QTableView *>()) {
            if (table->isVisible())
                QVERIFY2(table->height() >= table->horizontalHeader()->height() + table->verticalHeader()->length(),
                         qPrintable(table->horizontalHeader()->model()->headerData(0, Qt::Horizontal).toString()));
        }
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window.grab().save(dir + (tables ? QStringLiteral("/stats-tables-1280.png") : QStringLiteral("/stats-1280.png"))));
    }
    // The marker list shows every marker without a scroll bar of its own
    // (the demo has one TODO).
    auto *markers = window.statsPanel()->markerList();
    QCOMPARE(markers->topLevelItem(0)->text(1), QStringLiteral("TODO"));
    QVERIFY(markers->height() >= markers->header()->height() + markers->topLevelItemCount() * markers->sizeHintForRow(0));

    window.showDocs();
    QCOMPARE(window.docsPanel()->width(), window.editorArea()->width());
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/docs-1280.png")));
    }
}

QTEST_MAIN(tst_Workbench)
#include "tst_workbench.moc"
