// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

int runDocsCommand(const QString &subcommand, const Invocation &invocation);
QString docsCommandsHelp();

} // namespace Realm::Cli
