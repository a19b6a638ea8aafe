// SPDX-License-Identifier: GPL-3.0-or-later
// The document model, coverage and the API reference in Markdown, checked
// against a golden file for a small project written here.
#include "docs/apireference.h"
#include "docs/symbolextractor.h"
#include "mustache/mustache.h"
#include "markup/codehighlight.h"
#include "markup/markdownoutput.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Realm;
using namespace Realm::Docs;

namespace {
QList<SourceText> sampleProject()
{
    return {{QStringLiteral("geo/shapes.h"),
             QStringLiteral("/// A shape with corners.\n"
                            "class Shape {\n"
                            "public:\n"
                            "    /**\n"
                            "     * Scales the shape.\n"
                            "     * @param factor how much; 1 keeps it\n"
                            "     * @throws std::domain_error for a negative factor\n"
                            "     */\n"
                            "    void scale(double factor);\n"
                            "    double area() const;\n"
                            "private:\n"
                            "    int m_sides = 0;\n"
                            "};\n")},
            {QStringLiteral("geo/math.cpp"),
             QStringLiteral("/**\n"
                            " * Adds two numbers.\n"
                            " * @param a the first\n"
                            " * @param b the second\n"
                            " * @return the sum\n"
                            " * @deprecated use std::plus\n"
                            " */\n"
                            "int add(int a, int b) { return a + b; }\n")},
            {QStringLiteral("tool.py"),
             QStringLiteral("def main(argv):\n"
                            "    \"\"\"Runs the tool.\n"
                            "\n"
                            "    Args:\n"
                            "        argv: the command line\n"
                            "\n"
                            "    Returns:\n"
                            "        The exit code.\n"
                            "    \"\"\"\n"
                            "    return 0\n")}};
}
} // namespace

class tst_ApiReference final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void coverageCountsPublicDocumentableSymbols();
    void markdownMatchesTheGoldenFile();
    void htmlMatchesTheGoldenFileAndEveryLinkLands();
    void userTemplatesAndBrokenTemplates();

private:
    DocProject m_project;
};

void tst_ApiReference::initTestCase()
{
    if (SymbolExtractor::ctagsPath().isEmpty())
        QSKIP("ctags-universal is not installed (scripts/deps.sh installs universal-ctags)");
    const Result<QList<DocSymbol>> symbols = SymbolExtractor::extract(sampleProject());
    QVERIFY(symbols);
    m_project = DocProject::build(QStringLiteral("sample"), *symbols);
}

void tst_ApiReference::coverageCountsPublicDocumentableSymbols()
{
    // Shape, scale, area, add, main: m_sides is private and a member.
    QCOMPARE(m_project.coverage.total, 5);
    QCOMPARE(m_project.coverage.documented, 4); // area() has no comment
    QCOMPARE(m_project.modules.size(), 2);
    QCOMPARE(m_project.modules.at(0).path, QString()); // the top level first
    QCOMPARE(m_project.modules.at(1).path, QStringLiteral("geo"));
    QCOMPARE(m_project.modules.at(1).coverage.total, 4);
    QCOMPARE(m_project.modules.at(1).files.at(1).path, QStringLiteral("geo/shapes.h"));
    QCOMPARE(m_project.modules.at(1).files.at(1).coverage.documented, 2);
}

namespace {
// Compares with tests/data/docs/NAME, or rewrites it under REALM_UPDATE_GOLDEN.
void compareWithGolden(const QString &text, const QString &name)
{
    const QString goldenPath = qEnvironmentVariable("REALM_TEST_DATA") + QStringLiteral("/docs/") + name;
    if (qEnvironmentVariableIsSet("REALM_UPDATE_GOLDEN")) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
    }
    QFile golden(goldenPath);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(goldenPath));
    QCOMPARE(text, QString::fromUtf8(golden.readAll()));
}
} // namespace

void tst_ApiReference::markdownMatchesTheGoldenFile()
{
    const Result<QString> markdown = ApiReference::markdown(m_project, ApiReference::builtInTemplate(), QDate(2026, 1, 2));
    QVERIFY(markdown);
    compareWithGolden(*markdown, QStringLiteral("api-reference.md"));
}


void tst_ApiReference::htmlMatchesTheGoldenFileAndEveryLinkLands()
{
    const Result<QString> markdown = ApiReference::markdown(m_project, ApiReference::builtInTemplate(), QDate(2026, 1, 2));
    QVERIFY(markdown);
    const QString html = Markup::htmlPage(QStringLiteral("sample — API reference"), *markdown);
    // The golden file is the page without its colours (CSS and spans): they
    // depend on the KSyntaxHighlighting release, the rest must not.
    QString plain = html;
    plain.remove(Markup::codeHighlightStyleSheet());
    static const QRegularExpression span(QStringLiteral("<span class=\"hl-[a-z]+\">|</span>"));
    QVERIFY(plain.contains(span));
    plain.remove(span);
    compareWithGolden(plain, QStringLiteral("api-reference.html"));
    // The anchors the template computed are the ids the HTML headings got.
    static const QRegularExpression link(QStringLiteral("href=\"#([^\"]+)\""));
    int links = 0;
    for (auto it = link.globalMatch(html); it.hasNext(); ++links) {
        const QString id = it.next().captured(1);
        QVERIFY2(html.contains(QStringLiteral(" id=\"%1\">").arg(id)), qPrintable(id));
    }
    QCOMPARE(links, 3); // the three files in the index
}

void tst_ApiReference::userTemplatesAndBrokenTemplates()
{
    const Result<QString> list = ApiReference::markdown(
        m_project, QStringLiteral("{{#modules}}{{#files}}{{#symbols}}{{qualified}};{{#members}}{{qualified}};{{/members}}{{/symbols}}{{/files}}{{/modules}}"));
    QVERIFY(list);
    QCOMPARE(*list, QStringLiteral("main;add;Shape;Shape::scale;Shape::area;"));
    // Values are made as the template asks: a parameter's own name, the
    // file's path and the symbol's kind seen from inside, a member's own
    // switches; a name nobody has is empty.
    const Result<QString> nested = ApiReference::markdown(
        m_project, QStringLiteral("{{#modules}}{{#files}}{{#symbols}}{{path}}|{{name}}|{{#params}}{{name}}={{text}}/{{kind}},{{/params}}|"
                                  "{{#members}}{{name}}<{{#hasParams}}p{{/hasParams}}{{nothing}}>{{/members}};{{/symbols}}{{/files}}{{/modules}}"));
    QVERIFY(nested);
    QCOMPARE(*nested, QStringLiteral("tool.py|main|argv=the command line/function,|;"
                                     "geo/math.cpp|add|a=the first/function,b=the second/function,|;"
                                     "geo/shapes.h|Shape||scale<p>area<>;"));
    const Result<QString> broken = ApiReference::markdown(m_project, QStringLiteral("{{#modules}} never closed"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, Error::Code::InvalidInput);
    QVERIFY(broken.error().message.contains(QStringLiteral("not valid Mustache")));
    // Markdown is not HTML-escaped.
    QCOMPARE(*Mustache::renderTemplate(QStringLiteral("{{x}}"), {{QStringLiteral("x"), QStringLiteral("a < b & `c`")}}), QStringLiteral("a < b & `c`"));
}

QTEST_GUILESS_MAIN(tst_ApiReference)
#include "tst_apireference.moc"
