// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/conversationstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

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

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// QSQLITE binds a null QString as NULL; NOT NULL text columns want ''.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

QVariant tokens(qint64 count)
{
    return count < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(count);
}

QString toolCallsJson(const QList<ToolCall> &calls)
{
    QJsonArray array;
    for (const ToolCall &call : calls)
        array.append(QJsonObject{{QStringLiteral("id"), call.id}, {QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ToolCall> toolCallsFromJson(const QString &json)
{
    QList<ToolCall> calls;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = value.toObject();
        calls.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                      o.value(QStringLiteral("arguments")).toString()});
    }
    return calls;
}

Conversation conversationFrom(const QSqlQuery &q)
{
    Conversation c;
    c.id = q.value(0).toString();
    c.title = q.value(1).toString();
    c.projectId = q.value(2).toString();
    c.providerId = q.value(3).toString();
    c.model = q.value(4).toString();
    c.pinned = q.value(5).toBool();
    c.archived = q.value(6).toBool();
    c.currentMessageId = q.value(7).toString();
    c.createdAt = q.value(8).toLongLong();
    c.updatedAt = q.value(9).toLongLong();
    c.deletedAt = q.value(10).toLongLong();
    c.usage.inputTokens = q.value(11).isNull() ? -1 : q.value(11).toLongLong();
    c.usage.outputTokens = q.value(12).isNull() ? -1 : q.value(12).toLongLong();
    return c;
}

Message messageFrom(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toString();
    m.conversationId = q.value(1).toString();
    m.parentId = q.value(2).toString();
    m.role = ChatMessage::roleFromName(q.value(3).toString());
    m.content = q.value(4).toString();
    m.reasoning = q.value(5).toString();
    m.toolCalls = toolCallsFromJson(q.value(6).toString());
    m.toolCallId = q.value(7).toString();
    m.status = Message::statusFromName(q.value(8).toString());
    m.error = q.value(9).toString();
    m.providerId = q.value(10).toString();
    m.model = q.value(11).toString();
    m.usage.inputTokens = q.value(12).isNull() ? -1 : q.value(12).toLongLong();
    m.usage.outputTokens = q.value(13).isNull() ? -1 : q.value(13).toLongLong();
    m.context = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).array();
    m.createdAt = q.value(15).toLongLong();
    m.updatedAt = q.value(16).toLongLong();
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
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO conversations (id, title, project_id, provider_id, model, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(id), text(title.trimmed()), nullIfEmpty(projectId), nullIfEmpty(providerId),
                              text(model), QVariant(now), QVariant(now)})
        q.addBindValue(v);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot create the conversation"), q);
    return find(id);
}

Result<Conversation> ConversationStore::find(const QString &id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM conversations c WHERE c.id = ?").arg(QLatin1String(kConversationColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot look up the conversation"), q);
    if (!q.next())
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no conversation %1. `realm-cli chat list` shows them.").arg(id));
    return conversationFrom(q);
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
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    if (!filter.projectId.isEmpty())
        q.addBindValue(filter.projectId);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot list the conversations"), q);
    QList<Conversation> conversations;
    while (q.next())
        conversations.append(conversationFrom(q));
    return conversations;
}

Result<void> ConversationStore::touch(const QString &conversationId, const QString &setClause, const QVariantList &binds)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE conversations SET %1, updated_at = ? WHERE id = ?").arg(setClause));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(Clock::nowMs());
    q.addBindValue(conversationId);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot change the conversation"), q);
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no conversation %1.").arg(conversationId));
    return {};
}

Result<void> ConversationStore::rename(const QString &id, const QString &title)
{
    if (title.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "A conversation title cannot be empty."));
    return touch(id, QStringLiteral("title = ?"), {title.trimmed()});
}

Result<void> ConversationStore::setPinned(const QString &id, bool pinned)
{
    return touch(id, QStringLiteral("pinned = ?"), {pinned ? 1 : 0});
}

Result<void> ConversationStore::setArchived(const QString &id, bool archived)
{
    return touch(id, QStringLiteral("archived = ?"), {archived ? 1 : 0});
}

Result<void> ConversationStore::setModel(const QString &id, const QString &providerId, const QString &model)
{
    return touch(id, QStringLiteral("provider_id = ?, model = ?"), {nullIfEmpty(providerId), text(model)});
}

Result<void> ConversationStore::moveToTrash(const QString &id)
{
    return touch(id, QStringLiteral("deleted_at = ?"), {Clock::nowMs()});
}

Result<void> ConversationStore::restore(const QString &id)
{
    return touch(id, QStringLiteral("deleted_at = NULL, archived = archived"), {});
}

Result<Message> ConversationStore::append(Message message)
{
    message.createdAt = message.updatedAt = Clock::nowMs();
    return appendKeepingTimes(std::move(message));
}

Result<Message> ConversationStore::appendKeepingTimes(Message message)
{
    message.id = newId();
    Storage::Transaction transaction(m_db->connection());
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO messages (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kMessageColumns)));
    for (const QVariant &v : {QVariant(message.id), QVariant(message.conversationId), nullIfEmpty(message.parentId),
                              QVariant(ChatMessage::roleName(message.role)), text(message.content), text(message.reasoning),
                              QVariant(toolCallsJson(message.toolCalls)), text(message.toolCallId),
                              QVariant(Message::statusName(message.status)), text(message.error), nullIfEmpty(message.providerId),
                              text(message.model), tokens(message.usage.inputTokens), tokens(message.usage.outputTokens),
                              QVariant(QString::fromUtf8(QJsonDocument(message.context).toJson(QJsonDocument::Compact))),
                              QVariant(message.createdAt), QVariant(message.updatedAt)})
        q.addBindValue(v);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot save the message"), q);
    if (Result<void> r = touch(message.conversationId, QStringLiteral("current_message_id = ?"), {message.id}); !r)
        return r.error();
    if (Result<void> r = transaction.commit(); !r)
        return r.error();
    return message;
}

Result<void> ConversationStore::updateStreaming(const QString &messageId, const QString &content, const QString &reasoning)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE messages SET content = ?, reasoning = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(text(content));
    q.addBindValue(text(reasoning));
    q.addBindValue(Clock::nowMs());
    q.addBindValue(messageId);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot save the answer as it arrives"), q);
    return {};
}

Result<void> ConversationStore::finish(const Message &m)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE messages SET content = ?, reasoning = ?, tool_calls = ?, status = ?, error = ?, "
                             "input_tokens = ?, output_tokens = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &v : {text(m.content), text(m.reasoning), QVariant(toolCallsJson(m.toolCalls)),
                              QVariant(Message::statusName(m.status)), text(m.error), tokens(m.usage.inputTokens),
                              tokens(m.usage.outputTokens), QVariant(Clock::nowMs()), QVariant(m.id)})
        q.addBindValue(v);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot save the answer"), q);
    if (q.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "The message %1 is gone.").arg(m.id));
    return {};
}

Result<Message> ConversationStore::message(const QString &id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(QLatin1String(kMessageColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot read the message"), q);
    if (!q.next())
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no message %1.").arg(id));
    return messageFrom(q);
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
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid")
                  .arg(QLatin1String(kMessageColumns)));
    q.addBindValue(conversationId);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot read the conversation"), q);
    QList<Message> all;
    while (q.next())
        all.append(messageFrom(q));
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
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY created_at, rowid")
                  .arg(QLatin1String(kMessageColumns)));
    q.addBindValue(m->conversationId);
    q.addBindValue(nullIfEmpty(m->parentId));
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot read the conversation"), q);
    QList<Message> versions;
    while (q.next())
        versions.append(messageFrom(q));
    return versions;
}

Result<void> ConversationStore::switchTo(const QString &conversationId, const QString &messageId)
{
    // Follow the newest child down to a leaf, so a switched-to version shows
    // with the conversation that continued from it.
    QString leaf = messageId;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE parent_id = ? AND conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1"));
    for (int depth = 0; depth < 100000; ++depth) {
        q.addBindValue(leaf);
        q.addBindValue(conversationId);
        if (!q.exec())
            return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot read the conversation"), q);
        if (!q.next())
            break;
        leaf = q.value(0).toString();
    }
    Result<Message> m = message(messageId);
    if (!m)
        return m.error();
    if (m->conversationId != conversationId)
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "The message %1 belongs to another conversation.").arg(messageId));
    return touch(conversationId, QStringLiteral("current_message_id = ?"), {leaf});
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
    QVariantList binds{match};
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
    binds << qMax(1, search.limit);
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot search the conversations"), q);
    QList<MessageHit> hits;
    while (q.next())
        hits.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), ChatMessage::roleFromName(q.value(3).toString()),
                     q.value(4).toString(), q.value(5).toLongLong()});
    return hits;
}

Result<int> ConversationStore::markInterrupted(qint64 staleAfterMs)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE messages SET status = 'interrupted', updated_at = ? "
                             "WHERE status = 'streaming' AND updated_at <= ?"));
    const qint64 now = Clock::nowMs();
    q.addBindValue(now);
    q.addBindValue(now - staleAfterMs);
    if (!q.exec())
        return Storage::sqlError(QCoreApplication::translate("Realm::Chat", "Cannot mark interrupted answers"), q);
    return q.numRowsAffected();
}

} // namespace Realm::Chat
