// SPDX-License-Identifier: GPL-3.0-or-later
// Team → Connect to Server against a real realm-server on 127.0.0.1: signing
// in, what the account page shows, signing out the other sessions and
// oneself, and the errors a person sees. The refresh token goes to an
// in-memory secret store here (the keychain itself: tst_cliserver).
#include "auth/totp.h"
#include "secrets/memorysecretstore.h"
#include "serverprocess.h"
#include "team/serverdialog.h"
#include "teamclient/serveraccount.h"
#include "teamclient/serverclient.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Test;
using Realm::Ui::ServerDialog;

namespace {
const QByteArray kPassword = "alice's long passphrase";
} // namespace

class tst_ServerDialog final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerProcess> m_server;

    static void fill(ServerDialog &dialog, const QString &url, const QString &email, const QString &password)
    {
        dialog.findChild<QLineEdit *>(QStringLiteral("serverUrl"))->setText(url);
        dialog.findChild<QLineEdit *>(QStringLiteral("serverEmail"))->setText(email);
        dialog.findChild<QLineEdit *>(QStringLiteral("serverPassword"))->setText(password);
    }

    static QStringList rows(const ServerDialog &dialog, const char *list)
    {
        const auto *tree = dialog.findChild<QTreeWidget *>(QString::fromLatin1(list));
        QStringList texts;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QStringList columns;
            for (int c = 0; c < tree->columnCount(); ++c)
                columns << tree->topLevelItem(i)->text(c);
            texts << columns.join(QLatin1Char('|'));
        }
        return texts;
    }

    QString loginElsewhere()
    {
        return httpRequest("POST", m_server->api(QStringLiteral("/auth/login")),
                           {{QStringLiteral("email"), QStringLiteral("alice@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}})
            .json.value(QStringLiteral("access_token"))
            .toString();
    }

    bool hasRefreshToken(Secrets::MemorySecretStore &secrets)
    {
        std::optional<bool> found;
        secrets.read(TeamClient::ServerAccount::secretKeyFor(QUrl(m_server->url())), this,
                     [&found](Result<QString> token) { found = token && token->startsWith(QLatin1String("rt_")); });
        if (!QTest::qWaitFor([&found] { return found.has_value(); }, 5000))
            return false;
        return found.value_or(false);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        const QString data = m_folder.filePath(QStringLiteral("data"));
        QCOMPARE(ServerProcess::run({QStringLiteral("init"), QStringLiteral("--data"), data}).exitCode, 0);
        QCOMPARE(ServerProcess::addUser(data, {}, QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kPassword).exitCode, 0);
        QString why;
        m_server = ServerProcess::serve(data, {}, &why);
        QVERIFY2(m_server, qPrintable(why));
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, loginElsewhere()).status, 201);
    }

    void init() { TeamClient::ServerAccount::forget(); }

    void cleanupTestCase()
    {
        TeamClient::ServerAccount::forget();
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aWrongPasswordIsShownAndNothingIsKept()
    {
        Secrets::MemorySecretStore secrets;
        TeamClient::ServerClient client(&secrets);
        ServerDialog dialog(&client);
        dialog.show();
        fill(dialog, m_server->url(), QStringLiteral("alice@example.org"), QStringLiteral("not her password"));
        QSignalSpy failed(&dialog, &ServerDialog::failed);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("serverSignIn")), Qt::LeftButton);
        QVERIFY(failed.wait(20000));
        const auto *note = dialog.findChild<QLabel *>(QStringLiteral("serverSignInNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("The email or password is wrong.")), qPrintable(note->text()));
        QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 0);
        QVERIFY(!client.account().isSet());
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("serverSignIn"))->isEnabled());
        if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/server-dialog-sign-in.png")));
    }

    void aTwoStepAccountIsAskedForItsCode()
    {
        const QString data = m_folder.filePath(QStringLiteral("data"));
        QCOMPARE(ServerProcess::addUser(data, {}, QStringLiteral("tess@example.org"), QStringLiteral("Tess"), kPassword).exitCode, 0);
        const QJsonObject credentials{{QStringLiteral("email"), QStringLiteral("tess@example.org")}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}};
        const QString access = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")), credentials).json.value(QStringLiteral("access_token")).toString();
        const HttpReply enrolment = httpRequest("POST", m_server->api(QStringLiteral("/me/totp")), {{QStringLiteral("password"), QString::fromUtf8(kPassword)}}, access);
        QCOMPARE(enrolment.status, 200);
        const QByteArray secret = Auth::Totp::fromBase32(enrolment.json.value(QStringLiteral("secret")).toString()).value();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(httpRequest("POST", m_server->api(QStringLiteral("/me/totp/confirm")), {{QStringLiteral("code"), Auth::Totp::codeAt(secret, now)}}, access).status, 200);
        const HttpReply passwordOnly = httpRequest("POST", m_server->api(QStringLiteral("/auth/login")), credentials);
        QCOMPARE(passwordOnly.status, 401);
        QCOMPARE(passwordOnly.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("totp_required"));

        Secrets::MemorySecretStore secrets;
        TeamClient::ServerClient client(&secrets);
        ServerDialog dialog(&client);
        dialog.show();
        auto *code = dialog.findChild<QLineEdit *>(QStringLiteral("serverCode"));
        QVERIFY(!code->isVisible());
        fill(dialog, m_server->url(), QStringLiteral("tess@example.org"), QString::fromUtf8(kPassword));
        QSignalSpy failed(&dialog, &ServerDialog::failed);
        QSignalSpy shown(&dialog, &ServerDialog::accountShown);
        dialog.signIn();
        QVERIFY(failed.wait(20000));
        QVERIFY(code->isVisible());
        QCOMPARE(dialog.focusWidget(), code);
        const auto *note = dialog.findChild<QLabel *>(QStringLiteral("serverSignInNote"));
        QVERIFY2(note->text().contains(QLatin1String("authenticator app")), qPrintable(note->text()));
        if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/server-dialog-code.png")));

        code->setText(QStringLiteral("000000") == Auth::Totp::codeAt(secret, now + 30) ? QStringLiteral("111111") : QStringLiteral("000000"));
        dialog.signIn();
        QVERIFY(failed.wait(20000));
        QVERIFY2(note->text().contains(QLatin1String("wrong or was used")), qPrintable(note->text()));
        QVERIFY(code->text().isEmpty());

        // The next step's code: the one that confirmed the app is spent.
        code->setText(Auth::Totp::codeAt(secret, now + 30));
        QTest::keyClick(code, Qt::Key_Return);
        QVERIFY(shown.wait(20000));
        QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 1);
        QVERIFY(code->text().isEmpty());
        QCOMPARE(client.account().email, QStringLiteral("tess@example.org"));
    }

    void emptyFieldsAreCaughtBeforeAnyCall()
    {
        Secrets::MemorySecretStore secrets;
        TeamClient::ServerClient client(&secrets);
        ServerDialog dialog(&client);
        fill(dialog, m_server->url(), QStringLiteral("alice@example.org"), {});
        dialog.signIn();
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("serverSignInNote"))->text().contains(QLatin1String("password")));
        QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("serverBusy"))->isHidden());
    }

    void anUnreachableServerSaysSo()
    {
        Secrets::MemorySecretStore secrets;
        TeamClient::ServerClient client(&secrets);
        ServerDialog dialog(&client);
        fill(dialog, QStringLiteral("http://127.0.0.1:9"), QStringLiteral("alice@example.org"), QString::fromUtf8(kPassword));
        QSignalSpy failed(&dialog, &ServerDialog::failed);
        dialog.signIn();
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("Cannot reach the server")), qPrintable(failed.first().first().toString()));
    }

    void signingInShowsTheAccountAndSignsOutOthers()
    {
        const QString elsewhere = loginElsewhere();
        QVERIFY(!elsewhere.isEmpty());
        Secrets::MemorySecretStore secrets;
        TeamClient::ServerClient client(&secrets);
        {
            ServerDialog dialog(&client);
            dialog.show();
            fill(dialog, m_server->url(), QStringLiteral("Alice@Example.org"), QString::fromUtf8(kPassword));
            QSignalSpy shown(&dialog, &ServerDialog::accountShown);
            QTest::keyClick(dialog.findChild<QLineEdit *>(QStringLiteral("serverPassword")), Qt::Key_Return);
            QVERIFY(shown.wait(20000));
            QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 1);
            const QString identity = dialog.findChild<QLabel *>(QStringLiteral("serverIdentity"))->text();
            QVERIFY2(identity.contains(QLatin1String("Alice")) && identity.contains(QLatin1String("alice@example.org")) && identity.contains(m_server->url()),
                     qPrintable(identity));
            QCOMPARE(rows(dialog, "serverOrgs"), QStringList{QStringLiteral("Acme|owner")});
            const QStringList sessions = rows(dialog, "serverSessions");
            QVERIFY2(sessions.size() >= 2, qPrintable(sessions.join(QLatin1Char('\n'))));
            QCOMPARE(sessions.filter(QStringLiteral("(this computer)")).size(), 1);
            QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("serverPassword"))->text().isEmpty());
            if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
                QVERIFY(dialog.grab().save(dir + QStringLiteral("/server-dialog.png")));

            auto *others = dialog.findChild<QPushButton *>(QStringLiteral("serverSignOutOthers"));
            QVERIFY(others->isEnabled());
            QTest::mouseClick(others, Qt::LeftButton);
            QVERIFY(shown.wait(20000));
            QCOMPARE(rows(dialog, "serverSessions").size(), 1);
            QVERIFY(!others->isEnabled());
            QCOMPARE(httpRequest("GET", m_server->api(QStringLiteral("/me")), {}, elsewhere).status, 401);
        }
        QVERIFY(client.account().isSet());
        QVERIFY(hasRefreshToken(secrets)); // kept
        {
            // Opened again, it shows the account straight away.
            ServerDialog dialog(&client);
            QSignalSpy shown(&dialog, &ServerDialog::accountShown);
            QVERIFY(shown.wait(20000));
            QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 1);
            QSignalSpy signedOut(&dialog, &ServerDialog::signedOut);
            dialog.signOut();
            QVERIFY(signedOut.wait(20000));
            QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 0);
        }
        QVERIFY(!client.account().isSet());
        QVERIFY(!hasRefreshToken(secrets));
    }
};

QTEST_MAIN(tst_ServerDialog)
#include "tst_serverdialog.moc"
