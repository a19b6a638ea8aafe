// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/conversation.h"
#include "common/error.h"
#include "storage/database.h"

#include <QList>

#include <optional>

namespace Realm::Chat {

struct ConversationFilter {
    bool archived = false; // list archived conversations instead of active ones
    bool trash = false;    // list the trash instead
    QString projectId;     // only conversations bound to this project
};

struct MessageSearch {
    QString text;          // words; the last one may be a prefix
    QString projectId;
    QString providerId;
    qint64 fromMs = 0;     // created at or after (0: any time)
    qint64 toMs = 0;       // created before (0: any time)
    int limit = 100;
};

struct MessageHit {
    QString conversationId;
    QString conversationTitle;
    QString messageId;
    ChatMessage::Role role = ChatMessage::Role::User;
    QString snippet;       // matched words between [ and ]
    qint64 createdAt = 0;
};

// Conversations and their messages in the workspace. Messages form a tree:
// a regenerated answer or an edited question is a new sibling under the same
// parent, and the conversation shows one path through it (its current
// message and that message's ancestors). An answer is written while it
// streams, so a crash keeps what arrived. Safe to use from any thread.
class ConversationStore final {
public:
    explicit ConversationStore(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    Result<Conversation> create(const QString &title = {}, const QString &projectId = {}, const QString &providerId = {},
                                const QString &model = {});
    Result<Conversation> find(const QString &id) const;
    // Pinned first, then most recently active.
    Result<QList<Conversation>> list(const ConversationFilter &filter = {}) const;
    Result<void> rename(const QString &id, const QString &title);
    Result<void> setPinned(const QString &id, bool pinned);
    Result<void> setArchived(const QString &id, bool archived);
    Result<void> setModel(const QString &id, const QString &providerId, const QString &model);
    Result<void> moveToTrash(const QString &id);
    Result<void> restore(const QString &id);

    // Adds a message under `message.parentId` (empty: a new root) and makes
    // it the conversation's current message. Returns it with id and times.
    Result<Message> append(Message message);
    // Like append(), but keeps the message's own times (imports).
    Result<Message> appendKeepingTimes(Message message);
    // While an answer streams: what has arrived so far.
    Result<void> updateStreaming(const QString &messageId, const QString &content, const QString &reasoning);
    // The answer's end: final text, tool calls, usage and how it ended.
    Result<void> finish(const Message &message);
    Result<Message> message(const QString &id) const;

    // The path from the first message to the current one, each with its
    // version position among its siblings.
    Result<QList<Message>> thread(const QString &conversationId) const;
    // Every message of the conversation, all versions, oldest first.
    Result<QList<Message>> messages(const QString &conversationId) const;
    // The path from the first message down to `messageId`.
    Result<QList<Message>> pathTo(const QString &conversationId, const QString &messageId) const;
    // Shows another version: `messageId` and, below it, the most recent
    // path down to a leaf.
    Result<void> switchTo(const QString &conversationId, const QString &messageId);
    // The versions under the same parent as `messageId`, oldest first.
    Result<QList<Message>> versions(const QString &messageId) const;

    Result<QList<MessageHit>> search(const MessageSearch &search) const;

    // Answers left 'streaming' by a crash become 'interrupted'; run when the
    // app starts. A live answer is saved every half second, so one untouched
    // for `staleAfterMs` is no longer arriving (another window or process
    // may be streaming the fresher ones). Returns how many.
    Result<int> markInterrupted(qint64 staleAfterMs = 60000);

private:
    Storage::DatabasePtr m_db;
};

} // namespace Realm::Chat
