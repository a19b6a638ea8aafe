// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;
using Realm::Test::git;
using Realm::Test::writeFile;

namespace {

QString headOf(const QString &repo, const QString &ref = QStringLiteral("HEAD"))
{
    QByteArray out;
    git(repo, {QStringLiteral("rev-parse"), ref}, &out);
    return QString::fromLatin1(out.trimmed());
}

} // namespace

class tst_GitImport final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importsHeadAndRecordsTheCommit();
    void importsABranchTagOrCommit();
    void clonesFromAUrl();
    void handlesSymlinksAndExecutables();
    void unknownRefIsAClearError();
    void refreshFollowsTheBranch();
    void folderImportOfAWorkTreeIgnoresGitInternals();
    void treeEntriesGitRefusesAreRejected();

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_firstCommit;
};

void tst_GitImport::initTestCase()
{
    m_repo = m_dir.filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(m_repo));
    QCOMPARE(git(m_repo, {QStringLiteral("init"), QStringLiteral("-q")}), 0);
    writeFile(m_repo, QStringLiteral("README.md"), "# Demo\n");
    writeFile(m_repo, QStringLiteral("src/lib.rs"), "pub fn answer() -> u32 { 42 }\n");
    QCOMPARE(git(m_repo, {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(git(m_repo, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")}), 0);
    m_firstCommit = headOf(m_repo);
    QCOMPARE(git(m_repo, {QStringLiteral("tag"), QStringLiteral("v1")}), 0);
    writeFile(m_repo, QStringLiteral("src/main.rs"), "fn main() {}\n");
    QCOMPARE(git(m_repo, {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(git(m_repo, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("second")}), 0);
    QCOMPARE(git(m_repo, {QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature")}), 0);
    writeFile(m_repo, QStringLiteral("FEATURE.txt"), "feature work\n");
    QCOMPARE(git(m_repo, {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(git(m_repo, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("feature")}), 0);
    QCOMPARE(git(m_repo, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}), 0);
    // Uncommitted work must not be imported by a git import.
    writeFile(m_repo, QStringLiteral("scratch.txt"), "not committed\n");
}

void tst_GitImport::importsHeadAndRecordsTheCommit()
{
    TestWorkspace ws;
    ImportOptions options;
    options.ref = QStringLiteral("HEAD");
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(m_repo, options);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(report->project.source.kind, ProjectSource::Kind::Git);
    QCOMPARE(report->project.source.commit, headOf(m_repo));
    QCOMPARE(report->project.name, QStringLiteral("repo"));
    QCOMPARE(Test::projectPaths(ws.db(), report->project.id),
             (QStringList{QStringLiteral("README.md"), QStringLiteral("src/lib.rs"), QStringLiteral("src/main.rs")}));
}

void tst_GitImport::importsABranchTagOrCommit()
{
    TestWorkspace ws;
    const auto importRef = [&](const QString &ref, const QString &name) {
        ImportOptions options;
        options.ref = ref;
        options.name = name;
        return ProjectImporter(ws.db()).importProject(m_repo, options);
    };
    Result<ImportReport> tag = importRef(QStringLiteral("v1"), QStringLiteral("tag"));
    QVERIFY(tag.ok());
    QCOMPARE(tag->project.source.commit, m_firstCommit);
    QCOMPARE(tag->project.source.ref, QStringLiteral("v1"));
    QCOMPARE(Test::projectPaths(ws.db(), tag->project.id), (QStringList{QStringLiteral("README.md"), QStringLiteral("src/lib.rs")}));

    Result<ImportReport> branch = importRef(QStringLiteral("feature"), QStringLiteral("branch"));
    QVERIFY(branch.ok());
    QVERIFY(Test::projectPaths(ws.db(), branch->project.id).contains(QStringLiteral("FEATURE.txt")));

    Result<ImportReport> commit = importRef(m_firstCommit.left(10), QStringLiteral("commit"));
    QVERIFY(commit.ok());
    QCOMPARE(commit->project.source.commit, m_firstCommit);
}

void tst_GitImport::clonesFromAUrl()
{
    TestWorkspace ws;
    const QString url = QStringLiteral("file://") + m_repo;
    ImportOptions options;
    options.ref = QStringLiteral("feature");
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(url, options);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(report->project.source.location, url);
    QCOMPARE(report->project.source.commit, headOf(m_repo, QStringLiteral("feature")));
    QVERIFY(Test::projectPaths(ws.db(), report->project.id).contains(QStringLiteral("FEATURE.txt")));
    QVERIFY(!Test::projectPaths(ws.db(), report->project.id).contains(QStringLiteral("scratch.txt")));
}

void tst_GitImport::handlesSymlinksAndExecutables()
{
    QTemporaryDir dir;
    QCOMPARE(git(dir.path(), {QStringLiteral("init"), QStringLiteral("-q")}), 0);
    writeFile(dir.path(), QStringLiteral("run.sh"), "#!/bin/sh\n");
    QFile::setPermissions(dir.filePath(QStringLiteral("run.sh")), QFile::permissions(dir.filePath(QStringLiteral("run.sh"))) | QFile::ExeUser);
    QVERIFY(QFile::link(QStringLiteral("run.sh"), dir.filePath(QStringLiteral("inside"))));
    QVERIFY(QFile::link(QStringLiteral("../../etc/passwd"), dir.filePath(QStringLiteral("outside"))));
    QCOMPARE(git(dir.path(), {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(git(dir.path(), {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("links")}), 0);
    TestWorkspace ws;
    ImportOptions options;
    options.ref = QStringLiteral("main");
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(dir.path(), options);
    QVERIFY(report.ok());
    QCOMPARE(Test::projectPaths(ws.db(), report->project.id), QStringList{QStringLiteral("run.sh")});
    QCOMPARE(ProjectStore(ws.db()).file(report->project.id, QStringLiteral("run.sh"))->mode, 0755);
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("outside"), QStringLiteral("outside the project")));
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("inside"), QStringLiteral("symlink")));
}

void tst_GitImport::unknownRefIsAClearError()
{
    TestWorkspace ws;
    ImportOptions options;
    options.ref = QStringLiteral("no-such-branch");
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(m_repo, options);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::NotFound);
    QVERIFY(report.error().message.contains(QStringLiteral("no-such-branch")));
    QVERIFY(ProjectStore(ws.db()).list()->isEmpty());
}

void tst_GitImport::refreshFollowsTheBranch()
{
    QTemporaryDir dir;
    QCOMPARE(git(dir.path(), {QStringLiteral("init"), QStringLiteral("-q")}), 0);
    writeFile(dir.path(), QStringLiteral("a.txt"), "a\n");
    QCOMPARE(git(dir.path(), {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(git(dir.path(), {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("one")}), 0);
    TestWorkspace ws;
    ImportOptions options;
    options.ref = QStringLiteral("main");
    Result<ImportReport> first = ProjectImporter(ws.db()).importProject(dir.path(), options);
    QVERIFY(first.ok());
    writeFile(dir.path(), QStringLiteral("b.txt"), "b\n");
    QCOMPARE(git(dir.path(), {QStringLiteral("add"), QStringLiteral(".")}), 0);
    QCOMPARE(git(dir.path(), {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("two")}), 0);
    Result<ImportReport> refreshed = ProjectImporter(ws.db()).refreshProject(first->project.id, {});
    QVERIFY(refreshed.ok());
    QCOMPARE(refreshed->added, 1);
    QCOMPARE(refreshed->unchanged, 1);
    QCOMPARE(refreshed->project.source.commit, headOf(dir.path()));
    QCOMPARE(refreshed->project.source.ref, QStringLiteral("main"));
}

void tst_GitImport::folderImportOfAWorkTreeIgnoresGitInternals()
{
    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(m_repo, {});
    QVERIFY(report.ok());
    QCOMPARE(report->project.source.kind, ProjectSource::Kind::Folder);
    const QStringList files = Test::projectPaths(ws.db(), report->project.id);
    QVERIFY(files.contains(QStringLiteral("scratch.txt"))); // a folder import takes the work tree as it is
    QVERIFY(std::none_of(files.cbegin(), files.cend(), [](const QString &p) { return p.startsWith(QLatin1String(".git/")); }));
}

// A hostile repository's tree (made with git's plumbing, which does not
// check names) holds git's own folder under other spellings and a name that
// is not UTF-8: none is stored, each is listed with its reason.
void tst_GitImport::treeEntriesGitRefusesAreRejected()
{
    QTemporaryDir dir;
    QCOMPARE(git(dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare")}), 0);
    const auto plumbing = [&](const QStringList &args, const QByteArray &input) {
        QByteArray out;
        const int code = Test::run(QStringLiteral("git"), QStringList{QStringLiteral("-C"), dir.path()} + args, {}, &out, nullptr, input);
        return code == 0 ? out.trimmed() : QByteArray();
    };
    const QByteArray blob = plumbing({QStringLiteral("hash-object"), QStringLiteral("-w"), QStringLiteral("--stdin")}, "[core]\n\thooksPath = /tmp\n");
    QVERIFY(!blob.isEmpty());
    const QByteArray inner = plumbing({QStringLiteral("mktree")}, "100644 blob " + blob + "\tconfig\n");
    QVERIFY(!inner.isEmpty());
    const QByteArray tree = plumbing({QStringLiteral("mktree")}, "040000 tree " + inner + "\t.GIT\n"
                                                                   "040000 tree " + inner + "\t.git\n"
                                                                   "040000 tree " + inner + "\tgit~1\n"
                                                                   "100644 blob " + blob + "\tbad\xff.txt\n"
                                                                   "100644 blob " + blob + "\tok.txt\n");
    QVERIFY(!tree.isEmpty());
    // commit-tree needs an identity: Test::git gives a fixed one (a fresh machine has none).
    QByteArray commit;
    QCOMPARE(Test::git(dir.path(), {QStringLiteral("commit-tree"), QString::fromLatin1(tree), QStringLiteral("-m"), QStringLiteral("hostile")}, &commit), 0);
    commit = commit.trimmed();
    QVERIFY(!commit.isEmpty());
    QCOMPARE(git(dir.path(), {QStringLiteral("update-ref"), QStringLiteral("HEAD"), QString::fromLatin1(commit)}), 0);

    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(dir.path(), {});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(Test::projectPaths(ws.db(), report->project.id), QStringList{QStringLiteral("ok.txt")});
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral(".GIT/config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral(".git/config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("git~1/config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("bad\uFFFD.txt"), QStringLiteral("not valid UTF-8")));
}

QTEST_GUILESS_MAIN(tst_GitImport)
#include "tst_gitimport.moc"
