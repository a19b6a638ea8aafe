// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include "storage/handle.h"

#include <QJsonObject>
#include <QString>

#include <utility>

namespace Realm::Storage {

// Change capture (schema 10 and later). For every table in `synced_tables`
// three triggers record each write in `changes`, in the writing transaction:
// one pending entry per row, the newest write last (an insert or update is
// an upsert, a delete a delete). An update counts when it names a column
// not listed in `unsynced_columns`, and then also counts the row's
// `revision` unless the statement did. Rows of a table marked
// `purged_with_project` that go because their project is purged are not
// recorded one by one: the project's row says 'purged'.
//
// The triggers are made from those two tables and the columns the tables
// have, and made again after every upgrade: a migration that adds a column
// or rebuilds a table only says, in `unsynced_columns`, what of it stays on
// this machine. Before schema 10 there is nothing to do.
Result<void> installChangeCapture(Handle db);

// A row of a synced table as sync sends it: its table, its key and its
// synced columns as JSON (snake_case keys, RFC 3339 times).
struct SyncedRow {
    QString table;
    QString key;
    QJsonObject data;
};
using RowRef = std::pair<QString, QString>; // table, key

// A row written with what a server sent is not a local change: the
// triggers recorded it all the same, and this takes the record back.
Result<void> forgetChange(Handle db, const QString &table, const QString &rowKey);
// Records a row as changed here (to be sent again), unless it already is.
Result<void> recordChange(Handle db, const QString &table, const QString &rowKey);
// Whether a local change of the row waits to be sent.
Result<bool> hasChange(Handle db, const QString &table, const QString &rowKey);

} // namespace Realm::Storage
