// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"
#include "auth/signin.h"
#include "common/clock.h"
#include "serverdb/query.h"
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
const ClientInfo kClient{QStringLiteral("192.0.2.7"), QStringLiteral("tst_signin")};
} // namespace

class TestSignIn final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SignIn> m_signIn;
    qint64 m_now = 1'800'000'000'000;

    void advance(qint64 ms) { m_now += ms; }

    qint64 auditCount(const char *action)
    {
        return m_db->read([action](const QSqlDatabase &db) -> Result<qint64> {
                       Query query(db, "SELECT COUNT(*) FROM audit_log WHERE action = ?");
                       query.bindAll(QString::fromLatin1(action));
                       if (Result<void> ran = query.exec(QStringLiteral("count")); !ran)
                           return ran.error();
                       query.next();
                       return query.integer(0);
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
        REALM_VERIFY_OK(m_accounts->addUser({QStringLiteral("Alice@Example.org"), QStringLiteral("Alice"), kPassword, false, true}));
        REALM_VERIFY_OK(m_accounts->addUser({QStringLiteral("bob@example.org"), QStringLiteral("Bob"), kPassword, false, true}));
    }

    void cleanup()
    {
        m_signIn.reset();
        m_accounts.reset();
        m_db.reset();
        Clock::setSourceForTesting({});
    }

    void signingInGivesTokensThatNameTheUser()
    {
        Result<TokenPair> pair = m_signIn->signIn(QStringLiteral(" alice@EXAMPLE.org"), kPassword, kClient);
        REALM_VERIFY_OK(pair);
        const QJsonObject json = pair->toJson();
        QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(json.value(QStringLiteral("expires_in")).toInteger(), 600);
        QVERIFY(pair->refreshToken.startsWith(QLatin1String("rt_")));
        Result<Principal> principal = m_signIn->authenticate(pair->accessToken);
        REALM_VERIFY_OK(principal);
        QCOMPARE(principal->email, QStringLiteral("alice@example.org"));
        QCOMPARE(principal->name, QStringLiteral("Alice"));
        QVERIFY(!principal->sessionId.isEmpty());
        QCOMPARE(auditCount("user.signed_in"), 1);
        // Ten minutes later the access token has expired; the refresh token still works.
        advance(600 * 1000);
        QVERIFY(!m_signIn->authenticate(pair->accessToken));
        REALM_VERIFY_OK(m_signIn->refresh(pair->refreshToken, kClient));
    }

    void unknownEmailAndWrongPasswordAnswerAlike()
    {
        Result<TokenPair> wrongPassword = m_signIn->signIn(QStringLiteral("alice@example.org"), QStringLiteral("not-her-password"), kClient);
        Result<TokenPair> unknownEmail = m_signIn->signIn(QStringLiteral("carol@example.org"), kPassword, kClient);
        QVERIFY(!wrongPassword);
        QVERIFY(!unknownEmail);
        QCOMPARE(wrongPassword.error().code, Error::Code::Unauthenticated);
        QCOMPARE(unknownEmail.error().code, Error::Code::Unauthenticated);
        QCOMPARE(wrongPassword.error().message, unknownEmail.error().message);
        QCOMPARE(auditCount("user.sign_in_failed"), 2);
    }

    void repeatedFailuresSlowTheAccountDownButNeverLockItForGood()
    {
        for (int attempt = 1; attempt <= 5; ++attempt) {
            Result<TokenPair> failed = m_signIn->signIn(QStringLiteral("alice@example.org"), QStringLiteral("guess-%1-guess").arg(attempt), kClient);
            QCOMPARE(failed.error().code, Error::Code::Unauthenticated);
        }
        // Now even the right password waits…
        Result<TokenPair> throttled = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        QVERIFY(!throttled);
        QCOMPARE(throttled.error().code, Error::Code::Throttled);
        QCOMPARE(throttled.error().retryAfterSeconds, 30);
        // …while another account from elsewhere is not affected.
        REALM_VERIFY_OK(m_signIn->signIn(QStringLiteral("bob@example.org"), kPassword, {QStringLiteral("198.51.100.1"), {}}));
        // After the wait it works again and the slate is clean.
        advance(30 * 1000);
        REALM_VERIFY_OK(m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient));
        QVERIFY(!m_signIn->signIn(QStringLiteral("alice@example.org"), QStringLiteral("one-more-wrong"), kClient));
        REALM_VERIFY_OK(m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient));
    }

    void anUnknownAccountIsThrottledLikeAKnownOne()
    {
        for (int attempt = 1; attempt <= 5; ++attempt)
            QVERIFY(!m_signIn->signIn(QStringLiteral("nobody@example.org"), kPassword, kClient));
        QCOMPARE(m_signIn->signIn(QStringLiteral("nobody@example.org"), kPassword, kClient).error().code, Error::Code::Throttled);
    }

    void concurrentFailuresAreAllCounted()
    {
        // Eight failures at once, each on its own connection: none may
        // overwrite another's count.
        ServerDatabasePtr db = m_db;
        const qint64 now = m_now;
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QList<QFuture<bool>> failures;
        for (int i = 0; i < 8; ++i) {
            failures.append(QtConcurrent::run(&pool, [db, now, i] {
                const bool counted = db->write(QStringLiteral("fail"), [&](const QSqlDatabase &c) {
                                           return SignInThrottle::recordFailure(c, QStringLiteral("198.51.100.%1").arg(i), QStringLiteral("alice@example.org"), now, {});
                                       }).ok();
                db->closeThreadConnection();
                return counted;
            }));
        }
        for (QFuture<bool> &failure : failures)
            QVERIFY(failure.result());
        const qint64 counted = m_db->read([](const QSqlDatabase &connection) -> Result<qint64> {
                                       Query query(connection, "SELECT failures FROM sign_in_throttle WHERE bucket = 'account:alice@example.org'");
                                       if (Result<void> ran = query.exec(QStringLiteral("read")); !ran)
                                           return ran.error();
                                       return query.next() ? query.integer(0) : 0;
                                   }).value();
        QCOMPARE(counted, 8);
        QCOMPARE(m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient).error().code, Error::Code::Throttled);
    }

    void refreshingRotatesTheToken()
    {
        Result<TokenPair> first = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        REALM_VERIFY_OK(first);
        advance(60 * 1000);
        Result<TokenPair> second = m_signIn->refresh(first->refreshToken, kClient);
        REALM_VERIFY_OK(second);
        QVERIFY(second->refreshToken != first->refreshToken);
        REALM_VERIFY_OK(m_signIn->authenticate(second->accessToken));
        advance(60 * 1000);
        Result<TokenPair> third = m_signIn->refresh(second->refreshToken, kClient);
        REALM_VERIFY_OK(third);
        QVERIFY(third->refreshToken != second->refreshToken);
    }

    void aLostReplyGetsTheSameSuccessorWithinTheGraceWindow()
    {
        Result<TokenPair> first = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        Result<TokenPair> second = m_signIn->refresh(first->refreshToken, kClient);
        REALM_VERIFY_OK(second);
        advance(SignIn::kRefreshGraceMs - 1000);
        Result<TokenPair> again = m_signIn->refresh(first->refreshToken, kClient);
        REALM_VERIFY_OK(again);
        QCOMPARE(again->refreshToken, second->refreshToken);
        REALM_VERIFY_OK(m_signIn->authenticate(again->accessToken));
    }

    void reusingARotatedTokenEndsTheWholeFamily()
    {
        Result<TokenPair> first = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        Result<TokenPair> second = m_signIn->refresh(first->refreshToken, kClient);
        REALM_VERIFY_OK(second);
        advance(SignIn::kRefreshGraceMs + 1000);
        Result<TokenPair> reused = m_signIn->refresh(first->refreshToken, kClient);
        QVERIFY(!reused);
        QCOMPARE(reused.error().code, Error::Code::Unauthenticated);
        // Its successor and the session's access tokens die with it.
        QVERIFY(!m_signIn->refresh(second->refreshToken, kClient));
        QVERIFY(!m_signIn->authenticate(second->accessToken));
        QCOMPARE(auditCount("session.refresh_token_reused"), 1);
    }

    void reuseAfterTheSuccessorWasUsedIsCaughtEvenWithinTheGraceWindow()
    {
        Result<TokenPair> first = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        Result<TokenPair> second = m_signIn->refresh(first->refreshToken, kClient);
        Result<TokenPair> third = m_signIn->refresh(second->refreshToken, kClient);
        REALM_VERIFY_OK(third);
        QVERIFY(!m_signIn->refresh(first->refreshToken, kClient));
        QVERIFY(!m_signIn->authenticate(third->accessToken));
    }

    void madeUpRefreshTokensAreRefused()
    {
        QCOMPARE(m_signIn->refresh(QStringLiteral("rt_madeup"), kClient).error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_signIn->refresh(QString(), kClient).error().code, Error::Code::Unauthenticated);
    }

    void disablingAUserStopsItsSessionsAtOnce()
    {
        Result<TokenPair> pair = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        REALM_VERIFY_OK(m_signIn->authenticate(pair->accessToken));
        Result<User> disabled = m_accounts->disableUser(QStringLiteral("alice@example.org"));
        REALM_VERIFY_OK(disabled);
        QVERIFY(disabled->isDisabled());
        QCOMPARE(m_signIn->authenticate(pair->accessToken).error().code, Error::Code::Unauthenticated);
        QVERIFY(!m_signIn->refresh(pair->refreshToken, kClient));
        Result<TokenPair> again = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QLatin1String("disabled")));
    }

    void aPasswordResetEndsEverySession()
    {
        Result<TokenPair> pair = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        REALM_VERIFY_OK(m_accounts->resetPassword(QStringLiteral("alice@example.org"), QStringLiteral("brand-new-passphrase")));
        QVERIFY(!m_signIn->authenticate(pair->accessToken));
        QVERIFY(!m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient));
        REALM_VERIFY_OK(m_signIn->signIn(QStringLiteral("alice@example.org"), QStringLiteral("brand-new-passphrase"), kClient));
        QVERIFY(!m_accounts->resetPassword(QStringLiteral("alice@example.org"), QStringLiteral("password1")));
    }

    void sessionsAreListedAndEndedOnlyByTheirOwner()
    {
        Result<TokenPair> laptop = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        advance(1000);
        Result<TokenPair> phone = m_signIn->signIn(QStringLiteral("alice@example.org"), kPassword, kClient);
        Result<TokenPair> bobs = m_signIn->signIn(QStringLiteral("bob@example.org"), kPassword, kClient);
        Result<Principal> alice = m_signIn->authenticate(laptop->accessToken);
        Result<Principal> bob = m_signIn->authenticate(bobs->accessToken);
        REALM_VERIFY_OK(alice);
        REALM_VERIFY_OK(bob);
        Result<QList<Session>> sessions = m_signIn->sessions(*alice);
        REALM_VERIFY_OK(sessions);
        QCOMPARE(sessions->size(), 2);
        // Bob cannot end Alice's session: to him it does not exist.
        QCOMPARE(m_signIn->endSession(*bob, alice->sessionId, kClient).error().code, Error::Code::NotFound);
        REALM_VERIFY_OK(m_signIn->authenticate(laptop->accessToken));
        // Alice signs out the others from her laptop.
        Result<int> ended = m_signIn->endOtherSessions(*alice, kClient);
        REALM_VERIFY_OK(ended);
        QCOMPARE(*ended, 1);
        QVERIFY(!m_signIn->authenticate(phone->accessToken));
        REALM_VERIFY_OK(m_signIn->authenticate(laptop->accessToken));
        REALM_VERIFY_OK(m_signIn->signOut(*alice, kClient));
        QVERIFY(!m_signIn->authenticate(laptop->accessToken));
        REALM_VERIFY_OK(m_signIn->authenticate(bobs->accessToken));
        REALM_VERIFY_OK(m_accounts->verifyAuditLog());
        QVERIFY(m_accounts->verifyAuditLog()->intact());
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
