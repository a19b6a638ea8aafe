// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioutput.h"
#include "common/jobfuture.h"
#include "interrupts.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>

namespace Realm::Cli {

// Runs a core job to its end through its future. Ctrl+C cancels the job
// itself, not the future, so the job still fails with Cancelled and its
// message — what it kept — is printed. The progress line shows every text
// the job reports, read from the job: a future's text moves only with its
// value, and most texts come with an unknown fraction. Takes the job.
template<JobShaped J>
JobOutcome<J> runJob(J *job)
{
    InterruptScope interrupts;
    QPointer<J> running = job;
    QObject::connect(&interrupts, &InterruptScope::interrupted, &interrupts, [running] {
        if (running)
            running->cancel();
    });
    ProgressLine progress;
    QObject::connect(job, &J::progress, &interrupts, [&progress](double, const QString &text) { progress.show(text); });
    QFutureWatcher<JobOutcome<J>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    const QFuture<JobOutcome<J>> future = startAsFuture(job);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    progress.clear();
    // The job deletes itself later; with no event loop after this, now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return future.result();
}

} // namespace Realm::Cli
