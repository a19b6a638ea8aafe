// SPDX-License-Identifier: GPL-3.0-or-later
// Making accounts on a real realm-server (SQLite: tst_registration,
// PostgreSQL: …_postgresql) in each registration mode, invitations by mail
// through an SMTP sink on 127.0.0.1, and joining as an existing user.
#include "serverprocess.h"
#include "smtpsink.h"
#include "testserverdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm::Test;

namespace {

const QByteArray kPassword = "a registration passphrase";

QJsonObject credentials(const QString &email, const QByteArray &password = kPassword)
{
    return {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromUtf8(password)}};
}

} // namespace

class TestRegistration final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    SmtpSink m_sink;
    std::unique_ptr<ServerProcess> m_server;
    QString m_orgId;
    QString m_alice; // a server administrator who owns the organization
    QString m_bob;   // an admin of the organization, not of the server
    int m_mailsSeen = 0;
    int m_serverCount = 0;

    QString api(const QString &path) const { return m_server->api(path); }

    QString login(const QString &email, const QByteArray &password = kPassword)
    {
        return httpRequest("POST", api(QStringLiteral("/auth/login")), credentials(email, password)).json.value(QStringLiteral("access_token")).toString();
    }

    // A new server in `mode` with Alice, Bob and their organization.
    void startServer(const char *mode)
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why, QStringLiteral("data%1").arg(++m_serverCount));
        QVERIFY2(folder, qPrintable(why));
        const QString data = folder->data;
        const QString databaseUrl = folder->databaseUrl;
        {
            QSettings config(data + QStringLiteral("/realm-server.conf"), QSettings::IniFormat);
            config.setValue(QStringLiteral("server/registration"), QString::fromLatin1(mode));
            config.setValue(QStringLiteral("mail/smtp_url"), m_sink.url());
            config.setValue(QStringLiteral("mail/allow_unencrypted"), true);
        }
        QCOMPARE(ServerProcess::addUser(data, databaseUrl, QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kPassword, true).exitCode, 0);
        QCOMPARE(ServerProcess::addUser(data, databaseUrl, QStringLiteral("bob@example.org"), QStringLiteral("Bob"), kPassword).exitCode, 0);
        m_server = ServerProcess::serve(data, databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        m_alice = login(QStringLiteral("alice@example.org"));
        m_bob = login(QStringLiteral("bob@example.org"));
        m_orgId = httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, m_alice).json.value(QStringLiteral("id")).toString();
        QVERIFY(!m_orgId.isEmpty());
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)), {{QStringLiteral("email"), QStringLiteral("bob@example.org")}, {QStringLiteral("role"), QStringLiteral("admin")}}, m_alice).status, 201);
    }

    // The next mail the sink receives.
    ReceivedMail nextMail()
    {
        const int wanted = m_mailsSeen + 1;
        if (!QTest::qWaitFor([&] { return m_sink.mails().size() >= wanted; }, 20000))
            return {};
        return m_sink.mails().at(m_mailsSeen++);
    }

    // Invites `email`; on 201 the mailed code lands in *code. The caller
    // returns when QTest::currentTestFailed().
    void invite(const QString &inviter, const QString &email, int expectedStatus, QString *code = nullptr)
    {
        const HttpReply invited = httpRequest("POST", api(QStringLiteral("/orgs/%1/invitations").arg(m_orgId)), {{QStringLiteral("email"), email}}, inviter);
        QVERIFY2(invited.status == expectedStatus, qPrintable(QStringLiteral("%1: %2").arg(invited.status).arg(QString::fromUtf8(invited.body))));
        if (invited.status != 201)
            return;
        const ReceivedMail mail = nextMail();
        QCOMPARE(mail.to, QStringList{QLatin1Char('<') + email + QLatin1Char('>')});
        QVERIFY(code);
        *code = codeInMail(mail.body());
        QVERIFY(!code->isEmpty());
    }

    HttpReply registerAccount(const QString &email, const QString &invitation = {}, const QByteArray &password = kPassword)
    {
        QJsonObject body = credentials(email, password);
        body.insert(QStringLiteral("name"), email.section(QLatin1Char('@'), 0, 0));
        if (!invitation.isEmpty())
            body.insert(QStringLiteral("invitation"), invitation);
        return httpRequest("POST", api(QStringLiteral("/auth/register")), body);
    }

    QString roleOf(const QString &token)
    {
        const QJsonArray orgs = httpRequest("GET", api(QStringLiteral("/me")), {}, token).json.value(QStringLiteral("orgs")).toArray();
        for (const QJsonValue &org : orgs) {
            if (org[QStringLiteral("id")].toString() == m_orgId)
                return org[QStringLiteral("role")].toString();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        QVERIFY(m_sink.listen());
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aClosedServerTakesOnlyItsAdministratorsInvitations()
    {
        startServer("closed");
        QCOMPARE(registerAccount(QStringLiteral("carol@example.org")).status, 403);

        QString fromBob;
        invite(m_bob, QStringLiteral("dave@example.org"), 201, &fromBob);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!fromBob.isEmpty());
        QCOMPARE(registerAccount(QStringLiteral("dave@example.org"), fromBob).status, 403);

        QString fromAlice;
        invite(m_alice, QStringLiteral("carol@example.org"), 201, &fromAlice);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!fromAlice.isEmpty());
        QCOMPARE(registerAccount(QStringLiteral("mallory@example.org"), fromAlice).status, 400); // another address
        const HttpReply made = registerAccount(QStringLiteral("Carol@example.org"), fromAlice);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json.value(QStringLiteral("org_id")).toString(), m_orgId);
        QCOMPARE(made.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("carol@example.org"));
        const QString carol = login(QStringLiteral("carol@example.org"));
        QVERIFY(!carol.isEmpty());
        QCOMPARE(roleOf(carol), QStringLiteral("member"));
        QCOMPARE(registerAccount(QStringLiteral("carol@example.org"), fromAlice).status, 400); // once only
    }

    void anInviteServerTakesAnyOrganizationAdminsInvitation()
    {
        startServer("invite");
        QCOMPARE(registerAccount(QStringLiteral("erin@example.org")).status, 403);
        QString code;
        invite(m_bob, QStringLiteral("erin@example.org"), 201, &code);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(registerAccount(QStringLiteral("erin@example.org"), code).status, 201);
        QCOMPARE(roleOf(login(QStringLiteral("erin@example.org"))), QStringLiteral("member"));
        // Members cannot invite.
        invite(login(QStringLiteral("erin@example.org")), QStringLiteral("someone@example.org"), 403);
        if (QTest::currentTestFailed())
            return;

        // An invitation stands only while its sender is an admin.
        QString kims;
        invite(m_bob, QStringLiteral("kim@example.org"), 201, &kims);
        if (QTest::currentTestFailed())
            return;
        const QString bobId = httpRequest("GET", api(QStringLiteral("/me")), {}, m_bob).json.value(QStringLiteral("id")).toString();
        QCOMPARE(httpRequest("PATCH", api(QStringLiteral("/orgs/%1/members/%2").arg(m_orgId, bobId)), {{QStringLiteral("role"), QStringLiteral("member")}}, m_alice).status, 200);
        const HttpReply refused = registerAccount(QStringLiteral("kim@example.org"), kims);
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.body.contains("no longer stands"), refused.body.constData());
    }

    void someoneWithAnAccountJoinsSignedIn()
    {
        startServer("closed");
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)), {{QStringLiteral("email"), QStringLiteral("bob@example.org")}}, m_alice).status, 409);

        QString code;
        invite(m_alice, QStringLiteral("bob@example.org"), 409, &code);
        if (QTest::currentTestFailed())
            return; // already a member
        QVERIFY(code.isEmpty());
        QCOMPARE(httpRequest("DELETE", api(QStringLiteral("/orgs/%1/members/%2").arg(m_orgId, httpRequest("GET", api(QStringLiteral("/me")), {}, m_bob).json.value(QStringLiteral("id")).toString())), {}, m_alice).status, 204);
        QCOMPARE(roleOf(m_bob), QString());

        QString again;
        invite(m_alice, QStringLiteral("bob@example.org"), 201, &again);
        if (QTest::currentTestFailed())
            return;
        const QJsonArray pending = httpRequest("GET", api(QStringLiteral("/orgs/%1/invitations").arg(m_orgId)), {}, m_alice).json.value(QStringLiteral("invitations")).toArray();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first()[QStringLiteral("email")].toString(), QStringLiteral("bob@example.org"));
        QVERIFY(!QJsonDocument(pending).toJson().contains(again.toUtf8())); // never the code

        // Alice cannot use Bob's invitation; Bob can, once.
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/invitations/accept")), {{QStringLiteral("token"), again}}, m_alice).status, 400);
        const HttpReply accepted = httpRequest("POST", api(QStringLiteral("/invitations/accept")), {{QStringLiteral("token"), again}}, m_bob);
        QCOMPARE(accepted.status, 200);
        QCOMPARE(roleOf(m_bob), QStringLiteral("member"));
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/invitations/accept")), {{QStringLiteral("token"), again}}, m_bob).status, 400);
        QCOMPARE(httpRequest("GET", api(QStringLiteral("/orgs/%1/invitations").arg(m_orgId)), {}, m_alice).json.value(QStringLiteral("invitations")).toArray().size(), 0);
    }

    void aWithdrawnInvitationNoLongerWorks()
    {
        startServer("closed");
        QString code;
        invite(m_alice, QStringLiteral("frank@example.org"), 201, &code);
        if (QTest::currentTestFailed())
            return;
        const QString id = httpRequest("GET", api(QStringLiteral("/orgs/%1/invitations").arg(m_orgId)), {}, m_alice).json.value(QStringLiteral("invitations")).toArray().first()[QStringLiteral("id")].toString();
        QCOMPARE(httpRequest("DELETE", api(QStringLiteral("/orgs/%1/invitations/%2").arg(m_orgId, id)), {}, m_alice).status, 204);
        QCOMPARE(registerAccount(QStringLiteral("frank@example.org"), code).status, 400);
        QCOMPARE(httpRequest("DELETE", api(QStringLiteral("/orgs/%1/invitations/%2").arg(m_orgId, id)), {}, m_alice).status, 404);
    }

    void anOpenServerMakesTheAccountOnlyWhenTheMailedCodeComesBack()
    {
        startServer("open");
        const HttpReply signedUp = registerAccount(QStringLiteral("gina@example.org"));
        QCOMPARE(signedUp.status, 202);
        QVERIFY(login(QStringLiteral("gina@example.org")).isEmpty()); // no account yet
        const ReceivedMail mail = nextMail();
        QCOMPARE(mail.to, QStringList{QStringLiteral("<gina@example.org>")});
        const QString code = codeInMail(mail.body());
        QVERIFY2(!code.isEmpty(), qPrintable(mail.body()));

        // Someone else signing up with Gina's address gets the same answer
        // and no mail (one a minute); only the holder of the mailbox has the
        // code, and chooses the password with it.
        QCOMPARE(registerAccount(QStringLiteral("gina@example.org"), {}, "the squatter's passphrase").body, signedUp.body);
        const auto verify = [this](const QString &token, const QByteArray &password) {
            return httpRequest("POST", api(QStringLiteral("/auth/verify")), {{QStringLiteral("token"), token}, {QStringLiteral("password"), QString::fromUtf8(password)}});
        };
        QCOMPARE(verify(QStringLiteral("made-up"), kPassword).status, 400);
        QCOMPARE(verify(code, "qwertyuiop").status, 400); // too common; the code still works
        const HttpReply verified = verify(code, kPassword);
        QCOMPARE(verified.status, 201);
        QCOMPARE(verified.json.value(QStringLiteral("email")).toString(), QStringLiteral("gina@example.org"));
        QCOMPARE(verified.json.value(QStringLiteral("name")).toString(), QStringLiteral("gina"));
        QVERIFY(!login(QStringLiteral("gina@example.org")).isEmpty());
        QVERIFY(login(QStringLiteral("gina@example.org"), "the squatter's passphrase").isEmpty());
        QCOMPARE(verify(code, "another long passphrase").status, 400); // once only

        // A squatter signing up again and again keeps nobody out: the mail
        // goes to the address, whose holder makes the account with it.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(registerAccount(QStringLiteral("jo@example.org"), {}, "the squatter's passphrase").status, 202);
        const QString josCode = codeInMail(nextMail().body());
        QCOMPARE(registerAccount(QStringLiteral("jo@example.org")).status, 202);
        QCOMPARE(verify(josCode, kPassword).status, 201);
        QVERIFY(!login(QStringLiteral("jo@example.org")).isEmpty());
        QVERIFY(login(QStringLiteral("jo@example.org"), "the squatter's passphrase").isEmpty());

        // An address with an account: the same answer, and no mail (the next mail is Hank's).
        QCOMPARE(registerAccount(QStringLiteral("bob@example.org")).body, signedUp.body);
        QCOMPARE(registerAccount(QStringLiteral("hank@example.org")).status, 202);
        QCOMPARE(nextMail().to, QStringList{QStringLiteral("<hank@example.org>")});
        QCOMPARE(registerAccount(QStringLiteral("not an address")).status, 400);
        QCOMPARE(registerAccount(QStringLiteral("ceo<me@evil.example>")).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestRegistration)
#include "tst_registration.moc"
