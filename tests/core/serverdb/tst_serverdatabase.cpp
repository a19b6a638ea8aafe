// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrescluster.h"
#include "serverdb/databasenotifier.h"
#include "serverdb/query.h"
#include "serverdb/serverdatabase.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <latch>

using namespace Realm;
using namespace Realm::ServerDb;

namespace {

Result<qint64> count(const ServerDatabase &database, const char *sql)
{
    return database.read([sql](const QSqlDatabase &db) -> Result<qint64> {
        Query query(db, sql);
        if (Result<void> ran = query.exec(QStringLiteral("count")); !ran)
            return ran.error();
        query.next();
        return query.integer(0);
    });
}

Result<void> addUser(const QSqlDatabase &db, const QString &id)
{
    Query insert(db, "INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bindAll(id, QString(id + QStringLiteral("@example.org")), QStringLiteral("Test"), QStringLiteral("x"), qint64(1), qint64(1));
    return insert.exec(QStringLiteral("Cannot add"));
}

} // namespace

// Runs on SQLite and PostgreSQL (ctest: tst_serverdatabase and
// tst_serverdatabase_postgresql).
class TestServerDatabase final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    DatabaseLocation newLocation()
    {
        QString why;
        std::optional<DatabaseLocation> location = Test::newTestDatabase(m_folder.path(), &why);
        if (!location)
            qFatal("no test database on %s: %s", qPrintable(Test::testBackendName()), qPrintable(why));
        return *location;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        qInfo("backend: %s", qPrintable(Test::testBackendName()));
    }

    void aNewDatabaseIsMigratedToTheLatestSchema()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        REALM_VERIFY_OK(database);
        QCOMPARE((*database)->backend(), Test::testBackend());
        Result<int> version = (*database)->schemaVersion();
        QVERIFY(version);
        QVERIFY(*version >= 1);
        QCOMPARE(*version, ServerDatabase::latestVersion(Test::testBackend()));
        // The audit chain starts at its genesis link.
        Result<qint64> head = count(**database, "SELECT seq FROM audit_head WHERE id = 1");
        QVERIFY(head);
        QCOMPARE(*head, 0);
    }

    void bothBackendsKnowTheSameSchemaVersions()
    {
        QCOMPARE(ServerDatabase::latestVersion(Backend::Sqlite), ServerDatabase::latestVersion(Backend::PostgreSql));
    }

    void reopeningKeepsTheDataAndVersion()
    {
        const DatabaseLocation location = newLocation();
        {
            Result<ServerDatabasePtr> database = ServerDatabase::open(location);
            QVERIFY(database);
            Result<void> added = (*database)->write(QStringLiteral("add"), [](const QSqlDatabase &db) { return addUser(db, QStringLiteral("u1")); });
            REALM_VERIFY_OK(added);
        }
        Result<ServerDatabasePtr> reopened = ServerDatabase::open(location);
        QVERIFY(reopened);
        Result<qint64> users = count(**reopened, "SELECT COUNT(*) FROM users");
        QVERIFY(users);
        QCOMPARE(*users, 1);
        Result<qint64> versions = count(**reopened, "SELECT COUNT(*) FROM schema_version");
        QCOMPARE(*versions, 1);
    }

    void anOlderSchemaIsBroughtUpToDate()
    {
        const DatabaseLocation location = newLocation();
        const int latest = ServerDatabase::latestVersion(Test::testBackend());
        {
            Result<ServerDatabasePtr> old = ServerDatabase::openAtVersion(location, latest - 1);
            QVERIFY(old);
            QCOMPARE(*(*old)->schemaVersion(), latest - 1);
        }
        Result<ServerDatabasePtr> current = ServerDatabase::open(location);
        REALM_VERIFY_OK(current);
        QCOMPARE(*(*current)->schemaVersion(), latest);
    }

    // Schema 9 lets a sync scope be an organization's templates: SQLite
    // makes sync_scopes again, keeping its rows and the other tables'
    // references to it.
    void sharedProjectsSyncStateSurvivesTheOrganizationScopes()
    {
        const DatabaseLocation location = newLocation();
        {
            Result<ServerDatabasePtr> old = ServerDatabase::openAtVersion(location, 8);
            REALM_VERIFY_OK(old);
            REALM_VERIFY_OK((*old)->write(QStringLiteral("seed"), [](const QSqlDatabase &db) -> Result<void> {
                if (Result<void> added = addUser(db, QStringLiteral("u1")); !added)
                    return added;
                for (const char *sql : {"INSERT INTO orgs (id, name, name_key, created_at) VALUES ('o1', 'Acme', 'acme', 1)",
                                        "INSERT INTO projects (id, org_id, name, created_at, updated_at) VALUES ('p1', 'o1', 'Web', 1, 1)",
                                        "INSERT INTO sync_scopes (scope_id, org_id, last_seq, pruned_seq) VALUES ('p1', 'o1', 7, 3)",
                                        "INSERT INTO sync_items (scope_id, table_name, row_key, seq, data, changed_by, changed_by_client, changed_at) "
                                        "VALUES ('p1', 'files', 'a.txt', 7, '{}', 'u1', 'c1', 1)",
                                        "INSERT INTO sync_clients (scope_id, client_id, user_id, last_mutation, updated_at) VALUES ('p1', 'c1', 'u1', 5, 1)"}) {
                    Query insert(db, sql);
                    if (Result<void> ran = insert.exec(QStringLiteral("seed")); !ran)
                        return ran;
                }
                return {};
            }));
        }
        Result<ServerDatabasePtr> current = ServerDatabase::open(location);
        REALM_VERIFY_OK(current);
        QCOMPARE(*count(**current, "SELECT last_seq * 10 + pruned_seq FROM sync_scopes WHERE scope_id = 'p1' AND org_id = 'o1'"), 73);
        QCOMPARE(*count(**current, "SELECT COUNT(*) FROM sync_items WHERE scope_id = 'p1' AND seq = 7"), 1);
        QCOMPARE(*count(**current, "SELECT last_mutation FROM sync_clients WHERE scope_id = 'p1'"), 5);
        const auto insert = [&](const char *sql) {
            return (*current)->write(QStringLiteral("insert"), [sql](const QSqlDatabase &db) -> Result<void> {
                Query query(db, sql);
                return query.exec(QStringLiteral("insert"));
            });
        };
        // A scope of no project is taken now; its organization must exist.
        REALM_VERIFY_OK(insert("INSERT INTO sync_scopes (scope_id, org_id) VALUES ('org:o1', 'o1')"));
        QVERIFY(!insert("INSERT INTO sync_scopes (scope_id, org_id) VALUES ('org:o2', 'o2')"));
        // The items' references still hold (to the table made again).
        QVERIFY(!insert("INSERT INTO sync_items (scope_id, table_name, row_key, seq, data, changed_by, changed_by_client, changed_at) "
                        "VALUES ('nowhere', 'files', 'b.txt', 1, '{}', 'u1', 'c1', 1)"));
        REALM_VERIFY_OK(insert("INSERT INTO sync_items (scope_id, table_name, row_key, seq, data, changed_by, changed_by_client, changed_at) "
                               "VALUES ('org:o1', 'prompt_templates', 'review', 1, '{}', 'u1', 'c1', 1)"));
    }

    void aNewerDatabaseIsRefusedUntouched()
    {
        const DatabaseLocation location = newLocation();
        const int newer = ServerDatabase::latestVersion(Test::testBackend()) + 1;
        {
            Result<ServerDatabasePtr> database = ServerDatabase::open(location);
            QVERIFY(database);
            Result<void> bumped = (*database)->write(QStringLiteral("bump"), [newer](const QSqlDatabase &db) {
                Query update(db, "UPDATE schema_version SET version = ?");
                update.bindAll(newer);
                return update.exec(QStringLiteral("bump"));
            });
            QVERIFY(bumped);
        }
        Result<ServerDatabasePtr> refused = ServerDatabase::open(location);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::TooNew);
        QVERIFY2(refused.error().message.contains(QLatin1String("newer realm-server")), qPrintable(refused.error().message));
        // Still the newer version: nothing was written.
        Result<ServerDatabasePtr> old = ServerDatabase::openAtVersion(location, 0);
        QVERIFY(!old);
        QCOMPARE(old.error().code, Error::Code::TooNew);
    }

    void aFailedWriteLeavesNothingBehind()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        QVERIFY(database);
        Result<void> failed = (*database)->write(QStringLiteral("add two"), [](const QSqlDatabase &db) -> Result<void> {
            if (Result<void> first = addUser(db, QStringLiteral("u1")); !first)
                return first;
            return addUser(db, QStringLiteral("u1")); // the same id again
        });
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.startsWith(QLatin1String("Cannot add:")), qPrintable(failed.error().message));
        QCOMPARE(*count(**database, "SELECT COUNT(*) FROM users"), 0);
        // The connection is usable again after the rollback.
        QVERIFY((*database)->write(QStringLiteral("add"), [](const QSqlDatabase &db) { return addUser(db, QStringLiteral("u2")); }));
        QCOMPARE(*count(**database, "SELECT COUNT(*) FROM users"), 1);
    }

    void uniqueViolationsAreRecognised()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        QVERIFY(database);
        QVERIFY((*database)->write(QStringLiteral("add"), [](const QSqlDatabase &db) { return addUser(db, QStringLiteral("u1")); }));
        Result<QSqlDatabase> db = (*database)->connection();
        QVERIFY(db);
        Query insert(*db, "INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bindAll(QStringLiteral("u2"), QStringLiteral("u1@example.org"), QStringLiteral("Dup"), QStringLiteral("x"), qint64(1), qint64(1));
        QVERIFY(!insert.exec(QStringLiteral("dup")));
        QVERIFY(insert.isUniqueViolation());
        Query missing(*db, "INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at) VALUES ('s', 'nobody', 1, 1, 1)");
        QVERIFY(!missing.exec(QStringLiteral("orphan"))); // foreign keys are on
        QVERIFY(!missing.isUniqueViolation());
    }

    void nullsAndEmptyTextStayApart()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        QVERIFY(database);
        Result<void> added = (*database)->write(QStringLiteral("audit"), [](const QSqlDatabase &db) {
            Query insert(db, "INSERT INTO audit_log (seq, at, org_id, actor_id, ip, action, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            insert.bindAll(qint64(1), qint64(5), std::optional<QString>(), std::optional<QString>(QStringLiteral("u")), QString(),
                           QStringLiteral("test"), QStringLiteral("p"), QStringLiteral("h"));
            return insert.exec(QStringLiteral("insert"));
        });
        REALM_VERIFY_OK(added);
        Result<QSqlDatabase> db = (*database)->connection();
        Query read(*db, "SELECT org_id, actor_id, ip FROM audit_log WHERE seq = 1");
        QVERIFY(read.exec(QStringLiteral("read")));
        QVERIFY(read.next());
        QVERIFY(read.isNull(0));
        QCOMPARE(read.text(1), QStringLiteral("u"));
        QVERIFY(!read.isNull(2));
        QCOMPARE(read.text(2), QString());
    }

    void boundTextArrivesVerbatim()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        QVERIFY(database);
        const QString tricky = QStringLiteral("O'Brien?\\n'); DROP TABLE users; -- \u00e9\u4e2d");
        Result<void> added = (*database)->write(QStringLiteral("add"), [&](const QSqlDatabase &db) {
            Query insert(db, "INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES ('q?', ?, ?, ?, ?, ?)");
            insert.bindAll(QStringLiteral("a@example.org"), tricky, QStringLiteral("?"), qint64(-1), std::numeric_limits<qint64>::max());
            return insert.exec(QStringLiteral("insert"));
        });
        REALM_VERIFY_OK(added);
        Result<QSqlDatabase> db = (*database)->connection();
        Query read(*db, "SELECT id, name, password_hash, created_at, updated_at FROM users WHERE email = ?");
        read.bindAll(QStringLiteral("a@example.org"));
        REALM_VERIFY_OK(read.exec(QStringLiteral("read")));
        QVERIFY(read.next());
        QCOMPARE(read.text(0), QStringLiteral("q?"));
        QCOMPARE(read.text(1), tricky);
        QCOMPARE(read.text(2), QStringLiteral("?"));
        QCOMPARE(read.integer(3), -1);
        QCOMPARE(read.integer(4), std::numeric_limits<qint64>::max());
    }

    void everyThreadHasItsOwnConnection()
    {
        Result<ServerDatabasePtr> opened = ServerDatabase::open(newLocation());
        QVERIFY(opened);
        ServerDatabasePtr database = *opened;
        QThreadPool pool;
        pool.setMaxThreadCount(3);
        QList<QFuture<QString>> futures;
        for (int i = 0; i < 3; ++i) {
            futures.append(QtConcurrent::run(&pool, [database, i] {
                Result<void> added = database->write(QStringLiteral("add"), [i](const QSqlDatabase &db) {
                    return addUser(db, QStringLiteral("t%1").arg(i));
                });
                Result<QSqlDatabase> db = database->connection();
                return added && db ? db->connectionName() : QString();
            }));
        }
        QSet<QString> names;
        for (QFuture<QString> &future : futures)
            names.insert(future.result());
        QVERIFY(!names.contains(QString()));
        QCOMPARE(*count(*database, "SELECT COUNT(*) FROM users"), 3);
        QVERIFY(database->connectionCount() >= 2);
        pool.waitForDone();
    }

    void aRestartedPostgresIsReconnectedAtTheNextCall()
    {
        if (Test::testBackend() != Backend::PostgreSql)
            QSKIP("Only a PostgreSQL server restarts under its clients.");
        Result<ServerDatabasePtr> opened = ServerDatabase::open(newLocation());
        QVERIFY(opened);
        ServerDatabasePtr database = *opened;
        REALM_VERIFY_OK(database->write(QStringLiteral("add"), [](const QSqlDatabase &db) { return addUser(db, QStringLiteral("before")); }));
        // Every thread of a pool holds a connection, as the server's workers do.
        QThreadPool pool;
        pool.setMaxThreadCount(3);
        pool.setExpiryTimeout(-1);
        const auto onEveryThread = [&](const std::function<bool()> &call) {
            QList<QFuture<bool>> futures;
            // All three wait for each other, so each call has a thread of its own.
            auto gate = std::make_shared<std::latch>(3);
            for (int i = 0; i < 3; ++i)
                futures.append(QtConcurrent::run(&pool, [call, gate] {
                    gate->arrive_and_wait();
                    return call();
                }));
            bool all = true;
            for (QFuture<bool> &future : futures)
                all = future.result() && all;
            return all;
        };
        QVERIFY(onEveryThread([database] { return bool(count(*database, "SELECT COUNT(*) FROM users")); }));

        QString why;
        Test::PostgresCluster *cluster = Test::PostgresCluster::shared(&why);
        QVERIFY2(cluster, qPrintable(why));
        QVERIFY2(cluster->restart(&why), qPrintable(why));

        // Every connection is dead now; each thread's first call finds out
        // and succeeds on a new one — reads, writes and snapshots alike.
        QVERIFY(onEveryThread([database] { return bool(count(*database, "SELECT COUNT(*) FROM users")); }));
        REALM_VERIFY_OK(database->write(QStringLiteral("add"), [](const QSqlDatabase &db) { return addUser(db, QStringLiteral("after")); }));
        QVERIFY2(cluster->restart(&why), qPrintable(why));
        const Result<qint64> users = database->snapshot(QStringLiteral("count"), [](const QSqlDatabase &db) -> Result<qint64> {
            Query query(db, "SELECT COUNT(*) FROM users");
            if (Result<void> ran = query.exec(QStringLiteral("count")); !ran)
                return ran.error();
            query.next();
            return query.integer(0);
        });
        REALM_VERIFY_OK(users);
        QCOMPARE(*users, 2);
        pool.waitForDone();
    }

    // What wakes the event feed: on SQLite the commits of this process, on
    // PostgreSQL NOTIFY (heard by every instance).
    void aCommitNotifiesItsListenersAndARollbackDoesNot()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        QVERIFY(database);
        const QString channel = QStringLiteral("realm_test");
        DatabaseNotifier notifier(*database, channel);
        QStringList heard;
        connect(&notifier, &DatabaseNotifier::notified, this, [&heard](const QString &payload) { heard.append(payload); }, Qt::QueuedConnection);
        notifier.start();
        if ((*database)->backend() == Backend::PostgreSql) {
            QTRY_VERIFY(notifier.isListening());
            QTRY_COMPARE(heard, QStringList{QString()}); // listening again: "look now"
            heard.clear();
        }
        const auto notify = [&](const QStringList &payloads, bool commit) {
            return (*database)->write(QStringLiteral("notify"), [&](const QSqlDatabase &db) -> Result<void> {
                for (const QString &payload : payloads) {
                    if (Result<void> notified = ServerDatabase::notifyOnCommit(db, channel, payload, QStringLiteral("notify")); !notified)
                        return notified;
                }
                if (Result<void> added = addUser(db, QStringLiteral("u%1").arg(payloads.join(QString()))); !added)
                    return added;
                return commit ? Result<void>() : Result<void>(Error::invalidInput(QStringLiteral("changed my mind")));
            });
        };
        QVERIFY(!notify({QStringLiteral("gone")}, false));
        QVERIFY(notify({QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b")}, true));
        QTRY_COMPARE(heard.size(), 2);
        QCOMPARE(QSet<QString>(heard.begin(), heard.end()), (QSet<QString>{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(notify({QStringLiteral("c")}, true));
        QTRY_COMPARE(heard.size(), 3);
        QCOMPARE(heard.last(), QStringLiteral("c"));
        QVERIFY(!heard.contains(QStringLiteral("gone")));
    }

    void pingAnswersWhileTheDatabaseIsThere()
    {
        Result<ServerDatabasePtr> database = ServerDatabase::open(newLocation());
        QVERIFY(database);
        QVERIFY((*database)->ping());
    }
};

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
