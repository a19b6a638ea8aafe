// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop responsiveness, measured in-process on a real window:
//
//   bench_ui WORKSPACE startup            time to the first painted window with the projects listed
//   bench_ui WORKSPACE open PROJECT PATH  time to open a file, and the longest UI stall meanwhile
//   bench_ui WORKSPACE import FOLDER      longest UI stall while a folder imports
//   bench_ui WORKSPACE search PROJECT Q   longest UI stall while a search streams in
//
// The longest stall is the largest gap between ticks of a 2 ms timer on the
// UI thread, less the 2 ms.
#include "codeview/codeview.h"
#include "mainwindow/mainwindow.h"
#include "projects/projectstore.h"
#include "workspace/workspace.h"
#include "search/searchpanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTimer>

#include "stallmeter.h"

#include <cstdio>

using namespace Realm;

namespace {

class PaintWatcher final : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        fprintf(stderr, "usage: bench_ui WORKSPACE startup|open|import|search ...\n");
        return 2;
    }
    Result<Storage::DatabasePtr> db = Workspace::open(args.at(1));
    if (!db) {
        fprintf(stderr, "%s\n", qUtf8Printable(db.error().message));
        return 1;
    }
    const QString mode = args.at(2);
    Ui::MainWindow window(*db);
    PaintWatcher paints;
    window.installEventFilter(&paints);

    if (mode == QLatin1String("startup")) {
        QObject::connect(&window, &Ui::MainWindow::projectsLoaded, &window, [&] {
            QTimer::singleShot(0, &window, [&] {
                printf("{\"startup_ms\":%.1f,\"projects\":%d,\"painted\":%s}\n", double(sinceStart.nsecsElapsed()) / 1e6,
                       int(window.projectFilter()->rowCount()), paints.painted ? "true" : "false");
                QApplication::quit();
            });
        });
        window.show();
        return QApplication::exec();
    }

    Bench::StallMeter stalls;
    QElapsedTimer operation;
    const auto report = [&](const char *what) {
        printf("{\"%s_ms\":%.1f,\"worst_ui_stall_ms\":%.1f}\n", what, double(operation.nsecsElapsed()) / 1e6, stalls.worstMs());
        QApplication::quit();
    };
    window.show();
    if (mode == QLatin1String("open") && args.size() >= 5) {
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(args.at(3));
        if (!project)
            return 1;
        QObject::connect(&window, &Ui::MainWindow::fileOpened, &window, [&] {
            Ui::CodeView *view = window.currentCodeView();
            printf("{\"first_screen_ms\":%.1f}\n", double(operation.nsecsElapsed()) / 1e6);
            const auto done = [&] { QTimer::singleShot(50, &window, [&] { report("open"); }); };
            if (view->isLoading())
                QObject::connect(view, &Ui::CodeView::loaded, &window, done);
            else
                done();
        });
        QTimer::singleShot(100, &window, [&, id = project->id, path = args.at(4)] {
            operation.start();
            window.openFileInProject(id, path);
        });
    } else if (mode == QLatin1String("import") && args.size() >= 4) {
        QObject::connect(&window, &Ui::MainWindow::importFinished, &window, [&] { report("import"); });
        QTimer::singleShot(100, &window, [&, folder = args.at(3)] {
            operation.start();
            window.importSource(folder);
        });
    } else if (mode == QLatin1String("search") && args.size() >= 5) {
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(args.at(3));
        if (!project)
            return 1;
        QObject::connect(window.searchPanel(), &Ui::SearchPanel::searchFinished, &window, [&] { report("search"); });
        QTimer::singleShot(100, &window, [&, id = project->id, query = args.at(4)] {
            window.openProject(id);
            window.showSearch();
            operation.start();
            window.searchPanel()->setQuery(query);
            window.searchPanel()->runNow();
        });
    } else {
        fprintf(stderr, "unknown mode or missing arguments\n");
        return 2;
    }
    return QApplication::exec();
}
