// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/anthropicstreamdecoder.h"

#include "decodestream.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Chat;

namespace {
// The stream split into 7-byte reads.
AnthropicStreamDecoder decode(const QByteArray &stream, QStringList *textDeltas = nullptr)
{
    return Test::decodeStream<AnthropicStreamDecoder>(stream, 7, textDeltas);
}

const QByteArray kStart = "event: message_start\n"
                          "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n";
} // namespace

class tst_AnthropicStreamDecoder final : public QObject {
    Q_OBJECT
private slots:
    void streamsTextThinkingAndUsage();
    void assemblesToolUseFromJsonDeltas();
    void errorEventIsTyped_data();
    void errorEventIsTyped();
    void streamWithoutMessageStopIsIncomplete();
};

void tst_AnthropicStreamDecoder::streamsTextThinkingAndUsage()
{
    QStringList deltas;
    const AnthropicStreamDecoder d = decode(
        kStart
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Let me see.\"}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"abc\"}}\n\n"
              "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
              "event: ping\ndata: {\"type\": \"ping\"}\n\n"
              "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\", Grüße\"}}\n\n"
              "event: some_future_event\ndata: {\"type\":\"some_future_event\"}\n\n"
              "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n"
              "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        &deltas);
    QVERIFY(!d.error());
    QCOMPARE(d.text(), QStringLiteral("Hello, Grüße"));
    QCOMPARE(deltas, (QStringList{QStringLiteral("Hello"), QStringLiteral(", Grüße")}));
    QCOMPARE(d.reasoning(), QStringLiteral("Let me see."));
    QCOMPARE(d.stopReason(), QStringLiteral("end_turn"));
    QCOMPARE(d.usage().inputTokens, 25);
    QCOMPARE(d.usage().outputTokens, 15);
}

void tst_AnthropicStreamDecoder::assemblesToolUseFromJsonDeltas()
{
    const AnthropicStreamDecoder d = decode(
        kStart
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"read_file\",\"input\":{}}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"path\\\": \\\"src/\"}}\n\n"
              "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"main.c\\\"}\"}}\n\n"
              "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
              "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":9}}\n\n"
              "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    QVERIFY(!d.error());
    QCOMPARE(d.toolCalls().size(), 1);
    QCOMPARE(d.toolCalls().first().id, QStringLiteral("toolu_1"));
    QCOMPARE(d.toolCalls().first().name, QStringLiteral("read_file"));
    QCOMPARE(d.toolCalls().first().arguments, QStringLiteral("{\"path\": \"src/main.c\"}"));
    QCOMPARE(d.stopReason(), QStringLiteral("tool_use"));
}

void tst_AnthropicStreamDecoder::errorEventIsTyped_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("kind");
    QTest::newRow("overloaded") << QByteArray("overloaded_error") << QByteArray("Overloaded") << int(ProviderError::Kind::Overloaded);
    QTest::newRow("rate limit") << QByteArray("rate_limit_error") << QByteArray("slow down") << int(ProviderError::Kind::RateLimited);
    QTest::newRow("auth") << QByteArray("authentication_error") << QByteArray("invalid x-api-key") << int(ProviderError::Kind::Auth);
    QTest::newRow("too long") << QByteArray("invalid_request_error") << QByteArray("prompt is too long: 210000 tokens > 200000 maximum")
                              << int(ProviderError::Kind::ContextTooLong);
    QTest::newRow("api") << QByteArray("api_error") << QByteArray("Internal server error") << int(ProviderError::Kind::Server);
}

void tst_AnthropicStreamDecoder::errorEventIsTyped()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, message);
    QFETCH(int, kind);
    const AnthropicStreamDecoder d = decode(
        kStart
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"part\"}}\n\n"
              "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}\n\n");
    QVERIFY(d.error());
    QCOMPARE(int(d.error()->kind), kind);
    QCOMPARE(d.error()->message, QString::fromUtf8(message));
    QCOMPARE(d.text(), QStringLiteral("part"));
}

void tst_AnthropicStreamDecoder::streamWithoutMessageStopIsIncomplete()
{
    const AnthropicStreamDecoder d = decode(
        kStart + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n");
    QVERIFY(d.error());
    QCOMPARE(d.error()->kind, ProviderError::Kind::Incomplete);
    QCOMPARE(d.text(), QStringLiteral("Hel"));
}

QTEST_GUILESS_MAIN(tst_AnthropicStreamDecoder)
#include "tst_anthropicstreamdecoder.moc"
