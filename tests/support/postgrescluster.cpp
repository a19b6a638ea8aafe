// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrescluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTcpServer>

#include <unistd.h>

namespace Realm::Test {

namespace {

// The newest installed server's bin folder (Debian: /usr/lib/postgresql/N/bin).
QString findBinFolder()
{
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList names = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &name : std::as_const(names)) {
        const QString bin = versions.filePath(name + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool isRoot()
{
    return geteuid() == 0;
}

} // namespace

std::unique_ptr<PostgresCluster> PostgresCluster::start(QString *why)
{
    std::unique_ptr<PostgresCluster> cluster(new PostgresCluster);
    cluster->m_binFolder = findBinFolder();
    if (cluster->m_binFolder.isEmpty()) {
        *why = QStringLiteral("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); scripts/deps.sh installs it.");
        return nullptr;
    }
    if (!cluster->m_folder.isValid()) {
        *why = QStringLiteral("Cannot create a temporary folder for PostgreSQL.");
        return nullptr;
    }
    cluster->m_dataFolder = cluster->m_folder.filePath(QStringLiteral("data"));
    if (isRoot()) {
        // The folder must belong to the user the server runs as.
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), cluster->m_folder.path()});
    }
    if (!cluster->runTool(QStringLiteral("initdb"),
                          {QStringLiteral("-D"), cluster->m_dataFolder, QStringLiteral("-U"), QStringLiteral("realm"),
                           QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync"),
                           QStringLiteral("--no-instructions")},
                          why))
        return nullptr;
    cluster->m_port = freePort();
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300")
                                .arg(cluster->m_port)
                                .arg(cluster->m_folder.path());
    if (!cluster->runTool(QStringLiteral("pg_ctl"),
                          {QStringLiteral("-D"), cluster->m_dataFolder, QStringLiteral("-o"), options, QStringLiteral("-l"),
                           cluster->m_folder.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("start")},
                          why))
        return nullptr;
    cluster->m_running = true;
    return cluster;
}

PostgresCluster::~PostgresCluster()
{
    if (m_running) {
        QString ignored;
        runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dataFolder, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")}, &ignored);
    }
}

bool PostgresCluster::restart(QString *why)
{
    // pg_ctl restart starts it with the options it was started with.
    return runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dataFolder, QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("restart")}, why);
}

bool PostgresCluster::runTool(const QString &tool, const QStringList &arguments, QString *why) const
{
    QProcess process;
    const QString program = m_binFolder + QLatin1Char('/') + tool;
    if (isRoot())
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + arguments);
    else
        process.start(program, arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *why = QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

QString PostgresCluster::createDatabase(QString *why)
{
    const QString name = QStringLiteral("test%1").arg(++m_databases);
    if (!runTool(QStringLiteral("createdb"), {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                                              QStringLiteral("-U"), QStringLiteral("realm"), name},
                 why))
        return {};
    return QStringLiteral("postgresql://realm@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

namespace {
std::unique_ptr<PostgresCluster> s_sharedCluster;
QString s_sharedFailure;
} // namespace

PostgresCluster *PostgresCluster::shared(QString *why)
{
    if (!s_sharedCluster && s_sharedFailure.isEmpty()) {
        s_sharedCluster = start(&s_sharedFailure);
        // Stopped with the application, while QProcess still works.
        if (s_sharedCluster)
            qAddPostRoutine([] { s_sharedCluster.reset(); });
    }
    if (!s_sharedCluster)
        *why = s_sharedFailure;
    return s_sharedCluster.get();
}

} // namespace Realm::Test
