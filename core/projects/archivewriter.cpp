// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/archivewriter.h"

#include <QCoreApplication>
#include <QFile>

#include <archive.h>
#include <archive_entry.h>

namespace Realm::Projects {

namespace {
void freeWriter(archive *a)
{
    archive_write_free(a);
}

la_ssize_t appendToBytes(archive *, void *bytes, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(bytes)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}
} // namespace

ArchiveWriter::ArchiveWriter(ArchiveFormat format)
    : m_archive(archive_write_new(), freeWriter)
{
    if (format == ArchiveFormat::Zip) {
        archive_write_set_format_zip(m_archive.get());
    } else {
        archive_write_set_format_pax_restricted(m_archive.get()); // ustar where it can, pax headers for long or non-ASCII names
        archive_write_add_filter_gzip(m_archive.get());
    }
    archive_write_set_options(m_archive.get(), "hdrcharset=UTF-8");
}

ArchiveWriter::~ArchiveWriter() = default;

Error ArchiveWriter::failure() const
{
    const char *message = archive_error_string(m_archive.get());
    return Error::io(message ? QString::fromUtf8(message) : QCoreApplication::translate("Realm::Projects", "unknown error"));
}

Result<void> ArchiveWriter::openFile(const QString &path)
{
    if (archive_write_open_filename(m_archive.get(), QFile::encodeName(path).constData()) != ARCHIVE_OK)
        return failure();
    return {};
}

Result<void> ArchiveWriter::openMemory()
{
    // Every block, not a fixed buffer sized in advance.
    archive_write_set_bytes_in_last_block(m_archive.get(), 1);
    if (archive_write_open2(m_archive.get(), &m_bytes, nullptr, appendToBytes, nullptr, nullptr) != ARCHIVE_OK)
        return failure();
    return {};
}

Result<void> ArchiveWriter::add(const QString &path, const QByteArray &content, int mode, qint64 modifiedMs)
{
    std::unique_ptr<archive_entry, void (*)(archive_entry *)> entry(archive_entry_new(), archive_entry_free);
    const QByteArray name = path.toUtf8();
    archive_entry_set_pathname_utf8(entry.get(), name.constData());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), mode_t(mode & 07777));
    archive_entry_set_size(entry.get(), la_int64_t(content.size()));
    if (modifiedMs != 0)
        archive_entry_set_mtime(entry.get(), time_t(modifiedMs / 1000), long((modifiedMs % 1000) * 1000000));
    if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK
        || (!content.isEmpty() && archive_write_data(m_archive.get(), content.constData(), size_t(content.size())) < 0))
        return failure();
    return {};
}

Result<void> ArchiveWriter::close()
{
    if (archive_write_close(m_archive.get()) != ARCHIVE_OK)
        return failure();
    return {};
}

QByteArray ArchiveWriter::takeBytes()
{
    return std::exchange(m_bytes, {});
}

} // namespace Realm::Projects
