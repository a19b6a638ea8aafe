// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "projects/filerows.h"
#include "storage/database.h"
#include "storage/handle.h"

#include <QQueue>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace Realm::Projects {

// Writes prepared files of one project on a thread of its own, so reading
// and hashing (on the caller's thread) overlap with SQLite work. A bounded
// queue keeps memory flat whatever the project's size.
//
// Batched mode commits every few thousand files (imports, which stay
// invisible until finished); single-transaction mode commits once at the end
// (refreshes, which must be all or nothing).
class FileWriter final {
public:
    enum class Mode { Batched, SingleTransaction };
    using Finalizer = std::function<Result<void>(Storage::Handle)>;

    FileWriter(Storage::DatabasePtr db, QString projectId, Mode mode);
    ~FileWriter();
    Q_DISABLE_COPY_MOVE(FileWriter)

    // Blocks while the queue is full. Fails once the writer has failed.
    Result<void> push(PreparedFile file);
    // Writes what is queued, runs `finalizer` in the last transaction and
    // commits. The writer thread is gone when this returns.
    Result<void> finish(Finalizer finalizer);
    // Drops what is queued and rolls back the open transaction.
    void abort();

private:
    void run();

    Storage::DatabasePtr m_db;
    QString m_projectId;
    Mode m_mode;

    // std:: primitives rather than QMutex/QWaitCondition: ThreadSanitizer sees
    // them (Debian's Qt is not built for it, so a QWaitCondition's wait looks
    // like a second lock).
    std::mutex m_mutex;
    std::condition_variable m_changed;
    QQueue<PreparedFile> m_queue;
    qint64 m_queuedBytes = 0;
    bool m_finishing = false;
    bool m_aborting = false;
    bool m_done = false;
    Finalizer m_finalizer;
    std::optional<Error> m_error;
    std::thread m_thread;
};

} // namespace Realm::Projects
