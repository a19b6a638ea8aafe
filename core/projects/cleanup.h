// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace Realm::Projects::Cleanup {

// Other modules keep rows about a project (documents, statistics) or about
// a file content (its symbols, its line counts). Projects never touches
// their tables: each module registers here how to forget its rows, and
// projects calls that when it purges a project or collects a content,
// inside the same transaction. Workspace::open registers every module's.
struct CollectedContent {
    qint64 blobId = 0;
    QByteArray sha256;
    QByteArray utf8Text; // its decoded text; empty for binary contents
};
using ProjectHook = std::function<Result<void>(Storage::Handle db, const QString &projectId)>;
using ContentHook = std::function<Result<void>(Storage::Handle db, const CollectedContent &content)>;

void beforeProjectPurged(ProjectHook hook);
void beforeContentCollected(ContentHook hook);

// For projects: run what the modules registered.
Result<void> projectPurged(Storage::Handle db, const QString &projectId);
Result<void> contentCollected(Storage::Handle db, const CollectedContent &content);

} // namespace Realm::Projects::Cleanup
