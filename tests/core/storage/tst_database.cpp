// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Realm;
using namespace Realm::Storage;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return -1;
    return q.value(0).toInt();
}
} // namespace

class tst_Database final : public QObject {
    Q_OBJECT
private slots:
    void openCreatesFileInWalModeWithForeignKeys();
    void openAppliesEveryMigration();
    void eachThreadGetsItsOwnConnection();
    void workspaceFromNewerVersionIsRefusedAndUntouched();
    void fileThatIsNotADatabaseIsRefused();
    void olderWorkspaceIsUpgradedKeepingData();
    void uncommittedTransactionRollsBack();
    void missingFolderIsCreated();
    void anotherProgramsDatabaseIsRefusedUntouched_data();
    void anotherProgramsDatabaseIsRefusedUntouched();
    void damagedWorkspaceSaysSoAndIsNotWritten();
    void failedUpgradeChangesNothing();
    void workspacesAreMarkedAsRealms();
    void anUpToDateWorkspaceOpensWhileAnotherWriterHoldsIt();
};

void tst_Database::anotherProgramsDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QString>("setup");
    QTest::newRow("tables, no version") << QStringLiteral("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ada');");
    QTest::newRow("a version, no projects") << QStringLiteral("CREATE TABLE t(x); PRAGMA user_version = 3;");
    QTest::newRow("another application id") << QStringLiteral("PRAGMA application_id = 1234;");
}

// Any SQLite file used to silently gain REALM's tables.
void tst_Database::anotherProgramsDatabaseIsRefusedUntouched()
{
    QFETCH(QString, setup);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        for (const QString &statement : setup.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            QSqlQuery q(raw);
            QVERIFY2(q.exec(statement), qPrintable(statement));
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const QByteArray before = fileHash(path);
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("another program")), qPrintable(db.error().message));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
}

// A workspace damaged on disk: a clear message (not "not an error"), and
// no write that could make it worse.
void tst_Database::damagedWorkspaceSaysSoAndIsNotWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.realm"));
    {
        Result<DatabasePtr> db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY((*db)->checkpoint());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() > 8192);
    file.seek(4096); // the schema and tables: past the 100-byte header and the first page
    file.write(QByteArray(file.size() - 4096, '\xA5'));
    file.close();
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    const QByteArray before = fileHash(path);
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("damaged")) && !db.error().message.contains(QStringLiteral("not an error")),
             qPrintable(db.error().message));
    QVERIFY(db.error().message.contains(QStringLiteral("did not write")));
    QCOMPARE(fileHash(path), before);
}

// An upgrade is all or nothing: migration 6 failing used to leave 4 and 5
// committed.
void tst_Database::failedUpgradeChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.realm"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QVERIFY(Migrator(raw).migrateTo(3).ok());
        QSqlQuery q(raw);
        // Something migration 6 (the docs tables) will trip over.
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE doc_versions(x)")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("schema")), qPrintable(db.error().message));
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    raw.setDatabaseName(path);
    QVERIFY(raw.open());
    QCOMPARE(pragma(raw, QStringLiteral("user_version")), 3);
    QSqlQuery q(raw);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('chunks', 'chunked_blobs')")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // migration 4's tables are not there
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void tst_Database::workspacesAreMarkedAsRealms()
{
    QTemporaryDir dir;
    Result<DatabasePtr> db = Database::open(dir.filePath(QStringLiteral("w.realm")));
    QVERIFY(db.ok());
    QCOMPARE(pragma((*db)->connection(), QStringLiteral("application_id")), Migrator::applicationId());
}

void tst_Database::anUpToDateWorkspaceOpensWhileAnotherWriterHoldsIt()
{
    // Every start of the CLI and the desktop opens the workspace: when it is
    // up to date that must read and write nothing more, and so not wait for
    // (or fail on) an import that is writing to it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.realm"));
    Result<DatabasePtr> writer = Database::open(path);
    QVERIFY(writer.ok());
    Transaction importing((*writer)->handle());
    QVERIFY(importing.isActive());
    Result<DatabasePtr> reader = Database::open(path);
    QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error().message));
    QCOMPARE(pragma((*reader)->connection(), QStringLiteral("user_version")), Migrator::latestVersion());
}

void tst_Database::openCreatesFileInWalModeWithForeignKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.realm"));
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QVERIFY(QFile::exists(path));
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(pragma((*db)->connection(), QStringLiteral("foreign_keys")), 1);
}

void tst_Database::openAppliesEveryMigration()
{
    QTemporaryDir dir;
    Result<DatabasePtr> db = Database::open(dir.filePath(QStringLiteral("w.realm")));
    QVERIFY(db.ok());
    QVERIFY(Migrator::latestVersion() >= 1);
    QCOMPARE(pragma((*db)->connection(), QStringLiteral("user_version")), Migrator::latestVersion());
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM projects")));
}

void tst_Database::eachThreadGetsItsOwnConnection()
{
    QTemporaryDir dir;
    Result<DatabasePtr> opened = Database::open(dir.filePath(QStringLiteral("w.realm")));
    QVERIFY(opened.ok());
    DatabasePtr db = *opened;
    const QString mainName = db->connection().connectionName();
    const QString workerName = QtConcurrent::run([db] {
        QSqlDatabase c = db->connection();
        QSqlQuery q(c);
        const bool works = q.exec(QStringLiteral("SELECT count(*) FROM projects")) && q.next();
        const int foreignKeys = pragma(c, QStringLiteral("foreign_keys"));
        const QString name = c.connectionName();
        db->closeThreadConnection();
        return works && foreignKeys == 1 ? name : QString();
    }).result();
    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
}

void tst_Database::workspaceFromNewerVersionIsRefusedAndUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.realm"));
    {
        Result<DatabasePtr> db = Database::open(path);
        QVERIFY(db.ok());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 5)));
        QVERIFY((*db)->checkpoint().ok());
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    const QByteArray before = fileHash(path);
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::TooNew);
    QVERIFY(db.error().message.contains(QStringLiteral("newer version")));
    QCOMPARE(fileHash(path), before);
}

void tst_Database::fileThatIsNotADatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("not a REALM workspace")), qPrintable(db.error().message));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(4096, 'x'));
}

void tst_Database::olderWorkspaceIsUpgradedKeepingData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.realm"));
    {
        // An "old" workspace: only the first migration, with data in it.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(Migrator(db).migrateTo(1).ok());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p1', 'kept', 1, 1)")));
        QCOMPARE(pragma(db, QStringLiteral("user_version")), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE(pragma((*db)->connection(), QStringLiteral("user_version")), Migrator::latestVersion());
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM projects WHERE id = 'p1'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
}

void tst_Database::uncommittedTransactionRollsBack()
{
    QTemporaryDir dir;
    Result<DatabasePtr> db = Database::open(dir.filePath(QStringLiteral("w.realm")));
    QVERIFY(db.ok());
    {
        Transaction t((*db)->handle());
        QVERIFY(t.isActive());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p', 'gone', 1, 1)")));
    }
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM projects")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void tst_Database::missingFolderIsCreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/w.realm"));
    Result<DatabasePtr> db = Database::open(path);
    QVERIFY(db.ok());
    QVERIFY(QFile::exists(path));
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
