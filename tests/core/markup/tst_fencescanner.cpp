// SPDX-License-Identifier: GPL-3.0-or-later
// The one reading of code fences (the chat's streaming view, the pieces of
// a large document, template output) agrees with md4c, which renders them:
// every line the scanner calls code is inside a <pre> md4c wrote, and no
// other line is.
#include "markup/fencescanner.h"

#include <QTest>

#include <md4c-html.h>

using Realm::Markup::FenceScanner;
using Line = FenceScanner::Line;

namespace {
QList<Line> scan(const QByteArray &markdown)
{
    FenceScanner scanner;
    QList<Line> lines;
    for (const QByteArray &line : markdown.split('\n'))
        lines << scanner.next(line);
    return lines;
}

// Whether md4c renders `markdown` with a code block holding `marker`.
bool md4cSeesCode(const QByteArray &markdown, const QByteArray &marker)
{
    QByteArray html;
    md_html(markdown.constData(), MD_SIZE(markdown.size()),
            [](const MD_CHAR *text, MD_SIZE size, void *out) { static_cast<QByteArray *>(out)->append(text, size); }, &html,
            MD_DIALECT_GITHUB, 0);
    const qsizetype pre = html.indexOf("<pre>");
    return pre >= 0 && html.indexOf(marker, pre) > pre && html.indexOf(marker, pre) < html.indexOf("</pre>", pre);
}
} // namespace

class tst_FenceScanner final : public QObject {
    Q_OBJECT
private slots:
    void readsFencesAsMd4cDoes_data();
    void readsFencesAsMd4cDoes();
    void theLanguageIsTheInfoStringsFirstWord();
    void anOpenBlockRunsToTheEnd();
};

void tst_FenceScanner::readsFencesAsMd4cDoes_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<bool>("markerIsCode");
    QTest::addRow("backticks") << QByteArray("```\nMARK\n```\n") << true;
    QTest::addRow("tildes") << QByteArray("~~~\nMARK\n~~~\n") << true;
    QTest::addRow("three spaces of indent") << QByteArray("   ```\nMARK\n   ```\n") << true;
    QTest::addRow("four spaces: not a fence") << QByteArray("    ```\n\nMARK\n") << false;
    QTest::addRow("two backticks: not a fence") << QByteArray("``\nMARK\n``\n") << false;
    QTest::addRow("backtick in the info: code in a paragraph") << QByteArray("```a```\nMARK\n") << false;
    QTest::addRow("a tilde fence may have backticks in its info") << QByteArray("~~~ a`b\nMARK\n~~~\n") << true;
    QTest::addRow("a shorter fence does not close") << QByteArray("````\n```\nMARK\n````\n") << true;
    QTest::addRow("the other character does not close") << QByteArray("```\n~~~\nMARK\n```\n") << true;
    QTest::addRow("text after the closing fence: still code") << QByteArray("```\n``` x\nMARK\n```\n") << true;
    QTest::addRow("closed, then text") << QByteArray("```\ncode\n```\nMARK\n") << false;
    QTest::addRow("a closing fence indented four spaces is code") << QByteArray("```\n    ```\nMARK\n```\n") << true;
}

void tst_FenceScanner::readsFencesAsMd4cDoes()
{
    QFETCH(QByteArray, markdown);
    QFETCH(bool, markerIsCode);
    QCOMPARE(md4cSeesCode(markdown, "MARK"), markerIsCode); // the reference agrees with the row
    const QList<QByteArray> lines = markdown.split('\n');
    const QList<Line> kinds = scan(markdown);
    const qsizetype marker = lines.indexOf("MARK");
    QVERIFY(marker >= 0);
    QCOMPARE(kinds.at(marker) == Line::Code, markerIsCode);
}

void tst_FenceScanner::theLanguageIsTheInfoStringsFirstWord()
{
    FenceScanner scanner;
    QCOMPARE(scanner.next("```csharp title=\"Program.cs\""), Line::Opening);
    QCOMPARE(scanner.language(), QStringLiteral("csharp"));
    QCOMPARE(scanner.next("class A {}"), Line::Code);
    QCOMPARE(scanner.next("```"), Line::Closing);
    QCOMPARE(scanner.language(), QStringLiteral("csharp")); // kept for the block just closed
    QCOMPARE(scanner.next("~~~"), Line::Opening);
    QCOMPARE(scanner.language(), QString());
}

void tst_FenceScanner::anOpenBlockRunsToTheEnd()
{
    QCOMPARE(scan("text\n```python\nprint(1)\n\n# not a heading"),
             QList<Line>({Line::Text, Line::Opening, Line::Code, Line::Code, Line::Code}));
}

QTEST_GUILESS_MAIN(tst_FenceScanner)
#include "tst_fencescanner.moc"
