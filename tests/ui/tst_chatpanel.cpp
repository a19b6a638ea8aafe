// SPDX-License-Identifier: GPL-3.0-or-later
// The chat panel on the offscreen platform, talking to the loopback mock
// provider: streaming, stop, regenerate, versions, edit, search, export.
#include "chat/chatinput.h"
#include "chat/chatpanel.h"
#include "chat/chatview.h"
#include "chat/conversationstore.h"
#include "chat/promptpicker.h"
#include "chat/providerdialog.h"
#include "mockllmserver.h"
#include "mockprofile.h"
#include "codeview/codehighlighting.h"
#include "files/filetreemodel.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "prompts/promptstore.h"
#include "secrets/memorysecretstore.h"
#include "settings/appsettings.h"
#include "testworkspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QJsonArray>
#include <QMimeData>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTextTable>
#include <QToolButton>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::MockLlmServer;
using Realm::Test::TestWorkspace;

namespace {
void addProfile(TestWorkspace &ws, const MockLlmServer &server, int maxRetries = 0)
{
    Secrets::MemorySecretStore none;
    Chat::ProviderStore store(ws.db(), &none, &none);
    Chat::ProviderProfile profile = Test::mockProfile(server);
    profile.maxRetries = maxRetries;
    QVERIFY(store.create(profile));
}

// Types a question and presses Enter, like a user.
void ask(ChatPanel &panel, const QString &question)
{
    panel.input()->setFocus();
    QTest::keyClicks(panel.input(), question);
    QTest::keyClick(panel.input(), Qt::Key_Return);
}

// What realm-cli said and how it ended, run on the fixture's workspace.
struct CliRun {
    int exitCode = -1;
    QString error; // stderr, without the "realm-cli: " prefix
};
struct Fixture;
CliRun runCli(Fixture &f, const QStringList &arguments);

// The panel's status line as a person reads it.
QString statusText(ChatPanel &panel)
{
    QTextDocument document;
    document.setHtml(panel.findChild<QLabel *>(QStringLiteral("chatStatus"))->text());
    return document.toPlainText();
}

struct Fixture {
    TestWorkspace ws;
    MockLlmServer server;
    Secrets::MemorySecretStore keychain;
    std::unique_ptr<ChatPanel> panel;

    bool open(int maxRetries = 0)
    {
        addProfile(ws, server, maxRetries);
        panel = std::make_unique<ChatPanel>(ws.db(), &keychain);
        panel->resize(520, 700);
        panel->show();
        // Providers load in the background.
        return QTest::qWaitFor([this] { return panel->providerBox()->count() == 2; }, 10000);
    }
};
CliRun runCli(Fixture &f, const QStringList &arguments)
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_WORKSPACE"), f.ws.path());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/realm-no-bus"));
    env.remove(QStringLiteral("REALM_API_KEY"));
    cli.setProcessEnvironment(env);
    cli.start(Test::realmBinary(QStringLiteral("realm-cli")), arguments);
    // The mock answers on this thread: wait with its events running.
    if (!QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30000))
        return {};
    QString error = QString::fromUtf8(cli.readAllStandardError()).trimmed();
    error.remove(0, error.lastIndexOf(QLatin1Char('\n')) + 1); // its last line: the error itself
    if (error.startsWith(QLatin1String("realm-cli: ")))
        error.remove(0, int(qstrlen("realm-cli: ")));
    return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1, error};
}

// The provider dialog over a workspace, a test keychain and the mock server.
struct DialogFixture {
    TestWorkspace ws;
    MockLlmServer server;
    Secrets::MemorySecretStore keychain;
    Secrets::MemorySecretStore session;
    Chat::ProviderStore store{ws.db(), &keychain, &session};
    QNetworkAccessManager network;
    ProviderDialog dialog{ws.db(), &store, &network};

    DialogFixture()
    {
        QSignalSpy loaded(&dialog, &ProviderDialog::profilesLoaded);
        dialog.show();
        // The form is filled once the (empty) list has loaded: not before.
        if (!loaded.wait(10000))
            qFatal("the provider dialog did not load its profiles");
    }
    Chat::ProviderProfile profile(const QString &name) const
    {
        Chat::ProviderProfile p;
        p.name = name;
        p.kind = Chat::ProviderProfile::Kind::OpenAiCompatible;
        p.baseUrl = QUrl(server.baseUrl(QStringLiteral("/v1")));
        return p;
    }
};
} // namespace

class tst_ChatPanel final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void answerStreamsIntoThePanelAndIsKept();
    void escapeStopsTheAnswerAndKeepsWhatArrived();
    void regenerateAddsAVersionAndTheArrowsFlipBetweenThem();
    void upArrowEditsTheLastQuestionAsANewVersion();
    void historySearchFindsAndOpensAConversation();
    void codeBlocksAndMessagesCopyWithOneClick();
    void modelHtmlIsShownAsText();
    void withoutAProviderThePanelSaysWhatToDo();
    void exportWritesTheConversation();
    void providerDialogTestsTheConnection();
    void providerDialogChecksTheFormAsItIsTypedAndSavesOnEnter();
    void toolStepsAreShownInTheConversation();
    void filesDroppedFromTheTreeGoWithTheNextQuestion();
    void codeBlocksAreHighlighted();
    void answersLookLikeAModernChat();
    void aThemeSwitchRestylesWhatIsShown();
    void desktopAndCliAskTheSameQuestionTheSameWay();
    void desktopAndCliFailInTheSameWords();
    void slashOffersPromptTemplatesAndFillsTheQuestion();
    void theAnswerAreaSaysWhatItWaitsFor();
    void aFailureIsOneCardWithRetryAndEditProvider();
    void aQuestionThatCannotBeAskedIsKeptAndSaysWhy();
    void nothingIsSentWithoutAModelAndTheChoiceIsRemembered();
    void aNewProviderTakesItsModelsFromTheConnectionTest();
};

void tst_ChatPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("tst_chatpanel"));
}

void tst_ChatPanel::init()
{
    QSettings().clear(); // the model remembered per provider
}

void tst_ChatPanel::answerStreamsIntoThePanelAndIsKept()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Use **QSaveFile**: "), QStringLiteral("it writes atomically.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("How do I save safely?"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(f.panel->input()->toPlainText().isEmpty());
    // The stored version replaces the live one: with what it cost.
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->toPlainText().contains(QStringLiteral("out tokens")); }, 10000));
    const QString shown = f.panel->view()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("How do I save safely?")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("Use QSaveFile: it writes atomically."))); // Markdown rendered, not shown raw
    QVERIFY(f.panel->view()->toHtml().contains(QStringLiteral("font-weight:700")));
    const QList<Chat::Conversation> conversations = *Chat::ConversationStore(f.ws.db()).list();
    QCOMPARE(conversations.size(), 1);
    QCOMPARE(conversations.first().title, QStringLiteral("How do I save safely?"));
    QCOMPARE(f.panel->conversationId(), conversations.first().id);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(f.panel->grab().save(dir + QStringLiteral("/chat-panel.png")));
}

void tst_ChatPanel::escapeStopsTheAnswerAndKeepsWhatArrived()
{
    Fixture f;
    QVERIFY(f.open());
    MockLlmServer::Response held = MockLlmServer::openAiStream({QStringLiteral("The first half"), QStringLiteral(" and more")});
    held.holdAfterChunks = 2;
    f.server.enqueue(held);
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Tell me everything"));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->toPlainText().contains(QStringLiteral("The first half")); }, 10000));
    QVERIFY(f.panel->isBusy());
    QVERIFY(f.panel->findChild<QPushButton *>(QStringLiteral("chatStop"))->isVisible());
    QVERIFY(!f.panel->findChild<QPushButton *>(QStringLiteral("chatSend"))->isEnabled());
    QTest::keyClick(f.panel->input(), Qt::Key_Escape);
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!f.panel->isBusy());
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->toPlainText().contains(QStringLiteral("Stopped before the end.")); }, 10000));
    QVERIFY(f.panel->view()->toPlainText().contains(QStringLiteral("The first half")));
}

void tst_ChatPanel::regenerateAddsAVersionAndTheArrowsFlipBetweenThem()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("First answer.")}));
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Second answer.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Question"));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->thread().size() == 2; }, 10000));
    const QString answerId = f.panel->view()->thread().last().id;
    emit f.panel->view()->anchorClicked(QUrl(QStringLiteral("realm-regenerate:") + answerId));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] {
        return f.panel->view()->toPlainText().contains(QStringLiteral("Second answer.")) && f.panel->view()->toPlainText().contains(QStringLiteral("2/2"));
    }, 10000));
    QVERIFY(!f.panel->view()->toPlainText().contains(QStringLiteral("First answer.")));
    const QString second = f.panel->view()->thread().last().id;
    QSignalSpy opened(f.panel.get(), &ChatPanel::conversationOpened);
    emit f.panel->view()->anchorClicked(QUrl(QStringLiteral("realm-version:%1?step=-1").arg(second)));
    QVERIFY(opened.wait(10000));
    QVERIFY(f.panel->view()->toPlainText().contains(QStringLiteral("First answer.")));
    QVERIFY(f.panel->view()->toPlainText().contains(QStringLiteral("1/2")));
}

void tst_ChatPanel::upArrowEditsTheLastQuestionAsANewVersion()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("About cats.")}));
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("About dogs.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Tell me about cats"));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->thread().size() == 2; }, 10000));
    QTest::keyClick(f.panel->input(), Qt::Key_Up);
    QCOMPARE(f.panel->input()->toPlainText(), QStringLiteral("Tell me about cats"));
    f.panel->input()->clear();
    ask(*f.panel, QStringLiteral("Tell me about dogs"));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] {
        const QList<Chat::Message> &shown = f.panel->view()->thread();
        return shown.size() == 2 && shown.last().content == QLatin1String("About dogs.");
    }, 10000));
    const QList<Chat::Message> thread = f.panel->view()->thread();
    QCOMPARE(thread.size(), 2);
    QCOMPARE(thread.first().content, QStringLiteral("Tell me about dogs"));
    QCOMPARE(thread.first().versionCount, 2);
    // The edited question went without the old exchange.
    QCOMPARE(f.server.requests().at(1).json().value(QStringLiteral("messages")).toArray().size(), 2);
}

void tst_ChatPanel::historySearchFindsAndOpensAConversation()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("A semaphore counts.")}));
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("A mutex excludes.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("semaphore?"));
    QVERIFY(finished.wait(10000));
    const QString first = f.panel->conversationId();
    f.panel->newConversation();
    ask(*f.panel, QStringLiteral("mutex?"));
    QVERIFY(finished.wait(10000));
    QVERIFY(f.panel->conversationId() != first);

    auto *history = f.panel->findChild<QListWidget *>(QStringLiteral("chatHistory"));
    auto *search = f.panel->findChild<QLineEdit *>(QStringLiteral("chatSearch"));
    QSignalSpy loaded(f.panel.get(), &ChatPanel::historyLoaded);
    QTest::keyClicks(search, QStringLiteral("sema"));
    QVERIFY(QTest::qWaitFor([&] { return history->count() > 0 && history->item(0)->text().contains(QStringLiteral("[semaphore]")); }, 10000));
    QSignalSpy opened(f.panel.get(), &ChatPanel::conversationOpened);
    emit history->itemActivated(history->item(0));
    QVERIFY(opened.wait(10000));
    QCOMPARE(f.panel->conversationId(), first);
    QVERIFY(f.panel->view()->toPlainText().contains(QStringLiteral("A semaphore counts.")));
}

void tst_ChatPanel::codeBlocksAndMessagesCopyWithOneClick()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Like this:\n\n```cpp\nQSaveFile f(path);\n"), QStringLiteral("f.commit();\n```\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nDone.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Show code"));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->thread().size() == 2; }, 10000));
    QCOMPARE(f.panel->view()->codeBlocks(), QStringList({QStringLiteral("QSaveFile f(path);\nf.commit();")}));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(f.panel->grab().save(dir + QStringLiteral("/chat-code.png")));
    emit f.panel->view()->anchorClicked(QUrl(QStringLiteral("realm-copy:0")));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("QSaveFile f(path);\nf.commit();"));
    emit f.panel->view()->anchorClicked(QUrl(QStringLiteral("realm-copy-message:") + f.panel->view()->thread().last().id));
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("Like this:\n\n```cpp")));
}

void tst_ChatPanel::modelHtmlIsShownAsText()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("<b>bold?</b> <img src=\"file:///etc/hostname\"> <a href=\"javascript:alert(1)\">x</a>")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("html"));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->thread().size() == 2; }, 10000));
    const QString shown = f.panel->view()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("<b>bold?</b>")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("<img src=")));
}

void tst_ChatPanel::withoutAProviderThePanelSaysWhatToDo()
{
    TestWorkspace ws;
    Secrets::MemorySecretStore keychain;
    ChatPanel panel(ws.db(), &keychain);
    panel.show();
    QVERIFY(QTest::qWaitFor([&] { return panel.providerBox()->count() == 1; }, 10000)); // just "Manage providers…"
    ask(panel, QStringLiteral("hello?"));
    auto *status = panel.findChild<QLabel *>(QStringLiteral("chatStatus"));
    QVERIFY(QTest::qWaitFor([&] { return status->text().contains(QStringLiteral("No LLM provider is set up")); }, 10000));
    QVERIFY(!panel.isBusy());
}

void tst_ChatPanel::exportWritesTheConversation()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Exported answer.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Export me"));
    QVERIFY(finished.wait(10000));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("chat.md"));
    f.panel->exportConversation(file);
    auto *status = f.panel->findChild<QLabel *>(QStringLiteral("chatStatus"));
    QVERIFY(QTest::qWaitFor([&] { return status->text().contains(QStringLiteral("Exported to")); }, 10000));
    QFile md(file);
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(md.readAll());
    QVERIFY(text.startsWith(QStringLiteral("# Export me")));
    QVERIFY(text.contains(QStringLiteral("Exported answer.")));
}

void tst_ChatPanel::providerDialogTestsTheConnection()
{
    DialogFixture f;
    TestWorkspace &ws = f.ws;
    MockLlmServer &server = f.server;
    Chat::ProviderStore &store = f.store;
    ProviderDialog &dialog = f.dialog;
    server.enqueue(MockLlmServer::jsonResponse(200, R"({"object":"list","data":[{"id":"m1"},{"id":"m2"}]})"));
    server.enqueue(MockLlmServer::jsonResponse(401, R"({"error":{"message":"bad key","type":"invalid_request_error","code":"invalid_api_key"}})"));
    Chat::ProviderProfile profile = f.profile(QStringLiteral("local"));
    profile.defaultModel = QStringLiteral("m1");
    dialog.setForm(profile, QStringLiteral("sk-typed"), false);
    QSignalSpy saved(&dialog, &ProviderDialog::saved);
    dialog.save();
    QVERIFY(!saved.isEmpty() || saved.wait(10000));
    const Chat::StoredProfile stored = *store.find(QStringLiteral("local"));
    QCOMPARE(stored.keyStorage, Chat::KeyStorage::Keychain); // the (test) keychain took it
    // The key is nowhere on disk: not in the workspace, not in the settings.
    QSettings().sync();
    for (const QString &file : QStringList{ws.path(), ws.path() + QStringLiteral("-wal"), QSettings().fileName()}) {
        QFile onDisk(file);
        if (onDisk.open(QIODevice::ReadOnly))
            QVERIFY2(!onDisk.readAll().contains("sk-typed"), qPrintable(file));
    }
    QSignalSpy tested(&dialog, &ProviderDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().first().toBool(), true);
    QVERIFY(tested.first().at(1).toString().contains(QStringLiteral("2 model(s)")));
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer sk-typed"));
    QCOMPARE(store.find(QStringLiteral("local"))->models, QStringList({QStringLiteral("m1"), QStringLiteral("m2")}));
    dialog.testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.at(1).first().toBool(), false);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("providerTestResult"))->text().contains(QStringLiteral("API key")));
}

void tst_ChatPanel::providerDialogChecksTheFormAsItIsTypedAndSavesOnEnter()
{
    DialogFixture f;
    auto *name = f.dialog.findChild<QLineEdit *>(QStringLiteral("providerName"));
    auto *url = f.dialog.findChild<QLineEdit *>(QStringLiteral("providerUrl"));
    auto *save = f.dialog.findChild<QPushButton *>(QStringLiteral("saveProvider"));
    auto *nameNote = f.dialog.findChild<QLabel *>(QStringLiteral("providerNameNote"));
    auto *urlNote = f.dialog.findChild<QLabel *>(QStringLiteral("providerUrlNote"));
    QVERIFY(name && url && save && nameNote && urlNote);
    name->clear();
    QVERIFY(!save->isEnabled()); // no name yet: nothing said, nothing to save
    QVERIFY(!nameNote->isVisible());
    name->setText(QStringLiteral("   "));
    QVERIFY(nameNote->isVisible());
    QCOMPARE(nameNote->text(), QStringLiteral("A provider profile needs a name."));
    QTest::keyClicks(name, QStringLiteral("local"));
    QVERIFY(!nameNote->isVisible());
    url->setText(QStringLiteral("ftp://127.0.0.1/v1"));
    QVERIFY(urlNote->isVisible());
    QVERIFY2(urlNote->text().contains(QStringLiteral("not an http(s) URL")), qPrintable(urlNote->text()));
    QVERIFY(!save->isEnabled());
    url->setText(f.server.baseUrl(QStringLiteral("/v1")));
    QVERIFY(!urlNote->isVisible());
    QVERIFY(save->isEnabled());
    // Enter in a field saves: Test Connection, Add and Remove never take it.
    QVERIFY(save->isDefault());
    QSignalSpy saved(&f.dialog, &ProviderDialog::saved);
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(!saved.isEmpty() || saved.wait(10000));
    QVERIFY(f.store.find(QStringLiteral("local")).ok());
    QVERIFY(f.dialog.isVisible());
}

void tst_ChatPanel::toolStepsAreShownInTheConversation()
{
    Fixture f;
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("src/limits.h"), "constexpr int kMaxUsers = 42;\n");
    const Projects::ImportReport report = *Projects::ProjectImporter(f.ws.db()).importProject(source.path(), {});
    QVERIFY(f.open());
    f.panel->setProject(report.project.id, report.project.name);
    f.server.enqueue(MockLlmServer::openAiToolCalls({{QStringLiteral("read_file"), QStringLiteral(R"({"path":"src/limits.h"})")}}));
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("42 users.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("How many users?"));
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->view()->toPlainText().contains(QStringLiteral("42 users.")); }, 10000));
    QSignalSpy opened(f.panel.get(), &ChatPanel::conversationOpened);
    f.panel->openConversation(f.panel->conversationId());
    QVERIFY(opened.wait(10000));
    const QString shown = f.panel->view()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("Looks up read_file(path: src/limits.h)")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("Tool result")));
    QVERIFY(shown.contains(QStringLiteral("constexpr int kMaxUsers = 42;")));
    QVERIFY(f.server.requests().first().json().contains(QStringLiteral("tools")));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(f.panel->grab().save(dir + QStringLiteral("/chat-tools.png")));
}

void tst_ChatPanel::filesDroppedFromTheTreeGoWithTheNextQuestion()
{
    Fixture f;
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("src/a.cpp"), "int a = 1;\n");
    Test::writeFile(source.path(), QStringLiteral("src/b.cpp"), "int b = 2;\n");
    Test::writeFile(source.path(), QStringLiteral("README.md"), "# Readme\n");
    const Projects::ImportReport report = *Projects::ProjectImporter(f.ws.db()).importProject(source.path(), {});
    QVERIFY(f.open());
    f.panel->setProject(report.project.id, report.project.name);
    FileTreeModel tree;
    tree.setTree(FileTreeModel::buildTree(*Projects::ProjectStore(f.ws.db()).files(report.project.id)));
    // Drag the src folder and README.md from the file tree.
    std::unique_ptr<QMimeData> mime(tree.mimeData({tree.indexForPath(QStringLiteral("src")), tree.indexForPath(QStringLiteral("README.md"))}));
    QCOMPARE(QString::fromUtf8(mime->data(QString::fromLatin1(FileTreeModel::kPathsMimeType))), QStringLiteral("src/\nREADME.md"));
    QSignalSpy attached(f.panel.get(), &ChatPanel::attachmentsChanged);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.panel.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.panel.get(), &drop);
    QVERIFY(attached.wait(10000));

    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Three files.")}));
    f.panel->findChild<QCheckBox *>(QStringLiteral("projectContext"))->setChecked(false); // only what was dropped
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("What do these do?"));
    QVERIFY(finished.wait(10000));
    const QString sent = f.server.requests().first().json().value(QStringLiteral("messages")).toArray().last().toObject()
                             .value(QStringLiteral("content")).toString();
    QVERIFY2(sent.contains(QStringLiteral("### src/a.cpp\n\nint a = 1;")), qPrintable(sent));
    QVERIFY(sent.contains(QStringLiteral("### src/b.cpp")));
    QVERIFY(sent.contains(QStringLiteral("### README.md")));
}

void tst_ChatPanel::codeBlocksAreHighlighted()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("```cpp\nint main() {\n    return 0;\n"), QStringLiteral("}\n```\n")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Smallest C++ program?"));
    QVERIFY(finished.wait(10000));
    QTextBlock block = f.panel->view()->document()->begin();
    while (block.isValid() && block.text() != QLatin1String("    return 0;"))
        block = block.next();
    QVERIFY(block.isValid());
    bool coloured = false;
    for (auto it = block.begin(); !it.atEnd(); ++it)
        coloured = coloured || it.fragment().charFormat().hasProperty(QTextFormat::ForegroundBrush);
    QVERIFY2(coloured, "the keyword `return` should have a colour of its own");
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(f.panel->grab().save(dir + QStringLiteral("/chat-highlighted.png")));
}

namespace {
// Every table in the document, nested ones too (code cards, quotes, tables).
QList<QTextTable *> tablesIn(QTextFrame *frame)
{
    QList<QTextTable *> tables;
    for (QTextFrame *child : frame->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(child))
            tables << table;
        tables += tablesIn(child);
    }
    return tables;
}

QString cellText(QTextTable *table, int row, int column)
{
    QTextCursor cursor = table->cellAt(row, column).firstCursorPosition();
    cursor.setPosition(table->cellAt(row, column).lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return cursor.selection().toPlainText();
}

QStringList anchorsIn(QTextTable *table, int row, int column)
{
    QStringList anchors;
    for (auto block = table->cellAt(row, column).begin(); !block.atEnd(); ++block) {
        const QTextBlock b = block.currentBlock();
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor())
                anchors << it.fragment().charFormat().anchorHref();
        }
    }
    return anchors;
}
} // namespace

void tst_ChatPanel::answersLookLikeAModernChat()
{
    Fixture f;
    QVERIFY(f.open());
    f.panel->resize(520, 700);
    f.panel->show();
    const QString answer = QStringLiteral("Intro paragraph.\n\n> A quoted line.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                                          "```cpp\nint x = 1;\n```\n\nDone.\n");
    f.server.enqueue(MockLlmServer::openAiStream({answer}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Show me everything"));
    QVERIFY(finished.wait(10000));
    ChatView *view = f.panel->view();
    QTRY_COMPARE(view->thread().size(), 2);

    QTextTable *code = nullptr, *quote = nullptr, *grid = nullptr;
    for (QTextTable *table : tablesIn(view->document()->rootFrame())) {
        if (cellText(table, 0, 0) == QLatin1String("cpp"))
            code = table;
        else if (cellText(table, 0, 0) == QLatin1String("A quoted line."))
            quote = table;
        else if (cellText(table, 0, 0) == QLatin1String("a"))
            grid = table;
    }
    // A code block is a card: a header band with its language and Copy, over the code.
    QVERIFY(code);
    QCOMPARE(anchorsIn(code, 0, 1), QStringList{QStringLiteral("realm-copy:0")});
    auto *card = qobject_cast<QTextTable *>(code->parentFrame());
    QVERIFY(card);
    QCOMPARE(card->rows(), 2);
    QCOMPARE(cellText(card, 1, 0), QStringLiteral("int x = 1;"));
    // A quote has a bar on its left.
    QVERIFY(quote);
    QCOMPARE(quote->cellAt(0, 0).format().toTableCellFormat().leftBorder(), 3.0);
    // A table has single rules.
    QVERIFY(grid);
    QVERIFY(grid->format().borderCollapse());
    QCOMPARE(cellText(grid, 1, 1), QStringLiteral("2"));

    // The answer's actions appear when the mouse is over it: Copy and Regenerate.
    const Chat::Message question = view->thread().first();
    const Chat::Message reply = view->thread().last();
    QVERIFY(!view->messageActions()->isVisible());
    const QPoint overAnswer = view->cursorRect(view->document()->find(QStringLiteral("Intro paragraph."))).center();
    QTest::mouseMove(view->viewport(), overAnswer);
    QTRY_VERIFY(view->messageActions()->isVisible());
    QCOMPARE(view->hoveredMessageId(), reply.id);
    auto *copy = view->messageActions()->findChild<QToolButton *>(QStringLiteral("copyMessage"));
    auto *edit = view->messageActions()->findChild<QToolButton *>(QStringLiteral("editMessage"));
    auto *regenerate = view->messageActions()->findChild<QToolButton *>(QStringLiteral("regenerateMessage"));
    QVERIFY(copy->isVisible() && regenerate->isVisible() && !edit->isVisible());
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(f.panel->grab().save(dir + QStringLiteral("/chat-answer.png")));
    QSignalSpy copied(view, &ChatView::copyRequested);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.first().first().toString(), reply.content);

    // Over the question: Copy and Edit.
    const QPoint overQuestion = view->cursorRect(view->document()->find(QStringLiteral("Show me everything"))).center();
    QTest::mouseMove(view->viewport(), overQuestion);
    QTRY_COMPARE(view->hoveredMessageId(), question.id);
    QVERIFY(edit->isVisible() && !regenerate->isVisible());
    QSignalSpy editing(view, &ChatView::editRequested);
    QTest::mouseClick(edit, Qt::LeftButton);
    QCOMPARE(editing.size(), 1);
    QCOMPARE(editing.first().first().value<Chat::Message>().content, QStringLiteral("Show me everything"));
}

namespace {
// The colour of `return` in the code line "    return 0;", as drawn.
QColor keywordColour(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.text() != QLatin1String("    return 0;"))
            continue;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().text().contains(QStringLiteral("return")))
                return it.fragment().charFormat().foreground().color();
        }
    }
    return {};
}
} // namespace

void tst_ChatPanel::aThemeSwitchRestylesWhatIsShown()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("```cpp\nint main() {\n    return 0;\n}\n```\n")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Smallest C++ program?"));
    QVERIFY(finished.wait(10000));
    applyAppearance(AppSettings::Theme::Light);
    const QColor light = keywordColour(f.panel->view()->document());
    QVERIFY(light.isValid());
    applyAppearance(AppSettings::Theme::Dark);
    const bool restyled = QTest::qWaitFor([&] { return keywordColour(f.panel->view()->document()) != light; }, 5000);
    applyAppearance(AppSettings::Theme::System);
    QVERIFY2(restyled, "the code keeps its light theme's colours in the dark");
    QVERIFY(f.panel->view()->toPlainText().contains(QStringLiteral("return 0;"))); // the same conversation, drawn again
}

void tst_ChatPanel::desktopAndCliAskTheSameQuestionTheSameWay()
{
    // One question about a project, from the panel and from realm-cli on the
    // same workspace: the provider must receive the same request, context
    // and tools included.
    Fixture f;
    QTemporaryDir source;
    Test::writeFile(source.path(), QStringLiteral("src/limits.h"), "constexpr int kMaxUsers = 42;\n");
    Test::writeFile(source.path(), QStringLiteral("src/server.cpp"), "#include \"limits.h\"\nbool full(int users) { return users >= kMaxUsers; }\n");
    const Projects::ImportReport report = *Projects::ProjectImporter(f.ws.db()).importProject(source.path(), {});
    QVERIFY(f.open());
    f.panel->setProject(report.project.id, report.project.name);
    const QString question = QStringLiteral("When is the server full? See @src/limits.h");
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("At 42 users.")}));
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("At 42 users.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, question);
    QVERIFY(finished.wait(10000));

    const CliRun cli = runCli(f, {QStringLiteral("chat"), QStringLiteral("--project"), report.project.id, QStringLiteral("--json"), question});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.error));

    QCOMPARE(f.server.requests().size(), 2);
    const QJsonObject fromDesktop = f.server.requests().at(0).json();
    const QJsonObject fromCli = f.server.requests().at(1).json();
    QVERIFY(fromDesktop.contains(QStringLiteral("tools")));
    QVERIFY(fromDesktop.value(QStringLiteral("messages")).toArray().last().toObject().value(QStringLiteral("content")).toString()
                .contains(QStringLiteral("constexpr int kMaxUsers = 42;")));
    QCOMPARE(fromCli, fromDesktop);
}

void tst_ChatPanel::desktopAndCliFailInTheSameWords()
{
    // The same failures, met by the panel and by realm-cli: the same words.
    Fixture f;
    QVERIFY(f.open());
    const QByteArray refused = R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}})";
    f.server.enqueue(MockLlmServer::jsonResponse(401, refused));
    f.server.enqueue(MockLlmServer::jsonResponse(401, refused));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("Why does this fail?"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    const CliRun cliRefusal = runCli(f, {QStringLiteral("chat"), QStringLiteral("Why does this fail?")});
    QVERIFY(cliRefusal.exitCode > 0);
    QVERIFY2(cliRefusal.error.contains(QStringLiteral("check the key")), qPrintable(cliRefusal.error));
    // The desktop says it on the answer's failure card, in a line of its own.
    auto *view = f.panel->findChild<ChatView *>();
    QVERIFY2(QTest::qWaitFor([&] { return view->toPlainText().split(QLatin1Char('\n')).contains(cliRefusal.error); }, 10000),
             qPrintable(view->toPlainText()));

    // The conversation the next question goes to is gone.
    const QString conversationId = f.panel->conversationId();
    QVERIFY(!conversationId.isEmpty());
    QSqlQuery purge(f.ws.db()->connection());
    QVERIFY(purge.exec(QStringLiteral("DELETE FROM conversations")));
    ask(*f.panel, QStringLiteral("And now?"));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->input()->toPlainText() == QLatin1String("And now?"); }, 10000));
    const QString desktopGone = statusText(*f.panel);
    const CliRun cliGone = runCli(f, {QStringLiteral("chat"), QStringLiteral("--conversation"), conversationId, QStringLiteral("And now?")});
    QVERIFY(cliGone.exitCode > 0);
    QVERIFY(!desktopGone.isEmpty());
    QCOMPARE(cliGone.error, desktopGone);
    QCOMPARE(f.server.requests().size(), 2);
}

void tst_ChatPanel::slashOffersPromptTemplatesAndFillsTheQuestion()
{
    Fixture f;
    QVERIFY(Prompts::PromptStore(f.ws.db()).save({QStringLiteral("terse-review"), QStringLiteral("Terse Review"), {},
                                                   QStringLiteral("Review {{file}} in three lines:\n{{selection}}"), false, 0, 0, {}, {}}));
    QVERIFY(f.open());
    const Prompts::PromptValues code{QStringLiteral("int half(int x) { return x / 2; }"), QStringLiteral("src/half.cpp"), QStringLiteral("C++"),
                                     QStringLiteral("cpp"), QStringLiteral("numbers"), {}};
    f.panel->setPromptValuesSource([code] { return code; });
    PromptPicker *picker = f.panel->promptPicker();
    QVERIFY(!picker->isVisible());
    f.panel->input()->setFocus();
    QTest::keyClicks(f.panel->input(), QStringLiteral("/"));
    QVERIFY(picker->isVisible());
    // REALM's own, then the user's from the workspace.
    QVERIFY(QTest::qWaitFor([picker] { return picker->list()->count() == Prompts::builtInPrompts().size() + 1; }, 10000));
    QTest::keyClicks(f.panel->input(), QStringLiteral("terse"));
    QCOMPARE(picker->list()->count(), 1);
    QCOMPARE(picker->preview(), QStringLiteral("Review src/half.cpp in three lines:\nint half(int x) { return x / 2; }"));
    QTest::keyClick(f.panel->input(), Qt::Key_Backspace);
    QTest::keyClicks(f.panel->input(), QStringLiteral("zzz"));
    QCOMPARE(picker->list()->count(), 0);
    QVERIFY(picker->preview().contains(QStringLiteral("No prompt template matches")));

    // Esc closes the list; Down and Enter take the second template, find-bugs.
    f.panel->input()->clear();
    QTest::keyClicks(f.panel->input(), QStringLiteral("/e"));
    QCOMPARE(picker->list()->currentItem()->text(), QStringLiteral("/explain — Explain"));
    QTest::keyClick(f.panel->input(), Qt::Key_Escape);
    QVERIFY(!picker->isVisible());
    f.panel->input()->clear();
    QTest::keyClicks(f.panel->input(), QStringLiteral("/"));
    QTest::keyClick(f.panel->input(), Qt::Key_Down);
    const QString shown = picker->preview();
    QVERIFY(shown.contains(QStringLiteral("```cpp\nint half(int x) { return x / 2; }\n```")));
    QTest::keyClick(f.panel->input(), Qt::Key_Return);
    QVERIFY(!picker->isVisible());
    QCOMPARE(f.panel->input()->toPlainText(), shown); // to read and edit: nothing sent yet
    QCOMPARE(f.server.requests().size(), 0);

    // Enter again sends exactly that.
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Odd numbers round down.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    QTest::keyClick(f.panel->input(), Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QCOMPARE(f.server.requests().first().json().value(QStringLiteral("messages")).toArray().last().toObject().value(QStringLiteral("content")).toString(),
             shown);
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        f.panel->input()->clear();
        QTest::keyClicks(f.panel->input(), QStringLiteral("/"));
        f.panel->grab().save(dir + QStringLiteral("/chat-prompt-picker.png"));
    }
}

void tst_ChatPanel::theAnswerAreaSaysWhatItWaitsFor()
{
    Fixture f;
    QVERIFY(f.open(2));
    // Long enough to be seen even when the machine is slow to show the answer.
    f.server.enqueue(MockLlmServer::jsonResponse(503, R"({"error":{"message":"The server is overloaded.","type":"server_error"}})",
                                                 {{"retry-after-ms", "3000"}}));
    MockLlmServer::Response held = MockLlmServer::openAiStream({QStringLiteral("Here now.")});
    held.holdAfterChunks = 0; // the second attempt is answered, but its words wait for release()
    f.server.enqueue(held);
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    auto *view = f.panel->findChild<ChatView *>();
    ask(*f.panel, QStringLiteral("Anyone there?"));
    // The first attempt failed: a countdown to the second of three.
    const QRegularExpression countdown(QStringLiteral("Retrying in [1-3] s \\(2 of 3\\)"));
    QVERIFY2(QTest::qWaitFor([&] { return view->toPlainText().contains(countdown); }, 10000), qPrintable(view->toPlainText()));
    QVERIFY(QTest::qWaitFor([&] { return f.server.requests().size() == 2; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return view->toPlainText().endsWith(QStringLiteral("Connecting…")); }, 10000));
    QVERIFY(!view->toPlainText().contains(QStringLiteral("Retrying")));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        f.panel->grab().save(dir + QStringLiteral("/chat-connecting.png"));
    f.server.release();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(QTest::qWaitFor([&] { return view->toPlainText().contains(QStringLiteral("Here now.")); }, 10000));
    QVERIFY(!view->toPlainText().contains(QStringLiteral("Connecting…")));
    QCOMPARE(statusText(*f.panel), QString());
}

namespace {
QStringList linkTargets(const QTextDocument *document)
{
    QStringList targets;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (!href.isEmpty() && !targets.contains(href))
                targets << href;
        }
    }
    return targets;
}
} // namespace

void tst_ChatPanel::aFailureIsOneCardWithRetryAndEditProvider()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::jsonResponse(404, R"({"error":{"message":"The model does not exist.","type":"invalid_request_error"}})"));
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Second time lucky.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    auto *view = f.panel->findChild<ChatView *>();
    ask(*f.panel, QStringLiteral("Which model?"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    // Said once: on the card, not again in the status line.
    QVERIFY(QTest::qWaitFor([&] { return view->toPlainText().contains(QStringLiteral("No answer")); }, 10000));
    QCOMPARE(view->toPlainText().count(QStringLiteral("does not know this model")), 1);
    QCOMPARE(statusText(*f.panel), QString());
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        f.panel->grab().save(dir + QStringLiteral("/chat-failure-card.png"));
    const QString failedId = view->thread().last().id;
    const QStringList targets = linkTargets(view->document());
    QVERIFY2(targets.contains(QStringLiteral("realm-regenerate:") + failedId), qPrintable(targets.join(u' ')));
    QVERIFY(targets.contains(QStringLiteral("realm-setup:")));

    // Retry asks again.
    emit view->anchorClicked(QUrl(QStringLiteral("realm-regenerate:") + failedId));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().first().toBool(), true);
    QVERIFY(QTest::qWaitFor([&] { return view->toPlainText().contains(QStringLiteral("Second time lucky.")); }, 10000));
    QCOMPARE(f.server.requests().size(), 2);
}

void tst_ChatPanel::aQuestionThatCannotBeAskedIsKeptAndSaysWhy()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.enqueue(MockLlmServer::openAiStream({QStringLiteral("First.")}));
    QSignalSpy finished(f.panel.get(), &ChatPanel::answerFinished);
    ask(*f.panel, QStringLiteral("First question"));
    QVERIFY(finished.wait(10000));
    // Meanwhile the conversation is gone for good (another window emptied the trash).
    QSqlQuery purge(f.ws.db()->connection());
    QVERIFY(purge.exec(QStringLiteral("DELETE FROM conversations")));

    ask(*f.panel, QStringLiteral("Second question"));
    auto *status = f.panel->findChild<QLabel *>(QStringLiteral("chatStatus"));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->input()->toPlainText() == QLatin1String("Second question"); }, 10000));
    QVERIFY2(!status->text().isEmpty() && !status->text().contains(QStringLiteral("context")), qPrintable(status->text()));
    QVERIFY(f.panel->findChild<QPushButton *>(QStringLiteral("chatSend"))->isEnabled()); // not stuck busy
    QVERIFY(!f.panel->isBusy());
    QCOMPARE(f.server.requests().size(), 1); // nothing was sent
}

void tst_ChatPanel::nothingIsSentWithoutAModelAndTheChoiceIsRemembered()
{
    TestWorkspace ws;
    MockLlmServer server;
    Secrets::MemorySecretStore keychain;
    {
        Secrets::MemorySecretStore none;
        Chat::ProviderStore store(ws.db(), &none, &none);
        Chat::ProviderProfile profile = Test::mockProfile(server);
        profile.defaultModel.clear(); // a server whose models were never listed
        QVERIFY(store.create(profile));
    }
    ChatPanel panel(ws.db(), &keychain);
    panel.resize(520, 700);
    panel.show();
    QVERIFY(QTest::qWaitFor([&] { return panel.providerBox()->count() == 2; }, 10000));
    auto *send = panel.findChild<QPushButton *>(QStringLiteral("chatSend"));
    auto *model = panel.findChild<QComboBox *>(QStringLiteral("chatModel"));
    QVERIFY(send && model);
    QVERIFY(!send->isEnabled());
    QCOMPARE(send->text(), QStringLiteral("Choose a model"));

    // Enter does not get around it: the question is refused, kept, and
    // nothing reaches the provider.
    ask(panel, QStringLiteral("Hello?"));
    auto *status = panel.findChild<QLabel *>(QStringLiteral("chatStatus"));
    QVERIFY(QTest::qWaitFor([&] { return status->text().contains(QStringLiteral("No model is chosen")); }, 10000));
    QCOMPARE(panel.input()->toPlainText(), QStringLiteral("Hello?"));
    QVERIFY(server.requests().isEmpty());

    // A model chosen: Send comes alive and the request names it.
    model->setCurrentText(QStringLiteral("coder-7b"));
    QVERIFY(send->isEnabled());
    QCOMPARE(send->text(), QStringLiteral("Send"));
    server.enqueue(MockLlmServer::openAiStream({QStringLiteral("Hi.")}));
    QSignalSpy finished(&panel, &ChatPanel::answerFinished);
    panel.input()->clear();
    ask(panel, QStringLiteral("Hello?"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().json().value(QStringLiteral("model")).toString(), QStringLiteral("coder-7b"));

    // The next panel offers the model last used with this provider.
    ChatPanel again(ws.db(), &keychain);
    QVERIFY(QTest::qWaitFor([&] { return again.providerBox()->count() == 2; }, 10000));
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("chatModel"))->currentText(), QStringLiteral("coder-7b"));
}

void tst_ChatPanel::aNewProviderTakesItsModelsFromTheConnectionTest()
{
    DialogFixture f;
    f.server.enqueue(MockLlmServer::jsonResponse(200, R"({"object":"list","data":[{"id":"qwen2.5-coder:7b"},{"id":"llama3.1:8b"}]})"));
    ProviderDialog &dialog = f.dialog;
    dialog.setForm(f.profile(QStringLiteral("ollama")), QString(), false); // no default model typed
    QSignalSpy tested(&dialog, &ProviderDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().first().toBool(), true);
    auto *defaultModel = dialog.findChild<QLineEdit *>(QStringLiteral("providerDefaultModel"));
    QCOMPARE(defaultModel->text(), QStringLiteral("llama3.1:8b")); // the first of the list, sorted
    QVERIFY(defaultModel->completer());
    // Saved, the profile keeps the default and the list for the model pickers.
    QSignalSpy saved(&dialog, &ProviderDialog::saved);
    dialog.save();
    QVERIFY2(!saved.isEmpty() || saved.wait(10000), qPrintable(dialog.findChild<QLabel *>(QStringLiteral("providerTestResult"))->text()));
    const Chat::StoredProfile stored = *f.store.find(QStringLiteral("ollama"));
    QCOMPARE(stored.profile.defaultModel, QStringLiteral("llama3.1:8b"));
    QCOMPARE(stored.models, QStringList({QStringLiteral("llama3.1:8b"), QStringLiteral("qwen2.5-coder:7b")}));
}

QTEST_MAIN(tst_ChatPanel)
#include "tst_chatpanel.moc"
