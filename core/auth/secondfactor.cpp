// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/secondfactor.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/reauthentication.h"
#include "auth/tokens.h"
#include "auth/totp.h"
#include "auth/totpstore.h"
#include "auth/users.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

constexpr char kIssuer[] = "REALM";

// Ten characters of base32 (50 bits), shown as xxxxx-xxxxx.
QString newRecoveryCode()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    const QByteArray bytes = Tokens::randomBytes(10);
    QString code;
    for (int i = 0; i < bytes.size(); ++i) {
        if (i == 5)
            code += QLatin1Char('-');
        code += QLatin1Char(alphabet[quint8(bytes.at(i)) & 31]);
    }
    return code;
}

QString recoveryCodeHash(const QString &code)
{
    QString normalized = code.toLower();
    normalized.remove(QLatin1Char('-'));
    normalized.remove(QLatin1Char(' '));
    return Tokens::digest(normalized);
}

SecondFactorProof proofOf(SecondFactorProof::Kind kind, qint64 step = 0, const QString &recoveryCodeHash = {})
{
    return {kind, step, recoveryCodeHash};
}

Error notStarted()
{
    return Error::conflict(tr("No authenticator is being set up. Start again with POST /api/v1/me/totp."));
}

} // namespace

QJsonObject TotpEnrolment::toJson() const
{
    return {{QStringLiteral("secret"), secret}, {QStringLiteral("otpauth_uri"), uri}};
}

QJsonObject RecoveryCodes::toJson() const
{
    return {{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes)}};
}

SecondFactor::SecondFactor(ServerDb::ServerDatabasePtr database, SignInThrottle::Limits limits)
    : m_db(std::move(database)), m_limits(limits)
{
}

Result<TotpEnrolment> SecondFactor::beginTotp(const Principal &principal, const QString &password, const ClientInfo &client)
{
    if (Result<QString> checked = confirmOwnPassword(m_db, principal, password, client, m_limits, QStringLiteral("user.totp_change_failed")); !checked)
        return checked.error();
    const QByteArray secret = Totp::newSecret();
    const TotpEnrolment enrolment{Totp::toBase32(secret), Totp::provisioningUri(secret, principal.email, QString::fromLatin1(kIssuer))};
    Result<void> stored = m_db->write(tr("Cannot set up the authenticator"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<void> locked = Users::lock(db, principal.userId); !locked)
            return locked;
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, principal.userId);
        if (!factor)
            return factor.error();
        if (*factor && (*factor)->confirmed)
            return Error::conflict(tr("Two-step sign-in is on already. Turn it off first to move to another authenticator."));
        return TotpStore::start(db, principal.userId, enrolment.secret, Clock::nowMs());
    });
    if (!stored)
        return stored.error();
    return enrolment;
}

Result<RecoveryCodes> SecondFactor::confirmTotp(const Principal &principal, const QString &code, const ClientInfo &client)
{
    if (!Totp::looksLikeCode(code))
        return Error::invalidInput(tr("Give the six-digit code the authenticator app shows."));
    RecoveryCodes recovery;
    QStringList hashes;
    for (int i = 0; i < kRecoveryCodeCount; ++i) {
        recovery.codes.append(newRecoveryCode());
        hashes.append(recoveryCodeHash(recovery.codes.last()));
    }
    Result<void> done = m_db->write(tr("Cannot turn two-step sign-in on"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<void> locked = Users::lock(db, principal.userId); !locked)
            return locked;
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, principal.userId);
        if (!factor)
            return factor.error();
        if (!*factor || (*factor)->confirmed)
            return notStarted();
        const std::optional<QByteArray> secret = Totp::fromBase32((*factor)->secret);
        const std::optional<qint64> step = secret ? Totp::matchingStep(*secret, code, Clock::nowMs() / 1000) : std::nullopt;
        if (!step)
            return Error::invalidInput(tr("The code does not match. Check that the phone's clock is right and give the code shown now."));
        Result<bool> confirmed = TotpStore::confirm(db, principal.userId, (*factor)->secret, *step, Clock::nowMs());
        if (!confirmed)
            return confirmed.error();
        if (!*confirmed)
            return notStarted();
        if (Result<void> stored = TotpStore::replaceRecoveryCodes(db, principal.userId, hashes); !stored)
            return stored;
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.totp_enabled"), principal.userId, principal, client)); !logged)
            return logged.error();
        return {};
    });
    if (!done)
        return done.error();
    return recovery;
}

Result<void> SecondFactor::removeTotp(const Principal &principal, const QString &password, const ClientInfo &client)
{
    if (Result<QString> checked = confirmOwnPassword(m_db, principal, password, client, m_limits, QStringLiteral("user.totp_change_failed")); !checked)
        return checked.error();
    return m_db->write(tr("Cannot turn two-step sign-in off"), [&](const QSqlDatabase &db) -> Result<void> {
        // Off is off: turning it off twice is no error.
        Result<bool> removed = removeFor(db, principal.userId, principal, client);
        if (!removed)
            return removed.error();
        return {};
    });
}

Result<bool> SecondFactor::isOn(const QString &userId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<bool> {
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, userId);
        if (!factor)
            return factor.error();
        return *factor && (*factor)->confirmed;
    });
}

Result<bool> SecondFactor::removeFor(const QSqlDatabase &db, const QString &userId, const Principal &actor, const ClientInfo &client)
{
    if (Result<void> locked = Users::lock(db, userId); !locked)
        return locked.error();
    Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, userId);
    if (!factor)
        return factor.error();
    const bool wasOn = *factor && (*factor)->confirmed;
    if (Result<bool> removed = TotpStore::remove(db, userId); !removed)
        return removed.error();
    if (!wasOn)
        return false;
    if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.totp_disabled"), userId, actor, client)); !logged)
        return logged.error();
    return true;
}

Result<SecondFactorProof> SecondFactor::judge(const QSqlDatabase &db, const QString &userId, const QString &offered, qint64 nowMs)
{
    using Kind = SecondFactorProof::Kind;
    Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, userId);
    if (!factor)
        return factor.error();
    if (!*factor || !(*factor)->confirmed)
        return proofOf(Kind::NotNeeded);
    const QString code = offered.trimmed();
    if (code.isEmpty())
        return proofOf(Kind::Missing);
    if (code.size() > 64)
        return proofOf(Kind::Wrong);
    if (Totp::looksLikeCode(code)) {
        const std::optional<QByteArray> secret = Totp::fromBase32((*factor)->secret);
        const std::optional<qint64> step = secret ? Totp::matchingStep(*secret, code, nowMs / 1000) : std::nullopt;
        // A code works once: one seen already is as wrong as a made-up one.
        if (!step || *step <= (*factor)->lastStep)
            return proofOf(Kind::Wrong);
        return proofOf(Kind::TotpCode, *step);
    }
    const QString hash = recoveryCodeHash(code);
    Result<bool> known = TotpStore::hasRecoveryCode(db, userId, hash);
    if (!known)
        return known.error();
    if (!*known)
        return proofOf(Kind::Wrong);
    return proofOf(Kind::RecoveryCode, 0, hash);
}

Result<bool> SecondFactor::spend(const QSqlDatabase &db, const QString &userId, const SecondFactorProof &proof, qint64 nowMs)
{
    switch (proof.kind) {
    case SecondFactorProof::Kind::NotNeeded: {
        // Turned on since it was judged: this sign-in has no second factor.
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, userId);
        if (!factor)
            return factor.error();
        return !*factor || !(*factor)->confirmed;
    }
    case SecondFactorProof::Kind::TotpCode: return TotpStore::takeStep(db, userId, proof.step);
    case SecondFactorProof::Kind::RecoveryCode: return TotpStore::useRecoveryCode(db, userId, proof.recoveryCodeHash, nowMs);
    case SecondFactorProof::Kind::Missing:
    case SecondFactorProof::Kind::Wrong: break;
    }
    return false;
}

} // namespace Realm::Auth
