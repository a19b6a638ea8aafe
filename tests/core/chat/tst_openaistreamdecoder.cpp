// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/openaistreamdecoder.h"

#include "decodestream.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Chat;

namespace {
// The stream split into 5-byte reads.
OpenAiStreamDecoder decode(const QByteArray &stream, QStringList *textDeltas = nullptr)
{
    return Test::decodeStream<OpenAiStreamDecoder>(stream, 5, textDeltas);
}
} // namespace

class tst_OpenAiStreamDecoder final : public QObject {
    Q_OBJECT
private slots:
    void streamsTextAndUsage();
    void mergesToolCallDeltasByIndex();
    void readsReasoningFields();
    void errorInsideA200StreamIsTyped_data();
    void errorInsideA200StreamIsTyped();
    void streamCutOffIsIncomplete();
    void finishReasonWithoutDoneIsComplete();
    void malformedChunkIsAServerError();
};

void tst_OpenAiStreamDecoder::streamsTextAndUsage()
{
    QStringList deltas;
    const OpenAiStreamDecoder d = decode(
        "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"logprobs\":null,\"new_field\":1}]}\n\n"
        ": keep-alive\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo, wörld\"},\"finish_reason\":null}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}\n\n"
        "data: [DONE]\n\n",
        &deltas);
    QVERIFY(!d.error());
    QCOMPARE(d.text(), QStringLiteral("Hello, wörld"));
    QCOMPARE(deltas, (QStringList{QStringLiteral("Hel"), QStringLiteral("lo, wörld")}));
    QCOMPARE(d.stopReason(), QStringLiteral("stop"));
    QCOMPARE(d.usage().inputTokens, 12);
    QCOMPARE(d.usage().outputTokens, 3);
    QVERIFY(d.isDone());
}

void tst_OpenAiStreamDecoder::mergesToolCallDeltasByIndex()
{
    const OpenAiStreamDecoder d = decode(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"function\":{\"name\":\"search_project\",\"arguments\":\"{\\\"q\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"path\\\":\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"a.c\\\"}\"}},{\"index\":1,\"function\":{\"arguments\":\"\\\":\\\"x\\\"}\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
        "data: [DONE]\n\n");
    QVERIFY(!d.error());
    QCOMPARE(d.toolCalls().size(), 2);
    QCOMPARE(d.toolCalls().at(0).id, QStringLiteral("call_a"));
    QCOMPARE(d.toolCalls().at(0).name, QStringLiteral("read_file"));
    QCOMPARE(d.toolCalls().at(0).arguments, QStringLiteral("{\"path\":\"a.c\"}"));
    QCOMPARE(d.toolCalls().at(1).name, QStringLiteral("search_project"));
    QCOMPARE(d.toolCalls().at(1).arguments, QStringLiteral("{\"q\":\"x\"}"));
    QCOMPARE(d.stopReason(), QStringLiteral("tool_calls"));
}

void tst_OpenAiStreamDecoder::readsReasoningFields()
{
    const OpenAiStreamDecoder d = decode(
        "data: {\"choices\":[{\"delta\":{\"reasoning_content\":\"think \"}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"reasoning\":\"more\"}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"content\":\"answer\"},\"finish_reason\":\"stop\"}]}\n\n"
        "data: [DONE]\n\n");
    QCOMPARE(d.reasoning(), QStringLiteral("think more"));
    QCOMPARE(d.text(), QStringLiteral("answer"));
}

void tst_OpenAiStreamDecoder::errorInsideA200StreamIsTyped_data()
{
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<int>("kind");
    QTest::newRow("rate limit") << QByteArray("{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}")
                                << int(ProviderError::Kind::RateLimited);
    QTest::newRow("context") << QByteArray("{\"message\":\"too many tokens\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}")
                             << int(ProviderError::Kind::ContextTooLong);
    QTest::newRow("key") << QByteArray("{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}")
                         << int(ProviderError::Kind::Auth);
    QTest::newRow("model") << QByteArray("{\"message\":\"no such model\",\"code\":\"model_not_found\"}") << int(ProviderError::Kind::NotFound);
    QTest::newRow("overloaded") << QByteArray("{\"message\":\"busy\",\"type\":\"overloaded_error\"}") << int(ProviderError::Kind::Overloaded);
    QTest::newRow("other") << QByteArray("{\"message\":\"boom\",\"type\":\"server_error\"}") << int(ProviderError::Kind::Server);
}

void tst_OpenAiStreamDecoder::errorInsideA200StreamIsTyped()
{
    QFETCH(QByteArray, error);
    QFETCH(int, kind);
    const OpenAiStreamDecoder d = decode("data: {\"choices\":[{\"delta\":{\"content\":\"partial\"}}]}\n\n"
                                         "data: {\"error\":" + error + "}\n\n");
    QVERIFY(d.error());
    QCOMPARE(int(d.error()->kind), kind);
    QVERIFY(!d.error()->message.isEmpty());
    QCOMPARE(d.text(), QStringLiteral("partial")); // what arrived is kept
}

void tst_OpenAiStreamDecoder::streamCutOffIsIncomplete()
{
    const OpenAiStreamDecoder cut = decode("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                                           "data: {\"choices\":[{\"delta\":{\"cont");
    QVERIFY(cut.error());
    QCOMPARE(cut.error()->kind, ProviderError::Kind::Incomplete);
    QCOMPARE(cut.text(), QStringLiteral("Hel"));
    const OpenAiStreamDecoder silent = decode("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n");
    QCOMPARE(silent.error()->kind, ProviderError::Kind::Incomplete);
}

void tst_OpenAiStreamDecoder::finishReasonWithoutDoneIsComplete()
{
    // llama.cpp and some proxies end without [DONE].
    const OpenAiStreamDecoder d = decode("data: {\"choices\":[{\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\n");
    QVERIFY(!d.error());
    QCOMPARE(d.text(), QStringLiteral("ok"));
}

void tst_OpenAiStreamDecoder::malformedChunkIsAServerError()
{
    const OpenAiStreamDecoder d = decode("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: <html>oops</html>\n\n");
    QCOMPARE(d.error()->kind, ProviderError::Kind::Server);
    QVERIFY(d.error()->message.contains(QStringLiteral("not JSON")));
}

QTEST_GUILESS_MAIN(tst_OpenAiStreamDecoder)
#include "tst_openaistreamdecoder.moc"
