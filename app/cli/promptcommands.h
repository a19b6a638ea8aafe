// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

// `prompt list|show|add|edit|remove|export|import`: prompt templates for code tasks.
int runPromptCommand(const QString &subcommand, const Invocation &invocation);
QString promptCommandsHelp();

} // namespace Realm::Cli
