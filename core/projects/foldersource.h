// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importsource.h"

namespace Realm::Projects {

// Imports a folder from disk. Honours .gitignore and .git/info/exclude when
// the folder is (inside) a git work tree, always skips .git/, and applies the
// configurable excludes. Symlinks are followed only to files inside the
// folder; links that leave it are rejected, links to folders skipped.
class FolderSource final : public ImportSource {
public:
    FolderSource(QString root, ImportOptions options);

    // Reads only these files and folders (relative, normalized paths) instead
    // of the whole folder; each is found as the whole walk would find it.
    void readOnly(const QStringList &relativePaths);

    Result<void> readInto(ImportSink &sink) override;
    ProjectSource description() const override;
    QString suggestedName() const override;

private:
    QString m_root;
    ImportOptions m_options;
    QStringList m_only;
};

} // namespace Realm::Projects
