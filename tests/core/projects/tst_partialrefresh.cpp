// SPDX-License-Identifier: GPL-3.0-or-later
// A refresh of named files and folders: reads only those, writes what
// changed there, removes what went there, and leaves the rest alone.
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;
using Realm::Test::writeFile;

namespace {

QStringList paths(const Storage::DatabasePtr &db, const QString &projectId)
{
    QStringList result;
    for (const ProjectFile &f : *ProjectStore(db).files(projectId))
        result << f.path;
    return result;
}

QByteArray content(const Storage::DatabasePtr &db, const QString &projectId, const QString &path)
{
    ProjectStore store(db);
    Result<ProjectFile> file = store.file(projectId, path);
    return file ? *store.content(*file) : QByteArray("(missing)");
}

QString errorOf(const Result<ImportReport> &r)
{
    return r.ok() ? QString() : r.error().message;
}

class Fixture {
public:
    Fixture()
    {
        writeFile(src.path(), QStringLiteral("a.c"), "int a;\n");
        writeFile(src.path(), QStringLiteral("lib/b.c"), "int b;\n");
        writeFile(src.path(), QStringLiteral("lib/c.c"), "int c;\n");
        writeFile(src.path(), QStringLiteral("lib.c"), "int lib;\n");
        writeFile(src.path(), QStringLiteral("other/d.c"), "int d;\n");
        ImportOptions options;
        options.name = QStringLiteral("p");
        Result<ImportReport> imported = ProjectImporter(ws.db()).importProject(src.path(), options);
        Q_ASSERT(imported.ok());
        project = imported->project;
    }

    Result<ImportReport> refresh(const QStringList &only, const ImportOptions &options = {})
    {
        return ProjectImporter(ws.db()).refreshProject(project.id, options, only);
    }

    TestWorkspace ws;
    QTemporaryDir src;
    Project project;
};

} // namespace

class tst_PartialRefresh final : public QObject {
    Q_OBJECT
private slots:
    void readsOnlyTheNamedFile();
    void folderAddsAndRemovesWhatIsUnderIt();
    void absolutePathsInsideTheFolderWork();
    void pathsOutsideOrUnsafeAreRefused();
    void excludedAndIgnoredPathsAreNotRead();
    void nestedAndRepeatedPathsReadEachFileOnce();
    void limitsCountTheWholeProject();
    void onlyFolderProjectsCanRefreshPaths();
    void wholeFolderNamedMeansWholeRefresh();
};

void tst_PartialRefresh::readsOnlyTheNamedFile()
{
    Fixture f;
    writeFile(f.src.path(), QStringLiteral("a.c"), "int a = 1;\n");
    writeFile(f.src.path(), QStringLiteral("lib/b.c"), "int b = 2;\n"); // changed, but not named
    QFile::remove(f.src.filePath(QStringLiteral("other/d.c")));    // gone, but not named
    writeFile(f.src.path(), QStringLiteral("new.c"), "int n;\n");      // new, but not named

    Result<ImportReport> report = f.refresh({QStringLiteral("a.c")});
    QVERIFY2(report.ok(), qPrintable(errorOf(report)));
    QCOMPARE(report->changed, 1);
    QCOMPARE(report->added + report->removed, 0);
    QCOMPARE(report->unchanged, 0);
    QCOMPARE(report->project.revision, f.project.revision + 1);
    QCOMPARE(report->files, 5);
    QCOMPARE(content(f.ws.db(), f.project.id, QStringLiteral("a.c")), QByteArray("int a = 1;\n"));
    QCOMPARE(content(f.ws.db(), f.project.id, QStringLiteral("lib/b.c")), QByteArray("int b;\n"));
    QVERIFY(paths(f.ws.db(), f.project.id).contains(QStringLiteral("other/d.c")));
    QVERIFY(!paths(f.ws.db(), f.project.id).contains(QStringLiteral("new.c")));

    // A named file that is gone goes from the project; one never there changes nothing.
    Result<ImportReport> removed = f.refresh({QStringLiteral("other/d.c"), QStringLiteral("never/was.c")});
    QVERIFY2(removed.ok(), qPrintable(errorOf(removed)));
    QCOMPARE(removed->removed, 1);
    // A path that names nothing is worth a word (a typo, a path from elsewhere).
    QCOMPARE(removed->warnings.size(), 1);
    QCOMPARE(removed->warnings.first().path, QStringLiteral("never/was.c"));
    QVERIFY2(removed->warnings.first().reason.startsWith(QStringLiteral("nothing there")), qPrintable(removed->warnings.first().reason));
    QCOMPARE(removed->added + removed->changed, 0);
    QVERIFY(!paths(f.ws.db(), f.project.id).contains(QStringLiteral("other/d.c")));
    QCOMPARE(removed->files, 4);

    // Named again with nothing new: nothing written, no new revision.
    Result<ImportReport> again = f.refresh({QStringLiteral("a.c")});
    QVERIFY(again.ok());
    QCOMPARE(again->added + again->changed + again->removed, 0);
    QCOMPARE(again->project.revision, removed->project.revision);
}

void tst_PartialRefresh::folderAddsAndRemovesWhatIsUnderIt()
{
    Fixture f;
    writeFile(f.src.path(), QStringLiteral("lib/new/e.c"), "int e;\n");
    writeFile(f.src.path(), QStringLiteral("lib/c.c"), "int c = 3;\n");
    QFile::remove(f.src.filePath(QStringLiteral("lib/b.c")));
    // "lib.c" sorts between "lib" and "lib/…": a folder's range must not take it.
    QFile::remove(f.src.filePath(QStringLiteral("lib.c")));

    Result<ImportReport> report = f.refresh({QStringLiteral("lib/")});
    QVERIFY2(report.ok(), qPrintable(errorOf(report)));
    QCOMPARE(report->added, 1);
    QCOMPARE(report->changed, 1);
    QCOMPARE(report->removed, 1);
    QCOMPARE(paths(f.ws.db(), f.project.id),
             (QStringList{QStringLiteral("a.c"), QStringLiteral("lib.c"), QStringLiteral("lib/c.c"), QStringLiteral("lib/new/e.c"),
                          QStringLiteral("other/d.c")}));

    // The whole folder gone: everything under it goes.
    QVERIFY(QDir(f.src.filePath(QStringLiteral("lib"))).removeRecursively());
    Result<ImportReport> gone = f.refresh({QStringLiteral("lib")});
    QVERIFY2(gone.ok(), qPrintable(errorOf(gone)));
    QCOMPARE(gone->removed, 2);
    QCOMPARE(paths(f.ws.db(), f.project.id), (QStringList{QStringLiteral("a.c"), QStringLiteral("lib.c"), QStringLiteral("other/d.c")}));
}

void tst_PartialRefresh::absolutePathsInsideTheFolderWork()
{
    Fixture f;
    writeFile(f.src.path(), QStringLiteral("lib/b.c"), "int b = 2;\n");
    Result<ImportReport> report = f.refresh({f.src.filePath(QStringLiteral("lib/b.c"))});
    QVERIFY2(report.ok(), qPrintable(errorOf(report)));
    QCOMPARE(report->changed, 1);

    // Through a symlink to the folder too.
    QTemporaryDir links;
    const QString link = links.filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(f.src.path(), link));
    writeFile(f.src.path(), QStringLiteral("lib/c.c"), "int c = 3;\n");
    Result<ImportReport> viaLink = f.refresh({link + QStringLiteral("/lib/c.c")});
    QVERIFY2(viaLink.ok(), qPrintable(errorOf(viaLink)));
    QCOMPARE(viaLink->changed, 1);
    QCOMPARE(content(f.ws.db(), f.project.id, QStringLiteral("lib/c.c")), QByteArray("int c = 3;\n"));
}

void tst_PartialRefresh::pathsOutsideOrUnsafeAreRefused()
{
    Fixture f;
    QTemporaryDir elsewhere;
    writeFile(elsewhere.path(), QStringLiteral("x.c"), "int x;\n");
    Result<ImportReport> outside = f.refresh({elsewhere.filePath(QStringLiteral("x.c"))});
    QVERIFY(!outside.ok());
    QCOMPARE(outside.error().code, Error::Code::InvalidInput);
    QVERIFY2(outside.error().message.contains(QStringLiteral("is not inside")), qPrintable(outside.error().message));
    QVERIFY2(outside.error().message.contains(elsewhere.filePath(QStringLiteral("x.c"))), qPrintable(outside.error().message));

    Result<ImportReport> escaping = f.refresh({QStringLiteral("../x.c")});
    QVERIFY(!escaping.ok());
    QCOMPARE(escaping.error().code, Error::Code::InvalidInput);
    QVERIFY2(escaping.error().message.startsWith(QStringLiteral("Cannot refresh ../x.c")), qPrintable(escaping.error().message));
    QCOMPARE(paths(f.ws.db(), f.project.id).size(), 5);
}

void tst_PartialRefresh::excludedAndIgnoredPathsAreNotRead()
{
    TestWorkspace ws;
    QTemporaryDir src;
    QCOMPARE(Test::git(src.path(), {QStringLiteral("init"), QStringLiteral("-q")}), 0);
    writeFile(src.path(), QStringLiteral(".gitignore"), "out/\n*.log\n");
    writeFile(src.path(), QStringLiteral("main.c"), "int main;\n");
    ImportOptions options;
    options.name = QStringLiteral("g");
    options.excludes = {QStringLiteral("build")};
    Result<ImportReport> imported = ProjectImporter(ws.db()).importProject(src.path(), options);
    QVERIFY(imported.ok());

    writeFile(src.path(), QStringLiteral("out/gen.c"), "int gen;\n");
    writeFile(src.path(), QStringLiteral("debug.log"), "noise\n");
    writeFile(src.path(), QStringLiteral("build/obj/x.c"), "int x;\n");
    writeFile(src.path(), QStringLiteral(".git/config.c"), "int c;\n");
    Result<ImportReport> report = ProjectImporter(ws.db()).refreshProject(
        imported->project.id, options,
        {QStringLiteral("out/gen.c"), QStringLiteral("debug.log"), QStringLiteral("build/obj/x.c"), QStringLiteral("build"), QStringLiteral(".git/config.c")});
    QVERIFY(!report.ok()); // ".git" is no project path: refused before anything is read
    QCOMPARE(report.error().code, Error::Code::InvalidInput);

    report = ProjectImporter(ws.db()).refreshProject(imported->project.id, options,
                                                     {QStringLiteral("out/gen.c"), QStringLiteral("debug.log"), QStringLiteral("build/obj/x.c")});
    QVERIFY2(report.ok(), qPrintable(errorOf(report)));
    QCOMPARE(report->added, 0);
    QCOMPARE(paths(ws.db(), imported->project.id), (QStringList{QStringLiteral(".gitignore"), QStringLiteral("main.c")}));
}

void tst_PartialRefresh::nestedAndRepeatedPathsReadEachFileOnce()
{
    Fixture f;
    writeFile(f.src.path(), QStringLiteral("lib/b.c"), "int b = 2;\n");
    writeFile(f.src.path(), QStringLiteral("lib.c"), "int lib = 1;\n");
    Result<ImportReport> report = f.refresh({QStringLiteral("lib/b.c"), QStringLiteral("lib"), QStringLiteral("lib.c"),
                                             QStringLiteral("./lib/b.c"), QStringLiteral("lib.c")});
    QVERIFY2(report.ok(), qPrintable(errorOf(report)));
    QVERIFY2(report->rejected.isEmpty(), qPrintable(report->rejected.value(0).reason));
    QCOMPARE(report->changed, 2);
    QCOMPARE(report->unchanged, 1); // lib/c.c
}

void tst_PartialRefresh::limitsCountTheWholeProject()
{
    Fixture f;
    writeFile(f.src.path(), QStringLiteral("lib/more.c"), "int more;\n");
    ImportOptions tight;
    tight.limits.maxFiles = 5; // the project holds 5: one more is over, though the folder named holds 3
    Result<ImportReport> report = f.refresh({QStringLiteral("lib")}, tight);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::LimitExceeded);
    QCOMPARE(paths(f.ws.db(), f.project.id).size(), 5);

    tight.limits.maxFiles = 6;
    report = f.refresh({QStringLiteral("lib")}, tight);
    QVERIFY2(report.ok(), qPrintable(errorOf(report)));
    QCOMPARE(report->added, 1);
}

void tst_PartialRefresh::onlyFolderProjectsCanRefreshPaths()
{
    TestWorkspace ws;
    Result<Project> created = ProjectStore(ws.db()).create(QStringLiteral("empty"));
    QVERIFY(created.ok());
    Result<ImportReport> report = ProjectImporter(ws.db()).refreshProject(created->id, {}, {QStringLiteral("a.c")});
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::InvalidInput);
    QVERIFY2(report.error().message.contains(QStringLiteral("Only a project imported from a folder")), qPrintable(report.error().message));
}

void tst_PartialRefresh::wholeFolderNamedMeansWholeRefresh()
{
    Fixture f;
    writeFile(f.src.path(), QStringLiteral("new.c"), "int n;\n");
    QFile::remove(f.src.filePath(QStringLiteral("a.c")));
    for (const QString &whole : {QStringLiteral("."), f.src.path()}) {
        Result<ImportReport> report = f.refresh({QStringLiteral("lib/b.c"), whole});
        QVERIFY2(report.ok(), qPrintable(errorOf(report)));
        QCOMPARE(report->files, 5);
    }
    QVERIFY(paths(f.ws.db(), f.project.id).contains(QStringLiteral("new.c")));
    QVERIFY(!paths(f.ws.db(), f.project.id).contains(QStringLiteral("a.c")));
}

QTEST_GUILESS_MAIN(tst_PartialRefresh)
#include "tst_partialrefresh.moc"
