// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/totp.h"

#include "auth/tokens.h"

#include <QUrl>
#include <QUrlQuery>

#include <liboath/oath.h>

#include <cstdlib>

namespace Realm::Auth {

namespace {

// False when liboath cannot start: then no code is made or matched.
bool oathReady()
{
    static const bool ready = oath_init() == OATH_OK;
    return ready;
}

QString digitsOnly(const QString &text)
{
    QString digits = text;
    digits.remove(QLatin1Char(' '));
    return digits;
}

} // namespace

QByteArray Totp::newSecret()
{
    return Tokens::randomBytes(20);
}

QString Totp::toBase32(const QByteArray &secret)
{
    if (!oathReady())
        return {};
    char *encoded = nullptr;
    size_t length = 0;
    if (oath_base32_encode(secret.constData(), size_t(secret.size()), &encoded, &length) != OATH_OK)
        return {};
    QString text = QString::fromLatin1(encoded, qsizetype(length));
    std::free(encoded);
    while (text.endsWith(QLatin1Char('=')))
        text.chop(1);
    return text;
}

std::optional<QByteArray> Totp::fromBase32(const QString &text)
{
    if (!oathReady())
        return std::nullopt;
    // As people copy it: in groups, any case, unpadded.
    QByteArray padded = text.toLatin1().toUpper();
    padded.replace(' ', QByteArray());
    while (padded.size() % 8 != 0)
        padded.append('=');
    char *decoded = nullptr;
    size_t length = 0;
    if (oath_base32_decode(padded.constData(), size_t(padded.size()), &decoded, &length) != OATH_OK)
        return std::nullopt;
    QByteArray secret(decoded, qsizetype(length));
    std::free(decoded);
    return secret;
}

QString Totp::provisioningUri(const QByteArray &secret, const QString &account, const QString &issuer)
{
    QUrl uri;
    uri.setScheme(QStringLiteral("otpauth"));
    uri.setHost(QStringLiteral("totp"));
    uri.setPath(QLatin1Char('/') + issuer + QLatin1Char(':') + account);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("secret"), toBase32(secret));
    query.addQueryItem(QStringLiteral("issuer"), issuer);
    query.addQueryItem(QStringLiteral("algorithm"), QStringLiteral("SHA1"));
    query.addQueryItem(QStringLiteral("digits"), QString::number(kDigits));
    query.addQueryItem(QStringLiteral("period"), QString::number(kStepSeconds));
    uri.setQuery(query);
    return uri.toString(QUrl::FullyEncoded);
}

bool Totp::looksLikeCode(const QString &text)
{
    const QString digits = digitsOnly(text);
    if (digits.size() != kDigits)
        return false;
    return std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

std::optional<qint64> Totp::matchingStep(const QByteArray &secret, const QString &code, qint64 nowSeconds)
{
    if (!looksLikeCode(code) || secret.isEmpty())
        return std::nullopt;
    if (!oathReady())
        return std::nullopt;
    const QByteArray digits = digitsOnly(code).toLatin1();
    int position = 0;
    uint64_t step = 0;
    const int found = oath_totp_validate3(secret.constData(), size_t(secret.size()), time_t(nowSeconds), kStepSeconds, OATH_TOTP_DEFAULT_START_TIME,
                                          kWindowSteps, &position, &step, digits.constData());
    if (found < 0)
        return std::nullopt;
    return qint64(step);
}

QString Totp::codeAt(const QByteArray &secret, qint64 seconds)
{
    if (!oathReady())
        return {};
    char code[kDigits + 1] = {};
    if (oath_totp_generate(secret.constData(), size_t(secret.size()), time_t(seconds), kStepSeconds, OATH_TOTP_DEFAULT_START_TIME, kDigits, code) != OATH_OK)
        return {};
    return QString::fromLatin1(code);
}

} // namespace Realm::Auth
