// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

// realm-cli server login|logout|whoami|sessions
int runServerCommand(const QString &subcommand, const Invocation &invocation);
QString serverCommandsHelp();

} // namespace Realm::Cli
