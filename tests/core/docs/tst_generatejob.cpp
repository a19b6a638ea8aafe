// SPDX-License-Identifier: GPL-3.0-or-later
// The docs generation job the CLI and the Docs panel both run: a real
// workspace, Universal Ctags, and a model on loopback speaking OpenAI's
// wire format.
#include "docs/docstore.h"
#include "docs/generatejob.h"
#include "docs/symbolextractor.h"
#include "mockllmserver.h"
#include "mockprofile.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using Realm::Test::MockLlmServer;
using Realm::Test::mockProfile;
using Realm::Test::TestWorkspace;

namespace {
// Runs a job to its end and says how it ended.
struct Outcome {
    std::optional<Docs::GeneratedDocument> document;
    std::optional<Docs::GenerateFailure> failure;
    QStringList progress;
    int ends = 0;
};

Outcome runToEnd(Docs::GenerateJob &job, const std::function<void(Docs::GenerateJob &, const QString &)> &onProgress = {})
{
    Outcome outcome;
    QObject::connect(&job, &Docs::GenerateJob::progress, &job, [&](double, const QString &text) {
        outcome.progress << text;
        if (onProgress)
            onProgress(job, text);
    });
    QObject::connect(&job, &Docs::GenerateJob::finished, &job, [&](const Docs::GeneratedDocument &d) {
        outcome.document = d;
        ++outcome.ends;
    });
    QObject::connect(&job, &Docs::GenerateJob::failed, &job, [&](const Docs::GenerateFailure &f) {
        outcome.failure = f;
        ++outcome.ends;
    });
    job.start();
    if (!QTest::qWaitFor([&] { return outcome.ends > 0; }, 30000))
        return outcome; // the test fails on the missing end
    QCoreApplication::processEvents(); // a second end, if there were one, would be queued by now
    return outcome;
}

Docs::DocSpec specOf(Docs::DocKind kind)
{
    Docs::DocSpec spec;
    spec.kind = kind;
    return spec;
}
} // namespace

class tst_GenerateJob final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void apiReferenceIsKeptAndReusedWhenNothingChanged();
    void aFoldersApiReferenceNeedsNoWorkspace();
    void overviewIsWrittenByTheModel();
    void cancelWhileTheModelWritesKeepsItsSummaries();
    void cancelRightAfterStartEndsAtOnce();
    void providerFailureIsReportedWithWhatItSaid();
    void badSpecIsRefusedBeforeAnythingRuns();
    void destroyingARunningJobStopsIt();

private:
    std::unique_ptr<TestWorkspace> m_ws;
    QString m_folder;
    QString m_projectId;
};

void tst_GenerateJob::initTestCase()
{
    if (Docs::SymbolExtractor::ctagsPath().isEmpty())
        QSKIP("ctags-universal is not installed (scripts/deps.sh installs universal-ctags)");
}

void tst_GenerateJob::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    m_folder = m_ws->dir() + QStringLiteral("/src");
    Test::writeFile(m_folder, QStringLiteral("lib/math.h"), "/** Adds two numbers. */\nint add(int a, int b);\n");
    Test::writeFile(m_folder, QStringLiteral("main.c"), "/** Starts. */\nint main(void) { return 0; }\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_ws->db()).importProject(m_folder, {});
    QVERIFY(imported);
    m_projectId = imported->project.id;
}

void tst_GenerateJob::apiReferenceIsKeptAndReusedWhenNothingChanged()
{
    Docs::GenerateJob first(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Api), std::nullopt});
    const Outcome made = runToEnd(first);
    QVERIFY2(made.document, made.failure ? qPrintable(made.failure->error.message) : "no end");
    QCOMPARE(made.ends, 1);
    QVERIFY(!made.document->unchanged);
    QVERIFY(made.document->version.markdown.contains(QStringLiteral("Adds two numbers.")));
    QCOMPARE(made.document->version.stats.value(QStringLiteral("files_extracted")).toInteger(), 2);
    QVERIFY(made.progress.contains(QStringLiteral("Writing the document…")));
    Result<QList<Docs::DocVersion>> kept = Docs::DocStore(m_ws->db()).versions(m_projectId);
    QVERIFY(kept);
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().id, made.document->version.id);

    Docs::GenerateJob again(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Api), std::nullopt});
    const Outcome reused = runToEnd(again);
    QVERIFY(reused.document);
    QVERIFY(reused.document->unchanged);
    QCOMPARE(reused.document->version.id, made.document->version.id);
    QCOMPARE(Docs::DocStore(m_ws->db()).versions(m_projectId)->size(), 1);
}

void tst_GenerateJob::aFoldersApiReferenceNeedsNoWorkspace()
{
    Docs::GenerateJob job(nullptr, {{}, m_folder, specOf(Docs::DocKind::Api), std::nullopt});
    const Outcome made = runToEnd(job);
    QVERIFY2(made.document, made.failure ? qPrintable(made.failure->error.message) : "no end");
    QVERIFY(made.document->version.markdown.contains(QStringLiteral("Starts.")));
    QCOMPARE(Docs::DocStore(m_ws->db()).versions(m_projectId)->size(), 0);
}

void tst_GenerateJob::overviewIsWrittenByTheModel()
{
    MockLlmServer server;
    server.setResponder([](const MockLlmServer::Request &) { return MockLlmServer::openAiStream({QStringLiteral("A summary.")}); });
    Docs::GenerateJob job(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), mockProfile(server)});
    const Outcome made = runToEnd(job);
    QVERIFY2(made.document, made.failure ? qPrintable(made.failure->error.message) : "no end");
    QCOMPARE(server.requests().size(), 2 + 2 + 1); // files, modules, overview
    QCOMPARE(made.document->version.model, QStringLiteral("mock-model"));
    QCOMPARE(made.document->version.stats.value(QStringLiteral("summaries_written")).toInteger(), 5);
    QVERIFY(made.progress.contains(QStringLiteral("Asking mock…")));

    // A folder's overview goes through a throw-away workspace: the same
    // requests, nothing kept in this one.
    Docs::GenerateJob fromFolder(nullptr, {{}, m_folder, specOf(Docs::DocKind::Overview), mockProfile(server)});
    const Outcome folderMade = runToEnd(fromFolder);
    QVERIFY2(folderMade.document, folderMade.failure ? qPrintable(folderMade.failure->error.message) : "no end");
    QCOMPARE(server.requests().size(), 2 * 5);
    QCOMPARE(Docs::DocStore(m_ws->db()).versions(m_projectId)->size(), 1);
}

void tst_GenerateJob::cancelWhileTheModelWritesKeepsItsSummaries()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("The first file.")}));
    MockLlmServer::Response stalled = MockLlmServer::openAiStream({QStringLiteral("Half"), QStringLiteral(" a summary.")});
    stalled.holdAfterChunks = 1;
    server.enqueue(stalled);
    Docs::GenerateJob job(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), mockProfile(server)});
    connect(&server, &MockLlmServer::requestReceived, &job, [&] {
        if (server.requests().size() == 2)
            job.cancel();
    });
    const Outcome stopped = runToEnd(job);
    QVERIFY(stopped.failure);
    QCOMPARE(stopped.ends, 1);
    QCOMPARE(stopped.failure->error.code, Error::Code::Cancelled);
    QVERIFY(stopped.failure->error.message.contains(QStringLiteral("summaries written so far are kept")));
    QCOMPARE(Docs::DocStore(m_ws->db()).versions(m_projectId)->size(), 0);

    // The summary that arrived is reused: only the second file, the modules
    // and the overview are asked for.
    server.setResponder([](const MockLlmServer::Request &) { return MockLlmServer::openAiStream({QStringLiteral("A summary.")}); });
    Docs::GenerateJob again(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), mockProfile(server)});
    const Outcome made = runToEnd(again);
    QVERIFY(made.document);
    QCOMPARE(made.document->version.stats.value(QStringLiteral("summaries_reused")).toInteger(), 1);
    QCOMPARE(made.document->version.stats.value(QStringLiteral("summaries_written")).toInteger(), 4);
}

// The race the Docs panel once lost: a cancel that arrives before the model
// is asked anything must still end the job (it used to be dropped).
void tst_GenerateJob::cancelRightAfterStartEndsAtOnce()
{
    MockLlmServer server;
    server.setResponder([](const MockLlmServer::Request &) { return MockLlmServer::openAiStream({QStringLiteral("A summary.")}); });
    for (int round = 0; round < 20; ++round) {
        // While it reads symbols, or just as the model is about to be asked.
        const QString cancelAt = round % 2 ? QStringLiteral("Asking") : QString();
        Docs::GenerateJob job(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), mockProfile(server)});
        const Outcome stopped = runToEnd(job, [cancelAt](Docs::GenerateJob &j, const QString &text) {
            if (text.startsWith(cancelAt))
                j.cancel();
        });
        QVERIFY(stopped.failure);
        QCOMPARE(stopped.ends, 1);
        QCOMPARE(stopped.failure->error.code, Error::Code::Cancelled);
    }
    QCOMPARE(Docs::DocStore(m_ws->db()).versions(m_projectId)->size(), 0);
}

void tst_GenerateJob::providerFailureIsReportedWithWhatItSaid()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::jsonResponse(401, R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})"));
    Docs::GenerateJob job(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), mockProfile(server)});
    const Outcome failed = runToEnd(job);
    QVERIFY(failed.failure);
    QVERIFY(failed.failure->provider);
    QCOMPARE(failed.failure->provider->kind, Chat::ProviderError::Kind::Auth);
    QVERIFY2(failed.failure->error.message.contains(QStringLiteral("Incorrect API key")), qPrintable(failed.failure->error.message));
}

void tst_GenerateJob::badSpecIsRefusedBeforeAnythingRuns()
{
    MockLlmServer server;
    Docs::GenerateJob noPrompt(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Custom), mockProfile(server)});
    Outcome refused = runToEnd(noPrompt);
    QVERIFY(refused.failure);
    QCOMPARE(refused.failure->error.code, Error::Code::InvalidInput);
    QVERIFY(refused.failure->error.message.contains(QStringLiteral("needs a prompt")));

    Docs::GenerateJob noProvider(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), std::nullopt});
    refused = runToEnd(noProvider);
    QVERIFY(refused.failure);
    QVERIFY(refused.failure->error.message.contains(QStringLiteral("set up a provider")));

    Docs::GenerateJob noProject(m_ws->db(), {QStringLiteral("no-such-project"), {}, specOf(Docs::DocKind::Api), std::nullopt});
    refused = runToEnd(noProject);
    QVERIFY(refused.failure);
    QCOMPARE(refused.failure->error.code, Error::Code::NotFound);
    QVERIFY(server.requests().isEmpty());
}

void tst_GenerateJob::destroyingARunningJobStopsIt()
{
    MockLlmServer server;
    MockLlmServer::Response stalled = MockLlmServer::openAiStream({QStringLiteral("Half")});
    stalled.holdAfterChunks = 1;
    server.enqueue(stalled);
    QSignalSpy abandoned(&server, &MockLlmServer::connectionAbandoned);
    {
        Docs::GenerateJob job(m_ws->db(), {m_projectId, {}, specOf(Docs::DocKind::Overview), mockProfile(server)});
        job.start();
        QVERIFY(QTest::qWaitFor([&] { return server.requests().size() == 1; }, 20000));
    }
    // The request in flight went away with the job's thread.
    QVERIFY(QTest::qWaitFor([&] { return !abandoned.isEmpty(); }, 10000));
    QCOMPARE(Docs::DocStore(m_ws->db()).versions(m_projectId)->size(), 0);
}

QTEST_GUILESS_MAIN(tst_GenerateJob)
#include "tst_generatejob.moc"
