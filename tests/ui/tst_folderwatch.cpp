// SPDX-License-Identifier: GPL-3.0-or-later
// The open project follows its folder: what changes there on disk reaches
// the workspace, the file tree and the open tab, on a real folder with the
// system's own file watching.
#include "codeview/codeview.h"
#include "files/filetreemodel.h"
#include "mainwindow/mainwindow.h"
#include "projects/folderwatch.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "testworkspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;
using Realm::Test::writeFile;

namespace {

constexpr int kWait = 15000;

// A workspace with a project imported from a folder.
class Imported {
public:
    // Two files, and `more` in more/.
    explicit Imported(int more = 0)
    {
        writeFile(folder.path(), QStringLiteral("main.c"), "int main(void) { return 0; }\n");
        writeFile(folder.path(), QStringLiteral("lib/util.c"), "int util(void) { return 1; }\n");
        for (int i = 0; i < more; ++i)
            writeFile(folder.path(), QStringLiteral("more/f%1.c").arg(i), QByteArray("int f") + QByteArray::number(i) + ";\n");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(folder.path(), {});
        if (imported)
            project = imported->project;
    }

    QStringList files() const
    {
        QStringList paths;
        for (const Projects::ProjectFile &file : *Projects::ProjectStore(ws.db()).files(project.id))
            paths << file.path;
        return paths;
    }

    // `watch` follows the project, up to date, and its watches are set.
    bool followWith(FolderWatch &watch) const
    {
        watch.markUpToDate(project.id);
        watch.follow(project, files());
        return QTest::qWaitFor([&watch] { return watch.isWatching(); }, kWait);
    }

    QByteArray content(const QString &path) const
    {
        Projects::ProjectStore store(ws.db());
        Result<Projects::ProjectFile> file = store.file(project.id, path);
        return file ? *store.content(*file) : QByteArray("(not in the project)");
    }

    void append(const QString &path, const QByteArray &data) const
    {
        QFile file(folder.filePath(path));
        QVERIFY(file.open(QIODevice::Append));
        QCOMPARE(file.write(data), data.size());
    }

    mutable TestWorkspace ws;
    QTemporaryDir folder;
    Projects::Project project;
};

} // namespace

class tst_FolderWatch final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void anEditSavedInPlaceReachesTheWorkspace();
    void newAndDeletedFilesAreTakenInAndTheNewOneIsWatched();
    void openingAProjectCatchesUpOnceOnWhatChangedMeanwhile();
    void theWindowsOwnImportGoesFirst();
    void onlyFolderProjectsAreFollowedAndOffMeansOff();
    void aFolderGoneAwayIsNotTakenForDeletes();
    void deletionsInSlicesAddUpToAFolderGoneAway();
    void refreshesWaitWhileASyncWrites();
    void aSyncStartsOnceARunningRefreshHasEnded();
    void theWindowFollowsTheFolderIntoTheTreeAndTheOpenTab();
    void theSettingTurnsItOff();
};

void tst_FolderWatch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("realm-tests"));
    QApplication::setApplicationName(QStringLiteral("tst_folderwatch"));
}

void tst_FolderWatch::init()
{
    QSettings().clear();
}

void tst_FolderWatch::anEditSavedInPlaceReachesTheWorkspace()
{
    Imported p;
    FolderWatch watch(p.ws.db());
    QList<Projects::ImportReport> refreshed;
    connect(&watch, &FolderWatch::refreshed, this, [&refreshed](const Projects::ImportReport &r) { refreshed << r; });
    QVERIFY(p.followWith(watch));
    p.append(QStringLiteral("lib/util.c"), "int more(void) { return 2; }\n");
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("lib/util.c")),
                              QByteArray("int util(void) { return 1; }\nint more(void) { return 2; }\n"), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, kWait);
    const Projects::ImportReport &report = refreshed.first();
    QCOMPARE(report.changed, 1);
    QCOMPARE(report.added + report.removed, 0);
    QCOMPARE(report.project.id, p.project.id);
}

void tst_FolderWatch::newAndDeletedFilesAreTakenInAndTheNewOneIsWatched()
{
    Imported p;
    FolderWatch watch(p.ws.db());
    QVERIFY(p.followWith(watch));
    writeFile(p.folder.path(), QStringLiteral("lib/new.c"), "int fresh;\n");
    QVERIFY(QFile::remove(p.folder.filePath(QStringLiteral("main.c"))));
    QTRY_COMPARE_WITH_TIMEOUT(p.files(), (QStringList{QStringLiteral("lib/new.c"), QStringLiteral("lib/util.c")}), kWait);

    // The window lists the files again and follows with them: the new file
    // is watched, so an edit saved in place is seen.
    QTRY_VERIFY_WITH_TIMEOUT(watch.isIdle(), kWait);
    watch.follow(p.project, p.files());
    QTRY_VERIFY_WITH_TIMEOUT(watch.isWatching(), kWait);
    p.append(QStringLiteral("lib/new.c"), "int fresher;\n");
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("lib/new.c")), QByteArray("int fresh;\nint fresher;\n"), kWait);
}

void tst_FolderWatch::openingAProjectCatchesUpOnceOnWhatChangedMeanwhile()
{
    Imported p;
    writeFile(p.folder.path(), QStringLiteral("main.c"), "int main(void) { return 3; }\n"); // while nobody looked
    FolderWatch watch(p.ws.db());
    int refreshed = 0;
    connect(&watch, &FolderWatch::refreshed, this, [&refreshed] { ++refreshed; });
    watch.follow(p.project, p.files());
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 3; }\n"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(watch.isIdle(), kWait);
    QCOMPARE(refreshed, 1);

    // Following it again (its files listed anew) is no reason to read it all again.
    watch.follow(p.project, p.files());
    QTRY_VERIFY_WITH_TIMEOUT(watch.isWatching(), kWait);
    QVERIFY(watch.isIdle());
}

void tst_FolderWatch::theWindowsOwnImportGoesFirst()
{
    Imported p;
    FolderWatch watch(p.ws.db());
    QVERIFY(p.followWith(watch));

    // While the window's import runs, what changes waits for it.
    int started = 0;
    watch.giveWay([&started] { ++started; });
    QCOMPARE(started, 1); // nothing of ours was running
    p.append(QStringLiteral("main.c"), "/* later */\n");
    QTRY_VERIFY_WITH_TIMEOUT(watch.hasPending(), kWait);
    QCOMPARE(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n"));

    watch.resume(); // the window's import ended
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n/* later */\n"), kWait);

    // One of ours running when the window's starts: cancelled, and read
    // again after it (here a catch-up of the whole project).
    watch.setEnabled(false);
    for (int i = 0; i < 2000; ++i)
        writeFile(p.folder.path(), QStringLiteral("many/f%1.c").arg(i), QByteArray("int f") + QByteArray::number(i) + ";\n");
    Projects::Project again = p.project;
    FolderWatch other(p.ws.db());
    other.follow(again, p.files()); // not up to date here: reads it all, once its watches are set
    // (Its 2,000 new files take a while: the window's import almost always
    // comes while it runs. Should it not, what follows holds all the same.)
    if (!QTest::qWaitFor([&other] { return !other.isIdle(); }, kWait))
        qInfo("the whole read was over before the window's import came");
    started = 0;
    other.giveWay([&started] { ++started; });
    QTRY_COMPARE_WITH_TIMEOUT(started, 1, kWait); // once ours has stopped
    QVERIFY(p.files().size() == 2 || p.files().size() == 2002); // cancelled whole, or done before the cancel came
    other.resume();
    QTRY_COMPARE_WITH_TIMEOUT(p.files().size(), 2002, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(other.isIdle(), kWait);
}

void tst_FolderWatch::onlyFolderProjectsAreFollowedAndOffMeansOff()
{
    Imported p;
    FolderWatch watch(p.ws.db());
    Projects::Project archived = p.project;
    archived.source.kind = Projects::ProjectSource::Kind::Archive;
    watch.follow(archived, p.files());
    QVERIFY(watch.followedProject().isEmpty());
    QVERIFY(watch.isIdle()); // and nothing to catch up on

    watch.follow(p.project, p.files());
    QCOMPARE(watch.followedProject(), p.project.id);
    watch.setEnabled(false);
    QVERIFY(watch.followedProject().isEmpty());
    watch.follow(p.project, p.files());
    QVERIFY(watch.followedProject().isEmpty());
    watch.setEnabled(true);
    watch.follow(p.project, p.files());
    QCOMPARE(watch.followedProject(), p.project.id);
}

void tst_FolderWatch::aFolderGoneAwayIsNotTakenForDeletes()
{
    // Moved, deleted whole or unmounted: the team must not be sent deletes.
    Imported p;
    FolderWatch watch(p.ws.db());
    QStringList notices;
    connect(&watch, &FolderWatch::notice, this, [&notices](const QString &text) { notices << text; });
    QVERIFY(p.followWith(watch));
    QVERIFY(QDir(p.folder.path()).removeRecursively());
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), kWait);
    QVERIFY2(notices.last().contains(QStringLiteral("F5")), qPrintable(notices.last()));
    QTRY_VERIFY_WITH_TIMEOUT(watch.isIdle(), kWait);
    QCOMPARE(p.files(), (QStringList{QStringLiteral("lib/util.c"), QStringLiteral("main.c")}));

    // Nor, opened while it is away, does it catch up on an empty folder.
    FolderWatch later(p.ws.db());
    QStringList laterNotices;
    connect(&later, &FolderWatch::notice, this, [&laterNotices](const QString &text) { laterNotices << text; });
    QVERIFY(QDir().mkpath(p.folder.path())); // an empty mount point
    later.follow(p.project, p.files());
    QTRY_VERIFY_WITH_TIMEOUT(!laterNotices.isEmpty(), kWait);
    QVERIFY(later.isIdle());
    QCOMPARE(p.files().size(), 2);
}

void tst_FolderWatch::deletionsInSlicesAddUpToAFolderGoneAway()
{
    // A folder deleted or moved file by file reaches the watch as several
    // reports: a few deletions are edits, more than half within moments is
    // the folder going away.
    Imported p(8); // 10 files
    FolderWatch watch(p.ws.db());
    watch.setDeletionWindow(std::chrono::minutes(10)); // however slow this machine is
    QStringList notices;
    connect(&watch, &FolderWatch::notice, this, [&notices](const QString &text) { notices << text; });
    QVERIFY(p.followWith(watch));
    for (int i = 0; i < 3; ++i)
        QVERIFY(QFile::remove(p.folder.filePath(QStringLiteral("more/f%1.c").arg(i))));
    QTRY_COMPARE_WITH_TIMEOUT(p.files().size(), 7, kWait); // taken in: an edit
    QVERIFY(notices.isEmpty());

    for (int i = 3; i < 6; ++i)
        QVERIFY(QFile::remove(p.folder.filePath(QStringLiteral("more/f%1.c").arg(i))));
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), kWait); // 6 of 10 in one burst
    QVERIFY2(notices.last().startsWith(QStringLiteral("6 of the 10 files")), qPrintable(notices.last()));
    QTRY_VERIFY_WITH_TIMEOUT(watch.isIdle(), kWait);
    QCOMPARE(p.files().size(), 7);

    // Refused, the project's deletions wait for F5; its edits do not.
    QVERIFY(QFile::remove(p.folder.filePath(QStringLiteral("more/f6.c"))));
    p.append(QStringLiteral("main.c"), "/* still here */\n");
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n/* still here */\n"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(watch.isIdle(), kWait);
    QCOMPARE(p.files().size(), 7);
    QCOMPARE(notices.size(), 1); // said once
}

void tst_FolderWatch::refreshesWaitWhileASyncWrites()
{
    Imported p;
    FolderWatch watch(p.ws.db());
    bool syncing = true;
    watch.setHold([&syncing] { return syncing; });
    QVERIFY(p.followWith(watch));
    p.append(QStringLiteral("main.c"), "/* pulled */\n");
    QTRY_VERIFY_WITH_TIMEOUT(watch.hasPending(), kWait);
    QCOMPARE(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n"));
    syncing = false;
    watch.retry(); // the sync ended
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n/* pulled */\n"), kWait);
}

void tst_FolderWatch::aSyncStartsOnceARunningRefreshHasEnded()
{
    // A sync asked for while a refresh runs starts after it, with all of
    // the refresh's changes in the workspace; the refreshes that come
    // while it runs wait for it.
    Imported p;
    FolderWatch watch(p.ws.db());
    bool syncing = false;
    watch.setHold([&syncing] { return syncing; });
    for (int i = 0; i < 2000; ++i)
        writeFile(p.folder.path(), QStringLiteral("many/f%1.c").arg(i), QByteArray("int f") + QByteArray::number(i) + ";\n");
    watch.follow(p.project, p.files()); // not up to date: reads it all once its watches are set
    // (Its 2,000 new files take a while: the sync almost always comes while
    // it runs. Should it not, what follows holds all the same.)
    if (!QTest::qWaitFor([&watch] { return !watch.isIdle(); }, kWait))
        qInfo("the whole read was over before the sync came");
    syncing = true; // from asking on, as SyncController::isBusy
    qsizetype filesWhenTheSyncStarted = -1;
    watch.afterRefresh([&] {
        QVERIFY(watch.isIdle());
        filesWhenTheSyncStarted = p.files().size();
    });
    QTRY_COMPARE_WITH_TIMEOUT(filesWhenTheSyncStarted, 2002, kWait);

    QTRY_VERIFY_WITH_TIMEOUT(watch.isWatching(), kWait);
    p.append(QStringLiteral("main.c"), "/* during the sync */\n");
    QTRY_VERIFY_WITH_TIMEOUT(watch.hasPending(), kWait);
    QCOMPARE(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n"));
    syncing = false;
    watch.retry(); // the sync ended
    QTRY_COMPARE_WITH_TIMEOUT(p.content(QStringLiteral("main.c")), QByteArray("int main(void) { return 0; }\n/* during the sync */\n"), kWait);
}

void tst_FolderWatch::theWindowFollowsTheFolderIntoTheTreeAndTheOpenTab()
{
    TestWorkspace ws;
    QTemporaryDir folder;
    writeFile(folder.path(), QStringLiteral("src/app.c"), "int app(void) { return 1; }\n");
    MainWindow window(ws.db());
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    window.importSource(folder.path());
    QVERIFY(imported.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(!filesLoaded.isEmpty(), kWait);
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFile(QStringLiteral("src/app.c"));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(window.folderWatch()->isWatching(), kWait);

    // Saved in place from another editor: the tab shows it, the cursor stays.
    window.currentCodeView()->goToLine(1, 5);
    QFile file(folder.filePath(QStringLiteral("src/app.c")));
    QVERIFY(file.open(QIODevice::Append));
    file.write("int more(void) { return 2; }\n");
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(window.currentCodeView()->toPlainText(),
                              QStringLiteral("int app(void) { return 1; }\nint more(void) { return 2; }\n"), kWait);
    QCOMPARE(window.currentCodeView()->textCursor().blockNumber(), 0);
    QCOMPARE(window.currentCodeView()->textCursor().positionInBlock(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(QStringLiteral("1 changed")), kWait);

    // A new file shows in the tree.
    writeFile(folder.path(), QStringLiteral("src/added.c"), "int added;\n");
    QTRY_VERIFY_WITH_TIMEOUT(window.fileModel()->indexForPath(QStringLiteral("src/added.c")).isValid(), kWait);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.resize(1200, 700);
        QTest::qWait(200); // let the last paint land; a screenshot only
        QVERIFY(window.grab().save(dir + QStringLiteral("/folder-followed.png")));
    }
}

void tst_FolderWatch::theSettingTurnsItOff()
{
    AppSettings settings = AppSettings::load();
    QVERIFY(settings.followFolders); // on unless turned off
    SettingsDialog dialog(settings);
    auto *follow = dialog.findChild<QCheckBox *>(QStringLiteral("followFolders"));
    QVERIFY(follow);
    QVERIFY(follow->isChecked());
    follow->setChecked(false);
    QVERIFY(!dialog.settings().followFolders);
    dialog.settings().save();
    QVERIFY(!AppSettings::load().followFolders);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
    QVERIFY(follow->isChecked());

    TestWorkspace ws;
    QTemporaryDir folder;
    writeFile(folder.path(), QStringLiteral("a.c"), "int a;\n");
    MainWindow window(ws.db());
    QVERIFY(!window.folderWatch()->isEnabled());
    window.show();
    QSignalSpy filesLoaded(&window, &MainWindow::filesLoaded);
    window.importSource(folder.path());
    QVERIFY(filesLoaded.wait(kWait));
    QVERIFY(window.folderWatch()->followedProject().isEmpty());
}

QTEST_MAIN(tst_FolderWatch)
#include "tst_folderwatch.moc"
