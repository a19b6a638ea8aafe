// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

// `realm-cli project <subcommand>`: list, create, import, refresh, show,
// edit, delete, restore, empty-trash, files, export.
int runProjectCommand(const QString &subcommand, const Invocation &invocation);
QString projectCommandsHelp();
// `realm-cli project export PROJECT --out PATH [--format zip|tar.gz]`
int runProjectExport(const Invocation &invocation);

} // namespace Realm::Cli
