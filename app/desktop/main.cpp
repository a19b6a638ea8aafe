// SPDX-License-Identifier: GPL-3.0-or-later
// realm: the desktop workbench. Opens the workspace and shows the main window.
#include "common/buildconfig.h"
#include "common/workspacelocation.h"
#include "mainwindow/mainwindow.h"
#include "projects/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("realm"));
    QApplication::setOrganizationName(QStringLiteral("realm"));
    QApplication::setApplicationDisplayName(QStringLiteral("REALM"));
    QApplication::setApplicationVersion(QStringLiteral(REALM_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("REALM — a native workbench for software developers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace file to open."), QStringLiteral("path")});
    parser.process(app);

    const QString path = Realm::resolveWorkspacePath(parser.value(QStringLiteral("workspace")));
    Realm::Result<Realm::Storage::DatabasePtr> db = Realm::Projects::openWorkspace(path);
    if (!db) {
        fprintf(stderr, "realm: %s\n", qUtf8Printable(db.error().message));
        QMessageBox::critical(nullptr, QStringLiteral("REALM"), db.error().message);
        return 5;
    }
    Realm::Ui::MainWindow window(*db);
    window.show();
    return QApplication::exec();
}
