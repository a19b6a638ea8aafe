// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatrequest.h"

#include <QJsonArray>
#include <QString>

namespace Realm::Chat {

struct Message {
    enum class Status { Streaming, Complete, Cancelled, Failed, Interrupted };

    QString id;
    QString conversationId;
    QString parentId;
    ChatMessage::Role role = ChatMessage::Role::User;
    QString content;
    QString reasoning;
    QList<ToolCall> toolCalls;
    QString toolCallId;
    Status status = Status::Complete;
    QString error;
    QString providerId;
    QString model;
    Usage usage;
    QJsonArray context; // what was sent with this question, as shown to the user
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // Where this message stands among the versions under the same parent
    // (regenerated answers, edited questions): 0-based, and how many there are.
    int versionIndex = 0;
    int versionCount = 1;

    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
};

struct Conversation {
    QString id;
    QString title;
    QString projectId; // empty: not bound to a project
    QString providerId;
    QString model;
    bool pinned = false;
    bool archived = false;
    QString currentMessageId;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 deletedAt = 0;
    Usage usage; // summed over all its messages
};

} // namespace Realm::Chat
