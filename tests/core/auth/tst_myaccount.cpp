// SPDX-License-Identifier: GPL-3.0-or-later
// MyAccount against a real database (SQLite: tst_myaccount, PostgreSQL:
// tst_myaccount_postgresql): which requests queue a reset mail, and the
// life of a reset code. The mails themselves: tst_mail, tst_accountrecovery.
#include "auth/accounts.h"
#include "auth/myaccount.h"
#include "auth/registration.h"
#include "auth/signin.h"
#include "common/clock.h"
#include "serverdb/query.h"
#include "smtpsink.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Realm;
using namespace Realm::Auth;
using namespace Realm::ServerDb;

namespace {
const QString kPassword = QStringLiteral("vivid-otter-umbrella");
const QString kNewPassword = QStringLiteral("quiet-harbour-lantern");
const ClientInfo kClient{QStringLiteral("192.0.2.9"), QStringLiteral("tst_myaccount")};
} // namespace

class TestMyAccount final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SignIn> m_signIn;
    std::unique_ptr<MyAccount> m_myAccount;
    int m_wakeUps = 0;
    qint64 m_now = 1'800'000'000'000;

    // The bodies of the queued mails, oldest first.
    QStringList queuedMails()
    {
        return m_db->read([](const QSqlDatabase &db) -> Result<QStringList> {
                       Query query(db, "SELECT body FROM mail_outbox ORDER BY id");
                       if (Result<void> ran = query.exec(QStringLiteral("read")); !ran)
                           return ran.error();
                       QStringList bodies;
                       while (query.next())
                           bodies.append(query.text(0));
                       return bodies;
                   })
            .value();
    }

private slots:
    void init()
    {
        Clock::setSourceForTesting([this] { return m_now; });
        m_db = Test::openTestServerDatabase(m_folder.path());
        m_accounts = std::make_unique<Accounts>(m_db);
        m_signIn = std::make_unique<SignIn>(m_db, Tokens(QByteArray(32, 's')));
        m_wakeUps = 0;
        m_myAccount = std::make_unique<MyAccount>(m_db, SignInThrottle::Limits{}, [this] { ++m_wakeUps; });
        m_myAccount->setServerUrl(QStringLiteral("https://realm.example.org"));
        REALM_VERIFY_OK(m_accounts->addUser({QStringLiteral("alice@example.org"), QStringLiteral("Alice"), kPassword, false, true}));
    }

    void cleanup()
    {
        m_myAccount.reset();
        m_signIn.reset();
        m_accounts.reset();
        m_db.reset();
        Clock::setSourceForTesting({});
    }

    void onlyAnEnabledAccountGetsAMail()
    {
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("nobody@example.org"), kClient));
        QVERIFY(queuedMails().isEmpty());
        QCOMPARE(m_wakeUps, 0);
        REALM_VERIFY_OK(m_accounts->addUser({QStringLiteral("bob@example.org"), QStringLiteral("Bob"), kPassword, false, true}));
        REALM_VERIFY_OK(m_accounts->disableUser(QStringLiteral("bob@example.org")));
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("bob@example.org"), kClient));
        QVERIFY(queuedMails().isEmpty());
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("ALICE@example.org"), kClient));
        QCOMPARE(queuedMails().size(), 1);
        QCOMPARE(m_wakeUps, 1);
        QVERIFY(queuedMails().first().contains(QLatin1String("https://realm.example.org")));
    }

    void askingAgainWithinAMinuteSendsNothingMoreAndANewCodeRetiresTheOld()
    {
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        m_now += 30 * 1000;
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        QCOMPARE(queuedMails().size(), 1);
        m_now += 31 * 1000;
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        QCOMPARE(queuedMails().size(), 2);
        const QString first = Test::codeInMail(queuedMails().at(0));
        const QString second = Test::codeInMail(queuedMails().at(1));
        QVERIFY(!first.isEmpty() && first != second);
        QVERIFY(!m_myAccount->resetPassword(first, kNewPassword, kClient));
        REALM_VERIFY_OK(m_myAccount->resetPassword(second, kNewPassword, kClient));
    }

    void oneAddressMayAskForMailsOnlySoOftenAnHour()
    {
        // Requests for unknown addresses mail nothing and cost nothing: they
        // cannot use up the allowance of people sharing the address.
        for (int i = 0; i < 2 * SignInThrottle::kMailRequestsPerHour; ++i)
            REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("nobody%1@example.org").arg(i), kClient));
        // Each mailed reset counts (one a minute per account is allowed).
        for (int i = 0; i < SignInThrottle::kMailRequestsPerHour; ++i) {
            REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
            m_now += 61 * 1000;
        }
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour);
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour);
        // Another address is not held back, and the hour passes.
        const ClientInfo elsewhere{QStringLiteral("198.51.100.7"), QStringLiteral("tst_myaccount")};
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), elsewhere));
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour + 1);
        m_now += 61 * 60 * 1000; // past the hour
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour + 2);
    }

    void openSignUpsFromOneAddressAreLimitedAlikeForEveryEmail()
    {
        Registration registration(m_db, RegistrationMode::Open, [] {});
        for (int i = 0; i < SignInThrottle::kMailRequestsPerHour; ++i)
            REALM_VERIFY_OK(registration.registerAccount({QStringLiteral("new%1@example.org").arg(i), {}, QStringLiteral("New"), {}}, kClient));
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour);
        // Past the allowance an existing and a new address get the same answer.
        for (const QString &email : {QStringLiteral("alice@example.org"), QStringLiteral("fresh@example.org")}) {
            Result<Registration::Outcome> refused = registration.registerAccount({email, {}, QStringLiteral("New"), {}}, kClient);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Error::Code::Throttled);
            QVERIFY(refused.error().retryAfterSeconds > 0 && refused.error().retryAfterSeconds <= 3600);
        }
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour);
        const ClientInfo elsewhere{QStringLiteral("198.51.100.7"), QStringLiteral("tst_myaccount")};
        REALM_VERIFY_OK(registration.registerAccount({QStringLiteral("fresh@example.org"), {}, QStringLiteral("Fresh"), {}}, elsewhere));
        QCOMPARE(queuedMails().size(), SignInThrottle::kMailRequestsPerHour + 1);
    }

    void aCodeExpiresAfterAnHour()
    {
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        const QString code = Test::codeInMail(queuedMails().first());
        m_now += MyAccount::kResetCodeLifetimeMs;
        const Result<void> late = m_myAccount->resetPassword(code, kNewPassword, kClient);
        QVERIFY(!late);
        QCOMPARE(late.error().code, Error::Code::InvalidInput);
        REALM_VERIFY_OK(m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient));
    }

    void aResetForgivesFailedSignInsAndEndsSessions()
    {
        Result<TokenPair> session = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        REALM_VERIFY_OK(session);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!m_signIn->signIn(QStringLiteral("alice@example.org"), QStringLiteral("wrong guess here"), kClient));
        QCOMPARE(m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient).error().code, Error::Code::Throttled);
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        REALM_VERIFY_OK(m_myAccount->resetPassword(Test::codeInMail(queuedMails().first()), kNewPassword, kClient));
        QVERIFY(!m_signIn->authenticate(session->accessToken));
        REALM_VERIFY_OK(m_signIn->signIn(QStringLiteral("alice@example.org"), kNewPassword, kClient));
    }

    void twoResetsRacingWithOneCodeCannotBothWin()
    {
        REALM_VERIFY_OK(m_myAccount->forgotPassword(QStringLiteral("alice@example.org"), kClient));
        const QString code = Test::codeInMail(queuedMails().first());
        QFuture<Result<void>> first = QtConcurrent::run([&] { return m_myAccount->resetPassword(code, QStringLiteral("first racing passphrase"), kClient); });
        QFuture<Result<void>> second = QtConcurrent::run([&] { return m_myAccount->resetPassword(code, QStringLiteral("second racing passphrase"), kClient); });
        const bool firstWon = bool(first.result());
        const bool secondWon = bool(second.result());
        QVERIFY(firstWon != secondWon);
    }
};

QTEST_GUILESS_MAIN(TestMyAccount)
#include "tst_myaccount.moc"
