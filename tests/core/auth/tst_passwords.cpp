// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/passwords.h"
#include "verifyresult.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Auth;

class TestPasswords final : public QObject {
    Q_OBJECT

private slots:
    void lengthIsTheOnlyCompositionRule_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("7 characters") << QStringLiteral("kx7#mQz") << false;
        QTest::newRow("8 lower-case letters") << QStringLiteral("kxvmqzrt") << true;
        QTest::newRow("8 characters outside the BMP count as 8") << QString::fromUtf8("😀😀😀😀😀😀😀😀") << true;
        QTest::newRow("a passphrase") << QStringLiteral("correct horse battery staple") << true;
        QTest::newRow("128 characters") << QString(128, QLatin1Char('q')) << true;
        QTest::newRow("129 characters") << QString(129, QLatin1Char('q')) << false;
    }

    void lengthIsTheOnlyCompositionRule()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        QCOMPARE(Passwords::checkNew(password).ok(), accepted);
    }

    void theMostCommonPasswordsAreRefused_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("password") << QStringLiteral("password");
        QTest::newRow("12345678") << QStringLiteral("12345678");
        QTest::newRow("upper case too") << QStringLiteral("PASSWORD1");
        QTest::newRow("iloveyou") << QStringLiteral("iloveyou");
    }

    void theMostCommonPasswordsAreRefused()
    {
        QFETCH(QString, password);
        QVERIFY(Passwords::isCommon(password));
        Result<void> checked = Passwords::checkNew(password);
        QVERIFY(!checked);
        QCOMPARE(checked.error().code, Error::Code::InvalidInput);
        QVERIFY(checked.error().message.contains(QLatin1String("most common")));
    }

    void theListHoldsThreeThousandPasswords()
    {
        QVERIFY(Passwords::isCommon(QStringLiteral("123456")));
        QVERIFY(!Passwords::isCommon(QStringLiteral("vivid-otter-umbrella-41")));
    }

    void hashesAreArgon2idWithOwaspParametersAndAFreshSalt()
    {
        Result<QString> first = Passwords::hash(QStringLiteral("vivid-otter-umbrella"));
        Result<QString> second = Passwords::hash(QStringLiteral("vivid-otter-umbrella"));
        REALM_VERIFY_OK(first);
        REALM_VERIFY_OK(second);
        QVERIFY2(first->startsWith(QLatin1String("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(*first));
        QVERIFY(*first != *second);
        QVERIFY(Passwords::verify(*first, QStringLiteral("vivid-otter-umbrella")));
        QVERIFY(Passwords::verify(*second, QStringLiteral("vivid-otter-umbrella")));
        QVERIFY(!Passwords::verify(*first, QStringLiteral("vivid-otter-umbrellA")));
        QVERIFY(!Passwords::verify(QStringLiteral("not a hash"), QStringLiteral("vivid-otter-umbrella")));
    }
};

QTEST_GUILESS_MAIN(TestPasswords)
#include "tst_passwords.moc"
