// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ollamastreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Realm::Chat {

ProviderError OllamaStreamDecoder::errorFromMessage(const QString &message, int httpStatus)
{
    ProviderError e;
    e.message = message;
    const auto says = [&](const char *words) { return message.contains(QLatin1String(words), Qt::CaseInsensitive); };
    if (httpStatus == 401 || httpStatus == 403 || says("unauthorized"))
        e.kind = ProviderError::Kind::Auth;
    else if (httpStatus == 404 || (says("model") && says("not found")))
        e.kind = ProviderError::Kind::NotFound;
    else if (httpStatus == 429)
        e.kind = ProviderError::Kind::RateLimited;
    else if (says("context") && (says("exceed") || says("too long") || says("length")))
        e.kind = ProviderError::Kind::ContextTooLong;
    else if (httpStatus == 503 || says("server busy") || says("overloaded"))
        e.kind = ProviderError::Kind::Overloaded;
    else if (httpStatus == 400)
        e.kind = ProviderError::Kind::BadRequest;
    else
        e.kind = ProviderError::Kind::Server;
    return e;
}

void OllamaStreamDecoder::feed(QByteArrayView bytes)
{
    // Lines are split only at '\n', which never occurs inside a UTF-8
    // character, so a character split across reads is rejoined here.
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n')
            continue;
        if (m_line.isEmpty()) {
            handleLine(bytes.sliced(start, i - start));
        } else {
            m_line += bytes.sliced(start, i - start);
            handleLine(m_line);
            m_line.clear();
        }
        start = i + 1;
    }
    m_line += bytes.sliced(start);
}

void OllamaStreamDecoder::handleLine(QByteArrayView line)
{
    line = line.trimmed();
    if (line.isEmpty() || m_error || m_done)
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray());
    if (!doc.isObject()) {
        m_error = ProviderError{ProviderError::Kind::Server,
                                QCoreApplication::translate("Realm::Chat", "The server sent a line that is not JSON: %1").arg(QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 200)))), {}};
        return;
    }
    const QJsonObject chunk = doc.object();
    if (chunk.contains(QStringLiteral("error"))) {
        m_error = errorFromMessage(chunk.value(QStringLiteral("error")).toString());
        return;
    }
    const QJsonObject message = chunk.value(QStringLiteral("message")).toObject();
    appendText(message.value(QStringLiteral("content")).toString());
    appendReasoning(message.value(QStringLiteral("thinking")).toString());
    // Ollama sends each tool call whole, with its arguments as an object.
    for (const QJsonValue &callValue : message.value(QStringLiteral("tool_calls")).toArray()) {
        const QJsonObject function = callValue.toObject().value(QStringLiteral("function")).toObject();
        ToolCall call;
        call.id = callValue.toObject().value(QStringLiteral("id")).toString();
        if (call.id.isEmpty())
            call.id = QStringLiteral("call_%1").arg(m_toolCalls.size());
        call.name = function.value(QStringLiteral("name")).toString();
        const QJsonValue arguments = function.value(QStringLiteral("arguments"));
        call.arguments = arguments.isString() ? arguments.toString()
                                              : QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact));
        m_toolCalls.append(call);
    }
    if (chunk.value(QStringLiteral("done")).toBool()) {
        m_done = true;
        m_stopReason = chunk.value(QStringLiteral("done_reason")).toString(QStringLiteral("stop"));
        m_usage.inputTokens = chunk.value(QStringLiteral("prompt_eval_count")).toInteger(m_usage.inputTokens);
        m_usage.outputTokens = chunk.value(QStringLiteral("eval_count")).toInteger(m_usage.outputTokens);
    }
}

void OllamaStreamDecoder::end()
{
    if (!m_line.isEmpty()) { // the last line may come without its newline
        handleLine(m_line);
        m_line.clear();
    }
    if (!m_error && !m_done)
        failIncomplete(QStringLiteral("no final \"done\" line"));
}

} // namespace Realm::Chat
