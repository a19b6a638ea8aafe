// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/filewriter.h"

#include "common/clock.h"
#include "common/ids.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>


#include <csignal>

namespace Realm::Projects {

using Storage::Statement;

namespace {
constexpr qint64 kQueueBytes = 48LL * 1024 * 1024;
constexpr int kQueueFiles = 4096;
constexpr qint64 kBatchBytes = 64LL * 1024 * 1024;
// Text held back for the search index (see FileWriter::Statements). On
// drivers/ of the Linux tree (31k files) 1 MiB groups imported 10 % slower
// than 4 MiB ones; 8 MiB ones were 2 % faster but held 8 MiB more.
constexpr qint64 kPendingTextBytes = 4LL * 1024 * 1024;

void bindOptional(Statement &q, int index, qint64 value)
{
    if (value != 0)
        q.bind(index, value);
    else
        q.bindNull(index);
}

// Files per committed batch. REALM_IMPORT_BATCH_FILES lowers it so the
// crash-safety test can kill an import between batches on a small tree.
int batchFiles()
{
    static const int files = [] {
        bool ok = false;
        const int fromEnv = qEnvironmentVariableIntValue("REALM_IMPORT_BATCH_FILES", &ok);
        return ok && fromEnv > 0 ? fromEnv : 8192;
    }();
    return files;
}

// The crash-safety test's fault injection: with REALM_TEST_CRASH_AT_FILE=K
// the process kills itself (SIGKILL, so no cleanup runs) just before it
// writes its K-th file, or before it finishes when K is one more than the
// files written. 0 (unset): never.
qint64 crashAtFile()
{
    static const qint64 at = qEnvironmentVariable("REALM_TEST_CRASH_AT_FILE").toLongLong();
    return at;
}

void crashIfAskedAt(qint64 step)
{
    if (step == crashAtFile())
        ::raise(SIGKILL);
}
} // namespace

// Prepared once per writer and reused for every file.
struct FileWriter::Statements {
    explicit Statements(Storage::Handle db)
        : insertBlob(db, "INSERT INTO blobs (sha256, size, is_binary, encoding, content) "
                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")
        , indexText(db, "INSERT INTO blob_text (rowid, text) VALUES (?, ?)")
        , insertFile(db, "INSERT INTO files (id, project_id, path, blob_sha256, size, mode, "
                         "language, created_at, updated_at, source_mtime_ns, source_checked_ms) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , updateFile(db, "UPDATE files SET blob_sha256 = ?, size = ?, mode = ?, language = ?, "
                         "updated_at = ?, source_mtime_ns = ?, source_checked_ms = ? WHERE id = ?")
    {
    }
    Statement insertBlob, indexText, insertFile, updateFile;

    // Text waiting for the search index, written a group at a time. FTS5
    // writes its pending terms to disk at every statement savepoint, and
    // writing a file row opens one (its change-capture trigger makes the
    // statement a multi-row write): indexing each text right after its
    // file made FTS5 flush once per file, 35 % slower imports.
    struct Text {
        qint64 blobRowId;
        QByteArray utf8;
    };
    QList<Text> pendingText;
    qint64 pendingTextBytes = 0;

    Result<void> indexPendingText()
    {
        for (const Text &text : std::as_const(pendingText)) {
            indexText.bind(1, text.blobRowId);
            indexText.bindText(2, text.utf8);
            if (Result<void> r = indexText.exec(QCoreApplication::translate("Realm::Projects", "Cannot index the imported text")); !r)
                return r;
        }
        pendingText.clear();
        pendingTextBytes = 0;
        return {};
    }
};

FileWriter::FileWriter(Storage::DatabasePtr db, QString projectId, Mode mode)
    : m_db(std::move(db))
    , m_projectId(std::move(projectId))
    , m_mode(mode)
{
    m_thread = std::thread([this] { run(); });
}

FileWriter::~FileWriter()
{
    abort();
}

Result<void> FileWriter::push(PreparedFile file)
{
    std::unique_lock lock(m_mutex);
    while (!m_error && !m_done && (m_queuedBytes >= kQueueBytes || m_queue.size() >= kQueueFiles))
        m_changed.wait(lock);
    if (m_error)
        return *m_error;
    if (m_done)
        return Error::failed(QCoreApplication::translate("Realm::Projects", "The import was already finished."));
    m_queuedBytes += file.content.size() + file.utf8Text.size();
    m_queue.enqueue(std::move(file));
    m_changed.notify_all();
    return {};
}

Result<void> FileWriter::finish(Finalizer finalizer)
{
    {
        std::unique_lock lock(m_mutex);
        m_finalizer = std::move(finalizer);
        m_finishing = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    std::unique_lock lock(m_mutex);
    if (m_error)
        return *m_error;
    return {};
}

void FileWriter::abort()
{
    {
        std::unique_lock lock(m_mutex);
        m_aborting = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void FileWriter::run()
{
    Storage::Handle db = m_db->handle();
    std::optional<Storage::Transaction> transaction; // a batch of files being written
    std::optional<Statements> statements;
    qint64 batchBytes = 0;
    int batchFileCount = 0;
    qint64 steps = 0; // files dequeued, and then the finish

    const auto fail = [&](const Error &error) {
        transaction.reset(); // rolls back
        std::unique_lock lock(m_mutex);
        m_error = error;
        m_queue.clear();
        m_queuedBytes = 0;
        m_changed.notify_all();
    };
    const auto begin = [&]() -> Result<void> {
        if (transaction)
            return {};
        transaction.emplace(db);
        if (transaction->isActive())
            return {};
        const Error error = transaction->error();
        transaction.reset();
        return error;
    };
    const auto commit = [&]() -> Result<void> {
        if (Result<void> indexed = statements->indexPendingText(); !indexed)
            return indexed;
        Result<void> committed = transaction->commit(QCoreApplication::translate("Realm::Projects", "Cannot save the import"));
        transaction.reset();
        return committed;
    };

    if (db.isValid())
        statements.emplace(db);
    if (!db.isValid() || !statements->insertBlob.isValid() || !statements->indexText.isValid()
        || !statements->insertFile.isValid() || !statements->updateFile.isValid()) {
        fail(Error::database(QCoreApplication::translate("Realm::Projects", "Cannot open the workspace for writing.")));
    } else {
        for (;;) {
            PreparedFile file;
            Finalizer finalizer;
            {
                std::unique_lock lock(m_mutex);
                while (m_queue.isEmpty() && !m_finishing && !m_aborting)
                    m_changed.wait(lock);
                if (m_aborting)
                    break;
                if (m_queue.isEmpty()) { // finishing, all written
                    finalizer = std::move(m_finalizer);
                } else {
                    file = m_queue.dequeue();
                    m_queuedBytes -= file.content.size() + file.utf8Text.size();
                    m_changed.notify_all();
                }
            }
            crashIfAskedAt(++steps);
            if (finalizer) {
                Result<void> r = begin();
                if (r)
                    r = finalizer(db);
                if (r)
                    r = commit();
                if (!r)
                    fail(r.error());
                break;
            }
            Result<void> r = begin();
            if (r)
                r = write(*statements, file);
            if (!r) {
                fail(r.error());
                break;
            }
            batchBytes += file.content.size();
            ++batchFileCount;
            if (m_mode == Mode::Batched && (batchBytes >= kBatchBytes || batchFileCount >= batchFiles())) {
                if (Result<void> c = commit(); !c) {
                    fail(c.error());
                    break;
                }
                batchBytes = 0;
                batchFileCount = 0;
            }
        }
    }
    transaction.reset(); // an abort: rolls back
    statements.reset();
    m_db->closeThreadConnection();
    std::unique_lock lock(m_mutex);
    m_done = true;
    m_changed.notify_all();
}

Result<void> FileWriter::write(Statements &s, const PreparedFile &file)
{
    const QString what = QCoreApplication::translate("Realm::Projects", "Cannot store %1").arg(file.path);
    const bool binary = file.encoding == TextEncoding::Binary;
    s.insertBlob.bindBlob(1, file.sha256);
    s.insertBlob.bind(2, qint64(file.content.size()));
    s.insertBlob.bind(3, qint64(binary ? 1 : 0));
    s.insertBlob.bind(4, encodingName(file.encoding));
    s.insertBlob.bindBlob(5, file.content);
    if (Result<void> r = s.insertBlob.exec(what); !r)
        return r;
    if (s.insertBlob.changes() == 1 && !binary) {
        s.pendingText.append({s.insertBlob.lastInsertRowId(), file.utf8Text});
        s.pendingTextBytes += file.utf8Text.size();
        if (s.pendingTextBytes >= kPendingTextBytes) {
            if (Result<void> r = s.indexPendingText(); !r)
                return r;
        }
    }
    const qint64 now = Clock::nowMs();
    if (file.existingFileId.isEmpty()) {
        Statement &q = s.insertFile;
        q.bind(1, newId());
        q.bind(2, m_projectId);
        q.bind(3, file.path);
        q.bindBlob(4, file.sha256);
        q.bind(5, qint64(file.content.size()));
        q.bind(6, qint64(file.mode));
        q.bind(7, file.language);
        q.bind(8, now);
        q.bind(9, now);
        bindOptional(q, 10, file.mtimeNs);
        bindOptional(q, 11, file.checkedAtMs);
        return q.exec(what);
    }
    Statement &q = s.updateFile;
    q.bindBlob(1, file.sha256);
    q.bind(2, qint64(file.content.size()));
    q.bind(3, qint64(file.mode));
    q.bind(4, file.language);
    q.bind(5, now);
    bindOptional(q, 6, file.mtimeNs);
    bindOptional(q, 7, file.checkedAtMs);
    q.bind(8, file.existingFileId);
    return q.exec(what);
}

} // namespace Realm::Projects
