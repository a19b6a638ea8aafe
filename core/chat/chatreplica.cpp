// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatreplica.h"

#include "chat/chatjson.h"
#include "chat/conversationstore.h"
#include "common/clock.h"
#include "common/jsontime.h"
#include "storage/changecapture.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Realm::Chat::Replica {

using Storage::nullIfEmpty;
using Storage::Statement;

namespace {

const QString kConversationTable = QLatin1String(kConversations);
const QString kMessageTable = QLatin1String(kMessages);

QString readFailed()
{
    return QCoreApplication::translate("Realm::Chat", "Cannot read the project's conversations");
}

QString writeFailed()
{
    return QCoreApplication::translate("Realm::Chat", "Cannot save the conversation the server sent");
}

Result<QStringList> ids(Statement &q)
{
    QStringList ids;
    while (q.next())
        ids.append(q.columnText(0));
    if (q.failed())
        return q.error(readFailed());
    return ids;
}

// The first column of the row `sql` finds by `key`; nullopt: no row.
Result<std::optional<QString>> lookUp(Storage::Handle db, const char *sql, const QString &key)
{
    Statement q(db, sql);
    q.bindAll(key);
    if (q.next())
        return std::optional<QString>(q.columnText(0));
    if (q.failed())
        return q.error(readFailed());
    return std::optional<QString>();
}

// The project a conversation belongs to here: nullopt when there is no
// such conversation, an empty string when it belongs to none.
Result<std::optional<QString>> projectOfConversation(Storage::Handle db, const QString &conversationId)
{
    return lookUp(db, "SELECT coalesce(project_id, '') FROM conversations WHERE id = ?", conversationId);
}

Result<std::optional<QString>> conversationOfMessage(Storage::Handle db, const QString &messageId)
{
    return lookUp(db, "SELECT conversation_id FROM messages WHERE id = ?", messageId);
}

QJsonValue timeOrNull(const Statement &q, int column)
{
    return q.columnIsNull(column) ? QJsonValue() : QJsonValue(Json::time(q.columnInt(column)));
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::optional<qint64> tokens(qint64 count)
{
    return count < 0 ? std::nullopt : std::optional<qint64>(count);
}

Result<void> applyConversation(Storage::Handle db, const QString &projectId, const QString &id, const QJsonObject &data, bool deleted)
{
    const qint64 now = Clock::nowMs();
    std::optional<qint64> deletedAt = Json::timeFrom(data.value(QStringLiteral("deleted_at")));
    if (deleted && !deletedAt)
        deletedAt = now;
    Statement q(db, "INSERT INTO conversations (id, title, project_id, pinned, archived, created_at, updated_at, deleted_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, pinned = excluded.pinned, "
                    "archived = excluded.archived, created_at = excluded.created_at, updated_at = excluded.updated_at, "
                    "deleted_at = excluded.deleted_at");
    q.bindAll(id, data.value(QStringLiteral("title")).toString(), projectId,
              data.value(QStringLiteral("pinned")).toBool(), data.value(QStringLiteral("archived")).toBool(),
              Json::timeFrom(data.value(QStringLiteral("created_at"))).value_or(now), now, deletedAt);
    if (Result<void> written = q.exec(writeFailed()); !written)
        return written;
    return Storage::forgetChange(db, kConversationTable, id);
}

Result<void> applyMessage(Storage::Handle db, const QString &projectId, const QString &id, const QJsonObject &data)
{
    Message m = messageFromJson(data);
    m.conversationId = data.value(QStringLiteral("conversation_id")).toString();
    if (m.conversationId.isEmpty())
        return {}; // nothing it could belong to
    Result<std::optional<QString>> existing = conversationOfMessage(db, id);
    if (!existing)
        return existing.error();
    if (*existing && **existing != m.conversationId)
        return {}; // a message never moves
    Result<std::optional<QString>> conversationProject = projectOfConversation(db, m.conversationId);
    if (!conversationProject)
        return conversationProject.error();
    if (!*conversationProject) {
        if (Result<void> made = applyConversation(db, projectId, m.conversationId, {{QStringLiteral("created_at"), Json::time(m.createdAt)}}, false); !made)
            return made;
    } else if (**conversationProject != projectId) {
        return {};
    }
    if (!m.parentId.isEmpty()) {
        Result<std::optional<QString>> parent = conversationOfMessage(db, m.parentId);
        if (!parent)
            return parent.error();
        if (!*parent || **parent != m.conversationId)
            m.parentId.clear();
    }
    const qint64 now = Clock::nowMs();
    QJsonArray toolCalls;
    for (const ToolCall &call : std::as_const(m.toolCalls))
        toolCalls.append(QJsonObject{{QStringLiteral("id"), call.id}, {QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}});
    // Who wrote it, in reply to what and when never change; the answer
    // does while it arrives.
    Statement q(db, "INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, tool_calls, tool_call_id, status, error, "
                    "model, input_tokens, output_tokens, context, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET content = excluded.content, reasoning = excluded.reasoning, tool_calls = excluded.tool_calls, "
                    "tool_call_id = excluded.tool_call_id, status = excluded.status, error = excluded.error, model = excluded.model, "
                    "input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, context = excluded.context, "
                    "updated_at = excluded.updated_at");
    q.bindAll(id, m.conversationId, nullIfEmpty(m.parentId), ChatMessage::roleName(m.role), m.content, m.reasoning, jsonText(toolCalls), m.toolCallId,
              Message::statusName(m.status), m.error, m.model, tokens(m.usage.inputTokens), tokens(m.usage.outputTokens), jsonText(m.context),
              m.createdAt > 0 ? m.createdAt : now, now);
    if (Result<void> written = q.exec(writeFailed()); !written)
        return written;
    if (!*existing) {
        // A new answer on the branch on show (or the conversation's first
        // message) moves the view along, as one written here would.
        Statement follow(db, "UPDATE conversations SET current_message_id = ?1 WHERE id = ?2 AND (current_message_id IS NULL OR current_message_id IS ?3)");
        follow.bindAll(id, m.conversationId, nullIfEmpty(m.parentId));
        if (Result<void> followed = follow.exec(writeFailed()); !followed)
            return followed;
    }
    return Storage::forgetChange(db, kMessageTable, id);
}

} // namespace

bool isChatTable(const QString &table)
{
    return table == kConversationTable || table == kMessageTable;
}

Result<std::optional<QJsonObject>> itemData(const Storage::DatabasePtr &db, const QString &projectId, const RowRef &row)
{
    const auto &[table, key] = row;
    if (table == kConversationTable) {
        Statement q(db->handle(), "SELECT title, pinned, archived, created_at, deleted_at FROM conversations WHERE id = ? AND project_id = ?");
        q.bindAll(key, projectId);
        if (!q.next())
            return q.failed() ? Result<std::optional<QJsonObject>>(q.error(readFailed())) : std::optional<QJsonObject>();
        return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("title"), q.columnText(0)},
                                                      {QStringLiteral("pinned"), q.columnInt(1) != 0},
                                                      {QStringLiteral("archived"), q.columnInt(2) != 0},
                                                      {QStringLiteral("created_at"), Json::time(q.columnInt(3))},
                                                      {QStringLiteral("deleted_at"), timeOrNull(q, 4)}});
    }
    if (table != kMessageTable)
        return std::optional<QJsonObject>();
    Result<std::optional<QString>> conversation = conversationOfMessage(db->handle(), key);
    if (!conversation || !*conversation)
        return conversation ? std::optional<QJsonObject>() : Result<std::optional<QJsonObject>>(conversation.error());
    Result<std::optional<QString>> project = projectOfConversation(db->handle(), **conversation);
    if (!project || !*project || **project != projectId)
        return project ? std::optional<QJsonObject>() : Result<std::optional<QJsonObject>>(project.error());
    Result<Message> message = ConversationStore(db).message(key);
    if (!message)
        return message.error();
    QJsonObject data = toJson(*message);
    data.remove(QStringLiteral("id")); // the key
    data.insert(QStringLiteral("conversation_id"), message->conversationId);
    return std::optional<QJsonObject>(data);
}

Result<QList<SyncedRow>> pending(const Storage::DatabasePtr &db, const QString &projectId)
{
    QList<RowRef> rows;
    Statement conversations(db->handle(), "SELECT v.id FROM changes c JOIN conversations v ON c.table_name = 'conversations' AND c.row_key = v.id "
                                          "WHERE v.project_id = ? ORDER BY v.rowid");
    conversations.bindAll(projectId);
    Result<QStringList> conversationIds = ids(conversations);
    if (!conversationIds)
        return conversationIds.error();
    for (const QString &id : std::as_const(*conversationIds))
        rows.append({kConversationTable, id});
    // A message goes once its parent has gone before it (or goes with it,
    // earlier in the same push): one written under an answer still
    // arriving waits for that answer.
    Statement messages(db->handle(), "SELECT m.id, m.status = 'streaming', coalesce(m.parent_id, ''), "
                                     "       EXISTS (SELECT 1 FROM changes p WHERE p.table_name = 'messages' AND p.row_key = m.parent_id) "
                                     "FROM changes c JOIN messages m ON c.table_name = 'messages' AND c.row_key = m.id "
                                     "JOIN conversations v ON v.id = m.conversation_id "
                                     "WHERE v.project_id = ? ORDER BY m.rowid");
    messages.bindAll(projectId);
    QSet<QString> going;
    while (messages.next()) {
        const QString id = messages.columnText(0);
        const bool streaming = messages.columnInt(1) != 0;
        const QString parent = messages.columnText(2);
        const bool parentWaits = messages.columnInt(3) != 0;
        if (streaming || (parentWaits && !going.contains(parent)))
            continue;
        going.insert(id);
        rows.append({kMessageTable, id});
    }
    if (messages.failed())
        return messages.error(readFailed());
    QList<SyncedRow> items;
    for (const RowRef &row : std::as_const(rows)) {
        Result<std::optional<QJsonObject>> data = itemData(db, projectId, row);
        if (!data)
            return data.error();
        if (*data)
            items.append(SyncedRow{row.first, row.second, **data});
    }
    return items;
}

Result<qint64> pendingCount(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT (SELECT count(*) FROM changes c JOIN conversations v ON c.table_name = 'conversations' AND c.row_key = v.id "
                    "        WHERE v.project_id = ?1) + "
                    "       (SELECT count(*) FROM changes c JOIN messages m ON c.table_name = 'messages' AND c.row_key = m.id "
                    "        JOIN conversations v ON v.id = m.conversation_id WHERE v.project_id = ?1 AND m.status <> 'streaming')");
    q.bindAll(projectId);
    if (!q.next())
        return q.error(readFailed());
    return q.columnInt(0);
}

Result<void> markAllPending(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "INSERT INTO changes (table_name, row_key, op) "
                    "SELECT 'conversations', id, 'upsert' FROM conversations WHERE project_id = ?1 "
                    "UNION ALL SELECT 'messages', m.id, 'upsert' FROM messages m JOIN conversations v ON v.id = m.conversation_id WHERE v.project_id = ?1 "
                    "ON CONFLICT (table_name, row_key) DO NOTHING");
    q.bindAll(projectId);
    return q.exec(QCoreApplication::translate("Realm::Chat", "Cannot record the project's conversations to send"));
}

Result<QList<RowRef>> rows(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT 'conversations', id FROM conversations WHERE project_id = ?1 "
                    "UNION ALL SELECT 'messages', m.id FROM messages m JOIN conversations v ON v.id = m.conversation_id WHERE v.project_id = ?1");
    q.bindAll(projectId);
    QList<RowRef> rows;
    while (q.next())
        rows.append({q.columnText(0), q.columnText(1)});
    if (q.failed())
        return q.error(readFailed());
    return rows;
}

QList<RowRef> references(const QString &table, const QJsonObject &data)
{
    if (table != kMessageTable)
        return {};
    QList<RowRef> refs{{kConversationTable, data.value(QStringLiteral("conversation_id")).toString()}};
    if (const QString parent = data.value(QStringLiteral("parent_id")).toString(); !parent.isEmpty())
        refs.append({kMessageTable, parent});
    return refs;
}

Result<void> apply(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const QJsonObject &data, bool deleted)
{
    if (table == kMessageTable)
        return applyMessage(db, projectId, key, data);
    if (table != kConversationTable)
        return {};
    Result<std::optional<QString>> project = projectOfConversation(db, key);
    if (!project)
        return project.error();
    if (*project && **project != projectId)
        return {};
    return applyConversation(db, projectId, key, data, deleted);
}

} // namespace Realm::Chat::Replica
