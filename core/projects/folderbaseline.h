// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "projects/importoptions.h"
#include "storage/database.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Projects {

// A shared project's folder can be left as it is when the team's changes
// arrive (`folder_takes_pulls` off): the project gets them, the folder does
// not. Its refreshes then compare the folder with what it held when last
// read — kept here, per file — so they send only what changed in the
// folder, never the folder's older copy of a teammate's change.
namespace FolderBaseline {

struct Entry {
    QByteArray sha256; // empty: the folder no longer has the file (kept for madeOn)
    int mode = 0644;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    qint64 checkedAtMs = 0;
    // The content the folder's last change was made on, where the project
    // then had another (empty: the file was new in the folder); nullopt
    // when it was made on the project's own content.
    std::optional<QByteArray> madeOn;
};

// Whether the project's folder takes the team's changes (the default).
Result<bool> folderTakesPulls(Storage::Handle db, const QString &projectId);

// What the folder held when last read, at or under the paths of `scope`
// (all of it when empty).
Result<QHash<QString, Entry>> entries(Storage::Handle db, const QString &projectId, const QStringList &scope = {});
Result<void> record(Storage::Handle db, const QString &projectId, const QString &path, const Entry &entry);
// The folder no longer has the file. Its change not sent yet (madeOn set)
// is still made on what it says: a delete of an edit made on an older copy
// must not delete the teammate's newer one.
Result<void> recordGone(Storage::Handle db, const QString &projectId, const QString &path, const std::optional<QByteArray> &madeOn);
Result<void> forget(Storage::Handle db, const QString &projectId, const QString &path);

// For sync, about a change of `path` waiting to be sent: the content it
// was made on, when not the project's (see Entry::madeOn).
Result<std::optional<QByteArray>> madeOn(Storage::Handle db, const QString &projectId, const QString &path);
// The paths of the files a folder kept as it is held when last read (what
// a watcher of it expects there); nullopt when the folder takes the team's
// changes (it holds the project's files).
Result<std::optional<QStringList>> keptPaths(Storage::Handle db, const QString &projectId);
// The server answered the change of `path`. Took it as sent (`madeOn`
// nullopt): the folder's next change is made on what the project has.
// Kept another content (merged, kept both, or kept its own): the folder's
// next change is made on `madeOn`, what was sent (empty for a delete),
// until the server takes one as sent.
Result<void> settle(Storage::Handle db, const QString &projectId, const QString &path, const std::optional<QByteArray> &madeOn = std::nullopt);
// A pull wrote the server's content of `path` into a folder that takes
// the team's changes: what the folder's next change is made on is that.
Result<void> tookPull(Storage::Handle db, const QString &projectId, const QString &path);

// Leaves the folder as it is from now on; what it holds now is what the
// project holds (the folder followed the project until now).
Result<void> keepFolder(Storage::Handle db, const QString &projectId);
// The folder takes the team's changes again. Call after a refresh, inside
// one transaction: writes the project's files the folder lacks or still has
// as last read, removes the files the project no longer has. A file edited
// there since is left as it is (the next refresh reads it). Returns how
// many files were written or removed.
Result<qint64> followProject(Storage::Handle db, const QString &projectId);

// The switch as a person turns it (the CLI, the desktop; never on a UI
// thread): off from now on; or on again, which first refreshes the project
// from the folder (so that no change made there is written over) and then
// writes the project's files into it. Returns how many files of the folder
// were written or removed.
Result<qint64> setFolderTakesPulls(const Storage::DatabasePtr &db, const QString &projectId, bool takes, const ImportOptions &options = {});

} // namespace FolderBaseline
} // namespace Realm::Projects
