// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secretstore.h"

#include <QHash>

namespace Realm::Secrets {

// Secrets kept in this process only and gone when it ends: where no
// keychain is available, an API key entered by the user still works for
// this session without being written anywhere.
class MemorySecretStore final : public SecretStore {
public:
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Realm::Secrets
