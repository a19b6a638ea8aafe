// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importoptions.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace Realm::Projects {

class GitIgnore;

// What a folder import leaves out of a project: the exclude patterns of its
// options (a pattern without '/' matches a name at any depth; with '/', a
// path from the folder) and, when honoured, what git ignores there. The
// import's walk and the watcher of an imported folder both ask it, so a
// folder the import skips (build output) is not watched either.
class SourceFilter final {
public:
    SourceFilter(const QString &root, const ImportOptions &options);
    ~SourceFilter();
    Q_DISABLE_COPY_MOVE(SourceFilter)

    // `relativePath` ends in `name`.
    bool isExcluded(const QString &relativePath, const QString &name) const;
    bool isIgnoredByGit(const QString &relativePath, bool isDirectory) const;
    // Either, of the path or of a folder it is in.
    bool leavesOut(const QString &relativePath, bool isDirectory) const;

private:
    QList<QRegularExpression> m_namePatterns;
    QList<QRegularExpression> m_pathPatterns;
    std::unique_ptr<GitIgnore> m_gitIgnore;
    mutable QHash<QString, bool> m_folderVerdicts; // leavesOut(folder, true)
};

} // namespace Realm::Projects
