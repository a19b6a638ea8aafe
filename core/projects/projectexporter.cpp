// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectexporter.h"

#include "common/protectedfiles.h"
#include "projects/pathsafety.h"
#include "projects/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace Realm::Projects {

namespace {
struct WriterDeleter {
    void operator()(archive *a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

QString writeError(archive *a)
{
    const char *message = archive_error_string(a);
    return message ? QString::fromUtf8(message) : QCoreApplication::translate("Realm::Projects", "unknown error");
}

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
    std::unique_ptr<archive, WriterDeleter> a(archive_write_new());
    if (format == ArchiveFormat::Zip) {
        archive_write_set_format_zip(a.get());
    } else {
        archive_write_set_format_pax_restricted(a.get()); // ustar where it can, pax headers for long or non-ASCII names
        archive_write_add_filter_gzip(a.get());
    }
    archive_write_set_options(a.get(), "hdrcharset=UTF-8");
    if (archive_write_open_filename(a.get(), QFile::encodeName(partial.path).constData()) != ARCHIVE_OK)
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot write %1: %2").arg(target, writeError(a.get())));

    for (const ProjectFile &f : std::as_const(*files)) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        state.path = f.path;
        if (progress)
            progress(state);
        Result<QByteArray> content = store.content(f);
        if (!content)
            return content.error();
        std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
        const QByteArray path = f.path.toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), mode_t(f.mode & 07777));
        archive_entry_set_size(entry.get(), la_int64_t(content->size()));
        archive_entry_set_mtime(entry.get(), time_t(f.updatedAt / 1000), long((f.updatedAt % 1000) * 1000000));
        if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK
            || (content->size() > 0 && archive_write_data(a.get(), content->constData(), size_t(content->size())) < 0))
            return Error::io(QCoreApplication::translate("Realm::Projects", "Writing %1 into %2 failed: %3")
                                 .arg(f.path, target, writeError(a.get())));
        ++state.filesDone;
        state.bytesDone += content->size();
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot finish %1: %2").arg(target, writeError(a.get())));
    a.reset();
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
