// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/linematcher.h"

#include "projects/regexliterals.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace Realm::Projects {

Result<LineMatcher> LineMatcher::create(const TextQuery &query)
{
    if (query.pattern.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The search query is empty."));
    LineMatcher matcher;
    matcher.m_query = query;
    const Qt::CaseSensitivity cs = query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (query.mode == TextQuery::Mode::Literal) {
        if (query.pattern.contains(QLatin1Char('\n')) || query.pattern.contains(QLatin1Char('\r')))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "Searches match within one line: remove the line break from the query."));
        matcher.m_literal = QStringMatcher(query.pattern, cs);
        if (query.caseSensitive)
            matcher.m_byteNeedles.append(query.pattern.toUtf8());
        return matcher;
    }
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!query.caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QString pattern = query.pattern;
    if (query.wholeWord)
        pattern = QStringLiteral("(?<![\\w])(?:") + pattern + QStringLiteral(")(?![\\w])");
    matcher.m_regex = QRegularExpression(pattern, options);
    if (!matcher.m_regex.isValid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The regular expression is not valid: %1 (at offset %2).")
                                       .arg(matcher.m_regex.errorString())
                                       .arg(matcher.m_regex.patternErrorOffset()));
    matcher.m_regex.optimize();
    if (const std::optional<QList<QStringList>> literals = requiredLiterals(query.pattern)) {
        for (const QStringList &alternative : *literals) {
            const QString longest = *std::max_element(alternative.cbegin(), alternative.cend(),
                                                      [](const QString &a, const QString &b) { return a.size() < b.size(); });
            matcher.m_lineFilters.append(QStringMatcher(longest, cs));
            if (query.caseSensitive)
                matcher.m_byteNeedles.append(longest.toUtf8());
        }
    }
    return matcher;
}

bool LineMatcher::mayMatchUtf8(QByteArrayView bytes) const
{
    if (m_byteNeedles.isEmpty())
        return true;
    // In valid UTF-8 a byte match is a character match: no sequence can
    // start in the middle of another.
    return std::any_of(m_byteNeedles.cbegin(), m_byteNeedles.cend(),
                       [&](const QByteArray &needle) {
                           if (bytes.isEmpty()) // memmem() must not get a null haystack
                               return needle.isEmpty();
                           return memmem(bytes.data(), size_t(bytes.size()), needle.constData(), size_t(needle.size())) != nullptr;
                       });
}

bool LineMatcher::isWordBoundedAt(QStringView text, qsizetype start, qsizetype length) const
{
    if (start > 0 && isWordChar(text.at(start - 1)))
        return false;
    const qsizetype end = start + length;
    return end >= text.size() || !isWordChar(text.at(end));
}

QList<MatchRange> LineMatcher::matchLine(QStringView line) const
{
    QList<MatchRange> ranges;
    if (m_query.mode == TextQuery::Mode::Literal) {
        const qsizetype length = m_query.pattern.size();
        qsizetype from = 0;
        while (from <= line.size()) {
            const qsizetype hit = m_literal.indexIn(line, from);
            if (hit < 0)
                break;
            if (!m_query.wholeWord || isWordBoundedAt(line, hit, length)) {
                ranges.append({hit, length});
                from = hit + length;
            } else {
                from = hit + 1;
            }
        }
        return ranges;
    }
    QRegularExpressionMatchIterator it = m_regex.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        ranges.append({match.capturedStart(), match.capturedLength()});
    }
    return ranges;
}

void LineMatcher::forEachMatchingLine(const QString &text, const LineCallback &onLine) const
{
    const QStringView all(text);
    const auto lineEndFrom = [&](qsizetype pos) {
        const qsizetype newline = text.indexOf(QLatin1Char('\n'), pos);
        return newline < 0 ? text.size() : newline;
    };
    const auto trimmedLength = [&](qsizetype start, qsizetype end) {
        return (end > start && text.at(end - 1) == QLatin1Char('\r')) ? end - start - 1 : end - start;
    };

    if (m_query.mode == TextQuery::Mode::Literal) {
        // Search the whole text, then work out lines only around hits: most
        // lines of a candidate file never match.
        qsizetype lineIndex = 0;
        qsizetype countedUpTo = 0;
        qsizetype from = 0;
        while (from < text.size()) {
            const qsizetype hit = m_literal.indexIn(all, from);
            if (hit < 0)
                return;
            const qsizetype start = hit > 0 ? text.lastIndexOf(QLatin1Char('\n'), hit - 1) + 1 : 0;
            const qsizetype end = lineEndFrom(hit);
            lineIndex += std::count(text.cbegin() + countedUpTo, text.cbegin() + start, QLatin1Char('\n'));
            countedUpTo = start;
            const qsizetype length = trimmedLength(start, end);
            const QList<MatchRange> ranges = matchLine(all.sliced(start, length));
            if (!ranges.isEmpty() && !onLine(lineIndex, start, length, ranges))
                return;
            from = end + 1;
        }
        return;
    }

    if (text.isEmpty())
        return;
    if (!m_lineFilters.isEmpty()) {
        // Only lines holding a required literal can match; find them with a
        // fast substring search and run the regex on those alone.
        QList<qsizetype> starts;
        for (const QStringMatcher &filter : m_lineFilters) {
            for (qsizetype from = 0; from < text.size();) {
                const qsizetype hit = filter.indexIn(all, from);
                if (hit < 0)
                    break;
                starts.append(hit > 0 ? text.lastIndexOf(QLatin1Char('\n'), hit - 1) + 1 : 0);
                from = lineEndFrom(hit) + 1;
            }
        }
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        qsizetype lineIndex = 0;
        qsizetype countedUpTo = 0;
        for (const qsizetype start : std::as_const(starts)) {
            lineIndex += std::count(text.cbegin() + countedUpTo, text.cbegin() + start, QLatin1Char('\n'));
            countedUpTo = start;
            const qsizetype length = trimmedLength(start, lineEndFrom(start));
            const QList<MatchRange> ranges = matchLine(all.sliced(start, length));
            if (!ranges.isEmpty() && !onLine(lineIndex, start, length, ranges))
                return;
        }
        return;
    }
    qsizetype lineIndex = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        const qsizetype end = lineEndFrom(start);
        // A final line break does not start another (empty) line.
        if (start == text.size() && start > 0)
            return;
        const qsizetype length = trimmedLength(start, end);
        const QList<MatchRange> ranges = matchLine(all.sliced(start, length));
        if (!ranges.isEmpty() && !onLine(lineIndex, start, length, ranges))
            return;
        ++lineIndex;
        start = end + 1;
    }
}

} // namespace Realm::Projects
