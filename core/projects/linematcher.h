// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QList>
#include <QRegularExpression>
#include <QStringMatcher>

#include <functional>

namespace Realm::Projects {

struct TextQuery {
    enum class Mode { Literal, Regex };
    QString pattern;
    Mode mode = Mode::Literal;
    bool caseSensitive = true;
    bool wholeWord = false;
};

struct MatchRange {
    qsizetype start = 0;  // UTF-16 offset within the line
    qsizetype length = 0;
};

// Finds the lines of a text that match a query. Lines end at '\n'; a '\r'
// before it is not part of the line. This is the one definition of "a line
// matches" that search results are verified with.
class LineMatcher final {
public:
    static Result<LineMatcher> create(const TextQuery &query);

    // lineIndex is 0-based; lineStart/lineLength locate the line in `text`;
    // ranges are relative to the line. Return false to stop.
    using LineCallback = std::function<bool(qsizetype lineIndex, qsizetype lineStart, qsizetype lineLength,
                                            const QList<MatchRange> &ranges)>;
    void forEachMatchingLine(const QString &text, const LineCallback &onLine) const;

    // False when UTF-8 `bytes` certainly hold no matching line: a cheap byte
    // search that spares decoding most candidate files. True means "decode
    // and look" (always, when the query gives nothing to check bytes for).
    bool mayMatchUtf8(QByteArrayView bytes) const;

    // The ranges matched within one line (empty if the line does not match).
    QList<MatchRange> matchLine(QStringView line) const;

    // Word characters for "whole word": letters, digits, underscore.
    static bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

private:
    LineMatcher() = default;
    bool isWordBoundedAt(QStringView text, qsizetype start, qsizetype length) const;

    TextQuery m_query;
    QStringMatcher m_literal;
    QRegularExpression m_regex;
    // For a regex: one literal per alternative, one of which every matching
    // line contains. Lines without any are never handed to the regex engine.
    QList<QStringMatcher> m_lineFilters;
    // UTF-8 needles for mayMatchUtf8(); one of them must occur. Empty: no check.
    QList<QByteArray> m_byteNeedles;
};

} // namespace Realm::Projects
