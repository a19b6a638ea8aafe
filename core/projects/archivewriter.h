// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct archive;

namespace Realm::Projects {

enum class ArchiveFormat { Zip, TarGz };

// Writes a ZIP or a gzip-compressed tar, to a file or into memory, with
// libarchive: regular files with their mode and time, names in UTF-8 (a
// tar gets pax headers where ustar cannot hold a name). The project export
// and the starter templates' packing write through it. An error carries
// libarchive's reason; the caller says what it was writing.
class ArchiveWriter final {
public:
    explicit ArchiveWriter(ArchiveFormat format);
    ~ArchiveWriter();
    Q_DISABLE_COPY_MOVE(ArchiveWriter)

    Result<void> openFile(const QString &path);
    Result<void> openMemory(); // takeBytes() after close()
    // `modifiedMs`: milliseconds since the epoch; 0 leaves it unset.
    Result<void> add(const QString &path, const QByteArray &content, int mode, qint64 modifiedMs = 0);
    Result<void> close();
    QByteArray takeBytes();

private:
    Error failure() const;

    std::unique_ptr<archive, void (*)(archive *)> m_archive;
    QByteArray m_bytes; // written into memory
};

} // namespace Realm::Projects
