// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "projects/importoptions.h"
#include "projects/project.h"
#include "storage/database.h"

#include <QList>

#include <functional>

namespace Realm::Projects {

struct ImportIssue {
    QString path;
    QString reason;
};

struct ImportProgress {
    qint64 files = 0;   // files read so far
    qint64 bytes = 0;   // their bytes
    qint64 skipped = 0;
    qint64 rejected = 0;
    QString currentPath;
};

struct ImportReport {
    Project project;
    qint64 files = 0;     // files in the project afterwards
    qint64 bytes = 0;
    qint64 added = 0;     // a refresh's changes; an import adds all files
    qint64 changed = 0;
    qint64 removed = 0;
    qint64 unchanged = 0;
    QList<ImportIssue> skipped;  // left out on purpose (excluded, too big, symlink)
    QList<ImportIssue> rejected; // unsafe or unreadable entries
    // Imported, but worth knowing: names that differ only in case or Unicode
    // form (fine here, a problem when exported to macOS or Windows).
    QList<ImportIssue> warnings;
};

// Imports projects from a source and refreshes them from it. An import
// becomes visible only when complete: it is written in batches under an
// invisible 'importing' row, so a crash or a failure leaves the workspace as
// it was (the leftovers are removed at once, or at the next open). A refresh
// is one transaction and rewrites only files whose contents changed.
//
// Runs on the calling thread (never call it on a UI thread) and uses one more
// thread to write while the caller reads and hashes.
class ProjectImporter final {
public:
    using ProgressCallback = std::function<void(const ImportProgress &)>;

    explicit ProjectImporter(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    // Called on the importing thread, at most about every 50 ms.
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    void setCancellationToken(const CancellationToken *token) { m_cancel = token; }

    Result<ImportReport> importProject(const QString &location, const ImportOptions &options);
    // With `onlyPaths` (files and folders of a project imported from a
    // folder: relative to it, or absolute inside it), reads just those: what
    // is new or changed there is written, what is gone there is removed, the
    // rest of the project stays as it is. Fast on a large tree, for callers
    // that know what changed (an editor's save hook, a file watcher).
    Result<ImportReport> refreshProject(const QString &projectId, const ImportOptions &options,
                                        const QStringList &onlyPaths = {});

private:
    Storage::DatabasePtr m_db;
    ProgressCallback m_progress;
    const CancellationToken *m_cancel = nullptr;
};

} // namespace Realm::Projects
