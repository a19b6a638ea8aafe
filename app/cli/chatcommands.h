// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

int runChatCommand(const QString &subcommand, const Invocation &invocation);
bool isChatSubcommand(const QString &word);
// `realm-cli chat [options] QUESTION`
int runChatAsk(const Invocation &invocation);
QString chatCommandsHelp();

} // namespace Realm::Cli
