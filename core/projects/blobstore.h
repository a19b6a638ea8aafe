// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QSet>

namespace Realm::Projects {

// Content-addressed file contents (SHA-256) and their search-index entries.
namespace BlobStore {

QByteArray sha256(QByteArrayView bytes);

// Deletes every blob no file row refers to, with its search-index entry.
// Returns how many were removed. Runs inside the caller's transaction if one
// is open.
Result<qint64> collectGarbage(Storage::Handle db);
// The same for these contents only (those a refresh replaced): no pass
// over every content of the workspace.
Result<qint64> collectGarbageAmong(Storage::Handle db, const QSet<QByteArray> &sha256s);

} // namespace BlobStore
} // namespace Realm::Projects
