// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokens.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

std::optional<QJsonObject> decodePart(const QByteArray &part)
{
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(part, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// The same for every failed check (each call says which): a client learns
// only that the token is not good, never which check it failed.
Error invalid()
{
    return Error::unauthenticated(tr("The access token is not valid or has expired. Sign in again (or refresh the token)."));
}

} // namespace

Tokens::Tokens(QByteArray signingKey)
    : m_jwtKey(hmac(signingKey, "realm access tokens"))
    , m_refreshKey(hmac(signingKey, "realm refresh token successors"))
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to start");
}

QString Tokens::signAccessToken(const AccessClaims &claims) const
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("at+jwt")}};
    const QJsonObject payload{{QStringLiteral("iss"), QLatin1String(kIssuer)},
                              {QStringLiteral("aud"), QLatin1String(kAudience)},
                              {QStringLiteral("sub"), claims.userId},
                              {QStringLiteral("sid"), claims.sessionId},
                              {QStringLiteral("iat"), claims.issuedAt},
                              {QStringLiteral("exp"), claims.expiresAt}};
    const QByteArray signingInput = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(kBase64Url) + '.'
                                    + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
    return QString::fromLatin1(signingInput + '.' + hmac(m_jwtKey, signingInput).toBase64(kBase64Url));
}

Result<AccessClaims> Tokens::verifyAccessToken(const QString &token, qint64 nowSeconds) const
{
    if (token.size() > 4096)
        return invalid(); // too long
    const QByteArray bytes = token.toLatin1();
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() != 3)
        return invalid(); // not a JWT
    const std::optional<QJsonObject> header = decodePart(parts.at(0));
    if (!header)
        return invalid(); // unreadable header
    // Exactly one algorithm is allowed: the header cannot choose another.
    if (header->value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return invalid(); // algorithm not allowed
    if (header->value(QStringLiteral("typ")).toString() != QLatin1String("at+jwt"))
        return invalid(); // not an access token
    const QByteArray::FromBase64Result signature = QByteArray::fromBase64Encoding(parts.at(2), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray expected = hmac(m_jwtKey, parts.at(0) + '.' + parts.at(1));
    if (!signature || signature.decoded.size() != expected.size()
        || sodium_memcmp(signature.decoded.constData(), expected.constData(), size_t(expected.size())) != 0)
        return invalid(); // bad signature
    const std::optional<QJsonObject> payload = decodePart(parts.at(1));
    if (!payload)
        return invalid(); // unreadable claims
    if (payload->value(QStringLiteral("iss")).toString() != QLatin1String(kIssuer))
        return invalid(); // wrong issuer
    const QJsonValue audience = payload->value(QStringLiteral("aud"));
    const bool audienceMatches = audience.isArray() ? audience.toArray().contains(QLatin1String(kAudience))
                                                    : audience.toString() == QLatin1String(kAudience);
    if (!audienceMatches)
        return invalid(); // wrong audience
    AccessClaims claims;
    claims.userId = payload->value(QStringLiteral("sub")).toString();
    claims.sessionId = payload->value(QStringLiteral("sid")).toString();
    claims.issuedAt = payload->value(QStringLiteral("iat")).toInteger();
    claims.expiresAt = payload->value(QStringLiteral("exp")).toInteger();
    if (claims.userId.isEmpty() || claims.sessionId.isEmpty() || claims.expiresAt <= 0)
        return invalid(); // claims missing
    if (claims.expiresAt <= nowSeconds)
        return invalid(); // expired
    return claims;
}

QByteArray Tokens::randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes;
}

QString Tokens::newRefreshToken()
{
    return QStringLiteral("rt_") + QString::fromLatin1(randomBytes(32).toBase64(kBase64Url));
}

QString Tokens::newOneTimeCode()
{
    return QString::fromLatin1(randomBytes(32).toBase64(kBase64Url));
}

QString Tokens::successorOf(const QString &refreshToken) const
{
    return QStringLiteral("rt_") + QString::fromLatin1(hmac(m_refreshKey, refreshToken.toUtf8()).toBase64(kBase64Url));
}

QString Tokens::digest(const QString &secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QByteArray Tokens::newSigningKey()
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to start");
    return randomBytes(32);
}

} // namespace Realm::Auth
