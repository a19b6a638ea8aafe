// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct archive;

namespace Realm::Test {

// Writes ZIP and tar archives entry by entry with libarchive — including the
// hostile entries ("../x", absolute paths, links out of the tree) that
// ordinary archivers refuse to create.
class ArchiveBuilder final {
public:
    enum class Format { Zip, Tar, TarGz, TarBz2, TarXz, TarZst };
    ArchiveBuilder(const QString &path, Format format);
    ~ArchiveBuilder();

    void addFile(const QByteArray &rawPath, const QByteArray &content, int mode = 0644);
    void addDirectory(const QByteArray &rawPath);
    void addSymlink(const QByteArray &rawPath, const QByteArray &target);
    // A regular file of `size` zero bytes, written in chunks (for bombs).
    void addZeros(const QByteArray &rawPath, qint64 size);
    void close();

    static QString suffix(Format format);

private:
    archive *m_archive = nullptr;
};

} // namespace Realm::Test
