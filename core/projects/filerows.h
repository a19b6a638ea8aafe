// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "projects/textcontent.h"
#include "storage/handle.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Projects {

// A file ready to be stored: hashed, its encoding and language known.
struct PreparedFile {
    QString path;
    QByteArray sha256;
    QByteArray content;
    QByteArray utf8Text; // what goes into the search index; empty for binary
    TextEncoding encoding = TextEncoding::Binary;
    QString language;
    int mode = 0644;
    qint64 mtimeNs = 0;     // 0: unknown (stored as NULL)
    qint64 checkedAtMs = 0; // when the file was looked at; 0: unknown
    QString existingFileId; // set when this replaces that file row's contents
    // Set when the content is not here (a shared project that downloads
    // contents when needed): its size, as the server said; `sha256` names it.
    std::optional<qint64> absentSize;

    qint64 size() const { return absentSize.value_or(content.size()); }
};

// Hashes the content and finds its encoding and language.
PreparedFile prepareFile(const QString &path, QByteArray content, int mode);

// Writes file rows of one project and their contents (with the search
// index's entries) on one connection, inside the caller's transaction:
// what an import's writer thread and a sync's pull both do. Statements are
// prepared once and reused for every file.
class FileRows final {
public:
    FileRows(Storage::Handle db, QString projectId);
    Q_DISABLE_COPY_MOVE(FileRows)

    bool isValid() const;
    Result<void> write(const PreparedFile &file);
    // Only the content (of a file row written before without it): stored
    // when new or known but not downloaded until now, else left.
    Result<void> writeContent(const PreparedFile &file);
    // Indexes the text held back: call before the transaction commits.
    Result<void> flushText();

private:
    Result<void> writeAbsentBlob(const PreparedFile &file, const QString &what);

    QString m_projectId;
    Storage::Statement m_insertBlob, m_insertAbsentBlob, m_indexText, m_insertFile, m_updateFile;

    // Text waiting for the search index, written a group at a time. FTS5
    // writes its pending terms to disk at every statement savepoint, and
    // writing a file row opens one (its change-capture trigger makes the
    // statement a multi-row write): indexing each text right after its
    // file made FTS5 flush once per file, 35 % slower imports.
    struct Text {
        qint64 blobRowId;
        QByteArray utf8;
    };
    QList<Text> m_pendingText;
    qint64 m_pendingTextBytes = 0;
};

} // namespace Realm::Projects
