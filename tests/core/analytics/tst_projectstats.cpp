// SPDX-License-Identifier: GPL-3.0-or-later
// A project's statistics from a real workspace: by language, largest and
// most changed files, markers, growth over versions, documentation coverage,
// and that a refresh analyzes only the contents it brought.
#include "analytics/projectstats.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using namespace Realm::Analytics;
using Realm::Test::TestWorkspace;

namespace {
const LanguageStats *languageOf(const ProjectStats &s, const QString &language)
{
    for (const LanguageStats &l : s.languages) {
        if (l.language == language)
            return &l;
    }
    return nullptr;
}
} // namespace

class tst_ProjectStats final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void countsByLanguageAndMarkers();
    void refreshAnalyzesOnlyNewContents();
    void growthAndChurnFollowTheVersions();
    void documentationCoverageComesFromTheNewestReference();

private:
    void refresh();
    std::unique_ptr<TestWorkspace> m_ws;
    QString m_folder;
    QString m_projectId;
};

void tst_ProjectStats::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    m_folder = m_ws->dir() + QStringLiteral("/src");
    Test::writeFile(m_folder, QStringLiteral("main.cpp"), "// entry\nint main() {\n    return 0; // TODO: exit codes\n}\n\n");
    Test::writeFile(m_folder, QStringLiteral("tool.py"), "# helper\n\ndef f():\n    pass  # FIXME slow\n");
    Test::writeFile(m_folder, QStringLiteral("copy.py"), "# helper\n\ndef f():\n    pass  # FIXME slow\n"); // same content, counted twice
    Test::writeFile(m_folder, QStringLiteral("logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0", 10));
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_ws->db()).importProject(m_folder, {});
    QVERIFY(imported);
    m_projectId = imported->project.id;
}

void tst_ProjectStats::refresh()
{
    QVERIFY(Projects::ProjectImporter(m_ws->db()).refreshProject(m_projectId, {}));
}

void tst_ProjectStats::countsByLanguageAndMarkers()
{
    Result<ProjectStats> stats = computeStats(m_ws->db(), m_projectId);
    QVERIFY2(stats, stats ? "" : qPrintable(stats.error().message));
    QCOMPARE(stats->files, 4);
    QCOMPARE(stats->binaryFiles, 1);
    const LanguageStats *cpp = languageOf(*stats, QStringLiteral("cpp"));
    QVERIFY(cpp);
    QCOMPARE(cpp->files, 1);
    QCOMPARE(cpp->lines.code, 3);
    QCOMPARE(cpp->lines.comment, 1);
    QCOMPARE(cpp->lines.blank, 1);
    const LanguageStats *python = languageOf(*stats, QStringLiteral("python"));
    QVERIFY(python);
    QCOMPARE(python->files, 2);
    QCOMPARE(python->lines.code, 4);
    QCOMPARE(python->lines.comment, 2);
    QCOMPARE(python->lines.blank, 2);
    QCOMPARE(stats->languages.first().language, QStringLiteral("python")); // most code first
    QCOMPARE(stats->lines.lines, 13);

    QCOMPARE(stats->markerCounts.value(QStringLiteral("TODO")), 1);
    QCOMPARE(stats->markerCounts.value(QStringLiteral("FIXME")), 2);
    QCOMPARE(stats->markerCounts.value(QStringLiteral("HACK")), 0);
    QCOMPARE(stats->markers.first().path, QStringLiteral("copy.py"));
    QCOMPARE(stats->markers.first().marker.line, 4);
    QCOMPARE(stats->largest.first().path, QStringLiteral("main.cpp"));
    QCOMPARE(stats->analyzedFiles, 2); // tool.py and copy.py share one content
}

void tst_ProjectStats::refreshAnalyzesOnlyNewContents()
{
    QVERIFY(computeStats(m_ws->db(), m_projectId));
    Result<ProjectStats> again = computeStats(m_ws->db(), m_projectId);
    QVERIFY(again);
    QCOMPARE(again->analyzedFiles, 0); // unchanged: nothing analyzed

    Test::writeFile(m_folder, QStringLiteral("tool.py"), "def g():\n    return 1\n");
    refresh();
    Result<ProjectStats> after = computeStats(m_ws->db(), m_projectId);
    QVERIFY(after);
    QCOMPARE(after->analyzedFiles, 1);
    QCOMPARE(languageOf(*after, QStringLiteral("python"))->lines.code, 2 + 2);
    QCOMPARE(after->markerCounts.value(QStringLiteral("FIXME")), 1);
}

void tst_ProjectStats::growthAndChurnFollowTheVersions()
{
    Test::writeFile(m_folder, QStringLiteral("main.cpp"), "int main() { return 1; }\n");
    refresh();
    Test::writeFile(m_folder, QStringLiteral("main.cpp"), "int main() { return 2; }\n");
    Test::writeFile(m_folder, QStringLiteral("extra.c"), "int x;\nint y;\n");
    QFile::remove(m_folder + QStringLiteral("/copy.py"));
    refresh();
    Result<ProjectStats> stats = computeStats(m_ws->db(), m_projectId);
    QVERIFY(stats);
    QCOMPARE(stats->growth.size(), 3);
    QCOMPARE(stats->growth.at(0).version, 1);
    QCOMPARE(stats->growth.at(0).files, 4);
    QCOMPARE(stats->growth.at(0).lines, 13);
    QCOMPARE(stats->growth.at(1).files, 4);
    QCOMPARE(stats->growth.at(1).lines, 13 - 5 + 1);
    QCOMPARE(stats->growth.at(2).files, 4);          // + extra.c, - copy.py
    QCOMPARE(stats->growth.at(2).lines, 9 + 2 - 4);
    QCOMPARE(stats->growth.last().lines, stats->lines.lines); // ends where the project is
    QCOMPARE(stats->mostChanged.first().path, QStringLiteral("main.cpp"));
    QCOMPARE(stats->mostChanged.first().versions, 2);
}

void tst_ProjectStats::documentationCoverageComesFromTheNewestReference()
{
    Result<ProjectStats> none = computeStats(m_ws->db(), m_projectId);
    QVERIFY(none);
    QVERIFY(!none->docs);
    QSqlQuery q(m_ws->db()->connection());
    for (const auto &[at, documented] : {std::pair{1000, 1}, std::pair{2000, 3}}) {
        q.prepare(QStringLiteral("INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, title, markdown, "
                                 "stats, created_at) VALUES (?, ?, 'api', 'built-in', '', 1, 't', '', ?, ?)"));
        q.addBindValue(QStringLiteral("doc-%1").arg(at));
        q.addBindValue(m_projectId);
        q.addBindValue(QStringLiteral("{\"documented\":%1,\"documentable\":4,\"coverage\":%2}").arg(documented).arg(documented / 4.0));
        q.addBindValue(at);
        QVERIFY(q.exec());
    }
    Result<ProjectStats> stats = computeStats(m_ws->db(), m_projectId);
    QVERIFY(stats && stats->docs);
    QCOMPARE(stats->docs->documented, 3);
    QCOMPARE(stats->docs->total, 4);
    QCOMPARE(stats->docs->ratio, 0.75);
    QCOMPARE(stats->docs->generatedAt, 2000);
}

QTEST_GUILESS_MAIN(tst_ProjectStats)
#include "tst_projectstats.moc"
