// SPDX-License-Identifier: GPL-3.0-or-later
// The watcher that tells which of a project's paths changed on disk: on a
// real folder, with the system's own file watching (inotify here).
#include "projects/sourcewatcher.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::writeFile;

namespace {

// A project folder with a watcher on it, and every path it has reported.
class Watched {
public:
    explicit Watched(SourceWatcher::Limits limits = {}) : watcher(limits)
    {
        writeFile(folder.path(), QStringLiteral("a.c"), "int a;\n");
        writeFile(folder.path(), QStringLiteral("lib/b.c"), "int b;\n");
        writeFile(folder.path(), QStringLiteral("lib/deep/c.c"), "int c;\n");
        QObject::connect(&watcher, &SourceWatcher::changed, &watcher, [this](const QString &root, const QStringList &paths, const QStringList &files,
                                                                            qsizetype gone) {
            goneReported += gone;
            for (const QString &file : files)
                filesReported.insert(file);
            roots << root;
            reports << paths;
            for (const QString &path : paths)
                reported.insert(path);
        });
    }

    // Watches the project's files and waits until the watches are set.
    bool watch(const QStringList &files = {QStringLiteral("a.c"), QStringLiteral("lib/b.c"), QStringLiteral("lib/deep/c.c")})
    {
        return watchIn(folder.path(), files);
    }

    bool watchIn(const QString &root, const QStringList &files)
    {
        std::optional<SourceWatcher::State> set;
        const QMetaObject::Connection connection = QObject::connect(&watcher, &SourceWatcher::watching, &watcher, [&set](const SourceWatcher::State &s) { set = s; });
        watcher.watch(root, files);
        const bool arrived = QTest::qWaitFor([&] { return set.has_value(); }, 10000);
        QObject::disconnect(connection);
        if (arrived)
            state = *set;
        return arrived;
    }

    // Waits until every change made so far has been reported, then forgets
    // what was: a file made now is reported after them (a watch reports in
    // order), so once it is, nothing earlier is left to come.
    bool settle()
    {
        const QString marker = QStringLiteral(".settled-%1").arg(++m_settles);
        writeFile(folder.path(), marker, "");
        if (!QTest::qWaitFor([&] { return reported.contains(marker); }, 10000))
            return false;
        reported.clear();
        return true;
    }

    void append(const QString &path, const QByteArray &data)
    {
        QFile file(folder.filePath(path));
        QVERIFY(file.open(QIODevice::Append));
        QCOMPARE(file.write(data), data.size());
    }

    QTemporaryDir folder;
    SourceWatcher watcher;
    SourceWatcher::State state; // what `watching` said last
    QStringList roots;
    QList<QStringList> reports;
    QSet<QString> reported;
    qsizetype goneReported = 0; // of the project's files
    QSet<QString> filesReported; // that were on disk

private:
    int m_settles = 0;
};

QSet<QString> setOf(std::initializer_list<const char *> paths)
{
    QSet<QString> set;
    for (const char *path : paths)
        set.insert(QString::fromUtf8(path));
    return set;
}

} // namespace

class tst_SourceWatcher final : public QObject {
    Q_OBJECT
private slots:
    void watchesTheFoldersAndFilesOfTheProject();
    void aFileWrittenInPlaceIsReported();
    void aFileSavedByRenamingOverItStaysWatched();
    void createdAndRemovedFilesAndFoldersAreReported();
    void aNewFolderIsWatchedAtOnce();
    void aFolderMovedIsFollowedUnderItsNewName();
    void namesNoProjectMayHoldAreNotReported();
    void aLinkToAFolderIsNotFollowed();
    void changesCloseTogetherComeInOneReport();
    void beyondTheBudgetOnlyFoldersAreWatched();
    void anotherFolderStartsOver();
    void aRemovedFolderIsReported();
    void whatTheProjectLosesIsCounted();
    void whatTheImportLeavesOutIsNeitherWatchedNorReported();
    void aProjectFileWhereTheImportLooksNotIsStillFollowed();
};

void tst_SourceWatcher::watchesTheFoldersAndFilesOfTheProject()
{
    Watched w;
    QVERIFY(w.watch());
    QCOMPARE(w.state.folder, QDir(w.folder.path()).absolutePath());
    QCOMPARE(w.state.folders, 3); // the root, lib, lib/deep
    QCOMPARE(w.state.files, 3);
    QCOMPARE(w.state.budget, SourceWatcher::systemBudget());
    QVERIFY(SourceWatcher::systemBudget() > 0);
}

void tst_SourceWatcher::aFileWrittenInPlaceIsReported()
{
    // What a folder watch alone misses, and most editors do.
    Watched w;
    QVERIFY(w.watch());
    w.append(QStringLiteral("lib/deep/c.c"), "int more;\n");
    QTRY_VERIFY_WITH_TIMEOUT(!w.reports.isEmpty(), 10000);
    QCOMPARE(w.reports.first(), QStringList{QStringLiteral("lib/deep/c.c")});
    QCOMPARE(w.roots.first(), QDir(w.folder.path()).absolutePath());
}

void tst_SourceWatcher::aFileSavedByRenamingOverItStaysWatched()
{
    Watched w;
    QVERIFY(w.watch());
    QSaveFile save(w.folder.filePath(QStringLiteral("lib/b.c"))); // a new file renamed over the old one
    QVERIFY(save.open(QIODevice::WriteOnly));
    save.write("int b = 2;\n");
    QVERIFY(save.commit());
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib/b.c")), 10000);
    for (const QString &path : std::as_const(w.reported)) // and the save's temporary file, if it had a name
        QVERIFY2(path.startsWith(QLatin1String("lib/b.c")), qPrintable(path));

    // The watch moved to the new file: written in place now, it is seen.
    QVERIFY(w.settle());
    w.append(QStringLiteral("lib/b.c"), "int b3;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib/b.c")), 10000);
    QCOMPARE(w.reported, setOf({"lib/b.c"}));
}

void tst_SourceWatcher::createdAndRemovedFilesAndFoldersAreReported()
{
    Watched w;
    QVERIFY(w.watch());
    writeFile(w.folder.path(), QStringLiteral("new.c"), "int n;\n");
    QVERIFY(QFile::remove(w.folder.filePath(QStringLiteral("lib/b.c"))));
    QVERIFY(QDir(w.folder.path()).mkdir(QStringLiteral("docs")));
    QVERIFY(QFile::rename(w.folder.filePath(QStringLiteral("a.c")), w.folder.filePath(QStringLiteral("lib/a.c"))));
    const QSet<QString> expected = setOf({"new.c", "lib/b.c", "docs", "a.c", "lib/a.c"});
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(expected), 10000);
    QCOMPARE(w.reported, expected);
    // Of them, files on disk: reading those deletes nothing.
    QCOMPARE(w.filesReported, setOf({"new.c", "lib/a.c"}));
}

void tst_SourceWatcher::aNewFolderIsWatchedAtOnce()
{
    Watched w;
    QVERIFY(w.watch());
    QVERIFY(QDir(w.folder.path()).mkdir(QStringLiteral("docs")));
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("docs")), 10000);
    QCOMPARE(w.reported, setOf({"docs"})); // a refresh of the folder reads what is in it
    QVERIFY(w.settle());

    // A file saved there a while later is seen, before any refresh.
    writeFile(w.folder.path(), QStringLiteral("docs/guide.md"), "# Guide\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("docs/guide.md")), 10000);
    QCOMPARE(w.reported, setOf({"docs/guide.md"}));
    QVERIFY(w.settle());

    // The refresh took it in; the project's files now include it, and an
    // edit saved in place is seen too.
    QVERIFY(w.watch({QStringLiteral("a.c"), QStringLiteral("lib/b.c"), QStringLiteral("lib/deep/c.c"), QStringLiteral("docs/guide.md")}));
    QCOMPARE(w.state.folders, 4);
    QCOMPARE(w.state.files, 4);
    QCOMPARE(w.state.missing, 0);
    w.append(QStringLiteral("docs/guide.md"), "More.\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("docs/guide.md")), 10000);
    QCOMPARE(w.reported, setOf({"docs/guide.md"}));
}

void tst_SourceWatcher::aFolderMovedIsFollowedUnderItsNewName()
{
    // Its old watches would report under the old name: they are let go of.
    Watched w;
    QVERIFY(w.watch());
    QVERIFY(QDir(w.folder.path()).rename(QStringLiteral("lib"), QStringLiteral("src")));
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("src")), 10000);
    QVERIFY(w.reported.contains(QStringLiteral("lib")));
    QVERIFY(w.settle());
    writeFile(w.folder.path(), QStringLiteral("src/deep/new.c"), "int n;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("src/deep/new.c")), 10000);
    QCOMPARE(w.reported, setOf({"src/deep/new.c"}));

    // And made again under the old name, it is watched again.
    QVERIFY(w.settle());
    writeFile(w.folder.path(), QStringLiteral("lib/again.c"), "int a;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib")), 10000);
    QVERIFY(w.settle());
    writeFile(w.folder.path(), QStringLiteral("lib/more.c"), "int m;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib/more.c")), 10000);
}

void tst_SourceWatcher::namesNoProjectMayHoldAreNotReported()
{
    Watched w;
    QVERIFY(w.watch());
    QVERIFY(QDir(w.folder.path()).mkdir(QStringLiteral(".git")));
    writeFile(w.folder.path(), QStringLiteral("ok.c"), "int ok;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("ok.c")), 10000);
    QCOMPARE(w.reported, setOf({"ok.c"}));
}

void tst_SourceWatcher::aLinkToAFolderIsNotFollowed()
{
    // As an import does not: `ln -s . self` would nest without end.
    Watched w;
    QVERIFY(w.watch());
    QVERIFY(QFile::link(w.folder.path(), w.folder.filePath(QStringLiteral("self"))));
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("self")), 10000);
    QVERIFY(w.settle());
    QVERIFY(w.watch());
    QCOMPARE(w.state.folders, 3);
    w.append(QStringLiteral("a.c"), "int more;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("a.c")), 10000);
    QCOMPARE(w.reported, setOf({"a.c"}));
}

void tst_SourceWatcher::changesCloseTogetherComeInOneReport()
{
    // A quiet period far longer than the three writes take.
    Watched w({.maxWatches = 0, .quietPeriod = std::chrono::milliseconds(1500), .maxDelay = std::chrono::milliseconds(20000)});
    QVERIFY(w.watch());
    w.append(QStringLiteral("a.c"), "1\n");
    w.append(QStringLiteral("lib/b.c"), "2\n");
    w.append(QStringLiteral("lib/deep/c.c"), "3\n");
    QTRY_VERIFY_WITH_TIMEOUT(!w.reports.isEmpty(), 10000);
    QCOMPARE(w.reports.first(), (QStringList{QStringLiteral("a.c"), QStringLiteral("lib/b.c"), QStringLiteral("lib/deep/c.c")}));
}

void tst_SourceWatcher::beyondTheBudgetOnlyFoldersAreWatched()
{
    Watched w({.maxWatches = 5});
    QVERIFY(w.watch()); // 3 folders + 3 files > 5
    QCOMPARE(w.state.folders, 3);
    QCOMPARE(w.state.files, 0);
    QCOMPARE(w.state.budget, 5);
    // What happens in the folders is still seen.
    writeFile(w.folder.path(), QStringLiteral("lib/deep/d.c"), "int d;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib/deep/d.c")), 10000);

    // Within the budget again (a smaller project), files are watched too.
    QVERIFY(w.watch({QStringLiteral("a.c"), QStringLiteral("lib/b.c")}));
    QCOMPARE(w.state.folders, 2); // lib/deep holds nothing of the project now
    QCOMPARE(w.state.files, 2);
    QVERIFY(w.settle());
    w.append(QStringLiteral("lib/b.c"), "int b2;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib/b.c")), 10000);
}

void tst_SourceWatcher::anotherFolderStartsOver()
{
    Watched w;
    QVERIFY(w.watch());
    QTemporaryDir other;
    writeFile(other.path(), QStringLiteral("x/y.c"), "int y;\n");
    QVERIFY(w.watchIn(other.path(), {QStringLiteral("x/y.c")}));
    QCOMPARE(w.state.folders, 2);
    QCOMPARE(w.state.files, 1);
    // Reports name the new folder and paths in it; the old one is let go.
    writeFile(w.folder.path(), QStringLiteral("a.c"), "int a2;\n");
    writeFile(other.path(), QStringLiteral("x/y.c"), "int y2;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("x/y.c")), 10000);
    QCOMPARE(w.reported, setOf({"x/y.c"}));
    QCOMPARE(w.roots.last(), QDir(other.path()).absolutePath());
}

void tst_SourceWatcher::aRemovedFolderIsReported()
{
    Watched w;
    QVERIFY(w.watch());
    QVERIFY(QDir(w.folder.filePath(QStringLiteral("lib"))).removeRecursively());
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib")), 10000);
    // Its files and its subfolder may be named too (their watches fire on
    // the way); never anything outside it.
    for (const QString &path : std::as_const(w.reported))
        QVERIFY2(path == QLatin1String("lib") || path.startsWith(QLatin1String("lib/")), qPrintable(path));

    // Made again, it is reported again: its parent is still watched.
    QVERIFY(w.settle());
    writeFile(w.folder.path(), QStringLiteral("lib/b.c"), "int b;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib")), 10000);
}

void tst_SourceWatcher::whatTheProjectLosesIsCounted()
{
    // One report for it all: the count is of the project's files, each once.
    Watched w({.maxWatches = 0, .quietPeriod = std::chrono::milliseconds(1500), .maxDelay = std::chrono::milliseconds(20000)});
    QVERIFY(w.watch());
    QVERIFY(QDir(w.folder.filePath(QStringLiteral("lib"))).removeRecursively());
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib")), 10000);
    QCOMPARE(w.reports.size(), 1);
    QCOMPARE(w.goneReported, 2);

    // The project's own folder gone: all of it.
    QVERIFY(w.watch({QStringLiteral("a.c"), QStringLiteral("b.c")}));
    QCOMPARE(w.state.missing, 1);
    w.goneReported = 0;
    QVERIFY(w.folder.remove());
    QTRY_COMPARE_WITH_TIMEOUT(w.goneReported, 2, 10000);
    QVERIFY(w.reported.contains(QStringLiteral("a.c")));
}

void tst_SourceWatcher::whatTheImportLeavesOutIsNeitherWatchedNorReported()
{
    // Build output, dependencies and what git ignores change all the time
    // and are no part of the project: the import skips them, so does this.
    Watched w;
    QCOMPARE(Test::git(w.folder.path(), {QStringLiteral("init"), QStringLiteral("-q")}), 0);
    writeFile(w.folder.path(), QStringLiteral(".gitignore"), "*.log\n");
    QVERIFY(w.watch());
    writeFile(w.folder.path(), QStringLiteral("build/obj/a.o"), "object\n"); // a default exclude
    writeFile(w.folder.path(), QStringLiteral("lib/node_modules/pkg/index.js"), "module\n");
    writeFile(w.folder.path(), QStringLiteral("debug.log"), "noise\n"); // ignored by git
    writeFile(w.folder.path(), QStringLiteral("lib/new.c"), "int n;\n");
    QVERIFY(w.settle());
    // The build folder is not watched: what is written there later goes unseen.
    writeFile(w.folder.path(), QStringLiteral("build/obj/b.o"), "object\n");
    w.append(QStringLiteral("debug.log"), "more noise\n");
    writeFile(w.folder.path(), QStringLiteral("lib/later.c"), "int l;\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("lib/later.c")), 10000);
    QVERIFY(w.settle()); // anything else would have come before the marker
    for (const QStringList &report : std::as_const(w.reports))
        for (const QString &path : report)
            QVERIFY2(!path.startsWith(QLatin1String("build")) && !path.contains(QLatin1String("node_modules")) && !path.endsWith(QLatin1String(".log")),
                     qPrintable(path));
    QVERIFY(std::any_of(w.reports.cbegin(), w.reports.cend(), [](const QStringList &report) { return report.contains(QStringLiteral("lib/new.c")); }));
}

void tst_SourceWatcher::aProjectFileWhereTheImportLooksNotIsStillFollowed()
{
    // A teammate shared build/report.txt: the project has it, though a
    // refresh here would not read it. Its deletion counts; the build
    // output beside it does not.
    Watched w;
    writeFile(w.folder.path(), QStringLiteral("build/report.txt"), "shared\n");
    QVERIFY(w.watch({QStringLiteral("a.c"), QStringLiteral("lib/b.c"), QStringLiteral("lib/deep/c.c"), QStringLiteral("build/report.txt")}));
    writeFile(w.folder.path(), QStringLiteral("build/x.o"), "object\n");
    // Edited, it is not news: a refresh would not read it (and would take
    // it for deleted).
    w.append(QStringLiteral("build/report.txt"), "edited\n");
    QVERIFY(w.settle());
    for (const QStringList &report : std::as_const(w.reports))
        QVERIFY2(!report.contains(QStringLiteral("build/report.txt")), qPrintable(report.join(QLatin1Char(' '))));
    QVERIFY(QFile::remove(w.folder.filePath(QStringLiteral("build/report.txt"))));
    QTRY_VERIFY_WITH_TIMEOUT(w.reported.contains(QStringLiteral("build/report.txt")), 10000);
    QVERIFY(w.settle());
    QCOMPARE(w.goneReported, 1);
    for (const QStringList &report : std::as_const(w.reports))
        QVERIFY2(!report.contains(QStringLiteral("build/x.o")), qPrintable(report.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(tst_SourceWatcher)
#include "tst_sourcewatcher.moc"
