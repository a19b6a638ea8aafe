// SPDX-License-Identifier: GPL-3.0-or-later
// realm-cli docs as a user runs it: real processes, a real workspace, a
// local model server speaking Ollama's wire format, Markdown/HTML/site/PDF
// files checked after the fact (PDF with poppler's pdftotext and pdfinfo).
#include "mockllmserver.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace Realm;
using Realm::Test::MockLlmServer;

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

QString readText(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The mock model answers every request with a line naming what it was
// asked about, so the document shows which text came from which request,
// and a hash of the prompt, so a changed file gets a changed summary and
// what depends on it is asked again.
MockLlmServer::Response answerFor(const MockLlmServer::Request &request)
{
    const QString prompt = request.json().value(QStringLiteral("messages")).toArray().last().toObject().value(QStringLiteral("content")).toString();
    static const QRegularExpression subject(QStringLiteral("(source file|module \\(directory\\)) `([^`]+)`"));
    const QRegularExpressionMatch m = subject.match(prompt);
    if (m.hasMatch())
        return MockLlmServer::ollamaStream({QStringLiteral("About "), QStringLiteral("%1 (%2).").arg(m.captured(2)).arg(qHash(prompt))});
    if (prompt.startsWith(QStringLiteral("Write the overview")))
        return MockLlmServer::ollamaStream({QStringLiteral("The sample project adds numbers.")});
    return MockLlmServer::ollamaStream({QStringLiteral("Decision: keep it small.")});
}
} // namespace

class tst_CliDocs final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void markdownFromAWorkspaceProject();
    void htmlSiteAndPdfFromAFolder();
    void regenerationSaysWhatItRedid();
    void versionsAreListedShownExportedDeleted();
    void templatesLiveInTheWorkspace();
    void overviewAndCustomFromALocalModel();
    void aFoldersOverviewUsesTheDefaultWorkspacesProvider();
    void ctrlCStopsTheModelAndKeepsItsSummaries();
    void badInputIsExplained();

private:
    // `workspace` empty: the default one (under the test's XDG_DATA_HOME).
    Run cli(const QStringList &args, const QString &workspace);
    Run cli(const QStringList &args) { return cli(args, m_workspace); }
    QTemporaryDir m_dir;
    QString m_source;
    QString m_workspace;
};

Run tst_CliDocs::cli(const QStringList &args, const QString &workspace)
{
    // Started asynchronously: the mock model in this process must answer.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data-home")));
    if (workspace.isEmpty())
        env.remove(QStringLiteral("REALM_WORKSPACE"));
    else
        env.insert(QStringLiteral("REALM_WORKSPACE"), workspace);
    env.remove(QStringLiteral("REALM_API_KEY"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/realm-no-bus"));
    process.setProcessEnvironment(env);
    process.start(Test::realmBinary(QStringLiteral("realm-cli")), args);
    Run r;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

void tst_CliDocs::initTestCase()
{
    m_source = m_dir.filePath(QStringLiteral("src"));
    m_workspace = m_dir.filePath(QStringLiteral("ws.realm"));
    Test::writeFile(m_source, QStringLiteral("lib/math.h"),
                    "/**\n * Adds two numbers.\n * @param a the first\n * @param b the second\n * @return the sum\n * @see undocumented\n */\n"
                    "int add(int a, int b);\n"
                    "int undocumented(int x);\n");
    Test::writeFile(m_source, QStringLiteral("app/main.c"), "/** Starts the program. */\nint main(void) { return 0; }\n");
    Test::writeFile(m_source, QStringLiteral("README.md"), "# Sample\n");
    const Run r = cli({QStringLiteral("project"), QStringLiteral("import"), m_source, QStringLiteral("--name"), QStringLiteral("sample")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void tst_CliDocs::markdownFromAWorkspaceProject()
{
    const QString out = m_dir.filePath(QStringLiteral("md"));
    const Run r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject summary = r.json();
    const QJsonObject stats = summary.value(QStringLiteral("stats")).toObject();
    QCOMPARE(stats.value(QStringLiteral("symbols")).toInt(), 3);
    QCOMPARE(stats.value(QStringLiteral("documented")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("output")).toString(), out + QStringLiteral("/api.md"));
    QVERIFY(!summary.value(QStringLiteral("id")).toString().isEmpty());
    const QString text = readText(out + QStringLiteral("/api.md"));
    QVERIFY(text.startsWith(QStringLiteral("# sample — API reference")));
    QVERIFY(text.contains(QStringLiteral("Documentation coverage: 67 % of public symbols (2 of 3).")));
    QVERIFY(text.contains(QStringLiteral("- `a` — the first")));
    QVERIFY(text.contains(QStringLiteral("**See also:** [`undocumented`](#prototype-undocumented)")));
    QVERIFY(text.contains(QStringLiteral("### prototype `undocumented`\n\n```cpp\nint undocumented(int x)\n```\n\n*Not documented.*")));
}

void tst_CliDocs::htmlSiteAndPdfFromAFolder()
{
    // A folder is read directly; no workspace is involved or changed.
    const QString out = m_dir.filePath(QStringLiteral("folder"));
    QProcess direct;
    direct.start(Test::realmBinary(QStringLiteral("realm-cli")), {QStringLiteral("docs"), QStringLiteral("generate"), m_source,
                                                                   QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--out"), out});
    QVERIFY(direct.waitForFinished(30000));
    QCOMPARE(direct.exitCode(), 0);
    const QString page = readText(out + QStringLiteral("/api.html"));
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(page.contains(QStringLiteral("<h1 id=\"src--api-reference\">src — API reference</h1>")));
    QVERIFY(page.contains(QStringLiteral("prefers-color-scheme: dark")));

    // Only what has a comment, like Doxygen's EXTRACT_ALL = NO; coverage
    // still counts everything.
    QProcess documented;
    documented.start(Test::realmBinary(QStringLiteral("realm-cli")),
                     {QStringLiteral("docs"), QStringLiteral("generate"), m_source, QStringLiteral("--documented-only"),
                      QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY(documented.waitForFinished(30000));
    QCOMPARE(documented.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(documented.readAllStandardOutput()).object().value(QStringLiteral("stats")).toObject().value(QStringLiteral("symbols")).toInt(), 3);
    const QString listed = readText(out + QStringLiteral("/api.md"));
    QVERIFY(listed.contains(QStringLiteral("### prototype `add`")));
    QVERIFY(listed.contains(QStringLiteral("### function `main`")));
    QVERIFY2(!listed.contains(QStringLiteral("### prototype `undocumented`")), qPrintable(listed));
    QVERIFY(listed.contains(QStringLiteral("**See also:** `undocumented`"))); // no link to what is not there
    QVERIFY(listed.contains(QStringLiteral("(2 of 3)")));

    // The site: an index, a page per file, links across pages, the search data.
    const QString site = m_dir.filePath(QStringLiteral("site"));
    Run r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--format"), QStringLiteral("site"),
                 QStringLiteral("--out"), site});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QDir(site).entryList(QDir::Files),
             QStringList({QStringLiteral("appmainc.html"), QStringLiteral("index.html"), QStringLiteral("libmathh.html"),
                          QStringLiteral("site.js"), QStringLiteral("style.css")}));
    const QString index = readText(site + QStringLiteral("/index.html"));
    QVERIFY(index.contains(QStringLiteral("<a href=\"libmathh.html#libmathh\"><code>lib/math.h</code></a>")));
    QVERIFY(index.contains(QStringLiteral("<script src=\"site.js\"></script>")));
    const QString mathPage = readText(site + QStringLiteral("/libmathh.html"));
    QVERIFY(mathPage.contains(QStringLiteral("<h3 id=\"prototype-add\">")));
    QVERIFY(mathPage.contains(QStringLiteral("On this page")));
    QVERIFY(mathPage.contains(QStringLiteral("Generated by REALM on ")));
    const QString script = readText(site + QStringLiteral("/site.js"));
    QVERIFY(script.contains(QStringLiteral("[\"prototype add\",\"libmathh.html#prototype-add\"]")));

    // The PDF: title page, contents, a page per file, numbered.
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--format"), QStringLiteral("pdf"),
             QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QByteArray info;
    QCOMPARE(Test::run(QStringLiteral("pdfinfo"), {out + QStringLiteral("/api.pdf")}, {}, &info), 0);
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info)).captured(1).toInt();
    QCOMPARE(pages, 5); // title, contents, index, two files
    QByteArray contents;
    QCOMPARE(Test::run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("2"),
                                                      QStringLiteral("-layout"), out + QStringLiteral("/api.pdf"), QStringLiteral("-")},
                       {}, &contents),
             0);
    QVERIFY2(contents.contains("Contents") && QRegularExpression(QStringLiteral("lib/math.h\\s+5")).match(QString::fromUtf8(contents)).hasMatch(),
             contents.constData());
    QByteArray last;
    QCOMPARE(Test::run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("5"), QStringLiteral("-l"), QStringLiteral("5"),
                                                      out + QStringLiteral("/api.pdf"), QStringLiteral("-")},
                       {}, &last),
             0);
    QVERIFY2(last.contains("Adds two numbers.") && last.contains("Page 5 of 5") && last.contains("sample — API reference"), last.constData());
}

void tst_CliDocs::regenerationSaysWhatItRedid()
{
    const QString out = m_dir.filePath(QStringLiteral("again"));
    const QStringList generate{QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--out"), out,
                               QStringLiteral("--json")};
    Run r = cli(generate);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli(generate);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value(QStringLiteral("unchanged")).toBool(), true);
    QVERIFY(r.err.contains(QStringLiteral("nothing redone")));

    Test::writeFile(m_source, QStringLiteral("app/main.c"), "/** Starts the program, now with arguments. */\nint main(int argc) { return argc; }\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("sample")}).code, 0);
    r = cli(generate);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value(QStringLiteral("unchanged")).toBool(), false);
    QCOMPARE(r.json().value(QStringLiteral("stats")).toObject().value(QStringLiteral("files_extracted")).toInt(), 1);
    QCOMPARE(r.json().value(QStringLiteral("stats")).toObject().value(QStringLiteral("files_reused")).toInt(), 1);
    QVERIFY(readText(out + QStringLiteral("/api.md")).contains(QStringLiteral("now with arguments")));
}

void tst_CliDocs::versionsAreListedShownExportedDeleted()
{
    Run r = cli({QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("sample"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    const QJsonObject newest = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("api"));
    const QString id = newest.value(QStringLiteral("id")).toString();

    r = cli({QStringLiteral("docs"), QStringLiteral("show"), id.left(20)});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("# sample — API reference")));

    const QString out = m_dir.filePath(QStringLiteral("exported"));
    r = cli({QStringLiteral("docs"), QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--out"), out});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), out + QStringLiteral("/api.html"));
    QVERIFY(readText(out + QStringLiteral("/api.html")).contains(QStringLiteral("Adds two numbers.")));

    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("delete"), id}).code, 0);
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("show"), id}).code, 3);
    r = cli({QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("sample")});
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), lines.size() - 1);
}

void tst_CliDocs::templatesLiveInTheWorkspace()
{
    // Copy the built-in template, edit it, keep it in the workspace.
    Run r = cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("api")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("# {{project}} — API reference")));
    Test::writeFile(m_dir.path(), QStringLiteral("list.mustache"),
                    "{{#modules}}{{#files}}{{#symbols}}{{qualified}}: {{brief}}\n{{/symbols}}{{/files}}{{/modules}}");
    r = cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("add"), QStringLiteral("briefs"), QStringLiteral("--kind"),
             QStringLiteral("api"), QStringLiteral("--file"), m_dir.filePath(QStringLiteral("list.mustache"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("list")});
    QCOMPARE(r.out, QStringLiteral("api       yours   briefs\n"));

    const QString out = m_dir.filePath(QStringLiteral("briefs"));
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--template"), QStringLiteral("briefs"),
             QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(readText(out + QStringLiteral("/api.md")), QStringLiteral("main: Starts the program, now with arguments.\nadd: Adds two numbers.\nundocumented: \n"));

    // Exported as one file, removed, imported back.
    const QString file = m_dir.filePath(QStringLiteral("briefs.json"));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("briefs"), QStringLiteral("--out"), file}).code, 0);
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("briefs")}).code, 0);
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("list")}).out, QString());
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("import"), file}).code, 0);
    r = cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("briefs")});
    QVERIFY(r.out.startsWith(QStringLiteral("{{#modules}}{{#files}}")));
    // Imported over a template of that name: refused, unless replacing it.
    Test::writeFile(m_dir.path(), QStringLiteral("other.mustache"), "{{project}} only");
    const QString mustache = m_dir.filePath(QStringLiteral("other.mustache"));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("add"), QStringLiteral("briefs"), QStringLiteral("--kind"),
                  QStringLiteral("api"), QStringLiteral("--file"), mustache}).code, 0);
    r = cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("import"), file});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(QStringLiteral("already have a documentation template named \"briefs\"")) && r.err.contains(QStringLiteral("--replace")), qPrintable(r.err));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("briefs")}).out.trimmed(), QStringLiteral("{{project}} only"));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("import"), file, QStringLiteral("--replace")}).code, 0);
    QVERIFY(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("briefs")}).out.startsWith(QStringLiteral("{{#modules}}{{#files}}")));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("briefs")}).code, 0);
}

void tst_CliDocs::overviewAndCustomFromALocalModel()
{
    MockLlmServer server;
    server.setResponder(answerFor);
    Run r = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("local"), QStringLiteral("--kind"), QStringLiteral("ollama"),
                 QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--model"), QStringLiteral("llama-mock")});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    // Two files, two modules, the overview: five requests.
    const QString out = m_dir.filePath(QStringLiteral("overview"));
    const QStringList overview{QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--kind"),
                               QStringLiteral("overview"), QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--out"), out,
                               QStringLiteral("--json")};
    r = cli(overview);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(server.requests().size(), 5);
    QCOMPARE(server.requests().first().path, QByteArray("/api/chat"));
    QCOMPARE(r.json().value(QStringLiteral("stats")).toObject().value(QStringLiteral("summaries_written")).toInt(), 5);
    QCOMPARE(r.json().value(QStringLiteral("model")).toString(), QStringLiteral("llama-mock"));
    const QString text = readText(out + QStringLiteral("/overview.md"));
    QVERIFY(text.startsWith(QStringLiteral("# sample — overview")));
    QVERIFY(text.contains(QStringLiteral("*Written by llama-mock on ")));
    QVERIFY(text.contains(QStringLiteral("The sample project adds numbers.")));
    QVERIFY(text.contains(QStringLiteral("### lib\n\nAbout lib (")));
    QVERIFY(text.contains(QStringLiteral("- `lib/math.h` — About lib/math.h (")));

    // Unchanged: nothing asked again.
    r = cli(overview);
    QCOMPARE(r.code, 0);
    QCOMPARE(server.requests().size(), 5);
    QCOMPARE(r.json().value(QStringLiteral("unchanged")).toBool(), true);

    // One file changed: its summary, its module's and the overview again.
    Test::writeFile(m_source, QStringLiteral("lib/math.h"), "/** Adds. */\nint add(int a, int b);\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("sample")}).code, 0);
    r = cli(overview);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(server.requests().size(), 5 + 3);
    QCOMPARE(r.json().value(QStringLiteral("stats")).toObject().value(QStringLiteral("summaries_written")).toInt(), 3);
    QCOMPARE(r.json().value(QStringLiteral("stats")).toObject().value(QStringLiteral("summaries_reused")).toInt(), 2);

    // A custom document: the cached summaries plus one request for the prompt.
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--kind"), QStringLiteral("custom"),
             QStringLiteral("--prompt"), QStringLiteral("Write an architecture decision record."), QStringLiteral("--title"),
             QStringLiteral("Decisions"), QStringLiteral("--provider"), QStringLiteral("local"), QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(server.requests().size(), 5 + 3 + 1);
    QVERIFY(server.requests().last().json().value(QStringLiteral("messages")).toArray().last().toObject().value(QStringLiteral("content"))
                .toString().startsWith(QStringLiteral("Write an architecture decision record.")));
    const QString custom = readText(out + QStringLiteral("/custom.md"));
    QVERIFY2(custom.startsWith(QStringLiteral("# sample — Decisions\n\n*Written by llama-mock on ")), qPrintable(custom));
    QVERIFY(custom.contains(QStringLiteral("Decision: keep it small.")));

    // The model's server goes away: a clear error and the network's exit code.
    Test::writeFile(m_source, QStringLiteral("app/main.c"), "int main(void) { return 1; }\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("sample")}).code, 0);
    server.close();
    r = cli(overview);
    QCOMPARE(r.code, 9);
    QVERIFY2(r.err.contains(QStringLiteral("kept")), qPrintable(r.err));
}

// A folder is documented through a throw-away workspace, but the model that
// writes is the one set up in the user's workspace.
void tst_CliDocs::aFoldersOverviewUsesTheDefaultWorkspacesProvider()
{
    MockLlmServer server;
    server.setResponder(answerFor);
    Run r = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("mine"), QStringLiteral("--kind"), QStringLiteral("ollama"),
                 QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--model"), QStringLiteral("llama-mock")},
                QString());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString out = m_dir.filePath(QStringLiteral("folder-overview"));
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), m_source, QStringLiteral("--kind"), QStringLiteral("overview"),
             QStringLiteral("--out"), out},
            QString());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(server.requests().size(), 5);
    QVERIFY(readText(out + QStringLiteral("/overview.md")).contains(QStringLiteral("The sample project adds numbers.")));
}

// Ctrl+C reaches the job on its own thread while the model is mid-answer.
void tst_CliDocs::ctrlCStopsTheModelAndKeepsItsSummaries()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::ollamaStream({QStringLiteral("About the first file.")}));
    MockLlmServer::Response stalled = MockLlmServer::ollamaStream({QStringLiteral("Half"), QStringLiteral(" of it.")});
    stalled.holdAfterChunks = 1;
    server.enqueue(stalled);
    Run r = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("stalls"), QStringLiteral("--kind"), QStringLiteral("ollama"),
                 QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--model"), QStringLiteral("slow-mock")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_WORKSPACE"), m_workspace);
    process.setProcessEnvironment(env);
    process.start(Test::realmBinary(QStringLiteral("realm-cli")),
                  {QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--kind"), QStringLiteral("overview"),
                   QStringLiteral("--provider"), QStringLiteral("stalls"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("stopped"))});
    QVERIFY(QTest::qWaitFor([&] { return server.requests().size() == 2; }, 30000));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 20000));
    QCOMPARE(process.exitCode(), 130);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("Cancelled. The summaries written so far are kept")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("stopped"))));
}

void tst_CliDocs::badInputIsExplained()
{
    Run r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("nope")});
    QCOMPARE(r.code, 3);
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--format"), QStringLiteral("docx")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("md, html, site or pdf")));
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--kind"), QStringLiteral("custom")});
    QCOMPARE(r.code, 4);
    QVERIFY(r.err.contains(QStringLiteral("needs a prompt")));
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--kind"), QStringLiteral("overview"),
             QStringLiteral("--documented-only")});
    QCOMPARE(r.code, 4);
    QVERIFY(r.err.contains(QStringLiteral("--documented-only is for --kind api")));
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--template"), QStringLiteral("missing")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("neither a file nor a template")));
    Test::writeFile(m_dir.path(), QStringLiteral("broken.mustache"), "{{#modules}} never closed");
    r = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--template"),
             m_dir.filePath(QStringLiteral("broken.mustache")), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("broken"))});
    QCOMPARE(r.code, 4);
    QVERIFY(r.err.contains(QStringLiteral("not valid Mustache")));
}

QTEST_GUILESS_MAIN(tst_CliDocs)
#include "tst_clidocs.moc"
