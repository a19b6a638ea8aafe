// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects SseParser, which reads every byte an SSE provider (OpenAI,
// Anthropic, OpenAI-compatible servers) sends: no input crashes it, and the
// events do not depend on where the network split the bytes — inside a
// UTF-8 character, between a CR and its LF, inside the BOM.
//
// Input: two little-endian 16-bit numbers (split points, taken modulo the
// stream's length), then the stream itself. The stream is parsed in one
// read, in two and three reads at those points, and one byte per read; all
// four must give the same events, last event id, retry and end state.

#include "chat/sseparser.h"
#include "fuzzsupport.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using Realm::Chat::SseEvent;
using Realm::Chat::SseParser;

namespace {

struct Outcome {
    QList<SseEvent> events;
    QString lastEventId;
    std::optional<qint64> retryMs;
    bool incomplete = false;
};

// `cuts`: ascending positions within the stream where one read ends and
// the next begins.
Outcome parse(QByteArrayView stream, const QList<qsizetype> &cuts)
{
    SseParser parser;
    Outcome out;
    qsizetype at = 0;
    for (const qsizetype cut : cuts) {
        out.events += parser.feed(stream.sliced(at, cut - at));
        at = cut;
    }
    out.events += parser.feed(stream.sliced(at));
    out.lastEventId = parser.lastEventId();
    out.retryMs = parser.retryMs();
    out.incomplete = parser.hasIncompleteEvent();
    return out;
}

QString describe(const Outcome &o)
{
    QStringList lines;
    for (const SseEvent &e : o.events)
        lines << QStringLiteral("event type=%1 id=%2 data=%3").arg(e.type, e.id, e.data.left(200));
    lines << QStringLiteral("lastEventId=%1 retry=%2 incomplete=%3")
                 .arg(o.lastEventId, o.retryMs ? QString::number(*o.retryMs) : QStringLiteral("none"),
                      o.incomplete ? QStringLiteral("yes") : QStringLiteral("no"));
    return lines.join(QLatin1Char('\n'));
}

void expectSame(const Outcome &whole, const Outcome &split, const QList<qsizetype> &cuts)
{
    const bool same = whole.events == split.events && whole.lastEventId == split.lastEventId
                      && whole.retryMs == split.retryMs && whole.incomplete == split.incomplete;
    if (same)
        return;
    QStringList at;
    for (const qsizetype cut : cuts.first(std::min<qsizetype>(cuts.size(), 20)))
        at << QString::number(cut);
    REALM_FUZZ_CHECK(same, QStringLiteral("the events depend on where the bytes were split (reads end at %1%2)\n"
                                          "--- in one read:\n%3\n--- split:\n%4")
                               .arg(at.join(QLatin1Char(' ')), cuts.size() > 20 ? QStringLiteral(" …") : QString(),
                                    describe(whole), describe(split)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView input(data, qsizetype(size));
    const quint16 a = Realm::Fuzz::takeU16(input);
    const quint16 b = Realm::Fuzz::takeU16(input);
    const QByteArrayView stream = input;
    const qsizetype n = stream.size();

    const Outcome whole = parse(stream, {});

    const qsizetype first = n == 0 ? 0 : a % (n + 1);
    const qsizetype second = n == 0 ? 0 : b % (n + 1);
    expectSame(whole, parse(stream, {first}), {first});
    const QList<qsizetype> three{std::min(first, second), std::max(first, second)};
    expectSame(whole, parse(stream, three), three);

    QList<qsizetype> everyByte;
    everyByte.reserve(n);
    for (qsizetype i = 1; i < n; ++i)
        everyByte.append(i);
    expectSame(whole, parse(stream, everyByte), everyByte);
    return 0;
}
