// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 at any moment of an import loses nothing that was reported as
// saved and never leaves a half-imported project visible.
#include "projects/projectstore.h"
#include "projects/workspace.h"
#include "testworkspace.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

namespace {
constexpr int kBigFiles = 3000;

} // namespace

class tst_CrashSafety final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killDuringImportKeepsSavedWorkAndHidesThePartialProject_data();
    void killDuringImportKeepsSavedWorkAndHidesThePartialProject();

private:
    QTemporaryDir m_sources;
};

void tst_CrashSafety::initTestCase()
{
    QVERIFY(QFileInfo(Test::realmBinary(QStringLiteral("realm-cli"))).isExecutable());
    Test::writeFile(m_sources.path(), QStringLiteral("small/keep.txt"), "saved before the crash\n");
    for (int i = 0; i < kBigFiles; ++i)
        Test::writeFile(m_sources.path(), QStringLiteral("big/d%1/file%2.c").arg(i % 50).arg(i),
                        QByteArray("int function_") + QByteArray::number(i) + "(void) { return " + QByteArray::number(i) + "; }\n"
                            + QByteArray(2000, char('a' + i % 26)) + "\n");
}

void tst_CrashSafety::killDuringImportKeepsSavedWorkAndHidesThePartialProject_data()
{
    // Kill once the write-ahead log has grown past this many bytes: early,
    // between committed batches, and late in the import.
    QTest::addColumn<qint64>("walBytesBeforeKill");
    QTest::newRow("early") << qint64(64 * 1024);
    QTest::newRow("middle") << qint64(1024 * 1024);
    QTest::newRow("late") << qint64(3 * 1024 * 1024);
}

void tst_CrashSafety::killDuringImportKeepsSavedWorkAndHidesThePartialProject()
{
    QFETCH(qint64, walBytesBeforeKill);
    TestWorkspace ws;
    const QString cli = Test::realmBinary(QStringLiteral("realm-cli"));
    QByteArray err;
    QCOMPARE(Test::run(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("project"), QStringLiteral("import"),
                             m_sources.filePath(QStringLiteral("small")), QStringLiteral("--name"), QStringLiteral("kept")},
                       {}, nullptr, &err),
             0);

    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_IMPORT_BATCH_FILES"), QStringLiteral("500"));
    import.setProcessEnvironment(env);
    import.start(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("project"), QStringLiteral("import"),
                       m_sources.filePath(QStringLiteral("big")), QStringLiteral("--name"), QStringLiteral("big")});
    QVERIFY(import.waitForStarted());
    const QString wal = ws.path() + QStringLiteral("-wal");
    QDeadlineTimer deadline(120000);
    bool killed = false;
    while (!deadline.hasExpired()) {
        if (import.state() == QProcess::NotRunning || import.waitForFinished(2))
            break;
        if (QFileInfo(wal).size() >= walBytesBeforeKill) {
            import.kill(); // SIGKILL: no cleanup code runs
            import.waitForFinished();
            killed = true;
            break;
        }
    }
    QVERIFY(!deadline.hasExpired());

    // What the killed process had committed (read without REALM's recovery).
    qint64 committedFiles = 0;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(ws.path());
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM files f JOIN projects p ON p.id = f.project_id WHERE p.name = 'big'")) && q.next());
        committedFiles = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));

    // The next process to open the workspace sees a consistent state.
    Storage::DatabasePtr db = ws.open();
    QVERIFY(db);
    QSqlQuery check(db->connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    ProjectStore store(db);
    Result<Project> kept = store.find(QStringLiteral("kept"));
    QVERIFY(kept.ok());
    QCOMPARE(*store.content(*store.file(kept->id, QStringLiteral("keep.txt"))), QByteArray("saved before the crash\n"));

    Result<Project> big = store.find(QStringLiteral("big"));
    qInfo("killed: %s, with %lld files of it committed; after reopening: %s", killed ? "yes" : "no (finished first)",
          committedFiles, big.ok() ? "complete" : "gone");
    if (killed && !big.ok()) {
        // Not visible, and nothing of it left behind.
        QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM projects")), 1);
        QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM files")), 1);
        QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM blobs")), 1);
    } else {
        // The import had already finished: then it is complete.
        QVERIFY(big.ok());
        QCOMPARE(big->fileCount, kBigFiles);
        QCOMPARE(store.files(big->id)->size(), kBigFiles);
    }
    QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM projects WHERE state = 'importing'")), 0);
    QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.blob_sha256 = b.sha256)")), 0);
    db.reset();

    // And the import can simply be run again.
    if (killed && !big.ok()) {
        QCOMPARE(Test::run(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("project"), QStringLiteral("import"),
                                 m_sources.filePath(QStringLiteral("big")), QStringLiteral("--name"), QStringLiteral("big")}),
                 0);
    }
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
