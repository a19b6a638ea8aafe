// SPDX-License-Identifier: GPL-3.0-or-later
// A share or a clone that outlives its access token goes on: the sync's
// transport, on its worker thread, has the login renew the token (the
// login's client answers on the main thread, as in the desktop and the
// CLI) and sends the refused request once more. Where nothing can be
// renewed — the session was ended — the error says to sign in again.
// Against a real realm-server whose access tokens live three seconds.
#include "projects/projectimporter.h"
#include "secrets/memorysecretstore.h"
#include "serverprocess.h"
#include "syncclient/syncjob.h"
#include "teamclient/httptransport.h"
#include "teamclient/serverclient.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Realm;
using namespace Realm::Test;
using Realm::SyncClient::SyncInput;
using Realm::SyncClient::SyncReport;

namespace {

const QByteArray kPassword = "a long enough passphrase";
// The server counts whole seconds: a token lives at least two of them,
// ample for a refresh and the request sent again on loopback.
constexpr int kAccessTokenSeconds = 3;

} // namespace

class tst_TokenRenewal final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    TestDataFolder m_data;
    std::unique_ptr<ServerProcess> m_server;
    QString m_orgId;
    Secrets::MemorySecretStore m_secrets;
    std::unique_ptr<TeamClient::ServerClient> m_client;
    TestWorkspace m_workspace;
    QTemporaryDir m_source;
    int m_projects = 0;

    bool signIn()
    {
        std::optional<Result<QJsonObject>> me;
        m_client->login(QUrl(m_server->url()), QStringLiteral("alice@example.org"), QString::fromUtf8(kPassword), {},
                        [&me](Result<QJsonObject> answer) { me = std::move(answer); });
        return QTest::qWaitFor([&me] { return me.has_value(); }, 30000) && *me;
    }

    Result<TeamClient::Credentials> credentials()
    {
        std::optional<Result<TeamClient::Credentials>> found;
        m_client->credentials([&found](Result<TeamClient::Credentials> answer) { found = std::move(answer); });
        if (!QTest::qWaitFor([&found] { return found.has_value(); }, 30000))
            return Error::unavailable(QStringLiteral("no credentials within 30 s"));
        return *found;
    }

    QByteArray config() const
    {
        QFile file(m_data.data + QStringLiteral("/realm-server.conf"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    bool setConfig(const QByteArray &contents) const
    {
        QFile file(m_data.data + QStringLiteral("/realm-server.conf"));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
    }

    // A new local project of a few files.
    QString importProject()
    {
        const QString folder = m_source.filePath(QStringLiteral("p%1").arg(++m_projects));
        for (int file = 0; file < 5; ++file)
            writeFile(folder, QStringLiteral("src/f%1.txt").arg(file), QByteArray(2000 + file, char('a' + file)));
        Projects::ImportOptions options;
        options.name = QStringLiteral("renewal %1").arg(m_projects);
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_workspace.db()).importProject(folder, options);
        return imported ? imported->project.id : QString();
    }

    // A share run as the desktop and the CLI run it: a job on a worker
    // thread, this thread's event loop serving the login meanwhile.
    Result<SyncReport> share(const QString &projectId, const TeamClient::Credentials &login)
    {
        SyncInput input;
        input.action = SyncInput::Action::Share;
        input.projectId = projectId;
        input.server = login.server.toString();
        input.org = m_orgId;
        auto *job = new SyncClient::SyncJob(
            m_workspace.db(), [login](const CancellationToken *cancel) { return std::make_unique<TeamClient::HttpTransport>(login, cancel); }, input);
        std::optional<Result<SyncReport>> outcome;
        connect(job, &SyncClient::SyncJob::finished, this, [&outcome, job](const QList<SyncReport> &reports) {
            job->deleteLater();
            outcome = reports.value(0);
        });
        connect(job, &SyncClient::SyncJob::failed, this, [&outcome, job](const Error &error) {
            job->deleteLater();
            outcome = error;
        });
        job->start();
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000))
            return Error::unavailable(QStringLiteral("the share did not end within 60 s"));
        return *outcome;
    }

    // Until the server refuses `bearer` (it ran out).
    bool waitUntilRefused(const QString &bearer)
    {
        return QTest::qWaitFor([&] { return httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, bearer).status == 401; },
                               (kAccessTokenSeconds + 10) * 1000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_source.isValid());
        QString why;
        std::optional<TeamOnServer> team = startTeam(m_folder, {QStringLiteral("Alice")}, kPassword, QStringLiteral("Acme"), &why);
        QVERIFY2(team, qPrintable(why));
        m_orgId = team->orgId;
        m_data = team->data;
        QCOMPARE(team->server->terminate(), 0);
        // The same server again, with access tokens of three seconds.
        QByteArray contents = config();
        QVERIFY(contents.contains("access_token_lifetime = 600\n"));
        contents.replace("access_token_lifetime = 600\n", QByteArray("access_token_lifetime = " + QByteArray::number(kAccessTokenSeconds) + '\n'));
        QVERIFY(setConfig(contents));
        m_server = ServerProcess::serve(m_data.data, m_data.databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        m_client = std::make_unique<TeamClient::ServerClient>(&m_secrets);
        QVERIFY(signIn());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aShareOutlivingItsAccessTokenGoesOn()
    {
        Result<TeamClient::Credentials> login = credentials();
        REALM_VERIFY_OK(login);
        QVERIFY(login->renew);
        // What a share that took longer than the token's life meets.
        QVERIFY(waitUntilRefused(login->bearer));

        // Without renewal the refusal ends the share: the token is really dead.
        const QString refusedProject = importProject();
        QVERIFY(!refusedProject.isEmpty());
        TeamClient::Credentials withoutRenewal = *login;
        withoutRenewal.renew = {};
        Result<SyncReport> refused = share(refusedProject, withoutRenewal);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Unauthenticated);

        const QString projectId = importProject();
        QVERIFY(!projectId.isEmpty());
        Result<SyncReport> shared = share(projectId, *login);
        REALM_VERIFY_OK(shared);
        QVERIFY(shared->error.isEmpty());
        QVERIFY(!shared->serverProjectId.isEmpty());
        // Everything arrived: the server's log has the five files (keyed by path).
        Result<TeamClient::Credentials> now = credentials();
        REALM_VERIFY_OK(now);
        const HttpReply changes = httpRequest("GET", m_server->api(QStringLiteral("/projects/%1/sync/changes").arg(shared->serverProjectId)), {}, now->bearer);
        QCOMPARE(changes.status, 200);
        QSet<QString> paths;
        for (const QJsonValue &change : changes.json.value(QStringLiteral("changes")).toArray())
            if (const QString path = change.toObject().value(QStringLiteral("key")).toString(); path.startsWith(QLatin1String("src/")))
                paths.insert(path);
        QCOMPARE(paths.size(), 5);
    }

    void aLifetimeOutOfRangeIsRefusedAtStart()
    {
        const QByteArray original = config();
        const QByteArray line = "access_token_lifetime = " + QByteArray::number(kAccessTokenSeconds) + '\n';
        QVERIFY(original.contains(line));
        for (const QByteArray &wrong : {QByteArrayLiteral("0"), QByteArrayLiteral("3601"), QByteArrayLiteral("ten")}) {
            QByteArray contents = original;
            contents.replace(line, QByteArray("access_token_lifetime = " + wrong + '\n'));
            QVERIFY(setConfig(contents));
            QString why;
            const std::unique_ptr<ServerProcess> refused = ServerProcess::serve(m_data.data, m_data.databaseUrl, &why);
            QVERIFY(setConfig(original));
            QVERIFY2(!refused, wrong.constData());
            QVERIFY2(why.contains(QLatin1String("access_token_lifetime")), qPrintable(why));
        }
    }

    // The login's client is gone (the window closed) before a transport
    // asks it for a token: the transport hears so at once, cancelled or not.
    void aRenewalWhoseClientIsGoneEnds()
    {
        Secrets::MemorySecretStore secrets;
        auto client = std::make_unique<TeamClient::ServerClient>(&secrets);
        std::optional<Result<QJsonObject>> me;
        client->login(QUrl(m_server->url()), QStringLiteral("alice@example.org"), QString::fromUtf8(kPassword), {},
                      [&me](Result<QJsonObject> answer) { me = std::move(answer); });
        QVERIFY(QTest::qWaitFor([&me] { return me.has_value(); }, 30000) && *me);
        std::optional<Result<TeamClient::Credentials>> login;
        client->credentials([&login](Result<TeamClient::Credentials> answer) { login = std::move(answer); });
        QVERIFY(QTest::qWaitFor([&login] { return login.has_value(); }, 30000));
        REALM_VERIFY_OK(*login);
        const TeamClient::Credentials::Renew renew = (*login)->renew;
        const QString refused = (*login)->bearer;
        client.reset();

        std::optional<Result<QString>> renewed;
        std::unique_ptr<QThread> transport(QThread::create([&] { renewed = renew(refused, nullptr); }));
        transport->start();
        QVERIFY(QTest::qWaitFor([&] { return transport->isFinished(); }, 30000));
        QVERIFY(renewed && !*renewed);
        QCOMPARE(renewed->error().code, Error::Code::Unavailable);
        QVERIFY2(renewed->error().message.contains(QLatin1String("No new access token")), qPrintable(renewed->error().message));
    }

    // The session was ended (signed out on another machine): no new token
    // comes, and the error says what to do.
    void anEndedSessionSaysSignInAgain()
    {
        Result<TeamClient::Credentials> login = credentials();
        REALM_VERIFY_OK(login);
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/auth/logout")), {}, login->bearer).status, 204);
        const QString projectId = importProject();
        QVERIFY(!projectId.isEmpty());
        Result<SyncReport> shared = share(projectId, *login);
        QVERIFY(!shared);
        QCOMPARE(shared.error().code, Error::Code::Unauthenticated);
        QVERIFY2(shared.error().message.contains(QLatin1String("has ended. Sign in again")), qPrintable(shared.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_TokenRenewal)
#include "tst_tokenrenewal.moc"
