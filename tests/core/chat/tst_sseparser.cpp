// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/sseparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Realm::Chat;

using Events = QList<SseEvent>;
Q_DECLARE_METATYPE(SseEvent)

namespace {
SseEvent sse(const QString &data, const QString &type = QStringLiteral("message"), const QString &id = {})
{
    SseEvent e;
    e.data = data;
    e.type = type;
    e.id = id;
    return e;
}

Events feedInChunks(const QByteArray &stream, const QList<qsizetype> &sizes, bool *incomplete = nullptr)
{
    SseParser parser;
    Events events;
    qsizetype at = 0;
    for (qsizetype i = 0; at < stream.size(); ++i) {
        const qsizetype n = qMin(sizes.at(i % sizes.size()), stream.size() - at);
        events += parser.feed(QByteArrayView(stream).sliced(at, n));
        at += n;
    }
    if (incomplete)
        *incomplete = parser.hasIncompleteEvent();
    return events;
}
} // namespace

class tst_SseParser final : public QObject {
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void remembersRetryAndLastEventId();
};

void tst_SseParser::parses_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Events>("expected");
    QTest::addColumn<bool>("incomplete");

    QTest::newRow("one event") << QByteArray("data: hello\n\n") << Events{sse(QStringLiteral("hello"))} << false;
    QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n")
                          << Events{sse(QStringLiteral("a")), sse(QStringLiteral("b"))} << false;
    QTest::newRow("CR only") << QByteArray("data: a\r\rdata: b\r\r")
                             << Events{sse(QStringLiteral("a")), sse(QStringLiteral("b"))} << false;
    QTest::newRow("mixed line ends") << QByteArray("data: a\rdata: b\r\ndata: c\n\r\n")
                                     << Events{sse(QStringLiteral("a\nb\nc"))} << false;
    QTest::newRow("multi-line data") << QByteArray("data: first\ndata: second\ndata:\n\n")
                                     << Events{sse(QStringLiteral("first\nsecond\n"))} << false;
    QTest::newRow("comments and pings") << QByteArray(": keep-alive\n:ping\ndata: x\n: more\n\n")
                                        << Events{sse(QStringLiteral("x"))} << false;
    QTest::newRow("no space after colon") << QByteArray("data:x\n\n") << Events{sse(QStringLiteral("x"))} << false;
    QTest::newRow("only one space removed") << QByteArray("data:  x\n\n") << Events{sse(QStringLiteral(" x"))} << false;
    QTest::newRow("field without colon") << QByteArray("data\n\n") << Events{sse(QString())} << false;
    QTest::newRow("event type") << QByteArray("event: content_block_delta\ndata: {}\n\n")
                                << Events{sse(QStringLiteral("{}"), QStringLiteral("content_block_delta"))} << false;
    QTest::newRow("type resets after dispatch") << QByteArray("event: ping\ndata: 1\n\ndata: 2\n\n")
                                                << Events{sse(QStringLiteral("1"), QStringLiteral("ping")), sse(QStringLiteral("2"))} << false;
    QTest::newRow("id persists") << QByteArray("id: 7\ndata: a\n\ndata: b\n\n")
                                 << Events{sse(QStringLiteral("a"), QStringLiteral("message"), QStringLiteral("7")),
                                           sse(QStringLiteral("b"), QStringLiteral("message"), QStringLiteral("7"))} << false;
    QTest::newRow("id with NUL ignored") << QByteArray("id: 1\ndata: a\n\nid: x\0y\ndata: b\n\n", 32)
                                         << Events{sse(QStringLiteral("a"), QStringLiteral("message"), QStringLiteral("1")),
                                                   sse(QStringLiteral("b"), QStringLiteral("message"), QStringLiteral("1"))} << false;
    QTest::newRow("unknown fields ignored") << QByteArray("foo: bar\ndata: x\nbaz\n\n") << Events{sse(QStringLiteral("x"))} << false;
    QTest::newRow("blank line without data") << QByteArray("event: nothing\n\n\n\ndata: y\n\n") << Events{sse(QStringLiteral("y"))} << false;
    QTest::newRow("leading BOM dropped") << QByteArray("\xEF\xBB\xBF" "data: x\n\n") << Events{sse(QStringLiteral("x"))} << false;
    QTest::newRow("BOM later is a field name") << QByteArray("data: a\n\n\xEF\xBB\xBF" "data: b\n\n")
                                               << Events{sse(QStringLiteral("a"))} << false;
    QTest::newRow("UTF-8 characters") << QStringLiteral("data: Grüße, 世界 😀\n\n").toUtf8()
                                      << Events{sse(QStringLiteral("Grüße, 世界 😀"))} << false;
    QTest::newRow("cut off mid-event") << QByteArray("data: done\n\ndata: partial\n")
                                       << Events{sse(QStringLiteral("done"))} << true;
    QTest::newRow("cut off mid-line") << QByteArray("data: done\n\ndata: part") << Events{sse(QStringLiteral("done"))} << true;
    QTest::newRow("OpenAI stream")
        << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                      "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
                      "data: {\"choices\":[],\"usage\":{\"total_tokens\":9}}\n\n"
                      "data: [DONE]\n\n")
        << Events{sse(QStringLiteral("{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}")),
                  sse(QStringLiteral("{\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}")),
                  sse(QStringLiteral("{\"choices\":[],\"usage\":{\"total_tokens\":9}}")), sse(QStringLiteral("[DONE]"))}
        << false;
    QTest::newRow("Anthropic stream")
        << QByteArray("event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\n"
                      "event: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n"
                      "event: error\r\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}\r\n\r\n")
        << Events{sse(QStringLiteral("{\"type\":\"message_start\"}"), QStringLiteral("message_start")),
                  sse(QStringLiteral("{\"type\": \"ping\"}"), QStringLiteral("ping")),
                  sse(QStringLiteral("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}"), QStringLiteral("error"))}
        << false;
}

void tst_SseParser::parses()
{
    QFETCH(QByteArray, stream);
    QFETCH(Events, expected);
    QFETCH(bool, incomplete);

    bool cutOff = false;
    QCOMPARE(feedInChunks(stream, {stream.size() + 1}, &cutOff), expected); // all at once
    QCOMPARE(cutOff, incomplete);
    QCOMPARE(feedInChunks(stream, {1}, &cutOff), expected); // byte by byte: splits CRLF, BOM and UTF-8
    QCOMPARE(cutOff, incomplete);
    QRandomGenerator rng(42);
    for (int round = 0; round < 50; ++round) {
        QList<qsizetype> sizes;
        for (int i = 0; i < 16; ++i)
            sizes << 1 + rng.bounded(7);
        QCOMPARE(feedInChunks(stream, sizes, &cutOff), expected);
        QCOMPARE(cutOff, incomplete);
    }
}

void tst_SseParser::remembersRetryAndLastEventId()
{
    SseParser parser;
    QVERIFY(!parser.retryMs());
    parser.feed("retry: 2500\nretry: soon\nid: abc\n\n");
    QCOMPARE(parser.retryMs(), 2500);
    QCOMPARE(parser.lastEventId(), QStringLiteral("abc"));
}

QTEST_GUILESS_MAIN(tst_SseParser)
#include "tst_sseparser.moc"
