// SPDX-License-Identifier: GPL-3.0-or-later
// realm-server: the optional team server. `init` makes a data folder,
// `serve` runs the server, `admin` manages users and checks the audit log.
#include "admincommands.h"
#include "stopsignals.h"

#include "common/allocator.h"
#include "common/buildconfig.h"
#include "common/clock.h"
#include "common/jsontime.h"
#include "common/pluralforms.h"
#include "server/teamserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace Realm;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::ServerApp", text);
}

void writeLogLine(const QByteArray &line)
{
    // One write per line: workers and the mail thread log too.
    const QByteArray whole = line + '\n';
    std::fwrite(whole.constData(), 1, size_t(whole.size()), stderr);
}

// While serving, Qt's messages (a database that went away, …) are JSON
// lines like the request log's, so standard error stays one format.
void logQtMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const char *level = "warning";
    switch (type) {
    case QtDebugMsg: level = "debug"; break;
    case QtInfoMsg: level = "info"; break;
    case QtWarningMsg: level = "warning"; break;
    case QtCriticalMsg: level = "error"; break;
    case QtFatalMsg: level = "fatal"; break;
    }
    writeLogLine(QJsonDocument(QJsonObject{{QStringLiteral("time"), Json::time(Clock::nowMs())},
                                           {QStringLiteral("level"), QString::fromLatin1(level)},
                                           {QStringLiteral("message"), message}})
                     .toJson(QJsonDocument::Compact));
    if (type == QtFatalMsg)
        std::abort();
}

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs the team server."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), tr("The data folder (made by realm-server init)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("listen"), tr("HOST:PORT to listen on (default from the configuration, 127.0.0.1:8470; port 0 picks a free one)."), QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("database"), tr("postgresql://USER@HOST:PORT/DB instead of the SQLite file in the data folder."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("tls-cert"), tr("PEM certificate for HTTPS."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tls-key"), tr("PEM key of the certificate."), QStringLiteral("FILE")});
    parser.process(arguments);
    if (!parser.isSet(QStringLiteral("data"))) {
        std::fputs(qUtf8Printable(tr("realm-server: say which data folder with --data DIR (create one with realm-server init --data DIR).\n")), stderr);
        return ServerApp::ExitUsage;
    }
    Server::ServeOptions options{parser.value(QStringLiteral("data")), parser.value(QStringLiteral("listen")), parser.value(QStringLiteral("database")),
                                 parser.value(QStringLiteral("tls-cert")), parser.value(QStringLiteral("tls-key"))};
    qInstallMessageHandler(logQtMessage);
    Result<std::unique_ptr<Server::TeamServer>> server = Server::TeamServer::start(options, writeLogLine);
    if (!server) {
        std::fputs(qUtf8Printable(QStringLiteral("realm-server: ") + server.error().message + QLatin1Char('\n')), stderr);
        return server.error().code == Error::Code::Unavailable ? ServerApp::ExitUnavailable : ServerApp::ExitFailed;
    }
    // The first line on stdout: scripts and tests wait for it.
    std::printf("listening on %s\n", qUtf8Printable((*server)->url()));
    std::fflush(stdout);
    ServerApp::StopSignals stopSignals;
    QObject::connect(&stopSignals, &ServerApp::StopSignals::stopRequested, server->get(), &Server::TeamServer::stop);
    QObject::connect(server->get(), &Server::TeamServer::stopped, qApp, [] { QCoreApplication::exit(ServerApp::ExitOk); });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    Realm::tuneAllocatorForLargeBuffers();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("realm-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("realm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REALM_VERSION_STRING));
    Realm::installEnglishPluralForms();

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    // Each command parses its own options: drop the command word.
    if (arguments.size() > 1)
        arguments.removeAt(1);
    if (command == QLatin1String("init"))
        return ServerApp::runInit(arguments);
    if (command == QLatin1String("serve"))
        return runServe(arguments);
    if (command == QLatin1String("admin"))
        return ServerApp::runAdmin(arguments);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("realm-server %s\n", REALM_VERSION_STRING);
        return ServerApp::ExitOk;
    }
    const QString help = tr("Usage: realm-server COMMAND [options]\n\n"
                            "  init  --data DIR     create a data folder\n"
                            "  serve --data DIR     run the server (--listen, --database, --tls-cert, --tls-key)\n"
                            "  admin --data DIR …   manage users, verify the audit log\n\n"
                            "realm-server COMMAND --help tells more.\n");
    const bool asked = command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help");
    std::fputs(qUtf8Printable(help), asked ? stdout : stderr);
    return asked ? ServerApp::ExitOk : ServerApp::ExitUsage;
}
