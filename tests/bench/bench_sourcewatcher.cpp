// SPDX-License-Identifier: GPL-3.0-or-later
// How long the folder watcher takes to set its watches on a large tree, and
// from a file saved in place to its report.
//
//     build/bench/bench_sourcewatcher FOLDER [--max-watches N]
//
// FOLDER: any tree (e.g. the Linux sources of tests/bench/run-linux-bench);
// every file in it counts as the project's. One file is appended to and
// truncated back afterwards.
#include "projects/sourcewatcher.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <cstdio>
#include <optional>

using Realm::Projects::SourceWatcher;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_sourcewatcher FOLDER [--max-watches N]\n");
        return 2;
    }
    const QString root = QDir(args.at(1)).absolutePath();
    SourceWatcher::Limits limits;
    if (const qsizetype at = args.indexOf(QStringLiteral("--max-watches")); at > 0 && at + 1 < args.size())
        limits.maxWatches = args.at(at + 1).toLongLong();

    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    if (files.isEmpty())
        return 2;

    SourceWatcher watcher(limits);
    std::optional<SourceWatcher::State> state;
    QObject::connect(&watcher, &SourceWatcher::watching, &app, [&state](const SourceWatcher::State &s) { state = s; });
    QElapsedTimer timer;
    timer.start();
    watcher.watch(root, files);
    if (!QTest::qWaitFor([&] { return state.has_value(); }, 600000))
        return 1;
    const qint64 setUpMs = timer.elapsed();
    std::printf("%lld files, %lld folders watched, %lld files watched (budget %lld): watches set in %lld ms\n",
                static_cast<long long>(files.size()), static_cast<long long>(state->folders), static_cast<long long>(state->files),
                static_cast<long long>(state->budget), static_cast<long long>(setUpMs));

    // Saved in place: from the write to the report (250 ms of it is the
    // quiet period a report waits for).
    const QString victim = files.at(files.size() / 2);
    QFile file(root + QLatin1Char('/') + victim);
    const qint64 size = file.size();
    std::optional<QStringList> reported;
    QObject::connect(&watcher, &SourceWatcher::changed, &app, [&reported](const QString &, const QStringList &paths) { reported = paths; });
    if (!file.open(QIODevice::Append))
        return 1;
    timer.restart();
    file.write("\n");
    file.close();
    const bool seen = QTest::qWaitFor([&] { return reported.has_value(); }, 10000);
    std::printf("%s saved in place: %s after %lld ms\n", qPrintable(victim), seen ? "reported" : "NOT reported",
                static_cast<long long>(timer.elapsed()));
    file.resize(size);
    return 0;
}
