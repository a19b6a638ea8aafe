// SPDX-License-Identifier: GPL-3.0-or-later
// The sync client's HTTP layer against a network that fails: Alice sends a
// change and Bob receives it through a proxy (tests/support/faultyproxy.h)
// in front of a real realm-server, which breaks one request at a time — every
// request of the sync in turn — by refusing it, dropping the connection
// before or after the server acted (Qt then sends it again: the server
// sees a push twice), cutting the answer short, answering
// with an HTML error page, or never answering. Each broken sync ends with an
// error a person can act on (or succeeds, where resuming covers it), never
// a crash or a hang; the next sync lands every change exactly once.
#include "faultyproxy.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "serverprocess.h"
#include "syncclient/projectsyncer.h"
#include "syncclient/syncstate.h"
#include "teamclient/httptransport.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Test;
using Fault = FaultyProxy::Fault;

namespace {

const QByteArray kPassword = "a long enough passphrase";
// A stalled answer is given up on this fast here (a minute in the app).
constexpr int kTestTimeoutMs = 400;

struct Desk {
    TestWorkspace workspace;
    QTemporaryDir folder;
    QString token;
    QString projectId;
};

} // namespace

class TestHttpFaults final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultyProxy> m_proxy;
    Desk m_alice;
    Desk m_bob;
    int m_round = 0;

    // A sync of `desk`'s project, straight to the server or through the proxy.
    Result<SyncClient::SyncReport> sync(Desk &desk, bool throughProxy)
    {
        TeamClient::HttpTransport transport({QUrl(throughProxy ? m_proxy->url() : m_server->url()), desk.token, {}}, nullptr, kTestTimeoutMs);
        return SyncClient::ProjectSyncer(desk.workspace.db(), &transport).sync(desk.projectId);
    }

    qint64 cursorSeq(Desk &desk)
    {
        Result<std::optional<SyncClient::Link>> link = SyncClient::SyncState::link(desk.workspace.db()->handle(), desk.projectId);
        return link && *link ? (*link)->cursor.section(QLatin1Char(':'), -1).toLongLong() : -1;
    }

    QMap<QString, QString> files(Desk &desk)
    {
        QMap<QString, QString> hashes;
        Result<QList<Projects::ProjectFile>> listed = Projects::ProjectStore(desk.workspace.db()).files(desk.projectId);
        if (listed)
            for (const Projects::ProjectFile &file : std::as_const(*listed))
                hashes.insert(file.path, QString::fromLatin1(file.sha256.toHex()));
        return hashes;
    }

    // Alice changes one file and adds another: two changes for the server.
    bool changeAlicesFiles()
    {
        ++m_round;
        writeFile(m_alice.folder.path(), QStringLiteral("a.txt"), "round " + QByteArray::number(m_round) + '\n');
        writeFile(m_alice.folder.path(), QStringLiteral("added/%1.txt").arg(m_round), QByteArray(3000 + m_round, char('a' + m_round % 26)));
        return bool(Projects::ProjectImporter(m_alice.workspace.db()).refreshProject(m_alice.projectId, {}));
    }

    // One sync broken at request `request` by `fault`: it fails with a
    // message saying what happened (or gets through where that is right),
    // and neither crashes nor hangs.
    void breakOneSync(Desk &desk, int request, Fault fault, bool mustFail)
    {
        m_proxy->breakRequest(request, fault);
        Result<SyncClient::SyncReport> broken = sync(desk, true);
        QVERIFY2(m_proxy->faultDone(), qPrintable(QStringLiteral("request %1 never came").arg(request)));
        QVERIFY2(!broken || !mustFail, qPrintable(QStringLiteral("request %1 was broken and the sync went through").arg(request)));
        if (!broken) {
            QVERIFY(!broken.error().message.isEmpty());
            // Each says what happened, not something else.
            const QString message = broken.error().message;
            switch (fault) {
            case Fault::Refuse: QVERIFY2(message.contains(QLatin1String("no server for you")), qPrintable(message)); break;
            case Fault::Stall: QVERIFY2(message.contains(QLatin1String("stopped answering")), qPrintable(message)); break;
            case Fault::LoseAnswer:
            case Fault::Truncate: QVERIFY2(message.contains(QLatin1String("broke off")), qPrintable(message)); break;
            case Fault::Garbage:
                QVERIFY2(message.contains(QLatin1String("not REALM's")) || message.contains(QLatin1String("arrived damaged")), qPrintable(message));
                break;
            case Fault::Drop:
            case Fault::DropAfterActing:
            case Fault::None: break;
            }
        }
    }

private slots:
    void initTestCase()
    {
        QString why;
        std::optional<TeamOnServer> team = startTeam(m_folder, {QStringLiteral("Alice"), QStringLiteral("Bob")}, kPassword, QStringLiteral("Acme"), &why);
        QVERIFY2(team, qPrintable(why));
        m_server = std::move(team->server);
        const QString orgId = team->orgId;
        m_proxy = std::make_unique<FaultyProxy>(QUrl(m_server->url()));
        QVERIFY(!m_proxy->url().isEmpty());
        m_alice.token = team->founderToken;
        m_bob.token = signIn(*m_server, QStringLiteral("bob@example.org"), kPassword);

        writeFile(m_alice.folder.path(), QStringLiteral("a.txt"), "start\n");
        Projects::ImportOptions options;
        options.name = QStringLiteral("flaky");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_alice.workspace.db()).importProject(m_alice.folder.path(), options);
        REALM_VERIFY_OK(imported);
        m_alice.projectId = imported->project.id;
        TeamClient::HttpTransport alices({QUrl(m_server->url()), m_alice.token, {}});
        Result<SyncClient::SyncReport> shared = SyncClient::ProjectSyncer(m_alice.workspace.db(), &alices).share(m_alice.projectId, m_server->url(), orgId);
        REALM_VERIFY_OK(shared);
        QCOMPARE(httpRequest("PUT", m_server->api(QStringLiteral("/projects/%1/members/bob@example.org").arg(shared->serverProjectId)),
                             {{QStringLiteral("role"), QStringLiteral("editor")}}, m_alice.token)
                     .status,
                 200);
        TeamClient::HttpTransport bobs({QUrl(m_server->url()), m_bob.token, {}});
        Result<SyncClient::SyncReport> cloned = SyncClient::ProjectSyncer(m_bob.workspace.db(), &bobs).clone(m_server->url(), shared->serverProjectId, {});
        REALM_VERIFY_OK(cloned);
        m_bob.projectId = cloned->projectId;
    }

    void cleanupTestCase()
    {
        m_proxy.reset();
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void everyRequestOfASyncMayFail_data()
    {
        QTest::addColumn<Fault>("fault");
        for (Fault fault : {Fault::Refuse, Fault::Drop, Fault::DropAfterActing, Fault::LoseAnswer, Fault::Truncate, Fault::Garbage, Fault::Stall})
            QTest::newRow(FaultyProxy::faultName(fault)) << fault;
    }

    void everyRequestOfASyncMayFail()
    {
        QFETCH(Fault, fault);
        // How many requests each side's sync makes, with nothing broken.
        QVERIFY(changeAlicesFiles());
        m_proxy->breakRequest(0, Fault::None);
        REALM_VERIFY_OK(sync(m_alice, true));
        const int alicesRequests = m_proxy->requestCount();
        m_proxy->breakRequest(0, Fault::None);
        REALM_VERIFY_OK(sync(m_bob, true));
        const int bobsRequests = m_proxy->requestCount();
        QVERIFY2(alicesRequests >= 3 && bobsRequests >= 2, qPrintable(QStringLiteral("%1 and %2 requests").arg(alicesRequests).arg(bobsRequests)));

        for (int request = 1; request <= std::max(alicesRequests, bobsRequests); ++request) {
            const qint64 before = cursorSeq(m_bob);
            QVERIFY(changeAlicesFiles());
            // Every answer Alice's sync gets matters to it; a dropped request
            // is sent again by Qt (once the server took it: twice, and it
            // applies it once), and an HTML page in answer to an upload
            // (the server took it) or a download (fetched again) is survived.
            if (request <= alicesRequests)
                breakOneSync(m_alice, request, fault, fault != Fault::Drop && fault != Fault::DropAfterActing && fault != Fault::Garbage);
            if (QTest::currentTestFailed())
                return;
            REALM_VERIFY_OK(sync(m_alice, false));
            if (request <= bobsRequests)
                breakOneSync(m_bob, request, fault, false);
            if (QTest::currentTestFailed())
                return;
            Result<SyncClient::SyncReport> bobs = sync(m_bob, false);
            REALM_VERIFY_OK(bobs);
            QCOMPARE(bobs->pending, 0);
            // Two changes and the version that records them, landed once
            // each, and the same files on both sides.
            QCOMPARE(cursorSeq(m_bob), before + 3);
            QCOMPARE(files(m_bob), files(m_alice));
            QCOMPARE(cursorSeq(m_alice), cursorSeq(m_bob));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpFaults)
#include "tst_httpfaults.moc"
