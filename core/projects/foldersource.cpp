// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/foldersource.h"

#include "common/clock.h"
#include "projects/gitsupport.h"
#include "projects/pathsafety.h"
#include "projects/sourcefilter.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <git2.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

namespace Realm::Projects {

namespace {

// The names in a folder as bytes, as the file system has them; nothing when
// it cannot be read.
std::optional<QList<QByteArray>> entryNames(const QString &dirPath)
{
    DIR *dir = ::opendir(QFile::encodeName(dirPath).constData());
    if (!dir)
        return std::nullopt;
    QList<QByteArray> names;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names.append(name);
    }
    ::closedir(dir);
    return names;
}

class FolderWalk final {
public:
    FolderWalk(const QString &root, const ImportOptions &options, ImportSink &sink)
        : m_root(QDir(root).canonicalPath())
        , m_filter(m_root, options)
        , m_sink(sink)
    {
    }

    Result<void> walk(const QString &relativeDir)
    {
        if (m_sink.isCancelled())
            return Error::cancelled();
        const QString dirPath = relativeDir.isEmpty() ? m_root : m_root + QLatin1Char('/') + relativeDir;
        std::optional<QList<QByteArray>> names = entryNames(dirPath);
        if (!names) {
            m_sink.reject(relativeDir, QCoreApplication::translate("Realm::Projects", "folder cannot be read (check its permissions)"));
            return {};
        }
        QList<std::pair<QString, QByteArray>> entries; // decoded name, name on disk
        for (const QByteArray &raw : std::as_const(*names)) {
            if (!isValidUtf8(raw)) {
                // QDir would decode such a name into one that opens nothing;
                // say so instead of losing the file.
                const QString shown = QString::fromUtf8(raw);
                m_sink.refuse(relativeDir.isEmpty() ? shown : relativeDir + QLatin1Char('/') + shown,
                              QCoreApplication::translate("Realm::Projects", "the name is not valid UTF-8 (rename it to import it)"));
                continue;
            }
            entries.append({QString::fromUtf8(raw), raw});
        }
        std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        const QByteArray diskDir = QFile::encodeName(dirPath) + '/';
        for (const auto &[name, raw] : std::as_const(entries)) {
            const QString relative = relativeDir.isEmpty() ? name : relativeDir + QLatin1Char('/') + name;
            // One lstat per entry says what it is, and for a file its size,
            // mode and time (a refresh of an unchanged tree does little else).
            const QByteArray diskPath = diskDir + raw;
            struct stat entry;
            if (::lstat(diskPath.constData(), &entry) != 0) {
                m_sink.reject(relative, QCoreApplication::translate("Realm::Projects", "cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno))));
                continue;
            }
            if (Result<void> r = visit(dirPath, name, diskPath, relative, entry); !r)
                return r;
        }
        return {};
    }

    // Reads only `relative` (a file or a folder) and what is under it, as a
    // walk of the whole folder would have found it: nothing when it is gone,
    // excluded, ignored or below a symlink.
    Result<void> walkOnly(const QString &relative)
    {
        const QStringList parts = relative.split(QLatin1Char('/'));
        QString dirPath = m_root;
        QString dirRelative;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &name = parts[i];
            const QString entryRelative = dirRelative.isEmpty() ? name : dirRelative + QLatin1Char('/') + name;
            const QByteArray diskPath = QFile::encodeName(dirPath + QLatin1Char('/') + name);
            struct stat entry;
            if (::lstat(diskPath.constData(), &entry) != 0) {
                if (errno == ENOENT || errno == ENOTDIR)
                    return {}; // gone: what the project held there goes too
                m_sink.reject(entryRelative, QCoreApplication::translate("Realm::Projects", "cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno))));
                return {};
            }
            if (i == parts.size() - 1)
                return visit(dirPath, name, diskPath, entryRelative, entry);
            if (!S_ISDIR(entry.st_mode) || name == QLatin1String(".git") || isGitDirectoryName(name)
                || m_filter.isExcluded(entryRelative, name) || m_filter.isIgnoredByGit(entryRelative, true))
                return {}; // a whole walk would not go in there either
            dirPath += QLatin1Char('/') + name;
            dirRelative = entryRelative;
        }
        return {};
    }

private:
    // One entry of a folder, `entry` being what lstat said of it.
    Result<void> visit(const QString &dirPath, const QString &name, const QByteArray &diskPath, const QString &relative,
                       const struct stat &entry)
    {
        if (name == QLatin1String(".git"))
            return {}; // the repository the folder is a work tree of
        if (isGitDirectoryName(name)) {
            m_sink.refuse(relative, QCoreApplication::translate("Realm::Projects", "\"%1\" is a name git reserves for its own folder "
                                                                                  "(a project may not carry git's configuration or hooks)").arg(name));
            return {};
        }
        if (S_ISLNK(entry.st_mode))
            return symlink(QFileInfo(dirPath + QLatin1Char('/') + name), relative);
        const bool isDir = S_ISDIR(entry.st_mode);
        if (m_filter.isExcluded(relative, name)) {
            m_sink.skip(relative + (isDir ? QStringLiteral("/") : QString()), QCoreApplication::translate("Realm::Projects", "excluded by the import settings"));
            return {};
        }
        if (m_filter.isIgnoredByGit(relative, isDir))
            return {}; // ignored files are not news; they are not listed as skipped
        if (isDir)
            return walk(relative);
        if (S_ISREG(entry.st_mode))
            return file(diskPath, relative, entry);
        m_sink.skip(relative, QCoreApplication::translate("Realm::Projects", "not a regular file"));
        return {};
    }

    Result<void> symlink(const QFileInfo &info, const QString &relative)
    {
        const QString target = info.canonicalFilePath();
        if (target.isEmpty()) {
            m_sink.skip(relative, QCoreApplication::translate("Realm::Projects", "broken symlink"));
            return {};
        }
        if (target != m_root && !target.startsWith(m_root + QLatin1Char('/'))) {
            m_sink.reject(relative, QCoreApplication::translate("Realm::Projects", "symlink points outside the project (%1)").arg(info.symLinkTarget()));
            return {};
        }
        const QFileInfo resolved(target);
        if (resolved.isDir()) {
            m_sink.skip(relative, QCoreApplication::translate("Realm::Projects", "symlink to a folder (not followed)"));
            return {};
        }
        if (!resolved.isFile()) {
            // A FIFO or a device would block the read (or never end).
            m_sink.skip(relative, QCoreApplication::translate("Realm::Projects", "symlink to something that is not a regular file"));
            return {};
        }
        if (m_filter.isExcluded(relative, info.fileName()) || m_filter.isIgnoredByGit(relative, false))
            return {};
        const QByteArray diskTarget = QFile::encodeName(target);
        struct stat st;
        if (::stat(diskTarget.constData(), &st) != 0) {
            m_sink.reject(relative, QCoreApplication::translate("Realm::Projects", "cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno))));
            return {};
        }
        return file(diskTarget, relative, st);
    }

    // `st`: what stat said of the file (its target, for a symlink).
    Result<void> file(const QByteArray &diskPath, const QString &relative, const struct stat &st)
    {
        const qint64 size = st.st_size;
        const qint64 limit = m_sink.limits().maxFileBytes;
        if (size > limit) {
            m_sink.skip(relative, QCoreApplication::translate("Realm::Projects", "larger than the per-file limit (%1 > %2)")
                                      .arg(formatBytes(size), formatBytes(limit)));
            return {};
        }
        const int mode = (st.st_mode & S_IXUSR) ? 0755 : 0644;
        const qint64 checkedAtMs = Clock::nowMs();
        const qint64 mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        if (mtimeNs != 0 && m_sink.skipIfUnchanged(relative, size, mode, mtimeNs))
            return {};
        if (size > 1024 * 1024)
            m_sink.reading(relative);
        // Opened without blocking and checked again on the descriptor: what
        // was a regular file a moment ago may have been swapped for a FIFO.
        const int fd = ::open(diskPath.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            m_sink.reject(relative, QCoreApplication::translate("Realm::Projects", "cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno))));
            return {};
        }
        struct stat opened;
        if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
            ::close(fd);
            m_sink.skip(relative, QCoreApplication::translate("Realm::Projects", "not a regular file"));
            return {};
        }
        QFile file;
        if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            m_sink.reject(relative, QCoreApplication::translate("Realm::Projects", "cannot be read: %1").arg(file.errorString()));
            return {};
        }
        SourceFile source;
        source.path = relative;
        source.content = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            m_sink.reject(relative, QCoreApplication::translate("Realm::Projects", "cannot be read: %1").arg(file.errorString()));
            return {};
        }
        source.mode = mode;
        source.mtimeNs = mtimeNs;
        source.checkedAtMs = checkedAtMs;
        return m_sink.addFile(std::move(source));
    }

    QString m_root;
    SourceFilter m_filter;
    ImportSink &m_sink;
};

} // namespace

FolderSource::FolderSource(QString root, ImportOptions options)
    : m_root(QFileInfo(root).absoluteFilePath())
    , m_options(std::move(options))
{
}

Result<void> FolderSource::readInto(ImportSink &sink)
{
    const QFileInfo info(m_root);
    if (!info.isDir())
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The folder %1 does not exist.").arg(m_root));
    if (!info.isReadable())
        return Error::io(QCoreApplication::translate("Realm::Projects", "The folder %1 cannot be read: check its permissions.").arg(m_root));
    FolderWalk walk(m_root, m_options, sink);
    if (m_only.isEmpty())
        return walk.walk(QString());
    for (const QString &relative : std::as_const(m_only)) {
        if (Result<void> r = walk.walkOnly(relative); !r)
            return r;
    }
    return {};
}

void FolderSource::readOnly(const QStringList &relativePaths)
{
    // Sorted, and nothing inside a folder already listed: each file is read once.
    QStringList sorted = relativePaths;
    sorted.sort();
    m_only.clear();
    for (const QString &path : std::as_const(sorted)) {
        const bool inside = std::any_of(m_only.cbegin(), m_only.cend(), [&](const QString &kept) {
            return path == kept || path.startsWith(kept + QLatin1Char('/'));
        });
        if (!inside)
            m_only.append(path);
    }
}

ProjectSource FolderSource::description() const
{
    return {ProjectSource::Kind::Folder, m_root, {}, {}};
}

QString FolderSource::suggestedName() const
{
    return QFileInfo(m_root).fileName();
}

} // namespace Realm::Projects
