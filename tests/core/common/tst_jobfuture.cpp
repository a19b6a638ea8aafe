// SPDX-License-Identifier: GPL-3.0-or-later
// A job as a QFuture: its outcome, its progress, and cancelling through the future.
#include "common/job.h"
#include "common/jobfuture.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Realm;

namespace {
// Counts to `steps`, reporting each step; fails instead when `failAt` is
// reached; with `untilCancelled`, counts on until someone cancels it.
class CountingJob final : public Job {
    Q_OBJECT
public:
    static constexpr int kPatience = 20000;
    struct Plan {
        int steps = 4;
        int failAt = -1;
        bool untilCancelled = false;
    };
    explicit CountingJob(Plan plan) : m_plan(plan) {}

    void start()
    {
        runThenEnd<CountingJob, QString>(
            this,
            [this, plan = m_plan]() -> Result<QString> {
                int counted = 0;
                for (; plan.untilCancelled || counted < plan.steps; ++counted) {
                    if (token()->isCancelled())
                        return Error{Error::Code::Cancelled, QStringLiteral("stopped at %1").arg(counted)};
                    if (counted == plan.failAt)
                        return Error{Error::Code::Io, QStringLiteral("step %1 failed").arg(counted)};
                    report(double(counted + 1) / plan.steps, QStringLiteral("step %1").arg(counted + 1));
                    if (plan.untilCancelled && counted == kPatience)
                        return Error{Error::Code::Io, QStringLiteral("nobody cancelled")};
                    if (plan.untilCancelled)
                        QThread::msleep(1); // polls the token, about 20 s at most
                }
                return QStringLiteral("counted %1").arg(counted);
            },
            &CountingJob::finished, &CountingJob::failed);
    }

signals:
    void finished(const QString &summary);
    void failed(const Realm::Error &error);

private:
    Plan m_plan;
};

template<typename T>
bool waitForFinished(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    return future.isFinished() || finished.wait(20000);
}
} // namespace

class tst_JobFuture final : public QObject {
    Q_OBJECT
private slots:
    void theResultArrivesThroughTheFuture();
    void progressArrivesAsValueAndText();
    void aFailureArrivesAsTheSecondAlternative();
    void cancellingTheFutureCancelsTheJob();
    void cancellingTheJobKeepsItsFailureInTheFuture();
};

void tst_JobFuture::theResultArrivesThroughTheFuture()
{
    QPointer<CountingJob> job = new CountingJob({.steps = 3});
    QFuture<JobOutcome<CountingJob>> future = startAsFuture(job.data());
    QVERIFY(waitForFinished(future));
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.resultCount(), 1);
    QCOMPARE(future.result().index(), 0u);
    QCOMPARE(std::get<0>(future.result()), QStringLiteral("counted 3"));
    QTRY_VERIFY(job.isNull()); // the future took the job and let it go
}

void tst_JobFuture::progressArrivesAsValueAndText()
{
    auto *job = new CountingJob({.steps = 4});
    QFutureWatcher<JobOutcome<CountingJob>> watcher;
    QList<int> values;
    QStringList texts;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, this, [&values](int value) { values.append(value); });
    connect(&watcher, &QFutureWatcherBase::progressTextChanged, this, [&texts](const QString &text) { texts.append(text); });
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(startAsFuture(job));
    QVERIFY(finished.wait(20000));
    QCOMPARE(watcher.progressMinimum(), 0);
    QCOMPARE(watcher.progressMaximum(), kJobProgressSteps);
    // The watcher may merge updates that come quickly, but never reorders them.
    QVERIFY(!values.isEmpty());
    QVERIFY(std::is_sorted(values.cbegin(), values.cend()));
    QCOMPARE(values.last(), kJobProgressSteps);
    QCOMPARE(texts.last(), QStringLiteral("step 4"));
}

void tst_JobFuture::aFailureArrivesAsTheSecondAlternative()
{
    QFuture<JobOutcome<CountingJob>> future = startAsFuture(new CountingJob({.steps = 5, .failAt = 2}));
    QVERIFY(waitForFinished(future));
    QCOMPARE(future.result().index(), 1u);
    const Error error = std::get<1>(future.result());
    QCOMPARE(error.code, Error::Code::Io);
    QCOMPARE(error.message, QStringLiteral("step 2 failed"));
}

void tst_JobFuture::cancellingTheFutureCancelsTheJob()
{
    QPointer<CountingJob> job = new CountingJob({.untilCancelled = true});
    QFutureWatcher<JobOutcome<CountingJob>> watcher;
    QSignalSpy progressed(&watcher, &QFutureWatcherBase::progressTextChanged);
    QFuture<JobOutcome<CountingJob>> future = startAsFuture(job.data());
    watcher.setFuture(future);
    QVERIFY(progressed.wait(20000)); // it runs
    future.cancel();
    // Without the job noticing, it would count forever and never be deleted.
    QTRY_VERIFY_WITH_TIMEOUT(job.isNull(), 20000);
    QVERIFY(future.isCanceled());
    QVERIFY(future.isFinished());
    QCOMPARE(future.resultCount(), 0);
}

void tst_JobFuture::cancellingTheJobKeepsItsFailureInTheFuture()
{
    auto *job = new CountingJob({.untilCancelled = true});
    QFutureWatcher<JobOutcome<CountingJob>> watcher;
    QSignalSpy progressed(&watcher, &QFutureWatcherBase::progressTextChanged);
    QFuture<JobOutcome<CountingJob>> future = startAsFuture(job);
    watcher.setFuture(future);
    QVERIFY(progressed.wait(20000));
    job->cancel();
    QVERIFY(waitForFinished(future));
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.result().index(), 1u);
    QCOMPARE(std::get<1>(future.result()).code, Error::Code::Cancelled);
    QVERIFY(std::get<1>(future.result()).message.startsWith(QStringLiteral("stopped at ")));
}

QTEST_GUILESS_MAIN(tst_JobFuture)
#include "tst_jobfuture.moc"
