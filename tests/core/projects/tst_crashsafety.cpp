// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 at any moment of an import loses nothing that was reported as
// saved and never leaves a half-imported project visible. The kill happens
// at an exact file (fault injection in the import's writer), not "once the
// log looks big enough", so every run tests the same moments.
#include "projects/projectstore.h"
#include "workspace/workspace.h"
#include "testworkspace.h"

#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

namespace {
constexpr int kBigFiles = 3000;
constexpr int kBatchFiles = 500;

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
    // The import kills itself (SIGKILL) just before writing file K: with
    // 500 files per committed batch that is before any commit, between
    // commits, in the last batch, and after every file but before the
    // import is finished.
    QTest::addColumn<int>("crashAtFile");
    QTest::addColumn<int>("committedFiles");
    QTest::newRow("first file") << 1 << 0;
    QTest::newRow("a batch just committed") << 1001 << 1000;
    QTest::newRow("inside a batch") << 1234 << 1000;
    QTest::newRow("last file") << kBigFiles << kBigFiles - kBatchFiles;
    QTest::newRow("before finishing") << kBigFiles + 1 << kBigFiles;
}

void tst_CrashSafety::killDuringImportKeepsSavedWorkAndHidesThePartialProject()
{
    QFETCH(int, crashAtFile);
    QFETCH(int, committedFiles);
    TestWorkspace ws;
    const QString cli = Test::realmBinary(QStringLiteral("realm-cli"));
    QByteArray err;
    QCOMPARE(Test::run(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("project"), QStringLiteral("import"),
                             m_sources.filePath(QStringLiteral("small")), QStringLiteral("--name"), QStringLiteral("kept")},
                       {}, nullptr, &err),
             0);

    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_IMPORT_BATCH_FILES"), QString::number(kBatchFiles));
    env.insert(QStringLiteral("REALM_TEST_CRASH_AT_FILE"), QString::number(crashAtFile));
    import.setProcessEnvironment(env);
    import.start(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("project"), QStringLiteral("import"),
                       m_sources.filePath(QStringLiteral("big")), QStringLiteral("--name"), QStringLiteral("big")});
    QVERIFY(import.waitForFinished(120000));
    QCOMPARE(import.exitStatus(), QProcess::CrashExit); // killed where asked, not finished

    // What the killed process had committed (read without REALM's recovery).
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(ws.path());
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM files f JOIN projects p ON p.id = f.project_id WHERE p.name = 'big'")) && q.next());
        QCOMPARE(q.value(0).toInt(), committedFiles);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));

    // The next process to open the workspace sees a consistent state: the
    // finished project whole, the interrupted one gone without a trace.
    Storage::DatabasePtr db = ws.open();
    QVERIFY(db);
    QSqlQuery check(db->connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    ProjectStore store(db);
    Result<Project> kept = store.find(QStringLiteral("kept"));
    QVERIFY(kept.ok());
    QCOMPARE(*store.content(*store.file(kept->id, QStringLiteral("keep.txt"))), QByteArray("saved before the crash\n"));
    QCOMPARE(store.find(QStringLiteral("big")).error().code, Error::Code::NotFound);
    QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM projects")), 1);
    QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM files")), 1);
    QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM blobs")), 1);
    QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(*) FROM projects WHERE state = 'importing'")), 0);
    db.reset();

    // And the import can simply be run again.
    QCOMPARE(Test::run(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("project"), QStringLiteral("import"),
                             m_sources.filePath(QStringLiteral("big")), QStringLiteral("--name"), QStringLiteral("big")}),
             0);
    db = ws.open();
    QVERIFY(db);
    Result<Project> big = ProjectStore(db).find(QStringLiteral("big"));
    QVERIFY(big.ok());
    QCOMPARE(big->fileCount, kBigFiles);
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
