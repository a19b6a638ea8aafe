// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/searchengine.h"

#include "projects/regexliterals.h"
#include "projects/textcontent.h"
#include "storage/statement.h"

#include <QCache>
#include <QCoreApplication>

namespace Realm::Projects {

using Storage::Statement;

namespace {

// The trigrams of `literal` (in code points). All overlapping ones, not just
// a covering set: the index has no positions, so "kfree_rcu" asked as
// kfr+ee_+rcu would match every file using kfree() and RCU; the overlapping
// e_r and _rc make the candidate set far smaller. Long literals keep an
// evenly spaced subset, which is still selective.
QStringList literalTrigrams(const QString &literal)
{
    constexpr qsizetype kMaxTrigrams = 24;
    const QList<uint> codePoints = literal.toUcs4();
    const qsizetype count = codePoints.size() - 2;
    QStringList trigrams;
    if (count <= 0)
        return trigrams;
    const auto trigramAt = [&](qsizetype i) { return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData() + i), 3); };
    for (qsizetype k = 0; k < qMin(count, kMaxTrigrams); ++k)
        trigrams << trigramAt(count <= kMaxTrigrams ? k : k * (count - 1) / (kMaxTrigrams - 1));
    trigrams.removeDuplicates();
    return trigrams;
}

QString quoted(const QString &token)
{
    QString escaped = token;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// AND within an alternative, OR across alternatives; empty if any
// alternative has nothing to require (it could match any file).
QString ftsExpression(const QList<QStringList> &alternatives)
{
    QStringList ors;
    for (const QStringList &literals : alternatives) {
        QStringList ands;
        for (const QString &literal : literals) {
            for (const QString &trigram : literalTrigrams(literal))
                ands << quoted(trigram);
        }
        if (ands.isEmpty())
            return {};
        ands.removeDuplicates();
        ors << (ands.size() == 1 ? ands.first() : QLatin1Char('(') + ands.join(QStringLiteral(" AND ")) + QLatin1Char(')'));
    }
    return ors.join(QStringLiteral(" OR "));
}

qint64 codePointColumn(QStringView line, qsizetype utf16Offset)
{
    qint64 column = 1;
    for (qsizetype i = 0; i < utf16Offset && i < line.size(); ++i) {
        if (!line.at(i).isLowSurrogate())
            ++column;
    }
    return column;
}

QStringList contextBefore(const QString &text, qsizetype lineStart, int count)
{
    QStringList lines;
    qsizetype end = lineStart - 1; // the '\n' ending the previous line
    while (count-- > 0 && end >= 0) {
        const qsizetype start = end > 0 ? text.lastIndexOf(QLatin1Char('\n'), end - 1) + 1 : 0;
        QString line = text.mid(start, end - start);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        lines.prepend(line);
        end = start - 1;
    }
    return lines;
}

QStringList contextAfter(const QString &text, qsizetype lineEnd, int count)
{
    QStringList lines;
    qsizetype start = text.indexOf(QLatin1Char('\n'), lineEnd);
    while (count-- > 0 && start >= 0 && start + 1 < text.size()) {
        ++start;
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        QString line = text.mid(start, end - start);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        lines.append(line);
        start = end < text.size() ? end : -1;
    }
    return lines;
}

} // namespace

PathGlob::PathGlob(const QString &glob)
{
    QString g = glob;
    m_nameOnly = !g.contains(QLatin1Char('/'));
    if (g.startsWith(QLatin1Char('/')))
        g.remove(0, 1);
    QString re;
    for (qsizetype i = 0; i < g.size(); ++i) {
        const QChar c = g.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < g.size() && g.at(i + 1) == QLatin1Char('*')) {
                ++i;
                if (i + 1 < g.size() && g.at(i + 1) == QLatin1Char('/')) {
                    ++i;
                    re += QStringLiteral("(?:.*/)?"); // "**/" — any folders, or none
                } else {
                    re += QStringLiteral(".*");
                }
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = g.indexOf(QLatin1Char(']'), i + 2);
            if (close < 0) {
                re += QStringLiteral("\\[");
                continue;
            }
            QString cls = g.mid(i + 1, close - i - 1);
            if (cls.startsWith(QLatin1Char('!')))
                cls[0] = QLatin1Char('^');
            re += QLatin1Char('[') + cls.replace(QStringLiteral("\\"), QStringLiteral("\\\\")) + QLatin1Char(']');
            i = close;
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    m_regex = QRegularExpression(QRegularExpression::anchoredPattern(re));
}

bool PathGlob::matches(const QString &path) const
{
    if (m_nameOnly)
        return m_regex.match(QStringView(path).sliced(path.lastIndexOf(QLatin1Char('/')) + 1)).hasMatch();
    return m_regex.match(path).hasMatch();
}

QString SearchEngine::indexQueryFor(const TextQuery &query)
{
    if (query.mode == TextQuery::Mode::Literal)
        return ftsExpression({{query.pattern}});
    const std::optional<QList<QStringList>> literals = requiredLiterals(query.pattern);
    if (!literals)
        return {};
    return ftsExpression(*literals);
}

Result<SearchSummary> SearchEngine::search(const SearchQuery &query, const MatchCallback &onMatch,
                                           const CancellationToken *cancel) const
{
    Result<LineMatcher> matcher = LineMatcher::create(query.text);
    if (!matcher)
        return matcher.error();

    QList<PathGlob> includes, excludes;
    for (const QString &glob : query.globs) {
        const bool exclude = glob.startsWith(QLatin1Char('!'));
        PathGlob compiled(exclude ? glob.mid(1) : glob);
        if (!compiled.isValid())
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The path glob \"%1\" is not valid.").arg(glob));
        (exclude ? excludes : includes).append(compiled);
    }

    SearchSummary summary;
    const QString indexQuery = indexQueryFor(query.text);
    summary.usedIndex = !indexQuery.isEmpty();

    QByteArray sql = "SELECT p.id, p.name, f.path, f.language, b.id, b.encoding "
                     "FROM files f JOIN projects p ON p.id = f.project_id JOIN blobs b ON b.sha256 = f.blob_sha256 "
                     "WHERE p.state = 'ready' AND p.deleted_at IS NULL AND f.deleted_at IS NULL AND b.is_binary = 0 AND b.present = 1 "
                     "AND (?1 = '' OR p.id = ?1) AND (?2 = '' OR f.language = ?2) ";
    if (summary.usedIndex)
        sql += "AND b.id IN (SELECT rowid FROM blob_text WHERE blob_text MATCH ?3) ";
    sql += "ORDER BY p.name, p.id, f.path";

    Storage::Handle db = m_db->handle();
    // Searches read many file contents: mapping the workspace spares a
    // read() and a copy per page. Only search connections map it, so imports
    // keep a small resident set.
    (void)Statement(db, "PRAGMA mmap_size = 17179869184").exec(QCoreApplication::translate("Realm::Projects", "Cannot map the workspace")); // a failure only costs speed
    Statement candidates(db, sql.constData());
    Statement loadBlob(db, "SELECT content FROM blobs WHERE id = ?");
    if (!candidates.isValid() || !loadBlob.isValid())
        return candidates.error(QCoreApplication::translate("Realm::Projects", "Cannot search the workspace"));
    candidates.bind(1, query.projectId);
    candidates.bind(2, query.language);
    if (summary.usedIndex)
        candidates.bind(3, indexQuery);

    // Identical files share a blob; decode each blob once per search.
    QCache<qint64, QString> decoded(64 * 1024 * 1024);
    while (candidates.next()) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        const QString path = candidates.columnText(2);
        if (!includes.isEmpty() && std::none_of(includes.cbegin(), includes.cend(), [&](const PathGlob &g) { return g.matches(path); }))
            continue;
        if (std::any_of(excludes.cbegin(), excludes.cend(), [&](const PathGlob &g) { return g.matches(path); }))
            continue;

        const qint64 blobId = candidates.columnInt(4);
        QString loaded;
        const QString *text = decoded.object(blobId);
        if (!text) {
            loadBlob.bind(1, blobId);
            const bool found = loadBlob.next();
            const TextEncoding encoding = encodingFromName(candidates.columnText(5));
            bool skip = !found;
            if (found) {
                const QByteArray bytes = loadBlob.columnBlob(0);
                if ((encoding == TextEncoding::Utf8 || encoding == TextEncoding::Utf8Bom) && !matcher->mayMatchUtf8(bytes))
                    skip = true; // most candidates end here, without being decoded
                else
                    loaded = decodeText(bytes, encoding);
            }
            loadBlob.reset();
            if (skip) {
                summary.filesSearched += found ? 1 : 0;
                continue; // no match, or removed since the candidate list was read
            }
            const qsizetype cost = qMax<qsizetype>(1, loaded.size() * 2);
            if (cost < decoded.maxCost() / 4)
                decoded.insert(blobId, new QString(loaded), cost); // shares the data, no copy
            text = &loaded;
        }

        ++summary.filesSearched;
        bool fileCounted = false;
        bool stop = false;
        const QString projectId = candidates.columnText(0);
        const QString projectName = candidates.columnText(1);
        const QString language = candidates.columnText(3);
        matcher->forEachMatchingLine(*text, [&](qsizetype lineIndex, qsizetype lineStart, qsizetype lineLength,
                                                const QList<MatchRange> &ranges) {
            SearchMatch match;
            match.projectId = projectId;
            match.projectName = projectName;
            match.path = path;
            match.language = language;
            match.line = lineIndex + 1;
            match.text = text->mid(lineStart, lineLength);
            match.column = codePointColumn(match.text, ranges.first().start);
            match.ranges = ranges;
            if (query.contextLines > 0) {
                match.before = contextBefore(*text, lineStart, query.contextLines);
                match.after = contextAfter(*text, lineStart + lineLength, query.contextLines);
            }
            if (!fileCounted) {
                ++summary.filesMatched;
                fileCounted = true;
            }
            ++summary.matches;
            if (!onMatch(match) || (query.limit > 0 && summary.matches >= query.limit)) {
                summary.limitReached = query.limit > 0 && summary.matches >= query.limit;
                stop = true;
                return false;
            }
            return !(cancel && cancel->isCancelled());
        });
        if (stop)
            break;
    }
    if (candidates.failed())
        return candidates.error(QCoreApplication::translate("Realm::Projects", "Cannot search the workspace"));
    if (cancel && cancel->isCancelled())
        return Error::cancelled();
    // What could not be searched for want of its contents, counted from the
    // few contents not downloaded (an index of them), not from every file.
    // (CROSS JOIN keeps that order.)
    Statement absent(db, "SELECT f.path FROM blobs b CROSS JOIN files f ON f.blob_sha256 = b.sha256 CROSS JOIN projects p ON p.id = f.project_id "
                         "WHERE b.present = 0 AND p.state = 'ready' AND p.deleted_at IS NULL AND f.deleted_at IS NULL "
                         "AND (?1 = '' OR p.id = ?1) AND (?2 = '' OR f.language = ?2)");
    absent.bind(1, query.projectId);
    absent.bind(2, query.language);
    while (absent.next()) {
        const QString path = absent.columnText(0);
        if ((includes.isEmpty() || std::any_of(includes.cbegin(), includes.cend(), [&](const PathGlob &g) { return g.matches(path); }))
            && std::none_of(excludes.cbegin(), excludes.cend(), [&](const PathGlob &g) { return g.matches(path); }))
            ++summary.filesNotDownloaded;
    }
    if (absent.failed())
        return absent.error(QCoreApplication::translate("Realm::Projects", "Cannot search the workspace"));
    return summary;
}

} // namespace Realm::Projects
