// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "projects/linematcher.h"
#include "storage/database.h"

#include <QStringList>

#include <functional>

namespace Realm::Projects {

struct SearchQuery {
    TextQuery text;
    QString projectId;  // empty: every project outside the trash
    QStringList globs;  // path globs; "!glob" excludes. Without '/', a glob matches the file name
    QString language;   // language id, e.g. "cpp"
    int contextLines = 0;
    qint64 limit = 100; // matching lines to return; 0 = all
};

struct SearchMatch {
    QString projectId;
    QString projectName;
    QString path;
    QString language;
    qint64 line = 0;   // 1-based
    qint64 column = 0; // 1-based, in Unicode code points
    QString text;      // the whole line, without its line break
    QList<MatchRange> ranges;
    QStringList before; // context lines, nearest last
    QStringList after;
};

struct SearchSummary {
    qint64 matches = 0;
    qint64 filesMatched = 0;
    qint64 filesSearched = 0;
    bool limitReached = false;
    bool usedIndex = false; // false when the query had no literal of 3+ characters
    // Files the search passed by: their contents are not downloaded here.
    qint64 filesNotDownloaded = 0;
};

// Substring and regex search over the text files of the workspace. The
// trigram index narrows the files; each candidate is then checked line by
// line with LineMatcher, so results are exactly what a full scan would give.
// Results come in a stable order (project name, path, line) through a
// callback, so callers can show them as they arrive and stop at any time.
class SearchEngine final {
public:
    explicit SearchEngine(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    // Return false from the callback to stop early.
    using MatchCallback = std::function<bool(const SearchMatch &)>;
    Result<SearchSummary> search(const SearchQuery &query, const MatchCallback &onMatch,
                                 const CancellationToken *cancel = nullptr) const;

    // The FTS5 query that narrows candidates, or empty when the index cannot
    // help (no literal of 3+ characters). Exposed for tests.
    static QString indexQueryFor(const TextQuery &query);

private:
    Storage::DatabasePtr m_db;
};

// Matches a path against a glob: '*' and '?' stay within a path segment,
// '**' crosses segments, '[...]' is a character class.
class PathGlob final {
public:
    explicit PathGlob(const QString &glob);
    bool matches(const QString &path) const;
    bool isValid() const { return m_regex.isValid(); }

private:
    QRegularExpression m_regex;
    bool m_nameOnly = false;
};

} // namespace Realm::Projects
