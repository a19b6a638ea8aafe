// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/changecapture.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Chat {

// What sync reads from a shared project's conversations and writes into
// them, inside the caller's transaction. Titles, pins and the trash are
// the conversation's (the later change in the server's order wins);
// messages are only ever added, and change only while their answer
// arrives. What stays on this machine: the model profile and model a
// conversation uses (each member asks with their own), the branch on show,
// times of local writes.
namespace Replica {

inline constexpr char kConversations[] = "conversations";
inline constexpr char kMessages[] = "messages";
bool isChatTable(const QString &table);

using Storage::RowRef;
using Storage::SyncedRow;

// The data of one row of the project as it would be sent (a message as
// conversation exports hold it, plus its conversation_id); nullopt when
// this workspace does not have it in the project.
Result<std::optional<QJsonObject>> itemData(const Storage::DatabasePtr &db, const QString &projectId, const RowRef &row);

// The project's conversations and messages written here and not yet taken
// by sync: conversations first, then messages in the order they were
// written (a parent before its answers). A message whose answer is still
// arriving waits until it is complete.
Result<QList<SyncedRow>> pending(const Storage::DatabasePtr &db, const QString &projectId);
Result<qint64> pendingCount(Storage::Handle db, const QString &projectId);
// Records every conversation and message of the project as changed here:
// what sharing sends.
Result<void> markAllPending(Storage::Handle db, const QString &projectId);
// Every conversation and message of the project.
Result<QList<RowRef>> rows(Storage::Handle db, const QString &projectId);

// The rows an item needs before it: a message's conversation and parent.
QList<RowRef> references(const QString &table, const QJsonObject &data);

// Writes a row as the server has it into the project. A message whose
// conversation is not here yet gets an untitled one (its own change
// follows); one whose parent never came becomes a first message. A row of
// another project (or of no project) is left alone: a server writes only
// into the project it shares. `deleted`: the server's tombstone — a
// conversation goes to the trash, a message stays.
Result<void> apply(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const QJsonObject &data,
                   bool deleted);

} // namespace Replica
} // namespace Realm::Chat
