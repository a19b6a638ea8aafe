// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "projects/searchengine.h"
#include "projects/textcontent.h"
#include "testworkspace.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;
using Realm::Test::writeFile;

namespace {

using Hit = QString; // "project|path|line"

// The oracle: every line of every live text file, checked the plainest way.
QSet<Hit> bruteForce(const Storage::DatabasePtr &db, const TextQuery &query)
{
    const Qt::CaseSensitivity cs = query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    QRegularExpression re;
    if (query.mode == TextQuery::Mode::Regex) {
        QString pattern = query.pattern;
        if (query.wholeWord)
            pattern = QStringLiteral("(?<![\\w])(?:") + pattern + QStringLiteral(")(?![\\w])");
        re = QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption
                                             | (query.caseSensitive ? QRegularExpression::NoPatternOption : QRegularExpression::CaseInsensitiveOption));
    }
    const auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    const auto lineMatches = [&](const QString &line) {
        if (query.mode == TextQuery::Mode::Regex)
            return re.match(line).hasMatch();
        for (qsizetype at = line.indexOf(query.pattern, 0, cs); at >= 0; at = line.indexOf(query.pattern, at + 1, cs)) {
            if (!query.wholeWord)
                return true;
            const qsizetype end = at + query.pattern.size();
            if ((at == 0 || !isWord(line.at(at - 1))) && (end >= line.size() || !isWord(line.at(end))))
                return true;
        }
        return false;
    };
    QSet<Hit> hits;
    ProjectStore store(db);
    for (const Project &p : *store.list()) {
        for (const ProjectFile &f : *store.files(p.id)) {
            if (f.isBinary())
                continue;
            const QString text = decodeText(*store.content(f), encodingFromName(f.encoding));
            if (text.isEmpty())
                continue;
            QStringList lines = text.split(QLatin1Char('\n'));
            if (text.endsWith(QLatin1Char('\n')))
                lines.removeLast();
            for (qsizetype i = 0; i < lines.size(); ++i) {
                QString line = lines[i];
                if (line.endsWith(QLatin1Char('\r')))
                    line.chop(1);
                if (lineMatches(line))
                    hits.insert(p.name + QLatin1Char('|') + f.path + QLatin1Char('|') + QString::number(i + 1));
            }
        }
    }
    return hits;
}

QSet<Hit> engineHits(const Storage::DatabasePtr &db, const SearchQuery &query, SearchSummary *summary = nullptr)
{
    QSet<Hit> hits;
    Result<SearchSummary> result = SearchEngine(db).search(query, [&](const SearchMatch &m) {
        hits.insert(m.projectName + QLatin1Char('|') + m.path + QLatin1Char('|') + QString::number(m.line));
        return true;
    });
    if (!result)
        qWarning("search failed: %s", qPrintable(result.error().message));
    else if (summary)
        *summary = *result;
    return hits;
}

const char *const kWords[] = {
    "int", "main", "return", "value", "Value", "VALUE", "get_value", "setValue", "größe", "GRÖSSE", "naïve",
    "日本語", "テスト", "😀", "emoji😀x", "std::move", "a.b", "(x)", "[y]", "foo$bar", "x+y", "a*b", "q?", "\\n",
    "tab\there", "\"quoted\"", "it's", "TODO", "FIXME", "ab", "a", "abc", "abcabc", "Größe", "ǅ", "ß", "İ", "ﬁle",
};

QString randomLine(QRandomGenerator &rng)
{
    QStringList words;
    const int count = int(rng.bounded(12));
    for (int i = 0; i < count; ++i)
        words << QString::fromUtf8(kWords[rng.bounded(int(std::size(kWords)))]);
    return words.join(rng.bounded(4) == 0 ? QStringLiteral("  ") : QStringLiteral(" "));
}

} // namespace

class tst_Search final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void literalMatchesEqualBruteForce_data();
    void literalMatchesEqualBruteForce();
    void randomQueriesEqualBruteForce();
    void regexMatchesEqualBruteForce_data();
    void regexMatchesEqualBruteForce();
    void shortQueriesScanWithoutTheIndex();
    void resultsCarryColumnRangesAndContext();
    void filtersByProjectGlobAndLanguage();
    void limitStopsEarlyAndIsReported();
    void trashedProjectsAreNotSearched();
    void invalidRegexIsAClearError();
    void indexQueryUsesOverlappingTrigrams();

private:
    TestWorkspace m_ws;
    QString m_alphaId;
};

void tst_Search::initTestCase()
{
    QRandomGenerator rng(20261126);
    QTemporaryDir alpha, beta;
    for (int f = 0; f < 60; ++f) {
        const bool crlf = f % 5 == 0;
        QString text;
        const int lines = int(rng.bounded(40));
        for (int l = 0; l < lines; ++l)
            text += randomLine(rng) + (crlf ? QStringLiteral("\r\n") : QStringLiteral("\n"));
        if (f % 7 == 0)
            text += randomLine(rng); // no final line break
        const QString dir = f % 3 == 0 ? QStringLiteral("src") : f % 3 == 1 ? QStringLiteral("include/x") : QStringLiteral("docs");
        const QString ext = f % 3 == 0 ? QStringLiteral(".cpp") : f % 3 == 1 ? QStringLiteral(".h") : QStringLiteral(".md");
        writeFile((f % 2 ? alpha : beta).path(), dir + QStringLiteral("/file%1").arg(f) + ext, text.toUtf8());
    }
    // The awkward ones: a very long line, Latin-1 and UTF-16 files, a binary
    // file with matching bytes, an empty file, a file of only line breaks.
    QString longLine;
    for (int i = 0; i < 4000; ++i)
        longLine += randomLine(rng) + QLatin1Char(' ');
    writeFile(alpha.path(), QStringLiteral("long/line.txt"), (longLine + QStringLiteral("\nend value\n")).toUtf8());
    writeFile(alpha.path(), QStringLiteral("legacy/latin1.txt"), QByteArray("Gr\xF6\xDF" "e value\nint main\n"));
    QByteArray utf16("\xFF\xFE", 2);
    for (QChar c : QStringLiteral("value größe\r\nint main\r\n"))
        utf16.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
    writeFile(alpha.path(), QStringLiteral("win/utf16.txt"), utf16);
    writeFile(alpha.path(), QStringLiteral("bin/blob.dat"), QByteArray("value\0main\0int", 14));
    writeFile(alpha.path(), QStringLiteral("empty.txt"), QByteArray());
    writeFile(alpha.path(), QStringLiteral("emoji.txt"), QStringLiteral("😀😀 after\n").toUtf8());
    writeFile(alpha.path(), QStringLiteral("breaks.txt"), QByteArray("\n\n\r\n"));
    writeFile(beta.path(), QStringLiteral("script"), "#!/usr/bin/env python3\nvalue = main()\n");

    ImportOptions a;
    a.name = QStringLiteral("alpha");
    Result<ImportReport> imported = ProjectImporter(m_ws.db()).importProject(alpha.path(), a);
    QVERIFY(imported.ok());
    m_alphaId = imported->project.id;
    ImportOptions b;
    b.name = QStringLiteral("beta");
    QVERIFY(ProjectImporter(m_ws.db()).importProject(beta.path(), b).ok());
}

void tst_Search::literalMatchesEqualBruteForce_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWord");
    const char *const patterns[] = {"value", "Value", "get_value", "größe", "GRÖSSE", "日本語", "😀", "std::move",
                                    "a.b", "(x)", "foo$bar", "it's", "\"quoted\"", "main", "ue  in", "abcabc",
                                    "ǅ", "ß", "ﬁle", "İ", "tab\there", "int", "e v", "not-present-anywhere"};
    for (const char *p : patterns) {
        for (int variant = 0; variant < 4; ++variant) {
            const bool cs = variant % 2 == 0;
            const bool word = variant >= 2;
            QTest::addRow("%s cs=%d word=%d", p, cs, word) << QString::fromUtf8(p) << cs << word;
        }
    }
}

void tst_Search::literalMatchesEqualBruteForce()
{
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWord);
    SearchQuery query;
    query.text = {pattern, TextQuery::Mode::Literal, caseSensitive, wholeWord};
    query.limit = 0;
    const QSet<Hit> expected = bruteForce(m_ws.db(), query.text);
    QCOMPARE(engineHits(m_ws.db(), query), expected);
}

void tst_Search::randomQueriesEqualBruteForce()
{
    // Substrings cut at random from real lines, in both cases, of every length.
    QRandomGenerator rng(7);
    int nonEmpty = 0;
    for (int i = 0; i < 150; ++i) {
        QString line = randomLine(rng);
        if (line.isEmpty())
            continue;
        const qsizetype start = rng.bounded(int(line.size()));
        const qsizetype length = 1 + rng.bounded(int(qMin<qsizetype>(12, line.size() - start)));
        QString pattern = line.mid(start, length);
        if (pattern.at(0).isLowSurrogate() || pattern.back().isHighSurrogate())
            continue; // half a code point is not a query anyone types
        SearchQuery query;
        query.text = {pattern, TextQuery::Mode::Literal, rng.bounded(2) == 0, rng.bounded(4) == 0};
        query.limit = 0;
        const QSet<Hit> expected = bruteForce(m_ws.db(), query.text);
        nonEmpty += expected.isEmpty() ? 0 : 1;
        const QSet<Hit> got = engineHits(m_ws.db(), query);
        QVERIFY2(got == expected, qPrintable(QStringLiteral("query \"%1\" cs=%2 word=%3: %4 vs %5 hits")
                                                 .arg(pattern).arg(query.text.caseSensitive).arg(query.text.wholeWord)
                                                 .arg(got.size()).arg(expected.size())));
    }
    QVERIFY(nonEmpty > 50); // the comparison is not vacuous
}

void tst_Search::regexMatchesEqualBruteForce_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    const char *const patterns[] = {"val(ue)?", "get_\\w+", "^int", "main$", "\\bValue\\b", "std::\\w+", "a\\.b",
                                    "gr(ö|oe)(ß|ss)e", "[A-Z]{5}", "TODO|FIXME", "\\d+", "^$", "\\(x\\)", "日本.",
                                    "set[A-Z]\\w+", "(?i)größe", "value\\s+int", "x\\+y", "😀+", "^\\s*$", "e v.l",
                                    "[[:alpha:]]alue", "[[:upper:]]{5}"};
    for (const char *p : patterns) {
        QTest::addRow("%s cs", p) << QString::fromUtf8(p) << true;
        QTest::addRow("%s ci", p) << QString::fromUtf8(p) << false;
    }
}

void tst_Search::regexMatchesEqualBruteForce()
{
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    SearchQuery query;
    query.text = {pattern, TextQuery::Mode::Regex, caseSensitive, false};
    query.limit = 0;
    QCOMPARE(engineHits(m_ws.db(), query), bruteForce(m_ws.db(), query.text));
    query.text.wholeWord = true;
    QCOMPARE(engineHits(m_ws.db(), query), bruteForce(m_ws.db(), query.text));
}

void tst_Search::shortQueriesScanWithoutTheIndex()
{
    for (const QString &pattern : {QStringLiteral("a"), QStringLiteral("ab"), QStringLiteral("ß"), QStringLiteral("😀")}) {
        SearchQuery query;
        query.text.pattern = pattern;
        query.limit = 0;
        SearchSummary summary;
        const QSet<Hit> got = engineHits(m_ws.db(), query, &summary);
        QVERIFY(!summary.usedIndex);
        QCOMPARE(got, bruteForce(m_ws.db(), query.text));
    }
    SearchQuery indexed;
    indexed.text.pattern = QStringLiteral("value");
    SearchSummary summary;
    engineHits(m_ws.db(), indexed, &summary);
    QVERIFY(summary.usedIndex);
}

void tst_Search::resultsCarryColumnRangesAndContext()
{
    SearchQuery query;
    query.text.pattern = QStringLiteral("main");
    query.globs = {QStringLiteral("legacy/*")};
    query.contextLines = 1;
    QList<SearchMatch> matches;
    QVERIFY(SearchEngine(m_ws.db()).search(query, [&](const SearchMatch &m) { matches << m; return true; }).ok());
    QCOMPARE(matches.size(), 1);
    const SearchMatch &m = matches.first();
    QCOMPARE(m.path, QStringLiteral("legacy/latin1.txt"));
    QCOMPARE(m.line, 2);
    QCOMPARE(m.column, 5);
    QCOMPARE(m.text, QStringLiteral("int main"));
    QCOMPARE(m.ranges.size(), 1);
    QCOMPARE(m.ranges.first().start, 4);
    QCOMPARE(m.ranges.first().length, 4);
    QCOMPARE(m.before, QStringList{QStringLiteral("Größe value")});
    QVERIFY(m.after.isEmpty());

    // Columns count code points, not UTF-16 units.
    SearchQuery emoji;
    emoji.text.pattern = QStringLiteral("after");
    emoji.globs = {QStringLiteral("emoji.txt")};
    QList<SearchMatch> found;
    QVERIFY(SearchEngine(m_ws.db()).search(emoji, [&](const SearchMatch &hit) { found << hit; return true; }).ok());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().column, 4);
    QCOMPARE(found.first().ranges.first().start, 5); // UTF-16 offset: each emoji is two units
}

void tst_Search::filtersByProjectGlobAndLanguage()
{
    SearchQuery query;
    query.text.pattern = QStringLiteral("value");
    query.limit = 0;
    const QSet<Hit> all = engineHits(m_ws.db(), query);

    query.projectId = m_alphaId;
    const QSet<Hit> alphaOnly = engineHits(m_ws.db(), query);
    QVERIFY(!alphaOnly.isEmpty() && alphaOnly.size() < all.size());
    for (const Hit &h : alphaOnly)
        QVERIFY(h.startsWith(QLatin1String("alpha|")));

    query.projectId.clear();
    query.globs = {QStringLiteral("*.md")};
    for (const Hit &h : engineHits(m_ws.db(), query))
        QVERIFY2(h.section(QLatin1Char('|'), 1, 1).endsWith(QLatin1String(".md")), qPrintable(h));
    query.globs = {QStringLiteral("include/**")};
    const QSet<Hit> included = engineHits(m_ws.db(), query);
    QVERIFY(!included.isEmpty());
    for (const Hit &h : included)
        QVERIFY(h.section(QLatin1Char('|'), 1, 1).startsWith(QLatin1String("include/")));
    query.globs = {QStringLiteral("!*.md"), QStringLiteral("!*.h")};
    for (const Hit &h : engineHits(m_ws.db(), query)) {
        const QString path = h.section(QLatin1Char('|'), 1, 1);
        QVERIFY(!path.endsWith(QLatin1String(".md")) && !path.endsWith(QLatin1String(".h")));
    }

    query.globs.clear();
    query.language = QStringLiteral("python");
    QCOMPARE(engineHits(m_ws.db(), query), QSet<Hit>{QStringLiteral("beta|script|2")});
}

void tst_Search::limitStopsEarlyAndIsReported()
{
    SearchQuery query;
    query.text.pattern = QStringLiteral("int");
    query.limit = 5;
    int calls = 0;
    Result<SearchSummary> summary = SearchEngine(m_ws.db()).search(query, [&](const SearchMatch &) { ++calls; return true; });
    QVERIFY(summary.ok());
    QCOMPARE(calls, 5);
    QVERIFY(summary->limitReached);

    // Results arrive ordered by project, path and line.
    query.limit = 0;
    QStringList order;
    QVERIFY(SearchEngine(m_ws.db()).search(query, [&](const SearchMatch &m) {
        order << QStringLiteral("%1|%2|%3").arg(m.projectName, m.path).arg(m.line, 8, 10, QLatin1Char('0'));
        return true;
    }).ok());
    QStringList sorted = order;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(order, sorted);
}

void tst_Search::trashedProjectsAreNotSearched()
{
    TestWorkspace ws;
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("a.txt"), "needle\n");
    ImportOptions options;
    options.name = QStringLiteral("t");
    Result<ImportReport> r = ProjectImporter(ws.db()).importProject(src.path(), options);
    QVERIFY(r.ok());
    SearchQuery query;
    query.text.pattern = QStringLiteral("needle");
    QCOMPARE(engineHits(ws.db(), query).size(), 1);
    QVERIFY(ProjectStore(ws.db()).moveToTrash(r->project.id).ok());
    QCOMPARE(engineHits(ws.db(), query).size(), 0);
}

void tst_Search::invalidRegexIsAClearError()
{
    SearchQuery query;
    query.text = {QStringLiteral("foo(bar"), TextQuery::Mode::Regex, true, false};
    Result<SearchSummary> r = SearchEngine(m_ws.db()).search(query, [](const SearchMatch &) { return true; });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::InvalidInput);
    QVERIFY(r.error().message.contains(QStringLiteral("regular expression")));
}

void tst_Search::indexQueryUsesOverlappingTrigrams()
{
    QCOMPARE(SearchEngine::indexQueryFor({QStringLiteral("abcdef"), TextQuery::Mode::Literal, true, false}),
             QStringLiteral("(\"abc\" AND \"bcd\" AND \"cde\" AND \"def\")"));
    QCOMPARE(SearchEngine::indexQueryFor({QStringLiteral("ab"), TextQuery::Mode::Literal, true, false}), QString());
    QCOMPARE(SearchEngine::indexQueryFor({QStringLiteral("a\"b\""), TextQuery::Mode::Literal, true, false}),
             QStringLiteral("(\"a\"\"b\" AND \"\"\"b\"\"\")"));
    QCOMPARE(SearchEngine::indexQueryFor({QStringLiteral("error|warn"), TextQuery::Mode::Regex, true, false}),
             QStringLiteral("(\"err\" AND \"rro\" AND \"ror\") OR (\"war\" AND \"arn\")"));
    // Long literals keep at most 24 trigrams, spread over the whole literal.
    const QString longQuery = SearchEngine::indexQueryFor({QString(60, QLatin1Char('x')) + QStringLiteral("yz"), TextQuery::Mode::Literal, true, false});
    QVERIFY(longQuery.contains(QStringLiteral("\"xyz\"")));
    QVERIFY(longQuery.count(QStringLiteral(" AND ")) < 24);
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"
