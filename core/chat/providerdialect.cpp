// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/providerdialect.h"

#include "chat/anthropicstreamdecoder.h"
#include "chat/ollamastreamdecoder.h"
#include "chat/openaistreamdecoder.h"
#include "common/buildconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Realm::Chat {

namespace {

// Tools as OpenAI and Ollama take them: {"type": "function", "function": {…}}.
QJsonArray functionTools(const QList<ToolSpec> &tools)
{
    QJsonArray out;
    for (const ToolSpec &tool : tools)
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                               {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), tool.name},
                                                                        {QStringLiteral("description"), tool.description},
                                                                        {QStringLiteral("parameters"), tool.parameters}}}});
    return out;
}

QJsonObject argumentsObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString messageOf(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body.left(300)).simplified();
    return text.isEmpty() ? QCoreApplication::translate("Realm::Chat", "(no details in the response)") : text;
}

Result<QStringList> modelIds(const QByteArray &body, const QString &listKey, const QString &idKey)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(listKey).isArray())
        return Error::failed(QCoreApplication::translate("Realm::Chat", "The server's model list is not in the expected format: %1")
                                 .arg(messageOf(body)));
    QStringList ids;
    for (const QJsonValue &model : doc.object().value(listKey).toArray()) {
        if (const QString id = model.toObject().value(idKey).toString(); !id.isEmpty())
            ids << id;
    }
    ids.sort(Qt::CaseInsensitive);
    return ids;
}

// OpenAI Chat Completions and every server that speaks it.
class OpenAiDialect final : public ProviderDialect {
public:
    QNetworkRequest chatRequest(const ProviderProfile &profile) const override
    {
        return authorized(baseRequest(profile, QStringLiteral("/chat/completions")), profile);
    }

    QByteArray chatBody(const ChatRequest &request) const override
    {
        QJsonArray messages;
        for (const ChatMessage &m : request.messages) {
            QJsonObject message{{QStringLiteral("role"), ChatMessage::roleName(m.role)}, {QStringLiteral("content"), m.content}};
            if (!m.toolCalls.isEmpty()) {
                QJsonArray calls;
                for (const ToolCall &call : m.toolCalls)
                    calls.append(QJsonObject{{QStringLiteral("id"), call.id},
                                             {QStringLiteral("type"), QStringLiteral("function")},
                                             {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), call.name},
                                                                                       {QStringLiteral("arguments"), call.arguments}}}});
                message.insert(QStringLiteral("tool_calls"), calls);
            }
            if (m.role == ChatMessage::Role::Tool)
                message.insert(QStringLiteral("tool_call_id"), m.toolCallId);
            messages.append(message);
        }
        QJsonObject body{{QStringLiteral("model"), request.model},
                         {QStringLiteral("messages"), messages},
                         {QStringLiteral("stream"), true},
                         {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};
        if (!request.tools.isEmpty())
            body.insert(QStringLiteral("tools"), functionTools(request.tools));
        if (request.temperature)
            body.insert(QStringLiteral("temperature"), *request.temperature);
        if (request.maxOutputTokens > 0)
            body.insert(QStringLiteral("max_tokens"), request.maxOutputTokens);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<StreamDecoder> createDecoder() const override { return std::make_unique<OpenAiStreamDecoder>(); }
    bool isStream(const QByteArray &contentType) const override { return contentType.startsWith("text/event-stream"); }

    ProviderError errorFromResponse(int httpStatus, const QByteArray &body) const override
    {
        const QJsonValue error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error"));
        if (error.isObject())
            return OpenAiStreamDecoder::errorFromJson(error.toObject(), httpStatus);
        if (error.isString()) // llama.cpp and some proxies
            return errorForStatus(httpStatus, error.toString());
        return errorForStatus(httpStatus, messageOf(body));
    }

    QNetworkRequest modelsRequest(const ProviderProfile &profile) const override
    {
        return authorized(baseRequest(profile, QStringLiteral("/models")), profile);
    }

    Result<QStringList> parseModels(const QByteArray &body) const override
    {
        return modelIds(body, QStringLiteral("data"), QStringLiteral("id"));
    }

private:
    static QNetworkRequest authorized(QNetworkRequest request, const ProviderProfile &profile)
    {
        if (!profile.apiKey.isEmpty()) // local servers need none
            request.setRawHeader("Authorization", "Bearer " + profile.apiKey.toUtf8());
        request.setRawHeader("Accept", "text/event-stream, application/json");
        return request;
    }
};

// Anthropic Messages.
class AnthropicDialect final : public ProviderDialect {
public:
    QNetworkRequest chatRequest(const ProviderProfile &profile) const override
    {
        return authorized(baseRequest(profile, QStringLiteral("/v1/messages")), profile);
    }

    QByteArray chatBody(const ChatRequest &request) const override
    {
        QString system;
        QJsonArray messages;
        for (const ChatMessage &m : request.messages) {
            switch (m.role) {
            case ChatMessage::Role::System:
                system += (system.isEmpty() ? QString() : QStringLiteral("\n\n")) + m.content;
                break;
            case ChatMessage::Role::User:
                messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), m.content}});
                break;
            case ChatMessage::Role::Assistant: {
                QJsonArray content;
                if (!m.content.isEmpty())
                    content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), m.content}});
                for (const ToolCall &call : m.toolCalls)
                    content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                               {QStringLiteral("id"), call.id},
                                               {QStringLiteral("name"), call.name},
                                               {QStringLiteral("input"), argumentsObject(call.arguments)}});
                messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), content}});
                break;
            }
            case ChatMessage::Role::Tool: {
                // Results of one turn's tool calls go back together, in one user message.
                const QJsonObject result{{QStringLiteral("type"), QStringLiteral("tool_result")},
                                         {QStringLiteral("tool_use_id"), m.toolCallId},
                                         {QStringLiteral("content"), m.content}};
                QJsonObject last = messages.isEmpty() ? QJsonObject() : messages.last().toObject();
                if (last.value(QStringLiteral("role")).toString() == QLatin1String("user")
                    && last.value(QStringLiteral("content")).isArray()) {
                    QJsonArray content = last.value(QStringLiteral("content")).toArray();
                    content.append(result);
                    last.insert(QStringLiteral("content"), content);
                    messages.replace(messages.size() - 1, last);
                } else {
                    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), QJsonArray{result}}});
                }
                break;
            }
            }
        }
        QJsonObject body{{QStringLiteral("model"), request.model},
                         {QStringLiteral("messages"), messages},
                         {QStringLiteral("max_tokens"), request.maxOutputTokens > 0 ? request.maxOutputTokens : 4096},
                         {QStringLiteral("stream"), true}};
        if (!system.isEmpty())
            body.insert(QStringLiteral("system"), system);
        if (!request.tools.isEmpty()) {
            QJsonArray tools;
            for (const ToolSpec &tool : request.tools)
                tools.append(QJsonObject{{QStringLiteral("name"), tool.name},
                                         {QStringLiteral("description"), tool.description},
                                         {QStringLiteral("input_schema"), tool.parameters}});
            body.insert(QStringLiteral("tools"), tools);
        }
        if (request.temperature)
            body.insert(QStringLiteral("temperature"), *request.temperature);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<StreamDecoder> createDecoder() const override { return std::make_unique<AnthropicStreamDecoder>(); }
    bool isStream(const QByteArray &contentType) const override { return contentType.startsWith("text/event-stream"); }

    ProviderError errorFromResponse(int httpStatus, const QByteArray &body) const override
    {
        const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
        if (!error.isEmpty())
            return AnthropicStreamDecoder::errorFromJson(error);
        return errorForStatus(httpStatus, messageOf(body));
    }

    QNetworkRequest modelsRequest(const ProviderProfile &profile) const override
    {
        return authorized(baseRequest(profile, QStringLiteral("/v1/models")), profile);
    }

    Result<QStringList> parseModels(const QByteArray &body) const override
    {
        return modelIds(body, QStringLiteral("data"), QStringLiteral("id"));
    }

private:
    static QNetworkRequest authorized(QNetworkRequest request, const ProviderProfile &profile)
    {
        if (!profile.apiKey.isEmpty())
            request.setRawHeader("x-api-key", profile.apiKey.toUtf8());
        request.setRawHeader("anthropic-version", "2023-06-01");
        return request;
    }
};

// Ollama's native API.
class OllamaDialect final : public ProviderDialect {
public:
    QNetworkRequest chatRequest(const ProviderProfile &profile) const override
    {
        return authorized(baseRequest(profile, QStringLiteral("/api/chat")), profile);
    }

    QByteArray chatBody(const ChatRequest &request) const override
    {
        QJsonArray messages;
        for (const ChatMessage &m : request.messages) {
            QJsonObject message{{QStringLiteral("role"), ChatMessage::roleName(m.role)}, {QStringLiteral("content"), m.content}};
            if (!m.toolCalls.isEmpty()) {
                QJsonArray calls;
                for (const ToolCall &call : m.toolCalls)
                    calls.append(QJsonObject{{QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), call.name},
                                                                                      {QStringLiteral("arguments"), argumentsObject(call.arguments)}}}});
                message.insert(QStringLiteral("tool_calls"), calls);
            }
            if (m.role == ChatMessage::Role::Tool && !m.toolName.isEmpty())
                message.insert(QStringLiteral("tool_name"), m.toolName);
            messages.append(message);
        }
        QJsonObject body{{QStringLiteral("model"), request.model}, {QStringLiteral("messages"), messages}, {QStringLiteral("stream"), true}};
        if (!request.tools.isEmpty())
            body.insert(QStringLiteral("tools"), functionTools(request.tools));
        QJsonObject options;
        if (request.temperature)
            options.insert(QStringLiteral("temperature"), *request.temperature);
        if (request.maxOutputTokens > 0)
            options.insert(QStringLiteral("num_predict"), request.maxOutputTokens);
        if (!options.isEmpty())
            body.insert(QStringLiteral("options"), options);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<StreamDecoder> createDecoder() const override { return std::make_unique<OllamaStreamDecoder>(); }
    bool isStream(const QByteArray &contentType) const override { return contentType.startsWith("application/x-ndjson"); }

    ProviderError errorFromResponse(int httpStatus, const QByteArray &body) const override
    {
        const QJsonValue error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error"));
        if (error.isString())
            return OllamaStreamDecoder::errorFromMessage(error.toString(), httpStatus);
        return errorForStatus(httpStatus, messageOf(body));
    }

    QNetworkRequest modelsRequest(const ProviderProfile &profile) const override
    {
        return authorized(baseRequest(profile, QStringLiteral("/api/tags")), profile);
    }

    Result<QStringList> parseModels(const QByteArray &body) const override
    {
        return modelIds(body, QStringLiteral("models"), QStringLiteral("name"));
    }

private:
    static QNetworkRequest authorized(QNetworkRequest request, const ProviderProfile &profile)
    {
        if (!profile.apiKey.isEmpty()) // Ollama behind an authenticating proxy
            request.setRawHeader("Authorization", "Bearer " + profile.apiKey.toUtf8());
        return request;
    }
};

} // namespace

std::unique_ptr<ProviderDialect> ProviderDialect::create(ProviderProfile::Kind kind)
{
    switch (kind) {
    case ProviderProfile::Kind::OpenAiCompatible:
        return std::make_unique<OpenAiDialect>();
    case ProviderProfile::Kind::Anthropic:
        return std::make_unique<AnthropicDialect>();
    case ProviderProfile::Kind::Ollama:
        return std::make_unique<OllamaDialect>();
    }
    return nullptr;
}

QNetworkRequest ProviderDialect::baseRequest(const ProviderProfile &profile, const QString &path)
{
    QUrl url = profile.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("REALM/" REALM_VERSION_STRING));
    for (const auto &[name, value] : profile.extraHeaders)
        request.setRawHeader(name, value);
    request.setTransferTimeout(profile.idleTimeoutMs);
    // Requests carry the API key and the project's code: a redirect is
    // followed only to the same scheme, host and port, never to wherever a
    // server (or anything on the way) points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

ProviderError ProviderDialect::redirectRefused(const QNetworkReply &reply)
{
    const QUrl target = reply.header(QNetworkRequest::LocationHeader).toUrl();
    const QString where = target.isValid() ? reply.url().resolved(target).toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery) : QString();
    return {ProviderError::Kind::Redirected,
            QCoreApplication::translate("Realm::Chat", "%1 redirected the request to another server (%2). REALM does not follow it, because the request "
                                                       "carries your API key and your code. Check the base URL in the provider settings "
                                                       "(it may need https:// or another path).")
                .arg(reply.url().host(), where.isEmpty() ? QCoreApplication::translate("Realm::Chat", "no address given") : where),
            {}};
}

ProviderError ProviderDialect::errorForStatus(int httpStatus, const QString &message)
{
    using Kind = ProviderError::Kind;
    Kind kind = Kind::Server;
    if (httpStatus == 401 || httpStatus == 403)
        kind = Kind::Auth;
    else if (httpStatus == 404)
        kind = Kind::NotFound;
    else if (httpStatus == 413)
        kind = Kind::ContextTooLong;
    else if (httpStatus == 429)
        kind = Kind::RateLimited;
    else if (httpStatus == 503 || httpStatus == 529)
        kind = Kind::Overloaded;
    else if (httpStatus >= 400 && httpStatus < 500)
        kind = Kind::BadRequest;
    return ProviderError{kind, message, {}};
}

} // namespace Realm::Chat
