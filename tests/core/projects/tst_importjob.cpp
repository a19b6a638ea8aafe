// SPDX-License-Identifier: GPL-3.0-or-later
// The import job the CLI, the import dialog and the window's refresh all
// run: on its own thread, with progress, cancel and one end.
#include "projects/importjob.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

namespace {
struct Outcome {
    std::optional<ImportReport> report;
    std::optional<Error> error;
    QStringList progress;
    int ends = 0;
};

Outcome runToEnd(ImportJob &job)
{
    Outcome outcome;
    QObject::connect(&job, &ImportJob::progress, &job, [&](double, const QString &text) { outcome.progress << text; });
    QObject::connect(&job, &ImportJob::finished, &job, [&](const ImportReport &r) {
        outcome.report = r;
        ++outcome.ends;
    });
    QObject::connect(&job, &ImportJob::failed, &job, [&](const Error &e) {
        outcome.error = e;
        ++outcome.ends;
    });
    job.start();
    if (!QTest::qWaitFor([&] { return outcome.ends > 0; }, 30000))
        return outcome;
    QCoreApplication::processEvents(); // a second end would be queued by now
    return outcome;
}
} // namespace

class tst_ImportJob final : public QObject {
    Q_OBJECT
private slots:
    void importsThenRefreshesByName();
    void cancelledImportChangesNothing();
    void unknownProjectIsNamed();
    void destroyingARunningImportLeavesNothing();
    void describesWhatHappened();
};

void tst_ImportJob::importsThenRefreshesByName()
{
    TestWorkspace ws;
    QTemporaryDir src;
    Test::writeFile(src.path(), QStringLiteral("a.c"), "int a;\n");
    Test::writeFile(src.path(), QStringLiteral("lib/b.c"), "int b;\n");
    ImportOptions options;
    options.name = QStringLiteral("app");
    ImportJob import(ws.db(), {src.path(), {}, {}, options});
    const Outcome imported = runToEnd(import);
    QVERIFY2(imported.report, imported.error ? qPrintable(imported.error->message) : "no end");
    QCOMPARE(imported.ends, 1);
    QCOMPARE(imported.report->files, 2);
    QVERIFY(!imported.progress.isEmpty());
    QVERIFY(imported.progress.first().startsWith(QStringLiteral("Reading ")));

    Test::writeFile(src.path(), QStringLiteral("a.c"), "int a = 1;\n");
    ImportJob refresh(ws.db(), {{}, QStringLiteral("app"), {}, {}});
    const Outcome refreshed = runToEnd(refresh);
    QVERIFY2(refreshed.report, refreshed.error ? qPrintable(refreshed.error->message) : "no end");
    QCOMPARE(refreshed.report->changed, 1);
    QCOMPARE(refreshed.report->unchanged, 1);
    QCOMPARE(refreshed.report->project.id, imported.report->project.id);
}

void tst_ImportJob::cancelledImportChangesNothing()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 500; ++i)
        Test::writeFile(src.path(), QStringLiteral("d%1/f%2.txt").arg(i / 50).arg(i), QByteArray(1000, 'x') + QByteArray::number(i));
    ImportJob job(ws.db(), {src.path(), {}, {}, {}});
    job.cancel(); // deterministic: the importer sees it before its first file (mid-import cancels: tst_folderimport)
    const Outcome stopped = runToEnd(job);
    QVERIFY(stopped.error);
    QCOMPARE(stopped.ends, 1);
    QCOMPARE(stopped.error->code, Error::Code::Cancelled);
    QCOMPARE(stopped.error->message, QStringLiteral("Import cancelled; nothing was changed."));
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM projects")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files")), 0);
}

void tst_ImportJob::unknownProjectIsNamed()
{
    TestWorkspace ws;
    ImportJob job(ws.db(), {{}, QStringLiteral("nope"), {}, {}});
    const Outcome failed = runToEnd(job);
    QVERIFY(failed.error);
    QCOMPARE(failed.error->code, Error::Code::NotFound);
    QVERIFY2(failed.error->message.contains(QStringLiteral("nope")), qPrintable(failed.error->message));
}

void tst_ImportJob::destroyingARunningImportLeavesNothing()
{
    TestWorkspace ws;
    QTemporaryDir src;
    for (int i = 0; i < 500; ++i)
        Test::writeFile(src.path(), QStringLiteral("d%1/f%2.txt").arg(i / 50).arg(i), QByteArray(1000, 'y') + QByteArray::number(i));
    {
        ImportJob job(ws.db(), {src.path(), {}, {}, {}});
        QSignalSpy progress(&job, &ImportJob::progress);
        job.start();
        QVERIFY(progress.wait(10000));
    } // cancels and waits: no thread outlives the job
    // All or nothing, whichever won the race.
    const qint64 projects = ProjectStore(ws.db()).list()->size();
    QVERIFY(projects <= 1);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM files")), projects * 500);
}

void tst_ImportJob::describesWhatHappened()
{
    ImportReport report;
    report.project.name = QStringLiteral("app");
    report.files = 3;
    report.bytes = 2048;
    QCOMPARE(describeImport(report, false), QStringLiteral("Imported \"app\": 3 file(s), 2.0 KiB."));
    report.added = 1;
    report.changed = 2;
    report.unchanged = 7;
    report.rejected.append({QStringLiteral("evil/../x"), QStringLiteral("leaves the project")});
    QCOMPARE(describeImport(report, true), QStringLiteral("Refreshed \"app\": 1 added, 2 changed, 0 removed, 7 unchanged. 0 left out, 1 rejected, 0 warning(s)."));
    ImportProgress progress;
    progress.files = 12;
    progress.bytes = 4096;
    progress.currentPath = QStringLiteral("src/lib/main.c");
    QCOMPARE(describeImportProgress(progress), QStringLiteral("12 file(s), 4.0 KiB — main.c"));
}

QTEST_GUILESS_MAIN(tst_ImportJob)
#include "tst_importjob.moc"
