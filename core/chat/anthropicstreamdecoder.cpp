// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/anthropicstreamdecoder.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Realm::Chat {

ProviderError AnthropicStreamDecoder::errorFromJson(const QJsonObject &error)
{
    const QString type = error.value(QStringLiteral("type")).toString();
    ProviderError e;
    e.message = error.value(QStringLiteral("message")).toString();
    if (type == QLatin1String("authentication_error") || type == QLatin1String("permission_error"))
        e.kind = ProviderError::Kind::Auth;
    else if (type == QLatin1String("rate_limit_error"))
        e.kind = ProviderError::Kind::RateLimited;
    else if (type == QLatin1String("overloaded_error"))
        e.kind = ProviderError::Kind::Overloaded;
    else if (type == QLatin1String("not_found_error"))
        e.kind = ProviderError::Kind::NotFound;
    else if (type == QLatin1String("request_too_large") || e.message.contains(QLatin1String("too long")))
        e.kind = ProviderError::Kind::ContextTooLong;
    else if (type == QLatin1String("invalid_request_error"))
        e.kind = ProviderError::Kind::BadRequest;
    else
        e.kind = ProviderError::Kind::Server;
    if (e.message.isEmpty())
        e.message = type;
    return e;
}

void AnthropicStreamDecoder::handle(const SseEvent &event)
{
    if (m_error || m_done)
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data.toUtf8());
    if (!doc.isObject()) {
        if (!event.data.trimmed().isEmpty())
            m_error = ProviderError{ProviderError::Kind::Server,
                                    QCoreApplication::translate("Realm::Chat", "The server sent an event that is not JSON: %1").arg(event.data.left(200)), {}};
        return;
    }
    const QJsonObject data = doc.object();
    // The type is in the payload; the SSE event name repeats it.
    QString type = data.value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        type = event.type;

    if (type == QLatin1String("error")) {
        m_error = errorFromJson(data.value(QStringLiteral("error")).toObject());
    } else if (type == QLatin1String("message_start")) {
        const QJsonObject usage = data.value(QStringLiteral("message")).toObject().value(QStringLiteral("usage")).toObject();
        m_usage.inputTokens = usage.value(QStringLiteral("input_tokens")).toInteger(m_usage.inputTokens);
        m_usage.outputTokens = usage.value(QStringLiteral("output_tokens")).toInteger(m_usage.outputTokens);
    } else if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = data.value(QStringLiteral("content_block")).toObject();
        if (block.value(QStringLiteral("type")).toString() == QLatin1String("tool_use")) {
            m_toolCallForBlock.insert(data.value(QStringLiteral("index")).toInt(), m_toolCalls.size());
            m_toolCalls.append(ToolCall{block.value(QStringLiteral("id")).toString(), block.value(QStringLiteral("name")).toString(), {}});
        }
    } else if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
        const QString deltaType = delta.value(QStringLiteral("type")).toString();
        if (deltaType == QLatin1String("text_delta")) {
            appendText(delta.value(QStringLiteral("text")).toString());
        } else if (deltaType == QLatin1String("thinking_delta")) {
            appendReasoning(delta.value(QStringLiteral("thinking")).toString());
        } else if (deltaType == QLatin1String("input_json_delta")) {
            const auto it = m_toolCallForBlock.constFind(data.value(QStringLiteral("index")).toInt());
            if (it != m_toolCallForBlock.cend())
                m_toolCalls[*it].arguments += delta.value(QStringLiteral("partial_json")).toString();
        }
    } else if (type == QLatin1String("message_delta")) {
        const QString reason = data.value(QStringLiteral("delta")).toObject().value(QStringLiteral("stop_reason")).toString();
        if (!reason.isEmpty())
            m_stopReason = reason;
        const QJsonObject usage = data.value(QStringLiteral("usage")).toObject();
        m_usage.outputTokens = usage.value(QStringLiteral("output_tokens")).toInteger(m_usage.outputTokens);
    } else if (type == QLatin1String("message_stop")) {
        m_done = true;
    }
    // ping, content_block_stop and event types added later: nothing to do.
}

void AnthropicStreamDecoder::finish(bool parserHasIncompleteEvent)
{
    Q_UNUSED(parserHasIncompleteEvent); // after message_stop the answer is whole, whatever follows
    if (m_error)
        return;
    if (!m_done)
        failIncomplete(QStringLiteral("no message_stop"));
}

} // namespace Realm::Chat
