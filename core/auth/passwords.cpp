// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/passwords.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include <sodium.h>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

// OWASP's minimum for argon2id: 19 MiB, two passes, one lane (libsodium
// always uses one lane).
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19u * 1024u * 1024u;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> passwords = [] {
        QSet<QString> set;
        QFile file(QStringLiteral(":/realm/auth/common-passwords.txt"));
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = file.readAll().split('\n');
            for (const QByteArray &line : lines) {
                if (!line.isEmpty() && !line.startsWith('#'))
                    set.insert(QString::fromUtf8(line).toLower());
            }
        }
        return set;
    }();
    return passwords;
}

} // namespace

bool Passwords::isCommon(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

Result<void> Passwords::checkNew(const QString &password)
{
    const qsizetype length = password.toUcs4().size();
    if (length < kMinimumLength)
        return Error::invalidInput(tr("The password is too short: use at least %1 characters. A few unrelated words make a strong one.").arg(kMinimumLength));
    if (length > kMaximumLength)
        return Error::invalidInput(tr("The password is too long: use at most %1 characters.").arg(kMaximumLength));
    if (isCommon(password))
        return Error::invalidInput(tr("This password is one of the most common ones and is guessed first. Choose another."));
    return {};
}

Result<QString> Passwords::hash(const QString &password)
{
    if (!sodiumReady())
        return Error::failed(tr("Cannot start libsodium, which hashes passwords."));
    const QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, utf8.constData(), size_t(utf8.size()), kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::failed(tr("Cannot hash the password: the server is out of memory. Try again in a moment."));
    return QString::fromLatin1(encoded);
}

bool Passwords::verify(const QString &encodedHash, const QString &password)
{
    if (!sodiumReady())
        return false;
    const QByteArray hashText = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(hashText.constData(), utf8.constData(), size_t(utf8.size())) == 0;
}

void Passwords::verifyAgainstNothing(const QString &password)
{
    // A real hash with the same parameters, made once.
    static const QString dummy = [] {
        Result<QString> made = hash(QStringLiteral("realm-no-such-account"));
        return made ? *made : QString();
    }();
    verify(dummy, password);
}

} // namespace Realm::Auth
