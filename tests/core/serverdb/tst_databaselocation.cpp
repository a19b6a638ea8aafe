// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdb/databaselocation.h"
#include "serverdb/sqlscript.h"

#include <QTest>

using namespace Realm;
using namespace Realm::ServerDb;

class TestDatabaseLocation final : public QObject {
    Q_OBJECT

private slots:
    void postgresqlUrlsNameHostPortUserAndDatabase()
    {
        Result<DatabaseLocation> location = DatabaseLocation::fromUrl(QStringLiteral("postgresql://alice:s3cret@db.example:6543/realm"));
        QVERIFY(location);
        QCOMPARE(location->backend, Backend::PostgreSql);
        QCOMPARE(location->host, QStringLiteral("db.example"));
        QCOMPARE(location->port, 6543);
        QCOMPARE(location->user, QStringLiteral("alice"));
        QCOMPARE(location->password, QStringLiteral("s3cret"));
        QCOMPARE(location->databaseName, QStringLiteral("realm"));
    }

    void displayNameNeverShowsThePassword()
    {
        Result<DatabaseLocation> location = DatabaseLocation::fromUrl(QStringLiteral("postgres://alice:s3cret@127.0.0.1/realm"));
        QVERIFY(location);
        QCOMPARE(location->port, 5432);
        QCOMPARE(location->displayName(), QStringLiteral("postgresql://alice@127.0.0.1:5432/realm"));
    }

    void aSocketFolderComesFromTheHostParameter()
    {
        Result<DatabaseLocation> location = DatabaseLocation::fromUrl(QStringLiteral("postgresql://realm@localhost/realm?host=/run/postgresql"));
        QVERIFY(location);
        QCOMPARE(location->host, QStringLiteral("/run/postgresql"));
    }

    void otherUrlsAreRefusedWithAnExample_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("mysql") << QStringLiteral("mysql://realm@localhost/realm");
        QTest::newRow("no database") << QStringLiteral("postgresql://realm@localhost");
        QTest::newRow("no host") << QStringLiteral("postgresql:///realm");
        QTest::newRow("a path") << QStringLiteral("/var/lib/realm/server.db");
    }

    void otherUrlsAreRefusedWithAnExample()
    {
        QFETCH(QString, url);
        Result<DatabaseLocation> location = DatabaseLocation::fromUrl(url);
        QVERIFY(!location);
        QCOMPARE(location.error().code, Error::Code::InvalidInput);
        QVERIFY2(location.error().message.contains(QLatin1String("postgresql://realm@127.0.0.1:5432/realm")), qPrintable(location.error().message));
    }

    void scriptsSplitAtSemicolonsThatEndALine()
    {
        const QStringList statements = splitSqlScript(QStringLiteral("-- a comment; not a statement\n"
                                                                     "CREATE TABLE a (x TEXT DEFAULT ';');\n\n"
                                                                     "CREATE TABLE b (\n  y INTEGER\n);\n"
                                                                     "INSERT INTO a VALUES ('z')"));
        QCOMPARE(statements, (QStringList{QStringLiteral("CREATE TABLE a (x TEXT DEFAULT ';')"),
                                          QStringLiteral("CREATE TABLE b (\n  y INTEGER\n)"),
                                          QStringLiteral("INSERT INTO a VALUES ('z')")}));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseLocation)
#include "tst_databaselocation.moc"
