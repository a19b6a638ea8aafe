// SPDX-License-Identifier: GPL-3.0-or-later
// ExtractionQueue: many ctags runs in parallel, their symbols in file order,
// and nothing left running when a queue is dropped half-way.
#include "docs/symbolextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Realm;
using namespace Realm::Docs;

class tst_ExtractionQueue final : public QObject {
    Q_OBJECT
private slots:
    void manyBatchesComeBackInOrder();
    void aQueueLeftUnfinishedStopsItsBatches();
};

void tst_ExtractionQueue::manyBatchesComeBackInOrder()
{
    // Small batches, so that several ctags runs overlap: the symbols still
    // come back in the order of the files, each with its own comment.
    QList<SourceText> files;
    for (int i = 0; i < 40; ++i) {
        files.append({QStringLiteral("m%1/f%2.c").arg(i % 3).arg(i),
                      QStringLiteral("/** Function %1. */\nint f%1(void) { return %1; }\n").arg(i)});
    }
    ExtractionQueue queue(nullptr, {}, 64);
    for (const SourceText &file : files)
        queue.add(file);
    QList<qint64> progress;
    Result<QList<DocSymbol>> symbols = queue.finish([&](qint64 done, qint64 total) {
        QCOMPARE(total, 40);
        progress.append(done);
    });
    QVERIFY(symbols);
    QCOMPARE(symbols->size(), 40);
    for (int i = 0; i < 40; ++i) {
        QCOMPARE(symbols->at(i).name, QStringLiteral("f%1").arg(i));
        QCOMPARE(symbols->at(i).path, files.at(i).path);
        QCOMPARE(symbols->at(i).doc.brief, QStringLiteral("Function %1.").arg(i));
    }
    QVERIFY(progress.size() > 1);
    QCOMPARE(progress.last(), 40);
}

void tst_ExtractionQueue::aQueueLeftUnfinishedStopsItsBatches()
{
    // The reading failed half-way: the queue is dropped without finish().
    QList<SourceText> files;
    for (int i = 0; i < 30; ++i)
        files.append({QStringLiteral("f%1.c").arg(i), QStringLiteral("int f%1(void);\n").arg(i)});
    {
        ExtractionQueue queue(nullptr, {}, 1);
        for (const SourceText &file : files)
            queue.add(file);
    }
    // Gone means gone: no ctags run it started outlives it ...
    QStringList children;
    for (const QFileInfo &task : QDir(QStringLiteral("/proc/self/task")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile list(task.filePath() + QStringLiteral("/children"));
        if (list.open(QIODevice::ReadOnly))
            children += QString::fromLatin1(list.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    QVERIFY2(children.isEmpty(), qPrintable(children.join(QLatin1Char(' '))));
    // ... and the next queue for the same files gets every symbol.
    ExtractionQueue again(nullptr, {}, 1);
    for (const SourceText &file : files)
        again.add(file);
    Result<QList<DocSymbol>> symbols = again.finish();
    QVERIFY(symbols);
    QCOMPARE(symbols->size(), files.size());
}

QTEST_GUILESS_MAIN(tst_ExtractionQueue)
#include "tst_extractionqueue.moc"
