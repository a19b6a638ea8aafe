// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatsession.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "storage/database.h"

#include <functional>

namespace Realm::Chat {

// Picks what a model should see of a project to answer a question: the
// chunks of code the question's words point at (BM25 over the code index,
// with a bonus for files whose path names them), and a compact repo map —
// the project's folders plus the signatures (Universal Ctags) of the files
// picked — fitted to a token budget. Blocking; run it on a worker thread.
class ContextBuilder final {
public:
    struct Options {
        int contextWindowTokens = 8192; // of the model; unknown models get this
        double contextShare = 0.5;      // of the window, for context (the rest: history and answer)
        int maxFiles = 40; // at most; small budgets take fewer (one per 1,500 tokens, at least 3)
        bool repoMap = true;
        QList<ContextItem> alreadyAttached; // explicit items: they count against the budget
    };
    struct Outcome {
        QList<ContextItem> items;
        int budgetTokens = 0;
        int usedTokens = 0;
        qint64 indexedBlobs = 0; // brought into the code index first
    };

    explicit ContextBuilder(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    // `indexProgress` gets (done, total) while the code index catches up
    // (only the first time, or after a refresh).
    Result<Outcome> build(const QString &projectId, const QString &question, const Options &options,
                          const CancellationToken *cancel = nullptr,
                          const std::function<void(qint64, qint64)> &indexProgress = {}) const;

    // Reads what build() needs to know of the project's files (paths,
    // folders) ahead of the first question; the desktop calls it when a
    // project is opened. Blocking.
    static void warmUp(const Storage::DatabasePtr &db, const QString &projectId);

    // Files the question names as "@path" (src/main.cpp, or a unique file
    // name), whole, as explicit context.
    static QList<ContextItem> mentionedFiles(const Storage::DatabasePtr &db, const QString &projectId, const QString &question);

    // Tokens of a text, estimated (about four characters each).
    static int estimateTokens(QStringView text);

private:
    Storage::DatabasePtr m_db;
};

} // namespace Realm::Chat
