// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/protectedfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStringList>

#include <sys/stat.h>

namespace Realm::ProtectedFiles {

namespace {
QMutex s_mutex;
QStringList s_workspaces; // canonical paths; a path twice when opened twice

const char *const kSidecars[] = {"", "-wal", "-shm", "-journal"};

// Where a write to `path` lands: its folder resolved (symlinks, "..") plus
// its own name.
QString landingPath(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : folder + QLatin1Char('/') + info.fileName();
}

bool sameFile(const QString &a, const QString &b)
{
    struct stat sa;
    struct stat sb;
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 && ::stat(QFile::encodeName(b).constData(), &sb) == 0
           && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

Error refusal(const QString &target, const QString &workspace)
{
    return Error::invalidInput(QCoreApplication::translate("Realm::Common", "%1 is the open workspace %2 (or one of its files): writing there would "
                                                                            "replace every project, conversation and document in it. "
                                                                            "Nothing was written; choose another place.")
                                   .arg(target, workspace));
}
} // namespace

void add(const QString &workspacePath)
{
    QMutexLocker lock(&s_mutex);
    s_workspaces.append(landingPath(workspacePath));
}

void remove(const QString &workspacePath)
{
    QMutexLocker lock(&s_mutex);
    s_workspaces.removeOne(landingPath(workspacePath));
}

Result<void> checkWritable(const QString &target)
{
    const QString landing = landingPath(target);
    QMutexLocker lock(&s_mutex);
    for (const QString &workspace : std::as_const(s_workspaces)) {
        for (const char *sidecar : kSidecars) {
            const QString file = workspace + QLatin1String(sidecar);
            if (landing == file || sameFile(target, file))
                return refusal(target, workspace);
        }
    }
    return {};
}

Result<void> checkFolderWritable(const QString &folder)
{
    const QString landing = landingPath(folder);
    QMutexLocker lock(&s_mutex);
    for (const QString &workspace : std::as_const(s_workspaces)) {
        if (workspace.startsWith(landing + QLatin1Char('/')) || landing == workspace)
            return refusal(folder, workspace);
    }
    return {};
}

} // namespace Realm::ProtectedFiles
