// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/sourcefolder.h"

#include "common/atomicfile.h"
#include "projects/blobstore.h"
#include "projects/pathsafety.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Realm::Projects {

using Storage::Statement;

Result<std::optional<SourceFolder>> SourceFolder::of(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT source_location, folder_takes_pulls FROM projects WHERE id = ? AND source_kind = 'folder'");
    q.bindAll(projectId);
    if (!q.next())
        return q.failed() ? Result<std::optional<SourceFolder>>(q.error(QCoreApplication::translate("Realm::Projects", "Cannot read the project"))) : std::optional<SourceFolder>();
    const QString root = q.columnText(0);
    if (root.isEmpty())
        return std::optional<SourceFolder>();
    return std::optional<SourceFolder>(SourceFolder(QDir(root).absolutePath(), q.columnInt(1) != 0));
}

Result<std::optional<SourceFolder>> SourceFolder::takingPullsOf(Storage::Handle db, const QString &projectId)
{
    Result<std::optional<SourceFolder>> folder = of(db, projectId);
    if (folder && *folder && !(*folder)->m_takesPulls)
        return std::optional<SourceFolder>();
    return folder;
}

Result<SourceFolder> SourceFolder::attach(Storage::Handle db, const QString &projectId, const QString &folder)
{
    const QString root = QDir(folder).absolutePath();
    QDir dir(root);
    if (dir.exists() && !dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "%1 is not empty: give a new or empty folder for the files.").arg(root));
    if (!dir.mkpath(QStringLiteral(".")))
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot make the folder %1.").arg(root));
    Statement q(db, "UPDATE projects SET source_kind = 'folder', source_location = ? WHERE id = ?");
    q.bindAll(root, projectId);
    if (Result<void> set = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's folder")); !set)
        return set.error();
    // Where this machine keeps the files is not a change for the team.
    Statement forget(db, "DELETE FROM changes WHERE table_name = 'projects' AND row_key = ?");
    forget.bindAll(projectId);
    if (Result<void> forgotten = forget.exec(QCoreApplication::translate("Realm::Projects", "Cannot record the project's folder")); !forgotten)
        return forgotten.error();
    return SourceFolder(root, true);
}

bool SourceFolder::exists() const
{
    return QFileInfo(m_root).isDir();
}

bool SourceFolder::holds(const QString &path) const
{
    Result<QString> file = fileFor(path);
    return file && !file->isEmpty() && QFileInfo::exists(*file);
}

Result<QString> SourceFolder::fileFor(const QString &path) const
{
    // Nowhere to write (empty): a folder that is gone, a path that is not
    // one, or a symbolic link, a file where a folder should be, or a
    // folder where the file should be.
    if (!QFileInfo(m_root).isDir())
        return QString();
    Result<QString> normalized = normalizeEntryPath(path);
    if (!normalized || *normalized != path)
        return QString();
    QString at = m_root;
    const QStringList segments = normalized->split(QLatin1Char('/'));
    for (qsizetype i = 0; i < segments.size(); ++i) {
        at += QLatin1Char('/') + segments.at(i);
        const QFileInfo info(at);
        if (info.isSymLink() || (info.exists() && (i + 1 < segments.size() ? !info.isDir() : info.isDir())))
            return QString();
    }
    return at;
}

Result<QByteArray> SourceFolder::currentHash(const QString &file) const
{
    QFile in(file);
    if (!in.exists())
        return QByteArray();
    if (!in.open(QIODevice::ReadOnly))
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot read %1: %2").arg(file, in.errorString()));
    return BlobStore::sha256(in.readAll());
}

Result<bool> SourceFolder::holdsStored(const QString &path, const QByteArray &stored) const
{
    Result<QString> file = fileFor(path);
    if (!file || file->isEmpty())
        return file ? Result<bool>(false) : Result<bool>(file.error());
    Result<QByteArray> current = currentHash(*file);
    if (!current)
        return current.error();
    return *current == stored;
}

Result<bool> SourceFolder::write(const QString &path, const QByteArray &stored, const QByteArray &content, int mode) const
{
    Result<QString> file = fileFor(path);
    if (!file)
        return file.error();
    if (file->isEmpty())
        return false;
    Result<QByteArray> current = currentHash(*file);
    if (!current)
        return current.error();
    if (*current != stored && *current != BlobStore::sha256(content))
        return false; // edited (or deleted) here since
    if (*current != BlobStore::sha256(content)) {
        if (!QDir().mkpath(QFileInfo(*file).absolutePath()))
            return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot make the folder for %1.").arg(*file));
        // Checked again once the bytes are on disk, right before they take
        // the file's place: an edit saved while they were written is kept.
        const QByteArray seen = *current;
        std::optional<Error> unreadable;
        Result<bool> written = writeFileAtomicallyIf(*file, content, [&] {
            const Result<QByteArray> now = currentHash(*file);
            if (!now)
                unreadable = now.error();
            return now && *now == seen;
        });
        if (unreadable)
            return *unreadable;
        if (!written || !*written)
            return written;
    }
    // The mode too, also when only it changed: a refresh compares it.
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    if (mode & 0111)
        permissions |= QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    return QFile::setPermissions(*file, permissions);
}

Result<bool> SourceFolder::remove(const QString &path, const QByteArray &stored) const
{
    Result<QString> file = fileFor(path);
    if (!file)
        return file.error();
    if (file->isEmpty())
        return false;
    Result<QByteArray> current = currentHash(*file);
    if (!current)
        return current.error();
    if (current->isEmpty())
        return true;
    if (*current != stored)
        return false;
    if (!QFile::remove(*file))
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot remove %1.").arg(*file));
    return true;
}

} // namespace Realm::Projects
