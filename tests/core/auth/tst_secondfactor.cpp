// SPDX-License-Identifier: GPL-3.0-or-later
// Two-step sign-in against a real database (SQLite: tst_secondfactor,
// PostgreSQL: tst_secondfactor_postgresql): the TOTP arithmetic against
// RFC 6238's own test vectors, setting an authenticator up, signing in with
// its codes (each once) and with recovery codes (each once), wrong codes
// throttled like wrong passwords, and turning it off.
#include "auth/accounts.h"
#include "auth/secondfactor.h"
#include "auth/signin.h"
#include "auth/totp.h"
#include "common/clock.h"
#include "serverdb/query.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Realm;
using namespace Realm::Auth;
using namespace Realm::ServerDb;

namespace {
const QString kEmail = QStringLiteral("alice@example.org");
const QString kPassword = QStringLiteral("vivid-otter-umbrella");
const ClientInfo kClient{QStringLiteral("192.0.2.9"), QStringLiteral("tst_secondfactor")};
} // namespace

class TestSecondFactor final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SignIn> m_signIn;
    std::unique_ptr<SecondFactor> m_secondFactor;
    qint64 m_now = 1'800'000'000'000;

    Principal signedIn()
    {
        Result<TokenPair> pair = m_signIn->signIn(kEmail, kPassword, kClient);
        if (!pair)
            qFatal("Cannot sign in: %s", qPrintable(pair.error().message));
        return m_signIn->authenticate(pair->accessToken).value();
    }

    QString codeAt(const QByteArray &secret, qint64 offsetSeconds = 0) const { return Totp::codeAt(secret, m_now / 1000 + offsetSeconds); }

    // Turns two-step sign-in on; the secret and the recovery codes.
    std::pair<QByteArray, QStringList> enable()
    {
        const Principal alice = signedIn();
        Result<TotpEnrolment> enrolment = m_secondFactor->beginTotp(alice, kPassword, kClient);
        if (!enrolment)
            qFatal("Cannot begin: %s", qPrintable(enrolment.error().message));
        const QByteArray secret = Totp::fromBase32(enrolment->secret).value();
        Result<RecoveryCodes> codes = m_secondFactor->confirmTotp(alice, codeAt(secret), kClient);
        if (!codes)
            qFatal("Cannot confirm: %s", qPrintable(codes.error().message));
        return {secret, codes->codes};
    }

    QStringList auditActions()
    {
        return m_db->read([](const QSqlDatabase &db) -> Result<QStringList> {
                       Query query(db, "SELECT action, details FROM audit_log ORDER BY seq");
                       if (Result<void> ran = query.exec(QStringLiteral("read")); !ran)
                           return ran.error();
                       QStringList actions;
                       while (query.next())
                           actions.append(query.text(0) + QLatin1Char(' ') + query.text(1));
                       return actions;
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
        m_secondFactor = std::make_unique<SecondFactor>(m_db, SignInThrottle::Limits{});
        REALM_VERIFY_OK(m_accounts->addUser({kEmail, QStringLiteral("Alice"), kPassword, false, true}));
    }

    void cleanup()
    {
        m_secondFactor.reset();
        m_signIn.reset();
        m_accounts.reset();
        m_db.reset();
        Clock::setSourceForTesting({});
    }

    // RFC 6238, appendix B (SHA-1), cut to six digits as the apps show them.
    void codesMatchTheRfcTestVectors_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << QStringLiteral("287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("081804");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("005924");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("353130");
    }

    void codesMatchTheRfcTestVectors()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, code);
        const QByteArray secret("12345678901234567890");
        QCOMPARE(Totp::codeAt(secret, seconds), code);
        QCOMPARE(Totp::matchingStep(secret, code, seconds), std::optional<qint64>(seconds / 30));
        // One step either side is taken; two are not.
        QVERIFY(Totp::matchingStep(secret, code, seconds + 30));
        QVERIFY(Totp::matchingStep(secret, code, seconds - 30));
        QVERIFY(!Totp::matchingStep(secret, code, (seconds / 30 + 2) * 30));
        QVERIFY(!Totp::matchingStep(secret, code, (seconds / 30 - 2) * 30));
        QVERIFY(!Totp::matchingStep(secret, code.left(5) + QLatin1Char(code.at(5) == QLatin1Char('0') ? '1' : '0'), seconds));
    }

    void theSecretTravelsAsBase32InAnOtpauthUri()
    {
        const QByteArray secret("12345678901234567890");
        QCOMPARE(Totp::toBase32(secret), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(Totp::fromBase32(QStringLiteral("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")), std::optional<QByteArray>(secret));
        QVERIFY(!Totp::fromBase32(QStringLiteral("not base32!")));
        const QUrl uri(Totp::provisioningUri(secret, kEmail, QStringLiteral("REALM")));
        QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(uri.host(), QStringLiteral("totp"));
        QCOMPARE(uri.path(), QStringLiteral("/REALM:alice@example.org"));
        const QUrlQuery query(uri);
        QCOMPARE(query.queryItemValue(QStringLiteral("secret")), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(query.queryItemValue(QStringLiteral("issuer")), QStringLiteral("REALM"));
        QVERIFY(Totp::newSecret() != Totp::newSecret());
        QCOMPARE(Totp::newSecret().size(), 20);
    }

    void settingUpNeedsThePasswordAndTheFirstCode()
    {
        const Principal alice = signedIn();
        QCOMPARE(m_secondFactor->beginTotp(alice, QStringLiteral("a wrong guess"), kClient).error().code, Error::Code::Forbidden);
        QCOMPARE(m_secondFactor->confirmTotp(alice, QStringLiteral("123456"), kClient).error().code, Error::Code::Conflict);

        Result<TotpEnrolment> enrolment = m_secondFactor->beginTotp(alice, kPassword, kClient);
        REALM_VERIFY_OK(enrolment);
        QVERIFY(enrolment->uri.contains(enrolment->secret));
        const QByteArray secret = Totp::fromBase32(enrolment->secret).value();
        // Not in force until confirmed: signing in still needs no code.
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient));
        QCOMPARE(m_secondFactor->status(alice.userId).value().enabled, false);

        QCOMPARE(m_secondFactor->confirmTotp(alice, QStringLiteral("12345"), kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(m_secondFactor->confirmTotp(alice, codeAt(secret, 90), kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(auditActions().filter(QStringLiteral("user.totp_confirm_failed")).size(), 1);
        // Turning it on ends the other sessions (the sign-in above among them).
        const Principal other = signedIn();
        Result<RecoveryCodes> recovery = m_secondFactor->confirmTotp(alice, codeAt(secret), kClient);
        REALM_VERIFY_OK(recovery);
        QCOMPARE(recovery->sessionsEnded, 2);
        QCOMPARE(m_signIn->sessions(alice).value().size(), 1);
        QCOMPARE(m_signIn->sessions(other).value().first().id, alice.sessionId);
        QCOMPARE(m_secondFactor->status(alice.userId).value().recoveryCodesLeft, SecondFactor::kRecoveryCodeCount);
        QCOMPARE(recovery->codes.size(), SecondFactor::kRecoveryCodeCount);
        QCOMPARE(QSet<QString>(recovery->codes.begin(), recovery->codes.end()).size(), SecondFactor::kRecoveryCodeCount);
        static const QRegularExpression shape(QStringLiteral("^[a-z2-7]{5}-[a-z2-7]{5}$"));
        for (const QString &code : std::as_const(recovery->codes))
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
        QCOMPARE(m_secondFactor->status(alice.userId).value().enabled, true);
        QCOMPARE(auditActions().filter(QStringLiteral("user.totp_enabled")).size(), 1);

        // A second authenticator only after turning the first off.
        QCOMPARE(m_secondFactor->beginTotp(alice, kPassword, kClient).error().code, Error::Code::Conflict);
    }

    void aNewSetUpReplacesOneNeverConfirmed()
    {
        const Principal alice = signedIn();
        Result<TotpEnrolment> first = m_secondFactor->beginTotp(alice, kPassword, kClient);
        Result<TotpEnrolment> second = m_secondFactor->beginTotp(alice, kPassword, kClient);
        REALM_VERIFY_OK(first);
        REALM_VERIFY_OK(second);
        QVERIFY(first->secret != second->secret);
        const QByteArray firstSecret = Totp::fromBase32(first->secret).value();
        const QByteArray secondSecret = Totp::fromBase32(second->secret).value();
        QCOMPARE(m_secondFactor->confirmTotp(alice, codeAt(firstSecret), kClient).error().code, Error::Code::InvalidInput);
        REALM_VERIFY_OK(m_secondFactor->confirmTotp(alice, codeAt(secondSecret), kClient));
    }

    void signingInTakesEachCodeOnce()
    {
        const QByteArray secret = enable().first;
        const Result<TokenPair> withoutCode = m_signIn->signIn(kEmail, kPassword, kClient);
        QCOMPARE(withoutCode.error().code, Error::Code::SecondFactorRequired);
        // A wrong password says nothing about the second step.
        QCOMPARE(m_signIn->signIn(kEmail, QStringLiteral("a wrong guess"), kClient).error().code, Error::Code::Unauthenticated);

        // The code of the step the factor was confirmed in is spent.
        QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, codeAt(secret)).error().code, Error::Code::Unauthenticated);
        m_now += 30 * 1000;
        const QString code = codeAt(secret);
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient, code.left(3) + QLatin1Char(' ') + code.mid(3)));
        QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, code).error().code, Error::Code::Unauthenticated);
        // The next step's code (a phone's clock a little ahead) works, once.
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient, codeAt(secret, 30)));
        // An older code, even within the window, is refused after a newer one.
        m_now += 30 * 1000;
        QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, codeAt(secret, -30)).error().code, Error::Code::Unauthenticated);
        QCOMPARE(auditActions().filter(QStringLiteral("\"second_factor\":\"totp\"")).size(), 2);
        QCOMPARE(auditActions().filter(QStringLiteral("wrong_second_factor")).size(), 3);
    }

    void guessingTheFirstCodeIsThrottled()
    {
        const Principal alice = signedIn();
        const QByteArray secret = Totp::fromBase32(m_secondFactor->beginTotp(alice, kPassword, kClient).value().secret).value();
        const QString right = codeAt(secret);
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        for (int attempt = 0; attempt < SignInThrottle::Limits{}.failuresPerAccount; ++attempt)
            QCOMPARE(m_secondFactor->confirmTotp(alice, wrong, kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(m_secondFactor->confirmTotp(alice, right, kClient).error().code, Error::Code::Throttled);
    }

    // Two sign-ins judged before either commits, as when they race.
    void ofTwoSignInsWithOneCodeOnlyOneGetsIn()
    {
        const auto [secret, recovery] = enable();
        const QString userId = m_accounts->listUsers().value().first().id;
        m_now += 30 * 1000;
        for (const QString &code : {codeAt(secret), recovery.first()}) {
            const auto judge = [&] {
                return m_db->read([&](const QSqlDatabase &db) { return SecondFactor::judge(db, userId, code, m_now); }).value();
            };
            const SecondFactorProof first = judge();
            const SecondFactorProof second = judge();
            QVERIFY(first.kind == SecondFactorProof::Kind::TotpCode || first.kind == SecondFactorProof::Kind::RecoveryCode);
            const auto spend = [&](const SecondFactorProof &proof) {
                return m_db->write(QStringLiteral("spend"), [&](const QSqlDatabase &db) { return SecondFactor::spend(db, userId, proof, m_now); }).value();
            };
            QCOMPARE(spend(first), SecondFactor::Spent::Yes);
            QCOMPARE(spend(second), SecondFactor::Spent::Taken);
        }
        // Judged before it was turned on, spent after: a code is needed now.
        SecondFactorProof none;
        none.kind = SecondFactorProof::Kind::NotNeeded;
        QCOMPARE(m_db->write(QStringLiteral("spend"), [&](const QSqlDatabase &db) { return SecondFactor::spend(db, userId, none, m_now); }).value(),
                 SecondFactor::Spent::NowRequired);
    }

    void wrongCodesAreThrottledLikeWrongPasswords()
    {
        const QByteArray secret = enable().first;
        const QString right = codeAt(secret, 30);
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        for (int attempt = 0; attempt < SignInThrottle::Limits{}.failuresPerAccount; ++attempt)
            QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, wrong).error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, right).error().code, Error::Code::Throttled);
    }

    void eachRecoveryCodeSignsInOnce()
    {
        const QStringList recovery = enable().second;
        const QString userId = m_accounts->listUsers().value().first().id;
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient, recovery.at(0)));
        QCOMPARE(m_secondFactor->status(userId).value().recoveryCodesLeft, SecondFactor::kRecoveryCodeCount - 1);
        QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, recovery.at(0)).error().code, Error::Code::Unauthenticated);
        // Typed without the dash, in capitals: the same code.
        QString typed = recovery.at(1).toUpper();
        typed.remove(QLatin1Char('-'));
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient, typed));
        QCOMPARE(m_signIn->signIn(kEmail, kPassword, kClient, QStringLiteral("aaaaa-aaaaa")).error().code, Error::Code::Unauthenticated);
        QCOMPARE(auditActions().filter(QStringLiteral("\"second_factor\":\"recovery_code\"")).size(), 2);
    }

    void turningItOffNeedsThePassword()
    {
        enable();
        m_now += 30 * 1000;
        const QByteArray secret = Totp::fromBase32(m_db->read([](const QSqlDatabase &db) -> Result<QString> {
                                                          Query query(db, "SELECT secret FROM totp_factors");
                                                          if (Result<void> ran = query.exec(QStringLiteral("read")); !ran)
                                                              return ran.error();
                                                          return query.next() ? query.text(0) : QString();
                                                      }).value())
                                      .value();
        Result<TokenPair> pair = m_signIn->signIn(kEmail, kPassword, kClient, codeAt(secret));
        REALM_VERIFY_OK(pair);
        const Principal alice = m_signIn->authenticate(pair->accessToken).value();
        const QString next = codeAt(secret, 30);
        QCOMPARE(m_secondFactor->removeTotp(alice, QStringLiteral("a wrong guess"), next, kClient).error().code, Error::Code::Forbidden);
        // The password alone does not do: someone holding a session and the
        // password would otherwise strip the second step.
        QCOMPARE(m_secondFactor->removeTotp(alice, kPassword, QString(), kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(m_secondFactor->removeTotp(alice, kPassword, codeAt(secret), kClient).error().code, Error::Code::Forbidden);
        QCOMPARE(m_secondFactor->status(alice.userId).value().enabled, true);
        REALM_VERIFY_OK(m_secondFactor->removeTotp(alice, kPassword, next, kClient));
        QCOMPARE(m_secondFactor->status(alice.userId).value().enabled, false);
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient));
        // Again: off stays off, and is no error.
        REALM_VERIFY_OK(m_secondFactor->removeTotp(alice, kPassword, QString(), kClient));
        QCOMPARE(auditActions().filter(QStringLiteral("user.totp_disabled")).size(), 1);
        QCOMPARE(auditActions().filter(QStringLiteral("user.totp_change_failed")).size(), 2);
    }

    void anAdministratorCanTakeItAwayForSomeoneLockedOut()
    {
        enable();
        Result<bool> removed = m_accounts->removeSecondFactor(QStringLiteral("ALICE@example.org"));
        REALM_VERIFY_OK(removed);
        QVERIFY(*removed);
        REALM_VERIFY_OK(m_signIn->signIn(kEmail, kPassword, kClient));
        QCOMPARE(m_accounts->removeSecondFactor(kEmail).value(), false);
        QCOMPARE(m_accounts->removeSecondFactor(QStringLiteral("nobody@example.org")).error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSecondFactor)
#include "tst_secondfactor.moc"
