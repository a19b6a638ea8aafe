// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Realm::Projects {

// Limits enforced while an import streams, so a hostile or accidental
// archive bomb is stopped early instead of filling the disk.
struct ImportLimits {
    // SQLite stores at most 1 GB in one value; files above this are always
    // skipped, whatever the settings say.
    static constexpr qint64 kLargestStorableFile = 512LL * 1024 * 1024;

    // Larger files are skipped (and reported); the rest of the import goes on.
    qint64 maxFileBytes = 20LL * 1024 * 1024;
    // Exceeding either of these stops the whole import; nothing is kept.
    qint64 maxTotalBytes = 4LL * 1024 * 1024 * 1024;
    qint64 maxFiles = 500000;
    // Uncompressed bytes per compressed byte read from an archive; checked
    // once more than `ratioGraceBytes` have been unpacked, so small, highly
    // compressible files do not trip it.
    double maxCompressionRatio = 200.0;
    qint64 ratioGraceBytes = 16LL * 1024 * 1024;
};

// Folder names and patterns skipped by default in folder imports. A pattern
// without '/' matches a file or folder name at any depth; with '/', a path
// relative to the imported folder. Wildcards as in shell globs.
QStringList defaultImportExcludes();

struct ImportOptions {
    QString name;           // project name; derived from the source when empty
    QString ref;            // git branch, tag or commit (git sources only)
    ImportLimits limits;
    QStringList excludes = defaultImportExcludes();
    bool honourGitIgnore = true;
};

} // namespace Realm::Projects
