// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importsource.h"

struct archive;

namespace Realm::Projects {

// Imports a ZIP or tar archive (plain, gzip, bzip2, xz, zstd) with libarchive,
// streaming each entry straight into the workspace: nothing is extracted to
// disk. The import limits are enforced while bytes arrive, so an archive bomb
// stops after at most one limit's worth of data.
class ArchiveSource final : public ImportSource {
public:
    ArchiveSource(QString path, ImportOptions options);
    // An archive held in memory (a starter template from the workspace);
    // `name` stands for it in messages.
    static ArchiveSource inMemory(QByteArray bytes, QString name);

    Result<void> readInto(ImportSink &sink) override;
    ProjectSource description() const override;
    QString suggestedName() const override;

    static bool looksLikeArchive(const QString &path);
    static QString libraryVersion();

private:
    int open(archive *reader) const;
    bool startsLikeZip() const;

    QString m_path; // or the name of the archive in memory
    ImportOptions m_options;
    QByteArray m_bytes;
    bool m_inMemory = false;
};

} // namespace Realm::Projects
