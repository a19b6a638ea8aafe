// SPDX-License-Identifier: GPL-3.0-or-later
// Symbols from Universal Ctags with their documentation comments, per
// language and comment style, on sources written here.
#include "docs/doccomments.h"
#include "docs/symbolextractor.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Docs;

namespace {
QList<DocSymbol> extract(const QString &path, const char *text)
{
    Result<QList<DocSymbol>> symbols = SymbolExtractor::extract({{path, QString::fromUtf8(text)}});
    return symbols ? *symbols : QList<DocSymbol>{};
}

const DocSymbol *find(const QList<DocSymbol> &symbols, const QString &name)
{
    for (const DocSymbol &s : symbols) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}
} // namespace

class tst_SymbolExtractor final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cppBlockCommentsWithTags();
    void cppLineCommentsScopesAndAccess();
    void plainCommentsAreNotDocumentation();
    void pythonDocstringsWithGoogleSections();
    void rustAndGoLineComments();
    void javaScriptJsDocWithTypes();
    void javaJavadocThrowsAndDeprecated();
    void csharpXmlComments();
};

void tst_SymbolExtractor::initTestCase()
{
    if (SymbolExtractor::ctagsPath().isEmpty())
        QSKIP("ctags-universal is not installed (scripts/deps.sh installs universal-ctags)");
}

void tst_SymbolExtractor::cppBlockCommentsWithTags()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("geo/add.cpp"),
        "namespace geo {\n"
        "/**\n"
        " * Adds two numbers. Overflow wraps.\n"
        " *\n"
        " * Used by the area code.\n"
        " * @param a the first\n"
        " * @param b the second,\n"
        " *          continued here\n"
        " * @return the sum\n"
        " * @see sub\n"
        " */\n"
        "int add(int a, int b) { return a + b; }\n"
        "}\n");
    const DocSymbol *add = find(symbols, QStringLiteral("add"));
    QVERIFY(add);
    QCOMPARE(add->kind, QStringLiteral("function"));
    QCOMPARE(add->qualifiedName, QStringLiteral("geo::add"));
    QCOMPARE(add->signature, QStringLiteral("(int a,int b)"));
    QCOMPARE(add->returnType, QStringLiteral("int"));
    QCOMPARE(add->line, 12);
    QCOMPARE(add->doc.brief, QStringLiteral("Adds two numbers."));
    QVERIFY(add->doc.body.startsWith(QStringLiteral("Overflow wraps.")));
    QVERIFY(add->doc.body.contains(QStringLiteral("Used by the area code.")));
    QCOMPARE(add->doc.params.size(), 2);
    QCOMPARE(add->doc.params.at(0), qMakePair(QStringLiteral("a"), QStringLiteral("the first")));
    QCOMPARE(add->doc.params.at(1).second, QStringLiteral("the second, continued here"));
    QCOMPARE(add->doc.returns, QStringLiteral("the sum"));
    QCOMPARE(add->doc.see, QStringList({QStringLiteral("sub")}));
}

void tst_SymbolExtractor::cppLineCommentsScopesAndAccess()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("shape.h"),
        "//! A shape with corners.\n"
        "class Shape {\n"
        "public:\n"
        "    /// The area in square units.\n"
        "    double area() const;\n"
        "    template <typename T>\n"
        "    /// Scales by a factor.\n"
        "    void scale(T factor);\n"
        "private:\n"
        "    int m_sides = 0;\n"
        "};\n");
    const DocSymbol *shape = find(symbols, QStringLiteral("Shape"));
    QVERIFY(shape);
    QCOMPARE(shape->doc.brief, QStringLiteral("A shape with corners."));
    const DocSymbol *area = find(symbols, QStringLiteral("area"));
    QVERIFY(area); // a prototype: declarations are documented too
    QCOMPARE(area->qualifiedName, QStringLiteral("Shape::area"));
    QCOMPARE(area->access, QStringLiteral("public"));
    QCOMPARE(area->doc.brief, QStringLiteral("The area in square units."));
    const DocSymbol *sides = find(symbols, QStringLiteral("m_sides"));
    QVERIFY(sides);
    QVERIFY(!sides->isPublic());
}

void tst_SymbolExtractor::plainCommentsAreNotDocumentation()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("x.c"),
        "/* just a note */\n"
        "int x(void) { return 0; }\n"
        "// also just a note\n"
        "int y(void) { return 1; }\n");
    QVERIFY(find(symbols, QStringLiteral("x"))->rawComment.isEmpty());
    QVERIFY(find(symbols, QStringLiteral("y"))->rawComment.isEmpty());
}

void tst_SymbolExtractor::pythonDocstringsWithGoogleSections()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("greet.py"),
        "import functools\n"
        "\n"
        "@functools.cache\n"
        "def greet(name, loud=False):\n"
        "    \"\"\"Say hello.\n"
        "\n"
        "    Builds the greeting.\n"
        "\n"
        "    Args:\n"
        "        name (str): who to greet\n"
        "        loud: shout it,\n"
        "            in capitals\n"
        "\n"
        "    Returns:\n"
        "        The greeting.\n"
        "\n"
        "    Raises:\n"
        "        ValueError: when the name is empty\n"
        "    \"\"\"\n"
        "    return 'hi ' + name\n"
        "\n"
        "class Greeter:\n"
        "    '''Greets people.'''\n"
        "    pass\n");
    const DocSymbol *greet = find(symbols, QStringLiteral("greet"));
    QVERIFY(greet);
    QCOMPARE(greet->signature, QStringLiteral("(name, loud=False)"));
    QCOMPARE(greet->doc.brief, QStringLiteral("Say hello."));
    QCOMPARE(greet->doc.body, QStringLiteral("Builds the greeting."));
    QCOMPARE(greet->doc.params.size(), 2);
    QCOMPARE(greet->doc.params.at(0), qMakePair(QStringLiteral("name"), QStringLiteral("who to greet")));
    QCOMPARE(greet->doc.params.at(1).second, QStringLiteral("shout it, in capitals"));
    QCOMPARE(greet->doc.returns, QStringLiteral("The greeting."));
    QCOMPARE(greet->doc.throws.first(), qMakePair(QStringLiteral("ValueError"), QStringLiteral("when the name is empty")));
    QCOMPARE(find(symbols, QStringLiteral("Greeter"))->doc.brief, QStringLiteral("Greets people."));
}

void tst_SymbolExtractor::rustAndGoLineComments()
{
    const QList<DocSymbol> rust = extract(QStringLiteral("lib.rs"),
        "/// Parses a number.\n"
        "///\n"
        "/// Returns `None` on garbage.\n"
        "#[inline]\n"
        "pub fn parse(s: &str) -> Option<i64> { s.parse().ok() }\n");
    const DocSymbol *parse = find(rust, QStringLiteral("parse"));
    QVERIFY(parse);
    QCOMPARE(parse->doc.brief, QStringLiteral("Parses a number."));
    QCOMPARE(parse->doc.body, QStringLiteral("Returns `None` on garbage."));

    const QList<DocSymbol> go = extract(QStringLiteral("main.go"),
        "package main\n"
        "\n"
        "// Sum adds the numbers.\n"
        "// It returns 0 for none.\n"
        "func Sum(xs ...int) int { return 0 }\n");
    const DocSymbol *sum = find(go, QStringLiteral("Sum"));
    QVERIFY(sum);
    QCOMPARE(sum->doc.brief, QStringLiteral("Sum adds the numbers."));
    QCOMPARE(sum->doc.body, QStringLiteral("It returns 0 for none."));
}

void tst_SymbolExtractor::javaScriptJsDocWithTypes()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("util.js"),
        "/**\n"
        " * Formats a date.\n"
        " * @param {Date} date - the date\n"
        " * @returns {string} ISO text\n"
        " */\n"
        "function formatDate(date) { return date.toISOString(); }\n");
    const DocSymbol *format = find(symbols, QStringLiteral("formatDate"));
    QVERIFY(format);
    QCOMPARE(format->doc.params.first(), qMakePair(QStringLiteral("date"), QStringLiteral("the date")));
    QCOMPARE(format->doc.returns, QStringLiteral("ISO text"));
}

void tst_SymbolExtractor::javaJavadocThrowsAndDeprecated()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("Store.java"),
        "public class Store {\n"
        "    /**\n"
        "     * Loads a value.\n"
        "     * @param key the key\n"
        "     * @return the value\n"
        "     * @throws IOException when the disk fails\n"
        "     * @deprecated use fetch\n"
        "     */\n"
        "    @Override\n"
        "    public String load(String key) throws IOException { return null; }\n"
        "}\n");
    const DocSymbol *load = find(symbols, QStringLiteral("load"));
    QVERIFY(load);
    QCOMPARE(load->doc.throws.first(), qMakePair(QStringLiteral("IOException"), QStringLiteral("when the disk fails")));
    QCOMPARE(load->doc.deprecated, QStringLiteral("use fetch"));
    QCOMPARE(load->qualifiedName, QStringLiteral("Store::load"));
}

void tst_SymbolExtractor::csharpXmlComments()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("Calc.cs"),
        "public class Calc {\n"
        "    /// <summary>Adds two numbers.</summary>\n"
        "    /// <param name=\"a\">the first</param>\n"
        "    /// <returns>the sum</returns>\n"
        "    public int Add(int a, int b) { return a + b; }\n"
        "}\n");
    const DocSymbol *add = find(symbols, QStringLiteral("Add"));
    QVERIFY(add);
    QCOMPARE(add->doc.brief, QStringLiteral("Adds two numbers."));
    QCOMPARE(add->doc.params.first(), qMakePair(QStringLiteral("a"), QStringLiteral("the first")));
    QCOMPARE(add->doc.returns, QStringLiteral("the sum"));
}

QTEST_GUILESS_MAIN(tst_SymbolExtractor)
#include "tst_symbolextractor.moc"
