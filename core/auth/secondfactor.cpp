// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/secondfactor.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/reauthentication.h"
#include "auth/sessions.h"
#include "auth/tokens.h"
#include "auth/totp.h"
#include "auth/totpstore.h"
#include "auth/users.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

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
    return Error::conflict(tr("No authenticator is being set up (or it was set up meanwhile). Start again with: realm-cli server totp enable"));
}

} // namespace

QJsonObject TotpEnrolment::toJson() const
{
    return {{QStringLiteral("secret"), secret}, {QStringLiteral("otpauth_uri"), uri}};
}

QJsonObject RecoveryCodes::toJson() const
{
    return {{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes)}, {QStringLiteral("sessions_ended"), sessionsEnded}};
}

QJsonObject SecondFactorStatus::toJson() const
{
    return {{QStringLiteral("enabled"), enabled}, {QStringLiteral("recovery_codes_left"), recoveryCodesLeft}};
}

SecondFactor::SecondFactor(ServerDb::ServerDatabasePtr database, SignInThrottle::Limits limits)
    : m_db(std::move(database)), m_limits(limits)
{
}

void SecondFactor::setServerUrl(const QString &url)
{
    const QString host = QUrl(url).host();
    m_issuer = host.isEmpty() ? QStringLiteral("REALM") : QStringLiteral("REALM ") + host;
}

QString SecondFactor::wrongCodeMessage()
{
    return tr("The code is wrong or was used already. Give the code the authenticator app shows now, or an unused recovery code.");
}

QString SecondFactor::codeRequiredMessage()
{
    return tr("This account uses two-step sign-in. Enter the code your authenticator app shows, or a recovery code.");
}

Result<TotpEnrolment> SecondFactor::beginTotp(const Principal &principal, const QString &password, const ClientInfo &client)
{
    if (Result<QString> checked = confirmOwnPassword(m_db, principal, password, client, m_limits, QStringLiteral("user.totp_change_failed")); !checked)
        return checked.error();
    const QByteArray secret = Totp::newSecret();
    const TotpEnrolment enrolment{Totp::toBase32(secret), Totp::provisioningUri(secret, principal.email, m_issuer)};
    if (enrolment.secret.isEmpty())
        return Error::failed(tr("Cannot make a key for the authenticator app (liboath refused). See the server's log."));
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
    // Guessing the first code would turn the factor on for whoever guessed.
    if (Result<void> allowed = checkNotThrottled(m_db, principal, client); !allowed)
        return allowed.error();
    RecoveryCodes recovery;
    QStringList hashes;
    for (int i = 0; i < kRecoveryCodeCount; ++i) {
        recovery.codes.append(newRecoveryCode());
        hashes.append(recoveryCodeHash(recovery.codes.last()));
    }
    // -1: the code did not match (recorded after this transaction).
    Result<int> ended = m_db->write(tr("Cannot turn two-step sign-in on"), [&](const QSqlDatabase &db) -> Result<int> {
        if (Result<void> locked = Users::lock(db, principal.userId); !locked)
            return locked.error();
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, principal.userId);
        if (!factor)
            return factor.error();
        if (!*factor || (*factor)->confirmed)
            return notStarted();
        const std::optional<QByteArray> secret = Totp::fromBase32((*factor)->secret);
        const std::optional<qint64> step = secret ? Totp::matchingStep(*secret, code, Clock::nowMs() / 1000) : std::nullopt;
        if (!step)
            return -1;
        Result<bool> confirmed = TotpStore::confirm(db, principal.userId, (*factor)->secret, *step, Clock::nowMs());
        if (!confirmed)
            return confirmed.error();
        if (!*confirmed)
            return notStarted();
        if (Result<void> stored = TotpStore::replaceRecoveryCodes(db, principal.userId, hashes); !stored)
            return stored.error();
        Result<int> others = Sessions::revokeAllOf(db, principal.userId, principal.sessionId);
        if (!others)
            return others;
        const QJsonObject details{{QStringLiteral("sessions_ended"), *others}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.totp_enabled"), principal.userId, principal, client, details)); !logged)
            return logged.error();
        return others;
    });
    if (!ended)
        return ended.error();
    if (*ended < 0) {
        if (Result<void> recorded = recordWrongAnswer(m_db, principal, client, m_limits, QStringLiteral("user.totp_confirm_failed")); !recorded)
            return recorded.error();
        return Error::invalidInput(tr("The code does not match. Check that the phone's clock is right and give the code shown now."));
    }
    recovery.sessionsEnded = *ended;
    return recovery;
}

Result<void> SecondFactor::removeTotp(const Principal &principal, const QString &password, const QString &code, const ClientInfo &client)
{
    using Kind = SecondFactorProof::Kind;
    if (Result<QString> checked = confirmOwnPassword(m_db, principal, password, client, m_limits, QStringLiteral("user.totp_change_failed")); !checked)
        return checked.error();
    Result<SecondFactorProof> proof = m_db->read([&](const QSqlDatabase &db) { return judge(db, principal.userId, code, Clock::nowMs()); });
    if (!proof)
        return proof.error();
    // Not 401: the session is fine, only this answer is missing or wrong.
    if (proof->kind == Kind::Missing)
        return Error::invalidInput(tr("Give the code your authenticator app shows (or a recovery code) to turn two-step sign-in off."));
    if (proof->kind == Kind::Wrong) {
        if (Result<void> recorded = recordWrongAnswer(m_db, principal, client, m_limits, QStringLiteral("user.totp_change_failed")); !recorded)
            return recorded.error();
        return Error::forbidden(wrongCodeMessage());
    }
    return m_db->write(tr("Cannot turn two-step sign-in off"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<void> locked = Users::lock(db, principal.userId); !locked)
            return locked;
        Result<Spent> spent = spend(db, principal.userId, *proof, Clock::nowMs());
        if (!spent)
            return spent.error();
        if (*spent != Spent::Yes)
            return Error::forbidden(*spent == Spent::Taken ? wrongCodeMessage() : codeRequiredMessage());
        // Off is off: turning it off twice is no error.
        Result<bool> removed = removeFor(db, principal.userId, principal, client);
        if (!removed)
            return removed.error();
        return {};
    });
}

Result<SecondFactorStatus> SecondFactor::status(const QString &userId) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<SecondFactorStatus> {
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, userId);
        if (!factor)
            return factor.error();
        if (!*factor || !(*factor)->confirmed)
            return SecondFactorStatus{};
        Result<int> left = TotpStore::recoveryCodesLeft(db, userId);
        if (!left)
            return left.error();
        return SecondFactorStatus{true, *left};
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

Result<SecondFactor::Spent> SecondFactor::spend(const QSqlDatabase &db, const QString &userId, const SecondFactorProof &proof, qint64 nowMs)
{
    const auto spentIf = [](const Result<bool> &taken) -> Result<Spent> {
        if (!taken)
            return taken.error();
        return *taken ? Spent::Yes : Spent::Taken;
    };
    switch (proof.kind) {
    case SecondFactorProof::Kind::NotNeeded: {
        Result<std::optional<TotpStore::Factor>> factor = TotpStore::of(db, userId);
        if (!factor)
            return factor.error();
        return *factor && (*factor)->confirmed ? Spent::NowRequired : Spent::Yes;
    }
    case SecondFactorProof::Kind::TotpCode: return spentIf(TotpStore::takeStep(db, userId, proof.step));
    case SecondFactorProof::Kind::RecoveryCode: return spentIf(TotpStore::useRecoveryCode(db, userId, proof.recoveryCodeHash, nowMs));
    case SecondFactorProof::Kind::Missing: return Spent::NowRequired;
    case SecondFactorProof::Kind::Wrong: break;
    }
    return Spent::Taken;
}

} // namespace Realm::Auth
