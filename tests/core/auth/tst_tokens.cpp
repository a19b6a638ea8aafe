// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokens.h"
#include "verifyresult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Realm;
using namespace Realm::Auth;

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 kNow = 1'800'000'000;

QByteArray part(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

QJsonObject decoded(const QByteArray &encoded)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(encoded, kBase64Url)).object();
}

AccessClaims claims()
{
    return {QStringLiteral("user-1"), QStringLiteral("session-1"), kNow, kNow + Tokens::kAccessLifetimeSeconds};
}

} // namespace

class TestTokens final : public QObject {
    Q_OBJECT

private:
    const QByteArray m_key = QByteArray(32, 'k');
    const Tokens m_tokens{m_key};

    // The token with its header or claims replaced, signed again with `key`
    // under HS256 (what an attacker who guessed the scheme would send).
    QString resigned(const QString &token, const std::function<void(QJsonObject &header, QJsonObject &payload)> &edit, const QByteArray &key)
    {
        const QList<QByteArray> parts = token.toLatin1().split('.');
        QJsonObject header = decoded(parts.at(0));
        QJsonObject payload = decoded(parts.at(1));
        edit(header, payload);
        const QByteArray input = part(header) + '.' + part(payload);
        return QString::fromLatin1(input + '.' + QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256).toBase64(kBase64Url));
    }

    // The key access tokens are signed with: derived from the server key.
    QByteArray accessKey() const
    {
        return QMessageAuthenticationCode::hash("realm access tokens", m_key, QCryptographicHash::Sha256);
    }

private slots:
    void aSignedTokenVerifiesAndCarriesItsClaims()
    {
        const QString token = m_tokens.signAccessToken(claims());
        Result<AccessClaims> verified = m_tokens.verifyAccessToken(token, kNow + 1);
        REALM_VERIFY_OK(verified);
        QCOMPARE(verified->userId, QStringLiteral("user-1"));
        QCOMPARE(verified->sessionId, QStringLiteral("session-1"));
        QCOMPARE(verified->expiresAt, kNow + 600);
        const QJsonObject header = decoded(token.toLatin1().split('.').at(0));
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("at+jwt"));
        const QJsonObject payload = decoded(token.toLatin1().split('.').at(1));
        QCOMPARE(payload.value(QStringLiteral("iss")).toString(), QStringLiteral("realm-server"));
        QCOMPARE(payload.value(QStringLiteral("aud")).toString(), QStringLiteral("realm-api"));
    }

    void attacksAreRefused_data()
    {
        QTest::addColumn<QString>("token");
        const QString good = m_tokens.signAccessToken(claims());
        const QList<QByteArray> parts = good.toLatin1().split('.');
        QJsonObject noneHeader{{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("typ"), QStringLiteral("at+jwt")}};
        QTest::newRow("alg none, no signature") << QString::fromLatin1(part(noneHeader) + '.' + parts.at(1) + '.');
        QTest::newRow("alg none, the old signature") << QString::fromLatin1(part(noneHeader) + '.' + parts.at(1) + '.' + parts.at(2));
        QTest::newRow("HS512 header") << resigned(good, [](QJsonObject &h, QJsonObject &) { h[QStringLiteral("alg")] = QStringLiteral("HS512"); }, accessKey());
        QTest::newRow("EdDSA header") << resigned(good, [](QJsonObject &h, QJsonObject &) { h[QStringLiteral("alg")] = QStringLiteral("EdDSA"); }, accessKey());
        QTest::newRow("not an access token") << resigned(good, [](QJsonObject &h, QJsonObject &) { h[QStringLiteral("typ")] = QStringLiteral("JWT"); }, accessKey());
        QTest::newRow("signed with the raw server key") << resigned(good, [](QJsonObject &, QJsonObject &) {}, m_key);
        QTest::newRow("another key") << resigned(good, [](QJsonObject &, QJsonObject &) {}, QByteArray(32, 'x'));
        QJsonObject tamperedPayload = decoded(parts.at(1));
        tamperedPayload[QStringLiteral("sub")] = QStringLiteral("admin");
        QTest::newRow("claims changed, signature kept") << QString::fromLatin1(parts.at(0) + '.' + part(tamperedPayload) + '.' + parts.at(2));
        QByteArray flipped = parts.at(2);
        flipped[3] = flipped.at(3) == 'A' ? 'B' : 'A';
        QTest::newRow("signature changed") << QString::fromLatin1(parts.at(0) + '.' + parts.at(1) + '.' + flipped);
        QTest::newRow("two parts") << QString::fromLatin1(parts.at(0) + '.' + parts.at(1));
        QTest::newRow("garbage") << QStringLiteral("not.a.token");
        QTest::newRow("empty") << QString();
    }

    void attacksAreRefused()
    {
        QFETCH(QString, token);
        Result<AccessClaims> verified = m_tokens.verifyAccessToken(token, kNow + 1);
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, Error::Code::Unauthenticated);
    }

    void claimsAreChecked_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("wrong audience") << QStringLiteral("aud") << QJsonValue(QStringLiteral("other-api"));
        QTest::newRow("wrong issuer") << QStringLiteral("iss") << QJsonValue(QStringLiteral("evil"));
        QTest::newRow("no session") << QStringLiteral("sid") << QJsonValue(QStringLiteral(""));
        QTest::newRow("no subject") << QStringLiteral("sub") << QJsonValue();
    }

    void claimsAreChecked()
    {
        QFETCH(QString, claim);
        QFETCH(QJsonValue, value);
        // Signed with the right (derived) key, so only the claim is wrong.
        const QString token = resigned(m_tokens.signAccessToken(claims()), [&](QJsonObject &, QJsonObject &payload) {
            if (value.isNull())
                payload.remove(claim);
            else
                payload[claim] = value;
        }, accessKey());
        Result<AccessClaims> verified = m_tokens.verifyAccessToken(token, kNow + 1);
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, Error::Code::Unauthenticated);
    }

    void aTokenResignedUnchangedStillVerifies()
    {
        // The control for the two tests above: the test's signing is right.
        const QString token = resigned(m_tokens.signAccessToken(claims()), [](QJsonObject &, QJsonObject &) {}, accessKey());
        REALM_VERIFY_OK(m_tokens.verifyAccessToken(token, kNow + 1));
    }

    void anExpiredTokenIsRefused()
    {
        const QString token = m_tokens.signAccessToken(claims());
        QVERIFY(m_tokens.verifyAccessToken(token, kNow + Tokens::kAccessLifetimeSeconds - 1));
        Result<AccessClaims> expired = m_tokens.verifyAccessToken(token, kNow + Tokens::kAccessLifetimeSeconds);
        QVERIFY(!expired);
        QVERIFY(expired.error().message.contains(QLatin1String("expired")));
    }

    void refreshTokensAreRandomAndTheirSuccessorsDerived()
    {
        const QString first = Tokens::newRefreshToken();
        const QString second = Tokens::newRefreshToken();
        QVERIFY(first.startsWith(QLatin1String("rt_")));
        QVERIFY(first != second);
        QCOMPARE(QByteArray::fromBase64(first.mid(3).toLatin1(), kBase64Url).size(), 32);
        QCOMPARE(m_tokens.successorOf(first), m_tokens.successorOf(first));
        QVERIFY(m_tokens.successorOf(first) != m_tokens.successorOf(second));
        QVERIFY(m_tokens.successorOf(first) != Tokens(QByteArray(32, 'z')).successorOf(first));
        QCOMPARE(Tokens::digest(first).size(), 64);
        QVERIFY(Tokens::digest(first) != Tokens::digest(second));
    }
};

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
