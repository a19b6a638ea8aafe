// SPDX-License-Identifier: GPL-3.0-or-later
// The chat panel's history narrowed to the current project, a provider and
// a period (offscreen, real workspace).
#include "chat/chathistory.h"
#include "chat/conversationstore.h"
#include "common/clock.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

namespace {
void converse(ConversationStore &store, const QString &projectId, const QString &providerId, const QString &words)
{
    const Conversation c = *store.create(words, projectId, providerId);
    Message question;
    question.conversationId = c.id;
    question.role = ChatMessage::Role::User;
    question.content = QStringLiteral("Tell me about ") + words;
    const Message q = *store.append(question);
    Message answer = question;
    answer.parentId = q.id;
    answer.role = ChatMessage::Role::Assistant;
    answer.content = words + QStringLiteral(" explained");
    answer.providerId = providerId;
    QVERIFY(store.append(answer));
}

bool reloadAndWait(ChatHistory &history, QSignalSpy &loaded)
{
    loaded.clear();
    history.reload();
    return QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 10000);
}
} // namespace

class tst_ChatHistory final : public QObject {
    Q_OBJECT
private slots:
    void filtersNarrowTheListAndTheSearch();
};

void tst_ChatHistory::filtersNarrowTheListAndTheSearch()
{
    TestWorkspace ws;
    const QString project = Projects::ProjectStore(ws.db()).create(QStringLiteral("kernel"))->id;
    ConversationStore store(ws.db());
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    Clock::setSourceForTesting([&now] { return now; });
    now -= 10LL * 24 * 3600 * 1000; // ten days ago
    converse(store, QString(), QStringLiteral("prov-b"), QStringLiteral("alpha scheduling"));
    now += 10LL * 24 * 3600 * 1000;
    converse(store, project, QStringLiteral("prov-a"), QStringLiteral("alpha locking"));
    Clock::setSourceForTesting({});

    ChatHistory history(ws.db());
    history.show();
    QSignalSpy loaded(&history, &ChatHistory::loaded);
    history.setProject(project, QStringLiteral("kernel"));
    history.setProviders({{QStringLiteral("prov-a"), QStringLiteral("A")}, {QStringLiteral("prov-b"), QStringLiteral("B")}});
    QVERIFY(reloadAndWait(history, loaded));
    QCOMPARE(history.list()->count(), 2);

    history.scopeBox()->setCurrentIndex(1); // only kernel
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty() && history.list()->count() == 1; }, 10000));
    QCOMPARE(history.list()->item(0)->text(), QStringLiteral("alpha locking"));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        history.resize(380, 300);
        QVERIFY(history.grab().save(dir + QStringLiteral("/chat-history.png")));
    }

    // Searching answers: the project, then a provider, then a period.
    history.scopeBox()->setCurrentIndex(0);
    history.searchEdit()->setText(QStringLiteral("explained"));
    QVERIFY(reloadAndWait(history, loaded));
    QCOMPARE(history.list()->count(), 2);
    history.providerBox()->setCurrentIndex(history.providerBox()->findData(QStringLiteral("prov-b")));
    QVERIFY(reloadAndWait(history, loaded));
    QCOMPARE(history.list()->count(), 1);
    QVERIFY(history.list()->item(0)->text().startsWith(QStringLiteral("alpha scheduling")));
    history.providerBox()->setCurrentIndex(0);
    history.periodBox()->setCurrentIndex(history.periodBox()->findData(7)); // the last 7 days
    QVERIFY(reloadAndWait(history, loaded));
    QCOMPARE(history.list()->count(), 1);
    QVERIFY(history.list()->item(0)->text().startsWith(QStringLiteral("alpha locking")));
}

QTEST_MAIN(tst_ChatHistory)
#include "tst_chathistory.moc"
