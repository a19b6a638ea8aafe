// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/filewriter.h"

#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>

#include <csignal>

namespace Realm::Projects {

namespace {
constexpr qint64 kQueueBytes = 48LL * 1024 * 1024;
constexpr int kQueueFiles = 4096;
constexpr qint64 kBatchBytes = 64LL * 1024 * 1024;

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
    std::optional<FileRows> rows;
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
        if (Result<void> indexed = rows->flushText(); !indexed)
            return indexed;
        Result<void> committed = transaction->commit(QCoreApplication::translate("Realm::Projects", "Cannot save the import"));
        transaction.reset();
        return committed;
    };

    if (db.isValid())
        rows.emplace(db, m_projectId);
    if (!db.isValid() || !rows->isValid()) {
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
                r = rows->write(file);
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
    rows.reset();
    m_db->closeThreadConnection();
    std::unique_lock lock(m_mutex);
    m_done = true;
    m_changed.notify_all();
}

} // namespace Realm::Projects
