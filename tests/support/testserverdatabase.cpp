// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserverdatabase.h"

#include "postgrescluster.h"
#include "auth/accounts.h"
#include "serverdb/serverdatabase.h"

#include <QDir>

namespace Realm::Test {

ServerDb::Backend testBackend()
{
    return qEnvironmentVariable("REALM_TEST_DATABASE") == QLatin1String("postgresql") ? ServerDb::Backend::PostgreSql
                                                                                      : ServerDb::Backend::Sqlite;
}

QString testBackendName()
{
    return testBackend() == ServerDb::Backend::PostgreSql ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

std::optional<QString> newTestDatabaseArgument(QString *why)
{
    if (testBackend() == ServerDb::Backend::Sqlite)
        return QString();
    PostgresCluster *cluster = PostgresCluster::shared(why);
    if (!cluster)
        return std::nullopt;
    const QString url = cluster->createDatabase(why);
    if (url.isEmpty())
        return std::nullopt;
    return url;
}

std::optional<ServerDb::DatabaseLocation> newTestDatabase(const QString &folder, QString *why)
{
    std::optional<QString> argument = newTestDatabaseArgument(why);
    if (!argument)
        return std::nullopt;
    if (argument->isEmpty()) {
        static int counter = 0;
        return ServerDb::DatabaseLocation::sqlite(QDir(folder).filePath(QStringLiteral("server-%1.db").arg(++counter)));
    }
    Result<ServerDb::DatabaseLocation> location = ServerDb::DatabaseLocation::fromUrl(*argument);
    if (!location) {
        *why = location.error().message;
        return std::nullopt;
    }
    return *location;
}

std::shared_ptr<ServerDb::ServerDatabase> openTestServerDatabase(const QString &folder)
{
    QString why;
    std::optional<ServerDb::DatabaseLocation> location = newTestDatabase(folder, &why);
    if (!location)
        qFatal("no test database on %s: %s", qPrintable(testBackendName()), qPrintable(why));
    Result<ServerDb::ServerDatabasePtr> opened = ServerDb::ServerDatabase::open(*location);
    if (!opened)
        qFatal("cannot open the test database: %s", qPrintable(opened.error().message));
    return *opened;
}

Auth::Principal addPerson(const std::shared_ptr<ServerDb::ServerDatabase> &db, const QString &name)
{
    Result<Auth::User> user =
        Auth::Accounts(db).addUser({name.toLower() + QStringLiteral("@example.org"), name, QStringLiteral("a long enough passphrase"), false, true});
    if (!user) {
        qWarning("cannot add %s: %s", qPrintable(name), qPrintable(user.error().message));
        return {};
    }
    Auth::Principal person;
    person.userId = user->id;
    person.email = user->email;
    person.name = name;
    return person;
}

} // namespace Realm::Test
