// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include <memory>
#include <type_traits>

namespace Realm::Ui {

// The threads background work runs on. REALM's own pool, not Qt's global
// one: it is created after the first workspace connection and so destroyed
// (waiting for what still runs) before the database connections are torn
// down when the program ends. Work still running on the global pool at exit
// used a connection that was already gone (tst_chathistory crashed so).
inline QThreadPool *backgroundPool()
{
    static QThreadPool pool;
    return &pool;
}

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
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [db, work = std::move(work)] {
        Storage::ThreadConnectionScope connection(db);
        return work(db);
    }));
}

// A callback for a call on its way (to a server, say) that runs only if
// `context` (a dialog that may close meanwhile) is still there.
template<typename Callback>
auto whileOpen(QObject *context, Callback callback)
{
    return [context = QPointer<QObject>(context), callback](auto result) {
        if (context)
            callback(std::move(result));
    };
}

// For a view that reloads in the background: results do not arrive in the
// order their reloads started, so only the newest reload's result may be
// shown, and an older one that finishes later is dropped.
//
//     const quint64 ticket = m_listReloads.take();
//     runInBackground(this, m_db, work, [this, ticket](const auto &result) {
//         if (!m_listReloads.isNewest(ticket))
//             return;
//         …
class LatestOnly final {
public:
    quint64 take() { return ++m_newest; }
    bool isNewest(quint64 ticket) const { return ticket == m_newest; }

private:
    quint64 m_newest = 0;
};

// Hands calls from a worker thread to the thread of `target`, where they run
// only if `target` still exists. The worker never touches the widget (not
// even a QPointer to it): it holds the relay, which lives on the widget's
// thread and is deleted there once the last worker lets go of it.
class UiRelay final : public QObject {
public:
    explicit UiRelay(QObject *target) : m_target(target) {}

    template<typename F>
    void post(F call)
    {
        QMetaObject::invokeMethod(this, [this, call = std::move(call)] {
            if (m_target)
                call();
        }, Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_target;
};

// Create on the target's thread; copies may go to workers.
inline std::shared_ptr<UiRelay> makeUiRelay(QObject *target)
{
    return std::shared_ptr<UiRelay>(new UiRelay(target), [](UiRelay *relay) { relay->deleteLater(); });
}

} // namespace Realm::Ui
