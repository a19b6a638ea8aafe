// SPDX-License-Identifier: GPL-3.0-or-later
// Project versions (each import and changing refresh) and their export to
// Git, checked with the real git command: one commit per version with that
// version's bytes and modes, fsck-clean, re-exports add only what is new.
#include "projects/gitexporter.h"
#include "projects/projectexporter.h"
#include "projects/projecthistory.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

namespace {
// git with a fixed identity and no user or system configuration.
int git(const QString &repo, const QStringList &args, QByteArray *out = nullptr)
{
    return Test::run(QStringLiteral("env"),
                     QStringList{QStringLiteral("GIT_CONFIG_NOSYSTEM=1"), QStringLiteral("HOME=") + repo,
                                 QStringLiteral("GIT_AUTHOR_NAME=Someone"), QStringLiteral("GIT_AUTHOR_EMAIL=someone@example.org"),
                                 QStringLiteral("GIT_COMMITTER_NAME=Someone"), QStringLiteral("GIT_COMMITTER_EMAIL=someone@example.org"),
                                 QStringLiteral("git"), QStringLiteral("-C"), repo}
                         + args,
                     {}, out);
}

QString gitText(const QString &repo, const QStringList &args)
{
    QByteArray out;
    git(repo, args, &out);
    return QString::fromUtf8(out).trimmed();
}
} // namespace

class tst_GitExport final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void importsAndChangingRefreshesAreVersions();
    void oldContentsAreKeptForTheHistory();
    void oneCommitPerVersionWithItsBytesAndModes();
    void exportingAgainAddsOnlyNewVersions();
    void foreignCommitsOnTheBranchAreLeftAlone();
    void editsInTheWorkTreeAreNotOverwritten();
    void aFolderWithOtherFilesIsRefused();
    void aStoredGitFolderPathIsNamedNotWritten();

private:
    void refreshWith(const std::function<void()> &change);
    std::unique_ptr<TestWorkspace> m_ws;
    QString m_folder;
    QString m_projectId;
};

void tst_GitExport::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    m_folder = m_ws->dir() + QStringLiteral("/src");
    Test::writeFile(m_folder, QStringLiteral("README.md"), "# Sample\n");
    Test::writeFile(m_folder, QStringLiteral("src/main.c"), "int main(void) { return 0; }\n");
    Test::writeFile(m_folder, QStringLiteral("old.txt"), "to be removed\n");
    Result<ImportReport> imported = ProjectImporter(m_ws->db()).importProject(m_folder, {});
    QVERIFY(imported);
    m_projectId = imported->project.id;
}

// A project imported before REALM refused ".GIT/…" paths may still hold
// one: exports name it and write nothing, instead of git failing halfway.
void tst_GitExport::aStoredGitFolderPathIsNamedNotWritten()
{
    for (const char *table : {"files", "project_version_files"}) {
        QSqlQuery q(m_ws->db()->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE %1 SET path = '.GIT/config' WHERE path = 'old.txt'").arg(QLatin1String(table))));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QTemporaryDir out;
    const QString repo = out.filePath(QStringLiteral("repo"));
    Result<GitExportReport> exported = exportToGit(m_ws->db(), m_projectId, repo, {});
    QVERIFY(!exported);
    QVERIFY2(exported.error().message.contains(QStringLiteral(".GIT/config")) && exported.error().message.contains(QStringLiteral("git reserves")),
             qPrintable(exported.error().message));
    QVERIFY(!QFileInfo::exists(repo));
    const QString zip = out.filePath(QStringLiteral("p.zip"));
    Result<ExportReport> archived = exportArchive(m_ws->db(), m_projectId, ArchiveFormat::Zip, zip);
    QVERIFY(!archived);
    QVERIFY(archived.error().message.contains(QStringLiteral(".GIT/config")));
    QVERIFY(!QFileInfo::exists(zip));
}

void tst_GitExport::refreshWith(const std::function<void()> &change)
{
    change();
    QVERIFY(ProjectImporter(m_ws->db()).refreshProject(m_projectId, {}));
}

void tst_GitExport::importsAndChangingRefreshesAreVersions()
{
    ProjectHistory history(m_ws->db());
    QList<ProjectVersion> versions = *history.versions(m_projectId);
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().kind, QStringLiteral("import"));
    QCOMPARE(versions.first().added, 3);
    QCOMPARE(history.changes(versions.first().id)->size(), 3);

    // Nothing changed: no version.
    QVERIFY(ProjectImporter(m_ws->db()).refreshProject(m_projectId, {}));
    QCOMPARE(history.versions(m_projectId)->size(), 1);

    refreshWith([&] {
        Test::writeFile(m_folder, QStringLiteral("src/main.c"), "int main(void) { return 1; }\n");
        Test::writeFile(m_folder, QStringLiteral("src/util.c"), "int util;\n");
        QFile::remove(m_folder + QStringLiteral("/old.txt"));
    });
    versions = *history.versions(m_projectId);
    QCOMPARE(versions.size(), 2);
    const ProjectVersion &second = versions.at(1);
    QCOMPARE(second.number, 2);
    QCOMPARE(second.kind, QStringLiteral("refresh"));
    QCOMPARE(second.added, 1);
    QCOMPARE(second.changed, 1);
    QCOMPARE(second.removed, 1);
    const QList<VersionChange> changes = *history.changes(second.id);
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes.at(0).path, QStringLiteral("old.txt"));
    QVERIFY(changes.at(0).isRemoval());
    QCOMPARE(changes.at(1).path, QStringLiteral("src/main.c"));
    QVERIFY(!changes.at(1).isRemoval());

    // Replaying the versions gives the files there are now.
    VersionTree tree;
    for (const ProjectVersion &v : versions)
        ProjectHistory::apply(tree, *history.changes(v.id));
    QCOMPARE(tree.keys(), QStringList({QStringLiteral("README.md"), QStringLiteral("src/main.c"), QStringLiteral("src/util.c")}));
}

void tst_GitExport::oldContentsAreKeptForTheHistory()
{
    refreshWith([&] { Test::writeFile(m_folder, QStringLiteral("src/main.c"), "int main(void) { return 2; }\n"); });
    ProjectHistory history(m_ws->db());
    const QList<VersionChange> first = *history.changes(history.versions(m_projectId)->first().id);
    ProjectFile old;
    old.path = QStringLiteral("src/main.c");
    for (const VersionChange &c : first) {
        if (c.path == old.path)
            old.sha256 = c.sha256;
    }
    const Result<QByteArray> content = ProjectStore(m_ws->db()).content(old);
    QVERIFY(content);
    QCOMPARE(*content, QByteArray("int main(void) { return 0; }\n"));
}

void tst_GitExport::oneCommitPerVersionWithItsBytesAndModes()
{
    refreshWith([&] {
        Test::writeFile(m_folder, QStringLiteral("src/main.c"), "int main(void) { return 1; }\n");
        QFile::remove(m_folder + QStringLiteral("/old.txt"));
    });
    refreshWith([&] {
        Test::writeFile(m_folder, QStringLiteral("run.sh"), "#!/bin/sh\n");
        QFile::setPermissions(m_folder + QStringLiteral("/run.sh"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                                      | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    });
    const QString repo = m_ws->dir() + QStringLiteral("/repo");
    GitExportOptions options;
    options.authorName = QStringLiteral("Ada Lovelace");
    options.authorEmail = QStringLiteral("ada@example.org");
    QList<int> progress;
    Result<GitExportReport> report = exportToGit(m_ws->db(), m_projectId, repo, options, nullptr, [&](int done, int) { progress << done; });
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->commitsWritten, 3);
    QCOMPARE(progress, QList<int>({1, 2, 3}));
    QVERIFY(report->warnings.isEmpty());

    QCOMPARE(git(repo, {QStringLiteral("fsck"), QStringLiteral("--strict"), QStringLiteral("--no-dangling")}), 0);
    QCOMPARE(gitText(repo, {QStringLiteral("log"), QStringLiteral("--format=%s")}),
             QStringLiteral("src: refresh (version 3)\nsrc: refresh (version 2)\nsrc: import (version 1)"));
    QCOMPARE(gitText(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>")}),
             QStringLiteral("Ada Lovelace <ada@example.org>"));
    QCOMPARE(gitText(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), report->head);
    QCOMPARE(gitText(repo, {QStringLiteral("show"), QStringLiteral("HEAD~2:src/main.c")}), QStringLiteral("int main(void) { return 0; }"));
    QCOMPARE(gitText(repo, {QStringLiteral("show"), QStringLiteral("HEAD~1:src/main.c")}), QStringLiteral("int main(void) { return 1; }"));
    QCOMPARE(git(repo, {QStringLiteral("cat-file"), QStringLiteral("-e"), QStringLiteral("HEAD~1:old.txt")}) != 0, true);
    QVERIFY(gitText(repo, {QStringLiteral("ls-tree"), QStringLiteral("HEAD"), QStringLiteral("run.sh")}).startsWith(QStringLiteral("100755 blob")));
    QVERIFY(gitText(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")}).contains(QStringLiteral("Realm-Version: 3")));
    // The new repository's work tree is checked out and clean.
    QVERIFY(QFile::exists(repo + QStringLiteral("/run.sh")));
    QCOMPARE(gitText(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
}

void tst_GitExport::exportingAgainAddsOnlyNewVersions()
{
    const QString repo = m_ws->dir() + QStringLiteral("/repo");
    QCOMPARE(exportToGit(m_ws->db(), m_projectId, repo)->commitsWritten, 1);
    const QString first = gitText(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    Result<GitExportReport> again = exportToGit(m_ws->db(), m_projectId, repo);
    QVERIFY(again);
    QCOMPARE(again->commitsWritten, 0);
    QCOMPARE(again->head, first);

    refreshWith([&] { Test::writeFile(m_folder, QStringLiteral("NEWS"), "one more\n"); });
    Result<GitExportReport> third = exportToGit(m_ws->db(), m_projectId, repo);
    QVERIFY(third);
    QCOMPARE(third->commitsWritten, 1);
    QCOMPARE(gitText(repo, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD")}), QStringLiteral("2"));
    QCOMPARE(gitText(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD~1")}), first);
    QCOMPARE(gitText(repo, {QStringLiteral("show"), QStringLiteral("HEAD:NEWS")}), QStringLiteral("one more"));
    QCOMPARE(git(repo, {QStringLiteral("fsck"), QStringLiteral("--strict")}), 0);
    QVERIFY(QFile::exists(repo + QStringLiteral("/NEWS"))); // the clean work tree followed
}

void tst_GitExport::foreignCommitsOnTheBranchAreLeftAlone()
{
    const QString repo = m_ws->dir() + QStringLiteral("/repo");
    QVERIFY(exportToGit(m_ws->db(), m_projectId, repo));
    Test::writeFile(repo, QStringLiteral("mine.txt"), "someone's own work\n");
    QCOMPARE(git(repo, {QStringLiteral("add"), QStringLiteral("mine.txt")}), 0);
    QCOMPARE(git(repo, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("by hand")}), 0);
    const QString tip = gitText(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    refreshWith([&] { Test::writeFile(m_folder, QStringLiteral("NEWS"), "news\n"); });

    Result<GitExportReport> refused = exportToGit(m_ws->db(), m_projectId, repo);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QVERIFY(refused.error().message.contains(QStringLiteral("--branch")));
    QCOMPARE(gitText(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), tip);

    // Another branch takes the whole history.
    GitExportOptions options;
    options.branch = QStringLiteral("realm");
    Result<GitExportReport> other = exportToGit(m_ws->db(), m_projectId, repo, options);
    QVERIFY(other);
    QCOMPARE(other->commitsWritten, 2);
    QCOMPARE(gitText(repo, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("realm")}), QStringLiteral("2"));
    QCOMPARE(gitText(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), tip); // the checked-out branch is untouched
}

void tst_GitExport::editsInTheWorkTreeAreNotOverwritten()
{
    const QString repo = m_ws->dir() + QStringLiteral("/repo");
    QVERIFY(exportToGit(m_ws->db(), m_projectId, repo));
    Test::writeFile(repo, QStringLiteral("README.md"), "my unsaved edit\n");
    refreshWith([&] { Test::writeFile(m_folder, QStringLiteral("README.md"), "# Sample, again\n"); });
    Result<GitExportReport> report = exportToGit(m_ws->db(), m_projectId, repo);
    QVERIFY(report);
    QCOMPARE(report->commitsWritten, 1);
    QCOMPARE(report->warnings.size(), 1); // the commit is there; the work tree was left as it was
    QCOMPARE(gitText(repo, {QStringLiteral("show"), QStringLiteral("HEAD:README.md")}), QStringLiteral("# Sample, again"));
    QFile edited(repo + QStringLiteral("/README.md"));
    QVERIFY(edited.open(QIODevice::ReadOnly));
    QCOMPARE(edited.readAll(), QByteArray("my unsaved edit\n"));
}

void tst_GitExport::aFolderWithOtherFilesIsRefused()
{
    const QString folder = m_ws->dir() + QStringLiteral("/busy");
    Test::writeFile(folder, QStringLiteral("notes.txt"), "mine\n");
    Result<GitExportReport> refused = exportToGit(m_ws->db(), m_projectId, folder);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QVERIFY(!QDir(folder + QStringLiteral("/.git")).exists());
}

QTEST_GUILESS_MAIN(tst_GitExport)
#include "tst_gitexport.moc"
