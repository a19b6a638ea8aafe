// SPDX-License-Identifier: GPL-3.0-or-later
// Context assembly on a real repository — REALM's own core libraries,
// imported like any project: the right files for a question, within budget.
#include "chat/contextbuilder.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using Realm::Test::TestWorkspace;

namespace {
int tokensOf(const QList<ContextItem> &items)
{
    int total = 0;
    for (const ContextItem &item : items)
        total += ContextBuilder::estimateTokens(item.text);
    return total;
}

QStringList filesOf(const QList<ContextItem> &items)
{
    QStringList files;
    for (const ContextItem &item : items) {
        if (item.kind == QLatin1String("file"))
            files << item.title.section(QLatin1Char(':'), 0, 0);
    }
    files.removeDuplicates();
    return files;
}
} // namespace

class tst_ContextBuilder final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void questionsGetTheFilesTheyAreAbout_data();
    void questionsGetTheFilesTheyAreAbout();
    void theBudgetIsRespected_data();
    void theBudgetIsRespected();
    void attachedContextCountsAgainstTheBudget();
    void repoMapListsFoldersAndSignatures();
    void atMentionsAttachTheNamedFiles();
    void fileNamesReachCtagsAsNamesNotOptions();

private:
    TestWorkspace m_ws;
    QString m_projectId;
};

void tst_ContextBuilder::initTestCase()
{
    const QString core = QDir::cleanPath(qEnvironmentVariable("REALM_TEST_DATA") + QStringLiteral("/../../core"));
    QVERIFY2(QFileInfo::exists(core + QStringLiteral("/chat/codeindex.cpp")), qPrintable(core));
    Projects::ImportOptions options;
    options.name = QStringLiteral("realm-core");
    const Result<Projects::ImportReport> report = Projects::ProjectImporter(m_ws.db()).importProject(core, options);
    QVERIFY(report);
    m_projectId = report->project.id;
}

void tst_ContextBuilder::questionsGetTheFilesTheyAreAbout_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("expected");
    QTest::newRow("archive bombs") << QStringLiteral("How is the compression ratio of an archive bomb checked?")
                                   << QStringLiteral("projects/archivesource.cpp");
    QTest::newRow("sse") << QStringLiteral("How does the SSE parser deal with a CR at the end of one read and LF at the start of the next?")
                         << QStringLiteral("chat/sseparser.cpp");
    QTest::newRow("keychain") << QStringLiteral("What happens when QtKeychain reports OtherError?")
                              << QStringLiteral("secrets/keychainsecretstore.cpp");
    QTest::newRow("trigrams") << QStringLiteral("Why does the trigram tokenizer skip trigrams across line breaks?")
                              << QStringLiteral("storage/trigramtokenizer.cpp");
    QTest::newRow("migrations") << QStringLiteral("How does the workspace Migrator apply migrations, and what if the workspace schema version is newer?")
                                << QStringLiteral("storage/migrator.cpp");
}

void tst_ContextBuilder::questionsGetTheFilesTheyAreAbout()
{
    QFETCH(QString, question);
    QFETCH(QString, expected);
    ContextBuilder::Options options;
    options.contextWindowTokens = 16000;
    const Result<ContextBuilder::Outcome> outcome = ContextBuilder(m_ws.db()).build(m_projectId, question, options);
    QVERIFY(outcome);
    const QStringList files = filesOf(outcome->items);
    QVERIFY2(files.mid(0, 3).contains(expected), qPrintable(files.join(QStringLiteral(", "))));
}

void tst_ContextBuilder::theBudgetIsRespected_data()
{
    QTest::addColumn<int>("window");
    for (int window : {1000, 4096, 32000, 200000})
        QTest::addRow("%d", window) << window;
}

void tst_ContextBuilder::theBudgetIsRespected()
{
    QFETCH(int, window);
    ContextBuilder::Options options;
    options.contextWindowTokens = window;
    const QString question = QStringLiteral("How does the importer write files and what happens on a crash during an import?");
    const ContextBuilder::Outcome outcome = *ContextBuilder(m_ws.db()).build(m_projectId, question, options);
    QCOMPARE(outcome.budgetTokens, int(window * options.contextShare) - ContextBuilder::estimateTokens(question));
    QVERIFY2(tokensOf(outcome.items) <= outcome.budgetTokens,
             qPrintable(QStringLiteral("%1 > %2").arg(tokensOf(outcome.items)).arg(outcome.budgetTokens)));
    QCOMPARE(outcome.usedTokens, tokensOf(outcome.items));
    QVERIFY(!outcome.items.isEmpty());
    if (window >= 4096)
        QVERIFY(filesOf(outcome.items).size() >= 2);
    if (window >= 32000) // room enough to use a good part of it
        QVERIFY(outcome.usedTokens > outcome.budgetTokens / 4);
}

void tst_ContextBuilder::attachedContextCountsAgainstTheBudget()
{
    ContextBuilder::Options options;
    options.contextWindowTokens = 4000;
    options.alreadyAttached = {{QStringLiteral("file"), QStringLiteral("big.txt"), QString(7000, QLatin1Char('x')), true}};
    const ContextBuilder::Outcome outcome = *ContextBuilder(m_ws.db()).build(m_projectId, QStringLiteral("archive reader"), options);
    QVERIFY(outcome.budgetTokens <= 2000 - 1750);
    QVERIFY(tokensOf(outcome.items) <= qMax(0, outcome.budgetTokens));

    options.alreadyAttached.first().text = QString(8000, QLatin1Char('x')); // the whole budget
    QVERIFY(ContextBuilder(m_ws.db()).build(m_projectId, QStringLiteral("archive reader"), options)->items.isEmpty());
}

void tst_ContextBuilder::repoMapListsFoldersAndSignatures()
{
    ContextBuilder::Options options;
    options.contextWindowTokens = 16000;
    const ContextBuilder::Outcome outcome =
        *ContextBuilder(m_ws.db()).build(m_projectId, QStringLiteral("How are provider profiles stored?"), options);
    const auto map = std::find_if(outcome.items.cbegin(), outcome.items.cend(), [](const ContextItem &i) { return i.kind == QLatin1String("repomap"); });
    QVERIFY(map != outcome.items.cend());
    QVERIFY(map->text.contains(QStringLiteral("chat/ (")));
    QVERIFY(map->text.contains(QStringLiteral("projects/ (")));
    QVERIFY2(map->text.contains(QStringLiteral("chat/providerstore.cpp:\n")), qPrintable(map->text));
    QVERIFY(map->text.contains(QStringLiteral("function Realm::Chat::ProviderStore::create(const ProviderProfile & profile")));
    QVERIFY(!map->text.contains(QStringLiteral("__anon"))); // no lambdas or anonymous namespaces
}

// A file named like an option ("-f/elsewhere/tags.c") would make ctags
// write its output there: it is passed as "./-f/…", a file name.
void tst_ContextBuilder::fileNamesReachCtagsAsNamesNotOptions()
{
    QTemporaryDir elsewhere; // where "-f<path>" would have ctags write
    QTemporaryDir src;
    const QString hostile = QStringLiteral("-f") + elsewhere.path() + QStringLiteral("/tags.c");
    Test::writeFile(src.path(), hostile, "int planted(void) { return 1; }\n");
    Test::writeFile(src.path(), QStringLiteral("--help.c"), "int helpful(void) { return 2; }\n");
    TestWorkspace ws;
    Projects::ImportOptions importOptions;
    importOptions.name = QStringLiteral("hostile-names");
    const Result<Projects::ImportReport> report = Projects::ProjectImporter(ws.db()).importProject(src.path(), importOptions);
    QVERIFY(report);
    ContextBuilder::Options options;
    options.contextWindowTokens = 16000;
    const Result<ContextBuilder::Outcome> outcome = ContextBuilder(ws.db()).build(report->project.id, QStringLiteral("What does planted return?"), options);
    QVERIFY(outcome);
    QVERIFY(!QFileInfo::exists(elsewhere.filePath(QStringLiteral("tags.c"))));
    const auto map = std::find_if(outcome->items.cbegin(), outcome->items.cend(), [](const ContextItem &i) { return i.kind == QLatin1String("repomap"); });
    QVERIFY(map != outcome->items.cend());
    QVERIFY2(map->text.contains(hostile + QStringLiteral(":\n  function planted")), qPrintable(map->text));
    QVERIFY2(map->text.contains(QStringLiteral("--help.c:\n  function helpful")), qPrintable(map->text));
}

void tst_ContextBuilder::atMentionsAttachTheNamedFiles()
{
    const QList<ContextItem> items = ContextBuilder::mentionedFiles(
        m_ws.db(), m_projectId, QStringLiteral("Compare @chat/sseparser.cpp with @codeindex.h, not @nope.cpp or email@example.org"));
    QStringList titles;
    for (const ContextItem &item : items)
        titles << item.title;
    QCOMPARE(titles, QStringList({QStringLiteral("chat/sseparser.cpp"), QStringLiteral("chat/codeindex.h")}));
    QVERIFY(items.first().text.startsWith(QStringLiteral("```cpp\n")));
    QVERIFY(items.first().text.contains(QStringLiteral("SseParser::feed")));
    // An exact path wins over the files that merely end with it.
    const QList<ContextItem> exact = ContextBuilder::mentionedFiles(m_ws.db(), m_projectId, QStringLiteral("see @CMakeLists.txt"));
    QCOMPARE(exact.size(), 1);
    QCOMPARE(exact.first().title, QStringLiteral("CMakeLists.txt"));
}

QTEST_GUILESS_MAIN(tst_ContextBuilder)
#include "tst_contextbuilder.moc"
