// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/codeindex.h"

#include "projects/cleanup.h"
#include "projects/textcontent.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>


namespace Realm::Chat {

using Projects::encodingFromName;
using Projects::textAsUtf8;

using Storage::Statement;

namespace {
constexpr qint64 kBlobsPerTransaction = 400;
constexpr qsizetype kLargestIndexedText = 4 * 1024 * 1024; // generated files beyond this say little

bool isWordByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_' || u >= 0x80;
}
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

// Appends the parts of one identifier: "parseHTTPHeader_v2" -> parse http
// header v2 parsehttpheader_v2.
void appendWords(QByteArrayView token, QByteArray &out)
{
    qsizetype parts = 0;
    qsizetype start = 0;
    const auto emitPart = [&](qsizetype end) {
        if (end - start >= 2) {
            for (qsizetype i = start; i < end; ++i)
                out += char(isUpper(token[i]) ? token[i] - 'A' + 'a' : token[i]);
            out += ' ';
        }
        ++parts;
    };
    for (qsizetype i = 0; i < token.size(); ++i) {
        const char c = token[i];
        if (c == '_') {
            if (i > start)
                emitPart(i);
            start = i + 1;
            continue;
        }
        if (i > start && isUpper(c)
            && (isLower(token[i - 1]) || (i + 1 < token.size() && isUpper(token[i - 1]) && isLower(token[i + 1])))) {
            emitPart(i);
            start = i;
        }
    }
    if (start < token.size())
        emitPart(token.size());
    if (parts > 1 && token.size() <= 64) {
        for (char c : token)
            out += char(isUpper(c) ? c - 'A' + 'a' : c);
        out += ' ';
    }
}

// The chunks of a text: (first line, line count, bytes).
struct Chunk {
    int startLine;
    int lineCount;
    QByteArrayView text;
};

QList<Chunk> chunksOf(QByteArrayView text)
{
    QList<Chunk> chunks;
    int line = 1;
    qsizetype chunkStart = 0;
    int chunkLine = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '\n')
            continue;
        ++line;
        if (line - chunkLine == CodeIndex::kChunkLines) {
            chunks.append({chunkLine, line - chunkLine, text.sliced(chunkStart, i + 1 - chunkStart)});
            chunkStart = i + 1;
            chunkLine = line;
        }
    }
    if (chunkStart < text.size())
        chunks.append({chunkLine, line - chunkLine + 1, text.sliced(chunkStart)});
    return chunks;
}

QByteArrayView indexedPart(const QByteArray &text)
{
    return QByteArrayView(text).first(qMin(text.size(), kLargestIndexedText));
}

const char *const kStopWords[] = {
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
    "has", "have", "how", "what", "why", "when", "where", "which", "who", "whom", "this", "that", "these", "those",
    "with", "from", "into", "does", "did", "doing", "done", "there", "their", "them", "they", "then", "than", "its",
    "about", "would", "could", "should", "will", "shall", "may", "might", "must", "also", "just", "some", "more",
    "most", "such", "only", "own", "same", "other", "very", "each", "both", "few", "many", "much", "been", "being",
    "were", "is", "it", "to", "of", "in", "on", "at", "by", "or", "as", "be", "an", "do", "so", "if", "me", "my",
    "we", "us", "please", "explain", "tell", "show", "code", "file", "files", "work", "works", "use", "used",
    "using", "get", "make", "need", "want", "like", "here", "way", "thing", "things"};
} // namespace

QByteArray CodeIndex::wordsOf(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordByte(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool digitsOnly = true;
        while (i < text.size() && isWordByte(text[i])) {
            digitsOnly = digitsOnly && text[i] >= '0' && text[i] <= '9';
            ++i;
        }
        if (!digitsOnly && i - start >= 2)
            appendWords(text.sliced(start, i - start), out);
    }
    if (!out.isEmpty())
        out.chop(1);
    return out;
}

QStringList CodeIndex::queryWords(const QString &question)
{
    static const QSet<QByteArray> stopWords = [] {
        QSet<QByteArray> set;
        for (const char *w : kStopWords)
            set.insert(QByteArray(w));
        return set;
    }();
    QStringList words;
    QSet<QByteArray> seen;
    for (const QByteArray &word : wordsOf(question.toUtf8()).split(' ')) {
        if (word.size() < 3 || stopWords.contains(word) || seen.contains(word))
            continue;
        seen.insert(word);
        words << QString::fromUtf8(word);
    }
    return words;
}

namespace {
// The project's revision, and whether the index is known to be complete
// for it.
std::pair<qint64, bool> indexState(Storage::Handle db, const QString &projectId)
{
    Statement q(db, "SELECT p.revision, (SELECT revision FROM code_index_projects WHERE project_id = p.id) FROM projects p WHERE p.id = ?");
    q.bind(1, projectId);
    if (!q.next())
        return {-1, false};
    return {q.columnInt(0), !q.columnIsNull(1) && q.columnInt(1) == q.columnInt(0)};
}

// Matching chunks of one word, counted up to `cap`: cheap, however common
// the word is.
qint64 chunksWith(Storage::Handle db, const QString &word, qint64 cap)
{
    Statement q(db, "SELECT count(*) FROM (SELECT 1 FROM chunk_words WHERE chunk_words MATCH ? LIMIT ?)");
    const QByteArray term = QStringLiteral("\"%1\"").arg(QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\""))).toUtf8();
    q.bindText(1, term);
    q.bind(2, cap);
    return q.next() ? q.columnInt(0) : cap;
}
} // namespace

Result<qint64> CodeIndex::pending(const QString &projectId) const
{
    if (indexState(m_db->handle(), projectId).second)
        return 0;
    Statement q(m_db->handle(),
                "SELECT count(DISTINCT b.id) FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 "
                "WHERE f.project_id = ? AND f.deleted_at IS NULL AND b.is_binary = 0 AND b.present = 1 "
                "AND NOT EXISTS (SELECT 1 FROM chunked_blobs cb WHERE cb.blob_id = b.id)");
    q.bind(1, projectId);
    if (!q.next())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot read the code index"));
    return q.columnInt(0);
}

Result<CodeIndex::UpdateStats> CodeIndex::update(const QString &projectId, const CancellationToken *cancel,
                                                 const std::function<void(qint64, qint64)> &progress)
{
    Storage::Handle db = m_db->handle();
    const auto [revision, complete] = indexState(db, projectId);
    if (complete)
        return UpdateStats{};
    QList<qint64> blobIds;
    {
        Statement q(db, "SELECT DISTINCT b.id FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 "
                        "WHERE f.project_id = ? AND f.deleted_at IS NULL AND b.is_binary = 0 AND b.present = 1 "
                        "AND NOT EXISTS (SELECT 1 FROM chunked_blobs cb WHERE cb.blob_id = b.id)");
        q.bind(1, projectId);
        while (q.next())
            blobIds.append(q.columnInt(0));
        if (q.failed())
            return q.error(QCoreApplication::translate("Realm::Chat", "Cannot read the code index"));
    }
    UpdateStats stats;
    Statement load(db, "SELECT encoding, content FROM blobs WHERE id = ?");
    Statement addChunk(db, "INSERT INTO chunks (blob_id, start_line, line_count) VALUES (?, ?, ?)");
    Statement addWords(db, "INSERT INTO chunk_words (rowid, words) VALUES (?, ?)");
    Statement markDone(db, "INSERT OR IGNORE INTO chunked_blobs (blob_id) VALUES (?)");
    const QString whatFailed = QCoreApplication::translate("Realm::Chat", "Cannot update the code index");
    for (qsizetype at = 0; at < blobIds.size(); at += kBlobsPerTransaction) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        // Short transactions: an import or a chat may want to write too.
        Storage::Transaction transaction(db);
        if (!transaction.isActive())
            return transaction.error();
        Result<void> batch;
        for (qsizetype i = at; i < qMin(at + kBlobsPerTransaction, blobIds.size()) && batch; ++i) {
            const qint64 blobId = blobIds.at(i);
            load.bind(1, blobId);
            if (!load.next()) {
                load.reset();
                continue; // collected since the list was made
            }
            const QByteArray text = textAsUtf8(load.columnBlob(1), encodingFromName(load.columnText(0)));
            load.reset();
            for (const Chunk &chunk : chunksOf(indexedPart(text))) {
                const QByteArray words = wordsOf(chunk.text);
                if (words.isEmpty())
                    continue;
                addChunk.bind(1, blobId);
                addChunk.bind(2, qint64(chunk.startLine));
                addChunk.bind(3, qint64(chunk.lineCount));
                if (batch = addChunk.exec(whatFailed); !batch)
                    break;
                addWords.bind(1, addChunk.lastInsertRowId());
                addWords.bindText(2, words);
                if (batch = addWords.exec(whatFailed); !batch)
                    break;
                ++stats.chunks;
            }
            if (!batch)
                break;
            markDone.bind(1, blobId);
            batch = markDone.exec(whatFailed);
            ++stats.blobs;
        }
        if (!batch)
            return batch.error(); // the transaction rolls back
        if (Result<void> committed = transaction.commit(whatFailed); !committed)
            return committed.error();
        if (progress)
            progress(qMin(at + kBlobsPerTransaction, blobIds.size()), blobIds.size());
    }
    // Complete for this revision; a refresh or edit bumps it.
    Statement done(db, "INSERT OR REPLACE INTO code_index_projects (project_id, revision) VALUES (?, ?)");
    done.bind(1, projectId);
    done.bind(2, revision);
    if (Result<void> r = done.exec(whatFailed); !r)
        return r.error();
    return stats;
}

Result<QList<CodeHit>> CodeIndex::search(const QString &projectId, const QStringList &words, int limit) const
{
    QList<CodeHit> hits;
    if (words.isEmpty())
        return hits;
    Storage::Handle db = m_db->handle();
    const auto quoted = [](const QString &word) -> QString {
        return QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    // Chunks with every word first: the intersection is both the best
    // match and cheap, however common each word is. Then chunks with any of
    // the rarer words: words in a sizeable share of all chunks ("next",
    // "run" in a kernel) are left out there — they say little and cost the
    // most.
    QStringList all;
    for (const QString &word : words)
        all << quoted(word);
    constexpr qint64 kCommon = 4000;
    QList<QPair<qint64, QString>> counted;
    for (const QString &word : words)
        counted.append({chunksWith(db, word, kCommon), word});
    std::sort(counted.begin(), counted.end());
    QStringList rare;
    for (const auto &[count, word] : std::as_const(counted)) {
        if (count > 0 && count < kCommon && rare.size() < 8)
            rare << quoted(word);
    }
    QList<QByteArray> queries{all.join(QStringLiteral(" AND ")).toUtf8()};
    if (all.size() >= 3 && all.size() <= 8) {
        // Then chunks with all words but one.
        QStringList allButOne;
        for (qsizetype skip = 0; skip < all.size(); ++skip) {
            QStringList rest = all;
            rest.removeAt(skip);
            allButOne << QLatin1Char('(') + rest.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        }
        queries << allButOne.join(QStringLiteral(" OR ")).toUtf8();
    }
    if (!rare.isEmpty() && (words.size() > 1 || rare.size() != 1))
        queries << rare.join(QStringLiteral(" OR ")).toUtf8();
    // Ranked inside FTS5 first (its fast path), then narrowed to the project.
    Statement q(db, "SELECT c.id, f.path, c.start_line, c.line_count, s.score FROM "
                    "(SELECT rowid AS id, rank AS score FROM chunk_words WHERE chunk_words MATCH ? ORDER BY rank LIMIT ?) s "
                    "JOIN chunks c ON c.id = s.id JOIN blobs b ON b.id = c.blob_id "
                    "JOIN files f ON f.blob_sha256 = b.sha256 AND f.project_id = ? AND f.deleted_at IS NULL "
                    "ORDER BY s.score, f.path, c.start_line LIMIT ?");
    QSet<qint64> seen;
    // Looser queries only while the stricter ones found little: ranking an
    // OR of ANDs costs FTS5 far more than the intersection alone, and a few
    // dozen chunks with every word are context enough.
    constexpr int kEnoughStrictHits = 40;
    for (qsizetype k = 0; k < queries.size(); ++k) {
        if (k > 0 && hits.size() >= qMin(limit, kEnoughStrictHits))
            break;
        const QByteArray &match = queries.at(k);
        // BM25 scores stay well under 100: this keeps every hit of an
        // earlier (stricter) query above those of a later one.
        const double tier = double(queries.size() - 1 - k) * 100.0;
        if (hits.size() >= limit)
            break;
        q.bindText(1, match);
        q.bind(2, qint64(limit) * 4);
        q.bind(3, projectId);
        q.bind(4, qint64(limit));
        while (q.next() && hits.size() < limit) {
            if (seen.contains(q.columnInt(0)))
                continue;
            seen.insert(q.columnInt(0));
            hits.append({q.columnText(1), int(q.columnInt(2)), int(q.columnInt(3)), tier - q.columnDouble(4)});
        }
        if (q.failed())
            return q.error(QCoreApplication::translate("Realm::Chat", "Cannot search the code index"));
        q.reset();
    }
    return hits;
}

Result<void> CodeIndex::unindexBlob(Storage::Handle db, qint64 blobId, const QByteArray &utf8Text)
{
    Statement chunkIds(db, "SELECT id FROM chunks WHERE blob_id = ? ORDER BY id");
    chunkIds.bind(1, blobId);
    QList<qint64> ids;
    while (chunkIds.next())
        ids.append(chunkIds.columnInt(0));
    if (ids.isEmpty())
        return {};
    // The chunks were made from the same text in the same order; those with
    // no words got no row.
    Statement forget(db, "INSERT INTO chunk_words (chunk_words, rowid, words) VALUES ('delete', ?, ?)");
    const QString whatFailed = QCoreApplication::translate("Realm::Chat", "Cannot remove a file from the code index");
    qsizetype next = 0;
    for (const Chunk &chunk : chunksOf(indexedPart(utf8Text))) {
        const QByteArray words = wordsOf(chunk.text);
        if (words.isEmpty())
            continue;
        if (next >= ids.size())
            break;
        forget.bind(1, ids.at(next++));
        forget.bindText(2, words);
        if (Result<void> r = forget.exec(whatFailed); !r)
            return r;
    }
    Statement drop(db, "DELETE FROM chunks WHERE blob_id = ?");
    drop.bind(1, blobId);
    return drop.exec(whatFailed);
}

void CodeIndex::registerCleanup()
{
    Projects::Cleanup::beforeContentCollected([](Storage::Handle db, const Projects::Cleanup::CollectedContent &content) -> Result<void> {
        return content.utf8Text.isEmpty() ? Result<void>() : unindexBlob(db, content.blobId, content.utf8Text);
    });
}

} // namespace Realm::Chat
