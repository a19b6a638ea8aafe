// SPDX-License-Identifier: GPL-3.0-or-later
// realm-cli's chat and provider commands as a user runs them: real
// processes and workspace files, answers from the loopback mock provider.
#include "mockllmserver.h"
#include "prompts/prompttemplate.h"
#include "storage/database.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSignalSpy>
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
} // namespace

class tst_CliChat final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void askStreamsTheAnswerAndKeepsTheConversation();
    void conversationsCanBeListedSearchedExportedAndImported();
    void providerErrorsHaveTheirOwnExitCodesAndSayWhatToDo();
    void unreachableServerIsANetworkError();
    void adHocServerNeedsNoProfile();
    void aQuestionWithoutAModelIsRefusedBeforeAnythingIsSent();
    void withoutAKeychainTheKeyIsNotSilentlyLost();
    void keyFromTheEnvironmentIsSent();
    void noProviderSaysHowToAddOne();
    void ctrlCStopsTheAnswerAndKeepsWhatArrived();
    void aKilledAnswerIsShownAsInterrupted();
    void providerModelsAreListed();
    void projectQuestionsCarryTheCodeTheyAreAbout();
    void aTemplateSendsExactlyTheFilledPrompt();
    void promptTemplatesAreKeptEditedAndExchanged();

private:
    // Runs realm-cli without blocking the event loop, so the mock server in
    // this process can answer it.
    Run cli(const QStringList &args, const QByteArray &input = {}, const QStringList &extraEnv = {});
    QProcess *startCli(const QStringList &args, const QStringList &extraEnv = {});
    void addMockProvider(const MockLlmServer &server);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void tst_CliChat::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = m_dir->filePath(QStringLiteral("ws.realm"));
}

QProcess *tst_CliChat::startCli(const QStringList &args, const QStringList &extraEnv)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_WORKSPACE"), m_workspace);
    env.remove(QStringLiteral("REALM_API_KEY"));
    // Hermetic: no keychain of the machine running the tests is reached.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/realm-no-bus"));
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    process->setProcessEnvironment(env);
    process->start(Test::realmBinary(QStringLiteral("realm-cli")), args);
    return process;
}

Run tst_CliChat::cli(const QStringList &args, const QByteArray &input, const QStringList &extraEnv)
{
    QProcess *process = startCli(args, extraEnv);
    process->write(input);
    process->closeWriteChannel();
    Run r;
    if (!QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, 30000)) {
        process->kill();
        return r;
    }
    r.code = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    r.out = QString::fromUtf8(process->readAllStandardOutput());
    r.err = QString::fromUtf8(process->readAllStandardError());
    process->deleteLater();
    return r;
}

void tst_CliChat::addMockProvider(const MockLlmServer &server)
{
    const Run r = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("mock"), QStringLiteral("--kind"), QStringLiteral("openai"),
                       QStringLiteral("--url"), server.baseUrl(QStringLiteral("/v1")), QStringLiteral("--model"), QStringLiteral("mock-model"),
                       QStringLiteral("--key-stdin"), QStringLiteral("--plaintext-key")},
                      "sk-mock-key\n");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("PLAIN TEXT")));
}

void tst_CliChat::askStreamsTheAnswerAndKeepsTheConversation()
{
    MockLlmServer server;
    addMockProvider(server);
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Use "), QStringLiteral("QSaveFile.")}));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("How"), QStringLiteral("do"), QStringLiteral("I"),
                       QStringLiteral("save?")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Use QSaveFile.\n"));
    QVERIFY(r.err.contains(QStringLiteral("12 in / 2 out tokens")));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer sk-mock-key"));
    const QJsonArray sent = server.requests().first().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(sent.last().toObject().value(QStringLiteral("content")).toString(), QStringLiteral("How do I save?"));

    // Continue the conversation; the history goes along.
    const QString id = r.err.section(QStringLiteral("[conversation "), 1).section(QLatin1Char(' '), 0, 0);
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Call commit().")}));
    const Run followUp = cli({QStringLiteral("chat"), QStringLiteral("--conversation"), id, QStringLiteral("--json"),
                              QStringLiteral("-")},
                             "And then?");
    QVERIFY2(followUp.code == 0, qPrintable(followUp.err));
    QCOMPARE(followUp.json().value(QStringLiteral("content")).toString(), QStringLiteral("Call commit()."));
    QCOMPARE(followUp.json().value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QCOMPARE(server.requests().at(1).json().value(QStringLiteral("messages")).toArray().size(), 4);
}

void tst_CliChat::conversationsCanBeListedSearchedExportedAndImported()
{
    MockLlmServer server;
    addMockProvider(server);
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("A mutex serializes access.")}));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("What is a mutex for?")}).code, 0);
    const Run list = cli({QStringLiteral("chat"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    const QJsonObject conversation = list.json();
    QCOMPARE(conversation.value(QStringLiteral("title")).toString(), QStringLiteral("What is a mutex for?"));
    const QString id = conversation.value(QStringLiteral("id")).toString();

    const Run show = cli({QStringLiteral("chat"), QStringLiteral("show"), id});
    QVERIFY(show.out.contains(QStringLiteral("## Assistant (mock-model)\n\nA mutex serializes access.")));
    const Run found = cli({QStringLiteral("chat"), QStringLiteral("search"), QStringLiteral("serial")});
    QCOMPARE(found.code, 0);
    QVERIFY(found.out.contains(QStringLiteral("[serializes]")));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("search"), QStringLiteral("semaphore")}).code, 1);

    const QString exported = m_dir->filePath(QStringLiteral("conversation.json"));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("json"),
                  QStringLiteral("--out"), exported}).code, 0);
    const QString html = m_dir->filePath(QStringLiteral("conversation.html"));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("html"),
                  QStringLiteral("--out"), html}).code, 0);
    QVERIFY(QFile::exists(html));
    const QString pdf = m_dir->filePath(QStringLiteral("conversation.pdf"));
    const Run pdfRun = cli({QStringLiteral("chat"), QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("pdf"),
                            QStringLiteral("--out"), pdf});
    QVERIFY2(pdfRun.code == 0, qPrintable(pdfRun.err));
    QByteArray text;
    QCOMPARE(Test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, {}, &text), 0);
    QVERIFY2(text.contains("A mutex serializes access.") && text.contains("What is a mutex for?"), text.constData());
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("pdf")}).code, 2);
    m_workspace = m_dir->filePath(QStringLiteral("other.realm"));
    const Run imported = cli({QStringLiteral("chat"), QStringLiteral("import"), exported, QStringLiteral("--json")});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    const QString newId = imported.json().value(QStringLiteral("conversation_id")).toString();
    QVERIFY(cli({QStringLiteral("chat"), QStringLiteral("show"), newId}).out.contains(QStringLiteral("A mutex serializes access.")));

    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("delete"), newId}).code, 0);
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("list"), QStringLiteral("--json")}).out, QString());
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("show"), QStringLiteral("no-such-id")}).code, 3);
}

void tst_CliChat::providerErrorsHaveTheirOwnExitCodesAndSayWhatToDo()
{
    MockLlmServer server;
    addMockProvider(server);
    server.enqueue(MockLlmServer::jsonResponse(401, R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}})"));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("hi")});
    QCOMPARE(r.code, 7);
    QVERIFY2(r.err.contains(QStringLiteral("check the key")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());

    for (int i = 0; i < 3; ++i) // the first try and two retries
        server.enqueue(MockLlmServer::jsonResponse(429, R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})",
                                                   {{"retry-after-ms", "1"}}));
    const Run limited = cli({QStringLiteral("chat"), QStringLiteral("hi")});
    QCOMPARE(limited.code, 8);
    // Each wait is announced, so a slow answer is not mistaken for a hang.
    QVERIFY2(limited.err.contains(QStringLiteral("Retrying in 1 s (2 of 3)…")), qPrintable(limited.err));
    QVERIFY(limited.err.contains(QStringLiteral("Retrying in 1 s (3 of 3)…")));

    MockLlmServer::Response cut = MockLlmServer::openAiStream({QStringLiteral("half")});
    cut.chunks.resize(2); // no finish_reason, no [DONE]
    server.enqueue(cut);
    const Run incomplete = cli({QStringLiteral("chat"), QStringLiteral("hi")});
    QCOMPARE(incomplete.code, 10);
    QCOMPARE(incomplete.out, QStringLiteral("half\n")); // what arrived was shown

    server.enqueue(MockLlmServer::jsonResponse(404, R"({"error":{"message":"The model `x` does not exist","type":"invalid_request_error","code":"model_not_found"}})"));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("hi")}).code, 6);
}

void tst_CliChat::unreachableServerIsANetworkError()
{
    quint16 closedPort = 0;
    {
        MockLlmServer gone;
        closedPort = gone.port();
    }
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("--kind"), QStringLiteral("ollama"), QStringLiteral("--base-url"),
                       QStringLiteral("http://127.0.0.1:%1").arg(closedPort), QStringLiteral("--model"), QStringLiteral("llama3.2"),
                       QStringLiteral("hi")});
    QCOMPARE(r.code, 9);
    QVERIFY2(r.err.contains(QStringLiteral("Nothing is listening")), qPrintable(r.err));
}

void tst_CliChat::adHocServerNeedsNoProfile()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::anthropicStream({QStringLiteral("Bonjour")}));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("--kind"), QStringLiteral("anthropic"), QStringLiteral("--base-url"), server.baseUrl(),
                       QStringLiteral("--model"), QStringLiteral("claude-mock"), QStringLiteral("--json"), QStringLiteral("Say hello in French")},
                      {}, {QStringLiteral("REALM_API_KEY=sk-ant-env")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(QStringLiteral("content")).toString(), QStringLiteral("Bonjour"));
    QCOMPARE(r.json().value(QStringLiteral("usage")).toObject().value(QStringLiteral("input_tokens")).toInt(), 25);
    QCOMPARE(server.requests().first().path, QByteArray("/v1/messages"));
    QCOMPARE(server.requests().first().headers.value("x-api-key"), QByteArray("sk-ant-env"));
    // A question that is just a subcommand's name goes after `ask` or `--`.
    server.enqueue(MockLlmServer::anthropicStream({QStringLiteral("ok")}));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("--kind"), QStringLiteral("anthropic"), QStringLiteral("--base-url"), server.baseUrl(),
                  QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--"), QStringLiteral("list")}).code, 0);
    QCOMPARE(server.requests().at(1).json().value(QStringLiteral("messages")).toArray().first().toObject()
                 .value(QStringLiteral("content")).toString(), QStringLiteral("list"));
}

void tst_CliChat::aQuestionWithoutAModelIsRefusedBeforeAnythingIsSent()
{
    // A provider whose models were never listed: it has no default model.
    MockLlmServer server;
    const Run added = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("local"), QStringLiteral("--kind"),
                           QStringLiteral("openai"), QStringLiteral("--url"), server.baseUrl(QStringLiteral("/v1"))});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("Which model are you?")});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(QStringLiteral("No model is chosen")) && r.err.contains(QStringLiteral("--model")), qPrintable(r.err));
    QVERIFY(server.requests().isEmpty());
    // Nothing was stored either: no conversation began.
    const Run list = cli({QStringLiteral("chat"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.code == 0, qPrintable(list.err));
    QCOMPARE(list.out, QString()); // one line per conversation
}

void tst_CliChat::withoutAKeychainTheKeyIsNotSilentlyLost()
{
    MockLlmServer server;
    const Run r = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("cloud"), QStringLiteral("--kind"),
                       QStringLiteral("anthropic"), QStringLiteral("--key-stdin")},
                      "sk-ant-123\n");
    QCOMPARE(r.code, 11);
    QVERIFY2(r.err.contains(QStringLiteral("No keychain is available")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("--plaintext-key")));
    QFile workspace(m_workspace);
    QVERIFY(workspace.open(QIODevice::ReadOnly));
    QVERIFY(!workspace.readAll().contains("sk-ant-123"));
    const Run list = cli({QStringLiteral("provider"), QStringLiteral("list")});
    QVERIFY(list.out.contains(QStringLiteral("https://api.anthropic.com")));
    QVERIFY(list.out.contains(QStringLiteral("key not stored")));
}

void tst_CliChat::keyFromTheEnvironmentIsSent()
{
    MockLlmServer server;
    QCOMPARE(cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("local"), QStringLiteral("--kind"), QStringLiteral("ollama"),
                  QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--model"), QStringLiteral("llama3.2")}).code, 0);
    server.enqueue(MockLlmServer::ollamaStream({QStringLiteral("ok")}));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("ping")}, {}, {QStringLiteral("REALM_API_KEY=from-env")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("ok\n"));
    QCOMPARE(server.requests().first().path, QByteArray("/api/chat"));
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer from-env"));
}

void tst_CliChat::noProviderSaysHowToAddOne()
{
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("hi")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("realm-cli provider add")));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("ask")}).code, 2); // nothing asked, nothing piped
}

void tst_CliChat::ctrlCStopsTheAnswerAndKeepsWhatArrived()
{
    MockLlmServer server;
    addMockProvider(server);
    MockLlmServer::Response response = MockLlmServer::openAiStream({QStringLiteral("partial "), QStringLiteral("rest")});
    response.holdAfterChunks = 2;
    server.enqueue(response);
    QProcess *process = startCli({QStringLiteral("chat"), QStringLiteral("long question")});
    process->closeWriteChannel();
    QByteArray out;
    QVERIFY(QTest::qWaitFor([&] {
        out += process->readAllStandardOutput();
        return out.contains("partial");
    }, 20000));
    ::kill(pid_t(process->processId()), SIGINT);
    QVERIFY(QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, 20000));
    QCOMPARE(process->exitCode(), 130);
    QVERIFY(QString::fromUtf8(process->readAllStandardError()).contains(QStringLiteral("partial answer is kept")));
    const Run list = cli({QStringLiteral("chat"), QStringLiteral("list"), QStringLiteral("--json")});
    const Run show = cli({QStringLiteral("chat"), QStringLiteral("show"), list.json().value(QStringLiteral("id")).toString()});
    QVERIFY2(show.out.contains(QStringLiteral("partial\n\n_(stopped before the end)_")), qPrintable(show.out));
}

void tst_CliChat::aKilledAnswerIsShownAsInterrupted()
{
    MockLlmServer server;
    addMockProvider(server);
    MockLlmServer::Response response = MockLlmServer::openAiStream({QStringLiteral("first half "), QStringLiteral("rest")});
    response.holdAfterChunks = 2;
    server.enqueue(response);
    QProcess *process = startCli({QStringLiteral("chat"), QStringLiteral("a question")});
    process->closeWriteChannel();
    QByteArray out;
    QVERIFY(QTest::qWaitFor([&] {
        out += process->readAllStandardOutput();
        return out.contains("first half");
    }, 20000));
    // Written every half second while streaming: wait until the partial
    // answer is in the workspace, then kill -9.
    QVERIFY(QTest::qWaitFor([&] {
        auto db = Storage::Database::open(m_workspace);
        QSqlQuery q((*db)->connection());
        return q.exec(QStringLiteral("SELECT count(*) FROM messages WHERE status = 'streaming' AND content LIKE 'first half%'")) && q.next()
               && q.value(0).toInt() == 1;
    }, 20000));
    ::kill(pid_t(process->processId()), SIGKILL);
    QVERIFY(QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, 20000));
    {
        // A minute later, as far as the answer can tell.
        auto db = Storage::Database::open(m_workspace);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET updated_at = updated_at - 120000 WHERE status = 'streaming'")));
    }
    const Run list = cli({QStringLiteral("chat"), QStringLiteral("list"), QStringLiteral("--json")});
    const Run show = cli({QStringLiteral("chat"), QStringLiteral("show"), list.json().value(QStringLiteral("id")).toString(), QStringLiteral("--json")});
    QCOMPARE(show.code, 0);
    QVERIFY2(show.out.contains(QStringLiteral("\"status\": \"interrupted\"")), qPrintable(show.out));
    QVERIFY(show.out.contains(QStringLiteral("first half")));
}

void tst_CliChat::providerModelsAreListed()
{
    MockLlmServer server;
    addMockProvider(server);
    server.enqueue(MockLlmServer::jsonResponse(200, R"({"object":"list","data":[{"id":"zeta"},{"id":"alpha"}]})"));
    const Run r = cli({QStringLiteral("provider"), QStringLiteral("models"), QStringLiteral("mock")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("alpha\nzeta\n"));
    QCOMPARE(server.requests().first().path, QByteArray("/v1/models"));
}

void tst_CliChat::projectQuestionsCarryTheCodeTheyAreAbout()
{
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("src/archive_reader.cpp"),
                    "// Reads ZIP and tar archives entry by entry.\nbool ArchiveReader::nextEntry() { return readHeader(); }\n");
    Test::writeFile(source.path(), QStringLiteral("src/http_server.cpp"), "void HttpServer::listen(int port) {}\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), source.path(), QStringLiteral("--name"), QStringLiteral("sample")}).code, 0);
    MockLlmServer server;
    addMockProvider(server);
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Entry by entry.")}));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("--project"), QStringLiteral("sample"), QStringLiteral("--json"),
                       QStringLiteral("How are tar archives read?")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray context = r.json().value(QStringLiteral("context")).toArray();
    QVERIFY(!context.isEmpty());
    QVERIFY(context.first().toObject().value(QStringLiteral("title")).toString().startsWith(QStringLiteral("src/archive_reader.cpp:1-")));
    const QString sent = server.requests().first().json().value(QStringLiteral("messages")).toArray().last().toObject()
                             .value(QStringLiteral("content")).toString();
    QVERIFY(sent.contains(QStringLiteral("bool ArchiveReader::nextEntry()")));
    QVERIFY(sent.endsWith(QStringLiteral("How are tar archives read?")));

    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("ok")}));
    const Run plain = cli({QStringLiteral("chat"), QStringLiteral("--project"), QStringLiteral("sample"), QStringLiteral("--no-context"),
                           QStringLiteral("How are tar archives read?")});
    QCOMPARE(plain.code, 0);
    QVERIFY(!plain.err.contains(QStringLiteral("[context:")));
    QCOMPARE(server.requests().at(1).json().value(QStringLiteral("messages")).toArray().last().toObject()
                 .value(QStringLiteral("content")).toString(), QStringLiteral("How are tar archives read?"));
}

void tst_CliChat::aTemplateSendsExactlyTheFilledPrompt()
{
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("stats.py"), "import math\ndef mean(values):\n    return sum(values) / len(values)\n\nprint(mean([1]))\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), source.path(), QStringLiteral("--name"), QStringLiteral("sample")}).code, 0);
    MockLlmServer server;
    addMockProvider(server);
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("An empty list divides by zero.")}));
    const Run r = cli({QStringLiteral("chat"), QStringLiteral("--template"), QStringLiteral("find-bugs"), QStringLiteral("--project"),
                       QStringLiteral("sample"), QStringLiteral("--file"), QStringLiteral("stats.py"), QStringLiteral("--selection-lines"),
                       QStringLiteral("2:3"), QStringLiteral("--no-context"), QStringLiteral("--no-tools"), QStringLiteral("Be brief.")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("An empty list divides by zero.\n"));

    const Prompts::PromptTemplate findBugs = *Prompts::builtInPrompt(QStringLiteral("find-bugs"));
    const Result<QString> expected = Prompts::renderPrompt(
        findBugs, {QStringLiteral("def mean(values):\n    return sum(values) / len(values)"), QStringLiteral("stats.py"), QStringLiteral("Python"),
                   QStringLiteral("python"), QStringLiteral("sample"), {}});
    QVERIFY(expected);
    const QJsonArray sent = server.requests().first().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(sent.last().toObject().value(QStringLiteral("content")).toString(), *expected + QStringLiteral("\n\nBe brief."));

    // What cannot be filled is said before anything is sent.
    const Run pastTheEnd = cli({QStringLiteral("chat"), QStringLiteral("--template"), QStringLiteral("explain"), QStringLiteral("--project"),
                                QStringLiteral("sample"), QStringLiteral("--file"), QStringLiteral("stats.py"), QStringLiteral("--selection-lines"),
                                QStringLiteral("90:99")});
    QCOMPARE(pastTheEnd.code, 4);
    QVERIFY2(pastTheEnd.err.contains(QStringLiteral("past its end")), qPrintable(pastTheEnd.err));
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("--template"), QStringLiteral("no-such"), QStringLiteral("hi")}).code, 3);
    QCOMPARE(cli({QStringLiteral("chat"), QStringLiteral("--selection-lines"), QStringLiteral("1:2"), QStringLiteral("hi")}).code, 2);
    QCOMPARE(server.requests().size(), 1);
}

void tst_CliChat::promptTemplatesAreKeptEditedAndExchanged()
{
    const Run listed = cli({QStringLiteral("prompt"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    const QStringList lines = listed.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), Prompts::builtInPrompts().size());
    QCOMPARE(QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QStringLiteral("built_in")).toBool(), true);

    const QString name = QStringLiteral("commit-message");
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("add"), name, QStringLiteral("--title"), QStringLiteral("Commit Message"),
                  QStringLiteral("--body-file"), QStringLiteral("-")},
                 "Write a commit message for:\n\n{{diff}}\n").code,
             0);
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("edit"), name, QStringLiteral("--description"), QStringLiteral("From a diff.")}).code, 0);
    const Run shown = cli({QStringLiteral("prompt"), QStringLiteral("show"), name, QStringLiteral("--json")});
    QCOMPARE(shown.json().value(QStringLiteral("description")).toString(), QStringLiteral("From a diff."));
    QCOMPARE(shown.json().value(QStringLiteral("body")).toString(), QStringLiteral("Write a commit message for:\n\n{{diff}}\n"));
    QVERIFY(cli({QStringLiteral("prompt"), QStringLiteral("list")}).out.contains(QStringLiteral("commit-message   yours")));
    // REALM's own stay as they are; a broken one is refused with the reason.
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("edit"), QStringLiteral("explain"), QStringLiteral("--body"), QStringLiteral("x")}).code, 4);
    const Run broken = cli({QStringLiteral("prompt"), QStringLiteral("add"), QStringLiteral("broken"), QStringLiteral("--title"), QStringLiteral("B"),
                            QStringLiteral("--body"), QStringLiteral("{{#diff}}")});
    QCOMPARE(broken.code, 4);
    QVERIFY(broken.err.contains(QStringLiteral("broken")));

    const QString file = m_dir->filePath(QStringLiteral("prompts.json"));
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("export"), QStringLiteral("--out"), file}).code, 0);
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("import"), file}).code, 4); // the name is taken
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("remove"), name}).code, 0);
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("show"), name}).code, 3);
    const Run imported = cli({QStringLiteral("prompt"), QStringLiteral("import"), file});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY(imported.err.contains(QStringLiteral("1 prompt template")));
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("show"), name, QStringLiteral("--json")}).json().value(QStringLiteral("description")).toString(),
             QStringLiteral("From a diff."));
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("import"), file, QStringLiteral("--replace")}).code, 0);

    // A copy of one of REALM's own, to change.
    QCOMPARE(cli({QStringLiteral("prompt"), QStringLiteral("add"), QStringLiteral("my-explain"), QStringLiteral("--from"), QStringLiteral("explain"),
                  QStringLiteral("--title"), QStringLiteral("My Explain")}).code,
             0);
    const QJsonObject copy = cli({QStringLiteral("prompt"), QStringLiteral("show"), QStringLiteral("my-explain"), QStringLiteral("--json")}).json();
    QCOMPARE(copy.value(QStringLiteral("title")).toString(), QStringLiteral("My Explain"));
    QCOMPARE(copy.value(QStringLiteral("built_in")).toBool(), false);
    QCOMPARE(copy.value(QStringLiteral("body")).toString(), Prompts::builtInPrompts().first().body);
}

QTEST_GUILESS_MAIN(tst_CliChat)
#include "tst_clichat.moc"
