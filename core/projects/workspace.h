// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QList>
#include <QPair>

namespace Realm::Projects {

// Opens a workspace file for use: schema up to date, leftovers of an
// interrupted import removed. Every program opens workspaces this way.
Result<Storage::DatabasePtr> openWorkspace(const QString &path);

// Name and version of each library REALM is built on, for --version and
// the About dialog.
QList<QPair<QString, QString>> componentVersions();

} // namespace Realm::Projects
