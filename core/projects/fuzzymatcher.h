// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Projects {

struct FuzzyMatch {
    int score = 0;
    QList<qsizetype> positions; // matched character offsets, for highlighting
};

// Quick-open matching of a typed pattern against file paths, ranked the way
// editors do: every pattern character must appear in order; consecutive
// runs, starts of path segments and words (after '/', '_', '-', '.', or a
// camelCase hump) and matches in the file name score higher; gaps cost.
// Case-insensitive unless the pattern has an upper-case letter.
class FuzzyMatcher final {
public:
    explicit FuzzyMatcher(const QString &pattern);

    std::optional<FuzzyMatch> match(const QString &path) const;

    // The best `limit` paths, best first; ties go to shorter, then
    // alphabetically smaller paths.
    QList<QPair<QString, FuzzyMatch>> rank(const QStringList &paths, int limit) const;

private:
    QString m_pattern;
    bool m_caseSensitive = false;
};

} // namespace Realm::Projects
