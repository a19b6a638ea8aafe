// SPDX-License-Identifier: GPL-3.0-or-later
// Ollama's native /api/chat stream (NDJSON), as the server writes it, fed in
// every read size down to single bytes.
#include "chat/ollamastreamdecoder.h"
#include "decodestream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;

namespace {
const QByteArray kAnswer =
    "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-26T08:52:19.385406455Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Grüß\"},\"done\":false}\n"
    "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-26T08:52:19.4Z\",\"message\":{\"role\":\"assistant\",\"content\":\" dich 👋\"},\"done\":false}\n"
    "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-26T08:52:19.5Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
    "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":4883583458,\"load_duration\":1334875,"
    "\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}\n";
} // namespace

class tst_OllamaStreamDecoder final : public QObject {
    Q_OBJECT
private slots:
    void textArrivesInOrderWhateverTheReadSize_data();
    void textArrivesInOrderWhateverTheReadSize();
    void thinkingIsKeptApartFromTheAnswer();
    void toolCallsArriveWholeWithObjectArguments();
    void errorLineEndsTheAnswerWithATypedError();
    void streamWithoutDoneIsIncomplete();
    void lastLineWithoutNewlineStillCounts();
    void garbageLineIsAServerError();
    void errorMessagesMapToKinds();
};

void tst_OllamaStreamDecoder::textArrivesInOrderWhateverTheReadSize_data()
{
    QTest::addColumn<int>("readSize");
    for (int size : {1, 2, 3, 7, 64, 4096})
        QTest::addRow("%d", size) << size;
}

void tst_OllamaStreamDecoder::textArrivesInOrderWhateverTheReadSize()
{
    QFETCH(int, readSize);
    QStringList deltas;
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>(kAnswer, readSize, &deltas);
    QVERIFY(!d.error());
    QVERIFY(d.isDone());
    QCOMPARE(deltas, QStringList({QStringLiteral("Grüß"), QStringLiteral(" dich 👋")}));
    QCOMPARE(d.text(), QStringLiteral("Grüß dich 👋"));
    QCOMPARE(d.stopReason(), QStringLiteral("stop"));
    QCOMPARE(d.usage().inputTokens, 26);
    QCOMPARE(d.usage().outputTokens, 282);
}

void tst_OllamaStreamDecoder::thinkingIsKeptApartFromTheAnswer()
{
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>(
        "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Let me see.\"},\"done\":false}\n"
        "{\"message\":{\"role\":\"assistant\",\"content\":\"42\"},\"done\":false}\n"
        "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n",
        5);
    QVERIFY(!d.error());
    QCOMPARE(d.reasoning(), QStringLiteral("Let me see."));
    QCOMPARE(d.text(), QStringLiteral("42"));
}

void tst_OllamaStreamDecoder::toolCallsArriveWholeWithObjectArguments()
{
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>(
        "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
        "{\"function\":{\"name\":\"read_file\",\"arguments\":{\"path\":\"src/main.cpp\"}}},"
        "{\"function\":{\"name\":\"search_project\",\"arguments\":{\"query\":\"TODO\",\"limit\":5}}}]},\"done\":false}\n"
        "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true}\n",
        11);
    QVERIFY(!d.error());
    QCOMPARE(d.toolCalls().size(), 2);
    QCOMPARE(d.toolCalls().at(0).name, QStringLiteral("read_file"));
    QCOMPARE(QJsonDocument::fromJson(d.toolCalls().at(0).arguments.toUtf8()).object().value(QStringLiteral("path")).toString(),
             QStringLiteral("src/main.cpp"));
    QCOMPARE(QJsonDocument::fromJson(d.toolCalls().at(1).arguments.toUtf8()).object().value(QStringLiteral("limit")).toInt(), 5);
    QVERIFY(d.toolCalls().at(0).id != d.toolCalls().at(1).id); // ids are made up when Ollama gives none
}

void tst_OllamaStreamDecoder::errorLineEndsTheAnswerWithATypedError()
{
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>(
        "{\"message\":{\"role\":\"assistant\",\"content\":\"partial\"},\"done\":false}\n"
        "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n",
        4);
    QVERIFY(d.error());
    QCOMPARE(d.error()->kind, ProviderError::Kind::Server);
    QVERIFY(d.error()->message.contains(QStringLiteral("unexpected EOF")));
    QCOMPARE(d.text(), QStringLiteral("partial")); // what arrived is kept
}

void tst_OllamaStreamDecoder::streamWithoutDoneIsIncomplete()
{
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>(kAnswer.left(kAnswer.indexOf("\n{\"model\":\"llama3.2\",\"created_at\":\"2026-11-26T08:52:19.5Z\"") + 1), 9);
    QVERIFY(d.error());
    QCOMPARE(d.error()->kind, ProviderError::Kind::Incomplete);
    QCOMPARE(d.text(), QStringLiteral("Grüß dich 👋"));
}

void tst_OllamaStreamDecoder::lastLineWithoutNewlineStillCounts()
{
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>(kAnswer.chopped(1), 13);
    QVERIFY(!d.error());
    QVERIFY(d.isDone());
}

void tst_OllamaStreamDecoder::garbageLineIsAServerError()
{
    const OllamaStreamDecoder d = Test::decodeStream<OllamaStreamDecoder>("<html>502 Bad Gateway</html>\n", 3);
    QVERIFY(d.error());
    QCOMPARE(d.error()->kind, ProviderError::Kind::Server);
    QVERIFY(d.error()->message.contains(QStringLiteral("502 Bad Gateway")));
}

void tst_OllamaStreamDecoder::errorMessagesMapToKinds()
{
    using Kind = ProviderError::Kind;
    QCOMPARE(OllamaStreamDecoder::errorFromMessage(QStringLiteral("model \"nope\" not found, try pulling it first"), 404).kind, Kind::NotFound);
    QCOMPARE(OllamaStreamDecoder::errorFromMessage(QStringLiteral("model \"nope\" not found, try pulling it first")).kind, Kind::NotFound);
    QCOMPARE(OllamaStreamDecoder::errorFromMessage(QStringLiteral("unauthorized"), 401).kind, Kind::Auth);
    QCOMPARE(OllamaStreamDecoder::errorFromMessage(QStringLiteral("server busy, please try again.  maximum pending requests exceeded"), 503).kind,
             Kind::Overloaded);
    QCOMPARE(OllamaStreamDecoder::errorFromMessage(QStringLiteral("input length exceeds the context length")).kind, Kind::ContextTooLong);
    QCOMPARE(OllamaStreamDecoder::errorFromMessage(QStringLiteral("invalid message format"), 400).kind, Kind::BadRequest);
}

QTEST_GUILESS_MAIN(tst_OllamaStreamDecoder)
#include "tst_ollamastreamdecoder.moc"
