// SPDX-License-Identifier: GPL-3.0-or-later
// The export job the CLI and the export dialog both run.
#include "projects/exportjob.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

class tst_ExportJob final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void writesAnArchiveAndSaysWhat();
    void commitsIntoGitThenIsUpToDate();
    void cancelledExportWritesNothing();
    void formatAndAuthorFromWhatUsersType();

private:
    std::unique_ptr<TestWorkspace> m_ws;
    QTemporaryDir m_out;
    QString m_projectId;
};

namespace {
// Runs to the end; exactly one of the two comes back.
std::variant<ExportResult, Error> runToEnd(ExportJob &job)
{
    QSignalSpy finished(&job, &ExportJob::finished);
    QSignalSpy failed(&job, &ExportJob::failed);
    job.start();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000))
        return Error::failed(QStringLiteral("no end"));
    QCoreApplication::processEvents();
    if (finished.size() + failed.size() != 1)
        return Error::failed(QStringLiteral("ended twice"));
    if (!finished.isEmpty())
        return finished.first().first().value<ExportResult>();
    return failed.first().first().value<Error>();
}

QByteArray why(const std::variant<ExportResult, Error> &outcome)
{
    return std::holds_alternative<Error>(outcome) ? std::get<Error>(outcome).message.toUtf8() : QByteArray();
}
} // namespace

void tst_ExportJob::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    Test::writeFile(m_ws->dir() + QStringLiteral("/src"), QStringLiteral("main.c"), "int main(void) { return 0; }\n");
    Test::writeFile(m_ws->dir() + QStringLiteral("/src"), QStringLiteral("lib/util.c"), "int util;\n");
    Result<ImportReport> imported = ProjectImporter(m_ws->db()).importProject(m_ws->dir() + QStringLiteral("/src"), {});
    QVERIFY(imported);
    m_projectId = imported->project.id;
}

void tst_ExportJob::writesAnArchiveAndSaysWhat()
{
    const QString target = m_out.filePath(QStringLiteral("app.zip"));
    ExportJob job(m_ws->db(), {m_projectId, target, ArchiveFormat::Zip, {}});
    const auto outcome = runToEnd(job);
    QVERIFY2(std::holds_alternative<ExportResult>(outcome), why(outcome).constData());
    const ExportResult &result = std::get<ExportResult>(outcome);
    QVERIFY(result.archive);
    QCOMPARE(result.archive->files, 2);
    QVERIFY(QFile::exists(target));
    QCOMPARE(result.summary, QStringLiteral("Wrote %1: 2 file(s), 39 B.").arg(target));
}

void tst_ExportJob::commitsIntoGitThenIsUpToDate()
{
    const QString repo = m_out.filePath(QStringLiteral("repo"));
    ExportInput input{m_projectId, repo, std::nullopt, {}};
    QVERIFY(parseAuthor(QStringLiteral("Ada Lovelace <ada@example.org>"), &input.git));
    ExportJob first(m_ws->db(), input);
    auto outcome = runToEnd(first);
    QVERIFY2(std::holds_alternative<ExportResult>(outcome), why(outcome).constData());
    QVERIFY(std::get<ExportResult>(outcome).git);
    QCOMPARE(std::get<ExportResult>(outcome).git->commitsWritten, 1);
    QVERIFY(std::get<ExportResult>(outcome).summary.startsWith(QStringLiteral("Wrote 1 commit(s) to ")));

    ExportJob again(m_ws->db(), input);
    outcome = runToEnd(again);
    QVERIFY(std::holds_alternative<ExportResult>(outcome));
    QVERIFY(std::get<ExportResult>(outcome).summary.contains(QStringLiteral("is up to date")));
}

void tst_ExportJob::cancelledExportWritesNothing()
{
    const QString target = m_out.filePath(QStringLiteral("never.tar.gz"));
    ExportJob job(m_ws->db(), {m_projectId, target, ArchiveFormat::TarGz, {}});
    job.cancel(); // before the first file: deterministic (mid-export cancels: tst_projectexport)
    const auto outcome = runToEnd(job);
    QVERIFY(std::holds_alternative<Error>(outcome));
    QCOMPARE(std::get<Error>(outcome).code, Error::Code::Cancelled);
    QCOMPARE(std::get<Error>(outcome).message, QStringLiteral("Export cancelled; no archive was written."));
    QVERIFY(!QFile::exists(target));
}

void tst_ExportJob::formatAndAuthorFromWhatUsersType()
{
    QCOMPARE(exportFormatFor(QStringLiteral("a.zip")), QStringLiteral("zip"));
    QCOMPARE(exportFormatFor(QStringLiteral("a.tgz")), QStringLiteral("tar.gz"));
    QCOMPARE(exportFormatFor(QStringLiteral("a.tar.gz")), QStringLiteral("tar.gz"));
    QCOMPARE(exportFormatFor(m_out.path()), QStringLiteral("git"));
    QCOMPARE(exportFormatFor(m_out.filePath(QStringLiteral("no-such-thing"))), QString());
    GitExportOptions options;
    QVERIFY(parseAuthor(QStringLiteral("  Grace Hopper <grace@example.org> "), &options));
    QCOMPARE(options.authorName, QStringLiteral("Grace Hopper"));
    QCOMPARE(options.authorEmail, QStringLiteral("grace@example.org"));
    QVERIFY(!parseAuthor(QStringLiteral("nobody"), &options));
    QVERIFY(!parseAuthor(QStringLiteral("<only@mail>"), &options));
}

QTEST_GUILESS_MAIN(tst_ExportJob)
#include "tst_exportjob.moc"
