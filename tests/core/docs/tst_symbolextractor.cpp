// SPDX-License-Identifier: GPL-3.0-or-later
// Symbols from Universal Ctags with their documentation comments, per
// language and comment style, on sources written here.
#include "docs/doccomments.h"
#include "docs/symbolextractor.h"

#include <QFile>
#include <QTemporaryDir>
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

// The symbol called `name`, or an empty one, so that a missing symbol fails
// the comparisons instead of crashing the test.
const DocSymbol &symbol(const QList<DocSymbol> &symbols, const char *name)
{
    static const DocSymbol missing;
    const DocSymbol *s = find(symbols, QString::fromUtf8(name));
    return s ? *s : missing;
}

// Overloads share a name: all of them, in source order.
QList<DocSymbol> findAll(const QList<DocSymbol> &symbols, const QString &name)
{
    QList<DocSymbol> found;
    for (const DocSymbol &s : symbols) {
        if (s.name == name)
            found << s;
    }
    return found;
}

// What ctags said about a symbol on one line, "kind scope::name(signature)
// -> type @line-end access", so that a failure shows all of it at once.
QString outline(const DocSymbol &s)
{
    QString text = s.kind + QLatin1Char(' ') + s.qualifiedName + s.signature;
    if (!s.returnType.isEmpty())
        text += QStringLiteral(" -> ") + s.returnType;
    text += QStringLiteral(" @") + QString::number(s.line);
    if (s.endLine != s.line)
        text += QLatin1Char('-') + QString::number(s.endLine);
    if (!s.access.isEmpty())
        text += QLatin1Char(' ') + s.access;
    return text;
}

using Param = QPair<QString, QString>;
Param param(const char *name, const char *text)
{
    return {QString::fromUtf8(name), QString::fromUtf8(text)};
}

// Overloads, templates and multi-line signatures, for two tests.
const char *const calcHeader =
    "namespace calc {\n"
    "\n"
    "/// Adds two integers.\n"
    "int add(int a, int b);\n"
    "\n"
    "/// Adds two doubles.\n"
    "/// @param a the first\n"
    "/// @param b the second\n"
    "double add(double a, double b);\n"
    "\n"
    "/**\n"
    " * The larger of two values.\n"
    " * @tparam T a comparable type\n"
    " */\n"
    "template <typename T>\n"
    "T larger(const T &a, const T &b) { return a < b ? b : a; }\n"
    "\n"
    "/// A fixed-size buffer.\n"
    "template <typename T, int N>\n"
    "class Buffer {\n"
    "public:\n"
    "    /**\n"
    "     * Copies items in.\n"
    "     * @param from the first item\n"
    "     * @param count how many\n"
    "     * @return the number copied\n"
    "     */\n"
    "    int fill(const T *from,\n"
    "             int count,\n"
    "             bool wrap = false);\n"
    "};\n"
    "\n"
    "/** Multiplies a and b. */\n"
    "template<class T>\n"
    "T\n"
    "multiply(T a,\n"
    "         T b)\n"
    "{\n"
    "    return a * b;\n"
    "}\n"
    "\n"
    "} // namespace calc\n";
} // namespace

class tst_SymbolExtractor final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cppBlockCommentsWithTags();
    void cppLineCommentsScopesAndAccess();
    void anonymousNamespacesAreNotApi();
    void plainCommentsAreNotDocumentation();
    void pythonDocstringsWithGoogleSections();
    void rustAndGoLineComments();
    void javaScriptJsDocWithTypes();
    void javaJavadocThrowsAndDeprecated();
    void csharpXmlComments();
    void cStructsTypedefsAndPrototypes_data();
    void cStructsTypedefsAndPrototypes();
    void cppOverloadsAndTemplates();
    void cppMultiLineSignatures();
    void pythonMultiLineSignatures();
    void pythonNumpyDocstringSections();
    void pythonDecoratorsBetweenCommentAndDef();
    void typeScriptTsDocOnFunctionsClassesInterfaces();
    void kotlinKDocOnFunsAndClasses();
    void phpDocOnFunctionsClassesAndMethods();
    void rubyHashBlocksInNestedModules();
    void shellHashBlocksAboveBothFunctionForms();
    void namesCtagsCannotWriteBackKeepTheirPaths();
    void nothingToReadIsNothingFound();
    void namesCtagsCannotWriteBackKeepTheirPathsOnDisk();
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

void tst_SymbolExtractor::anonymousNamespacesAreNotApi()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("impl.cpp"),
        "namespace app {\n"
        "namespace {\n"
        "/// A helper of this file only.\n"
        "int helper() { return 1; }\n"
        "struct Local { int x; };\n"
        "}\n"
        "/// Part of the API.\n"
        "int api() { return helper(); }\n"
        "}\n");
    QStringList names;
    for (const DocSymbol &s : symbols)
        names << s.qualifiedName;
    QCOMPARE(names, QStringList({QStringLiteral("app"), QStringLiteral("app::api")}));
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

void tst_SymbolExtractor::cStructsTypedefsAndPrototypes_data()
{
    QTest::addColumn<QString>("path");
    // ctags reads .h as C++ and .c as C: a C header must come out the same
    // through both parsers.
    QTest::newRow("header, C++ parser") << QStringLiteral("vec.h");
    QTest::newRow("source, C parser") << QStringLiteral("vec.c");
}

void tst_SymbolExtractor::cStructsTypedefsAndPrototypes()
{
    QFETCH(QString, path);
    const QList<DocSymbol> symbols = extract(path,
        "#ifndef VEC_H\n"
        "#define VEC_H\n"
        "\n"
        "/** A 2D vector. */\n"
        "struct vec2 {\n"
        "    double x; /**< across */\n"
        "    double y;\n"
        "};\n"
        "\n"
        "/// A point is a vector.\n"
        "typedef struct vec2 point;\n"
        "\n"
        "/**\n"
        " * Length of a vector.\n"
        " * @param[in] v the vector\n"
        " * @return the Euclidean length\n"
        " */\n"
        "double vec_length(const struct vec2 *v);\n"
        "\n"
        "/// Adds two vectors.\n"
        "/// @param a the first\n"
        "/// @param b the second\n"
        "struct vec2 vec_add(struct vec2 a,\n"
        "                    struct vec2 b);\n"
        "\n"
        "/** Scales a vector. */\n"
        "static inline struct vec2\n"
        "vec_scale(struct vec2 v, double k)\n"
        "{\n"
        "    struct vec2 r = {v.x * k, v.y * k};\n"
        "    return r;\n"
        "}\n"
        "\n"
        "/** Directions on screen. */\n"
        "enum dir {\n"
        "    /** Up the screen. */\n"
        "    DIR_UP,\n"
        "    DIR_DOWN,\n"
        "    DIR_LEFT, ///< To the left.\n"
        "};\n"
        "\n"
        "#endif\n");
    const DocSymbol &vec2 = symbol(symbols, "vec2");
    QCOMPARE(outline(vec2), QStringLiteral("struct vec2 @5-8"));
    QCOMPARE(vec2.doc.brief, QStringLiteral("A 2D vector."));
    // A Doxygen comment after a member documents that member, not the next.
    const DocSymbol &x = symbol(symbols, "x");
    QCOMPARE(outline(x), QStringLiteral("member vec2::x -> double @6 public"));
    QCOMPARE(x.rawComment, QStringLiteral("across"));
    QCOMPARE(outline(symbol(symbols, "y")), QStringLiteral("member vec2::y -> double @7 public"));
    QVERIFY(symbol(symbols, "y").rawComment.isEmpty());

    const DocSymbol &point = symbol(symbols, "point");
    QCOMPARE(outline(point), QStringLiteral("typedef point -> struct vec2 @11")); // ctags: "struct:vec2"
    QCOMPARE(point.doc.brief, QStringLiteral("A point is a vector."));

    const DocSymbol &length = symbol(symbols, "vec_length");
    QCOMPARE(outline(length), QStringLiteral("prototype vec_length(const struct vec2 * v) -> double @18"));
    QCOMPARE(length.doc.brief, QStringLiteral("Length of a vector."));
    QCOMPARE(length.doc.params, QList<Param>{param("v", "the vector")}); // "@param[in] v"
    QCOMPARE(length.doc.returns, QStringLiteral("the Euclidean length"));

    // A prototype over two lines, documented with /// lines.
    const DocSymbol &add = symbol(symbols, "vec_add");
    QCOMPARE(outline(add), QStringLiteral("prototype vec_add(struct vec2 a,struct vec2 b) -> struct vec2 @23-24"));
    QCOMPARE(add.doc.brief, QStringLiteral("Adds two vectors."));
    QCOMPARE(add.doc.params, (QList<Param>{param("a", "the first"), param("b", "the second")}));

    // The return type on a line of its own, between the comment and the name.
    const DocSymbol &scale = symbol(symbols, "vec_scale");
    QCOMPARE(outline(scale), QStringLiteral("function vec_scale(struct vec2 v,double k) -> struct vec2 @28-32"));
    QCOMPARE(scale.doc.brief, QStringLiteral("Scales a vector."));

    QCOMPARE(symbol(symbols, "dir").doc.brief, QStringLiteral("Directions on screen."));
    const DocSymbol &up = symbol(symbols, "DIR_UP");
    QCOMPARE(outline(up), QStringLiteral("enumerator dir::DIR_UP @37 public"));
    QCOMPARE(up.doc.brief, QStringLiteral("Up the screen."));
    // The enumerator above is not part of this declaration: no comment borrowed.
    QVERIFY(symbol(symbols, "DIR_DOWN").rawComment.isEmpty());
    QCOMPARE(symbol(symbols, "DIR_LEFT").rawComment, QStringLiteral("To the left."));
}

void tst_SymbolExtractor::cppOverloadsAndTemplates()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("calc.hpp"), calcHeader);
    // Each overload keeps its own comment.
    const QList<DocSymbol> adds = findAll(symbols, QStringLiteral("add"));
    QCOMPARE(adds.size(), 2);
    QCOMPARE(outline(adds.at(0)), QStringLiteral("prototype calc::add(int a,int b) -> int @4"));
    QCOMPARE(adds.at(0).doc.brief, QStringLiteral("Adds two integers."));
    QVERIFY(adds.at(0).doc.params.isEmpty());
    QCOMPARE(outline(adds.at(1)), QStringLiteral("prototype calc::add(double a,double b) -> double @9"));
    QCOMPARE(adds.at(1).doc.brief, QStringLiteral("Adds two doubles."));
    QCOMPARE(adds.at(1).doc.params, (QList<Param>{param("a", "the first"), param("b", "the second")}));

    // The comment sits above the template head.
    const DocSymbol &larger = symbol(symbols, "larger");
    QCOMPARE(outline(larger), QStringLiteral("function calc::larger(const T & a,const T & b) -> T @16"));
    QCOMPARE(larger.doc.brief, QStringLiteral("The larger of two values."));
    QCOMPARE(larger.doc.body, QStringLiteral("@tparam T a comparable type")); // not taken apart
    const DocSymbol &buffer = symbol(symbols, "Buffer");
    QCOMPARE(outline(buffer), QStringLiteral("class calc::Buffer @20-31"));
    QCOMPARE(buffer.doc.brief, QStringLiteral("A fixed-size buffer."));
}

void tst_SymbolExtractor::cppMultiLineSignatures()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("calc.hpp"), calcHeader);
    const DocSymbol &fill = symbol(symbols, "fill");
    QCOMPARE(outline(fill),
             QStringLiteral("prototype calc::Buffer::fill(const T * from,int count,bool wrap=false) -> int @28-30 public"));
    QCOMPARE(fill.doc.brief, QStringLiteral("Copies items in."));
    QCOMPARE(fill.doc.params, (QList<Param>{param("from", "the first item"), param("count", "how many")}));
    QCOMPARE(fill.doc.returns, QStringLiteral("the number copied"));
    // GNU style: template head, the return type alone, then the name with
    // the parameters over two lines.
    const DocSymbol &multiply = symbol(symbols, "multiply");
    QCOMPARE(outline(multiply), QStringLiteral("function calc::multiply(T a,T b) -> T @36-40"));
    QCOMPARE(multiply.doc.brief, QStringLiteral("Multiplies a and b."));
}

void tst_SymbolExtractor::pythonMultiLineSignatures()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("model.py"),
        "def mean(values,\n"
        "         weights=None,\n"
        "         *,\n"
        "         skip_nan: bool = False) -> float:\n"
        "    \"\"\"Weighted mean.\n"
        "\n"
        "    Args:\n"
        "        values: the numbers\n"
        "    \"\"\"\n"
        "    return 0.0\n"
        "\n"
        "\n"
        "class Model:\n"
        "    \"\"\"A fitted model.\"\"\"\n"
        "\n"
        "    def load(self,\n"
        "             path,  # 1) a file or 2) a folder\n"
        "             strict=True):\n"
        "        \"\"\"Loads a model.\"\"\"\n"
        "\n"
        "    class Options:\n"
        "        \"\"\"Fitting options.\"\"\"\n"
        "\n"
        "        def merge(self, other):\n"
        "            '''Merges two option sets.'''\n"
        "\n"
        "\n"
        "def square(x): return x * x\n"
        "def cube(x):\n"
        "    \"\"\"The cube.\"\"\"\n"
        "    return x ** 3\n");
    // The docstring follows the line that closes the signature, not the def.
    const DocSymbol &mean = symbol(symbols, "mean");
    QCOMPARE(outline(mean),
             QStringLiteral("function mean(values, weights=None, *, skip_nan: bool = False) -> float @1-10 public"));
    QCOMPARE(mean.doc.brief, QStringLiteral("Weighted mean."));
    QCOMPARE(mean.doc.params, QList<Param>{param("values", "the numbers")});
    const DocSymbol &load = symbol(symbols, "load");
    // The ")" in the comment does not close the signature.
    QCOMPARE(outline(load), QStringLiteral("member Model::load(self, path, strict=True) @16-19 public"));
    QCOMPARE(load.doc.brief, QStringLiteral("Loads a model."));
    // Nested classes: ctags joins Python scopes with dots.
    QCOMPARE(outline(symbol(symbols, "Options")), QStringLiteral("class Model::Options @21-25 public"));
    QCOMPARE(symbol(symbols, "Options").doc.brief, QStringLiteral("Fitting options."));
    const DocSymbol &merge = symbol(symbols, "merge");
    QCOMPARE(outline(merge), QStringLiteral("member Model.Options::merge(self, other) @24-25 public"));
    QCOMPARE(merge.doc.brief, QStringLiteral("Merges two option sets."));
    // A body on the def line: the next def's docstring is not this one's.
    QCOMPARE(outline(symbol(symbols, "square")), QStringLiteral("function square(x) @28 public"));
    QVERIFY(symbol(symbols, "square").rawComment.isEmpty());
    QCOMPARE(symbol(symbols, "cube").doc.brief, QStringLiteral("The cube."));
}

void tst_SymbolExtractor::pythonNumpyDocstringSections()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("stats.py"),
        "def mean(values, weights=None, skip_nan=False):\n"
        "    \"\"\"Weighted mean.\n"
        "\n"
        "    Parameters\n"
        "    ----------\n"
        "    values : array_like\n"
        "        The numbers.\n"
        "    weights : array_like, optional\n"
        "        One weight per value,\n"
        "        defaults to equal weights.\n"
        "\n"
        "    skip_nan : bool\n"
        "        Ignore NaN values.\n"
        "\n"
        "    Returns\n"
        "    -------\n"
        "    float\n"
        "        The mean.\n"
        "\n"
        "    Raises\n"
        "    ------\n"
        "    ValueError\n"
        "        If `values` is empty.\n"
        "    ZeroDivisionError\n"
        "        If the weights sum to zero.\n"
        "\n"
        "    Notes\n"
        "    -----\n"
        "    Uses a two-pass algorithm.\n"
        "    \"\"\"\n"
        "    return 0.0\n");
    const DocSymbol &mean = symbol(symbols, "mean");
    QCOMPARE(outline(mean), QStringLiteral("function mean(values, weights=None, skip_nan=False) @1-31 public"));
    QCOMPARE(mean.doc.brief, QStringLiteral("Weighted mean."));
    // Types after " : " are dropped like Google's "(type)"; a blank line
    // inside a section does not end it.
    QCOMPARE(mean.doc.params, (QList<Param>{param("values", "The numbers."),
                                            param("weights", "One weight per value, defaults to equal weights."),
                                            param("skip_nan", "Ignore NaN values.")}));
    QCOMPARE(mean.doc.returns, QStringLiteral("float: The mean."));
    QCOMPARE(mean.doc.throws, (QList<Param>{param("ValueError", "If `values` is empty."),
                                            param("ZeroDivisionError", "If the weights sum to zero.")}));
    // Sections not taken apart stay as Markdown (a setext heading).
    QCOMPARE(mean.doc.body, QStringLiteral("Notes\n-----\nUses a two-pass algorithm."));
}

void tst_SymbolExtractor::pythonDecoratorsBetweenCommentAndDef()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("geometry.py"),
        "import dataclasses\n"
        "import functools\n"
        "\n"
        "\n"
        "# Caches the result of a slow call.\n"
        "@functools.lru_cache(maxsize=None)\n"
        "def slow(n):\n"
        "    return n\n"
        "\n"
        "\n"
        "# A point in the plane.\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class Point:\n"
        "    x: float = 0.0\n"
        "\n"
        "    @property\n"
        "    def norm(self):\n"
        "        \"\"\"The distance from the origin.\"\"\"\n"
        "        return abs(self.x)\n");
    const DocSymbol &slow = symbol(symbols, "slow");
    QCOMPARE(outline(slow), QStringLiteral("function slow(n) @7-8 public")); // the def, not the decorator
    QCOMPARE(slow.doc.brief, QStringLiteral("Caches the result of a slow call."));
    const DocSymbol &point = symbol(symbols, "Point");
    QCOMPARE(outline(point), QStringLiteral("class Point @13-19 public"));
    QCOMPARE(point.doc.brief, QStringLiteral("A point in the plane."));
    const DocSymbol &norm = symbol(symbols, "norm");
    QCOMPARE(outline(norm), QStringLiteral("member Point::norm(self) @17-19 public"));
    QCOMPARE(norm.doc.brief, QStringLiteral("The distance from the origin."));
}

void tst_SymbolExtractor::typeScriptTsDocOnFunctionsClassesInterfaces()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("stack.ts"),
        "/**\n"
        " * Returns the first element.\n"
        " * @param xs - the list\n"
        " * @returns the first item\n"
        " */\n"
        "export function first<T>(xs: T[]): T {\n"
        "    return xs[0];\n"
        "}\n"
        "\n"
        "/** Something with a name. */\n"
        "export interface Named {\n"
        "    /** The display name. */\n"
        "    name: string;\n"
        "}\n"
        "\n"
        "/**\n"
        " * A stack of items.\n"
        " * @typeParam T - the item type\n"
        " */\n"
        "export class Stack<T> {\n"
        "    private items: T[] = [];\n"
        "\n"
        "    /**\n"
        "     * Pushes an item.\n"
        "     * @param item - what to push\n"
        "     */\n"
        "    public push(item: T): void {\n"
        "        this.items.push(item);\n"
        "    }\n"
        "\n"
        "    /** Removes the top item. */\n"
        "    private pop(): T | undefined {\n"
        "        return this.items.pop();\n"
        "    }\n"
        "}\n");
    // ctags 5.9 gives TypeScript no signatures, no types and no ends.
    const DocSymbol &first = symbol(symbols, "first");
    QCOMPARE(outline(first), QStringLiteral("function first @6"));
    QCOMPARE(first.doc.brief, QStringLiteral("Returns the first element."));
    QCOMPARE(first.doc.params, QList<Param>{param("xs", "the list")});
    QCOMPARE(first.doc.returns, QStringLiteral("the first item"));

    QCOMPARE(outline(symbol(symbols, "Named")), QStringLiteral("interface Named @11"));
    QCOMPARE(symbol(symbols, "Named").doc.brief, QStringLiteral("Something with a name."));
    const DocSymbol &name = symbol(symbols, "name");
    QCOMPARE(outline(name), QStringLiteral("property Named::name @13 public"));
    QCOMPARE(name.doc.brief, QStringLiteral("The display name."));

    QCOMPARE(outline(symbol(symbols, "Stack")), QStringLiteral("class Stack @20"));
    QCOMPARE(symbol(symbols, "Stack").doc.brief, QStringLiteral("A stack of items."));
    const DocSymbol &push = symbol(symbols, "push");
    QCOMPARE(outline(push), QStringLiteral("method Stack::push @27 public"));
    QCOMPARE(push.doc.params, QList<Param>{param("item", "what to push")});
    const DocSymbol &pop = symbol(symbols, "pop");
    QCOMPARE(outline(pop), QStringLiteral("method Stack::pop @32 private"));
    QCOMPARE(pop.doc.brief, QStringLiteral("Removes the top item."));
    QCOMPARE(outline(symbol(symbols, "items")), QStringLiteral("property Stack::items @21 private"));
    QVERIFY(symbol(symbols, "items").rawComment.isEmpty());
}

void tst_SymbolExtractor::kotlinKDocOnFunsAndClasses()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("Shapes.kt"),
        "package geo\n"
        "\n"
        "/**\n"
        " * A circle.\n"
        " * @property radius the radius\n"
        " */\n"
        "class Circle(val radius: Double) {\n"
        "    /**\n"
        "     * Scales the circle.\n"
        "     * @param factor how much\n"
        "     * @return a new circle\n"
        "     */\n"
        "    fun scaled(factor: Double): Circle = Circle(radius * factor)\n"
        "}\n"
        "\n"
        "/**\n"
        " * Sums the numbers.\n"
        " * @param xs the numbers\n"
        " * @return the total\n"
        " */\n"
        "fun <T : Number> total(xs: List<T>): Double {\n"
        "    return xs.sumOf { it.toDouble() }\n"
        "}\n"
        "\n"
        "object Registry {\n"
        "    /** Looks a name up. */\n"
        "    fun find(name: String): Circle? = null\n"
        "}\n"
        "\n"
        "interface Shape {\n"
        "    /** The area. */\n"
        "    fun area(): Double\n"
        "}\n");
    // ctags gives Kotlin no signatures and no access; scopes are dotted.
    QCOMPARE(outline(symbol(symbols, "Circle")), QStringLiteral("class geo::Circle @7"));
    QCOMPARE(symbol(symbols, "Circle").doc.brief, QStringLiteral("A circle."));
    const DocSymbol &scaled = symbol(symbols, "scaled");
    QCOMPARE(outline(scaled), QStringLiteral("method geo.Circle::scaled @13"));
    QCOMPARE(scaled.doc.brief, QStringLiteral("Scales the circle."));
    QCOMPARE(scaled.doc.params, QList<Param>{param("factor", "how much")});
    QCOMPARE(scaled.doc.returns, QStringLiteral("a new circle"));

    const DocSymbol &total = symbol(symbols, "total");
    QCOMPARE(outline(total), QStringLiteral("method geo::total @21"));
    QCOMPARE(total.doc.params, QList<Param>{param("xs", "the numbers")});
    QCOMPARE(total.doc.returns, QStringLiteral("the total"));
    // ctags reports the lambda in its body as "<lambda>": not API.
    for (const DocSymbol &s : symbols)
        QVERIFY2(!s.name.startsWith(QLatin1Char('<')), qPrintable(s.name));

    QCOMPARE(outline(symbol(symbols, "find")), QStringLiteral("method geo.Registry::find @27"));
    QCOMPARE(symbol(symbols, "find").doc.brief, QStringLiteral("Looks a name up."));
    QCOMPARE(outline(symbol(symbols, "area")), QStringLiteral("method geo.Shape::area @32"));
    QCOMPARE(symbol(symbols, "area").doc.brief, QStringLiteral("The area."));
}

void tst_SymbolExtractor::phpDocOnFunctionsClassesAndMethods()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("store.php"),
        "<?php\n"
        "namespace App\\Storage;\n"
        "\n"
        "/**\n"
        " * Loads a file.\n"
        " * @param string $path the file\n"
        " * @return string the contents\n"
        " * @throws RuntimeException when unreadable\n"
        " */\n"
        "function load(string $path): string {\n"
        "    return file_get_contents($path);\n"
        "}\n"
        "\n"
        "/**\n"
        " * A key-value store.\n"
        " */\n"
        "class Store {\n"
        "    /** The values by key. */\n"
        "    private $values = [];\n"
        "\n"
        "    /**\n"
        "     * Reads a value.\n"
        "     * @param string|null $key the key\n"
        "     * @param mixed ...$rest ignored\n"
        "     */\n"
        "    public function get(?string $key, ...$rest) {\n"
        "        return $this->values[$key];\n"
        "    }\n"
        "\n"
        "    /**\n"
        "     * Writes a value.\n"
        "     */\n"
        "    protected function put($key, $value): void {}\n"
        "\n"
        "    private static function check($key) {}\n"
        "}\n"
        "\n"
        "interface Readable {\n"
        "    /** Reads everything. */\n"
        "    public function read(): string;\n"
        "}\n");
    const DocSymbol &load = symbol(symbols, "load");
    // ctags' typeref is "unknown:string".
    QCOMPARE(outline(load), QStringLiteral("function App\\Storage::load(string $path) -> string @10"));
    QCOMPARE(load.doc.brief, QStringLiteral("Loads a file."));
    // PHPDoc writes the type before the $name; the name keeps its $.
    QCOMPARE(load.doc.params, QList<Param>{param("$path", "the file")});
    // @return's type cannot be told from prose without the language: kept.
    QCOMPARE(load.doc.returns, QStringLiteral("string the contents"));
    QCOMPARE(load.doc.throws, QList<Param>{param("RuntimeException", "when unreadable")});

    QCOMPARE(outline(symbol(symbols, "Store")), QStringLiteral("class App\\Storage::Store @17"));
    QCOMPARE(symbol(symbols, "Store").doc.brief, QStringLiteral("A key-value store."));
    const DocSymbol &values = symbol(symbols, "values");
    QCOMPARE(outline(values), QStringLiteral("variable App\\Storage\\Store::values @19 private"));
    QCOMPARE(values.doc.brief, QStringLiteral("The values by key."));
    const DocSymbol &get = symbol(symbols, "get");
    // ctags drops the "?" of a nullable type.
    QCOMPARE(outline(get), QStringLiteral("function App\\Storage\\Store::get(string $key, ...$rest) @26 public"));
    QCOMPARE(get.doc.params, (QList<Param>{param("$key", "the key"), param("...$rest", "ignored")}));
    const DocSymbol &put = symbol(symbols, "put");
    QCOMPARE(outline(put), QStringLiteral("function App\\Storage\\Store::put($key, $value) -> void @33 protected"));
    QCOMPARE(put.doc.brief, QStringLiteral("Writes a value."));
    const DocSymbol &check = symbol(symbols, "check");
    QCOMPARE(outline(check), QStringLiteral("function App\\Storage\\Store::check($key) @35 private"));
    QVERIFY(check.rawComment.isEmpty());
    const DocSymbol &read = symbol(symbols, "read");
    QCOMPARE(outline(read), QStringLiteral("function App\\Storage\\Readable::read() -> string @40 public"));
    QCOMPARE(read.doc.brief, QStringLiteral("Reads everything."));
}

void tst_SymbolExtractor::rubyHashBlocksInNestedModules()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("shapes.rb"),
        "# Geometry helpers.\n"
        "module Geo\n"
        "  # Two-dimensional shapes.\n"
        "  module Flat\n"
        "    # A square with equal sides.\n"
        "    #\n"
        "    # @param side [Float] the side length\n"
        "    class Square\n"
        "      # The area of the square.\n"
        "      #\n"
        "      # @return [Float] side squared\n"
        "      def area\n"
        "        @side * @side\n"
        "      end\n"
        "\n"
        "      # Builds a unit square.\n"
        "      def self.unit\n"
        "        new(1)\n"
        "      end\n"
        "\n"
        "      private\n"
        "\n"
        "      # Checks the side.\n"
        "      def check(side, strict = false)\n"
        "      end\n"
        "    end\n"
        "  end\n"
        "end\n"
        "\n"
        "# Top-level helper.\n"
        "def helper(x)\n"
        "end\n");
    QCOMPARE(outline(symbol(symbols, "Geo")), QStringLiteral("module Geo @2-28"));
    QCOMPARE(symbol(symbols, "Geo").doc.brief, QStringLiteral("Geometry helpers."));
    QCOMPARE(outline(symbol(symbols, "Flat")), QStringLiteral("module Geo::Flat @4-27"));
    QCOMPARE(symbol(symbols, "Flat").doc.brief, QStringLiteral("Two-dimensional shapes."));
    // YARD tags: the [Type] after the name is dropped.
    const DocSymbol &square = symbol(symbols, "Square");
    QCOMPARE(outline(square), QStringLiteral("class Geo.Flat::Square @8-26"));
    QCOMPARE(square.doc.brief, QStringLiteral("A square with equal sides."));
    QCOMPARE(square.doc.params, QList<Param>{param("side", "the side length")});
    const DocSymbol &area = symbol(symbols, "area");
    QCOMPARE(outline(area), QStringLiteral("method Geo.Flat.Square::area() @12-14"));
    QCOMPARE(area.doc.brief, QStringLiteral("The area of the square."));
    QCOMPARE(area.doc.returns, QStringLiteral("side squared"));
    const DocSymbol &unit = symbol(symbols, "unit");
    QCOMPARE(outline(unit), QStringLiteral("singletonMethod Geo.Flat.Square::unit() @17-19"));
    QCOMPARE(unit.doc.brief, QStringLiteral("Builds a unit square."));
    // No access: ctags does not follow Ruby's "private" line.
    const DocSymbol &check = symbol(symbols, "check");
    QCOMPARE(outline(check), QStringLiteral("method Geo.Flat.Square::check(side, strict = false) @24-25"));
    QCOMPARE(check.doc.brief, QStringLiteral("Checks the side."));
    QCOMPARE(outline(symbol(symbols, "helper")), QStringLiteral("method helper(x) @31-32"));
    QCOMPARE(symbol(symbols, "helper").doc.brief, QStringLiteral("Top-level helper."));
}

void tst_SymbolExtractor::shellHashBlocksAboveBothFunctionForms()
{
    const QList<DocSymbol> symbols = extract(QStringLiteral("tools.sh"),
        "#!/bin/sh\n"
        "# Helpers for the build.\n"
        "\n"
        "# Prints a greeting.\n"
        "# Usage: greet NAME\n"
        "greet() {\n"
        "    echo \"hi $1\"\n"
        "}\n"
        "\n"
        "# Cleans the build folder.\n"
        "function clean {\n"
        "    rm -rf build\n"
        "}\n"
        "\n"
        "#!/not/a/comment\n"
        "function both() {\n"
        "    :\n"
        "}\n");
    // The file's header comment is parted from greet by a blank line.
    const DocSymbol &greet = symbol(symbols, "greet");
    QCOMPARE(outline(greet), QStringLiteral("function greet @6"));
    QCOMPARE(greet.doc.brief, QStringLiteral("Prints a greeting."));
    QCOMPARE(greet.doc.body, QStringLiteral("Usage: greet NAME"));
    const DocSymbol &clean = symbol(symbols, "clean");
    QCOMPARE(outline(clean), QStringLiteral("function clean @11"));
    QCOMPARE(clean.rawComment, QStringLiteral("Cleans the build folder."));
    // A "#!" line is not a comment.
    QCOMPARE(outline(symbol(symbols, "both")), QStringLiteral("function both @16"));
    QVERIFY(symbol(symbols, "both").rawComment.isEmpty());
}

void tst_SymbolExtractor::namesCtagsCannotWriteBackKeepTheirPaths()
{
    // ctags' tags format cannot carry a tab, a line break or a backslash in
    // a file name: such files go to ctags as copies under plain names, and
    // their symbols come back under their own paths.
    const QString tabbed = QStringLiteral("odd\tdir/tab\tname.c");
    const QString slashed = QStringLiteral("back\\slash.py");
    Result<QList<DocSymbol>> symbols = SymbolExtractor::extract(
        {{tabbed, QStringLiteral("/** Tabbed. */\nint tabbed(void) { return 1; }\n")},
         {slashed, QStringLiteral("def slashed():\n    \"\"\"Slashed.\"\"\"\n")},
         {QStringLiteral("plain.c"), QStringLiteral("/** Plain. */\nint plain(void) { return 0; }\n")}});
    QVERIFY(symbols);
    const DocSymbol &t = symbol(*symbols, "tabbed");
    QCOMPARE(t.path, tabbed);
    QCOMPARE(t.doc.brief, QStringLiteral("Tabbed."));
    QCOMPARE(symbol(*symbols, "slashed").path, slashed);
    QCOMPARE(symbol(*symbols, "slashed").doc.brief, QStringLiteral("Slashed."));
    QCOMPARE(symbol(*symbols, "plain").path, QStringLiteral("plain.c"));
}

void tst_SymbolExtractor::nothingToReadIsNothingFound()
{
    Result<QList<DocSymbol>> none = SymbolExtractor::extract({});
    QVERIFY(none);
    QVERIFY(none->isEmpty());
    ExtractionQueue queue;
    Result<QList<DocSymbol>> queued = queue.finish();
    QVERIFY(queued);
    QVERIFY(queued->isEmpty());
}

void tst_SymbolExtractor::namesCtagsCannotWriteBackKeepTheirPathsOnDisk()
{
    // The same for a folder read in place: only the odd file is copied.
    QTemporaryDir root;
    const QString odd = QStringLiteral("new\nline.c");
    const QList<SourceText> files{{odd, QStringLiteral("/** Odd. */\nint odd(void) { return 1; }\n")},
                                  {QStringLiteral("-fMakefile.c"), QStringLiteral("/** Dash. */\nint dash(void) { return 0; }\n")}};
    for (const SourceText &file : files) {
        QFile out(root.filePath(file.path));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file.text.toUtf8());
    }
    Result<QList<DocSymbol>> symbols = SymbolExtractor::extract(files, root.path());
    QVERIFY(symbols);
    QCOMPARE(symbol(*symbols, "odd").path, odd);
    QCOMPARE(symbol(*symbols, "odd").doc.brief, QStringLiteral("Odd."));
    QCOMPARE(symbol(*symbols, "dash").path, QStringLiteral("-fMakefile.c"));
    QCOMPARE(symbol(*symbols, "dash").doc.brief, QStringLiteral("Dash."));
}

QTEST_GUILESS_MAIN(tst_SymbolExtractor)
#include "tst_symbolextractor.moc"
