// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/blobstore.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "projects/searchengine.h"
#include "storage/statement.h"
#include "testworkspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;
using Realm::Test::writeFile;

namespace {

QStringList paths(const Storage::DatabasePtr &db, const QString &projectName)
{
    ProjectStore store(db);
    Result<Project> p = store.find(projectName);
    if (!p)
        return {};
    QStringList result;
    for (const ProjectFile &f : *store.files(p->id))
        result << f.path;
    return result;
}

ImportOptions named(const QString &name)
{
    ImportOptions options;
    options.name = name;
    return options;
}

} // namespace

class tst_FolderImport final : public QObject {
    Q_OBJECT
private slots:
    void importsFilesWithLanguageEncodingAndExactBytes();
    void honoursGitIgnoreAndInfoExclude();
    void appliesDefaultAndCustomExcludes();
    void followsOnlySymlinksThatStayInside();
    void garbageAmongGivenContentsLeavesTheRest();
    void refusesGitFoldersInAnySpelling();
    void listsFilesWithUndecodableNames();
    void symlinkToAFifoOrDeviceIsNotRead();
    void skipsFilesOverThePerFileLimit();
    void fileCountLimitStopsAndLeavesWorkspaceUnchanged();
    void cancelLeavesWorkspaceUnchanged();
    void reportsProgress();
    void refreshRewritesOnlyWhatChanged();
    void refreshOfUnchangedProjectWritesNothing();
    void failedRefreshLeavesProjectAsItWas();
    void refreshTrustsOldModificationTimesAndNoticesNewOnes();
    void refreshOfAProjectTrashedMeanwhileChangesNothing();
    void duplicateNameIsRefused();
    void identicalFilesAreStoredOnce();
};

void tst_FolderImport::importsFilesWithLanguageEncodingAndExactBytes()
{
    TestWorkspace ws;
    QTemporaryDir src;
    const QByteArray utf16("\xFF\xFEh\0i\0", 6);
    const QByteArray binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    writeFile(src.path(), QStringLiteral("src/main.cpp"), "int main() { return 0; }\r\n");
    writeFile(src.path(), QStringLiteral("docs/readme.md"), "# Größe\n");
    writeFile(src.path(), QStringLiteral("win/notes.txt"), utf16);
    writeFile(src.path(), QStringLiteral("img/logo.png"), binary);
    writeFile(src.path(), QStringLiteral("bin/run"), "#!/bin/sh\necho run\n");
    QFile::setPermissions(src.filePath(QStringLiteral("bin/run")), QFile::permissions(src.filePath(QStringLiteral("bin/run"))) | QFile::ExeUser);

    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("demo")));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(report->files, 5);
    QCOMPARE(report->project.source.kind, ProjectSource::Kind::Folder);

    ProjectStore store(ws.db());
    QHash<QString, ProjectFile> byPath;
    for (const ProjectFile &f : *store.files(report->project.id))
        byPath.insert(f.path, f);
    QCOMPARE(byPath.value(QStringLiteral("src/main.cpp")).language, QStringLiteral("cpp"));
    QCOMPARE(byPath.value(QStringLiteral("docs/readme.md")).encoding, QStringLiteral("utf-8"));
    QCOMPARE(byPath.value(QStringLiteral("win/notes.txt")).encoding, QStringLiteral("utf-16le"));
    QVERIFY(byPath.value(QStringLiteral("img/logo.png")).isBinary());
    QCOMPARE(byPath.value(QStringLiteral("bin/run")).language, QStringLiteral("shell"));
    QCOMPARE(byPath.value(QStringLiteral("bin/run")).mode, 0755);
    QCOMPARE(byPath.value(QStringLiteral("src/main.cpp")).mode, 0644);
    QCOMPARE(*store.content(byPath.value(QStringLiteral("img/logo.png"))), binary);
    QCOMPARE(*store.content(byPath.value(QStringLiteral("win/notes.txt"))), utf16);
    QCOMPARE(*store.content(byPath.value(QStringLiteral("src/main.cpp"))), QByteArray("int main() { return 0; }\r\n"));
    // Binary files are kept but never indexed.
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs WHERE is_binary = 1")), 1);
}

void tst_FolderImport::honoursGitIgnoreAndInfoExclude()
{
    TestWorkspace ws;
    QTemporaryDir src;
    QCOMPARE(Test::git(src.path(), {QStringLiteral("init"), QStringLiteral("-q")}), 0);
    writeFile(src.path(), QStringLiteral(".gitignore"), "*.log\n!keep.log\nout/\n");
    writeFile(src.path(), QStringLiteral(".git/info/exclude"), "secret.txt\n");
    writeFile(src.path(), QStringLiteral("debug.log"), "noise\n");
    writeFile(src.path(), QStringLiteral("keep.log"), "kept\n");
    writeFile(src.path(), QStringLiteral("out/generated.c"), "int x;\n");
    writeFile(src.path(), QStringLiteral("secret.txt"), "hunter2\n");
    writeFile(src.path(), QStringLiteral("sub/.gitignore"), "local.tmp\n");
    writeFile(src.path(), QStringLiteral("sub/local.tmp"), "x\n");
    writeFile(src.path(), QStringLiteral("sub/code.c"), "int y;\n");

    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("g"))).ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("g")),
             (QStringList{QStringLiteral(".gitignore"), QStringLiteral("keep.log"), QStringLiteral("sub/.gitignore"), QStringLiteral("sub/code.c")}));

    ImportOptions all = named(QStringLiteral("all"));
    all.honourGitIgnore = false;
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), all).ok());
    QVERIFY(paths(ws.db(), QStringLiteral("all")).contains(QStringLiteral("secret.txt")));
    QVERIFY(!paths(ws.db(), QStringLiteral("all")).contains(QStringLiteral(".git/info/exclude")));
}

void tst_FolderImport::appliesDefaultAndCustomExcludes()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("index.js"), "x\n");
    writeFile(src.path(), QStringLiteral("node_modules/dep/index.js"), "y\n");
    writeFile(src.path(), QStringLiteral("scratch.tmp"), "z\n");
    writeFile(src.path(), QStringLiteral("docs/drafts/a.md"), "a\n");
    ImportOptions options = named(QStringLiteral("x"));
    options.excludes << QStringLiteral("*.tmp") << QStringLiteral("docs/drafts");
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), options);
    QVERIFY(report.ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("x")), QStringList{QStringLiteral("index.js")});
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("node_modules/"), QStringLiteral("excluded")));
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("scratch.tmp"), QStringLiteral("excluded")));

    ImportOptions none = named(QStringLiteral("none"));
    none.excludes.clear();
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), none).ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("none")).size(), 4);
}

void tst_FolderImport::followsOnlySymlinksThatStayInside()
{
    TestWorkspace ws;
    QTemporaryDir outside;
    writeFile(outside.path(), QStringLiteral("passwd"), "root:x:0:0\n");
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("real/file.txt"), "real content\n");
    QVERIFY(QFile::link(QStringLiteral("real/file.txt"), src.filePath(QStringLiteral("inside-link.txt"))));
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("passwd")), src.filePath(QStringLiteral("escape"))));
    QVERIFY(QFile::link(QStringLiteral("real"), src.filePath(QStringLiteral("dirlink"))));
    QVERIFY(QFile::link(QStringLiteral("missing"), src.filePath(QStringLiteral("broken"))));

    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("s")));
    QVERIFY(report.ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("s")), (QStringList{QStringLiteral("inside-link.txt"), QStringLiteral("real/file.txt")}));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("escape"), QStringLiteral("outside the project")));
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("dirlink"), QStringLiteral("folder")));
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("broken"), QStringLiteral("broken")));
    ProjectStore store(ws.db());
    const Project p = *store.find(QStringLiteral("s"));
    QCOMPARE(*store.content(*store.file(p.id, QStringLiteral("inside-link.txt"))), QByteArray("real content\n"));
}

// A project may not carry git's own folder under another spelling: a new
// project written from it would hand git a configuration of its choosing.
void tst_FolderImport::refusesGitFoldersInAnySpelling()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("main.c"), "int main(void) { return 0; }\n");
    writeFile(src.path(), QStringLiteral(".git/config"), "[core]\n"); // the work tree's own repository: not news
    writeFile(src.path(), QStringLiteral(".GIT/config"), "[core]\n\tfsmonitor = touch /tmp/pwned\n");
    writeFile(src.path(), QStringLiteral("sub/.Git./hooks/post-checkout"), "evil\n");
    writeFile(src.path(), QStringLiteral("git~1/config"), "evil\n");
    writeFile(src.path(), QStringLiteral(".gitignore"), "*.o\n");
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("g")));
    QVERIFY(report.ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("g")), (QStringList{QStringLiteral(".gitignore"), QStringLiteral("main.c")}));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral(".GIT"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("sub/.Git."), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("git~1"), QStringLiteral("git reserves")));
    QCOMPARE(report->rejected.size(), 3);
}

// Every file the walk sees is imported, skipped or rejected: one whose name
// is not UTF-8 is rejected with the reason, not silently dropped.
void tst_FolderImport::listsFilesWithUndecodableNames()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("good.txt"), "fine\n");
    const QByteArray latin1Name = QFile::encodeName(src.path()) + "/caf\xe9.txt"; // "café" in Latin-1
    const int fd = ::open(latin1Name.constData(), O_WRONLY | O_CREAT, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::write(fd, "x\n", 2), ssize_t(2));
    ::close(fd);
    const QByteArray badDir = QFile::encodeName(src.path()) + "/dir\xff";
    QVERIFY(::mkdir(badDir.constData(), 0755) == 0);
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("u")));
    QVERIFY(report.ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("u")), QStringList{QStringLiteral("good.txt")});
    QCOMPARE(report->rejected.size(), 2);
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("caf\uFFFD.txt"), QStringLiteral("not valid UTF-8")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("dir\uFFFD"), QStringLiteral("not valid UTF-8")));
    // Qt cannot name these either: QTemporaryDir would leave them behind.
    ::unlink(latin1Name.constData());
    ::rmdir(badDir.constData());
}

// Reading a FIFO blocks until someone writes; a device never ends. Only
// regular files are read, whatever a symlink points at.
void tst_FolderImport::symlinkToAFifoOrDeviceIsNotRead()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("good.txt"), "fine\n");
    QVERIFY(::mkfifo(QFile::encodeName(src.filePath(QStringLiteral("pipe"))).constData(), 0644) == 0);
    QVERIFY(QFile::link(QStringLiteral("pipe"), src.filePath(QStringLiteral("to-pipe"))));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), src.filePath(QStringLiteral("to-zero"))));
    ImportOptions options = named(QStringLiteral("f"));
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), options);
    QVERIFY(report.ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("f")), QStringList{QStringLiteral("good.txt")});
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("pipe"), QStringLiteral("not a regular file")));
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("to-pipe"), QStringLiteral("not a regular file")));
    // /dev/zero is outside the project: refused before anything is read.
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("to-zero"), QStringLiteral("outside the project")));
}

void tst_FolderImport::skipsFilesOverThePerFileLimit()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("small.txt"), "tiny\n");
    writeFile(src.path(), QStringLiteral("big.txt"), QByteArray(2048, 'x'));
    ImportOptions options = named(QStringLiteral("l"));
    options.limits.maxFileBytes = 1024;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), options);
    QVERIFY(report.ok());
    QCOMPARE(paths(ws.db(), QStringLiteral("l")), QStringList{QStringLiteral("small.txt")});
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("big.txt"), QStringLiteral("per-file limit")));
}

void tst_FolderImport::fileCountLimitStopsAndLeavesWorkspaceUnchanged()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 5; ++i)
        writeFile(src.path(), QStringLiteral("f%1.txt").arg(i), QByteArray::number(i));
    ImportOptions options = named(QStringLiteral("many"));
    options.limits.maxFiles = 3;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), options);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::LimitExceeded);
    QVERIFY(report.error().message.contains(QStringLiteral("--max-files")));
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM projects")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 0);
}

void tst_FolderImport::cancelLeavesWorkspaceUnchanged()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 200; ++i)
        writeFile(src.path(), QStringLiteral("d%1/f%2.txt").arg(i % 7).arg(i), QByteArray(4000, char('a' + i % 26)) + QByteArray::number(i));
    CancellationToken token;
    ProjectImporter importer(ws.db());
    importer.setCancellationToken(&token);
    int calls = 0;
    importer.setProgressCallback([&](const ImportProgress &p) {
        if (++calls == 1 || p.files >= 50)
            token.cancel();
    });
    Result<ImportReport> report = importer.importProject(src.path(), named(QStringLiteral("c")));
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::Cancelled);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM projects")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 0);
    // The name is free for the next attempt.
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("c"))).ok());
}

void tst_FolderImport::reportsProgress()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 30; ++i)
        writeFile(src.path(), QStringLiteral("f%1.txt").arg(i, 2, 10, QLatin1Char('0')), QByteArray(100, 'x'));
    ProjectImporter importer(ws.db());
    QList<ImportProgress> seen;
    importer.setProgressCallback([&](const ImportProgress &p) { seen << p; });
    QVERIFY(importer.importProject(src.path(), named(QStringLiteral("p"))).ok());
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.last().files, 30);
    QCOMPARE(seen.last().bytes, 3000);
    QCOMPARE(seen.last().currentPath, QStringLiteral("f29.txt"));
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].files >= seen[i - 1].files);
}

void tst_FolderImport::refreshRewritesOnlyWhatChanged()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("same.txt"), "unchanged\n");
    writeFile(src.path(), QStringLiteral("edit.txt"), "old words\n");
    writeFile(src.path(), QStringLiteral("gone.txt"), "soon deleted\n");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("r"))).ok());

    writeFile(src.path(), QStringLiteral("edit.txt"), "new words\n");
    writeFile(src.path(), QStringLiteral("added.txt"), "brand new\n");
    QFile::remove(src.filePath(QStringLiteral("gone.txt")));

    ProjectStore store(ws.db());
    const Project before = *store.find(QStringLiteral("r"));
    Result<ImportReport> report = ProjectImporter(ws.db()).refreshProject(before.id, {});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(report->added, 1);
    QCOMPARE(report->changed, 1);
    QCOMPARE(report->removed, 1);
    QCOMPARE(report->unchanged, 1);
    QCOMPARE(report->project.revision, before.revision + 1);
    QCOMPARE(report->files, 3);

    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT revision FROM files WHERE path = 'same.txt'")), 1);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT revision FROM files WHERE path = 'edit.txt'")), 2);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files WHERE path = 'gone.txt' AND deleted_at IS NOT NULL")), 1);
    QCOMPARE(paths(ws.db(), QStringLiteral("r")), (QStringList{QStringLiteral("added.txt"), QStringLiteral("edit.txt"), QStringLiteral("same.txt")}));
    QCOMPARE(*store.content(*store.file(before.id, QStringLiteral("edit.txt"))), QByteArray("new words\n"));

    // The index follows: old text is gone, new text is found.
    SearchEngine engine(ws.db());
    const auto hits = [&](const QString &text) {
        SearchQuery q;
        q.text.pattern = text;
        return engine.search(q, [](const SearchMatch &) { return true; })->matches;
    };
    QCOMPARE(hits(QStringLiteral("old words")), 0);
    QCOMPARE(hits(QStringLiteral("new words")), 1);
    QCOMPARE(hits(QStringLiteral("soon deleted")), 0);
    // same, new edit, added, gone (kept by its tombstone), and the old edit,
    // which the project's history keeps for version 1
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 5);
}

void tst_FolderImport::refreshOfUnchangedProjectWritesNothing()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 20; ++i)
        writeFile(src.path(), QStringLiteral("f%1.txt").arg(i), QByteArray::number(i));
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("u"))).ok());
    const Project before = *ProjectStore(ws.db()).find(QStringLiteral("u"));
    Result<ImportReport> report = ProjectImporter(ws.db()).refreshProject(before.id, {});
    QVERIFY(report.ok());
    QCOMPARE(report->unchanged, 20);
    QCOMPARE(report->added + report->changed + report->removed, 0);
    QCOMPARE(report->project.revision, before.revision);
    QCOMPARE(report->project.updatedAt, before.updatedAt);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT max(revision) FROM files")), 1);
}

void tst_FolderImport::failedRefreshLeavesProjectAsItWas()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 10; ++i)
        writeFile(src.path(), QStringLiteral("f%1.txt").arg(i), QByteArray::number(i));
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("f"))).ok());
    const Project before = *ProjectStore(ws.db()).find(QStringLiteral("f"));
    for (int i = 0; i < 10; ++i)
        writeFile(src.path(), QStringLiteral("f%1.txt").arg(i), "changed " + QByteArray::number(i));
    for (int i = 10; i < 20; ++i)
        writeFile(src.path(), QStringLiteral("f%1.txt").arg(i), QByteArray::number(i));
    ImportOptions tight;
    tight.limits.maxFiles = 15; // hit halfway through the refresh
    Result<ImportReport> report = ProjectImporter(ws.db()).refreshProject(before.id, tight);
    QVERIFY(!report.ok());
    ProjectStore store(ws.db());
    QCOMPARE(store.find(QStringLiteral("f"))->revision, before.revision);
    QCOMPARE(paths(ws.db(), QStringLiteral("f")).size(), 10);
    QCOMPARE(*store.content(*store.file(before.id, QStringLiteral("f3.txt"))), QByteArray("3"));
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT max(revision) FROM files")), 1);
}

void tst_FolderImport::refreshTrustsOldModificationTimesAndNoticesNewOnes()
{
    TestWorkspace ws;
    QTemporaryDir src;
    const QDateTime lastWeek = QDateTime::currentDateTimeUtc().addDays(-7);
    const auto writeOld = [&](const QString &name, const QByteArray &content) {
        writeFile(src.path(), name, content);
        QFile f(src.filePath(name));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(lastWeek, QFileDevice::FileModificationTime));
    };
    writeOld(QStringLiteral("stable.txt"), "stable\n");
    writeOld(QStringLiteral("touched.txt"), "same bytes\n");
    writeOld(QStringLiteral("edited.txt"), "version 1\n");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("m"))).ok());
    const Project before = *ProjectStore(ws.db()).find(QStringLiteral("m"));
    QVERIFY(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files WHERE source_mtime_ns IS NULL")) == 0);

    // touched.txt gets a new time but the same bytes; edited.txt new bytes of
    // the same length and a new time.
    writeFile(src.path(), QStringLiteral("touched.txt"), "same bytes\n");
    writeFile(src.path(), QStringLiteral("edited.txt"), "version 2\n");
    Result<ImportReport> report = ProjectImporter(ws.db()).refreshProject(before.id, {});
    QVERIFY(report.ok());
    QCOMPARE(report->unchanged, 2);
    QCOMPARE(report->changed, 1);
    QCOMPARE(*ProjectStore(ws.db()).content(*ProjectStore(ws.db()).file(before.id, QStringLiteral("edited.txt"))), QByteArray("version 2\n"));
    // The touched file keeps its revision but remembers its new time.
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT revision FROM files WHERE path = 'touched.txt'")), 1);
    QFileInfo touched(src.filePath(QStringLiteral("touched.txt")));
    QVERIFY(Test::scalar(ws.db(), QStringLiteral("SELECT source_mtime_ns FROM files WHERE path = 'touched.txt'")) / 1000000
            == touched.lastModified().toMSecsSinceEpoch());
}

void tst_FolderImport::refreshOfAProjectTrashedMeanwhileChangesNothing()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("a.txt"), "one\n");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("t"))).ok());
    const Project project = *ProjectStore(ws.db()).find(QStringLiteral("t"));
    writeFile(src.path(), QStringLiteral("a.txt"), "two\n");
    writeFile(src.path(), QStringLiteral("b.txt"), "new\n");

    // Another window trashes the project while the refresh is reading files.
    ProjectImporter importer(ws.db());
    bool trashed = false;
    importer.setProgressCallback([&](const ImportProgress &) {
        if (!trashed)
            trashed = ProjectStore(ws.db()).moveToTrash(project.id).ok();
    });
    Result<ImportReport> report = importer.refreshProject(project.id, {});
    QVERIFY(trashed);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("trash")), qPrintable(report.error().message));
    // Still in the trash, with exactly the files it had.
    const Project after = *ProjectStore(ws.db()).find(project.id, true);
    QVERIFY(after.isInTrash());
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files")), 1);
    QCOMPARE(*ProjectStore(ws.db()).content(*ProjectStore(ws.db()).file(project.id, QStringLiteral("a.txt"))), QByteArray("one\n"));
}

void tst_FolderImport::duplicateNameIsRefused()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("a.txt"), "a");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("d"))).ok());
    Result<ImportReport> again = ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("d")));
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QStringLiteral("already exists")));
}

void tst_FolderImport::identicalFilesAreStoredOnce()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("a/LICENSE"), "same text\n");
    writeFile(src.path(), QStringLiteral("b/LICENSE"), "same text\n");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("one"))).ok());
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("two"))).ok());
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files")), 4);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 1);
}

// A refresh asks only about the contents it replaced: others nothing
// refers to any more stay until a full collection.
void tst_FolderImport::garbageAmongGivenContentsLeavesTheRest()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("one.txt"), "one\n");
    writeFile(src.path(), QStringLiteral("two.txt"), "two\n");
    writeFile(src.path(), QStringLiteral("kept.txt"), "kept\n");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), named(QStringLiteral("g"))).ok());
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 3);
    // Nothing refers to one.txt's and two.txt's contents now.
    Storage::Handle db = ws.db()->handle();
    for (const char *sql : {"DELETE FROM project_version_files WHERE path <> 'kept.txt'", "DELETE FROM files WHERE path <> 'kept.txt'"})
        QVERIFY(Storage::Statement(db, sql).exec(QStringLiteral("test")));
    Result<qint64> some = BlobStore::collectGarbageAmong(db, {BlobStore::sha256("one\n"), BlobStore::sha256("kept\n")});
    QVERIFY(some);
    QCOMPARE(*some, 1);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs WHERE hex(sha256) = '%1'")
                                       .arg(QString::fromLatin1(BlobStore::sha256("two\n").toHex().toUpper()))),
             1);
    Result<qint64> rest = BlobStore::collectGarbage(db);
    QVERIFY(rest);
    QCOMPARE(*rest, 1);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 1);
    // Found by search no more: the index forgot them.
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blob_text WHERE blob_text MATCH 'two'")), 0);
}

QTEST_GUILESS_MAIN(tst_FolderImport)
#include "tst_folderimport.moc"
