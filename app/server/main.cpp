// SPDX-License-Identifier: GPL-3.0-or-later
// realm-server: the optional team server. For now it serves a health check
// over the workspace; the REST API and sync arrive with the Teams work.
#include "common/allocator.h"
#include "common/buildconfig.h"
#include "common/pluralforms.h"
#include "common/workspacelocation.h"
#include "workspace/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHttpServer>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    Realm::tuneAllocatorForLargeBuffers();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("realm-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("realm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REALM_VERSION_STRING));
    Realm::installEnglishPluralForms();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("REALM team server (early: health check only)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace file to serve."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (default 8470; 0 picks a free one)."), QStringLiteral("port"), QStringLiteral("8470")});
    parser.process(app);

    const QString path = Realm::resolveWorkspacePath(parser.value(QStringLiteral("workspace")));
    Realm::Result<Realm::Storage::DatabasePtr> db = Realm::Workspace::open(path);
    if (!db) {
        fprintf(stderr, "realm-server: %s\n", qUtf8Printable(db.error().message));
        return 5;
    }
    QHttpServer server;
    server.route(QStringLiteral("/api/v1/health"), [] {
        return QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                           {QStringLiteral("version"), QStringLiteral(REALM_VERSION_STRING)}};
    });
    bool ok = false;
    const int requested = parser.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || requested < 0 || requested > 65535) {
        fprintf(stderr, "realm-server: --port needs a number from 0 to 65535.\n");
        return 2;
    }
    const int port = server.listen(QHostAddress::LocalHost, quint16(requested));
    if (port == 0) {
        fprintf(stderr, "realm-server: cannot listen on 127.0.0.1:%d (is another server running there?).\n", requested);
        return 5;
    }
    printf("realm-server listening on http://127.0.0.1:%d (workspace %s)\n", port, qUtf8Printable(path));
    fflush(stdout);
    return QCoreApplication::exec();
}
