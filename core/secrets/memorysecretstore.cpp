// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/memorysecretstore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

namespace Realm::Secrets {

// Callbacks run from the event loop, as a keychain's would, so callers
// cannot come to depend on them running at once.

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    Result<QString> result = m_secrets.contains(key)
                                 ? Result<QString>(m_secrets.value(key))
                                 : Result<QString>(Error::notFound(
                                       QCoreApplication::translate("Realm::Secrets", "No key %1 was entered in this session.").arg(key)));
    QMetaObject::invokeMethod(context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    m_secrets.insert(key, secret);
    QMetaObject::invokeMethod(context, [done = std::move(done)] { done({}); }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    m_secrets.remove(key);
    QMetaObject::invokeMethod(context, [done = std::move(done)] { done({}); }, Qt::QueuedConnection);
}

} // namespace Realm::Secrets
