// SPDX-License-Identifier: GPL-3.0-or-later
// Emptying the trash purges a project: what docs and analytics kept about it
// and about its contents goes too, through the clean-up each module
// registers (projects never touches their tables).
#include "analytics/projectstats.h"
#include "docs/docstore.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using Realm::Test::TestWorkspace;

class tst_Cleanup final : public QObject {
    Q_OBJECT
private slots:
    void purgingAProjectForgetsWhatOtherModulesKept();
};

namespace {
QString importFolder(TestWorkspace &ws, const QString &name, const QByteArray &content)
{
    Test::writeFile(ws.dir() + QLatin1Char('/') + name, QStringLiteral("main.c"), content);
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(ws.dir() + QLatin1Char('/') + name, {});
    return imported ? imported->project.id : QString();
}
} // namespace

void tst_Cleanup::purgingAProjectForgetsWhatOtherModulesKept()
{
    TestWorkspace ws; // opened with Workspace::open, which registers every module's clean-up
    const QString gone = importFolder(ws, QStringLiteral("gone"), "// TODO: goes\nint gone;\n");
    const QString kept = importFolder(ws, QStringLiteral("kept"), "// TODO: stays\nint kept;\n");
    QVERIFY(!gone.isEmpty() && !kept.isEmpty());
    for (const QString &id : {gone, kept}) {
        QVERIFY(Analytics::computeStats(ws.db(), id));
        Docs::DocVersion version;
        version.projectId = id;
        version.kind = QStringLiteral("api");
        version.templateName = QStringLiteral("built-in");
        version.title = QStringLiteral("API");
        version.markdown = QStringLiteral("# API");
        QVERIFY(Docs::DocStore(ws.db()).saveVersion(version));
    }
    QSqlQuery q(ws.db()->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO doc_symbol_cache (sha256, suffix, extractor, symbols) SELECT blob_sha256, 'c', 1, x'00' FROM files")));
    const auto count = [&](const QString &table) { return Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM ") + table); };
    QCOMPARE(count(QStringLiteral("project_stats")), 2);
    QCOMPARE(count(QStringLiteral("blob_stats")), 2);
    QCOMPARE(count(QStringLiteral("blob_markers")), 2);
    QCOMPARE(count(QStringLiteral("doc_versions")), 2);
    QCOMPARE(count(QStringLiteral("doc_symbol_cache")), 2);

    Projects::ProjectStore projects(ws.db());
    QVERIFY(projects.moveToTrash(gone));
    QCOMPARE(*projects.emptyTrash(), 1);
    // Only what belonged to the purged project and its contents went.
    for (const QString &table : {QStringLiteral("project_stats"), QStringLiteral("blob_stats"), QStringLiteral("blob_markers"),
                                 QStringLiteral("doc_versions"), QStringLiteral("doc_symbol_cache")})
        QVERIFY2(count(table) == 1, qPrintable(table));
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM project_stats WHERE project_id = '%1'").arg(kept)), 1);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM doc_versions WHERE project_id = '%1'").arg(kept)), 1);
}

QTEST_GUILESS_MAIN(tst_Cleanup)
#include "tst_cleanup.moc"
