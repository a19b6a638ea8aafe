// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Auth {

// A user's TOTP secret and recovery codes: the rows of `totp_factors` and
// `recovery_codes`. Functions run inside the caller's transaction.
class TotpStore final {
public:
    struct Factor {
        QString secret; // base32
        bool confirmed = false;
        qint64 lastStep = 0;
    };

    static Result<std::optional<Factor>> of(const QSqlDatabase &db, const QString &userId);
    // Replaces an unconfirmed secret; a confirmed one is not touched (the
    // caller checks first, under the user's row lock).
    static Result<void> start(const QSqlDatabase &db, const QString &userId, const QString &secret, qint64 nowMs);
    // False when the secret changed or was confirmed meanwhile.
    static Result<bool> confirm(const QSqlDatabase &db, const QString &userId, const QString &secret, qint64 step, qint64 nowMs);
    // Takes the code of `step`: false when it or a later one was taken
    // already (a code works once, even against two racing sign-ins).
    static Result<bool> takeStep(const QSqlDatabase &db, const QString &userId, qint64 step);
    // The secret and the recovery codes go.
    static Result<bool> remove(const QSqlDatabase &db, const QString &userId);

    static Result<void> replaceRecoveryCodes(const QSqlDatabase &db, const QString &userId, const QStringList &codeHashes);
    static Result<bool> hasRecoveryCode(const QSqlDatabase &db, const QString &userId, const QString &codeHash);
    // False when the code is unknown or was used (by a racing sign-in).
    static Result<bool> useRecoveryCode(const QSqlDatabase &db, const QString &userId, const QString &codeHash, qint64 nowMs);
    static Result<int> recoveryCodesLeft(const QSqlDatabase &db, const QString &userId);
};

} // namespace Realm::Auth
