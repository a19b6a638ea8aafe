// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown into HTML pages, multi-page sites and PDFs: anchors as GitHub
// makes them, links across site pages, PDF pages read back with poppler.
#include "markup/codehighlight.h"
#include "markup/headings.h"
#include "markup/htmlsite.h"
#include "markup/markdownoutput.h"
#include "pdf/pdfbook.h"
#include "testworkspace.h"

#include <QDir>
#include <QGuiApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <md4c-html.h>

using namespace Realm;
using namespace Realm::Markup;

namespace {
QString readText(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

class tst_MarkupOutput final : public QObject {
    Q_OBJECT
private slots:
    void slugsAreGitHubs_data();
    void slugsAreGitHubs();
    void repeatedHeadingsAreNumbered();
    void headingsGetIds();
    void headingsAfterBrokenHtmlStillGetIds();
    void codeBlocksAreHighlighted();
    void codeWithoutAKnownLanguageStaysAsItIs();
    void largeTextsRenderInPiecesAsInOne_data();
    void largeTextsRenderInPiecesAsInOne();
    void siteSplitsChaptersAndLinksAcrossPages();
    void pdfHasTitleContentsAndRunningHeaders();
    void linksAndImagesNeitherRunNorLoad_data();
    void linksAndImagesNeitherRunNorLoad();
    void siteAndPageKeepNoHostileTarget();
    void siteNeverOverwritesFilesItDidNotWrite();
};

namespace {
// Whether a browser opening the page would run or fetch `target`: written
// apart from the renderer's own check, after the rule it must obey.
bool isSafeTarget(const QString &target, bool isImage)
{
    const QString lower = target.toLower();
    if (isImage)
        return !lower.contains(QLatin1Char(':')) && !lower.startsWith(QStringLiteral("//"));
    if (lower.startsWith(QStringLiteral("http:")) || lower.startsWith(QStringLiteral("https:")) || lower.startsWith(QStringLiteral("mailto:")))
        return true;
    const qsizetype colon = lower.indexOf(QLatin1Char(':'));
    const qsizetype slash = lower.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
    return colon < 0 || (slash >= 0 && slash < colon);
}

QStringList unsafeTargets(const QString &html)
{
    QStringList found;
    static const QRegularExpression attribute(QStringLiteral("<(a|img)\\b[^>]*?\\b(href|src)=\"([^\"]*)\""), QRegularExpression::CaseInsensitiveOption);
    for (auto it = attribute.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString value = QString(m.captured(3)).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        if (!isSafeTarget(value, m.captured(1).toLower() == QLatin1String("img")))
            found << m.captured(0);
    }
    return found;
}
} // namespace

void tst_MarkupOutput::linksAndImagesNeitherRunNorLoad_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("kept"); // what must still be in the HTML
    QTest::newRow("javascript link") << "[x](javascript:alert(1))" << "x";
    QTest::newRow("any letter case") << "[x](JaVaScRiPt:alert(1))" << "x";
    QTest::newRow("autolink") << "<javascript:alert(1)>" << "alert(1)";
    QTest::newRow("reference link") << "[x][r]\n\n[r]: vbscript:msgbox(1)" << "x";
    QTest::newRow("data link") << "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" << "x";
    QTest::newRow("entity-encoded scheme") << "[x](&#106;avascript:alert(1))" << "x";
    QTest::newRow("tab in scheme") << "[x](<java\tscript:alert(1)>)" << "x";
    QTest::newRow("file link") << "[x](file:///etc/passwd)" << "x";
    QTest::newRow("app scheme") << "[x](realm-setup:now)" << "x";
    QTest::newRow("remote image") << "![tracker](https://evil.example/pixel.png)" << "<a href=\"https://evil.example/pixel.png\">tracker</a>";
    QTest::newRow("protocol-relative image") << "![t](//evil.example/p.png)" << "<a href=\"//evil.example/p.png\">t</a>";
    QTest::newRow("data image") << "![x](data:image/svg+xml;base64,PHN2Zy8+)" << "x";
    QTest::newRow("javascript image") << "![x](javascript:alert(1))" << "x";
    QTest::newRow("image in a link") << "[![x](https://evil.example/i.png)](javascript:alert(1))" << "evil.example";
    QTest::newRow("local image kept") << "![diagram](img/diagram.png)" << "<img src=\"img/diagram.png\" alt=\"diagram\"";
    QTest::newRow("web link kept") << "[site](https://example.org/a?b=1&c=2)" << "<a href=\"https://example.org/a?b=1&amp;c=2\">site</a>";
    QTest::newRow("http autolink kept") << "<http://example.org>" << "<a href=\"http://example.org\">";
    QTest::newRow("mail kept") << "[mail](mailto:dev@example.org)" << "<a href=\"mailto:dev@example.org\">";
    QTest::newRow("relative kept") << "[other](other.html#x)" << "<a href=\"other.html#x\">";
    QTest::newRow("anchor kept") << "[up](#top)" << "<a href=\"#top\">";
    QTest::newRow("colon after slash is a path") << "[p](docs/a:b.md)" << "<a href=\"docs/a:b.md\">";
    QTest::newRow("raw html is text") << "<a href=\"javascript:alert(1)\">x</a> <img src=\"https://evil.example/p.png\">" << "&lt;a href=";
}

// Model answers and code comments write whatever links they like: the HTML
// REALM makes of them (pages, sites, PDFs, the chat) keeps only targets
// that neither run code nor fetch anything on opening.
void tst_MarkupOutput::linksAndImagesNeitherRunNorLoad()
{
    QFETCH(QString, markdown);
    QFETCH(QString, kept);
    const QString html = markdownToHtml(markdown);
    QVERIFY2(unsafeTargets(html).isEmpty(), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("javascript:"), Qt::CaseInsensitive) || html.contains(QStringLiteral("&lt;a href=")) || !html.contains(QStringLiteral("href=\"j"), Qt::CaseInsensitive),
             qPrintable(html));
    QVERIFY2(html.contains(kept), qPrintable(html));
    const QString page = htmlPage(QStringLiteral("t"), markdown);
    QVERIFY2(unsafeTargets(page).isEmpty(), qPrintable(page));
}

void tst_MarkupOutput::siteNeverOverwritesFilesItDidNotWrite()
{
    QTemporaryDir dir;
    Test::writeFile(dir.path(), QStringLiteral("index.html"), "<h1>My own page</h1>\n");
    Result<QStringList> refused = writeHtmlSite(QStringLiteral("Doc"), QStringLiteral("# Doc\n\n## One\n"), dir.path());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("index.html")), qPrintable(refused.error().message));
    QCOMPARE(readText(dir.filePath(QStringLiteral("index.html"))), QStringLiteral("<h1>My own page</h1>\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // A site REALM wrote is written again: its own files replaced, a
    // chapter gone from the document gone from the folder, nothing else touched.
    QTemporaryDir site;
    QVERIFY(writeHtmlSite(QStringLiteral("Doc"), QStringLiteral("# Doc\n\n## One\n\n## Two\n"), site.path()));
    const QStringList first = QDir(site.path()).entryList(QDir::Files);
    QVERIFY2(first.contains(QStringLiteral("two.html")), qPrintable(first.join(QLatin1Char(' '))));
    Result<QStringList> again = writeHtmlSite(QStringLiteral("Doc"), QStringLiteral("# Doc\n\n## One\n"), site.path());
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QVERIFY(!QFileInfo::exists(site.filePath(QStringLiteral("two.html"))));
    QVERIFY(QFileInfo::exists(site.filePath(QStringLiteral("one.html"))));
    Test::writeFile(site.path(), QStringLiteral("notes.txt"), "mine\n");
    QVERIFY(!writeHtmlSite(QStringLiteral("Doc"), QStringLiteral("# Doc\n"), site.path()));
    QCOMPARE(readText(site.filePath(QStringLiteral("notes.txt"))), QStringLiteral("mine\n"));
}

void tst_MarkupOutput::siteAndPageKeepNoHostileTarget()
{
    const QString markdown = QStringLiteral("# Doc\n\n[a](javascript:alert(1)) ![b](https://evil.example/b.png)\n\n"
                                            "## Chapter\n\n[c](DATA:text/html,x) [d][r]\n\n[r]: vbscript:x\n");
    QTemporaryDir dir;
    Result<QStringList> files = writeHtmlSite(QStringLiteral("Doc"), markdown, dir.path());
    QVERIFY(files);
    for (const QString &file : *files) {
        if (file.endsWith(QStringLiteral(".html")))
            QVERIFY2(unsafeTargets(readText(file)).isEmpty(), qPrintable(readText(file)));
    }
}

void tst_MarkupOutput::slugsAreGitHubs_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("slug");
    QTest::newRow("words") << QStringLiteral("Hello World!") << QStringLiteral("hello-world");
    QTest::newRow("code") << QStringLiteral("class Foo::bar") << QStringLiteral("class-foobar");
    QTest::newRow("path") << QStringLiteral("core/docs/doc_model.cpp") << QStringLiteral("coredocsdoc_modelcpp");
    QTest::newRow("dash kept") << QStringLiteral("a - b") << QStringLiteral("a---b");
    QTest::newRow("letters beyond ASCII") << QStringLiteral("Größe ändern") << QStringLiteral("größe-ändern");
    QTest::newRow("em dash") << QStringLiteral("sample — API reference") << QStringLiteral("sample--api-reference");
}

void tst_MarkupOutput::slugsAreGitHubs()
{
    QFETCH(QString, heading);
    QFETCH(QString, slug);
    QCOMPARE(headingSlug(heading), slug);
}

void tst_MarkupOutput::repeatedHeadingsAreNumbered()
{
    HeadingSlugger slugger;
    QCOMPARE(slugger.next(QStringLiteral("add")), QStringLiteral("add"));
    QCOMPARE(slugger.next(QStringLiteral("add")), QStringLiteral("add-1"));
    QCOMPARE(slugger.next(QStringLiteral("add-1")), QStringLiteral("add-1-1")); // a literal "add-1" does not collide
    QCOMPARE(slugger.next(QStringLiteral("Add")), QStringLiteral("add-2"));
}

void tst_MarkupOutput::headingsGetIds()
{
    HeadingSlugger slugger;
    QList<Heading> headings;
    const QString html = addHeadingIds(markdownToHtml(QStringLiteral("# Tom & `Jerry`\n\ntext\n\n## Tom & Jerry\n")), slugger, &headings);
    QVERIFY(html.contains(QStringLiteral("<h1 id=\"tom--jerry\">Tom &amp; <code>Jerry</code></h1>")));
    QVERIFY(html.contains(QStringLiteral("<h2 id=\"tom--jerry-1\">")));
    QCOMPARE(headings.size(), 2);
    QCOMPARE(headings.at(0).text, QStringLiteral("Tom & Jerry"));
    QCOMPARE(headings.at(1).level, 2);
}

void tst_MarkupOutput::headingsAfterBrokenHtmlStillGetIds()
{
    // Raw HTML with an unclosed heading, and a stray '<' in one: the
    // headings md4c wrote still get their ids and their text.
    HeadingSlugger slugger;
    QList<Heading> headings;
    const QString html = addHeadingIds(markdownToHtml(QStringLiteral("<h3>open\n\n# a < b\n\n## Later\n")), slugger, &headings);
    QVERIFY2(html.contains(QStringLiteral("<h2 id=\"later\">Later</h2>")), qPrintable(html));
    QCOMPARE(headings.size(), 2);
    QCOMPARE(headings.at(0).text, QStringLiteral("a < b"));
}

void tst_MarkupOutput::codeBlocksAreHighlighted()
{
    const QString html = markdownToHtml(QStringLiteral("```cpp\nint main() { return a < b && \"x\"; } // done\n```\n"));
    const QString coloured = highlightCodeBlocks(html);
    QVERIFY2(coloured.contains(QStringLiteral("<span class=\"hl-comment\">// done</span>")), qPrintable(coloured));
    QVERIFY(coloured.contains(QStringLiteral("<span class=\"hl-string\">&quot;x&quot;</span>")));
    QVERIFY(coloured.contains(QStringLiteral("<span class=\"hl-controlflow\">return</span>")));
    // Only spans were added: the code reads the same, escaped the same.
    QString plain = coloured;
    plain.remove(QRegularExpression(QStringLiteral("<span class=\"hl-[a-z]+\">|</span>")));
    QCOMPARE(plain, html);
    // Colours for the light theme and, under prefers-color-scheme, the dark one.
    const QString css = codeHighlightStyleSheet();
    QVERIFY(css.contains(QStringLiteral(".hl-comment { color: #")));
    QVERIFY(css.contains(QStringLiteral("@media (prefers-color-scheme: dark)")));
    QVERIFY(pageStyleSheet().contains(css));
    // GitHub's names for languages find their definitions too.
    for (const char *fenced : {"```php\nfunction f() { return 1; }\n```\n", "```shell\nif true; then echo hi; fi\n```\n",
                               "```csharp\npublic class C { }\n```\n", "```c\nint x = 1;\n```\n", "```cpp\nint x = 1;\n```\n"}) {
        QVERIFY2(highlightCodeBlocks(markdownToHtml(QString::fromUtf8(fenced))).contains(QStringLiteral("<span class=\"hl-")), fenced);
    }
    // The page and the site use it.
    QVERIFY(htmlPage(QStringLiteral("t"), QStringLiteral("```python\ndef f():\n    pass\n```\n")).contains(QStringLiteral("class=\"hl-")));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QFile page(dir + QStringLiteral("/highlighted.html"));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(htmlPage(QStringLiteral("Highlighted"), QStringLiteral("# Code\n\n```cpp\n/// Adds.\nint add(int a, int b) { return a + b; } // sum\n"
                                                                          "```\n\n```python\ndef f(x: int) -> str:\n    return \"x\"  # text\n```\n"))
                       .toUtf8());
    }
}

void tst_MarkupOutput::codeWithoutAKnownLanguageStaysAsItIs()
{
    const QString html = markdownToHtml(QStringLiteral("```\nint x = 1;\n```\n\n```no-such-language\nint y;\n```\n"));
    QCOMPARE(highlightCodeBlocks(html), html);
}

// md4c over the whole text at once: what the pieces must add up to.
QString renderedInOne(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    QByteArray html;
    md_html(utf8.constData(), MD_SIZE(utf8.size()),
            [](const MD_CHAR *text, MD_SIZE size, void *out) { static_cast<QByteArray *>(out)->append(text, qsizetype(size)); },
            &html, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
    return QString::fromUtf8(html);
}

void tst_MarkupOutput::largeTextsRenderInPiecesAsInOne_data()
{
    // Each row's text goes in once, near the top; the long ones are full of
    // lines a cut would be made before, had the reading gone wrong.
    const auto repeated = [](const QString &text, int times) {
        QString out;
        for (int i = 0; i < times; ++i)
            out += text;
        return out;
    };
    QTest::addColumn<QString>("extra");
    QTest::newRow("chapters") << QString();
    // A reference definition may be used in another piece: no pieces then.
    QTest::newRow("link reference") << QStringLiteral("[far]: https://example.org/far\n\n");
    QTest::newRow("link reference in a quote") << QStringLiteral("> [far]: https://example.org/far\n\n");
    // Raw HTML (shown as text) that runs across blank lines, headings inside.
    QTest::newRow("html comment") << QStringLiteral("<!--\n") + repeated(QStringLiteral("\n# Draft\n\n"), 60000) + QStringLiteral("-->\n\n");
    // A fence in a list item ends with the item; the next fence holds headings.
    QTest::newRow("fence in a list item")
        << QStringLiteral("1. x\n   ```sh\n   make\n\nText.\n\n```\n") + repeated(QStringLiteral("echo\n\n# comment\n\n"), 40000)
               + QStringLiteral("```\n\n");
    // Inline code at the start of a line does not open a fence.
    QTest::newRow("inline code at a line's start")
        << QStringLiteral("```a``` b\n\n```\n") + repeated(QStringLiteral("\n# in code\n\n"), 60000) + QStringLiteral("```\n\n");
}

void tst_MarkupOutput::largeTextsRenderInPiecesAsInOne()
{
    QFETCH(QString, extra);
    // Chapters with the things a cut must not fall into: a fence holding
    // "## " lines after blank lines, a list, a quote, an HTML block.
    QString markdown;
    for (int i = 0; markdown.size() < 2 * 1024 * 1024; ++i) {
        markdown += QStringLiteral("## Chapter %1\n\nText with [a link](#chapter-%1) and [far].\n\n"
                                   "```\ncode\n\n## not a heading %1\n\n# nor this\n```\n\n"
                                   "- item\n\n  ## inside the item\n\n> quoted\n>\n> # quoted heading\n\n"
                                   "<div>\n\n## inside html\n</div>\n\n# Part %1\n\n")
                        .arg(i);
        if (i == 0)
            markdown += extra;
    }
    const QString expected = renderedInOne(markdown);
    QVERIFY(expected.count(QStringLiteral("<h2>Chapter")) > 1000);
    QCOMPARE(markdownToHtml(markdown), expected);
}

void tst_MarkupOutput::siteSplitsChaptersAndLinksAcrossPages()
{
    QTemporaryDir dir;
    const QString markdown = QStringLiteral(
        "# Guide\n\nStart with [the parser](#parser).\n\n"
        "## Parser\n\nReads text. See [the writer](#writer).\n\n```\n## not a chapter\n```\n\n### Details\n\n### More\n\n"
        "## Writer\n\nBack to [the parser](#parser), or [details](#details).\n");
    const Result<QStringList> files = writeHtmlSite(QStringLiteral("Guide"), markdown, dir.path(), QStringLiteral("Made today"));
    QVERIFY(files);
    QCOMPARE(files->first(), dir.filePath(QStringLiteral("index.html")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({QStringLiteral("index.html"), QStringLiteral("parser.html"),
                                                                    QStringLiteral("site.js"), QStringLiteral("style.css"),
                                                                    QStringLiteral("writer.html")}));
    QVERIFY(readText(dir.filePath(QStringLiteral("index.html"))).contains(QStringLiteral("<a href=\"parser.html#parser\">the parser</a>")));
    const QString parser = readText(dir.filePath(QStringLiteral("parser.html")));
    QVERIFY(parser.contains(QStringLiteral("<a href=\"writer.html#writer\">the writer</a>")));
    QVERIFY(parser.contains(QStringLiteral("## not a chapter"))); // inside a code block: stays on this page
    QVERIFY(parser.contains(QStringLiteral("<nav class=\"toc\">"))); // two sections: a table of contents
    QVERIFY(parser.contains(QStringLiteral("<footer>Made today</footer>")));
    const QString writer = readText(dir.filePath(QStringLiteral("writer.html")));
    QVERIFY(writer.contains(QStringLiteral("<a href=\"parser.html#parser\">the parser</a>")));
    QVERIFY(writer.contains(QStringLiteral("<a href=\"parser.html#details\">details</a>")));
    QVERIFY(!writer.contains(QStringLiteral("<nav class=\"toc\">")));
    const QString script = readText(dir.filePath(QStringLiteral("site.js")));
    QVERIFY(script.contains(QStringLiteral("[\"Details\",\"parser.html#details\"]")));
    QVERIFY(readText(dir.filePath(QStringLiteral("style.css"))).contains(QStringLiteral("prefers-color-scheme: dark")));
}

void tst_MarkupOutput::pdfHasTitleContentsAndRunningHeaders()
{
    QTemporaryDir dir;
    QString markdown = QStringLiteral("# Book\n\nIntro.\n\n");
    for (int chapter = 1; chapter <= 3; ++chapter) {
        markdown += QStringLiteral("## Chapter %1\n\n").arg(chapter);
        for (int line = 0; line < (chapter == 2 ? 120 : 3); ++line) // chapter 2 runs over several pages
            markdown += QStringLiteral("Line %1 of chapter %2.\n\n").arg(line).arg(chapter);
    }
    const QString pdf = dir.filePath(QStringLiteral("book.pdf"));
    Pdf::Options options;
    options.titlePage = {QStringLiteral("Written for the test")};
    options.tableOfContents = true;
    options.chapterPerPage = true;
    QVERIFY(Pdf::writePdf(QStringLiteral("The Book"), markdown, pdf, options));

    QByteArray info;
    QCOMPARE(Test::run(QStringLiteral("pdfinfo"), {pdf}, {}, &info), 0);
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info)).captured(1).toInt();
    QVERIFY2(pages >= 8 && pages <= 12, info.constData()); // title, contents, intro, 1, 2 (several), 3
    const auto pageText = [&](int page) {
        QByteArray text;
        Test::run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                               QString::number(page), pdf, QStringLiteral("-")},
                  {}, &text);
        return QString::fromUtf8(text);
    };
    QVERIFY(pageText(1).contains(QStringLiteral("Written for the test")));
    QVERIFY(!pageText(1).contains(QStringLiteral("Page 1 of"))); // no header or footer on the title page
    const QString contents = pageText(2);
    QVERIFY2(QRegularExpression(QStringLiteral("Chapter 1\\s+4\\n")).match(contents).hasMatch(), qPrintable(contents));
    QVERIFY2(QRegularExpression(QStringLiteral("Chapter 2\\s+5\\n")).match(contents).hasMatch(), qPrintable(contents));
    const int chapter3 = QRegularExpression(QStringLiteral("Chapter 3\\s+(\\d+)\\n")).match(contents).captured(1).toInt();
    QCOMPARE(chapter3, pages);
    // Chapter 2's second page: its header names the chapter; pages are numbered.
    const QString page6 = pageText(6);
    QVERIFY2(page6.contains(QStringLiteral("The Book")) && page6.contains(QStringLiteral("Chapter 2"))
                 && page6.contains(QStringLiteral("Page 6 of %1").arg(pages)),
             qPrintable(page6));
    QVERIFY(pageText(chapter3).startsWith(QStringLiteral("The Book")) && pageText(chapter3).contains(QStringLiteral("Line 0 of chapter 3.")));
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the PDF
    tst_MarkupOutput test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_markupoutput.moc"
