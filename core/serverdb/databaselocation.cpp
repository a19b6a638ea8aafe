// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdb/databaselocation.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace Realm::ServerDb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::ServerDb", text);
}
} // namespace

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation location;
    location.backend = Backend::Sqlite;
    location.sqlitePath = path;
    return location;
}

Result<DatabaseLocation> DatabaseLocation::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString example = QStringLiteral("postgresql://realm@127.0.0.1:5432/realm");
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return Error::invalidInput(tr("The database URL \"%1\" is not a PostgreSQL URL. Write it as %2.").arg(text, example));
    DatabaseLocation location;
    location.backend = Backend::PostgreSql;
    location.host = url.host();
    location.port = url.port(5432);
    location.user = url.userName();
    location.password = url.password();
    location.databaseName = url.path().mid(1);
    const QString socketFolder = QUrlQuery(url).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (!socketFolder.isEmpty())
        location.host = socketFolder;
    if (location.host.isEmpty() || location.databaseName.isEmpty() || location.databaseName.contains(QLatin1Char('/')))
        return Error::invalidInput(tr("The database URL \"%1\" needs a host and a database name. Write it as %2.").arg(text, example));
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (backend == Backend::Sqlite)
        return sqlitePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    if (host.startsWith(QLatin1Char('/'))) {
        url.setHost(QStringLiteral("localhost"));
        url.setQuery(QStringLiteral("host=") + host);
    } else {
        url.setHost(host);
    }
    url.setPort(port);
    url.setPath(QLatin1Char('/') + databaseName);
    return url.toString();
}

} // namespace Realm::ServerDb
