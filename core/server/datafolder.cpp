// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/datafolder.h"

#include "auth/tokens.h"
#include "serverdb/serverdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Realm::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Server", text);
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Result<void> writeNewFile(const QString &path, const QByteArray &contents, QFileDevice::Permissions permissions)
{
    QFile file(path);
    // Created with its final permissions: the key is never readable by others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(contents) != contents.size() || !file.flush())
        return Error::io(tr("Cannot write %1: %2. Check the folder's permissions and free space.").arg(path, file.errorString()));
    return {};
}

} // namespace

QString DataFolder::configFile() const { return m_path + QStringLiteral("/realm-server.conf"); }
QString DataFolder::databaseFile() const { return m_path + QStringLiteral("/server.db"); }
QString DataFolder::signingKeyFile() const { return m_path + QStringLiteral("/signing.key"); }
QString DataFolder::mailFolder() const { return m_path + QStringLiteral("/mail"); }

Result<void> DataFolder::create(const QString &path)
{
    const QDir folder(path);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return Error::invalidInput(tr("The folder %1 is not empty; realm-server init only fills a new or empty folder. "
                                      "Choose another path, or move what is there.")
                                       .arg(QDir::toNativeSeparators(folder.absolutePath())));
    if (!QDir().mkpath(folder.absolutePath()))
        return Error::io(tr("Cannot create the folder %1. Check the permissions of its parent.").arg(folder.absolutePath()));
    QFile::setPermissions(folder.absolutePath(), kOwnerOnly | QFileDevice::ExeOwner);
    const DataFolder data(folder.absolutePath());
    if (Result<void> written = writeNewFile(data.configFile(), ServerConfig::defaultFileContents(), kOwnerOnly | QFileDevice::ReadGroup); !written)
        return written;
    if (Result<void> written = writeNewFile(data.signingKeyFile(), Auth::Tokens::newSigningKey(), kOwnerOnly); !written)
        return written;
    if (!QDir().mkpath(data.mailFolder()))
        return Error::io(tr("Cannot create the folder %1.").arg(data.mailFolder()));
    Result<ServerDb::ServerDatabasePtr> database = ServerDb::ServerDatabase::open(ServerDb::DatabaseLocation::sqlite(data.databaseFile()));
    if (!database)
        return database.error();
    // Password hashes and sessions: for the server's user only (SQLite gives
    // its -wal and -shm files the same mode).
    QFile::setPermissions(data.databaseFile(), kOwnerOnly);
    return {};
}

Result<DataFolder> DataFolder::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return Error::notFound(tr("There is no data folder %1. Create one with `realm-server init --data %1`.").arg(path));
    DataFolder data(info.absoluteFilePath());
    Result<ServerConfig> config = ServerConfig::load(data.configFile());
    if (!config)
        return config.error();
    data.m_config = *config;
    QFile key(data.signingKeyFile());
    if (!key.open(QIODevice::ReadOnly))
        return Error::io(tr("Cannot read the signing key %1: %2.").arg(key.fileName(), key.errorString()));
    if (key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return Error::invalidInput(tr("The signing key %1 may be read by other users. Run `chmod 600 %1`, and consider making a new key "
                                      "(every signed-in user then signs in again).")
                                       .arg(key.fileName()));
    data.m_signingKey = key.readAll();
    if (data.m_signingKey.size() < 32)
        return Error::invalidInput(tr("The signing key %1 is shorter than 32 bytes: it was cut off or replaced. Restore it from a backup.").arg(key.fileName()));
    return data;
}

Result<ServerDb::DatabaseLocation> DataFolder::databaseLocation(const QString &overrideUrl) const
{
    const QString url = overrideUrl.isEmpty() ? m_config.databaseUrl : overrideUrl;
    if (url.isEmpty())
        return ServerDb::DatabaseLocation::sqlite(databaseFile());
    return ServerDb::DatabaseLocation::fromUrl(url);
}

} // namespace Realm::Server
