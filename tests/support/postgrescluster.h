// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Realm::Test {

// A throwaway PostgreSQL cluster for one test process: initdb in a
// temporary folder, the server on 127.0.0.1 and a free port, removed
// again by the destructor. PostgreSQL refuses to run as root, so as root
// the cluster belongs to the `postgres` user (runuser). Trust
// authentication for the user `realm`, on loopback only.
class PostgresCluster final {
public:
    // Empty with `*why` set when PostgreSQL is not installed or will not start.
    static std::unique_ptr<PostgresCluster> start(QString *why);
    ~PostgresCluster();
    Q_DISABLE_COPY_MOVE(PostgresCluster)

    int port() const { return m_port; }
    // A new, empty database; its postgresql:// URL, or empty with `*why` set.
    QString createDatabase(QString *why);
    // Stops the server (ending every connection to it) and starts it again
    // on the same port, with the same databases.
    bool restart(QString *why);
    // The cluster shared by every test of this process (started on first use).
    static PostgresCluster *shared(QString *why);

private:
    PostgresCluster() = default;
    bool runTool(const QString &tool, const QStringList &arguments, QString *why) const;

    QTemporaryDir m_folder;
    QString m_binFolder;
    QString m_dataFolder;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};

} // namespace Realm::Test
