// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivebuilder.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>

namespace Realm::Test {

ArchiveBuilder::ArchiveBuilder(const QString &path, Format format)
    : m_archive(archive_write_new())
{
    switch (format) {
    case Format::Zip:
        archive_write_set_format_zip(m_archive);
        break;
    case Format::Tar:
        archive_write_set_format_pax_restricted(m_archive);
        break;
    case Format::TarGz:
        archive_write_set_format_pax_restricted(m_archive);
        archive_write_add_filter_gzip(m_archive);
        break;
    case Format::TarBz2:
        archive_write_set_format_pax_restricted(m_archive);
        archive_write_add_filter_bzip2(m_archive);
        break;
    case Format::TarXz:
        archive_write_set_format_pax_restricted(m_archive);
        archive_write_add_filter_xz(m_archive);
        break;
    case Format::TarZst:
        archive_write_set_format_pax_restricted(m_archive);
        archive_write_add_filter_zstd(m_archive);
        break;
    }
    if (archive_write_open_filename(m_archive, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        qFatal("cannot create archive %s: %s", qPrintable(path), archive_error_string(m_archive));
}

ArchiveBuilder::~ArchiveBuilder()
{
    close();
}

QString ArchiveBuilder::suffix(Format format)
{
    switch (format) {
    case Format::Zip: return QStringLiteral(".zip");
    case Format::Tar: return QStringLiteral(".tar");
    case Format::TarGz: return QStringLiteral(".tar.gz");
    case Format::TarBz2: return QStringLiteral(".tar.bz2");
    case Format::TarXz: return QStringLiteral(".tar.xz");
    case Format::TarZst: return QStringLiteral(".tar.zst");
    }
    return {};
}

void ArchiveBuilder::addFile(const QByteArray &rawPath, const QByteArray &content, int mode)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, rawPath.constData());
    archive_entry_set_size(entry, content.size());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, mode_t(mode));
    archive_write_header(m_archive, entry);
    archive_write_data(m_archive, content.constData(), size_t(content.size()));
    archive_entry_free(entry);
}

void ArchiveBuilder::addDirectory(const QByteArray &rawPath)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, rawPath.constData());
    archive_entry_set_filetype(entry, AE_IFDIR);
    archive_entry_set_perm(entry, 0755);
    archive_write_header(m_archive, entry);
    archive_entry_free(entry);
}

void ArchiveBuilder::addSymlink(const QByteArray &rawPath, const QByteArray &target)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, rawPath.constData());
    archive_entry_set_filetype(entry, AE_IFLNK);
    archive_entry_set_symlink(entry, target.constData());
    archive_entry_set_perm(entry, 0777);
    archive_write_header(m_archive, entry);
    archive_entry_free(entry);
}

void ArchiveBuilder::addZeros(const QByteArray &rawPath, qint64 size)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, rawPath.constData());
    archive_entry_set_size(entry, size);
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_write_header(m_archive, entry);
    const QByteArray chunk(1 << 20, '\0');
    for (qint64 written = 0; written < size; written += chunk.size())
        archive_write_data(m_archive, chunk.constData(), size_t(qMin<qint64>(chunk.size(), size - written)));
    archive_entry_free(entry);
}

void ArchiveBuilder::close()
{
    if (!m_archive)
        return;
    archive_write_close(m_archive);
    archive_write_free(m_archive);
    m_archive = nullptr;
}

} // namespace Realm::Test
