// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secretstore.h"

namespace Realm::Secrets {

// Secrets in the OS keychain through QtKeychain (the Secret Service —
// GNOME Keyring, KWallet — on Linux). Where there is none, every call
// fails with Error::Code::Unavailable and a message saying so.
class KeychainSecretStore final : public SecretStore {
public:
    // `service` groups REALM's entries in the keychain ("REALM").
    explicit KeychainSecretStore(QString service = QStringLiteral("REALM"));

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    QString m_service;
};

} // namespace Realm::Secrets
