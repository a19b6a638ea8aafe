// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <cmath>
#include <memory>
#include <type_traits>
#include <variant>

namespace Realm {

namespace Detail {
template<typename Class, typename Arg>
Arg signalArgument(void (Class::*)(const Arg &));
} // namespace Detail

// A job: a QObject with start(), cancel(), progress(double, QString) and
// exactly one of finished(const T &) or failed(const F &). Realm::Job's
// subclasses have this shape, and so do Chat::AskJob and Docs::GenerateJob.
template<typename J>
concept JobShaped = std::is_base_of_v<QObject, J> && requires(J &job) {
    job.start();
    job.cancel();
    &J::progress;
    &J::finished;
    &J::failed;
};

// What a job ends with: index 0 its result, index 1 its failure.
template<JobShaped J>
using JobOutcome = std::variant<std::decay_t<decltype(Detail::signalArgument(&J::finished))>,
                                std::decay_t<decltype(Detail::signalArgument(&J::failed))>>;

// A job's progress as a future's progress value: 0 to this, in the job's text.
inline constexpr int kJobProgressSteps = 1000;

// Starts `job` and returns its outcome as a future — the form for callers
// that compose work, such as HTTP handlers returning QFuture responses.
// The future takes the job: it is deleted once it has ended. Progress
// arrives as the future's progress value (0–kJobProgressSteps; an unknown
// fraction keeps the last value) and text — Qt moves a future's text only
// with its value, so a caller that shows every line of text connects to
// the job's progress() too. Cancelling the future cancels
// the job; as for every QFuture, a cancelled one carries no result — a
// caller that wants to say what a cancelled job kept calls the job's
// cancel() instead and reads the failure from the future. Call from a
// thread with an event loop: the job ends through it.
template<JobShaped J>
QFuture<JobOutcome<J>> startAsFuture(J *job)
{
    using Outcome = JobOutcome<J>;
    auto promise = std::make_shared<QPromise<Outcome>>();
    promise->setProgressRange(0, kJobProgressSteps);
    promise->start();
    const auto end = [promise, job](Outcome outcome) {
        promise->addResult(std::move(outcome));
        promise->finish();
        job->deleteLater();
    };
    QObject::connect(job, &J::progress, job, [promise](double fraction, const QString &text) {
        const int last = promise->future().progressValue();
        const int value = fraction < 0 ? last : int(std::lround(std::clamp(fraction, 0.0, 1.0) * kJobProgressSteps));
        promise->setProgressValueAndText(std::max(value, last), text);
    });
    QObject::connect(job, &J::finished, job, [end](const auto &result) { end(Outcome(std::in_place_index<0>, result)); });
    QObject::connect(job, &J::failed, job, [end](const auto &failure) { end(Outcome(std::in_place_index<1>, failure)); });
    // The watcher tells the job, on the job's thread, when someone cancels the future.
    auto *watcher = new QFutureWatcher<Outcome>(job);
    QObject::connect(watcher, &QFutureWatcherBase::canceled, job, [job] { job->cancel(); });
    QFuture<Outcome> future = promise->future();
    watcher->setFuture(future);
    job->start();
    return future;
}

} // namespace Realm
