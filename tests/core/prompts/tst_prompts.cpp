// SPDX-License-Identifier: GPL-3.0-or-later
// Prompt templates: REALM's own render for real code, people's own are kept,
// exchanged and checked.
#include "projects/projectimporter.h"
#include "prompts/promptstore.h"
#include "prompts/promptvalues.h"
#include "testworkspace.h"

#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using namespace Realm::Prompts;
using Realm::Test::TestWorkspace;

class tst_Prompts final : public QObject {
    Q_OBJECT
private slots:
    void everyBuiltInRendersForRealCode_data();
    void everyBuiltInRendersForRealCode();
    void valuesAreNeverReadAsTemplates();
    void emptyValuesLeaveNoDanglingWords();
    void aUserTemplateRoundTripsThroughExportAndImport();
    void builtInNamesAreTakenAndStay();
    void removingLeavesATombstoneAndSavingAgainRevives();
    void badTemplatesAreRefusedWithTheReason();
    void foreignAndNewerFilesAreRefused();
    void anImportIsAllOrNothing();
    void lineRangesAreReadAsPeopleCountLines();
    void aProjectFileFillsTheValues();
};

void tst_Prompts::everyBuiltInRendersForRealCode_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("languageName");
    QTest::addColumn<QString>("languageId");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    const QString cpp = QStringLiteral("int clamp(int v, int lo, int hi) {\n    return v < lo ? lo : v > hi ? hi : v;\n}");
    const QString python = QStringLiteral("def mean(values):\n    return sum(values) / len(values)");
    for (const PromptTemplate &p : builtInPrompts()) {
        QTest::addRow("%s, C++", qPrintable(p.name)) << p.name << QStringLiteral("C++") << QStringLiteral("cpp") << QStringLiteral("src/math.cpp") << cpp;
        QTest::addRow("%s, Python", qPrintable(p.name)) << p.name << QStringLiteral("Python") << QStringLiteral("python") << QStringLiteral("stats.py") << python;
    }
}

void tst_Prompts::everyBuiltInRendersForRealCode()
{
    QFETCH(QString, name);
    QFETCH(QString, languageName);
    QFETCH(QString, languageId);
    QFETCH(QString, file);
    QFETCH(QString, code);
    TestWorkspace ws;
    Result<PromptTemplate> prompt = PromptStore(ws.db()).find(name);
    QVERIFY(prompt);
    QVERIFY(prompt->builtIn);
    QVERIFY(!prompt->title.isEmpty() && !prompt->description.isEmpty());
    PromptValues values{code, file, languageName, languageId, QStringLiteral("calculator"), {}};
    if (name == QLatin1String("review-diff"))
        values.diff = QStringLiteral("--- a/%1\n+++ b/%1\n@@ -1 +1 @@\n-old\n+%2").arg(file, code.section(QLatin1Char('\n'), 0, 0));
    Result<QString> rendered = renderPrompt(*prompt, values);
    QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
    QVERIFY(!rendered->contains(QStringLiteral("{{")));
    if (name == QLatin1String("review-diff")) {
        QVERIFY(rendered->contains(QStringLiteral("```diff\n") + values.diff + QStringLiteral("\n```")));
        QVERIFY(rendered->contains(QStringLiteral("calculator")));
        return;
    }
    // The code exactly as given, fenced with its language; where it is from.
    QVERIFY2(rendered->contains(QStringLiteral("```%1\n%2\n```").arg(languageId, code)), qPrintable(*rendered));
    QVERIFY(rendered->contains(file));
    QVERIFY(rendered->contains(QStringLiteral("calculator")));
    if (name != QLatin1String("summarize-file"))
        QVERIFY(rendered->contains(languageName));
}

void tst_Prompts::valuesAreNeverReadAsTemplates()
{
    const PromptTemplate explain = builtInPrompts().first();
    const QString tricky = QStringLiteral("auto s = \"{{file}} {{#project}}x{{/project}} <b>&amp;\";");
    Result<QString> rendered = renderPrompt(explain, {tricky, QStringLiteral("a.cpp"), QStringLiteral("C++"), QStringLiteral("cpp"), {}, {}});
    QVERIFY(rendered);
    QVERIFY2(rendered->contains(tricky), qPrintable(*rendered)); // not filled in, not HTML-escaped
}

void tst_Prompts::emptyValuesLeaveNoDanglingWords()
{
    Result<PromptTemplate> summarize = PromptStore(TestWorkspace().db()).find(QStringLiteral("summarize-file"));
    QVERIFY(summarize);
    Result<QString> rendered = renderPrompt(*summarize, {QStringLiteral("x = 1"), {}, QStringLiteral("Python"), QStringLiteral("python"), {}, {}});
    QVERIFY(rendered);
    QVERIFY2(rendered->startsWith(QStringLiteral("Summarize this file:")), qPrintable(*rendered));
    QVERIFY(!rendered->contains(QStringLiteral("``:")));
}

void tst_Prompts::aUserTemplateRoundTripsThroughExportAndImport()
{
    TestWorkspace mine;
    PromptStore store(mine.db());
    const PromptTemplate commit{QStringLiteral("commit-message"), QStringLiteral("Commit Message"), QStringLiteral("From a diff."),
                                QStringLiteral("Write a commit message for {{project}}:\n\n```diff\n{{diff}}\n```"), false, 0, 0, {}, {}};
    QVERIFY(store.save(commit));
    Result<PromptTemplate> saved = store.find(commit.name);
    QVERIFY(saved);
    QVERIFY(saved->createdAt > 0);
    const QByteArray file = exportPrompts({*saved});

    TestWorkspace theirs;
    Result<QList<PromptTemplate>> imported = importPrompts(file);
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported->size(), 1);
    QVERIFY(PromptStore(theirs.db()).save(imported->first()));
    Result<PromptTemplate> copy = PromptStore(theirs.db()).find(commit.name);
    QVERIFY(copy);
    QCOMPARE(copy->title, commit.title);
    QCOMPARE(copy->description, commit.description);
    QCOMPARE(copy->body, commit.body);
    QCOMPARE(copy->createdAt, saved->createdAt);
    QVERIFY(!copy->builtIn);
    // Listed after REALM's own.
    Result<QList<PromptTemplate>> all = PromptStore(theirs.db()).list();
    QVERIFY(all);
    QCOMPARE(all->size(), builtInPrompts().size() + 1);
    QCOMPARE(all->last().name, commit.name);
}

void tst_Prompts::builtInNamesAreTakenAndStay()
{
    TestWorkspace ws;
    PromptStore store(ws.db());
    PromptTemplate mine = builtInPrompts().first();
    mine.builtIn = false;
    mine.body = QStringLiteral("Mine: {{selection}}");
    const Result<void> saved = store.save(mine);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::InvalidInput);
    QVERIFY(saved.error().message.contains(QStringLiteral("another name")));
    QVERIFY(!store.remove(mine.name));
    QCOMPARE(store.find(mine.name)->body, builtInPrompts().first().body);
}

void tst_Prompts::removingLeavesATombstoneAndSavingAgainRevives()
{
    TestWorkspace ws;
    PromptStore store(ws.db());
    const PromptTemplate p{QStringLiteral("short"), QStringLiteral("Short"), {}, QStringLiteral("Briefly: {{selection}}"), false, 0, 0, {}, {}};
    QVERIFY(store.save(p));
    QVERIFY(store.remove(p.name));
    QCOMPARE(store.find(p.name).error().code, Error::Code::NotFound);
    QCOMPARE(store.remove(p.name).error().code, Error::Code::NotFound);
    QSqlQuery q(ws.db()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT deleted_at FROM prompt_templates WHERE name = 'short'")) && q.next());
    QVERIFY(q.value(0).toLongLong() > 0); // kept for sync to pass the removal on
    QVERIFY(store.save(p));
    QVERIFY(store.find(p.name));
}

void tst_Prompts::badTemplatesAreRefusedWithTheReason()
{
    TestWorkspace ws;
    PromptStore store(ws.db());
    const auto refusal = [&store](const QString &name, const QString &title, const QString &body) {
        const Result<void> r = store.save({name, title, {}, body, false, 0, 0, {}, {}});
        return r ? QString() : r.error().message;
    };
    QVERIFY(refusal(QStringLiteral("Has Spaces"), QStringLiteral("T"), QStringLiteral("x")).contains(QStringLiteral("lower case")));
    QVERIFY(refusal(QStringLiteral("untitled"), QString(), QStringLiteral("x")).contains(QStringLiteral("title")));
    QVERIFY(refusal(QStringLiteral("empty"), QStringLiteral("Empty"), QStringLiteral("  ")).contains(QStringLiteral("no text")));
    QVERIFY(refusal(QStringLiteral("broken"), QStringLiteral("Broken"), QStringLiteral("{{#selection}}never closed")).contains(QStringLiteral("broken")));
    QCOMPARE(store.list()->size(), builtInPrompts().size());
}

void tst_Prompts::foreignAndNewerFilesAreRefused()
{
    QVERIFY(!importPrompts("not json"));
    QVERIFY(!importPrompts(R"({"prompts": []})"));
    const Result<QList<PromptTemplate>> newer = importPrompts(R"({"realm_prompts": 99, "prompts": []})");
    QVERIFY(!newer);
    QVERIFY(newer.error().message.contains(QStringLiteral("newer REALM")));
    const Result<QList<PromptTemplate>> bad = importPrompts(R"({"realm_prompts": 1, "prompts": [{"name": "x", "title": "X", "body": "{{/oops}}"}]})");
    QVERIFY(!bad);
}

void tst_Prompts::anImportIsAllOrNothing()
{
    TestWorkspace ws;
    PromptStore store(ws.db());
    QVERIFY(store.save({QStringLiteral("taken"), QStringLiteral("Mine"), {}, QStringLiteral("Mine: {{selection}}"), false, 0, 0, {}, {}}));
    const QList<PromptTemplate> incoming{{QStringLiteral("fresh"), QStringLiteral("Fresh"), {}, QStringLiteral("{{selection}}"), false, 0, 0, {}, {}},
                                         {QStringLiteral("taken"), QStringLiteral("Theirs"), {}, QStringLiteral("Theirs: {{selection}}"), false, 0, 0, {}, {}}};
    const Result<void> refused = store.saveAll(incoming, false);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("\"taken\"")));
    QCOMPARE(store.find(QStringLiteral("fresh")).error().code, Error::Code::NotFound); // not half of it either
    QCOMPARE(store.find(QStringLiteral("taken"))->title, QStringLiteral("Mine"));
    QVERIFY(store.saveAll(incoming, true));
    QCOMPARE(store.find(QStringLiteral("taken"))->title, QStringLiteral("Theirs"));
    QVERIFY(store.find(QStringLiteral("fresh")));
}

void tst_Prompts::lineRangesAreReadAsPeopleCountLines()
{
    QCOMPARE(parseLineRange(QStringLiteral("2:3"))->first, 2);
    QCOMPARE(parseLineRange(QStringLiteral("2:3"))->last, 3);
    QCOMPARE(parseLineRange(QStringLiteral("7"))->last, 7);
    for (const char *bad : {"0:2", "3:2", "a:b", "1:2:3", "", "-1"})
        QVERIFY2(!parseLineRange(QString::fromLatin1(bad)), bad);
    const QString text = QStringLiteral("one\r\ntwo\r\nthree\r\n"); // CRLF, ending in a newline: three lines
    QCOMPARE(*linesOf(text, {2, 3}), QStringLiteral("two\nthree"));
    QCOMPARE(*linesOf(text, {3, 99}), QStringLiteral("three")); // the end is as far as there is
    const Result<QString> past = linesOf(text, {4, 4});
    QVERIFY(!past);
    QVERIFY2(past.error().message.contains(QStringLiteral("has 3 line")), qPrintable(past.error().message));
}

void tst_Prompts::aProjectFileFillsTheValues()
{
    TestWorkspace ws;
    Test::writeFile(ws.dir() + QStringLiteral("/src"), QStringLiteral("tool"), "#!/usr/bin/env python3\nimport sys\n\n\nprint(sys.argv)\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(ws.dir() + QStringLiteral("/src"), {});
    QVERIFY(imported);
    Result<PromptValues> whole = valuesForProjectFile(ws.db(), imported->project.id, QStringLiteral("tool"));
    QVERIFY(whole);
    QCOMPARE(whole->languageId, QStringLiteral("python")); // by its first line, as the importer decided
    QCOMPARE(whole->language, QStringLiteral("Python"));
    QCOMPARE(whole->project, imported->project.name);
    QCOMPARE(whole->selection, QStringLiteral("#!/usr/bin/env python3\nimport sys\n\n\nprint(sys.argv)\n"));
    QCOMPARE(valuesForProjectFile(ws.db(), imported->project.id, QStringLiteral("tool"), LineRange{2, 2})->selection, QStringLiteral("import sys"));
    const Result<PromptValues> blank = valuesForProjectFile(ws.db(), imported->project.id, QStringLiteral("tool"), LineRange{3, 4});
    QVERIFY(!blank); // nothing to ask about: said, not sent empty
    QVERIFY(blank.error().message.contains(QStringLiteral("empty")));
    QCOMPARE(valuesForProjectFile(ws.db(), imported->project.id, QStringLiteral("nope")).error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_Prompts)
#include "tst_prompts.moc"
