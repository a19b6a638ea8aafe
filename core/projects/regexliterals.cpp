// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/regexliterals.h"

namespace Realm::Projects {

namespace {

bool isQuantifierStart(QChar c)
{
    return c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('+') || c == QLatin1Char('{');
}

// Skips a quantifier (and its lazy/possessive suffix) at `i`; returns whether
// it allows zero repetitions.
bool skipQuantifier(const QString &p, qsizetype &i, bool *unparsable)
{
    if (i >= p.size() || !isQuantifierStart(p.at(i)))
        return false;
    bool optional = false;
    const QChar q = p.at(i);
    if (q == QLatin1Char('{')) {
        const qsizetype close = p.indexOf(QLatin1Char('}'), i);
        if (close < 0) {
            *unparsable = true;
            return true;
        }
        const QString body = p.mid(i + 1, close - i - 1);
        optional = body.isEmpty() || body.startsWith(QLatin1Char('0')) || body.startsWith(QLatin1Char(','));
        i = close + 1;
    } else {
        optional = q != QLatin1Char('+');
        ++i;
    }
    if (i < p.size() && (p.at(i) == QLatin1Char('?') || p.at(i) == QLatin1Char('+')))
        ++i;
    return optional;
}

// Literals of one alternative (no top-level '|').
std::optional<QStringList> literalsOf(const QString &p, int minimumLength)
{
    QStringList literals;
    QString run;
    const auto endRun = [&] {
        if (run.size() >= minimumLength)
            literals << run;
        run.clear();
    };
    qsizetype i = 0;
    while (i < p.size()) {
        const QChar c = p.at(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= p.size())
                return std::nullopt;
            const QChar e = p.at(i + 1);
            if (e == QLatin1Char('Q') || e == QLatin1Char('E'))
                return std::nullopt; // quoting spans: rare, not worth the risk
            // Escapes that take arguments (\x41, \x{263a}, \o{17}, \p{L},
            // \N{U+41}, \k<name>, \g1, \cA, \1 ...) would leave their
            // argument looking like literal text: not worth the risk.
            if (QStringLiteral("xopPNkgcuU0123456789").contains(e))
                return std::nullopt;
            i += 2;
            if (e.isLetterOrNumber() || e.unicode() > 0x7f) {
                // \d, \w, \b, \x41, \1 ...: a class, an assertion or a code
                // this scanner does not decode. Break the run.
                endRun();
                bool unparsable = false;
                skipQuantifier(p, i, &unparsable);
                if (unparsable)
                    return std::nullopt;
                continue;
            }
            // An escaped punctuation character stands for itself.
            bool unparsable = false;
            if (i < p.size() && isQuantifierStart(p.at(i))) {
                const bool optional = skipQuantifier(p, i, &unparsable);
                if (unparsable)
                    return std::nullopt;
                if (!optional)
                    run += e;
                endRun();
                continue;
            }
            run += e;
            continue;
        }
        if (c == QLatin1Char('(')) {
            if (i + 1 < p.size() && p.at(i + 1) == QLatin1Char('?')) {
                // Only non-capturing groups and lookarounds are understood; an
                // inline flag such as (?x) or (?i) changes what follows.
                const QChar kind = i + 2 < p.size() ? p.at(i + 2) : QChar();
                if (kind != QLatin1Char(':') && kind != QLatin1Char('=') && kind != QLatin1Char('!') && kind != QLatin1Char('<'))
                    return std::nullopt;
            }
            endRun();
            int depth = 0;
            bool inClass = false;
            for (; i < p.size(); ++i) {
                const QChar g = p.at(i);
                if (g == QLatin1Char('\\')) {
                    ++i;
                    continue;
                }
                if (inClass) {
                    if (g == QLatin1Char(']'))
                        inClass = false;
                    continue;
                }
                if (g == QLatin1Char('['))
                    inClass = true;
                else if (g == QLatin1Char('('))
                    ++depth;
                else if (g == QLatin1Char(')') && --depth == 0)
                    break;
            }
            if (i >= p.size())
                return std::nullopt;
            ++i;
            bool unparsable = false;
            skipQuantifier(p, i, &unparsable);
            if (unparsable)
                return std::nullopt;
            continue;
        }
        if (c == QLatin1Char('[')) {
            endRun();
            ++i;
            if (i < p.size() && p.at(i) == QLatin1Char('^'))
                ++i;
            if (i < p.size() && p.at(i) == QLatin1Char(']'))
                ++i;
            while (i < p.size() && p.at(i) != QLatin1Char(']')) {
                if (p.at(i) == QLatin1Char('\\'))
                    ++i;
                ++i;
            }
            if (i >= p.size())
                return std::nullopt;
            ++i;
            bool unparsable = false;
            skipQuantifier(p, i, &unparsable);
            if (unparsable)
                return std::nullopt;
            continue;
        }
        if (c == QLatin1Char('.') || c == QLatin1Char('^') || c == QLatin1Char('$')) {
            endRun();
            ++i;
            bool unparsable = false;
            skipQuantifier(p, i, &unparsable);
            if (unparsable)
                return std::nullopt;
            continue;
        }
        if (isQuantifierStart(c) || c == QLatin1Char(')') || c == QLatin1Char('|'))
            return std::nullopt; // malformed or unexpected here
        // A plain character; a following quantifier may make it optional.
        ++i;
        if (i < p.size() && isQuantifierStart(p.at(i))) {
            bool unparsable = false;
            const bool optional = skipQuantifier(p, i, &unparsable);
            if (unparsable)
                return std::nullopt;
            if (!optional)
                run += c;
            endRun();
            continue;
        }
        run += c;
    }
    endRun();
    return literals;
}

QStringList splitTopLevelAlternatives(const QString &p)
{
    QStringList parts;
    int depth = 0;
    bool inClass = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (inClass) {
            if (c == QLatin1Char(']'))
                inClass = false;
            continue;
        }
        if (c == QLatin1Char('['))
            inClass = true;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        else if (c == QLatin1Char('|') && depth == 0) {
            parts << p.mid(start, i - start);
            start = i + 1;
        }
    }
    parts << p.mid(start);
    return parts;
}

} // namespace

std::optional<QList<QStringList>> requiredLiterals(const QString &pattern, int minimumLength)
{
    // POSIX classes ([[:alpha:]], [[=a=]], [[.x.]]) hold a ']' that would end
    // the class early in the scanners below: give up rather than guess.
    for (const char *posix : {"[:", "[=", "[."}) {
        if (pattern.contains(QLatin1String(posix)))
            return std::nullopt;
    }
    QList<QStringList> alternatives;
    for (const QString &alternative : splitTopLevelAlternatives(pattern)) {
        std::optional<QStringList> literals = literalsOf(alternative, minimumLength);
        // One alternative without a literal can match anything.
        if (!literals || literals->isEmpty())
            return std::nullopt;
        alternatives << *literals;
    }
    return alternatives;
}

} // namespace Realm::Projects
