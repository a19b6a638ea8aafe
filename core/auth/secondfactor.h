// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/signinthrottle.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace Realm::Auth {

// A new authenticator, before its first code came back.
struct TotpEnrolment final {
    QString secret; // base32, for typing in
    QString uri;    // otpauth://…, for a QR code
    QJsonObject toJson() const; // secret, otpauth_uri
};

// What turning two-step sign-in on hands back, once.
struct RecoveryCodes final {
    QStringList codes;
    int sessionsEnded = 0; // the user's other sessions
    QJsonObject toJson() const; // recovery_codes, sessions_ended
};

struct SecondFactorStatus final {
    bool enabled = false;
    int recoveryCodesLeft = 0;
    QJsonObject toJson() const; // enabled, recovery_codes_left
};

// What a sign-in offered as its second factor, judged before the sign-in's
// transaction (where spend() takes it).
struct SecondFactorProof final {
    enum class Kind { NotNeeded, Missing, Wrong, TotpCode, RecoveryCode };
    Kind kind = Kind::NotNeeded;
    qint64 step = 0;          // TotpCode
    QString recoveryCodeHash; // RecoveryCode
};

// Two-step sign-in: a TOTP authenticator app, and ten single-use recovery
// codes for a lost phone. Turning it on or off needs the password again.
// Runs on worker threads.
class SecondFactor final {
public:
    static constexpr int kRecoveryCodeCount = 10;

    enum class Spent { Yes, Taken, NowRequired };

    SecondFactor(ServerDb::ServerDatabasePtr database, SignInThrottle::Limits limits);
    // Names the server in authenticator apps ("REALM realm.example.org").
    void setServerUrl(const QString &url);

    // A new secret, not yet in force: Conflict when one is on already.
    Result<TotpEnrolment> beginTotp(const Principal &principal, const QString &password, const ClientInfo &client);
    // The first code from the app turns the factor on (wrong codes count
    // like failed sign-ins) and ends the user's other sessions — one taken
    // before must not outlive the new protection. The recovery codes are
    // shown this once.
    Result<RecoveryCodes> confirmTotp(const Principal &principal, const QString &code, const ClientInfo &client);
    // Needs the password and, when it is on, a code (or a recovery code):
    // Forbidden for a wrong one, InvalidInput without one. Also drops an
    // unconfirmed set-up; succeeds when there was none.
    Result<void> removeTotp(const Principal &principal, const QString &password, const QString &code, const ClientInfo &client);
    Result<SecondFactorStatus> status(const QString &userId) const;

    // For an administrator helping someone who lost phone and codes alike.
    // False when the user had none.
    static Result<bool> removeFor(const QSqlDatabase &db, const QString &userId, const Principal &actor, const ClientInfo &client);

    // Signing in. `offered` is a six-digit code or a recovery code.
    static Result<SecondFactorProof> judge(const QSqlDatabase &db, const QString &userId, const QString &offered, qint64 nowMs);
    // In the sign-in's transaction: Taken when a racing sign-in took the
    // code first, NowRequired when none was needed when judged but it was
    // turned on since.
    static Result<Spent> spend(const QSqlDatabase &db, const QString &userId, const SecondFactorProof &proof, qint64 nowMs);
    // "The code is wrong or was used already…"
    static QString wrongCodeMessage();
    static QString codeRequiredMessage();

private:
    ServerDb::ServerDatabasePtr m_db;
    SignInThrottle::Limits m_limits;
    QString m_issuer = QStringLiteral("REALM");
};

} // namespace Realm::Auth
