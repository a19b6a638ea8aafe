// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Realm::Auth {

// Time-based one-time passwords (RFC 6238) as every authenticator app
// makes them: HMAC-SHA1, six digits, 30-second steps. The arithmetic is
// liboath's. Pure functions: no I/O, no clock of their own.
class Totp final {
public:
    static constexpr int kDigits = 6;
    static constexpr int kStepSeconds = 30;
    // Codes one step either side of now are taken: a phone's clock a little
    // off, or a code typed as it changed.
    static constexpr int kWindowSteps = 1;

    // 160 random bits, as RFC 4226 recommends.
    static QByteArray newSecret();
    // Base32 without padding, the form apps take when typed in.
    static QString toBase32(const QByteArray &secret);
    static std::optional<QByteArray> fromBase32(const QString &text);
    // otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…: what a QR code
    // carries to the app.
    static QString provisioningUri(const QByteArray &secret, const QString &account, const QString &issuer);

    // Six digits (spaces allowed, as apps show "123 456").
    static bool looksLikeCode(const QString &text);
    // The time step `code` belongs to when it is a code of `secret` within
    // the window around `nowSeconds`.
    static std::optional<qint64> matchingStep(const QByteArray &secret, const QString &code, qint64 nowSeconds);
    // The code at `seconds` (clients and tests; the server only checks).
    static QString codeAt(const QByteArray &secret, qint64 seconds);
};

} // namespace Realm::Auth
