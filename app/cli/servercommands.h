// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

// realm-cli server login|logout|whoami|sessions
int runServerCommand(const QString &subcommand, const Invocation &invocation);
QString serverCommandsHelp();
// Prints a team server's error and returns its exit code (7 refused
// credentials or role, 9 unreachable, 8 throttled, else as any error).
int failServer(const Error &error);
// The exit code for a server's error, as failServer gives it (without saying it).
int exitCodeForServer(const Error &error);

} // namespace Realm::Cli
