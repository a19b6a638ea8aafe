// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importsource.h"

namespace Realm::Projects {

// Imports the tree of one commit of a git repository through libgit2: a
// local repository (work tree, .git folder or bare) or a URL, which is cloned
// bare into a temporary folder first. Reads objects directly; nothing is
// checked out. The branch, tag or commit defaults to HEAD.
class GitSource final : public ImportSource {
public:
    GitSource(QString location, ImportOptions options);

    Result<void> readInto(ImportSink &sink) override;
    ProjectSource description() const override;
    QString suggestedName() const override;

    static bool looksLikeUrl(const QString &location);
    // A bare repository or a .git folder (not a work tree).
    static bool isRepositoryFolder(const QString &path);

private:
    QString m_location;
    ImportOptions m_options;
    QString m_commit;
};

} // namespace Realm::Projects
