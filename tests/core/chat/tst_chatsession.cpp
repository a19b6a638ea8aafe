// SPDX-License-Identifier: GPL-3.0-or-later
// Questions and streamed answers kept in a real workspace, against the
// loopback mock provider.
#include "chat/chatsession.h"
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
bool waitForEnd(ChatTurn *turn)
{
    QSignalSpy finished(turn, &ChatTurn::finished);
    QSignalSpy failed(turn, &ChatTurn::failed);
    return QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 10000);
}

QJsonArray sentMessages(const MockLlmServer &server, int request)
{
    return server.requests().at(request).json().value(QStringLiteral("messages")).toArray();
}
} // namespace

class tst_ChatSession final : public QObject {
    Q_OBJECT
private slots:
    void questionAndAnswerAreStoredAndTheConversationGetsATitle();
    void followUpsSendTheConversationSoFar();
    void answerIsSavedWhileItStreams();
    void cancelledAnswerKeepsWhatArrived();
    void failedAnswerSaysWhyAndWhatToDo();
    void regeneratedAnswerBecomesANewVersion();
    void editedQuestionIsResentAsANewBranch();
    void titlesAreTheFirstLineCutAtAWord();
    void modelLooksThingsUpWithToolsThenAnswers();
    void toolRoundsAreLimited();

private:
    QNetworkAccessManager m_network;
};

void tst_ChatSession::questionAndAnswerAreStoredAndTheConversationGetsATitle()
{
    TestWorkspace ws;
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Use "), QStringLiteral("QSaveFile.")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();

    AskOptions options;
    options.context = {{QStringLiteral("file"), QStringLiteral("src/save.cpp"), QStringLiteral("void save() { QFile f; }"), false}};
    ChatTurn *turn = session.ask(conv.id, QStringLiteral("How do I write a file atomically?\nIn Qt."), &provider, options);
    QSignalSpy started(turn, &ChatTurn::started);
    QVERIFY(waitForEnd(turn));
    QCOMPARE(started.size(), 1);
    QCOMPARE(turn->answer().content, QStringLiteral("Use QSaveFile."));
    session.flush();

    const QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(thread.size(), 2);
    QCOMPARE(thread.at(0).content, QStringLiteral("How do I write a file atomically?\nIn Qt."));
    QCOMPARE(thread.at(0).context.size(), 1); // what was sent is kept with the question
    QCOMPARE(thread.at(1).content, QStringLiteral("Use QSaveFile."));
    QCOMPARE(thread.at(1).status, Message::Status::Complete);
    QCOMPARE(thread.at(1).model, QStringLiteral("mock-model"));
    QCOMPARE(thread.at(1).usage.outputTokens, 2);
    const Conversation after = *store.find(conv.id);
    QCOMPARE(after.title, QStringLiteral("How do I write a file atomically?"));
    QCOMPARE(after.providerId, QStringLiteral("provider-mock"));

    const QJsonArray sent = sentMessages(server, 0);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
    const QString question = sent.at(1).toObject().value(QStringLiteral("content")).toString();
    QVERIFY(question.contains(QStringLiteral("### src/save.cpp")));
    QVERIFY(question.contains(QStringLiteral("void save() { QFile f; }")));
    QVERIFY(question.endsWith(QStringLiteral("In Qt.")));
}

void tst_ChatSession::followUpsSendTheConversationSoFar()
{
    TestWorkspace ws;
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("first answer")}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("second answer")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    const Conversation conv = *ConversationStore(ws.db()).create(QStringLiteral("kept title"));
    QVERIFY(waitForEnd(session.ask(conv.id, QStringLiteral("first"), &provider)));
    QVERIFY(waitForEnd(session.ask(conv.id, QStringLiteral("second"), &provider)));
    const QJsonArray sent = sentMessages(server, 1);
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.at(2).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("first answer"));
    QCOMPARE(sent.at(3).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("second"));
    session.flush();
    QCOMPARE(ConversationStore(ws.db()).find(conv.id)->title, QStringLiteral("kept title"));
}

void tst_ChatSession::answerIsSavedWhileItStreams()
{
    TestWorkspace ws;
    MockLlmServer server;
    MockLlmServer::Response response = MockLlmServer::openAiStream({QStringLiteral("partial "), QStringLiteral("rest")});
    response.holdAfterChunks = 2;
    server.enqueue(response);
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    ChatTurn *turn = session.ask(conv.id, QStringLiteral("q"), &provider);
    QSignalSpy deltas(turn, &ChatTurn::textReceived);
    QVERIFY(deltas.wait(10000));
    // Within a save interval the partial answer is in the workspace.
    QVERIFY(QTest::qWaitFor([&] {
        const Result<Message> m = store.message(turn->answerId());
        return m && m->content == QLatin1String("partial ");
    }, 5000));
    QCOMPARE(store.message(turn->answerId())->status, Message::Status::Streaming);
    server.release();
    QVERIFY(waitForEnd(turn));
    session.flush();
    QCOMPARE(store.message(turn->answerId())->content, QStringLiteral("partial rest"));
    QCOMPARE(store.message(turn->answerId())->status, Message::Status::Complete);
}

void tst_ChatSession::cancelledAnswerKeepsWhatArrived()
{
    TestWorkspace ws;
    MockLlmServer server;
    MockLlmServer::Response response = MockLlmServer::openAiStream({QStringLiteral("half "), QStringLiteral("rest")});
    response.holdAfterChunks = 2;
    server.enqueue(response);
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    ChatTurn *turn = session.ask(conv.id, QStringLiteral("q"), &provider);
    QSignalSpy deltas(turn, &ChatTurn::textReceived);
    QSignalSpy failed(turn, &ChatTurn::failed);
    QVERIFY(deltas.wait(10000));
    turn->cancel();
    QCOMPARE(failed.size(), 1);
    session.flush();
    const Message answer = *store.message(turn->answerId());
    QCOMPARE(answer.status, Message::Status::Cancelled);
    QCOMPARE(answer.content, QStringLiteral("half "));
}

void tst_ChatSession::failedAnswerSaysWhyAndWhatToDo()
{
    TestWorkspace ws;
    MockLlmServer server;
    server.enqueue(MockLlmServer::jsonResponse(401, R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}})"));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    ChatTurn *turn = session.ask(conv.id, QStringLiteral("q"), &provider);
    QVERIFY(waitForEnd(turn));
    session.flush();
    const Message answer = *store.message(turn->answerId());
    QCOMPARE(answer.status, Message::Status::Failed);
    QVERIFY2(answer.error.contains(QStringLiteral("API key")), qPrintable(answer.error));
    QVERIFY(answer.error.contains(QStringLiteral("Incorrect API key provided.")));
}

void tst_ChatSession::regeneratedAnswerBecomesANewVersion()
{
    TestWorkspace ws;
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("answer one")}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("answer two")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    ChatTurn *first = session.ask(conv.id, QStringLiteral("question"), &provider);
    QVERIFY(waitForEnd(first));
    ChatTurn *second = session.regenerate(conv.id, first->answerId(), &provider);
    QVERIFY(waitForEnd(second));
    session.flush();
    QCOMPARE(sentMessages(server, 1).size(), 2); // the old answer is not sent again
    const QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(thread.size(), 2);
    QCOMPARE(thread.last().content, QStringLiteral("answer two"));
    QCOMPARE(thread.last().versionCount, 2);
    QCOMPARE(second->questionId(), first->questionId());
}

void tst_ChatSession::editedQuestionIsResentAsANewBranch()
{
    TestWorkspace ws;
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("a1")}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("a2")}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("a2 edited")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    QVERIFY(waitForEnd(session.ask(conv.id, QStringLiteral("q1"), &provider)));
    ChatTurn *second = session.ask(conv.id, QStringLiteral("q2"), &provider);
    QVERIFY(waitForEnd(second));
    ChatTurn *edited = session.editAndResend(conv.id, second->questionId(), QStringLiteral("q2 edited"), &provider);
    QVERIFY(waitForEnd(edited));
    session.flush();
    const QJsonArray sent = sentMessages(server, 2);
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.at(3).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("q2 edited"));
    QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(thread.at(2).content, QStringLiteral("q2 edited"));
    QCOMPARE(thread.at(2).versionCount, 2);
    QVERIFY(store.switchTo(conv.id, second->questionId()));
    thread = *store.thread(conv.id);
    QCOMPARE(thread.at(2).content, QStringLiteral("q2"));
    QCOMPARE(thread.at(3).content, QStringLiteral("a2"));
}

void tst_ChatSession::titlesAreTheFirstLineCutAtAWord()
{
    QCOMPARE(ChatSession::titleFor(QStringLiteral("  Why?\nbecause")), QStringLiteral("Why?"));
    const QString title = ChatSession::titleFor(
        QStringLiteral("Explain how the scheduler in this kernel decides which task runs next on a busy core"));
    QVERIFY(title.size() <= 61);
    QVERIFY(title.endsWith(QStringLiteral("…")));
    QVERIFY(!title.contains(QStringLiteral("decid…"))); // cut between words
    QCOMPARE(ChatSession::titleFor(QStringLiteral("   ")), QStringLiteral("New conversation"));
}

void tst_ChatSession::modelLooksThingsUpWithToolsThenAnswers()
{
    TestWorkspace ws;
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("src/limits.h"), "#pragma once\nconstexpr int kMaxUsers = 42;\n");
    const Projects::ImportReport report = *Projects::ProjectImporter(ws.db()).importProject(source.path(), {});
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiToolCalls({{QStringLiteral("search_project"), QStringLiteral(R"({"query":"kMaxUsers"})")},
                                                   {QStringLiteral("read_file"), QStringLiteral(R"({"path":"src/limits.h"})")}}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("At most 42 users.")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    AskOptions options;
    options.toolsProjectId = report.project.id;
    ChatTurn *turn = session.ask(conv.id, QStringLiteral("How many users are allowed?"), &provider, options);
    QSignalSpy tools(turn, &ChatTurn::toolCalled);
    QSignalSpy started(turn, &ChatTurn::started);
    QVERIFY(waitForEnd(turn));
    QCOMPARE(turn->answer().content, QStringLiteral("At most 42 users."));
    QCOMPARE(tools.size(), 2);
    QVERIFY(tools.at(0).at(1).toString().contains(QStringLiteral("src/limits.h:2: constexpr int kMaxUsers = 42;")));
    QVERIFY(tools.at(1).at(1).toString().contains(QStringLiteral("    2  constexpr int kMaxUsers = 42;")));
    QCOMPARE(started.size(), 2);

    // The first request offered the tools; the second carried the calls and results.
    QCOMPARE(server.requests().at(0).json().value(QStringLiteral("tools")).toArray().size(), 3);
    const QJsonArray second = sentMessages(server, 1);
    QCOMPARE(second.size(), 5); // system, question, the calls, two results
    const QJsonObject calls = second.at(2).toObject();
    QCOMPARE(calls.value(QStringLiteral("tool_calls")).toArray().size(), 2);
    QCOMPARE(calls.value(QStringLiteral("tool_calls")).toArray().at(1).toObject().value(QStringLiteral("function")).toObject()
                 .value(QStringLiteral("arguments")).toString(), QStringLiteral(R"({"path":"src/limits.h"})"));
    QCOMPARE(second.at(4).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("tool"));
    QCOMPARE(second.at(4).toObject().value(QStringLiteral("tool_call_id")).toString(), QStringLiteral("call_2"));

    session.flush();
    const QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(thread.size(), 5); // question, calls, two results, answer: every step is shown
    QCOMPARE(thread.at(1).toolCalls.size(), 2);
    QCOMPARE(thread.at(2).role, ChatMessage::Role::Tool);
    QCOMPARE(thread.last().content, QStringLiteral("At most 42 users."));
    QCOMPARE(thread.last().status, Message::Status::Complete);
}

void tst_ChatSession::toolRoundsAreLimited()
{
    TestWorkspace ws;
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("a.txt"), "a\n");
    const Projects::ImportReport report = *Projects::ProjectImporter(ws.db()).importProject(source.path(), {});
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiToolCalls({{QStringLiteral("list_files"), QStringLiteral("{}")}}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("One file.")}));
    ChatProvider provider(Test::mockProfile(server), &m_network);
    ChatSession session(ws.db());
    const Conversation conv = *ConversationStore(ws.db()).create();
    AskOptions options;
    options.toolsProjectId = report.project.id;
    options.maxToolRounds = 1;
    ChatTurn *turn = session.ask(conv.id, QStringLiteral("List"), &provider, options);
    QVERIFY(waitForEnd(turn));
    QCOMPARE(turn->answer().content, QStringLiteral("One file."));
    // After the last allowed round the model is asked without tools: it must answer.
    QVERIFY(!server.requests().at(1).json().contains(QStringLiteral("tools")));
}

QTEST_GUILESS_MAIN(tst_ChatSession)
#include "tst_chatsession.moc"
