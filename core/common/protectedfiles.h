// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

namespace Realm::ProtectedFiles {

// Files no output of REALM may replace: the workspaces open in this
// process, with their -wal, -shm and -journal. Storage registers a
// workspace while it is open; everything that writes a file the user named
// (exports, documents, sites, PDFs, templates) asks first, so an --out that
// points at the workspace — by its name, a symlink or a hard link — fails
// instead of wiping every project, conversation and document.
void add(const QString &workspacePath);
void remove(const QString &workspacePath);

// An error saying why when writing `target` would replace a protected file.
Result<void> checkWritable(const QString &target);

// The same for every file a writer may create inside `folder` (a Git work
// tree, a docs folder): refused when a protected file lies inside it.
Result<void> checkFolderWritable(const QString &folder);

} // namespace Realm::ProtectedFiles
