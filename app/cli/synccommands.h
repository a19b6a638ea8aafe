// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

#include "syncclient/orgtemplatesyncer.h"
#include "syncclient/projectsyncer.h"
#include "syncclient/syncstate.h"

#include <QCommandLineParser>

#include <optional>

namespace Realm::Cli {

// realm-cli sync [PROJECT] | sync status
int runSync(const Invocation &invocation);
// realm-cli project share | clone | members
int runProjectShare(const Invocation &invocation);
int runProjectClone(const Invocation &invocation);
int runProjectFetch(const Invocation &invocation);
int runProjectMembers(const Invocation &invocation);
// realm-cli project conflicts | resolve
int runProjectConflicts(const Invocation &invocation);
int runProjectResolve(const Invocation &invocation);
// prompt publish|withdraw NAME --org ORG, docs template publish|withdraw NAME --org ORG
int runTemplateSharing(const QString &subcommand, SyncClient::TemplateKind kind, const Invocation &invocation);
QString syncCommandsHelp();
// Before a job that reads a project's contents (an export, docs): downloads
// what a project cloned with --contents lazy has not downloaded yet, with
// the progress line and Ctrl+C of any job. ExitOk when all is here now.
int downloadFirst(const Storage::DatabasePtr &db, const QString &projectId, SyncClient::FetchReach reach);
// --contents eager|lazy (Eager when not given); nullopt, said, when it is neither.
std::optional<SyncClient::Link::Contents> contentsOption(const QCommandLineParser &parser);

} // namespace Realm::Cli
