// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include <type_traits>

namespace Realm::Ui {

// Runs `work(db)` on a worker thread — it has its own connection, closed
// afterwards — and hands the result to `done` on `context`'s thread, unless
// `context` is gone by then. The way widgets read and write the workspace
// without the UI thread waiting on the disk.
template<typename Work, typename Done>
void runInBackground(QObject *context, const Storage::DatabasePtr &db, Work work, Done done)
{
    using T = std::invoke_result_t<Work, Storage::DatabasePtr>;
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([db, work = std::move(work)] {
        T result = work(db);
        db->closeThreadConnection();
        return result;
    }));
}

} // namespace Realm::Ui
