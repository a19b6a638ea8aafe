// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/streamdecoder.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Chat {

struct ChatMessage {
    enum class Role { System, User, Assistant, Tool };
    Role role = Role::User;
    QString content;
    QList<ToolCall> toolCalls; // an assistant message that asked for tools
    QString toolCallId;        // a tool message: the call it answers
    QString toolName;

    // The names the provider APIs and the workspace use: system, user,
    // assistant, tool.
    static QString roleName(Role role);
    static Role roleFromName(const QString &name);
};

// A tool the model may call: its name, what it does, and a JSON Schema for
// its arguments.
struct ToolSpec {
    QString name;
    QString description;
    QJsonObject parameters;
};

// One question to a model: the conversation so far, the tools on offer and
// sampling options. Provider-neutral; each provider writes its own format.
struct ChatRequest {
    QString model;
    QList<ChatMessage> messages; // a leading System message is the system prompt
    QList<ToolSpec> tools;
    std::optional<double> temperature;
    int maxOutputTokens = 0; // 0: the provider's default (Anthropic needs one: 4096)
};

} // namespace Realm::Chat
