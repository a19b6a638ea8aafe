// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providererror.h"
#include "chat/sseparser.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Realm::Chat {

struct ToolCall {
    QString id;
    QString name;
    QString arguments; // JSON text, as streamed
};

struct Usage {
    qint64 inputTokens = -1; // -1: not reported
    qint64 outputTokens = -1;
};

// Turns the server-sent events of an OpenAI-compatible Chat Completions
// stream (OpenAI, llama.cpp, LM Studio, vLLM, Ollama /v1, OpenRouter) into
// text and reasoning deltas, merged tool calls, usage and the outcome. Copes
// with what real servers send: `choices: []` chunks, unknown fields, errors
// inside a 200 stream, and streams that stop without `[DONE]`.
class OpenAiStreamDecoder final {
public:
    std::function<void(const QString &)> onText;
    std::function<void(const QString &)> onReasoning;

    void handle(const SseEvent &event);
    // Call at end of stream; `parserHasIncompleteEvent` from SseParser.
    // Afterwards error() tells whether the answer is complete.
    void finish(bool parserHasIncompleteEvent);

    const QString &text() const { return m_text; }
    const QString &reasoning() const { return m_reasoning; }
    const QList<ToolCall> &toolCalls() const { return m_toolCalls; }
    Usage usage() const { return m_usage; }
    const QString &finishReason() const { return m_finishReason; }
    bool isDone() const { return m_done; }
    const std::optional<ProviderError> &error() const { return m_error; }

    // The error kind for an OpenAI-style error object (`type`/`code`).
    static ProviderError errorFromJson(const QJsonObject &error, int httpStatus = 0);

private:
    QString m_text;
    QString m_reasoning;
    QList<ToolCall> m_toolCalls;
    Usage m_usage;
    QString m_finishReason;
    bool m_done = false;
    std::optional<ProviderError> m_error;
};

} // namespace Realm::Chat
