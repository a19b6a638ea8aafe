// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QList>
#include <QPair>

namespace Realm::Workspace {

// Opens a workspace file for use: the schema brought up to date, then what
// a crashed or killed REALM left behind settled, in one place for every
// program: an import that never finished is removed (unless its process
// still runs), and an answer nothing has written for a minute is marked
// interrupted.
Result<Storage::DatabasePtr> open(const QString &path);

// Name and version of each library REALM is built on, for --version and
// the About dialog.
QList<QPair<QString, QString>> componentVersions();

} // namespace Realm::Workspace
