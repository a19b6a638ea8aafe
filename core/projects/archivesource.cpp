// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/archivesource.h"

#include "projects/pathsafety.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace Realm::Projects {

namespace {

struct ArchiveDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

const char *const kArchiveSuffixes[] = {".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz",
                                        ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.zstd"};

QString entryPath(archive_entry *entry)
{
    // Most archives name entries in UTF-8 whatever they declare; trust the
    // raw bytes when they are valid UTF-8, else let libarchive convert from
    // the archive's declared charset, else keep the bytes readable as Latin-1.
    const char *raw = archive_entry_pathname(entry);
    if (raw && isValidUtf8(QByteArrayView(raw)))
        return QString::fromUtf8(raw);
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    return raw ? QString::fromLatin1(raw) : QString();
}

// A tar archive ends with two zero blocks; libarchive accepts one that
// stops at an entry boundary without them ("some writers omit" them), which
// is also what a cut download looks like.
constexpr la_int64_t kTarEndMarkerBytes = 1024;

bool isTar(archive *a)
{
    return (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR;
}

// The decompressed stream of a compressed archive, handed to the archive
// reader on top (see readInto()).
struct Decompressed {
    archive *raw = nullptr;
    QByteArray buffer;
};

la_ssize_t readDecompressed(archive *reader, void *clientData, const void **data)
{
    auto *input = static_cast<Decompressed *>(clientData);
    const la_ssize_t n = archive_read_data(input->raw, input->buffer.data(), size_t(input->buffer.size()));
    if (n < 0) {
        archive_set_error(reader, archive_errno(input->raw), "%s", archive_error_string(input->raw));
        return ARCHIVE_FATAL;
    }
    *data = input->buffer.constData();
    return n;
}

constexpr QByteArrayView kZipStart("PK\x03\x04");

QString archiveError(archive *a)
{
    const char *message = archive_error_string(a);
    return message ? QString::fromUtf8(message) : QCoreApplication::translate("Realm::Projects", "unknown error");
}

} // namespace

ArchiveSource::ArchiveSource(QString path, ImportOptions options)
    : m_path(QFileInfo(path).absoluteFilePath())
    , m_options(std::move(options))
{
}

ArchiveSource ArchiveSource::inMemory(QByteArray bytes, QString name)
{
    ArchiveSource source(QString(), {});
    source.m_path = std::move(name);
    source.m_bytes = std::move(bytes);
    source.m_inMemory = true;
    return source;
}

int ArchiveSource::open(archive *reader) const
{
    if (m_inMemory)
        return archive_read_open_memory(reader, m_bytes.constData(), size_t(m_bytes.size()));
    return archive_read_open_filename(reader, QFile::encodeName(m_path).constData(), 64 * 1024);
}

bool ArchiveSource::startsLikeZip() const
{
    if (m_inMemory)
        return m_bytes.startsWith(kZipStart);
    QFile file(m_path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == kZipStart;
}

bool ArchiveSource::looksLikeArchive(const QString &path)
{
    const QString lower = path.toLower();
    for (const char *suffix : kArchiveSuffixes) {
        if (lower.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

QString ArchiveSource::libraryVersion()
{
    return QString::fromLatin1(archive_version_string()).section(QLatin1Char(' '), 1, 1);
}

ProjectSource ArchiveSource::description() const
{
    return {ProjectSource::Kind::Archive, m_path, {}, {}};
}

QString ArchiveSource::suggestedName() const
{
    QString name = QFileInfo(m_path).fileName();
    const QString lower = name.toLower();
    for (const char *suffix : kArchiveSuffixes) {
        if (lower.endsWith(QLatin1String(suffix))) {
            name.chop(qsizetype(strlen(suffix)));
            break;
        }
    }
    return name;
}

Result<void> ArchiveSource::readInto(ImportSink &sink)
{
    if (!m_inMemory && !QFileInfo(m_path).isFile())
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "The archive %1 does not exist.").arg(m_path));

    // A compressed archive is read in two layers: libarchive's raw format
    // decompresses, and the tar reader reads what comes out. After the tar's
    // end marker the rest of the stream is drained, so a download cut in the
    // compressor's last bytes (its checksum) fails too.
    ArchivePtr compressed;
    Decompressed input;
    {
        ArchivePtr probe(archive_read_new());
        archive_read_support_filter_all(probe.get());
        archive_read_support_format_raw(probe.get());
        archive_entry *rawEntry = nullptr;
        if (open(probe.get()) == ARCHIVE_OK
            && archive_filter_count(probe.get()) > 1 && archive_read_next_header(probe.get(), &rawEntry) == ARCHIVE_OK)
            compressed = std::move(probe);
    }
    ArchivePtr a(archive_read_new());
    // ZIPs are read from their central directory (the list at the end), not
    // entry by entry from the front: one cut short has none and is refused
    // instead of importing the files before the cut.
    archive_read_support_format_zip_seekable(a.get());
    archive_read_support_format_tar(a.get());
    int opened = ARCHIVE_FATAL;
    if (compressed) {
        input.raw = compressed.get();
        input.buffer.resize(64 * 1024);
        opened = archive_read_open(a.get(), &input, nullptr, readDecompressed, nullptr);
    } else {
        opened = open(a.get());
    }
    if (opened != ARCHIVE_OK) {
        if (startsLikeZip())
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The ZIP archive %1 is incomplete: its end (the central directory that "
                                                                                      "lists its files) is missing, as after an interrupted download. "
                                                                                      "Nothing was imported. Download or copy it again.").arg(m_path));
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "%1 cannot be opened as a ZIP or tar archive: %2. Nothing was imported.")
                                       .arg(m_path, archiveError(a.get())));
    }
    const auto packedBytes = [&] { return archive_filter_bytes(compressed ? compressed.get() : a.get(), -1); };

    const ImportLimits &limits = sink.limits();
    qint64 unpackedTotal = 0;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);

    bool hadEntry = false;
    QString lastPath;
    for (;;) {
        if (sink.isCancelled())
            return Error::cancelled();
        // Where the previous entry's data (and its padding) ends: what the
        // next header read consumes beyond it tells whether a tar archive
        // had its end marker.
        if (hadEntry)
            archive_read_data_skip(a.get());
        const la_int64_t entryEnd = archive_filter_bytes(a.get(), 0);
        archive_entry *entry = nullptr;
        const int rc = archive_read_next_header(a.get(), &entry);
        if (rc == ARCHIVE_EOF) {
            if (isTar(a.get()) && archive_filter_bytes(a.get(), 0) - entryEnd < kTarEndMarkerBytes)
                return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The archive %1 is incomplete: it stops after %2 without the end "
                                                                                          "marker of a tar archive, as after an interrupted download. "
                                                                                          "Nothing was imported. Download or copy it again.")
                                               .arg(m_path, lastPath));
            if (compressed) {
                for (la_ssize_t n = 1; n > 0;) {
                    n = archive_read_data(compressed.get(), buffer.data(), size_t(buffer.size()));
                    if (n < 0)
                        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The archive %1 is damaged or truncated: %2. Nothing was imported.")
                                                       .arg(m_path, archiveError(compressed.get())));
                }
            }
            break;
        }
        hadEntry = true;
        if (rc == ARCHIVE_FATAL)
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The archive %1 is damaged or truncated: %2. Nothing was imported.")
                                           .arg(m_path, archiveError(a.get())));
        const QString path = entryPath(entry);
        lastPath = path;
        if (rc == ARCHIVE_WARN || rc == ARCHIVE_RETRY) {
            // e.g. a header with an unreadable name; the entry itself may still be fine
            if (path.isEmpty()) {
                sink.reject(QCoreApplication::translate("Realm::Projects", "(unnamed entry)"), archiveError(a.get()));
                continue;
            }
        }

        const mode_t type = archive_entry_filetype(entry);
        if (type == AE_IFDIR)
            continue;
        if (archive_entry_hardlink(entry)) {
            sink.skip(path, QCoreApplication::translate("Realm::Projects", "hard link (not stored)"));
            continue;
        }
        if (type == AE_IFLNK) {
            const char *target = archive_entry_symlink_utf8(entry);
            const QString targetText = target ? QString::fromUtf8(target) : QString();
            // Imported archives are never unpacked, so even an inside link is
            // not followed; it is reported so the user knows.
            if (symlinkStaysInside(path, targetText))
                sink.skip(path, QCoreApplication::translate("Realm::Projects", "symlink to %1 (not stored)").arg(targetText));
            else
                sink.reject(path, QCoreApplication::translate("Realm::Projects", "symlink points outside the project (%1)").arg(targetText));
            continue;
        }
        if (type != AE_IFREG) {
            sink.skip(path, QCoreApplication::translate("Realm::Projects", "not a regular file"));
            continue;
        }
        if (archive_entry_is_encrypted(entry)) {
            sink.reject(path, QCoreApplication::translate("Realm::Projects", "encrypted entry (not supported)"));
            continue;
        }
        const qint64 declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
        if (declared > limits.maxFileBytes) {
            sink.skip(path, QCoreApplication::translate("Realm::Projects", "larger than the per-file limit (%1 > %2)")
                                .arg(formatBytes(declared), formatBytes(limits.maxFileBytes)));
            continue;
        }
        if (declared > 1024 * 1024)
            sink.reading(path);

        SourceFile file;
        file.path = path;
        file.mode = (archive_entry_perm(entry) & 0111) ? 0755 : 0644;
        if (declared > 0)
            file.content.reserve(qsizetype(declared));
        bool tooLarge = false;
        for (;;) {
            const la_ssize_t n = archive_read_data(a.get(), buffer.data(), size_t(buffer.size()));
            if (n == 0)
                break;
            if (n < 0) {
                if (n == ARCHIVE_FATAL)
                    return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The archive %1 is damaged or truncated at %2: %3. Nothing was imported.")
                                                   .arg(m_path, path, archiveError(a.get())));
                sink.reject(path, QCoreApplication::translate("Realm::Projects", "cannot be unpacked: %1").arg(archiveError(a.get())));
                file.content.clear();
                tooLarge = true; // do not add a partial file
                break;
            }
            unpackedTotal += n;
            if (unpackedTotal > limits.maxTotalBytes)
                return Error{Error::Code::LimitExceeded,
                             QCoreApplication::translate("Realm::Projects", "The archive unpacks to more than the total import limit of %1 (stopped at %2). "
                                                                            "Nothing was imported. Raise the limit (--max-total-size) if this is expected.")
                                 .arg(formatBytes(limits.maxTotalBytes), path)};
            const qint64 packed = packedBytes();
            if (unpackedTotal > limits.ratioGraceBytes && packed > 0
                && double(unpackedTotal) / double(packed) > limits.maxCompressionRatio)
                return Error{Error::Code::LimitExceeded,
                             QCoreApplication::translate("Realm::Projects", "The archive expands more than %1 times its compressed size (at %2): it looks like an archive bomb. "
                                                                            "Nothing was imported. Raise the limit (--max-ratio) if you trust it.")
                                 .arg(limits.maxCompressionRatio).arg(path)};
            if (file.content.size() + n > limits.maxFileBytes) {
                // The header understated the size; stop reading this entry.
                sink.skip(path, QCoreApplication::translate("Realm::Projects", "larger than the per-file limit (%1)").arg(formatBytes(limits.maxFileBytes)));
                tooLarge = true;
                break;
            }
            file.content.append(buffer.constData(), n);
        }
        if (tooLarge)
            continue;
        if (Result<void> r = sink.addFile(std::move(file)); !r)
            return r;
    }
    return {};
}

} // namespace Realm::Projects
