// SPDX-License-Identifier: GPL-3.0-or-later
// Code, comment and blank lines against hand-counted sources in several
// languages, and the TODO/FIXME/HACK markers found in them.
#include "analytics/lineanalyzer.h"

#include <QTest>

using namespace Realm::Analytics;

class tst_LineAnalyzer final : public QObject {
    Q_OBJECT
private slots:
    void handCounted_data();
    void handCounted();
    void markersAreWholeWordsInCapitals();
    void markersCountOnlyInComments();
};

void tst_LineAnalyzer::handCounted_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("comment");
    QTest::addColumn<int>("blank");

    QTest::newRow("c++") << QStringLiteral("cpp")
                         << QByteArray("// A header comment.\n"          // comment
                                       "#include <string>\n"             // code
                                       "\n"                              // blank
                                       "/* A block\n"                    // comment
                                       "\n"                              // blank (inside the block)
                                       "   ends here */\n"               // comment
                                       "int f() { return 1; } // why\n"  // code (code and comment)
                                       "const char *url = \"http://x\"; \n" // code: // inside a string
                                       "/* a */ int g; /* b */\n"        // code
                                       "   \t  \n")                      // blank
                         << 4 << 3 << 3;
    QTest::newRow("python") << QStringLiteral("python")
                            << QByteArray("#!/usr/bin/env python3\n"     // comment
                                          "def f(x):\n"                  // code
                                          "    \"\"\"Docstring,\n"       // comment
                                          "    two lines.\"\"\"\n"       // comment
                                          "    s = \"\"\"not a doc\"\"\"\n" // code
                                          "    return x  # done\n"       // code
                                          "\r\n")                        // blank (CRLF)
                            << 3 << 3 << 1;
    QTest::newRow("shell") << QStringLiteral("shell")
                           << QByteArray("#!/bin/sh\n# set up\nset -e\n\necho \"# not a comment\"\n")
                           << 2 << 2 << 1;
    QTest::newRow("sql") << QStringLiteral("sql")
                         << QByteArray("-- schema\nCREATE TABLE t (id INTEGER); -- rows\n/* multi\nline */\n")
                         << 1 << 3 << 0;
    QTest::newRow("html") << QStringLiteral("html")
                          << QByteArray("<!DOCTYPE html>\n<!-- a\ncomment -->\n<p>hi</p>\n")
                          << 2 << 2 << 0;
    QTest::newRow("lua") << QStringLiteral("lua")
                         << QByteArray("--[[ block\ncomment ]]\nlocal x = 1 -- one\n")
                         << 1 << 2 << 0;
    QTest::newRow("json has no comments") << QStringLiteral("json") << QByteArray("{\n  \"a\": 1\n}\n\n") << 3 << 0 << 1;
    QTest::newRow("no trailing newline") << QStringLiteral("rust") << QByteArray("fn main() {}\n// end") << 1 << 1 << 0;
}

void tst_LineAnalyzer::handCounted()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(int, comment);
    QFETCH(int, blank);
    const LineCounts c = analyzeText(text, language).counts;
    QCOMPARE(c.code, code);
    QCOMPARE(c.comment, comment);
    QCOMPARE(c.blank, blank);
    QCOMPARE(c.lines, code + comment + blank);
}

void tst_LineAnalyzer::markersAreWholeWordsInCapitals()
{
    const TextAnalysis c = analyzeText("/* HACK: until 2.0 */\n", QStringLiteral("c"));
    QCOMPARE(c.markers.value(0).text, QStringLiteral("until 2.0")); // without the comment's end
    const TextAnalysis a = analyzeText("a = 1  # TODO: handle overflow\n"
                                       "todo = 2  # TODOS are not markers, nor is todo\n"
                                       "# FIXME(ada) the ordering\n"
                                       "x = 1  # HACK\n",
                                       QStringLiteral("python"));
    QCOMPARE(a.markers.size(), 3);
    QCOMPARE(a.markers.at(0).line, 1);
    QCOMPARE(a.markers.at(0).kind, QStringLiteral("TODO"));
    QCOMPARE(a.markers.at(0).text, QStringLiteral("handle overflow"));
    QCOMPARE(a.markers.at(1).line, 3);
    QCOMPARE(a.markers.at(1).kind, QStringLiteral("FIXME"));
    QCOMPARE(a.markers.at(1).text, QStringLiteral("the ordering"));
    QCOMPARE(a.markers.at(2).kind, QStringLiteral("HACK"));
    QCOMPARE(a.markers.at(2).text, QString());
}

void tst_LineAnalyzer::markersCountOnlyInComments()
{
    // The words in strings and identifiers are code: only the comments'
    // markers are listed, each with its comment's text.
    const TextAnalysis c = analyzeText("static const char *kinds[] = {\"TODO\", \"FIXME\"};\n"
                                       "log(\"HACK: %s\", x); // FIXME: escape x\n"
                                       "/* first line\n"
                                       "   TODO: inside a block comment */ int y;\n"
                                       "int z; /* HACK */ call(\"TODO\");\n",
                                       QStringLiteral("cpp"));
    QCOMPARE(c.markers.size(), 3);
    QCOMPARE(c.markers.at(0).line, 2);
    QCOMPARE(c.markers.at(0).kind, QStringLiteral("FIXME"));
    QCOMPARE(c.markers.at(0).text, QStringLiteral("escape x"));
    QCOMPARE(c.markers.at(1).line, 4);
    QCOMPARE(c.markers.at(1).text, QStringLiteral("inside a block comment"));
    QCOMPARE(c.markers.at(2).line, 5);
    QCOMPARE(c.markers.at(2).kind, QStringLiteral("HACK"));

    const TextAnalysis python = analyzeText("kinds = ('TODO', \"FIXME\")\n\"\"\"TODO: in a docstring\"\"\"\n", QStringLiteral("python"));
    QCOMPARE(python.markers.size(), 1);
    QCOMPARE(python.markers.at(0).line, 2);

    // Without comments (Markdown, plain text) every line is the text.
    const TextAnalysis markdown = analyzeText("# Plans\n\nTODO: write the guide\n", QStringLiteral("markdown"));
    QCOMPARE(markdown.markers.size(), 1);
    QCOMPARE(markdown.markers.at(0).text, QStringLiteral("write the guide"));
}

QTEST_GUILESS_MAIN(tst_LineAnalyzer)
#include "tst_lineanalyzer.moc"
