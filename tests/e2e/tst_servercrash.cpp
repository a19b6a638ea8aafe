// SPDX-License-Identifier: GPL-3.0-or-later
// realm-server killed with SIGKILL in the middle of a change (SQLite:
// tst_servercrash, PostgreSQL: …_postgresql): after a restart nothing is
// half-written. The server kills itself at a named point inside the
// transaction (REALM_TEST_CRASH_AT, core/common/crashpoint.h), as a power
// cut there would.
#include "serverprocess.h"
#include "smtpsink.h"
#include "testserverdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm::Test;

namespace {
const QByteArray kPassword = "a crash-proof passphrase";
} // namespace

class TestServerCrash final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl;
    std::unique_ptr<ServerProcess> m_server;
    QString m_alice;
    QString m_orgId;

    QString api(const QString &path) const { return m_server->api(path); }

    QString login(const QString &email)
    {
        return httpRequest("POST", api(QStringLiteral("/auth/login")), {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
            .json.value(QStringLiteral("access_token"))
            .toString();
    }

    // (Re)starts the server; with `crashAt`, armed to kill itself there.
    void restart(const char *crashAt = nullptr)
    {
        if (m_server && m_server->pid() > 0)
            QCOMPARE(m_server->terminate(), 0);
        if (crashAt)
            qputenv("REALM_TEST_CRASH_AT", crashAt);
        QString why;
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        qunsetenv("REALM_TEST_CRASH_AT");
        QVERIFY2(m_server, qPrintable(why));
        m_alice = login(QStringLiteral("alice@example.org"));
        QVERIFY(!m_alice.isEmpty());
    }

    // The request that reaches the crash point: no answer, and the server is gone.
    void expectCrash(const HttpReply &reply)
    {
        QCOMPARE(reply.status, 0);
        QVERIFY(m_server->waitForCrash());
    }

    QString auditVerify()
    {
        QStringList arguments{QStringLiteral("admin"), QStringLiteral("--data"), m_data};
        if (!m_databaseUrl.isEmpty())
            arguments << QStringLiteral("--database") << m_databaseUrl;
        arguments << QStringLiteral("audit") << QStringLiteral("verify");
        const ServerProcess::Outcome verified = ServerProcess::run(arguments);
        return verified.exitCode == 0 ? QString() : verified.err;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        QSettings(m_data + QStringLiteral("/realm-server.conf"), QSettings::IniFormat).setValue(QStringLiteral("server/registration"), QStringLiteral("invite"));
        QCOMPARE(ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kPassword, true).exitCode, 0);
        QCOMPARE(ServerProcess::addUser(m_data, m_databaseUrl, QStringLiteral("bob@example.org"), QStringLiteral("Bob"), kPassword).exitCode, 0);
        restart();
        m_orgId = httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, m_alice).json.value(QStringLiteral("id")).toString();
        QVERIFY(!m_orgId.isEmpty());
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)), {{QStringLiteral("email"), QStringLiteral("bob@example.org")}}, m_alice).status, 201);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->pid() > 0)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aSignUpKilledHalfwayLeavesNoAccount()
    {
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/invitations").arg(m_orgId)), {{QStringLiteral("email"), QStringLiteral("nina@example.org")}}, m_alice).status, 201);
        // No SMTP server here: the invitation is a file.
        const QDir mail(m_data + QStringLiteral("/mail"));
        QString code;
        QTRY_VERIFY_WITH_TIMEOUT(!(code = [&] {
                                      for (const QString &name : mail.entryList({QStringLiteral("*.eml")}, QDir::Files)) {
                                          QFile file(mail.filePath(name));
                                          ReceivedMail received;
                                          if (file.open(QIODevice::ReadOnly))
                                              received.data = file.readAll();
                                          if (received.header("To") == QLatin1String("nina@example.org"))
                                              return codeInMail(received.body());
                                      }
                                      return QString();
                                  }())
                                      .isEmpty(),
                                 20000);
        const QJsonObject signUp{{QStringLiteral("email"), QStringLiteral("nina@example.org")}, {QStringLiteral("name"), QStringLiteral("Nina")},
                                 {QStringLiteral("password"), QString::fromUtf8(kPassword)}, {QStringLiteral("invitation"), code}};

        restart("registration.user_inserted");
        expectCrash(httpRequest("POST", api(QStringLiteral("/auth/register")), signUp));

        restart();
        QVERIFY(login(QStringLiteral("nina@example.org")).isEmpty()); // no account
        // The invitation was not used up: signing up again works, once.
        QCOMPARE(httpRequest("POST", api(QStringLiteral("/auth/register")), signUp).status, 201);
        QVERIFY(!login(QStringLiteral("nina@example.org")).isEmpty());
        const QString broken = auditVerify();
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }

    void aRoleChangeKilledHalfwayLeavesTheOldRole()
    {
        const QString bobId = httpRequest("GET", api(QStringLiteral("/me")), {}, login(QStringLiteral("bob@example.org"))).json.value(QStringLiteral("id")).toString();
        QVERIFY(!bobId.isEmpty());
        restart("organizations.role_set");
        expectCrash(httpRequest("PATCH", api(QStringLiteral("/orgs/%1/members/%2").arg(m_orgId, bobId)), {{QStringLiteral("role"), QStringLiteral("admin")}}, m_alice));

        restart();
        const QJsonArray members = httpRequest("GET", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)), {}, m_alice).json.value(QStringLiteral("members")).toArray();
        QString bobsRole;
        for (const QJsonValue &member : members) {
            if (member[QStringLiteral("user_id")].toString() == bobId)
                bobsRole = member[QStringLiteral("role")].toString();
        }
        QCOMPARE(bobsRole, QStringLiteral("member"));
        const QString broken = auditVerify();
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
        // And the change goes through whole when nothing cuts it short.
        QCOMPARE(httpRequest("PATCH", api(QStringLiteral("/orgs/%1/members/%2").arg(m_orgId, bobId)), {{QStringLiteral("role"), QStringLiteral("admin")}}, m_alice).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerCrash)
#include "tst_servercrash.moc"
