// SPDX-License-Identifier: GPL-3.0-or-later
// The one way a question is asked, by the CLI and the desktop alike: a real
// workspace, a real project, the loopback mock provider.
#include "chat/askjob.h"
#include "chat/conversationstore.h"
#include "mockllmserver.h"
#include "mockprofile.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using Realm::Test::MockLlmServer;
using Realm::Test::TestWorkspace;

namespace {
// How a job ended: exactly one of the two, once.
struct Ending {
    explicit Ending(AskJob &job) : finished(&job, &AskJob::finished), failed(&job, &AskJob::failed) {}
    bool wait() { return QTest::qWaitFor([this] { return finished.size() + failed.size() > 0; }, 20000); }
    AskFailure failure() const { return failed.first().first().value<AskFailure>(); }
    QSignalSpy finished;
    QSignalSpy failed;
};
} // namespace

class tst_AskJob final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void aQuestionAboutAProjectCarriesItsCodeAndIsKept();
    void aFollowUpContinuesTheConversationAndItsProject();
    void whatCannotBeSentIsAnErrorAndNothingIsAsked();
    void cancelledBeforeTheAnswerAsksNothing();
    void aProviderFailureKeepsTheQuestion();

private:
    QNetworkAccessManager m_network;
    QTemporaryDir m_source;
};

void tst_AskJob::initTestCase()
{
    qRegisterMetaType<AskFailure>();
    Test::writeFile(m_source.path(), QStringLiteral("src/limits.h"), "constexpr int kMaxUsers = 42;\n");
    Test::writeFile(m_source.path(), QStringLiteral("src/server.cpp"), "#include \"limits.h\"\nbool full(int users) { return users >= kMaxUsers; }\n");
    Test::writeFile(m_source.path(), QStringLiteral("logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11));
}

void tst_AskJob::aQuestionAboutAProjectCarriesItsCodeAndIsKept()
{
    TestWorkspace ws;
    const Projects::ImportReport project = *Projects::ProjectImporter(ws.db()).importProject(m_source.path(), {});
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Forty-two.")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());

    AskInput input;
    input.question = QStringLiteral("When is the server full? See @src/server.cpp");
    input.projectId = project.project.id;
    input.attached = {{QStringLiteral("selection"), QStringLiteral("Selection"), QStringLiteral("users >= kMaxUsers"), false}};
    AskJob job(ws.db(), &session, &provider, input);
    QSignalSpy started(&job, &AskJob::answerStarted);
    QSignalSpy progress(&job, &AskJob::progress);
    Ending ending(job);
    job.start();
    QVERIFY(ending.wait());
    QCOMPARE(ending.failed.size(), 0);
    QCOMPARE(ending.finished.size(), 1);
    QCOMPARE(started.size(), 1);
    QVERIFY(!progress.isEmpty());

    // The selection, the mentioned file and the code found for the question,
    // each once, in that order.
    QStringList titles;
    for (const ContextItem &item : job.context())
        titles << item.title;
    QCOMPARE(titles.value(0), QStringLiteral("Selection"));
    QCOMPARE(titles.value(1), QStringLiteral("src/server.cpp"));
    QCOMPARE(titles.count(QStringLiteral("src/server.cpp")), 1);
    const QString sent = server.requests().first().json().value(QStringLiteral("messages")).toArray().last().toObject()
                             .value(QStringLiteral("content")).toString();
    QVERIFY2(sent.contains(QStringLiteral("users >= kMaxUsers")) && sent.contains(QStringLiteral("bool full(int users)")), qPrintable(sent));
    QVERIFY(server.requests().first().json().contains(QStringLiteral("tools")));

    session.flush();
    const Conversation conversation = *ConversationStore(ws.db()).find(job.conversationId());
    QCOMPARE(conversation.projectId, project.project.id);
    QCOMPARE(conversation.providerId, QStringLiteral("provider-mock"));
    const QList<Message> thread = *ConversationStore(ws.db()).thread(job.conversationId());
    QCOMPARE(thread.size(), 2);
    QCOMPARE(thread.last().content, QStringLiteral("Forty-two."));
    QCOMPARE(thread.first().context.size(), job.context().size()); // what was sent is what the user sees
}

void tst_AskJob::aFollowUpContinuesTheConversationAndItsProject()
{
    TestWorkspace ws;
    const Projects::ImportReport project = *Projects::ProjectImporter(ws.db()).importProject(m_source.path(), {});
    const Conversation conversation = *ConversationStore(ws.db()).create({}, project.project.id);
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Yes.")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    AskInput input;
    input.question = QStringLiteral("Is kMaxUsers a constant?");
    input.conversationId = conversation.id;
    input.tools = false;
    AskJob job(ws.db(), &session, &provider, input);
    Ending ending(job);
    job.start();
    QVERIFY(ending.wait());
    QCOMPARE(ending.finished.size(), 1);
    QCOMPARE(job.conversationId(), conversation.id);
    QVERIFY(!job.context().isEmpty()); // the conversation's project gave the context
    QVERIFY(!server.requests().first().json().contains(QStringLiteral("tools")));
}

void tst_AskJob::whatCannotBeSentIsAnErrorAndNothingIsAsked()
{
    TestWorkspace ws;
    const Projects::ImportReport project = *Projects::ProjectImporter(ws.db()).importProject(m_source.path(), {});
    MockLlmServer server;
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());

    AskInput binary;
    binary.question = QStringLiteral("What is in this picture?");
    binary.projectId = project.project.id;
    binary.files = {QStringLiteral("logo.png")};
    AskInput unknownConversation;
    unknownConversation.question = QStringLiteral("And then?");
    unknownConversation.conversationId = QStringLiteral("no-such-conversation");
    AskInput unknownFile = binary;
    unknownFile.files = {QStringLiteral("src/missing.h")};
    const QList<QPair<AskInput, Error::Code>> cases{{binary, Error::Code::InvalidInput},
                                                    {unknownConversation, Error::Code::NotFound},
                                                    {unknownFile, Error::Code::NotFound}};
    for (const auto &[input, code] : cases) {
        AskJob job(ws.db(), &session, &provider, input);
        Ending ending(job);
        job.start();
        QVERIFY(ending.wait());
        QCOMPARE(ending.finished.size(), 0);
        const AskFailure failure = ending.failure();
        QCOMPARE(failure.error.code, code);
        QVERIFY(!failure.provider);
        QVERIFY(!failure.error.message.isEmpty());
    }
    QVERIFY(server.requests().isEmpty());
}

void tst_AskJob::cancelledBeforeTheAnswerAsksNothing()
{
    TestWorkspace ws;
    const Projects::ImportReport project = *Projects::ProjectImporter(ws.db()).importProject(m_source.path(), {});
    MockLlmServer server;
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    AskInput input;
    input.question = QStringLiteral("How many users?");
    input.projectId = project.project.id;
    AskJob job(ws.db(), &session, &provider, input);
    Ending ending(job);
    job.start();
    job.cancel(); // before the preparation on the worker is done
    QVERIFY(ending.wait());
    QCOMPARE(ending.finished.size(), 0);
    QCOMPARE(ending.failure().error.code, Error::Code::Cancelled);
    QVERIFY(server.requests().isEmpty());
}

void tst_AskJob::aProviderFailureKeepsTheQuestion()
{
    TestWorkspace ws;
    MockLlmServer server;
    server.enqueue(MockLlmServer::jsonResponse(404, R"({"error":{"message":"The model `x` does not exist","type":"invalid_request_error","code":"model_not_found"}})"));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    AskInput input;
    input.question = QStringLiteral("Hello?");
    AskJob job(ws.db(), &session, &provider, input);
    Ending ending(job);
    job.start();
    QVERIFY(ending.wait());
    QCOMPARE(ending.finished.size(), 0);
    const AskFailure failure = ending.failure();
    QVERIFY(failure.provider);
    QCOMPARE(failure.provider->kind, ProviderError::Kind::NotFound);
    session.flush();
    const QList<Message> thread = *ConversationStore(ws.db()).thread(job.conversationId());
    QCOMPARE(thread.first().content, QStringLiteral("Hello?"));
    QCOMPARE(thread.last().status, Message::Status::Failed);
}

QTEST_GUILESS_MAIN(tst_AskJob)
#include "tst_askjob.moc"
