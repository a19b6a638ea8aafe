// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "storage/database.h"
#include "storage/handle.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Realm::Chat {

struct CodeHit {
    QString path;
    int startLine = 0; // 1-based
    int lineCount = 0;
    double score = 0;  // higher is more relevant
};

// Chat's word index over chunks of every text file, for finding the code a
// question is about: BM25 over chunks of kChunkLines lines whose words are
// the identifiers split into parts ("isBinaryFile" -> is binary file). Kept
// per content blob, so identical files cost nothing and a refreshed project
// only indexes what changed. Built on demand (update()), not during import.
class CodeIndex final {
public:
    static constexpr int kChunkLines = 40;

    explicit CodeIndex(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    struct UpdateStats {
        qint64 blobs = 0;  // newly indexed
        qint64 chunks = 0;
    };
    // Indexes the project's text files that are not yet indexed. Safe to
    // cancel: what is done stays done. `progress` gets (done, total) blobs.
    Result<UpdateStats> update(const QString &projectId, const CancellationToken *cancel = nullptr,
                               const std::function<void(qint64, qint64)> &progress = {});
    // Blobs of the project still to index.
    Result<qint64> pending(const QString &projectId) const;

    // The best chunks for `words` (any of them; rarer words count more),
    // at most `limit`.
    Result<QList<CodeHit>> search(const QString &projectId, const QStringList &words, int limit = 40) const;

    // The searchable words of a text: identifiers split at '_' and case
    // humps, lower-cased, plus each compound identifier whole.
    static QByteArray wordsOf(QByteArrayView utf8Text);
    // The words of a question worth searching for: no stop words, no
    // one- or two-letter words, each once.
    static QStringList queryWords(const QString &question);

    // Removes a blob's chunks from the word index; `text` is its decoded
    // text (the contentless index forgets a row only given its words).
    static Result<void> unindexBlob(Storage::Handle db, qint64 blobId, const QByteArray &utf8Text);
    // Lets projects drop a content's chunks when it collects the content
    // (Workspace::open calls it).
    static void registerCleanup();

private:
    Storage::DatabasePtr m_db;
};

} // namespace Realm::Chat
