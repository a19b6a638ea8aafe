// SPDX-License-Identifier: GPL-3.0-or-later
// realm-cli against a real realm-server on 127.0.0.1: signing in keeps the
// refresh token in a real keychain (gnome-keyring on a private D-Bus
// session; tst_cliserver) and fails clearly without one
// (tst_cliserver_nokeychain); scripts use an API key instead.
#include "auth/totp.h"
#include "serverprocess.h"
#include "smtpsink.h"
#include "testworkspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm::Test;

namespace {

const QByteArray kPassword = "alice's long passphrase";

// The one mail in `folder` to `address`.
ReceivedMail mailTo(const QDir &folder, const QString &address)
{
    for (const QString &name : folder.entryList({QStringLiteral("*.eml")}, QDir::Files)) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ReceivedMail mail;
        mail.data = file.readAll();
        if (mail.header("To") == address)
            return mail;
    }
    return {};
}

} // namespace

class TestCliServer final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    std::unique_ptr<ServerProcess> m_server;
    bool m_keychain = qEnvironmentVariable("REALM_TEST_KEYCHAIN") == QLatin1String("available");

    int cli(const QStringList &arguments, QByteArray *out, QByteArray *err = nullptr, const QByteArray &input = {})
    {
        return run(realmBinary(QStringLiteral("realm-cli")), arguments, {}, out, err, input);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_data = m_folder.filePath(QStringLiteral("data"));
        const QString &data = m_data;
        QCOMPARE(ServerProcess::run({QStringLiteral("init"), QStringLiteral("--data"), data}).exitCode, 0);
        QCOMPARE(ServerProcess::addUser(data, {}, QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kPassword).exitCode, 0);
        QString why;
        m_server = ServerProcess::serve(data, {}, &why);
        QVERIFY2(m_server, qPrintable(why));
        // Alice's organization, for whoami to show.
        const QString access = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                                           {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
                                   .json.value(QStringLiteral("access_token"))
                                   .toString();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, access).status, 201);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aWrongPasswordIsRefusedWithTheServersWords()
    {
        QByteArray out, err;
        const int exit = cli({QStringLiteral("server"), QStringLiteral("login"), m_server->url(), QStringLiteral("--email"), QStringLiteral("alice@example.org"),
                              QStringLiteral("--password-stdin")},
                             &out, &err, "not her password\n");
        QCOMPARE(exit, 7);
        QVERIFY2(err.contains("The email or password is wrong."), err.constData());
    }

    void aForgottenPasswordIsResetFromTheCommandLine()
    {
        QCOMPARE(ServerProcess::addUser(m_data, {}, QStringLiteral("hank@example.org"), QStringLiteral("Hank"), kPassword).exitCode, 0);
        QByteArray out, err;
        int exit = cli({QStringLiteral("server"), QStringLiteral("forgot-password"), m_server->url(), QStringLiteral("--email"), QStringLiteral("hank@example.org")}, &out, &err);
        QVERIFY2(exit == 0, err.constData());
        QVERIFY2(out.contains("reset-password"), out.constData());
        // No SMTP server configured: the mail is a file in the data folder.
        const QDir mail(m_data + QStringLiteral("/mail"));
        QTRY_COMPARE_WITH_TIMEOUT(mail.entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 1, 20000);
        QFile file(mail.filePath(mail.entryList({QStringLiteral("*.eml")}, QDir::Files).first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        ReceivedMail mailed;
        mailed.data = file.readAll();
        const QString code = codeInMail(mailed.body());
        QVERIFY2(code.size() >= 40, qPrintable(mailed.body()));

        exit = cli({QStringLiteral("server"), QStringLiteral("reset-password"), m_server->url(), QStringLiteral("--code"), QStringLiteral("wrong"), QStringLiteral("--password-stdin")},
                   &out, &err, "hank's new passphrase\n");
        QVERIFY(exit != 0);
        QVERIFY2(err.contains("wrong, used or expired"), err.constData());
        // The code on the line after the password, out of sight of `ps`.
        exit = cli({QStringLiteral("server"), QStringLiteral("reset-password"), m_server->url(), QStringLiteral("--password-stdin")}, &out, &err,
                   "hank's new passphrase\n" + code.toUtf8() + '\n');
        QVERIFY2(exit == 0, err.constData());
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                             {{QStringLiteral("email"), QStringLiteral("hank@example.org")}, {QStringLiteral("password"), QStringLiteral("hank's new passphrase")}})
                     .status,
                 200);
    }

    void aNewcomerRegistersWithAnInvitationFromTheCommandLine()
    {
        QByteArray out, err;
        int exit = cli({QStringLiteral("server"), QStringLiteral("register"), m_server->url(), QStringLiteral("--email"), QStringLiteral("ivan@example.org"),
                        QStringLiteral("--name"), QStringLiteral("Ivan"), QStringLiteral("--password-stdin")},
                       &out, &err, "ivan's long passphrase\n");
        QCOMPARE(exit, 7); // this server takes no sign-ups
        QVERIFY2(err.contains("does not take sign-ups"), err.constData());

        QCOMPARE(ServerProcess::addUser(m_data, {}, QStringLiteral("root@example.org"), QStringLiteral("Root"), kPassword, true).exitCode, 0);
        const QString root = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                                         {{QStringLiteral("email"), QStringLiteral("root@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
                                 .json.value(QStringLiteral("access_token"))
                                 .toString();
        const QString lab = httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Lab")}}, root).json.value(QStringLiteral("id")).toString();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs/%1/invitations").arg(lab)), {{QStringLiteral("email"), QStringLiteral("ivan@example.org")}}, root).status, 201);
        const QDir mail(m_data + QStringLiteral("/mail"));
        QTRY_VERIFY_WITH_TIMEOUT(!mailTo(mail, QStringLiteral("ivan@example.org")).data.isEmpty(), 20000);
        const QString code = codeInMail(mailTo(mail, QStringLiteral("ivan@example.org")).body());
        QVERIFY(!code.isEmpty());

        exit = cli({QStringLiteral("server"), QStringLiteral("register"), m_server->url(), QStringLiteral("--email"), QStringLiteral("ivan@example.org"),
                    QStringLiteral("--name"), QStringLiteral("Ivan"), QStringLiteral("--invitation"), code, QStringLiteral("--password-stdin")},
                   &out, &err, "ivan's long passphrase\n");
        QVERIFY2(exit == 0, err.constData());
        QVERIFY2(out.contains("Account made"), out.constData());
        const HttpReply ivan = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                                           {{QStringLiteral("email"), QStringLiteral("ivan@example.org")}, {QStringLiteral("password"), QStringLiteral("ivan's long passphrase")}});
        QCOMPARE(ivan.status, 200);
        const QJsonArray orgs = httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, ivan.json.value(QStringLiteral("access_token")).toString()).json.value(QStringLiteral("orgs")).toArray();
        QCOMPARE(orgs.size(), 1);
        QCOMPARE(orgs.first()[QStringLiteral("name")].toString(), QStringLiteral("Lab"));
    }

    void anUnreachableServerSaysSo()
    {
        QByteArray out, err;
        const int exit = cli({QStringLiteral("server"), QStringLiteral("login"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--email"),
                              QStringLiteral("alice@example.org"), QStringLiteral("--password-stdin")},
                             &out, &err, kPassword + '\n');
        QCOMPARE(exit, 9);
        QVERIFY2(err.contains("Cannot reach the server at http://127.0.0.1:9"), err.constData());
    }

    void signingInKeepsTheLoginInTheKeychain()
    {
        QByteArray out, err;
        const int exit = cli({QStringLiteral("server"), QStringLiteral("login"), m_server->url(), QStringLiteral("--email"), QStringLiteral("Alice@Example.org"),
                              QStringLiteral("--password-stdin")},
                             &out, &err, kPassword + '\n');
        if (!m_keychain) {
            QVERIFY(exit != 0);
            QVERIFY2(err.contains("the login cannot be kept") && err.contains("REALM_SERVER_TOKEN"), err.constData());
            return;
        }
        QVERIFY2(exit == 0, err.constData());
        QVERIFY2(out.contains(QByteArray("alice@example.org (Alice) on " + m_server->url().toLatin1())), out.constData());
        QVERIFY(out.contains("Organizations: Acme (owner)"));
        // The settings name the server; no token is in them.
        QFile settings(qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/realm/realm.conf"));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray text = settings.readAll();
        QVERIFY(text.contains(m_server->url().toLatin1()));
        QVERIFY(!text.contains("rt_"));
        QVERIFY(!text.contains("eyJ"));

        // Each later run refreshes from the keychain (and keeps the rotated token).
        for (int run = 0; run < 3; ++run) {
            QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("whoami"), QStringLiteral("--json")}, &out, &err) == 0, err.constData());
            const QJsonObject me = QJsonDocument::fromJson(out).object();
            QCOMPARE(me.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.org"));
            QCOMPARE(me.value(QStringLiteral("orgs")).toArray().first().toObject().value(QStringLiteral("role")).toString(), QStringLiteral("owner"));
        }
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("sessions")}, &out, &err) == 0, err.constData());
        QVERIFY(out.contains("(this one)"));

        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("logout")}, &out, &err) == 0, err.constData());
        QCOMPARE(cli({QStringLiteral("server"), QStringLiteral("whoami")}, &out, &err), 7);
        QVERIFY2(err.contains("Not signed in"), err.constData());
    }

    void twoStepSignInIsSetUpAndUsedFromTheCommandLine()
    {
        if (!m_keychain)
            QSKIP("Signing in needs the keychain; tst_cliserver covers it.");
        const QString email = QStringLiteral("tess@example.org");
        QCOMPARE(ServerProcess::addUser(m_data, {}, email, QStringLiteral("Tess"), kPassword).exitCode, 0);
        const QStringList login{QStringLiteral("server"), QStringLiteral("login"), m_server->url(), QStringLiteral("--email"), email, QStringLiteral("--password-stdin")};
        QByteArray out, err;
        QVERIFY2(cli(login, &out, &err, kPassword + '\n') == 0, err.constData());

        QCOMPARE(cli({QStringLiteral("server"), QStringLiteral("totp"), QStringLiteral("enable"), QStringLiteral("--password-stdin")}, &out, &err, "not her password\n"), 7);
        QVERIFY2(err.contains("The current password is wrong."), err.constData());
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("totp"), QStringLiteral("enable"), QStringLiteral("--password-stdin"), QStringLiteral("--json")}, &out, &err,
                     kPassword + '\n')
                     == 0,
                 err.constData());
        const QJsonObject enrolment = QJsonDocument::fromJson(out).object();
        QVERIFY2(enrolment.value(QStringLiteral("otpauth_uri")).toString().startsWith(QLatin1String("otpauth://totp/")), out.constData());
        const QByteArray secret = Realm::Auth::Totp::fromBase32(enrolment.value(QStringLiteral("secret")).toString()).value();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("totp"), QStringLiteral("confirm"), Realm::Auth::Totp::codeAt(secret, now)}, &out, &err) == 0, err.constData());
        const QList<QByteArray> recoveryCodes = out.trimmed().split('\n');
        QCOMPARE(recoveryCodes.size(), 10);
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("totp"), QStringLiteral("status")}, &out, &err) == 0, err.constData());
        QVERIFY2(out.contains("Two-step sign-in is on."), out.constData());
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("logout")}, &out, &err) == 0, err.constData());

        // The password alone is not enough, and the message says what to add.
        QCOMPARE(cli(login, &out, &err, kPassword + '\n'), 7);
        QVERIFY2(err.contains("two-step sign-in") && err.contains("second line of standard input"), err.constData());
        // The next step's code (the one just used for confirming is spent).
        QVERIFY2(cli(login + QStringList{QStringLiteral("--totp"), Realm::Auth::Totp::codeAt(secret, now + 30)}, &out, &err, kPassword + '\n') == 0, err.constData());
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("logout")}, &out, &err) == 0, err.constData());
        // A recovery code, once, as the second line of standard input.
        const QByteArray withRecovery = kPassword + '\n' + recoveryCodes.first() + '\n';
        QVERIFY2(cli(login, &out, &err, withRecovery) == 0, err.constData());
        QCOMPARE(cli(login, &out, &err, withRecovery), 7);
        QVERIFY2(err.contains("used already"), err.constData());

        // Off needs the password and a code.
        const QStringList disable{QStringLiteral("server"), QStringLiteral("totp"), QStringLiteral("disable"), QStringLiteral("--password-stdin")};
        QCOMPARE(cli(disable, &out, &err, kPassword + '\n'), 4);
        QVERIFY2(err.contains("Give the code"), err.constData());
        QVERIFY2(cli(disable, &out, &err, kPassword + '\n' + recoveryCodes.at(1) + '\n') == 0, err.constData());
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("totp"), QStringLiteral("status"), QStringLiteral("--json")}, &out, &err) == 0, err.constData());
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("enabled")).toBool(true), false);
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("logout")}, &out, &err) == 0, err.constData());
        QVERIFY2(cli(login, &out, &err, kPassword + '\n') == 0, err.constData());
        QVERIFY2(cli({QStringLiteral("server"), QStringLiteral("logout")}, &out, &err) == 0, err.constData());

        // An administrator's way out for someone who lost phone and codes.
        const ServerProcess::Outcome removed = ServerProcess::run({QStringLiteral("admin"), QStringLiteral("--data"), m_data, QStringLiteral("user"),
                                                          QStringLiteral("remove-totp"), email});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY2(removed.out.contains(QLatin1String("was not on")), qPrintable(removed.out));
    }

    void scriptsUseAnApiKeyFromTheEnvironment()
    {
        const QString access = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                                           {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
                                   .json.value(QStringLiteral("access_token"))
                                   .toString();
        const HttpReply key = httpRequest("POST", m_server->api(QStringLiteral("/api-keys")),
                                          {{QStringLiteral("name"), QStringLiteral("CI")}, {QStringLiteral("org"), QStringLiteral("Acme")},
                                           {QStringLiteral("scopes"), QJsonArray{QStringLiteral("project:read")}}, {QStringLiteral("expires_in_days"), 1}},
                                          access);
        QCOMPARE(key.status, 201);
        qputenv("REALM_SERVER_TOKEN", key.json.value(QStringLiteral("key")).toString().toLatin1());
        qputenv("REALM_SERVER_URL", m_server->url().toLatin1());
        QByteArray out, err;
        const int exit = cli({QStringLiteral("server"), QStringLiteral("whoami"), QStringLiteral("--json")}, &out, &err);
        qunsetenv("REALM_SERVER_TOKEN");
        qunsetenv("REALM_SERVER_URL");
        QVERIFY2(exit == 0, err.constData());
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.org"));
    }
};

QTEST_GUILESS_MAIN(TestCliServer)
#include "tst_cliserver.moc"
