// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"
#include "syncclient/syncjob.h"
#include "syncclient/syncstate.h"

#include <optional>

namespace Realm::SyncClient {

// Whether a shared project downloads its files' contents with every pull
// or only when they are needed, and how many it has not downloaded.
struct ContentsState {
    Link::Contents contents = Link::Contents::Eager;
    qint64 notDownloaded = 0; // live files whose contents are not here
    bool unshared = false;    // no longer shared: what is not here cannot be downloaded
};

// nullopt when the project is not shared.
Result<std::optional<ContentsState>> contentsState(const Storage::DatabasePtr &db, const QString &projectId);
// NotFound when the project is not shared; InvalidInput for Lazy when its
// folder takes the team's changes (the folder needs every content). Eager
// leaves what is missing to the next sync (or ProjectSyncer::fetch).
Result<ContentsState> setContents(const Storage::DatabasePtr &db, const QString &projectId, Link::Contents contents);

// The download a job that reads the project's contents (an export, docs)
// runs first, so that it does not stop at the first file not downloaded:
// nullopt when no content `reach` covers is missing, or when the project
// is not (or no longer, or not yet) shared: nothing to download from, and
// the job then says which file it lacks.
Result<std::optional<SyncInput>> downloadBefore(const Storage::DatabasePtr &db, const QString &projectId, FetchReach reach);

} // namespace Realm::SyncClient
