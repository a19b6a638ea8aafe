// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

#include "chat/providerprofile.h"

namespace Realm::Cli {

int runProviderCommand(const QString &subcommand, const Invocation &invocation);
QString providerCommandsHelp();

// The profile named `nameOrId` — or the only one there is, when empty — with
// its API key: $REALM_API_KEY when set, else from where the key is kept.
Result<Chat::ProviderProfile> loadProvider(const Storage::DatabasePtr &db, const QString &nameOrId);

// Runs the event loop until an asynchronous call delivers its result.
template<typename T>
Result<T> waitFor(const std::function<void(std::function<void(Result<T>)>)> &call);

} // namespace Realm::Cli

#include <QEventLoop>

template<typename T>
Realm::Result<T> Realm::Cli::waitFor(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    call([&](Result<T> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}
