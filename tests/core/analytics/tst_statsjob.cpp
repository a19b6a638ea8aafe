// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics job the CLI and the Stats panel both run.
#include "analytics/statsjob.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using Realm::Test::TestWorkspace;

class tst_StatsJob final : public QObject {
    Q_OBJECT
private slots:
    void countsWithProgressAndEndsOnce();
    void cancelledBeforeItStartsReadsNothing();
    void unknownProjectFails();
};

namespace {
QString importSample(TestWorkspace &ws)
{
    Test::writeFile(ws.dir() + QStringLiteral("/src"), QStringLiteral("main.c"), "// TODO: more\nint main(void) { return 0; }\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(ws.dir() + QStringLiteral("/src"), {});
    return imported ? imported->project.id : QString();
}
} // namespace

void tst_StatsJob::countsWithProgressAndEndsOnce()
{
    TestWorkspace ws;
    const QString projectId = importSample(ws);
    QVERIFY(!projectId.isEmpty());
    Analytics::StatsJob job(ws.db(), projectId);
    QSignalSpy finished(&job, &Analytics::StatsJob::finished);
    QSignalSpy failed(&job, &Analytics::StatsJob::failed);
    QSignalSpy progress(&job, &Analytics::StatsJob::progress);
    job.start();
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(20000));
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!job.isRunning());
    QCOMPARE(progress.first().at(1).toString(), QStringLiteral("Counting…"));
    const auto stats = finished.first().first().value<Analytics::ProjectStats>();
    QCOMPARE(stats.files, 1);
    QCOMPARE(stats.markers.size(), 1);
}

void tst_StatsJob::cancelledBeforeItStartsReadsNothing()
{
    TestWorkspace ws;
    const QString projectId = importSample(ws);
    Analytics::StatsJob job(ws.db(), projectId);
    QSignalSpy failed(&job, &Analytics::StatsJob::failed);
    job.cancel();
    job.start();
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<Error>().code, Error::Code::Cancelled);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blob_stats")), 0);
}

void tst_StatsJob::unknownProjectFails()
{
    TestWorkspace ws;
    Analytics::StatsJob job(ws.db(), QStringLiteral("no-such-project"));
    QSignalSpy failed(&job, &Analytics::StatsJob::failed);
    job.start();
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<Error>().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_StatsJob)
#include "tst_statsjob.moc"
