// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatjson.h"

#include "chat/conversation.h"
#include "chat/conversationstore.h"
#include "chat/providerstore.h"
#include "common/jsontime.h"

namespace Realm::Chat {

QJsonObject toJson(const Usage &u)
{
    QJsonObject o;
    if (u.inputTokens >= 0)
        o.insert(QStringLiteral("input_tokens"), u.inputTokens);
    if (u.outputTokens >= 0)
        o.insert(QStringLiteral("output_tokens"), u.outputTokens);
    return o;
}

Usage usageFromJson(const QJsonObject &json)
{
    return {json.value(QStringLiteral("input_tokens")).toInteger(-1), json.value(QStringLiteral("output_tokens")).toInteger(-1)};
}

QJsonObject toJson(const Message &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("parent_id"), m.parentId.isEmpty() ? QJsonValue() : QJsonValue(m.parentId)},
                  {QStringLiteral("role"), ChatMessage::roleName(m.role)},
                  {QStringLiteral("content"), m.content},
                  {QStringLiteral("status"), Message::statusName(m.status)},
                  {QStringLiteral("created_at"), Json::time(m.createdAt)}};
    if (!m.reasoning.isEmpty())
        o.insert(QStringLiteral("reasoning"), m.reasoning);
    QJsonArray calls;
    for (const ToolCall &call : m.toolCalls)
        calls.append(QJsonObject{{QStringLiteral("id"), call.id}, {QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}});
    if (!calls.isEmpty())
        o.insert(QStringLiteral("tool_calls"), calls);
    if (!m.toolCallId.isEmpty())
        o.insert(QStringLiteral("tool_call_id"), m.toolCallId);
    if (!m.error.isEmpty())
        o.insert(QStringLiteral("error"), m.error);
    if (!m.model.isEmpty())
        o.insert(QStringLiteral("model"), m.model);
    if (const QJsonObject usage = toJson(m.usage); !usage.isEmpty())
        o.insert(QStringLiteral("usage"), usage);
    if (!m.context.isEmpty())
        o.insert(QStringLiteral("context"), m.context);
    return o;
}

Message messageFromJson(const QJsonObject &o)
{
    Message m;
    m.id = o.value(QStringLiteral("id")).toString();
    m.parentId = o.value(QStringLiteral("parent_id")).toString();
    m.role = ChatMessage::roleFromName(o.value(QStringLiteral("role")).toString());
    m.content = o.value(QStringLiteral("content")).toString();
    m.reasoning = o.value(QStringLiteral("reasoning")).toString();
    for (const QJsonValue &call : o.value(QStringLiteral("tool_calls")).toArray())
        m.toolCalls.append({call[QStringLiteral("id")].toString(), call[QStringLiteral("name")].toString(), call[QStringLiteral("arguments")].toString()});
    m.toolCallId = o.value(QStringLiteral("tool_call_id")).toString();
    m.status = Message::statusFromName(o.value(QStringLiteral("status")).toString());
    m.error = o.value(QStringLiteral("error")).toString();
    m.model = o.value(QStringLiteral("model")).toString();
    m.usage = usageFromJson(o.value(QStringLiteral("usage")).toObject());
    m.context = o.value(QStringLiteral("context")).toArray();
    m.createdAt = m.updatedAt = Json::timeFrom(o.value(QStringLiteral("created_at"))).value_or(0);
    return m;
}

QJsonObject toJson(const Conversation &c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("title"), c.title},
                  {QStringLiteral("project_id"), c.projectId.isEmpty() ? QJsonValue() : QJsonValue(c.projectId)},
                  {QStringLiteral("provider_id"), c.providerId.isEmpty() ? QJsonValue() : QJsonValue(c.providerId)},
                  {QStringLiteral("model"), c.model},
                  {QStringLiteral("pinned"), c.pinned},
                  {QStringLiteral("archived"), c.archived},
                  {QStringLiteral("usage"), toJson(c.usage)},
                  {QStringLiteral("created_at"), Json::time(c.createdAt)},
                  {QStringLiteral("updated_at"), Json::time(c.updatedAt)}};
    if (c.deletedAt > 0)
        o.insert(QStringLiteral("deleted_at"), Json::time(c.deletedAt));
    return o;
}

QJsonObject toJson(const MessageHit &h)
{
    return {{QStringLiteral("conversation_id"), h.conversationId},
            {QStringLiteral("title"), h.conversationTitle},
            {QStringLiteral("message_id"), h.messageId},
            {QStringLiteral("role"), ChatMessage::roleName(h.role)},
            {QStringLiteral("snippet"), h.snippet},
            {QStringLiteral("created_at"), Json::time(h.createdAt)}};
}

QJsonObject toJson(const StoredProfile &s)
{
    QJsonObject o{{QStringLiteral("id"), s.profile.id},
                  {QStringLiteral("name"), s.profile.name},
                  {QStringLiteral("kind"), ProviderProfile::kindName(s.profile.kind)},
                  {QStringLiteral("base_url"), s.profile.baseUrl.toString()},
                  {QStringLiteral("model"), s.profile.defaultModel},
                  {QStringLiteral("key"), keyStorageName(s.keyStorage)},
                  {QStringLiteral("tools"), s.profile.toolsEnabled}};
    if (s.profile.contextWindowTokens > 0)
        o.insert(QStringLiteral("context_window"), s.profile.contextWindowTokens);
    return o;
}

} // namespace Realm::Chat
