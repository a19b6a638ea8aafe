// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

// `realm-cli project <subcommand>`: list, create, import, refresh, show,
// edit, delete, restore, empty-trash, files, export, versions, stats,
// templates, new.
int runProjectCommand(const QString &subcommand, const Invocation &invocation);
QString projectCommandsHelp();
// `realm-cli project export PROJECT --out PATH [--format zip|tar.gz|git] …`
int runProjectExport(const Invocation &invocation);
// `realm-cli project versions PROJECT`: imports and changing refreshes.
int runProjectVersions(const Invocation &invocation);
// `realm-cli project stats PROJECT`: sizes, lines by language, churn, markers, growth.
int runProjectStats(const Invocation &invocation);
// `realm-cli project templates` and `project new --template ID --var k=v`.
int runProjectTemplates(const Invocation &invocation);
int runProjectNew(const Invocation &invocation);
// `realm-cli template list|save|export|import|remove`: templates users make.
int runTemplateCommand(const QString &subcommand, const Invocation &invocation);
QString templateCommandsHelp();

} // namespace Realm::Cli
