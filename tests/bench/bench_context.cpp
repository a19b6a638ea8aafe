// SPDX-License-Identifier: GPL-3.0-or-later
// What context assembly adds before a chat request leaves, on a big project.
//
//   bench_context WORKSPACE PROJECT [QUESTION...]
//
// First brings the project's code index up to date (timed: the one-off
// cost of the first question about a project), then builds the context for
// each question 5 times and prints, as JSON lines, the median and worst
// time, the files chosen and the tokens used of the budget.
#include "chat/contextbuilder.h"
#include "chat/codeindex.h"
#include "projects/projectstore.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Realm;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_context WORKSPACE PROJECT [QUESTION...]\n");
        return 2;
    }
    Result<Storage::DatabasePtr> db = Workspace::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    Result<Projects::Project> project = Projects::ProjectStore(*db).find(QString::fromLocal8Bit(argv[2]));
    if (!project) {
        std::fprintf(stderr, "%s\n", qPrintable(project.error().message));
        return 1;
    }
    QStringList questions;
    for (int i = 3; i < argc; ++i)
        questions << QString::fromLocal8Bit(argv[i]);
    if (questions.isEmpty())
        questions = {QStringLiteral("How does the scheduler pick the next task to run?"),
                     QStringLiteral("Where are TCP retransmission timeouts computed?"),
                     QStringLiteral("How does ext4 allocate blocks for a new file?"),
                     QStringLiteral("What happens when a USB device is unplugged?"),
                     QStringLiteral("How is the page cache written back to disk?")};

    QElapsedTimer timer;
    timer.start();
    Result<Chat::CodeIndex::UpdateStats> indexed = Chat::CodeIndex(*db).update(project->id);
    if (!indexed) {
        std::fprintf(stderr, "%s\n", qPrintable(indexed.error().message));
        return 1;
    }
    std::printf("{\"index_update_s\":%.1f,\"blobs\":%lld,\"chunks\":%lld,\"files\":%lld,\"bytes\":%lld}\n",
                double(timer.nsecsElapsed()) / 1e9, static_cast<long long>(indexed->blobs), static_cast<long long>(indexed->chunks),
                static_cast<long long>(project->fileCount), static_cast<long long>(project->totalBytes));

    timer.restart();
    Chat::ContextBuilder::warmUp(*db, project->id); // as the desktop does when the project is opened
    std::printf("{\"warm_up_ms\":%.1f}\n", double(timer.nsecsElapsed()) / 1e6);
    Chat::ContextBuilder builder(*db);
    Chat::ContextBuilder::Options options;
    options.contextWindowTokens = 32768;
    for (const QString &question : std::as_const(questions)) {
        QList<qint64> times;
        Chat::ContextBuilder::Outcome outcome;
        for (int run = 0; run < 5; ++run) {
            timer.restart();
            Result<Chat::ContextBuilder::Outcome> built = builder.build(project->id, question, options);
            times << timer.nsecsElapsed();
            if (!built) {
                std::fprintf(stderr, "%s\n", qPrintable(built.error().message));
                return 1;
            }
            outcome = *built;
        }
        std::sort(times.begin(), times.end());
        QStringList files;
        for (const Chat::ContextItem &item : std::as_const(outcome.items))
            files << item.title;
        std::printf("{\"question\":\"%s\",\"median_ms\":%.1f,\"worst_ms\":%.1f,\"tokens\":%d,\"budget\":%d,\"items\":\"%s\"}\n",
                    qPrintable(question), double(times.at(2)) / 1e6, double(times.last()) / 1e6, outcome.usedTokens,
                    outcome.budgetTokens, qPrintable(files.join(QStringLiteral(", "))));
    }
    return 0;
}
