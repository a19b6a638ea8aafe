// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/openaistreamdecoder.h"

#include <QHash>

namespace Realm::Chat {

// Turns the server-sent events of an Anthropic Messages stream into text and
// thinking deltas, tool calls (tool_use blocks with input_json_delta), usage
// and the outcome. `ping` and unknown events are ignored; `event: error`
// ends the answer with a typed error; a stream without message_stop is
// incomplete.
class AnthropicStreamDecoder final {
public:
    std::function<void(const QString &)> onText;
    std::function<void(const QString &)> onReasoning;

    void handle(const SseEvent &event);
    void finish(bool parserHasIncompleteEvent);

    const QString &text() const { return m_text; }
    const QString &reasoning() const { return m_reasoning; }
    const QList<ToolCall> &toolCalls() const { return m_toolCalls; }
    Usage usage() const { return m_usage; }
    const QString &stopReason() const { return m_stopReason; }
    bool isDone() const { return m_done; }
    const std::optional<ProviderError> &error() const { return m_error; }

    // The error kind for an Anthropic error object ({"type": "...", "message": "..."}).
    static ProviderError errorFromJson(const QJsonObject &error);

private:
    QString m_text;
    QString m_reasoning;
    QList<ToolCall> m_toolCalls;
    QHash<int, qsizetype> m_toolCallForBlock; // content block index -> m_toolCalls index
    Usage m_usage;
    QString m_stopReason;
    bool m_done = false;
    std::optional<ProviderError> m_error;
};

} // namespace Realm::Chat
