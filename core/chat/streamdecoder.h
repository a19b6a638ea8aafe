// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providererror.h"
#include "chat/sseparser.h"

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

// What one streamed answer has produced so far, whatever the provider:
// text and reasoning (with callbacks as they arrive), tool calls, usage, why
// it stopped, and how it ended. Each provider's decoder fills it from its
// own wire format, fed with the response body as it arrives.
class StreamDecoder {
public:
    virtual ~StreamDecoder() = default;

    std::function<void(const QString &)> onText;
    std::function<void(const QString &)> onReasoning;

    // Bytes of the response body, split anywhere.
    virtual void feed(QByteArrayView bytes) = 0;
    // The body has ended; afterwards error() says whether the answer is
    // complete.
    virtual void end() = 0;

    const QString &text() const { return m_text; }
    const QString &reasoning() const { return m_reasoning; }
    const QList<ToolCall> &toolCalls() const { return m_toolCalls; }
    Usage usage() const { return m_usage; }
    const QString &stopReason() const { return m_stopReason; }
    bool isDone() const { return m_done; }
    const std::optional<ProviderError> &error() const { return m_error; }

protected:
    void appendText(const QString &text);
    void appendReasoning(const QString &thought);
    void failIncomplete(const QString &detail);

    QString m_text;
    QString m_reasoning;
    QList<ToolCall> m_toolCalls;
    Usage m_usage;
    QString m_stopReason;
    bool m_done = false;
    std::optional<ProviderError> m_error;
};

// A decoder for providers that stream server-sent events: the bytes go
// through the one SSE parser, the events to handle().
class SseStreamDecoder : public StreamDecoder {
public:
    void feed(QByteArrayView bytes) final;
    void end() final;

    virtual void handle(const SseEvent &event) = 0;
    // At end of stream; `parserHasIncompleteEvent`: the body stopped inside
    // an event.
    virtual void finish(bool parserHasIncompleteEvent) = 0;

private:
    SseParser m_parser;
};

} // namespace Realm::Chat
