// SPDX-License-Identifier: GPL-3.0-or-later
// The new-project job the CLI and the New Project dialog both run.
#include "projects/projectstore.h"
#include "starters/createjob.h"
#include "testworkspace.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using namespace Realm::Starters;
using Realm::Test::TestWorkspace;

class tst_CreateJob final : public QObject {
    Q_OBJECT
private slots:
    void createsTheProjectAndSaysWhere();
    void cancelledLeavesNoFolderAndNoProject();
    void aBusyFolderIsRefusedUntouched();
};

namespace {
CreateInput kite(const TestWorkspace &ws)
{
    const StarterTemplate python = *StarterTemplate::builtIn(QStringLiteral("python-package"));
    return {python,
            *resolveValues(python, {{QStringLiteral("author"), QStringLiteral("Ada")}, {QStringLiteral("project_name"), QStringLiteral("kite")}}),
            ws.dir() + QStringLiteral("/kite"),
            {}};
}
} // namespace

void tst_CreateJob::createsTheProjectAndSaysWhere()
{
    TestWorkspace ws;
    CreateJob job(ws.db(), kite(ws));
    QSignalSpy finished(&job, &CreateJob::finished);
    QSignalSpy failed(&job, &CreateJob::failed);
    job.start();
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000));
    QCoreApplication::processEvents();
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.size(), 1);
    const auto created = finished.first().first().value<CreatedProject>();
    QCOMPARE(created.report.project.name, QStringLiteral("kite"));
    QCOMPARE(created.folder, ws.dir() + QStringLiteral("/kite"));
    QVERIFY(created.summary.startsWith(QStringLiteral("Created kite in %1 from ").arg(created.folder)));
    QVERIFY(QFileInfo::exists(created.folder + QStringLiteral("/pyproject.toml")));
}

void tst_CreateJob::cancelledLeavesNoFolderAndNoProject()
{
    TestWorkspace ws;
    CreateJob job(ws.db(), kite(ws));
    QSignalSpy failed(&job, &CreateJob::failed);
    job.cancel(); // deterministic: before the first file
    job.start();
    QVERIFY(failed.wait(30000));
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(error.code, Error::Code::Cancelled);
    QVERIFY(error.message.contains(QStringLiteral("no folder or project")));
    QVERIFY(!QFileInfo::exists(ws.dir() + QStringLiteral("/kite")));
    QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 0);
}

void tst_CreateJob::aBusyFolderIsRefusedUntouched()
{
    TestWorkspace ws;
    CreateInput input = kite(ws);
    Test::writeFile(input.folder, QStringLiteral("mine.txt"), "keep me\n");
    CreateJob job(ws.db(), input);
    QSignalSpy failed(&job, &CreateJob::failed);
    job.start();
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().first().value<Error>().code, Error::Code::InvalidInput);
    QCOMPARE(QDir(input.folder).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList{QStringLiteral("mine.txt")});
}

QTEST_GUILESS_MAIN(tst_CreateJob)
#include "tst_createjob.moc"
