// SPDX-License-Identifier: GPL-3.0-or-later
// realm: the desktop workbench. Opens the workspace and shows the main window.
#include "common/allocator.h"
#include "codeview/codeview.h"
#include "common/buildconfig.h"
#include "workspace/settings.h"
#include "mainwindow/mainwindow.h"
#include "workspace/workspace.h"
#include "search/searchpanel.h"
#include "settings/appsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

using Realm::Ui::MainWindow;

namespace {

// --screenshot: once the demo file is open, render the window to a PNG and quit.
void grabAndQuit(MainWindow &window, const QString &output)
{
    QApplication::processEvents();
    const bool saved = window.grab().save(output);
    fprintf(stderr, saved ? "realm: wrote %s\n" : "realm: cannot write %s\n", qUtf8Printable(output));
    QApplication::exit(saved ? 0 : 1);
}

void arrangeScreenshot(MainWindow &window, const QString &output, bool demo)
{
    if (!demo) {
        // The window as it opens: the welcome page, or the last project.
        QObject::connect(&window, &MainWindow::projectsLoaded, &window, [&window, output] {
            if (window.projectFilter()->rowCount() == 0)
                grabAndQuit(window, output);
        });
        QObject::connect(&window, &MainWindow::filesLoaded, &window, [&window, output] { grabAndQuit(window, output); });
        return;
    }
    // The demo as a person would see it: a search for "greet" across the
    // project, and the file holding the first match open next to it.
    QObject::connect(&window, &MainWindow::filesLoaded, &window, [&window] {
        window.showSearch();
        window.searchPanel()->setQuery(QStringLiteral("greet"));
        window.searchPanel()->runNow();
    });
    QObject::connect(window.searchPanel(), &Realm::Ui::SearchPanel::searchFinished, &window, [&window] {
        window.openFile(QStringLiteral("src/greeting.cpp"), 5, 13, 5);
    });
    QObject::connect(&window, &MainWindow::fileOpened, &window, [&window, output] { grabAndQuit(window, output); });
    QObject::connect(&window, &MainWindow::importFinished, &window, [](bool ok, const QString &message) {
        if (!ok) {
            fprintf(stderr, "realm: %s\n", qUtf8Printable(message));
            QApplication::exit(1);
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    Realm::tuneAllocatorForLargeBuffers();
    // --help and --version must work without a display (over ssh, in CI).
    bool wantsInfoOnly = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        wantsInfoOnly |= arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v";
    }
    std::unique_ptr<QCoreApplication> application = wantsInfoOnly ? std::make_unique<QCoreApplication>(argc, argv)
                                                                  : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("realm"));
    QCoreApplication::setOrganizationName(QStringLiteral("realm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REALM_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("REALM — a native workbench for software developers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace file to open."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("demo"), QStringLiteral("Start on a fresh temporary workspace with the demo project open.")});
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Render the main window to a PNG file and exit."), QStringLiteral("file")});
    parser.process(app); // exits here for --help and --version

    QApplication::setApplicationDisplayName(QStringLiteral("REALM"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.realmworkbench.Realm"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/realm/io.github.realmworkbench.Realm.svg")));

    const bool demo = parser.isSet(QStringLiteral("demo"));
    QTemporaryDir demoDir;
    if (demo) {
        // Nothing of a demo run touches the user's settings or workspace.
        QStandardPaths::setTestModeEnabled(true);
        if (!demoDir.isValid()) {
            fprintf(stderr, "realm: cannot create a temporary folder: %s\n", qUtf8Printable(demoDir.errorString()));
            return 5;
        }
    }
    const Realm::Ui::AppSettings settings = Realm::Ui::AppSettings::load();
    Realm::Ui::applyAppearance(settings.theme);
    Realm::Ui::installTranslation(settings.language); // the setting, else the system's language

    const QString path = demo && !parser.isSet(QStringLiteral("workspace"))
                             ? demoDir.filePath(QStringLiteral("demo.realm"))
                             : Realm::Workspace::workspacePathFor(parser.value(QStringLiteral("workspace")));
    Realm::Result<Realm::Storage::DatabasePtr> db = Realm::Workspace::open(path);
    if (!db) {
        fprintf(stderr, "realm: %s\n", qUtf8Printable(db.error().message));
        if (!parser.isSet(QStringLiteral("screenshot")))
            QMessageBox::critical(nullptr, QStringLiteral("REALM"), db.error().message);
        return 5;
    }
    MainWindow window(*db);
    if (parser.isSet(QStringLiteral("screenshot")))
        arrangeScreenshot(window, parser.value(QStringLiteral("screenshot")), demo);
    window.show();
    if (demo)
        QTimer::singleShot(0, &window, &MainWindow::openDemoProject);
    return QApplication::exec();
}
