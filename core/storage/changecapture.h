// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include "storage/handle.h"

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

} // namespace Realm::Storage
