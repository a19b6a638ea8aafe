// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Realm {

// Where secrets (LLM API keys, server tokens) live: the OS keychain on the
// desktop, never the workspace or a settings file. Asynchronous, because a
// keychain may ask the user to unlock it; callbacks run on the caller's
// thread, and not at all once `context` is gone.
class SecretStore {
public:
    virtual ~SecretStore() = default;

    using ReadCallback = std::function<void(Result<QString>)>; // NotFound: no such secret
    using DoneCallback = std::function<void(Result<void>)>;    // Unavailable: no keychain here

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;
};

} // namespace Realm
