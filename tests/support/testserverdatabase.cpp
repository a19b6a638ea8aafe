// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserverdatabase.h"

#include "postgrescluster.h"

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

} // namespace Realm::Test
