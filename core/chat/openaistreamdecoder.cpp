// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/openaistreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Realm::Chat {

ProviderError OpenAiStreamDecoder::errorFromJson(const QJsonObject &error, int httpStatus)
{
    const QString type = error.value(QStringLiteral("type")).toString();
    const QString code = error.value(QStringLiteral("code")).toVariant().toString();
    ProviderError e;
    e.message = error.value(QStringLiteral("message")).toString();
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(QJsonDocument(error).toJson(QJsonDocument::Compact));
    const auto is = [&](const char *word) {
        return type.contains(QLatin1String(word)) || code.contains(QLatin1String(word));
    };
    if (httpStatus == 401 || httpStatus == 403 || is("invalid_api_key") || is("authentication") || is("permission"))
        e.kind = ProviderError::Kind::Auth;
    else if (httpStatus == 429 || is("rate_limit") || is("insufficient_quota"))
        e.kind = ProviderError::Kind::RateLimited;
    else if (is("context_length") || is("context_window") || is("too_long"))
        e.kind = ProviderError::Kind::ContextTooLong;
    else if (httpStatus == 404 || is("model_not_found") || is("not_found"))
        e.kind = ProviderError::Kind::NotFound;
    else if (httpStatus == 503 || httpStatus == 529 || is("overloaded"))
        e.kind = ProviderError::Kind::Overloaded;
    else if (httpStatus == 400 || is("invalid_request"))
        e.kind = ProviderError::Kind::BadRequest;
    else
        e.kind = ProviderError::Kind::Server;
    return e;
}

void OpenAiStreamDecoder::handle(const SseEvent &event)
{
    if (m_error || m_done)
        return;
    const QString data = event.data.trimmed();
    if (data.isEmpty())
        return;
    if (data == QLatin1String("[DONE]")) {
        m_done = true;
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &parseError);
    if (!doc.isObject()) {
        m_error = ProviderError{ProviderError::Kind::Server,
                                QCoreApplication::translate("Realm::Chat", "The server sent a chunk that is not JSON: %1").arg(data.left(200)), {}};
        return;
    }
    const QJsonObject chunk = doc.object();
    if (chunk.contains(QStringLiteral("error"))) { // an error inside a 200 stream
        const QJsonValue error = chunk.value(QStringLiteral("error"));
        m_error = error.isObject() ? errorFromJson(error.toObject())
                                   : ProviderError{ProviderError::Kind::Server, error.toVariant().toString(), {}};
        return;
    }
    if (const QJsonObject usage = chunk.value(QStringLiteral("usage")).toObject(); !usage.isEmpty()) {
        m_usage.inputTokens = usage.value(QStringLiteral("prompt_tokens")).toInteger(m_usage.inputTokens);
        m_usage.outputTokens = usage.value(QStringLiteral("completion_tokens")).toInteger(m_usage.outputTokens);
    }
    // `choices` may be empty (usage or content-filter chunks): nothing to add.
    for (const QJsonValue &choiceValue : chunk.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject choice = choiceValue.toObject();
        if (choice.value(QStringLiteral("index")).toInt(0) != 0)
            continue; // only the first choice is asked for
        const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
        appendText(delta.value(QStringLiteral("content")).toString());
        // DeepSeek and vLLM say reasoning_content, OpenRouter reasoning.
        for (const char *key : {"reasoning_content", "reasoning"})
            appendReasoning(delta.value(QLatin1String(key)).toString());
        for (const QJsonValue &callValue : delta.value(QStringLiteral("tool_calls")).toArray()) {
            const QJsonObject call = callValue.toObject();
            const int index = call.value(QStringLiteral("index")).toInt(int(m_toolCalls.size()));
            if (index < 0 || index > 128)
                continue;
            while (m_toolCalls.size() <= index)
                m_toolCalls.append(ToolCall{});
            ToolCall &merged = m_toolCalls[index];
            if (const QString id = call.value(QStringLiteral("id")).toString(); !id.isEmpty())
                merged.id = id;
            const QJsonObject function = call.value(QStringLiteral("function")).toObject();
            if (const QString name = function.value(QStringLiteral("name")).toString(); !name.isEmpty())
                merged.name += name;
            merged.arguments += function.value(QStringLiteral("arguments")).toString();
        }
        if (const QString reason = choice.value(QStringLiteral("finish_reason")).toString(); !reason.isEmpty())
            m_stopReason = reason;
    }
}

void OpenAiStreamDecoder::finish(bool parserHasIncompleteEvent)
{
    if (m_error)
        return;
    // Some servers omit [DONE] but always send a finish_reason; a stream
    // with neither was cut off.
    if (!m_done && (m_stopReason.isEmpty() || parserHasIncompleteEvent))
        failIncomplete(QCoreApplication::translate("Realm::Chat", "the connection closed early"));
    else if (m_stopReason == QLatin1String("length") && m_text.isEmpty() && m_toolCalls.isEmpty())
        m_error = ProviderError{ProviderError::Kind::ContextTooLong,
                                QCoreApplication::translate("Realm::Chat", "The model stopped at its length limit before writing anything."), {}};
}

} // namespace Realm::Chat
