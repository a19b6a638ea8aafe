// SPDX-License-Identifier: GPL-3.0-or-later
// Times searches in-process on an existing workspace, the way the desktop
// app runs them: the workspace is opened once, each query runs repeatedly.
//
//   bench_search WORKSPACE QUERIES_FILE OUT_DIR [RUNS]
//
// QUERIES_FILE has one query a line: "literal<TAB>text" or "regex<TAB>pattern".
// For each query it prints a JSON line with the median and p95 time to the
// first page (100 matching lines) and to the full result set, and writes the
// full result set as sorted "path:line" lines to OUT_DIR/NN.realm.
#include "projects/searchengine.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Realm;
using namespace Realm::Projects;

namespace {
double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = qMin(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        fprintf(stderr, "usage: bench_search WORKSPACE QUERIES_FILE OUT_DIR [RUNS]\n");
        return 2;
    }
    const int runs = args.size() > 4 ? args.at(4).toInt() : 10;
    Result<Storage::DatabasePtr> db = Workspace::open(args.at(1));
    if (!db) {
        fprintf(stderr, "%s\n", qUtf8Printable(db.error().message));
        return 1;
    }
    QFile queries(args.at(2));
    if (!queries.open(QIODevice::ReadOnly)) {
        fprintf(stderr, "cannot read %s\n", qUtf8Printable(args.at(2)));
        return 1;
    }
    SearchEngine engine(*db);
    int number = 0;
    while (!queries.atEnd()) {
        const QString line = QString::fromUtf8(queries.readLine()).chopped(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        ++number;
        SearchQuery query;
        query.text.mode = line.startsWith(QLatin1String("regex\t")) ? TextQuery::Mode::Regex : TextQuery::Mode::Literal;
        query.text.pattern = line.section(QLatin1Char('\t'), 1);

        // One untimed run first: the numbers are for a warm cache.
        query.limit = 0;
        if (!engine.search(query, [](const SearchMatch &) { return true; }))
            return 1;
        QList<double> firstPage, full;
        QStringList results;
        qint64 matches = 0;
        qint64 filesSearched = 0;
        qint64 filesMatched = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            query.limit = 100;
            timer.start();
            if (!engine.search(query, [](const SearchMatch &) { return true; }))
                return 1;
            firstPage << double(timer.nsecsElapsed()) / 1e6;
            query.limit = 0;
            const bool collect = run == 0;
            timer.restart();
            Result<SearchSummary> summary = engine.search(query, [&](const SearchMatch &m) {
                if (collect)
                    results << m.path + QLatin1Char(':') + QString::number(m.line);
                return true;
            });
            full << double(timer.nsecsElapsed()) / 1e6;
            if (!summary)
                return 1;
            matches = summary->matches;
            filesSearched = summary->filesSearched;
            filesMatched = summary->filesMatched;
        }
        std::sort(results.begin(), results.end());
        QFile out(QStringLiteral("%1/%2.realm").arg(args.at(3)).arg(number, 2, 10, QLatin1Char('0')));
        if (out.open(QIODevice::WriteOnly))
            out.write(results.join(QLatin1Char('\n')).toUtf8() + (results.isEmpty() ? "" : "\n"));
        const QJsonObject o{{QStringLiteral("query"), number},
                            {QStringLiteral("mode"), query.text.mode == TextQuery::Mode::Regex ? QStringLiteral("regex") : QStringLiteral("literal")},
                            {QStringLiteral("pattern"), query.text.pattern},
                            {QStringLiteral("matches"), matches},
                            {QStringLiteral("files_searched"), filesSearched},
                            {QStringLiteral("files_matched"), filesMatched},
                            {QStringLiteral("first_page_p50_ms"), percentile(firstPage, 0.5)},
                            {QStringLiteral("first_page_p95_ms"), percentile(firstPage, 0.95)},
                            {QStringLiteral("full_p50_ms"), percentile(full, 0.5)},
                            {QStringLiteral("full_p95_ms"), percentile(full, 0.95)}};
        printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        fflush(stdout);
    }
    return 0;
}
