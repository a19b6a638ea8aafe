// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectexporter.h"

#include "common/protectedfiles.h"
#include "projects/pathsafety.h"
#include "projects/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace Realm::Projects {

namespace {
// Removes the partial archive unless told the archive is complete.
struct PartialFile {
    QString path;
    bool keep = false;
    ~PartialFile()
    {
        if (!keep)
            QFile::remove(path);
    }
};
} // namespace

std::optional<ArchiveFormat> archiveFormatFromName(const QString &name)
{
    if (name == QLatin1String("zip"))
        return ArchiveFormat::Zip;
    if (name == QLatin1String("tar.gz") || name == QLatin1String("tgz"))
        return ArchiveFormat::TarGz;
    return std::nullopt;
}

Result<ExportReport> exportArchive(const Storage::DatabasePtr &db, const QString &projectId, ArchiveFormat format, const QString &fileName,
                                   const CancellationToken *cancel, const std::function<void(const ExportProgress &)> &progress)
{
    ProjectStore store(db);
    Result<QList<ProjectFile>> files = store.files(projectId);
    if (!files)
        return files.error();
    ExportProgress state;
    state.filesTotal = files->size();
    for (const ProjectFile &f : std::as_const(*files))
        state.bytesTotal += f.size;

    const QString target = QFileInfo(fileName).absoluteFilePath();
    for (const QString &written : {target, QString(target + QStringLiteral(".part"))}) {
        if (Result<void> allowed = ProtectedFiles::checkWritable(written); !allowed)
            return allowed.error();
    }
    for (const ProjectFile &f : std::as_const(*files)) {
        if (Result<void> safe = checkPathForExport(f.path); !safe)
            return safe.error();
    }
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot create the folder for %1.").arg(target));
    PartialFile partial{target + QStringLiteral(".part")};
    auto writer = std::make_unique<ArchiveWriter>(format);
    if (Result<void> opened = writer->openFile(partial.path); !opened)
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot write %1: %2").arg(target, opened.error().message));

    for (const ProjectFile &f : std::as_const(*files)) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        state.path = f.path;
        if (progress)
            progress(state);
        Result<QByteArray> content = store.content(f);
        if (!content)
            return content.error();
        if (Result<void> added = writer->add(f.path, *content, f.mode, f.updatedAt); !added)
            return Error::io(QCoreApplication::translate("Realm::Projects", "Writing %1 into %2 failed: %3")
                                 .arg(f.path, target, added.error().message));
        ++state.filesDone;
        state.bytesDone += content->size();
    }
    if (Result<void> closed = writer->close(); !closed)
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot finish %1: %2").arg(target, closed.error().message));
    writer.reset();
    {
        // Flushed to the disk before it replaces an older archive.
        QFile written(partial.path);
        if (!written.open(QIODevice::ReadWrite) || ::fsync(written.handle()) != 0)
            return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot write %1: %2").arg(target, written.errorString()));
    }
    // rename(2) replaces an older archive in one step.
    if (::rename(QFile::encodeName(partial.path).constData(), QFile::encodeName(target).constData()) != 0)
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot move the archive to %1: %2").arg(target, QString::fromLocal8Bit(strerror(errno))));
    partial.keep = true;
    state.path.clear();
    if (progress)
        progress(state);
    return ExportReport{state.filesDone, state.bytesDone, target};
}

} // namespace Realm::Projects
