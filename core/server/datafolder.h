// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "server/serverconfig.h"
#include "serverdb/databaselocation.h"

#include <QByteArray>
#include <QString>

namespace Realm::Server {

// The server's data folder:
//   realm-server.conf   the configuration (documented, every option commented)
//   server.db           the SQLite database (unless PostgreSQL is configured)
//   signing.key         32 random bytes that sign access tokens (mode 0600)
//   mail/               mails written to files while no SMTP server is set
// Several instances on one PostgreSQL share one data folder (or copies of
// its signing key and configuration): shared files' contents live in the
// database.
class DataFolder final {
public:
    // `realm-server init`: refuses a folder that exists and is not empty.
    static Result<void> create(const QString &path);
    static Result<DataFolder> open(const QString &path);

    QString path() const { return m_path; }
    QString configFile() const;
    QString databaseFile() const;
    QString signingKeyFile() const;
    QString mailFolder() const;

    const ServerConfig &config() const { return m_config; }
    QByteArray signingKey() const { return m_signingKey; }
    // The configured database, or `overrideUrl` (serve --database).
    Result<ServerDb::DatabaseLocation> databaseLocation(const QString &overrideUrl = {}) const;

private:
    explicit DataFolder(QString path) : m_path(std::move(path)) {}

    QString m_path;
    ServerConfig m_config;
    QByteArray m_signingKey;
};

} // namespace Realm::Server
