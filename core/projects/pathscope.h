// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"
#include "storage/statement.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Realm::Projects {

// Runs `select` — "SELECT … FROM <a table with project_id and path> WHERE
// project_id = ?1 …" — for the rows at or under the paths of `scope` (all
// rows when it is empty), calling `row` for each: what a refresh of some
// paths reads of the project's files and of its folder.
Result<void> forEachRowUnder(Storage::Handle db, const QString &select, const QString &projectId, const QStringList &scope,
                             const std::function<void(const Storage::Statement &)> &row, const QString &failure);

} // namespace Realm::Projects
