// SPDX-License-Identifier: GPL-3.0-or-later
// Backups of the team server's database (SQLite: tst_serverbackup,
// PostgreSQL: tst_serverbackup_postgresql): every table goes along, a
// backup taken while others write is one consistent moment, it restores
// into either backend, and a restore never mixes two servers' data.
#include "auth/accounts.h"
#include "auth/organizations.h"
#include "common/clock.h"
#include "mail/mailoutbox.h"
#include "serverdb/backup.h"
#include "serverdb/query.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace Realm;
using namespace Realm::ServerDb;

namespace {

const QString kPassword = QStringLiteral("vivid-otter-umbrella");

// Every row of every table, as text, sorted: two databases with the same
// contents give the same list.
QStringList contents(const ServerDatabasePtr &db)
{
    return db->read([](const QSqlDatabase &connection) -> Result<QStringList> {
                 QStringList all;
                 for (const QString &table : ServerDatabase::tablesInCreationOrder(Backend::Sqlite)) {
                     QSqlQuery rows(connection);
                     if (!rows.exec(QStringLiteral("SELECT * FROM ") + table))
                         return Error::database(table);
                     QStringList tableRows;
                     while (rows.next()) {
                         QStringList values;
                         for (int i = 0; i < rows.record().count(); ++i)
                             values << rows.record().fieldName(i) + QLatin1Char('=') + (rows.isNull(i) ? QStringLiteral("NULL") : rows.value(i).toString());
                         tableRows << table + QLatin1Char(':') + values.join(QLatin1Char(','));
                     }
                     all << tableRows;
                 }
                 all.sort();
                 return all;
             })
        .value();
}

QSet<QString> tablesInDatabase(const ServerDatabasePtr &db)
{
    const char *sql = db->backend() == Backend::Sqlite
                          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                          : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
    return db->read([sql](const QSqlDatabase &connection) -> Result<QSet<QString>> {
                 QSqlQuery tables(connection);
                 if (!tables.exec(QString::fromLatin1(sql)))
                     return Error::database(QStringLiteral("tables"));
                 QSet<QString> names;
                 while (tables.next())
                     names.insert(tables.value(0).toString().toLower());
                 names.remove(QStringLiteral("schema_version")); // the database's own bookkeeping
                 return names;
             })
        .value();
}

} // namespace

class TestServerBackup final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    int m_files = 0;

    QString newFile() { return m_folder.filePath(QStringLiteral("backup%1.db").arg(++m_files)); }

    // A database with some of everything: users, an organization, audit
    // entries, a queued mail.
    ServerDatabasePtr populated()
    {
        ServerDatabasePtr db = Test::openTestServerDatabase(m_folder.path());
        Auth::Accounts accounts(db);
        Auth::Organizations orgs(db);
        for (const char *email : {"alice@example.org", "bob@example.org"}) {
            if (!accounts.addUser({QString::fromLatin1(email), QStringLiteral("Someone"), kPassword, false, true}))
                qFatal("cannot add a user");
        }
        if (!orgs.createFor(QStringLiteral("alice@example.org"), QStringLiteral("Acme")))
            qFatal("cannot add the organization");
        const Result<void> queued = db->write(QStringLiteral("queue"), [](const QSqlDatabase &connection) {
            return Mail::MailOutbox::enqueue(connection, {QStringLiteral("alice@example.org"), QStringLiteral("Hi"), QStringLiteral("Körper\n")}, Clock::nowMs());
        });
        if (!queued)
            qFatal("cannot queue a mail");
        return db;
    }

private slots:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    void everyTableOfTheSchemaIsBackedUp()
    {
        ServerDatabasePtr db = Test::openTestServerDatabase(m_folder.path());
        const QStringList ordered = ServerDatabase::tablesInCreationOrder(db->backend());
        QCOMPARE(QSet<QString>(ordered.begin(), ordered.end()), tablesInDatabase(db));
        QVERIFY(ordered.indexOf(QStringLiteral("users")) < ordered.indexOf(QStringLiteral("sessions")));
        QVERIFY(ordered.indexOf(QStringLiteral("orgs")) < ordered.indexOf(QStringLiteral("invitations")));
    }

    void aBackupRestoresIntoEitherBackend()
    {
        ServerDatabasePtr source = populated();
        const QString file = newFile();
        Result<BackupSummary> written = Backup::write(*source, file);
        REALM_VERIFY_OK(written);
        QCOMPARE(written->schemaVersion, ServerDatabase::latestVersion(source->backend()));
        QCOMPARE(QFile(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));

        ServerDatabasePtr sameBackend = Test::openTestServerDatabase(m_folder.path());
        Result<BackupSummary> restored = Backup::restore(file, *sameBackend);
        REALM_VERIFY_OK(restored);
        QVERIFY(restored->rows > 5);
        QCOMPARE(contents(sameBackend), contents(source));

        Result<ServerDatabasePtr> sqlite = ServerDatabase::open(DatabaseLocation::sqlite(m_folder.filePath(QStringLiteral("restored%1.db").arg(m_files))));
        REALM_VERIFY_OK(sqlite);
        REALM_VERIFY_OK(Backup::restore(file, **sqlite));
        QCOMPARE(contents(*sqlite), contents(source));

        // The restored server goes on: the audit chain holds, new rows fit.
        Auth::Accounts restoredAccounts(sameBackend);
        Result<Auth::AuditVerification> audit = restoredAccounts.verifyAuditLog();
        REALM_VERIFY_OK(audit);
        QVERIFY2(audit->intact(), qPrintable(audit->problem));
        REALM_VERIFY_OK(restoredAccounts.addUser({QStringLiteral("carol@example.org"), QStringLiteral("Carol"), kPassword, false, true}));
        REALM_VERIFY_OK(sameBackend->write(QStringLiteral("queue"), [](const QSqlDatabase &connection) {
            return Mail::MailOutbox::enqueue(connection, {QStringLiteral("carol@example.org"), QStringLiteral("Hi"), QStringLiteral("x\n")}, Clock::nowMs());
        }));
    }

    void aBackupTakenWhileOthersWriteIsOneMoment()
    {
        ServerDatabasePtr source = populated();
        Auth::Accounts accounts(source);
        std::atomic<bool> stop = false;
        std::atomic<int> added = 0;
        QFuture<void> writer = QtConcurrent::run([&] {
            while (!stop) {
                // Each user comes with an audit entry that moves the chain's head.
                if (accounts.addUser({QStringLiteral("user%1@example.org").arg(added.load()), QStringLiteral("U"), kPassword, false, true}))
                    ++added;
            }
            source->closeThreadConnection();
        });
        QTRY_VERIFY_WITH_TIMEOUT(added >= 2, 30000);
        const QString file = newFile();
        Result<BackupSummary> written = Backup::write(*source, file);
        stop = true;
        writer.waitForFinished();
        REALM_VERIFY_OK(written);
        ServerDatabasePtr target = Test::openTestServerDatabase(m_folder.path());
        REALM_VERIFY_OK(Backup::restore(file, *target));
        Result<Auth::AuditVerification> audit = Auth::Accounts(target).verifyAuditLog();
        REALM_VERIFY_OK(audit);
        QVERIFY2(audit->intact(), qPrintable(audit->problem)); // the head and the entries are of one moment
    }

    void aRestoreNeverMixesTwoServers()
    {
        ServerDatabasePtr source = populated();
        const QString file = newFile();
        REALM_VERIFY_OK(Backup::write(*source, file));
        const QStringList before = contents(source);
        const Result<BackupSummary> mixed = Backup::restore(file, *source);
        QVERIFY(!mixed);
        QCOMPARE(mixed.error().code, Error::Code::Conflict);
        QVERIFY2(mixed.error().message.contains(QLatin1String("not empty")), qPrintable(mixed.error().message));
        QCOMPARE(contents(source), before);
    }

    void badFilesGiveClearErrors()
    {
        ServerDatabasePtr db = Test::openTestServerDatabase(m_folder.path());
        const QString file = newFile();
        REALM_VERIFY_OK(Backup::write(*db, file));
        const Result<BackupSummary> again = Backup::write(*db, file);
        QVERIFY(!again);
        QVERIFY2(again.error().message.contains(QLatin1String("exists already")), qPrintable(again.error().message));

        const Result<BackupSummary> missing = Backup::restore(m_folder.filePath(QStringLiteral("nothing.db")), *db);
        QCOMPARE(missing.error().code, Error::Code::NotFound);

        const QString garbage = newFile();
        QFile junk(garbage);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        const Result<BackupSummary> unreadable = Backup::restore(garbage, *db);
        QVERIFY(!unreadable);
        QVERIFY2(unreadable.error().message.contains(garbage), qPrintable(unreadable.error().message));
        QCOMPARE(QFile(garbage).size(), 4096); // untouched
    }
};

QTEST_GUILESS_MAIN(TestServerBackup)
#include "tst_serverbackup.moc"
