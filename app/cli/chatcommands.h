// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

#include "chat/providererror.h"

namespace Realm::Cli {

int runChatCommand(const QString &subcommand, const Invocation &invocation);
bool isChatSubcommand(const QString &word);
// `realm-cli chat [options] QUESTION`
int runChatAsk(const Invocation &invocation);
QString chatCommandsHelp();
// The exit code for a provider's refusal or failure.
int exitCodeFor(const Chat::ProviderError &error);

} // namespace Realm::Cli
