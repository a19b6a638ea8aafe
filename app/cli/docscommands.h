// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

int runDocsCommand(const QString &subcommand, const Invocation &invocation);
QString docsCommandsHelp();
// `docs template list|show|add|export|import|remove`: the action is the
// first argument.
int runDocsTemplateCommand(const Invocation &invocation);

} // namespace Realm::Cli
