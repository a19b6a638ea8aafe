// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

int runChatCommand(const QString &subcommand, const Invocation &invocation);
QString chatCommandsHelp();

} // namespace Realm::Cli
