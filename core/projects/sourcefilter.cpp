// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/sourcefilter.h"

#include "projects/gitsupport.h"

#include <QDir>
#include <QFile>

#include <git2.h>

namespace Realm::Projects {

namespace {

// Shell-style glob (`*`, `?`, `[...]`) for one exclude pattern.
QRegularExpression globToRegex(const QString &glob)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(
        QRegularExpression::wildcardToRegularExpression(glob, QRegularExpression::UnanchoredWildcardConversion)));
}

} // namespace

// Answers "is this path ignored by git?" through libgit2, which knows every
// rule (.gitignore at each level, .git/info/exclude, negations).
class GitIgnore final {
public:
    explicit GitIgnore(const QString &root)
    {
        git_repository *repo = nullptr;
        if (git_repository_open_ext(&repo, QFile::encodeName(root).constData(), 0, nullptr) != 0)
            return;
        m_repo.reset(repo);
        const char *workdir = git_repository_workdir(repo);
        if (!workdir) {
            m_repo.reset();
            return;
        }
        const QString work = QDir(QFile::decodeName(workdir)).canonicalPath();
        const QString canonicalRoot = QDir(root).canonicalPath();
        m_prefix = QDir(work).relativeFilePath(canonicalRoot);
        if (m_prefix == QLatin1String("."))
            m_prefix.clear();
        else
            m_prefix += QLatin1Char('/');
    }

    bool isIgnored(const QString &relativePath, bool isDirectory) const
    {
        if (!m_repo)
            return false;
        QString path = m_prefix + relativePath;
        if (isDirectory)
            path += QLatin1Char('/');
        int ignored = 0;
        if (git_ignore_path_is_ignored(&ignored, m_repo.get(), path.toUtf8().constData()) != 0)
            return false;
        return ignored == 1;
    }

private:
    Git::LibraryScope m_library;
    Git::RepositoryPtr m_repo;
    QString m_prefix;
};

SourceFilter::SourceFilter(const QString &root, const ImportOptions &options)
{
    for (QString pattern : options.excludes) {
        pattern = pattern.trimmed();
        while (pattern.endsWith(QLatin1Char('/')))
            pattern.chop(1);
        if (pattern.isEmpty())
            continue;
        if (pattern.contains(QLatin1Char('/')))
            m_pathPatterns.append(globToRegex(pattern.startsWith(QLatin1Char('/')) ? pattern.mid(1) : pattern));
        else
            m_namePatterns.append(globToRegex(pattern));
    }
    if (options.honourGitIgnore)
        m_gitIgnore = std::make_unique<GitIgnore>(root);
}

SourceFilter::~SourceFilter() = default;

bool SourceFilter::isExcluded(const QString &relativePath, const QString &name) const
{
    for (const QRegularExpression &re : m_namePatterns) {
        if (re.match(name).hasMatch())
            return true;
    }
    for (const QRegularExpression &re : m_pathPatterns) {
        if (re.match(relativePath).hasMatch())
            return true;
    }
    return false;
}

bool SourceFilter::isIgnoredByGit(const QString &relativePath, bool isDirectory) const
{
    return m_gitIgnore && m_gitIgnore->isIgnored(relativePath, isDirectory);
}

bool SourceFilter::leavesOut(const QString &relativePath, bool isDirectory) const
{
    // With any folder it is in: the walk does not go in there. What is
    // said of a folder is kept (a checkout names thousands of paths in a
    // few folders).
    for (qsizetype start = 0;;) {
        const qsizetype slash = relativePath.indexOf(QLatin1Char('/'), start);
        if (slash < 0)
            return isExcluded(relativePath, relativePath.mid(start)) || isIgnoredByGit(relativePath, isDirectory);
        const QString folder = relativePath.left(slash);
        auto verdict = m_folderVerdicts.constFind(folder);
        if (verdict == m_folderVerdicts.cend())
            verdict = m_folderVerdicts.insert(folder, isExcluded(folder, folder.mid(start)) || isIgnoredByGit(folder, true));
        if (*verdict)
            return true;
        start = slash + 1;
    }
}

} // namespace Realm::Projects
