// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"

#include <QObject>

#include <functional>

class QThread;

namespace Realm {

// What every complete job (an import, a statistics run, …) shares: it runs
// on a thread of its own, reports progress as a fraction and a line of text,
// can be cancelled at any time, and ends exactly once. A job declares its
// own typed finished() and failed() signals and emits them through
// endWith(), on the thread that started it. Whoever starts a job — the CLI,
// a widget, the server — only collects the input and presents the outcome.
// startAsFuture() (common/jobfuture.h) gives any job's outcome as a QFuture.
class Job : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)
public:
    ~Job() override; // cancels and waits for the thread: cancelled work stops at its next check

    // Stops at the next check of token(); failed() with Error::Code::Cancelled follows.
    void cancel() { m_cancel.cancel(); }
    bool isRunning() const { return m_started && !m_ended; }

signals:
    // `fraction` in 0–1, or -1 when the total is unknown.
    void progress(double fraction, const QString &text);

protected:
    explicit Job(QObject *parent = nullptr);

    // Runs `work` on the job's thread (once; from start()). The job may be
    // destroyed while it runs (the base waits, but only after the derived
    // members are gone): `work` takes copies of what it reads, and uses
    // only report(), endWith() and token() of the job.
    void runOnOwnThread(std::function<void()> work);
    // From any thread.
    void report(double fraction, const QString &text);
    // From any thread: `emitEnd` (which emits finished() or failed()) runs on
    // the job's owner thread, after start() has returned; only the first call counts.
    void endWith(std::function<void()> emitEnd);
    const CancellationToken *token() const { return &m_cancel; }

    // The whole life of a job whose work is one call: runs `work` on the
    // job's thread, then emits `finished` with its value or `failed` with its
    // error. A cancelled job fails with `cancelledMessage` when one is given
    // (what was left as it was), else with the work's own error.
    template<typename Self, typename T>
    void runThenEnd(Self *self, std::function<Result<T>()> work, void (Self::*finished)(const T &),
                    void (Self::*failed)(const Error &), const QString &cancelledMessage = {})
    {
        runOnOwnThread([this, self, work = std::move(work), finished, failed, cancelledMessage] {
            const Result<T> result = work();
            endWith([self, result, finished, failed, cancelledMessage] {
                if (result)
                    (self->*finished)(*result);
                else if (result.error().code == Error::Code::Cancelled && !cancelledMessage.isEmpty())
                    (self->*failed)(Error{Error::Code::Cancelled, cancelledMessage});
                else
                    (self->*failed)(result.error());
            });
        });
    }

private:
    CancellationToken m_cancel;
    QThread *m_thread = nullptr;
    bool m_started = false;
    bool m_ended = false;
};

} // namespace Realm
