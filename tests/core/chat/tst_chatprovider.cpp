// SPDX-License-Identifier: GPL-3.0-or-later
// The three providers over real HTTP on loopback, against a local server
// that speaks each API's exact wire format.
#include "chat/chatprovider.h"
#include "mockllmserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using Realm::Test::MockLlmServer;
using Kind = ProviderProfile::Kind;

Q_DECLARE_METATYPE(Realm::Chat::ProviderProfile::Kind)

namespace {
ProviderProfile profileFor(Kind kind, const MockLlmServer &server)
{
    ProviderProfile p;
    p.name = QStringLiteral("mock");
    p.kind = kind;
    p.baseUrl = QUrl(server.baseUrl(kind == Kind::OpenAiCompatible ? QStringLiteral("/v1") : QString()));
    p.defaultModel = QStringLiteral("mock-model");
    p.apiKey = QStringLiteral("sk-test-123");
    p.maxRetries = 2;
    return p;
}

MockLlmServer::Response streamFor(Kind kind, const QStringList &deltas)
{
    switch (kind) {
    case Kind::OpenAiCompatible:
        return MockLlmServer::openAiStream(deltas);
    case Kind::Anthropic:
        return MockLlmServer::anthropicStream(deltas);
    case Kind::Ollama:
        return MockLlmServer::ollamaStream(deltas);
    }
    return {};
}

ChatRequest question(const QString &text)
{
    ChatRequest r;
    r.messages = {{ChatMessage::Role::System, QStringLiteral("You are terse."), {}, {}, {}},
                  {ChatMessage::Role::User, text, {}, {}, {}}};
    return r;
}

// Waits for the stream's one terminal signal.
bool waitForEnd(ChatStream *stream)
{
    QSignalSpy finished(stream, &ChatStream::finished);
    QSignalSpy failed(stream, &ChatStream::failed);
    if (stream->state() == ChatStream::State::Finished || stream->state() == ChatStream::State::Failed)
        return true;
    return QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 10000);
}
} // namespace

class tst_ChatProvider final : public QObject {
    Q_OBJECT
private slots:
    void streamsAnAnswerInEachProvidersFormat_data();
    void streamsAnAnswerInEachProvidersFormat();
    void textArrivesBeforeTheAnswerIsComplete();
    void httpErrorsBecomeTypedErrors_data();
    void httpErrorsBecomeTypedErrors();
    void rateLimitIsRetriedAfterTheTimeTheServerAsksFor();
    void retriesStopAfterTheConfiguredNumber();
    void errorAfterTheFirstTokenKeepsTheTextAndIsNotRetried();
    void streamCutOffByTheNetworkIsNotSuccess();
    void htmlFromAProxyIsAnErrorNotAnAnswer();
    void cancelStopsAtOnceAndKeepsThePartialAnswer();
    void nothingListeningIsANetworkErrorThatSaysSo();
    void toolCallsAndResultsAreWrittenInEachFormat();
    void modelListsComeFromEachProvider_data();
    void modelListsComeFromEachProvider();
    void errorDescriptionsSayWhatToDo();
    void redirectToAnotherServerIsNotFollowed_data();
    void redirectToAnotherServerIsNotFollowed();
    void redirectOnTheSameServerIsFollowed();

private:
    QNetworkAccessManager m_network;
};

void tst_ChatProvider::streamsAnAnswerInEachProvidersFormat_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("openai") << Kind::OpenAiCompatible << QByteArray("/v1/chat/completions");
    QTest::newRow("anthropic") << Kind::Anthropic << QByteArray("/v1/messages");
    QTest::newRow("ollama") << Kind::Ollama << QByteArray("/api/chat");
}

void tst_ChatProvider::streamsAnAnswerInEachProvidersFormat()
{
    QFETCH(Kind, kind);
    QFETCH(QByteArray, path);
    MockLlmServer server;
    server.enqueue(streamFor(kind, {QStringLiteral("Hel"), QStringLiteral("lo, "), QStringLiteral("wörld 👋")}));
    ChatProvider provider(profileFor(kind, server), &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Say hello")));
    QSignalSpy deltas(stream, &ChatStream::textReceived);
    QVERIFY(waitForEnd(stream));
    QVERIFY2(stream->state() == ChatStream::State::Finished, qPrintable(stream->error() ? stream->error()->message : QString()));
    QCOMPARE(stream->text(), QStringLiteral("Hello, wörld 👋"));
    QCOMPARE(deltas.size(), 3);
    QVERIFY(stream->usage().outputTokens == 3);
    QVERIFY(stream->usage().inputTokens > 0);

    QCOMPARE(server.requests().size(), 1);
    const MockLlmServer::Request &request = server.requests().constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, path);
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject body = request.json();
    QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("mock-model"));
    QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    switch (kind) {
    case Kind::OpenAiCompatible:
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
        QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool(), true);
        break;
    case Kind::Anthropic:
        QCOMPARE(request.headers.value("x-api-key"), QByteArray("sk-test-123"));
        QCOMPARE(request.headers.value("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!request.headers.contains("authorization"));
        QCOMPARE(body.value(QStringLiteral("system")).toString(), QStringLiteral("You are terse."));
        QCOMPARE(messages.size(), 1); // the system prompt is not a message
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 4096);
        break;
    case Kind::Ollama:
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Say hello"));
        break;
    }
}

void tst_ChatProvider::textArrivesBeforeTheAnswerIsComplete()
{
    MockLlmServer server;
    MockLlmServer::Response response = MockLlmServer::openAiStream({QStringLiteral("first "), QStringLiteral("second")});
    response.holdAfterChunks = 2; // role chunk and "first "
    server.enqueue(response);
    ChatProvider provider(profileFor(Kind::OpenAiCompatible, server), &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Count")));
    QSignalSpy deltas(stream, &ChatStream::textReceived);
    QSignalSpy finished(stream, &ChatStream::finished);
    QVERIFY(deltas.wait(10000));
    QCOMPARE(stream->text(), QStringLiteral("first "));
    QCOMPARE(stream->state(), ChatStream::State::Streaming);
    QVERIFY(finished.isEmpty());
    server.release();
    QVERIFY(finished.wait(10000));
    QCOMPARE(stream->text(), QStringLiteral("first second"));
}

void tst_ChatProvider::httpErrorsBecomeTypedErrors_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ProviderError::Kind>("expected");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("openai bad key") << Kind::OpenAiCompatible << 401
        << QByteArray(R"({"error":{"message":"Incorrect API key provided: sk-test-***123.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})")
        << ProviderError::Kind::Auth << QStringLiteral("Incorrect API key");
    QTest::newRow("openai no model") << Kind::OpenAiCompatible << 404
        << QByteArray(R"({"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}})")
        << ProviderError::Kind::NotFound << QStringLiteral("gpt-9");
    QTest::newRow("openai context") << Kind::OpenAiCompatible << 400
        << QByteArray(R"({"error":{"message":"This model's maximum context length is 128000 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}})")
        << ProviderError::Kind::ContextTooLong << QStringLiteral("128000");
    QTest::newRow("llama.cpp string error") << Kind::OpenAiCompatible << 400
        << QByteArray(R"({"error":"the request exceeds the available context size"})")
        << ProviderError::Kind::BadRequest << QStringLiteral("context size");
    QTest::newRow("anthropic bad key") << Kind::Anthropic << 401
        << QByteArray(R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})")
        << ProviderError::Kind::Auth << QStringLiteral("invalid x-api-key");
    QTest::newRow("anthropic bad request") << Kind::Anthropic << 400
        << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error","message":"messages: at least one message is required"}})")
        << ProviderError::Kind::BadRequest << QStringLiteral("at least one message");
    QTest::newRow("ollama no model") << Kind::Ollama << 404
        << QByteArray(R"({"error":"model \"llama9\" not found, try pulling it first"})")
        << ProviderError::Kind::NotFound << QStringLiteral("llama9");
}

void tst_ChatProvider::httpErrorsBecomeTypedErrors()
{
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ProviderError::Kind, expected);
    QFETCH(QString, messagePart);
    MockLlmServer server;
    server.enqueue(MockLlmServer::jsonResponse(status, body));
    ChatProvider provider(profileFor(kind, server), &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->state(), ChatStream::State::Failed);
    QCOMPARE(stream->error()->kind, expected);
    QVERIFY2(stream->error()->message.contains(messagePart), qPrintable(stream->error()->message));
    QCOMPARE(server.requests().size(), 1); // none of these is worth a retry
}

void tst_ChatProvider::rateLimitIsRetriedAfterTheTimeTheServerAsksFor()
{
    MockLlmServer rateLimited;
    rateLimited.enqueue(MockLlmServer::jsonResponse(
        429, R"({"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}})",
        {{"retry-after-ms", "30"}, {"retry-after", "1"}}));
    rateLimited.enqueue(MockLlmServer::openAiStream({QStringLiteral("ok")}));
    ChatProvider provider(profileFor(Kind::OpenAiCompatible, rateLimited), &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QSignalSpy retrying(stream, &ChatStream::retrying);
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->state(), ChatStream::State::Finished);
    QCOMPARE(stream->text(), QStringLiteral("ok"));
    QCOMPARE(rateLimited.requests().size(), 2);
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first().at(1).toLongLong(), 30); // retry-after-ms wins over retry-after
    QCOMPARE(stream->attempts(), 2);
}

void tst_ChatProvider::retriesStopAfterTheConfiguredNumber()
{
    MockLlmServer server;
    for (int i = 0; i < 3; ++i)
        server.enqueue(MockLlmServer::jsonResponse(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
    ChatProvider provider(profileFor(Kind::Anthropic, server), &m_network);
    provider.setRetryBaseDelayMs(5);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QSignalSpy retrying(stream, &ChatStream::retrying);
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->error()->kind, ProviderError::Kind::Overloaded);
    QCOMPARE(server.requests().size(), 3); // the first try and maxRetries = 2
    QCOMPARE(retrying.size(), 2);
    QCOMPARE(retrying.at(0).at(1).toLongLong(), 5); // exponential backoff
    QCOMPARE(retrying.at(1).at(1).toLongLong(), 10);
}

void tst_ChatProvider::errorAfterTheFirstTokenKeepsTheTextAndIsNotRetried()
{
    MockLlmServer server;
    MockLlmServer::Response response = MockLlmServer::anthropicStream({QStringLiteral("Half an ")});
    response.chunks.resize(4); // message_start, block start, ping, the delta
    response.chunks << "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
    server.enqueue(response);
    ChatProvider provider(profileFor(Kind::Anthropic, server), &m_network);
    provider.setRetryBaseDelayMs(1);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->error()->kind, ProviderError::Kind::Overloaded);
    QCOMPARE(stream->text(), QStringLiteral("Half an "));
    QCOMPARE(server.requests().size(), 1);
}

void tst_ChatProvider::streamCutOffByTheNetworkIsNotSuccess()
{
    MockLlmServer server;
    MockLlmServer::Response response = MockLlmServer::ollamaStream({QStringLiteral("one "), QStringLiteral("two")});
    response.chunks.removeLast(); // no "done" line
    response.dropConnection = true;
    server.enqueue(response);
    ChatProvider provider(profileFor(Kind::Ollama, server), &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->state(), ChatStream::State::Failed);
    QVERIFY(stream->error()->kind == ProviderError::Kind::Incomplete || stream->error()->kind == ProviderError::Kind::Network);
    QCOMPARE(stream->text(), QStringLiteral("one two"));
    QCOMPARE(server.requests().size(), 1);
}

void tst_ChatProvider::htmlFromAProxyIsAnErrorNotAnAnswer()
{
    MockLlmServer server;
    MockLlmServer::Response html;
    html.headers = {{"Content-Type", "text/html"}};
    html.chunks = {"<html><body><h1>Welcome to the captive portal</h1></body></html>"};
    server.enqueue(html);
    ProviderProfile profile = profileFor(Kind::OpenAiCompatible, server);
    profile.maxRetries = 0;
    ChatProvider provider(profile, &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->error()->kind, ProviderError::Kind::Server);
    QVERIFY(stream->error()->message.contains(QStringLiteral("captive portal")));
    QVERIFY(stream->text().isEmpty());
}

void tst_ChatProvider::cancelStopsAtOnceAndKeepsThePartialAnswer()
{
    MockLlmServer server;
    MockLlmServer::Response response = MockLlmServer::openAiStream({QStringLiteral("partial "), QStringLiteral("rest")});
    response.holdAfterChunks = 2;
    server.enqueue(response);
    ChatProvider provider(profileFor(Kind::OpenAiCompatible, server), &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QSignalSpy deltas(stream, &ChatStream::textReceived);
    QSignalSpy failed(stream, &ChatStream::failed);
    QVERIFY(deltas.wait(10000));
    QSignalSpy abandoned(&server, &MockLlmServer::connectionAbandoned);
    stream->cancel();
    QCOMPARE(failed.size(), 1); // at once, not when the server gets round to it
    QCOMPARE(stream->error()->kind, ProviderError::Kind::Cancelled);
    QCOMPARE(stream->text(), QStringLiteral("partial "));
    QVERIFY(server.abandonedConnections() == 1 || abandoned.wait(10000)); // the request really stopped
    stream->cancel(); // a second cancel changes nothing
    QCOMPARE(failed.size(), 1);
}

void tst_ChatProvider::nothingListeningIsANetworkErrorThatSaysSo()
{
    quint16 closedPort = 0;
    {
        MockLlmServer gone;
        closedPort = gone.port();
    }
    ProviderProfile profile;
    profile.kind = Kind::Ollama;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    profile.defaultModel = QStringLiteral("llama");
    profile.maxRetries = 0;
    ChatProvider provider(profile, &m_network);
    ChatStream *stream = provider.chat(question(QStringLiteral("Hi")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->error()->kind, ProviderError::Kind::Network);
    QVERIFY2(stream->error()->message.contains(QStringLiteral("Nothing is listening")), qPrintable(stream->error()->message));
}

void tst_ChatProvider::toolCallsAndResultsAreWrittenInEachFormat()
{
    ChatRequest request = question(QStringLiteral("What is in main.cpp?"));
    request.tools = {{QStringLiteral("read_file"), QStringLiteral("Reads a file of the project"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("properties"), QJsonObject{{QStringLiteral("path"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}}};
    ChatMessage call{ChatMessage::Role::Assistant, QString(), {{QStringLiteral("call_1"), QStringLiteral("read_file"), QStringLiteral(R"({"path":"main.cpp"})")}}, {}, {}};
    ChatMessage result{ChatMessage::Role::Tool, QStringLiteral("int main() {}"), {}, QStringLiteral("call_1"), QStringLiteral("read_file")};
    request.messages << call << result;

    const QJsonObject openai = QJsonDocument::fromJson(ProviderDialect::create(Kind::OpenAiCompatible)->chatBody(request)).object();
    const QJsonArray openaiMessages = openai.value(QStringLiteral("messages")).toArray();
    QCOMPARE(openai.value(QStringLiteral("tools")).toArray().at(0).toObject().value(QStringLiteral("function")).toObject()
                 .value(QStringLiteral("name")).toString(), QStringLiteral("read_file"));
    QCOMPARE(openaiMessages.at(2).toObject().value(QStringLiteral("tool_calls")).toArray().at(0).toObject()
                 .value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString(), QStringLiteral(R"({"path":"main.cpp"})"));
    QCOMPARE(openaiMessages.at(3).toObject().value(QStringLiteral("tool_call_id")).toString(), QStringLiteral("call_1"));

    const QJsonObject anthropic = QJsonDocument::fromJson(ProviderDialect::create(Kind::Anthropic)->chatBody(request)).object();
    const QJsonArray anthropicMessages = anthropic.value(QStringLiteral("messages")).toArray();
    QCOMPARE(anthropic.value(QStringLiteral("tools")).toArray().at(0).toObject().value(QStringLiteral("input_schema")).toObject()
                 .value(QStringLiteral("type")).toString(), QStringLiteral("object"));
    const QJsonObject toolUse = anthropicMessages.at(1).toObject().value(QStringLiteral("content")).toArray().at(0).toObject();
    QCOMPARE(toolUse.value(QStringLiteral("type")).toString(), QStringLiteral("tool_use"));
    QCOMPARE(toolUse.value(QStringLiteral("input")).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("main.cpp"));
    const QJsonObject toolResult = anthropicMessages.at(2).toObject().value(QStringLiteral("content")).toArray().at(0).toObject();
    QCOMPARE(anthropicMessages.at(2).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(toolResult.value(QStringLiteral("tool_use_id")).toString(), QStringLiteral("call_1"));

    const QJsonObject ollama = QJsonDocument::fromJson(ProviderDialect::create(Kind::Ollama)->chatBody(request)).object();
    const QJsonArray ollamaMessages = ollama.value(QStringLiteral("messages")).toArray();
    QCOMPARE(ollamaMessages.at(2).toObject().value(QStringLiteral("tool_calls")).toArray().at(0).toObject()
                 .value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toObject()
                 .value(QStringLiteral("path")).toString(), QStringLiteral("main.cpp"));
    QCOMPARE(ollamaMessages.at(3).toObject().value(QStringLiteral("tool_name")).toString(), QStringLiteral("read_file"));
}

void tst_ChatProvider::modelListsComeFromEachProvider_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("openai") << Kind::OpenAiCompatible << QByteArray("/v1/models")
        << QByteArray(R"({"object":"list","data":[{"id":"gpt-b","object":"model","created":1,"owned_by":"x"},{"id":"gpt-a","object":"model"}]})");
    QTest::newRow("anthropic") << Kind::Anthropic << QByteArray("/v1/models")
        << QByteArray(R"({"data":[{"type":"model","id":"gpt-b","display_name":"B","created_at":"2025-01-01T00:00:00Z"},{"type":"model","id":"gpt-a"}],"has_more":false,"first_id":"gpt-b","last_id":"gpt-a"})");
    QTest::newRow("ollama") << Kind::Ollama << QByteArray("/api/tags")
        << QByteArray(R"({"models":[{"name":"gpt-b","model":"gpt-b","size":1},{"name":"gpt-a","model":"gpt-a"}]})");
}

void tst_ChatProvider::modelListsComeFromEachProvider()
{
    QFETCH(Kind, kind);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    MockLlmServer server;
    server.enqueue(MockLlmServer::jsonResponse(200, body));
    server.enqueue(MockLlmServer::jsonResponse(401, R"({"error":{"message":"bad key","type":"authentication_error"}})"));
    ChatProvider provider(profileFor(kind, server), &m_network);
    std::optional<Result<QStringList>> models;
    provider.listModels(this, [&](Result<QStringList> r) { models = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return models.has_value(); }, 10000));
    QVERIFY(*models);
    QCOMPARE(**models, QStringList({QStringLiteral("gpt-a"), QStringLiteral("gpt-b")}));
    QCOMPARE(server.requests().constFirst().method, QByteArray("GET"));
    QCOMPARE(server.requests().constFirst().path, path);

    models.reset();
    provider.listModels(this, [&](Result<QStringList> r) { models = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return models.has_value(); }, 10000));
    QVERIFY(!*models);
    QVERIFY(models->error().message.contains(QStringLiteral("API key")));
}

void tst_ChatProvider::errorDescriptionsSayWhatToDo()
{
    QVERIFY(describeProviderError({ProviderError::Kind::Auth, QStringLiteral("invalid x-api-key"), {}}).contains(QStringLiteral("check the key")));
    QVERIFY(describeProviderError({ProviderError::Kind::RateLimited, {}, 2500}).contains(QStringLiteral("3 s")));
    QVERIFY(describeProviderError({ProviderError::Kind::ContextTooLong, {}, {}}).contains(QStringLiteral("new conversation")));
}

void tst_ChatProvider::redirectToAnotherServerIsNotFollowed_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("openai 307") << Kind::OpenAiCompatible << 307;
    QTest::newRow("openai 302") << Kind::OpenAiCompatible << 302;
    QTest::newRow("anthropic 308") << Kind::Anthropic << 308;
    QTest::newRow("ollama 301") << Kind::Ollama << 301;
}

// A provider (or a proxy on the way) that points elsewhere must not receive
// the key and the project's code there: the other server gets nothing, for
// a question and for the model list alike, and the error says why.
void tst_ChatProvider::redirectToAnotherServerIsNotFollowed()
{
    QFETCH(Kind, kind);
    QFETCH(int, status);
    MockLlmServer provider;
    MockLlmServer elsewhere; // another port on 127.0.0.1: another origin
    elsewhere.setResponder([&](const MockLlmServer::Request &) { return streamFor(kind, {QStringLiteral("stolen")}); });
    const QByteArray target = elsewhere.baseUrl(QStringLiteral("/collect")).toUtf8();
    provider.setResponder([&](const MockLlmServer::Request &) { return MockLlmServer::jsonResponse(status, "{}", {{"Location", target}}); });
    ChatProvider chat(profileFor(kind, provider), &m_network);
    ChatStream *stream = chat.chat(question(QStringLiteral("What does main() do?")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->state(), ChatStream::State::Failed);
    QCOMPARE(stream->error()->kind, ProviderError::Kind::Redirected);
    QVERIFY2(stream->error()->message.contains(QString::fromUtf8(target)), qPrintable(stream->error()->message));
    QVERIFY(stream->error()->message.contains(QStringLiteral("API key")));
    QCOMPARE(provider.requests().size(), 1); // not retried either

    std::optional<Result<QStringList>> models;
    chat.listModels(this, [&](Result<QStringList> r) { models = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return models.has_value(); }, 10000));
    QVERIFY(!*models);
    QVERIFY2(models->error().message.contains(QStringLiteral("redirected")), qPrintable(models->error().message));
    QCOMPARE(elsewhere.requests().size(), 0);
}

void tst_ChatProvider::redirectOnTheSameServerIsFollowed()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::jsonResponse(307, "{}", {{"Location", server.baseUrl(QStringLiteral("/moved/v1/chat/completions")).toUtf8()}}));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Hello")}));
    ChatProvider chat(profileFor(Kind::OpenAiCompatible, server), &m_network);
    ChatStream *stream = chat.chat(question(QStringLiteral("Hi")));
    QVERIFY(waitForEnd(stream));
    QCOMPARE(stream->state(), ChatStream::State::Finished);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).path, QByteArray("/moved/v1/chat/completions"));
}

QTEST_GUILESS_MAIN(tst_ChatProvider)
#include "tst_chatprovider.moc"
