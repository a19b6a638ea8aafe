// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/streamdecoder.h"

#include <QCoreApplication>

namespace Realm::Chat {

void StreamDecoder::appendText(const QString &text)
{
    if (text.isEmpty())
        return;
    m_text += text;
    if (onText)
        onText(text);
}

void StreamDecoder::appendReasoning(const QString &thought)
{
    if (thought.isEmpty())
        return;
    m_reasoning += thought;
    if (onReasoning)
        onReasoning(thought);
}

void StreamDecoder::failIncomplete(const QString &detail)
{
    m_error = ProviderError{ProviderError::Kind::Incomplete,
                            QCoreApplication::translate("Realm::Chat", "The answer stopped before the server finished it (%1).").arg(detail), {}};
}

void SseStreamDecoder::feed(QByteArrayView bytes)
{
    for (const SseEvent &event : m_parser.feed(bytes))
        handle(event);
}

void SseStreamDecoder::end()
{
    finish(m_parser.hasIncompleteEvent());
}

} // namespace Realm::Chat
