// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/fuzzymatcher.h"

#include <algorithm>
#include <vector>

namespace Realm::Projects {

namespace {
constexpr int kMatch = 16;
constexpr int kConsecutive = 24;
constexpr int kSegmentStart = 30; // after '/' or at the start
constexpr int kWordStart = 20;    // after '_', '-', '.', ' ' or a camelCase hump
constexpr int kInFileName = 16;
constexpr int kGap = 2;
constexpr int kImpossible = -1000000;

int positionBonus(const QString &path, qsizetype j, qsizetype fileNameStart)
{
    int bonus = j >= fileNameStart ? kInFileName : 0;
    if (j == 0)
        return bonus + kSegmentStart;
    const QChar prev = path.at(j - 1);
    const QChar cur = path.at(j);
    if (prev == QLatin1Char('/'))
        return bonus + kSegmentStart;
    if (prev == QLatin1Char('_') || prev == QLatin1Char('-') || prev == QLatin1Char('.') || prev == QLatin1Char(' '))
        return bonus + kWordStart;
    if (prev.isLower() && cur.isUpper())
        return bonus + kWordStart;
    return bonus;
}
} // namespace

FuzzyMatcher::FuzzyMatcher(const QString &pattern)
    : m_pattern(QString(pattern).remove(QLatin1Char(' ')))
    , m_caseSensitive(std::any_of(pattern.cbegin(), pattern.cend(), [](QChar c) { return c.isUpper(); }))
{
}

std::optional<FuzzyMatch> FuzzyMatcher::match(const QString &path) const
{
    const qsizetype m = m_pattern.size();
    const qsizetype n = path.size();
    if (m == 0)
        return FuzzyMatch{};
    if (m > n)
        return std::nullopt;
    const auto same = [&](QChar a, QChar b) {
        return m_caseSensitive ? a == b : a.toCaseFolded() == b.toCaseFolded();
    };
    // Cheap reject: the characters must occur in order at all.
    {
        qsizetype i = 0;
        for (qsizetype j = 0; j < n && i < m; ++j) {
            if (same(m_pattern.at(i), path.at(j)))
                ++i;
        }
        if (i < m)
            return std::nullopt;
    }

    const qsizetype fileNameStart = path.lastIndexOf(QLatin1Char('/')) + 1;
    // score[i][j]: best score with pattern[i] matched at path[j]; from[i][j]
    // the position of pattern[i-1] in that alignment.
    std::vector<int> score(size_t(m * n), kImpossible);
    std::vector<int> from(size_t(m * n), -1);
    for (qsizetype i = 0; i < m; ++i) {
        int bestPrev = kImpossible; // best of score[i-1][k] - gap*(j-k-1) over k < j-1
        int bestPrevAt = -1;
        for (qsizetype j = i; j < n; ++j) {
            if (i > 0 && j >= 2) {
                const int candidate = score[size_t((i - 1) * n + (j - 2))];
                if (bestPrev != kImpossible)
                    bestPrev -= kGap;
                if (candidate > bestPrev) {
                    bestPrev = candidate;
                    bestPrevAt = int(j - 2);
                }
            }
            if (!same(m_pattern.at(i), path.at(j)))
                continue;
            const int here = kMatch + positionBonus(path, j, fileNameStart);
            if (i == 0) {
                score[size_t(j)] = here - int(j) / 4; // earlier starts are slightly better
                continue;
            }
            int best = kImpossible;
            int bestFrom = -1;
            const int adjacent = j >= 1 ? score[size_t((i - 1) * n + (j - 1))] : kImpossible;
            if (adjacent != kImpossible) {
                best = adjacent + here + kConsecutive;
                bestFrom = int(j - 1);
            }
            if (bestPrev != kImpossible && bestPrev - kGap + here > best) {
                best = bestPrev - kGap + here;
                bestFrom = bestPrevAt;
            }
            score[size_t(i * n + j)] = best;
            from[size_t(i * n + j)] = bestFrom;
        }
    }
    int best = kImpossible;
    qsizetype bestEnd = -1;
    for (qsizetype j = m - 1; j < n; ++j) {
        const int s = score[size_t((m - 1) * n + j)];
        if (s > best) {
            best = s;
            bestEnd = j;
        }
    }
    if (bestEnd < 0 || best == kImpossible)
        return std::nullopt;
    FuzzyMatch result;
    result.score = best;
    result.positions.resize(m);
    qsizetype j = bestEnd;
    for (qsizetype i = m - 1; i >= 0; --i) {
        result.positions[i] = j;
        j = from[size_t(i * n + j)];
    }
    return result;
}

QList<QPair<QString, FuzzyMatch>> FuzzyMatcher::rank(const QStringList &paths, int limit) const
{
    QList<QPair<QString, FuzzyMatch>> matches;
    for (const QString &path : paths) {
        if (std::optional<FuzzyMatch> m = match(path))
            matches.append({path, *m});
    }
    const auto better = [](const QPair<QString, FuzzyMatch> &a, const QPair<QString, FuzzyMatch> &b) {
        if (a.second.score != b.second.score)
            return a.second.score > b.second.score;
        if (a.first.size() != b.first.size())
            return a.first.size() < b.first.size();
        return a.first < b.first;
    };
    if (limit > 0 && matches.size() > limit) {
        std::partial_sort(matches.begin(), matches.begin() + limit, matches.end(), better);
        matches.resize(limit);
    } else {
        std::sort(matches.begin(), matches.end(), better);
    }
    return matches;
}

} // namespace Realm::Projects
