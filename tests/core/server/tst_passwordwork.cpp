// SPDX-License-Identifier: GPL-3.0-or-later
// Password work (argon2id sign-ins) on its own pool: it runs at a lower
// priority than other requests, and past a queue limit it is answered 503
// with Retry-After at once instead of waiting without end.
#include "server/apicontext.h"

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <sys/resource.h>
#include <unistd.h>

using namespace Realm::Server;

class TestPasswordWork final : public QObject {
    Q_OBJECT

private slots:
    void aFullQueueIsAnswered503AndTheRestRunsLowered()
    {
        QThreadPool workers;
        QThreadPool passwords;
        passwords.setMaxThreadCount(1);
        ApiContext context;
        context.workers = &workers;
        context.passwordWorkers = &passwords;

        // The one password thread is held busy; what follows waits.
        QSemaphore release;
        std::atomic<int> niceInPasswordWork = -100;
        QList<QFuture<HttpResponse>> accepted;
        accepted.append(onWorker(context, [&] {
            niceInPasswordWork = getpriority(PRIO_PROCESS, id_t(gettid()));
            release.acquire();
            return HttpResponse::noContent();
        }, &passwords));
        QVERIFY(QTest::qWaitFor([&] { return niceInPasswordWork != -100; }));

        int refused = 0;
        HttpResponse busy;
        for (int i = 0; i < 100; ++i) {
            QFuture<HttpResponse> future = onWorker(context, [] { return HttpResponse::noContent(); }, &passwords);
            if (future.isFinished()) {
                busy = future.result();
                ++refused;
            } else {
                accepted.append(future);
            }
        }
        // Every request past the limit is refused at once, none before it.
        QCOMPARE(accepted.size() - 1 + refused, 100);
        QVERIFY2(refused > 0 && accepted.size() - 1 >= 16, qPrintable(QStringLiteral("%1 waiting, %2 refused").arg(accepted.size() - 1).arg(refused)));
        QCOMPARE(busy.status, 503);
        QVERIFY(busy.body.contains("\"unavailable\""));
        QCOMPARE(std::count(busy.headers.cbegin(), busy.headers.cend(), std::pair<QByteArray, QByteArray>("Retry-After", "1")), 1);

        // Once the thread is free, everything that waited runs, and the
        // queue takes work again.
        release.release();
        // (Waiting with qWaitFor: QFuture::waitForFinished would run the
        // work on this thread.)
        for (const QFuture<HttpResponse> &future : std::as_const(accepted)) {
            QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }));
            QCOMPARE(future.result().status, 204);
        }
        const QFuture<HttpResponse> later = onWorker(context, [] { return HttpResponse::noContent(); }, &passwords);
        QVERIFY(QTest::qWaitFor([&] { return later.isFinished(); }));
        QCOMPARE(later.result().status, 204);

        // The password thread yields to the others; ordinary workers do not.
        const int processNice = getpriority(PRIO_PROCESS, 0);
        if (processNice >= 19)
            QSKIP("This process already runs at the lowest priority.");
        QVERIFY2(niceInPasswordWork > processNice, qPrintable(QStringLiteral("nice %1 in password work, %2 in the process").arg(int(niceInPasswordWork)).arg(processNice)));
        std::atomic<int> niceInOtherWork = -100;
        const QFuture<HttpResponse> other = onWorker(context, [&] {
            niceInOtherWork = getpriority(PRIO_PROCESS, id_t(gettid()));
            return HttpResponse::noContent();
        });
        QVERIFY(QTest::qWaitFor([&] { return other.isFinished(); }));
        QCOMPARE(int(niceInOtherWork), processNice);
    }
};

QTEST_MAIN(TestPasswordWork)
#include "tst_passwordwork.moc"
