// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

namespace Realm::Auth {

// Password rules and argon2id hashes (libsodium). No composition rules:
// length 8–128 characters and not one of the 3,000 most common passwords.
// Hashing takes ~19 MiB and tens of milliseconds on purpose: call it on a
// worker thread, never on the server's event loop.
class Passwords final {
public:
    static constexpr int kMinimumLength = 8;
    static constexpr int kMaximumLength = 128;

    // Why `password` may not be used, in words for the person choosing it.
    static Result<void> checkNew(const QString &password);
    static bool isCommon(const QString &password);

    // An encoded argon2id hash ($argon2id$v=19$m=19456,t=2,p=1$…) with a
    // fresh salt; an error only when memory runs out.
    static Result<QString> hash(const QString &password);
    static bool verify(const QString &encodedHash, const QString &password);
    // Spends the same work as a verify against a real hash, for an unknown
    // account: "no such user" and "wrong password" must take equally long.
    static void verifyAgainstNothing(const QString &password);
};

} // namespace Realm::Auth
