// SPDX-License-Identifier: GPL-3.0-or-later
// People looking after their own accounts on a real realm-server (SQLite:
// tst_accountrecovery, PostgreSQL: …_postgresql): a forgotten password
// reset through a mailed code (SMTP to a sink on 127.0.0.1, or files when
// no SMTP server is configured), changing the password and the name.
#include "serverprocess.h"
#include "smtpsink.h"
#include "testserverdatabase.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm::Test;

namespace {

const QByteArray kOldPassword = "carol's first passphrase";
const QByteArray kNewPassword = "carol's second passphrase";

} // namespace

class TestAccountRecovery final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl;
    SmtpSink m_sink;
    std::unique_ptr<ServerProcess> m_server;

    QString api(const QString &path) const { return m_server->api(path); }

    HttpReply login(const QString &email, const QByteArray &password)
    {
        return httpRequest("POST", api(QStringLiteral("/auth/login")), {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromUtf8(password)}});
    }

    QString token(const QString &email, const QByteArray &password) { return login(email, password).json.value(QStringLiteral("access_token")).toString(); }

    void addUser(const QString &email, const QString &name, const QByteArray &password)
    {
        const ServerProcess::Outcome added = ServerProcess::addUser(m_data, m_databaseUrl, email, name, password);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sink.listen());
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        {
            QSettings config(m_data + QStringLiteral("/realm-server.conf"), QSettings::IniFormat);
            config.setValue(QStringLiteral("mail/smtp_url"), m_sink.url());
            config.setValue(QStringLiteral("mail/allow_unencrypted"), true);
            config.setValue(QStringLiteral("mail/from"), QStringLiteral("REALM <realm@example.org>"));
            config.setValue(QStringLiteral("server/public_url"), QStringLiteral("https://realm.example.org"));
        }
        addUser(QStringLiteral("carol@example.org"), QStringLiteral("Carol"), kOldPassword);
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aForgottenPasswordIsResetWithTheMailedCode()
    {
        const QString before = token(QStringLiteral("carol@example.org"), kOldPassword);
        QVERIFY(!before.isEmpty());

        const HttpReply unknown = httpRequest("POST", api(QStringLiteral("/auth/password/forgot")), {{QStringLiteral("email"), QStringLiteral("nobody@example.org")}});
        const HttpReply known = httpRequest("POST", api(QStringLiteral("/auth/password/forgot")), {{QStringLiteral("email"), QStringLiteral(" Carol@Example.org")}});
        QCOMPARE(unknown.status, 202);
        QCOMPARE(known.status, 202);
        QCOMPARE(known.body, unknown.body);

        QTRY_COMPARE_WITH_TIMEOUT(m_sink.mails().size(), 1, 20000);
        const ReceivedMail mail = m_sink.mails().first();
        QCOMPARE(mail.to, QStringList{QStringLiteral("<carol@example.org>")});
        QCOMPARE(mail.header("Subject"), QStringLiteral("Reset your REALM password"));
        QVERIFY2(mail.body().contains(QLatin1String("https://realm.example.org")), qPrintable(mail.body()));
        const QString code = codeInMail(mail.body());
        QVERIFY2(code.size() >= 40, qPrintable(mail.body()));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->log().contains("\"mail.sent\""), 20000);
        QVERIFY(!m_server->log().contains(code.toUtf8())); // never logged

        // A wrong code changes nothing.
        HttpReply reset = httpRequest("POST", api(QStringLiteral("/auth/password/reset")), {{QStringLiteral("token"), QString(code + QStringLiteral("x"))}, {QStringLiteral("password"), QString::fromUtf8(kNewPassword)}});
        QCOMPARE(reset.status, 400);
        QCOMPARE(login(QStringLiteral("carol@example.org"), kOldPassword).status, 200);
        // A common password is refused, and the code still works afterwards.
        reset = httpRequest("POST", api(QStringLiteral("/auth/password/reset")), {{QStringLiteral("token"), code}, {QStringLiteral("password"), QStringLiteral("qwertyuiop")}});
        QCOMPARE(reset.status, 400);

        reset = httpRequest("POST", api(QStringLiteral("/auth/password/reset")), {{QStringLiteral("token"), code}, {QStringLiteral("password"), QString::fromUtf8(kNewPassword)}});
        QCOMPARE(reset.status, 204);
        QCOMPARE(httpRequest("GET", api(QStringLiteral("/me")), {}, before).status, 401); // every session ended
        QCOMPARE(login(QStringLiteral("carol@example.org"), kOldPassword).status, 401);
        QCOMPARE(login(QStringLiteral("carol@example.org"), kNewPassword).status, 200);
        // Once only.
        reset = httpRequest("POST", api(QStringLiteral("/auth/password/reset")), {{QStringLiteral("token"), code}, {QStringLiteral("password"), QStringLiteral("yet another passphrase")}});
        QCOMPARE(reset.status, 400);
        QCOMPARE(login(QStringLiteral("carol@example.org"), kNewPassword).status, 200);
    }

    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions()
    {
        addUser(QStringLiteral("dan@example.org"), QStringLiteral("Dan"), kOldPassword);
        const QString here = token(QStringLiteral("dan@example.org"), kOldPassword);
        const QString elsewhere = token(QStringLiteral("dan@example.org"), kOldPassword);
        const QString url = api(QStringLiteral("/me/password"));

        HttpReply changed = httpRequest("POST", url, {{QStringLiteral("current"), QStringLiteral("not my password")}, {QStringLiteral("new"), QString::fromUtf8(kNewPassword)}}, here);
        QCOMPARE(changed.status, 403);
        QCOMPARE(httpRequest("GET", api(QStringLiteral("/me")), {}, elsewhere).status, 200);

        changed = httpRequest("POST", url, {{QStringLiteral("current"), QString::fromUtf8(kOldPassword)}, {QStringLiteral("new"), QString::fromUtf8(kNewPassword)}}, here);
        QCOMPARE(changed.status, 204);
        QCOMPARE(httpRequest("GET", api(QStringLiteral("/me")), {}, here).status, 200);
        QCOMPARE(httpRequest("GET", api(QStringLiteral("/me")), {}, elsewhere).status, 401);
        QCOMPARE(login(QStringLiteral("dan@example.org"), kOldPassword).status, 401);
        QCOMPARE(login(QStringLiteral("dan@example.org"), kNewPassword).status, 200);
    }

    void wrongCurrentPasswordsAreThrottledLikeSignIns()
    {
        addUser(QStringLiteral("erin@example.org"), QStringLiteral("Erin"), kOldPassword);
        const QString erin = token(QStringLiteral("erin@example.org"), kOldPassword);
        const QJsonObject wrong{{QStringLiteral("current"), QStringLiteral("a guess that is wrong")}, {QStringLiteral("new"), QString::fromUtf8(kNewPassword)}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(httpRequest("POST", api(QStringLiteral("/me/password")), wrong, erin).status, 403);
        const HttpReply throttled = httpRequest("POST", api(QStringLiteral("/me/password")), wrong, erin);
        QCOMPARE(throttled.status, 429);
        QVERIFY(throttled.header("Retry-After").toInt() > 0);
    }

    void peopleRenameThemselves()
    {
        addUser(QStringLiteral("frank@example.org"), QStringLiteral("Frank"), kOldPassword);
        const QString frank = token(QStringLiteral("frank@example.org"), kOldPassword);
        HttpReply renamed = httpRequest("PATCH", api(QStringLiteral("/me")), {{QStringLiteral("name"), QStringLiteral("Frank Zappa")}}, frank);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json.value(QStringLiteral("name")).toString(), QStringLiteral("Frank Zappa"));
        QCOMPARE(httpRequest("GET", api(QStringLiteral("/me")), {}, frank).json.value(QStringLiteral("name")).toString(), QStringLiteral("Frank Zappa"));
        renamed = httpRequest("PATCH", api(QStringLiteral("/me")), {{QStringLiteral("name"), QStringLiteral("  ")}}, frank);
        QCOMPARE(renamed.status, 400);
        QCOMPARE(httpRequest("PATCH", api(QStringLiteral("/me")), {}, frank).status, 400);
    }

    void withoutSmtpMailsBecomeFilesInTheDataFolder()
    {
        QTemporaryDir folder;
        const QString data = folder.filePath(QStringLiteral("data"));
        QCOMPARE(ServerProcess::run({QStringLiteral("init"), QStringLiteral("--data"), data}).exitCode, 0);
        QCOMPARE(ServerProcess::addUser(data, {}, QStringLiteral("gina@example.org"), QStringLiteral("Gina"), kOldPassword).exitCode, 0);
        QString why;
        std::unique_ptr<ServerProcess> server = ServerProcess::serve(data, {}, &why);
        QVERIFY2(server, qPrintable(why));
        QCOMPARE(httpRequest("POST", server->api(QStringLiteral("/auth/password/forgot")), {{QStringLiteral("email"), QStringLiteral("gina@example.org")}}).status, 202);
        const QDir mailFolder(data + QStringLiteral("/mail"));
        QTRY_COMPARE_WITH_TIMEOUT(mailFolder.entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 1, 20000);
        const QString file = mailFolder.filePath(mailFolder.entryList({QStringLiteral("*.eml")}, QDir::Files).first());
        QTRY_VERIFY_WITH_TIMEOUT(server->log().contains(QFileInfo(file).fileName().toUtf8()), 20000); // the log says where
        QFile mailFile(file);
        QVERIFY(mailFile.open(QIODevice::ReadOnly));
        ReceivedMail mail;
        mail.data = mailFile.readAll();
        const QString code = codeInMail(mail.body());
        QVERIFY2(!code.isEmpty(), qPrintable(mail.body()));
        QCOMPARE(httpRequest("POST", server->api(QStringLiteral("/auth/password/reset")), {{QStringLiteral("token"), code}, {QStringLiteral("password"), QString::fromUtf8(kNewPassword)}}).status, 204);
        QCOMPARE(server->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAccountRecovery)
#include "tst_accountrecovery.moc"
