// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioutput.h"
#include "interrupts.h"

#include <QEventLoop>

#include <optional>
#include <variant>

namespace Realm::Cli {

// Runs a core job to its end: its progress on one line of stderr, Ctrl+C
// cancels it (it then fails with Cancelled and keeps what it says it keeps).
template<typename Outcome, typename Failure, typename JobT>
std::variant<Outcome, Failure> runJob(JobT &job)
{
    InterruptScope interrupts;
    QObject::connect(&interrupts, &InterruptScope::interrupted, &job, &JobT::cancel);
    ProgressLine progress;
    QObject::connect(&job, &JobT::progress, &job, [&progress](double, const QString &text) { progress.show(text); });
    std::optional<std::variant<Outcome, Failure>> outcome;
    QEventLoop loop;
    QObject::connect(&job, &JobT::finished, &loop, [&](const Outcome &o) {
        outcome = o;
        loop.quit();
    });
    QObject::connect(&job, &JobT::failed, &loop, [&](const Failure &f) {
        outcome = f;
        loop.quit();
    });
    job.start();
    if (!outcome)
        loop.exec();
    progress.clear();
    return std::move(*outcome);
}

} // namespace Realm::Cli
