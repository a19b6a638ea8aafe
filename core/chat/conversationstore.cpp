// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/conversationstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Realm::Chat {

namespace {
const char kConversationColumns[] =
    "c.id, c.title, c.project_id, c.provider_id, c.model, c.pinned, c.archived, c.current_message_id, "
    "c.created_at, c.updated_at, c.deleted_at, "
    "(SELECT sum(input_tokens) FROM messages m WHERE m.conversation_id = c.id), "
    "(SELECT sum(output_tokens) FROM messages m WHERE m.conversation_id = c.id)";

const char kMessageColumns[] =
    "id, conversation_id, parent_id, role, content, reasoning, tool_calls, tool_call_id, status, error, "
    "provider_id, model, input_tokens, output_tokens, context, created_at, updated_at";

using Storage::nullIfEmpty;
using Storage::Statement;

// NULL for a count the provider did not report (-1).
std::optional<qint64> tokens(qint64 count)
{
    return count < 0 ? std::nullopt : std::optional<qint64>(count);
}

qint64 tokensFrom(const Statement &q, int column)
{
    return q.columnIsNull(column) ? -1 : q.columnInt(column);
}

// Changes a conversation and stamps it.
template<typename... Values>
Result<void> touch(Storage::Handle db, const QString &conversationId, const char *setClause, const Values &...values)
{
    Statement q(db, QStringLiteral("UPDATE conversations SET %1, updated_at = ? WHERE id = ?").arg(QLatin1String(setClause)));
    q.bindAll(values..., Clock::nowMs(), conversationId);
    if (Result<void> changed = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot change the conversation")); !changed)
        return changed;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no conversation %1.").arg(conversationId));
    return {};
}

QString toolCallsJson(const QList<ToolCall> &calls)
{
    QJsonArray array;
    for (const ToolCall &call : calls)
        array.append(QJsonObject{{QStringLiteral("id"), call.id}, {QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ToolCall> toolCallsFromJson(const QByteArray &json)
{
    QList<ToolCall> calls;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = value.toObject();
        calls.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                      o.value(QStringLiteral("arguments")).toString()});
    }
    return calls;
}

Conversation conversationFrom(const Statement &q)
{
    Conversation c;
    c.id = q.columnText(0);
    c.title = q.columnText(1);
    c.projectId = q.columnText(2);
    c.providerId = q.columnText(3);
    c.model = q.columnText(4);
    c.pinned = q.columnInt(5) != 0;
    c.archived = q.columnInt(6) != 0;
    c.currentMessageId = q.columnText(7);
    c.createdAt = q.columnInt(8);
    c.updatedAt = q.columnInt(9);
    c.deletedAt = q.columnInt(10);
    c.usage.inputTokens = tokensFrom(q, 11);
    c.usage.outputTokens = tokensFrom(q, 12);
    return c;
}

Message messageFrom(const Statement &q)
{
    Message m;
    m.id = q.columnText(0);
    m.conversationId = q.columnText(1);
    m.parentId = q.columnText(2);
    m.role = ChatMessage::roleFromName(q.columnText(3));
    m.content = q.columnText(4);
    m.reasoning = q.columnText(5);
    m.toolCalls = toolCallsFromJson(q.columnBlob(6));
    m.toolCallId = q.columnText(7);
    m.status = Message::statusFromName(q.columnText(8));
    m.error = q.columnText(9);
    m.providerId = q.columnText(10);
    m.model = q.columnText(11);
    m.usage.inputTokens = tokensFrom(q, 12);
    m.usage.outputTokens = tokensFrom(q, 13);
    m.context = QJsonDocument::fromJson(q.columnBlob(14)).array();
    m.createdAt = q.columnInt(15);
    m.updatedAt = q.columnInt(16);
    return m;
}

// Each word quoted (so FTS5 syntax in a question is just text); the last
// one may be the start of a word.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    for (const QString &word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    if (!terms.isEmpty())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}
} // namespace

QString Message::statusName(Status status)
{
    switch (status) {
    case Status::Streaming:
        return QStringLiteral("streaming");
    case Status::Complete:
        return QStringLiteral("complete");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

Message::Status Message::statusFromName(const QString &name)
{
    for (Status s : {Status::Streaming, Status::Complete, Status::Cancelled, Status::Failed, Status::Interrupted}) {
        if (statusName(s) == name)
            return s;
    }
    return Status::Complete;
}

Result<Conversation> ConversationStore::create(const QString &title, const QString &projectId, const QString &providerId,
                                               const QString &model)
{
    const QString id = newId();
    const qint64 now = Clock::nowMs();
    Statement q(m_db->handle(), "INSERT INTO conversations (id, title, project_id, provider_id, model, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bindAll(id, title.trimmed(), nullIfEmpty(projectId), nullIfEmpty(providerId), model, now, now);
    if (Result<void> created = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot create the conversation")); !created)
        return created.error();
    return find(id);
}

Result<Conversation> ConversationStore::find(const QString &id) const
{
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM conversations c WHERE c.id = ?").arg(QLatin1String(kConversationColumns)));
    q.bindAll(id);
    if (q.next())
        return conversationFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot look up the conversation"));
    return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no conversation %1. `realm-cli chat list` shows them.").arg(id));
}

Result<QList<Conversation>> ConversationStore::list(const ConversationFilter &filter) const
{
    QString sql = QStringLiteral("SELECT %1 FROM conversations c WHERE c.deleted_at IS %2 NULL")
                      .arg(QLatin1String(kConversationColumns), filter.trash ? QStringLiteral("NOT") : QString());
    if (!filter.trash)
        sql += filter.archived ? QStringLiteral(" AND c.archived = 1") : QStringLiteral(" AND c.archived = 0");
    if (!filter.projectId.isEmpty())
        sql += QStringLiteral(" AND c.project_id = ?");
    sql += QStringLiteral(" ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC");
    Statement q(m_db->handle(), sql);
    if (!filter.projectId.isEmpty())
        q.bindAll(filter.projectId);
    QList<Conversation> conversations;
    while (q.next())
        conversations.append(conversationFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot list the conversations"));
    return conversations;
}

Result<void> ConversationStore::rename(const QString &id, const QString &title)
{
    if (title.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "A conversation title cannot be empty."));
    return touch(m_db->handle(), id, "title = ?", title.trimmed());
}

Result<void> ConversationStore::setPinned(const QString &id, bool pinned)
{
    return touch(m_db->handle(), id, "pinned = ?", pinned);
}

Result<void> ConversationStore::setArchived(const QString &id, bool archived)
{
    return touch(m_db->handle(), id, "archived = ?", archived);
}

Result<void> ConversationStore::setModel(const QString &id, const QString &providerId, const QString &model)
{
    return touch(m_db->handle(), id, "provider_id = ?, model = ?", nullIfEmpty(providerId), model);
}

Result<void> ConversationStore::moveToTrash(const QString &id)
{
    return touch(m_db->handle(), id, "deleted_at = ?", Clock::nowMs());
}

Result<void> ConversationStore::restore(const QString &id)
{
    return touch(m_db->handle(), id, "deleted_at = NULL, archived = archived");
}

Result<Message> ConversationStore::append(Message message)
{
    message.createdAt = message.updatedAt = Clock::nowMs();
    return appendKeepingTimes(std::move(message));
}

Result<Message> ConversationStore::appendKeepingTimes(Message message)
{
    message.id = newId();
    Storage::Transaction transaction(m_db->handle());
    Statement q(m_db->handle(), QStringLiteral("INSERT INTO messages (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                    .arg(QLatin1String(kMessageColumns)));
    q.bindAll(message.id, message.conversationId, nullIfEmpty(message.parentId), ChatMessage::roleName(message.role), message.content,
              message.reasoning, toolCallsJson(message.toolCalls), message.toolCallId, Message::statusName(message.status), message.error,
              nullIfEmpty(message.providerId), message.model, tokens(message.usage.inputTokens), tokens(message.usage.outputTokens),
              QString::fromUtf8(QJsonDocument(message.context).toJson(QJsonDocument::Compact)), message.createdAt, message.updatedAt);
    if (Result<void> saved = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot save the message")); !saved)
        return saved.error();
    if (Result<void> r = touch(m_db->handle(), message.conversationId, "current_message_id = ?", message.id); !r)
        return r.error();
    if (Result<void> r = transaction.commit(); !r)
        return r.error();
    return message;
}

Result<void> ConversationStore::updateStreaming(const QString &messageId, const QString &content, const QString &reasoning)
{
    Statement q(m_db->handle(), "UPDATE messages SET content = ?, reasoning = ?, updated_at = ? WHERE id = ?");
    q.bindAll(content, reasoning, Clock::nowMs(), messageId);
    return q.exec(QCoreApplication::translate("Realm::Chat", "Cannot save the answer as it arrives"));
}

Result<void> ConversationStore::finish(const Message &m)
{
    Statement q(m_db->handle(), "UPDATE messages SET content = ?, reasoning = ?, tool_calls = ?, status = ?, error = ?, "
                                "input_tokens = ?, output_tokens = ?, updated_at = ? WHERE id = ?");
    q.bindAll(m.content, m.reasoning, toolCallsJson(m.toolCalls), Message::statusName(m.status), m.error, tokens(m.usage.inputTokens),
              tokens(m.usage.outputTokens), Clock::nowMs(), m.id);
    if (Result<void> saved = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot save the answer")); !saved)
        return saved;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "The message %1 is gone.").arg(m.id));
    return {};
}

Result<Message> ConversationStore::message(const QString &id) const
{
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(QLatin1String(kMessageColumns)));
    q.bindAll(id);
    if (q.next())
        return messageFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot read the message"));
    return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no message %1.").arg(id));
}

Result<QList<Message>> ConversationStore::thread(const QString &conversationId) const
{
    Result<Conversation> conversation = find(conversationId);
    if (!conversation)
        return conversation.error();
    return pathTo(conversationId, conversation->currentMessageId);
}

Result<QList<Message>> ConversationStore::messages(const QString &conversationId) const
{
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid")
                                    .arg(QLatin1String(kMessageColumns)));
    q.bindAll(conversationId);
    QList<Message> all;
    while (q.next())
        all.append(messageFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot read the conversation"));
    return all;
}

Result<QList<Message>> ConversationStore::pathTo(const QString &conversationId, const QString &messageId) const
{
    Result<QList<Message>> all = messages(conversationId);
    if (!all)
        return all.error();
    QHash<QString, Message> byId;
    QHash<QString, QStringList> children; // parent id ("" for roots) -> children, oldest first
    for (Message &m : *all) {
        children[m.parentId].append(m.id);
        byId.insert(m.id, std::move(m));
    }
    QList<Message> path;
    for (QString id = messageId; !id.isEmpty() && byId.contains(id);) {
        Message m = byId.value(id);
        const QStringList &siblings = children.value(m.parentId);
        m.versionIndex = int(siblings.indexOf(m.id));
        m.versionCount = int(siblings.size());
        id = m.parentId;
        path.prepend(std::move(m));
    }
    return path;
}

Result<QList<Message>> ConversationStore::versions(const QString &messageId) const
{
    Result<Message> m = message(messageId);
    if (!m)
        return m.error();
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY created_at, rowid")
                                    .arg(QLatin1String(kMessageColumns)));
    q.bindAll(m->conversationId, nullIfEmpty(m->parentId));
    QList<Message> versions;
    while (q.next())
        versions.append(messageFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot read the conversation"));
    return versions;
}

Result<void> ConversationStore::switchTo(const QString &conversationId, const QString &messageId)
{
    // Follow the newest child down to a leaf, so a switched-to version shows
    // with the conversation that continued from it.
    QString leaf = messageId;
    Statement q(m_db->handle(), "SELECT id FROM messages WHERE parent_id = ? AND conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1");
    for (int depth = 0; depth < 100000; ++depth) {
        q.reset();
        q.bindAll(leaf, conversationId);
        if (!q.next())
            break;
        leaf = q.columnText(0);
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot read the conversation"));
    Result<Message> m = message(messageId);
    if (!m)
        return m.error();
    if (m->conversationId != conversationId)
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "The message %1 belongs to another conversation.").arg(messageId));
    return touch(m_db->handle(), conversationId, "current_message_id = ?", leaf);
}

Result<QList<MessageHit>> ConversationStore::search(const MessageSearch &search) const
{
    const QString match = ftsQuery(search.text);
    if (match.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "Type a word to search the conversations for."));
    QString sql = QStringLiteral(
        "SELECT m.conversation_id, c.title, m.id, m.role, snippet(message_text, 0, '[', ']', '…', 12), m.created_at "
        "FROM message_text JOIN messages m ON m.rowid = message_text.rowid JOIN conversations c ON c.id = m.conversation_id "
        "WHERE message_text MATCH ? AND c.deleted_at IS NULL");
    QList<Statement::Value> binds{match};
    if (!search.projectId.isEmpty()) {
        sql += QStringLiteral(" AND c.project_id = ?");
        binds << search.projectId;
    }
    if (!search.providerId.isEmpty()) {
        sql += QStringLiteral(" AND coalesce(m.provider_id, c.provider_id) = ?");
        binds << search.providerId;
    }
    if (search.fromMs > 0) {
        sql += QStringLiteral(" AND m.created_at >= ?");
        binds << search.fromMs;
    }
    if (search.toMs > 0) {
        sql += QStringLiteral(" AND m.created_at < ?");
        binds << search.toMs;
    }
    sql += QStringLiteral(" ORDER BY rank LIMIT ?");
    binds << qint64(qMax(1, search.limit));
    Statement q(m_db->handle(), sql);
    q.bindList(binds);
    QList<MessageHit> hits;
    while (q.next())
        hits.append({q.columnText(0), q.columnText(1), q.columnText(2), ChatMessage::roleFromName(q.columnText(3)), q.columnText(4), q.columnInt(5)});
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot search the conversations"));
    return hits;
}

Result<int> ConversationStore::markInterrupted(qint64 staleAfterMs)
{
    Statement q(m_db->handle(), "UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming' AND updated_at <= ?");
    const qint64 now = Clock::nowMs();
    q.bindAll(now, now - staleAfterMs);
    if (Result<void> marked = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot mark interrupted answers")); !marked)
        return marked.error();
    return q.changes();
}

} // namespace Realm::Chat
