// SPDX-License-Identifier: GPL-3.0-or-later
// Every `realm-cli --json` output follows one convention: snake_case keys,
// RFC 3339 UTC times for every "…_at" key, ids named "…_id" when they point
// at another entity. Runs each command a user can ask for JSON against one
// workspace with real data (a project refreshed once, documents, a stored
// template, a provider and a conversation with the loopback mock provider).
#include "common/jsontime.h"
#include "mockllmserver.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Realm;
using Realm::Test::MockLlmServer;

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
    // One object per line (JSON Lines for lists).
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> objects;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            objects.append(QJsonDocument::fromJson(line.toUtf8()).object());
        return objects;
    }
};

// Keys whose children are data, not names: language ids and marker words.
bool childKeysAreData(const QString &key)
{
    return key == QLatin1String("marker_counts") || key == QLatin1String("languages_by_files");
}

// Collects every break of the convention under `path`.
void checkConvention(const QJsonValue &value, const QString &path, QStringList &problems)
{
    static const QRegularExpression snakeCase(QStringLiteral("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkConvention(array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), problems);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString where = path + QLatin1Char('.') + it.key();
        if (!snakeCase.match(it.key()).hasMatch())
            problems << QStringLiteral("%1: key is not snake_case").arg(where);
        if (it.key().endsWith(QLatin1String("_at")) && !Json::timeFrom(it.value()))
            problems << QStringLiteral("%1: %2 is not an RFC 3339 time").arg(where, QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)));
        if (it.key().endsWith(QLatin1String("_at")) && !it.value().toString().endsWith(QLatin1Char('Z')))
            problems << QStringLiteral("%1: not in UTC").arg(where);
        if (!childKeysAreData(it.key()))
            checkConvention(it.value(), where, problems);
    }
}
} // namespace

class tst_CliJson final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyJsonOutputFollowsOneConvention_data();
    void everyJsonOutputFollowsOneConvention();
    void shapesNameTheirFields();

private:
    Run cli(const QStringList &args, const QByteArray &input = {});

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_source;
    std::unique_ptr<MockLlmServer> m_server;
    QString m_conversation;
    QString m_document;
};

Run tst_CliJson::cli(const QStringList &args, const QByteArray &input)
{
    // Started without blocking the event loop, so the mock server in this
    // process can answer it.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_WORKSPACE"), m_workspace);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/realm-no-bus"));
    env.remove(QStringLiteral("REALM_API_KEY"));
    process.setProcessEnvironment(env);
    process.start(Test::realmBinary(QStringLiteral("realm-cli")), args);
    process.write(input);
    process.closeWriteChannel();
    Run r;
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

void tst_CliJson::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("ws.realm"));
    m_source = m_dir.filePath(QStringLiteral("src"));
    Test::writeFile(m_source, QStringLiteral("lib/math.h"), "/** Adds two numbers. */\nint add(int a, int b);\n// TODO: subtract\n");
    Test::writeFile(m_source, QStringLiteral("README.md"), "# Sample\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), m_source, QStringLiteral("--name"), QStringLiteral("sample")}).code, 0);
    Test::writeFile(m_source, QStringLiteral("lib/math.c"), "int add(int a, int b) { return a + b; }\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("sample")}).code, 0);

    const QString out = m_dir.filePath(QStringLiteral("docs"));
    const Run docs = cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(docs.code == 0, qPrintable(docs.err));
    m_document = docs.lines().value(0).value(QStringLiteral("id")).toString();
    const QString templateFile = m_dir.filePath(QStringLiteral("short.mustache"));
    Test::writeFile(m_dir.path(), QStringLiteral("short.mustache"), "# {{project_name}}\n");
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("add"), QStringLiteral("short"), QStringLiteral("--kind"),
                  QStringLiteral("api"), QStringLiteral("--file"), templateFile}).code, 0);

    m_server = std::make_unique<MockLlmServer>();
    const Run provider = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("mock"), QStringLiteral("--kind"), QStringLiteral("openai"),
                              QStringLiteral("--url"), m_server->baseUrl(QStringLiteral("/v1")), QStringLiteral("--model"), QStringLiteral("mock-model")});
    QVERIFY2(provider.code == 0, qPrintable(provider.err));
    m_server->enqueue(MockLlmServer::openAiStream({QStringLiteral("It adds.")}));
    const Run ask = cli({QStringLiteral("chat"), QStringLiteral("--project"), QStringLiteral("sample"), QStringLiteral("--json"),
                         QStringLiteral("What does add do?")});
    QVERIFY2(ask.code == 0, qPrintable(ask.err));
    m_conversation = ask.lines().value(0).value(QStringLiteral("conversation_id")).toString();
    QVERIFY(!m_conversation.isEmpty());
}

void tst_CliJson::everyJsonOutputFollowsOneConvention_data()
{
    QTest::addColumn<QStringList>("args");
    const auto row = [](const char *name, const QStringList &args) { QTest::newRow(name) << args; };
    row("project list", {QStringLiteral("project"), QStringLiteral("list")});
    row("project show", {QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("sample")});
    row("project files", {QStringLiteral("project"), QStringLiteral("files"), QStringLiteral("sample")});
    row("project versions", {QStringLiteral("project"), QStringLiteral("versions"), QStringLiteral("sample")});
    row("project stats", {QStringLiteral("project"), QStringLiteral("stats"), QStringLiteral("sample")});
    row("project templates", {QStringLiteral("project"), QStringLiteral("templates")});
    row("project refresh", {QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("sample")});
    row("search", {QStringLiteral("search"), QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("add")});
    row("cat", {QStringLiteral("cat"), QStringLiteral("sample"), QStringLiteral("lib/math.h")});
    row("docs list", {QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("sample")});
    row("docs template list", {QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("list")});
    row("provider list", {QStringLiteral("provider"), QStringLiteral("list")});
    row("chat list", {QStringLiteral("chat"), QStringLiteral("list")});
    row("chat search", {QStringLiteral("chat"), QStringLiteral("search"), QStringLiteral("adds")});
    row("version", {QStringLiteral("--version")});
    row("project new", {QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("go-module"),
                        QStringLiteral("--var"), QStringLiteral("project_name=kite"), QStringLiteral("--out"), QStringLiteral("{dir}/kite")});
    row("project export", {QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("sample"), QStringLiteral("--out"),
                           QStringLiteral("{dir}/sample.zip")});
    row("chat show", {QStringLiteral("chat"), QStringLiteral("show"), QStringLiteral("{conversation}")});
}

void tst_CliJson::everyJsonOutputFollowsOneConvention()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(QStringLiteral("{conversation}"), m_conversation);
    args.replaceInStrings(QStringLiteral("{dir}"), m_dir.path());
    const Run r = cli(QStringList{QStringLiteral("--json")} + args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QString text = r.out;
    // `chat show --json` prints one indented document, the rest JSON Lines.
    const QList<QJsonObject> objects = args.startsWith(QStringLiteral("chat")) && args.contains(QStringLiteral("show"))
                                           ? QList<QJsonObject>{QJsonDocument::fromJson(text.toUtf8()).object()}
                                           : r.lines();
    QVERIFY2(!objects.isEmpty() && !objects.first().isEmpty(), qPrintable(text));
    QStringList problems;
    for (const QJsonObject &object : objects)
        checkConvention(object, QStringLiteral("$"), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_CliJson::shapesNameTheirFields()
{
    const QJsonObject version = cli({QStringLiteral("--json"), QStringLiteral("project"), QStringLiteral("versions"), QStringLiteral("sample")}).lines().constLast();
    QCOMPARE(version.value(QStringLiteral("number")).toInt(), 2);
    QCOMPARE(version.value(QStringLiteral("kind")).toString(), QStringLiteral("refresh"));
    QCOMPARE(version.value(QStringLiteral("added")).toInt(), 1);
    QVERIFY(Json::timeFrom(version.value(QStringLiteral("created_at"))));

    const QJsonObject document = cli({QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("sample")}).lines().value(0);
    QCOMPARE(document.value(QStringLiteral("id")).toString(), m_document);
    QCOMPARE(document.value(QStringLiteral("kind")).toString(), QStringLiteral("api"));
    QCOMPARE(document.value(QStringLiteral("stats")).toObject().value(QStringLiteral("documented")).toInt(), 1);
    QVERIFY(document.value(QStringLiteral("stats")).toObject().contains(QStringLiteral("files_extracted")));

    const QList<QJsonObject> templates = cli({QStringLiteral("--json"), QStringLiteral("project"), QStringLiteral("templates")}).lines();
    QVERIFY(!templates.isEmpty());
    QCOMPARE(templates.first().value(QStringLiteral("built_in")).toBool(), true);

    const QJsonObject docTemplate = cli({QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("template"), QStringLiteral("list")}).lines().value(0);
    QCOMPARE(docTemplate.value(QStringLiteral("name")).toString(), QStringLiteral("short"));
    QVERIFY(Json::timeFrom(docTemplate.value(QStringLiteral("updated_at"))));

    const QJsonObject conversation = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("list")}).lines().value(0);
    QCOMPARE(conversation.value(QStringLiteral("id")).toString(), m_conversation);
    QVERIFY(!conversation.value(QStringLiteral("project_id")).toString().isEmpty());
    QCOMPARE(conversation.value(QStringLiteral("usage")).toObject().value(QStringLiteral("output_tokens")).toInt(), 1); // the mock counts one token per piece

    const QJsonObject hit = cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("search"), QStringLiteral("adds")}).lines().value(0);
    QCOMPARE(hit.value(QStringLiteral("conversation_id")).toString(), m_conversation);
    QVERIFY(!hit.value(QStringLiteral("message_id")).toString().isEmpty());

    const QJsonObject stats = cli({QStringLiteral("--json"), QStringLiteral("project"), QStringLiteral("stats"), QStringLiteral("sample")}).lines().value(0);
    QCOMPARE(stats.value(QStringLiteral("marker_counts")).toObject().value(QStringLiteral("TODO")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("growth")).toArray().size(), 2);
}

QTEST_GUILESS_MAIN(tst_CliJson)
#include "tst_clijson.moc"
