// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects the three streamed-answer decoders (OpenAI-compatible SSE,
// Anthropic SSE, Ollama's JSON lines), which read whatever a model server
// or anything pretending to be one sends: no input crashes them; the
// answer does not depend on where the body was split; and the text and
// reasoning handed to the callbacks add up to what text() and reasoning()
// hold at the end.
//
// Input: one byte choosing the decoder (0 OpenAI, 1 Anthropic, 2 Ollama,
// modulo 3), a little-endian 16-bit split point (modulo the body's length),
// then the response body.

#include "chat/anthropicstreamdecoder.h"
#include "chat/ollamastreamdecoder.h"
#include "chat/openaistreamdecoder.h"
#include "fuzzsupport.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <memory>

using namespace Realm::Chat;

namespace {

struct Outcome {
    QStringList textDeltas;
    QStringList reasoningDeltas;
    QString text;
    QString reasoning;
    QList<ToolCall> toolCalls;
    Usage usage;
    QString stopReason;
    bool done = false;
    std::optional<ProviderError> error;
};

std::unique_ptr<StreamDecoder> makeDecoder(quint8 kind)
{
    switch (kind % 3) {
    case 0:
        return std::make_unique<OpenAiStreamDecoder>();
    case 1:
        return std::make_unique<AnthropicStreamDecoder>();
    default:
        return std::make_unique<OllamaStreamDecoder>();
    }
}

// `cut` < 0: the body in one read.
Outcome decode(quint8 kind, QByteArrayView body, qsizetype cut)
{
    Outcome out;
    std::unique_ptr<StreamDecoder> decoder = makeDecoder(kind);
    decoder->onText = [&out](const QString &text) { out.textDeltas << text; };
    decoder->onReasoning = [&out](const QString &thought) { out.reasoningDeltas << thought; };
    if (cut < 0) {
        decoder->feed(body);
    } else {
        decoder->feed(body.first(cut));
        decoder->feed(body.sliced(cut));
    }
    decoder->end();
    out.text = decoder->text();
    out.reasoning = decoder->reasoning();
    out.toolCalls = decoder->toolCalls();
    out.usage = decoder->usage();
    out.stopReason = decoder->stopReason();
    out.done = decoder->isDone();
    out.error = decoder->error();
    return out;
}

bool sameToolCalls(const QList<ToolCall> &a, const QList<ToolCall> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).id != b.at(i).id || a.at(i).name != b.at(i).name || a.at(i).arguments != b.at(i).arguments)
            return false;
    }
    return true;
}

bool sameError(const std::optional<ProviderError> &a, const std::optional<ProviderError> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->kind == b->kind && a->message == b->message && a->retryAfterMs == b->retryAfterMs);
}

QString describe(const Outcome &o)
{
    return QStringLiteral("text=%1\nreasoning=%2\ntool calls=%3 stop=%4 done=%5 usage=%6/%7 error=%8 %9")
        .arg(o.text.left(200), o.reasoning.left(200), QString::number(o.toolCalls.size()), o.stopReason,
             o.done ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(o.usage.inputTokens),
             QString::number(o.usage.outputTokens),
             o.error ? QString::number(int(o.error->kind)) : QStringLiteral("none"),
             o.error ? o.error->message.left(200) : QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Realm::Fuzz::ensureCoreApplication();
    QByteArrayView input(data, qsizetype(size));
    const quint8 kind = Realm::Fuzz::takeU8(input);
    const quint16 split = Realm::Fuzz::takeU16(input);
    const QByteArrayView body = input;
    const qsizetype cut = split % (body.size() + 1);

    const Outcome whole = decode(kind, body, -1);
    const Outcome twoReads = decode(kind, body, cut);

    REALM_FUZZ_CHECK(whole.textDeltas.join(QString()) == whole.text,
                     QStringLiteral("the text callbacks do not add up to text()"));
    REALM_FUZZ_CHECK(whole.reasoningDeltas.join(QString()) == whole.reasoning,
                     QStringLiteral("the reasoning callbacks do not add up to reasoning()"));

    const bool same = whole.textDeltas == twoReads.textDeltas && whole.reasoningDeltas == twoReads.reasoningDeltas
                      && whole.text == twoReads.text && whole.reasoning == twoReads.reasoning
                      && sameToolCalls(whole.toolCalls, twoReads.toolCalls)
                      && whole.usage.inputTokens == twoReads.usage.inputTokens
                      && whole.usage.outputTokens == twoReads.usage.outputTokens
                      && whole.stopReason == twoReads.stopReason && whole.done == twoReads.done
                      && sameError(whole.error, twoReads.error);
    REALM_FUZZ_CHECK(same, QStringLiteral("decoder %1: the answer depends on where the body was split (at byte %2)\n"
                                          "--- in one read:\n%3\n--- in two reads:\n%4")
                               .arg(QString::number(kind % 3), QString::number(cut), describe(whole), describe(twoReads)));
    return 0;
}
