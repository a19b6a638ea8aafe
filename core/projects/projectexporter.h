// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "projects/archivewriter.h"
#include "storage/database.h"

#include <QString>

#include <functional>
#include <optional>

namespace Realm::Projects {

// "zip", "tar.gz" (or "tgz").
std::optional<ArchiveFormat> archiveFormatFromName(const QString &name);

struct ExportProgress {
    qint64 filesDone = 0;
    qint64 filesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString path; // the file being written
};

struct ExportReport {
    qint64 files = 0;
    qint64 bytes = 0; // of the contents, before compression
    QString fileName;
};

// Writes every file of a project into a ZIP or tar.gz archive (libarchive):
// paths as in the project, contents byte for byte, file modes, one file in
// memory at a time. The archive is written next to `fileName` and renamed
// into place at the end, so a failure, a full disk or a cancel leaves no
// half-written archive (and an existing one as it was). Blocking: run it on
// a worker or from the CLI.
Result<ExportReport> exportArchive(const Storage::DatabasePtr &db, const QString &projectId, ArchiveFormat format, const QString &fileName,
                                   const CancellationToken *cancel = nullptr,
                                   const std::function<void(const ExportProgress &)> &progress = {});

} // namespace Realm::Projects
