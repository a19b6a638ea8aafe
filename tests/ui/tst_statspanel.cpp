// SPDX-License-Identifier: GPL-3.0-or-later
// The Stats tab as a person uses it (offscreen): totals, charts and their
// tables, markers that open their line.
#include "projects/projectimporter.h"
#include "stats/charts.h"
#include "stats/statspanel.h"
#include "testworkspace.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

class tst_StatsPanel final : public QObject {
    Q_OBJECT
private slots:
    void showsTheProjectAtAGlance();
    void switchingProjectsShowsOnlyTheNewest();
    void emptyStatesSayWhatToDo();
};

void tst_StatsPanel::showsTheProjectAtAGlance()
{
    TestWorkspace ws;
    const QString folder = ws.dir() + QStringLiteral("/src");
    Test::writeFile(folder, QStringLiteral("src/main.cpp"), "// entry\nint main() {\n    return 0; // TODO: exit codes\n}\n");
    Test::writeFile(folder, QStringLiteral("src/util.cpp"), "int util() { return 1; }\n");
    Test::writeFile(folder, QStringLiteral("tools/run.py"), "# FIXME: flags\nprint('hi')\n\n");
    Test::writeFile(folder, QStringLiteral("README.md"), "# Sample\n\nWords.\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(folder, {});
    QVERIFY(imported);
    Test::writeFile(folder, QStringLiteral("src/util.cpp"), "int util() { return 2; }\nint more() { return 3; }\n");
    QVERIFY(Projects::ProjectImporter(ws.db()).refreshProject(imported->project.id, {}));

    StatsPanel panel(ws.db());
    panel.resize(520, 900);
    panel.show();
    QSignalSpy loaded(&panel, &StatsPanel::loaded);
    panel.setProject(imported->project.id, QStringLiteral("src"));
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 20000));

    const QString summary = panel.summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("<b>4</b> files")) && summary.contains(QStringLiteral("1 TODO · 1 FIXME · 0 HACK")),
             qPrintable(summary));
    QCOMPARE(panel.languageChart()->rows().first().label, QStringLiteral("C++"));
    QCOMPARE(panel.languageChart()->rows().first().values, QList<qint64>({3 + 2, 1, 0})); // main.cpp, util.cpp
    QCOMPARE(panel.growthChart()->points().size(), 2);
    QCOMPARE(panel.growthChart()->points().last().value, 4 + 2 + 3 + 3);

    // Every chart has its numbers as a table.
    panel.showTables(true);
    QVERIFY(panel.languageTable()->isVisible());
    QCOMPARE(panel.languageTable()->item(0, 0)->text(), QStringLiteral("C++"));
    QCOMPARE(panel.languageTable()->item(0, 2)->text(), QStringLiteral("5"));
    panel.showTables(false);
    QVERIFY(panel.languageChart()->isVisible());

    // A marker opens its file at its line.
    QCOMPARE(panel.markerList()->topLevelItemCount(), 2);
    QSignalSpy opened(&panel, &StatsPanel::markerActivated);
    QTreeWidgetItem *todo = panel.markerList()->topLevelItem(0);
    QCOMPARE(todo->text(0), QStringLiteral("src/main.cpp:3"));
    emit panel.markerList()->itemActivated(todo, 0);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(1).toString(), QStringLiteral("src/main.cpp"));
    QCOMPARE(opened.first().at(2).toInt(), 3);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(panel.grab().save(dir + QStringLiteral("/stats-panel.png")));
}

// Two projects in quick succession: the first run is cancelled, and only the
// second project's numbers ever show.
void tst_StatsPanel::switchingProjectsShowsOnlyTheNewest()
{
    TestWorkspace ws;
    Test::writeFile(ws.dir() + QStringLiteral("/big"), QStringLiteral("a.py"), "# TODO: one\n# TODO: two\n");
    Test::writeFile(ws.dir() + QStringLiteral("/small"), QStringLiteral("b.c"), "int b;\n");
    Result<Projects::ImportReport> big = Projects::ProjectImporter(ws.db()).importProject(ws.dir() + QStringLiteral("/big"), {});
    Result<Projects::ImportReport> small = Projects::ProjectImporter(ws.db()).importProject(ws.dir() + QStringLiteral("/small"), {});
    QVERIFY(big && small);
    StatsPanel panel(ws.db());
    QSignalSpy loaded(&panel, &StatsPanel::loaded);
    panel.setProject(big->project.id, QStringLiteral("big"));
    panel.setProject(small->project.id, QStringLiteral("small"));
    QVERIFY2(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 20000), qPrintable(panel.findChild<QLabel *>(QStringLiteral("statsStatus")) ? panel.findChild<QLabel *>(QStringLiteral("statsStatus"))->text() : QString()));
    QVERIFY(QTest::qWaitFor([&] { return panel.findChildren<Analytics::StatsJob *>().isEmpty(); }, 20000)); // the cancelled one is gone too
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(panel.markerList()->topLevelItemCount(), 1); // only the line that says there are none
    QCOMPARE(panel.markerList()->topLevelItem(0)->flags(), Qt::NoItemFlags);
    QVERIFY2(panel.summaryLabel()->text().contains(QStringLiteral("<b>1</b> files")), qPrintable(panel.summaryLabel()->text()));
}

void tst_StatsPanel::emptyStatesSayWhatToDo()
{
    TestWorkspace ws;
    // One version, no markers in comments (the word in a string is code), no API reference.
    Test::writeFile(ws.dir() + QStringLiteral("/one"), QStringLiteral("a.c"), "const char *s = \"TODO\";\n");
    Result<Projects::ImportReport> one = Projects::ProjectImporter(ws.db()).importProject(ws.dir() + QStringLiteral("/one"), {});
    QVERIFY(one);
    StatsPanel panel(ws.db());
    panel.resize(520, 900);
    panel.show();
    QSignalSpy loaded(&panel, &StatsPanel::loaded);
    panel.setProject(one->project.id, QStringLiteral("one"));
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 20000));

    QCOMPARE(panel.growthChart()->points().size(), 1);
    QVERIFY2(panel.growthChart()->emptyText().contains(QStringLiteral("refresh the project")), qPrintable(panel.growthChart()->emptyText()));
    auto *churn = panel.findChild<BarChart *>(QStringLiteral("statsChurn"));
    QVERIFY(churn->rows().isEmpty());
    QVERIFY(churn->emptyText().contains(QStringLiteral("No file has changed")));
    QCOMPARE(panel.markerList()->topLevelItemCount(), 1);
    QVERIFY(panel.markerList()->topLevelItem(0)->text(2).startsWith(QStringLiteral("No TODO")));

    // No API reference: a button generates one.
    auto *generate = panel.findChild<QPushButton *>(QStringLiteral("statsGenerateReference"));
    QVERIFY(generate && generate->isVisible());
    QSignalSpy requested(&panel, &StatsPanel::apiReferenceRequested);
    generate->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), one->project.id);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(panel.grab().save(dir + QStringLiteral("/stats-panel-empty.png")));
}

QTEST_MAIN(tst_StatsPanel)
#include "tst_statspanel.moc"
