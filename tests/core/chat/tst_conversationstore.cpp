// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations in a real workspace file: branches, streaming writes that
// survive a crash, usage and full-text search.
#include "chat/conversationstore.h"
#include "common/clock.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using Realm::Test::TestWorkspace;
using Role = ChatMessage::Role;

namespace {
Message userMessage(const QString &conversationId, const QString &parentId, const QString &text)
{
    Message m;
    m.conversationId = conversationId;
    m.parentId = parentId;
    m.role = Role::User;
    m.content = text;
    return m;
}

Message answer(const QString &conversationId, const QString &parentId, const QString &text, qint64 in = 10, qint64 out = 5)
{
    Message m = userMessage(conversationId, parentId, text);
    m.role = Role::Assistant;
    m.usage = {in, out};
    m.providerId = QStringLiteral("provider-1");
    m.model = QStringLiteral("mock-model");
    return m;
}

MessageSearch textSearch(const QString &text)
{
    MessageSearch s;
    s.text = text;
    return s;
}

QStringList contents(const QList<Message> &thread)
{
    QStringList out;
    for (const Message &m : thread)
        out << m.content;
    return out;
}
} // namespace

class tst_ConversationStore final : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Clock::setSourceForTesting(nullptr); }
    void listShowsPinnedFirstThenRecentAndHidesArchivedAndTrash();
    void threadFollowsTheCurrentMessageAndSumsUsage();
    void regeneratedAnswerKeepsTheEarlierOneAsAVersion();
    void editedQuestionBranchesAndSwitchingBackRestoresTheRest();
    void answerWrittenWhileStreamingSurvivesACrash();
    void searchFindsWordsWithFilters();
    void searchFollowsEditsAndTakesQueriesAsPlainText();
    void emptyTitleAndUnknownConversationAreRefused();
};

void tst_ConversationStore::listShowsPinnedFirstThenRecentAndHidesArchivedAndTrash()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    qint64 now = 1'000'000;
    Clock::setSourceForTesting([&now] { return now; });
    const QString a = store.create(QStringLiteral("a"))->id;
    now += 10;
    const QString b = store.create(QStringLiteral("b"))->id;
    now += 10;
    const QString c = store.create(QStringLiteral("c"))->id;
    now += 10;
    QVERIFY(store.setPinned(a, true));
    now += 10;
    QVERIFY(store.setArchived(b, true));
    const auto ids = [&](const ConversationFilter &f) {
        QStringList out;
        for (const Conversation &conv : *store.list(f))
            out << conv.title;
        return out;
    };
    QCOMPARE(ids({}), QStringList({QStringLiteral("a"), QStringLiteral("c")}));
    QCOMPARE(ids({true, false, {}}), QStringList({QStringLiteral("b")}));
    QVERIFY(store.moveToTrash(c));
    QCOMPARE(ids({}), QStringList({QStringLiteral("a")}));
    QCOMPARE(ids({false, true, {}}), QStringList({QStringLiteral("c")}));
    QVERIFY(store.restore(c));
    QCOMPARE(ids({}).size(), 2);
}

void tst_ConversationStore::threadFollowsTheCurrentMessageAndSumsUsage()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const Conversation conv = *store.create(QStringLiteral("Usage"));
    const Message q1 = *store.append(userMessage(conv.id, {}, QStringLiteral("first question")));
    const Message a1 = *store.append(answer(conv.id, q1.id, QStringLiteral("first answer"), 100, 20));
    const Message q2 = *store.append(userMessage(conv.id, a1.id, QStringLiteral("second question")));
    QVERIFY(store.append(answer(conv.id, q2.id, QStringLiteral("second answer"), 150, 30)));
    const QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(contents(thread), QStringList({QStringLiteral("first question"), QStringLiteral("first answer"),
                                            QStringLiteral("second question"), QStringLiteral("second answer")}));
    QCOMPARE(thread.at(1).role, Role::Assistant);
    QCOMPARE(thread.at(1).model, QStringLiteral("mock-model"));
    QCOMPARE(thread.at(1).usage.outputTokens, 20);
    QCOMPARE(thread.at(0).usage.inputTokens, -1); // questions have no usage
    const Conversation after = *store.find(conv.id);
    QCOMPARE(after.usage.inputTokens, 250);
    QCOMPARE(after.usage.outputTokens, 50);
    QCOMPARE(after.currentMessageId, thread.last().id);
}

void tst_ConversationStore::regeneratedAnswerKeepsTheEarlierOneAsAVersion()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    const Message q = *store.append(userMessage(conv.id, {}, QStringLiteral("question")));
    const Message first = *store.append(answer(conv.id, q.id, QStringLiteral("answer one")));
    const Message second = *store.append(answer(conv.id, q.id, QStringLiteral("answer two")));
    QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(contents(thread), QStringList({QStringLiteral("question"), QStringLiteral("answer two")}));
    QCOMPARE(thread.last().versionIndex, 1);
    QCOMPARE(thread.last().versionCount, 2);
    QCOMPARE(store.versions(second.id)->size(), 2);

    QVERIFY(store.switchTo(conv.id, first.id));
    thread = *store.thread(conv.id);
    QCOMPARE(contents(thread), QStringList({QStringLiteral("question"), QStringLiteral("answer one")}));
    QCOMPARE(thread.last().versionIndex, 0);
}

void tst_ConversationStore::editedQuestionBranchesAndSwitchingBackRestoresTheRest()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    const Message q1 = *store.append(userMessage(conv.id, {}, QStringLiteral("original question")));
    const Message a1 = *store.append(answer(conv.id, q1.id, QStringLiteral("original answer")));
    const Message q2 = *store.append(userMessage(conv.id, a1.id, QStringLiteral("follow-up")));
    QVERIFY(store.append(answer(conv.id, q2.id, QStringLiteral("follow-up answer"))));

    // Edit and resend the first question: a sibling root with its own answer.
    const Message edited = *store.append(userMessage(conv.id, {}, QStringLiteral("edited question")));
    QVERIFY(store.append(answer(conv.id, edited.id, QStringLiteral("answer to the edit"))));
    QList<Message> thread = *store.thread(conv.id);
    QCOMPARE(contents(thread), QStringList({QStringLiteral("edited question"), QStringLiteral("answer to the edit")}));
    QCOMPARE(thread.first().versionIndex, 1);
    QCOMPARE(thread.first().versionCount, 2);

    // Flipping back to the original shows the whole conversation that followed it.
    QVERIFY(store.switchTo(conv.id, q1.id));
    thread = *store.thread(conv.id);
    QCOMPARE(contents(thread), QStringList({QStringLiteral("original question"), QStringLiteral("original answer"),
                                            QStringLiteral("follow-up"), QStringLiteral("follow-up answer")}));
    const Conversation other = *store.create();
    QVERIFY(!store.switchTo(other.id, q1.id));
}

void tst_ConversationStore::answerWrittenWhileStreamingSurvivesACrash()
{
    TestWorkspace ws;
    QString conversationId;
    {
        ConversationStore store(ws.db());
        conversationId = store.create()->id;
        const Message q = *store.append(userMessage(conversationId, {}, QStringLiteral("explain")));
        Message streaming = answer(conversationId, q.id, QString());
        streaming.status = Message::Status::Streaming;
        const Message a = *store.append(streaming);
        QVERIFY(store.updateStreaming(a.id, QStringLiteral("The first half of an"), QStringLiteral("thinking")));
        // The process dies here: nothing else is written.
    }
    // Another process opens the same workspace file.
    Storage::DatabasePtr reopened = ws.open();
    QVERIFY(reopened);
    ConversationStore store(reopened);
    QCOMPARE(*store.markInterrupted(), 0); // written just now: it may still be arriving elsewhere
    QCOMPARE(*store.markInterrupted(0), 1);
    const QList<Message> thread = *store.thread(conversationId);
    QCOMPARE(thread.last().content, QStringLiteral("The first half of an"));
    QCOMPARE(thread.last().reasoning, QStringLiteral("thinking"));
    QCOMPARE(thread.last().status, Message::Status::Interrupted);
    QCOMPARE(*store.markInterrupted(0), 0);
}

void tst_ConversationStore::searchFindsWordsWithFilters()
{
    TestWorkspace ws;
    const QString projectId = Projects::ProjectStore(ws.db()).create(QStringLiteral("kernel"))->id;
    ConversationStore store(ws.db());
    qint64 now = 5'000'000;
    Clock::setSourceForTesting([&now] { return now; });
    const Conversation bound = *store.create(QStringLiteral("Scheduler"), projectId, QStringLiteral("provider-1"));
    const Message q = *store.append(userMessage(bound.id, {}, QStringLiteral("How does the scheduler pick the next task?")));
    now += 1000;
    QVERIFY(store.append(answer(bound.id, q.id, QStringLiteral("The CFS scheduler uses a red-black tree; the café example is naïve."))));
    const Conversation loose = *store.create(QStringLiteral("Loose"));
    now += 1000;
    QVERIFY(store.append(userMessage(loose.id, {}, QStringLiteral("Is the scheduler fair?"))));

    const auto titles = [&](const QString &text, const QString &project = {}, const QString &provider = {}, qint64 from = 0,
                            qint64 to = 0) {
        MessageSearch s;
        s.text = text;
        s.projectId = project;
        s.providerId = provider;
        s.fromMs = from;
        s.toMs = to;
        QStringList out;
        const Result<QList<MessageHit>> hits = store.search(s);
        if (!hits)
            return QStringList{hits.error().message};
        for (const MessageHit &h : *hits)
            out << h.conversationTitle;
        out.sort();
        return out;
    };
    QCOMPARE(titles(QStringLiteral("scheduler")),
             QStringList({QStringLiteral("Loose"), QStringLiteral("Scheduler"), QStringLiteral("Scheduler")}));
    QCOMPARE(titles(QStringLiteral("sched")).size(), 3);                   // the last word is a prefix
    QCOMPARE(titles(QStringLiteral("cafe naive")), QStringList({QStringLiteral("Scheduler")})); // accents do not matter
    QCOMPARE(titles(QStringLiteral("scheduler"), projectId).size(), 2);
    QCOMPARE(titles(QStringLiteral("scheduler"), QString(), QStringLiteral("provider-1")).size(), 2);
    QCOMPARE(titles(QStringLiteral("scheduler"), QString(), QString(), 5'002'000), QStringList({QStringLiteral("Loose")}));
    QCOMPARE(titles(QStringLiteral("scheduler"), QString(), QString(), 0, 5'001'000), QStringList({QStringLiteral("Scheduler")}));

    const QList<MessageHit> hits = *store.search(textSearch(QStringLiteral("red black")));
    QCOMPARE(hits.size(), 1);
    QVERIFY2(hits.first().snippet.contains(QStringLiteral("[red]")), qPrintable(hits.first().snippet));
    QCOMPARE(hits.first().role, Role::Assistant);

    QVERIFY(store.moveToTrash(loose.id));
    QCOMPARE(titles(QStringLiteral("fair")), QStringList());
}

void tst_ConversationStore::searchFollowsEditsAndTakesQueriesAsPlainText()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const Conversation conv = *store.create();
    const Message q = *store.append(userMessage(conv.id, {}, QStringLiteral("q")));
    Message a = *store.append(answer(conv.id, q.id, QStringLiteral("partial")));
    a.content = QStringLiteral("complete answer about mutexes");
    QVERIFY(store.finish(a));
    QCOMPARE(store.search(textSearch(QStringLiteral("partial")))->size(), 0);
    QCOMPARE(store.search(textSearch(QStringLiteral("mutexes")))->size(), 1);
    // FTS5 operators and quotes in a query are just text.
    QVERIFY(store.search(textSearch(QStringLiteral("\"mutexes AND OR NEAR("))));
    QVERIFY(store.search(textSearch(QStringLiteral("mutex* -x"))));
    QVERIFY(!store.search(textSearch(QStringLiteral("   "))));
}

void tst_ConversationStore::emptyTitleAndUnknownConversationAreRefused()
{
    TestWorkspace ws;
    ConversationStore store(ws.db());
    const Conversation conv = *store.create(QStringLiteral("t"));
    QCOMPARE(store.rename(conv.id, QStringLiteral("  ")).error().code, Error::Code::InvalidInput);
    QVERIFY(store.rename(conv.id, QStringLiteral(" New title ")));
    QCOMPARE(store.find(conv.id)->title, QStringLiteral("New title"));
    QCOMPARE(store.find(QStringLiteral("nope")).error().code, Error::Code::NotFound);
    QCOMPARE(store.setPinned(QStringLiteral("nope"), true).error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_ConversationStore)
#include "tst_conversationstore.moc"
