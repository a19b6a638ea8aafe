// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioutput.h"

#include "common/error.h"
#include "projects/project.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>
#include <optional>

namespace Realm::Cli {

// Exit codes, documented in the README and `realm-cli --help`.
enum ExitCode {
    ExitOk = 0,
    ExitNoMatches = 1,  // search found nothing (like grep)
    ExitUsage = 2,      // the command line is wrong
    ExitNotFound = 3,   // a named project, file or source does not exist
    ExitRejected = 4,   // the input was refused (bad archive, limit hit, invalid name)
    ExitWorkspace = 5,  // the workspace could not be read or written
    ExitProvider = 6,   // the LLM provider failed or refused the request (server error, no such model, too long)
    ExitAuth = 7,       // the provider refused the API key
    ExitRateLimited = 8,
    ExitNetwork = 9,    // the provider could not be reached (connection, TLS, timeout)
    ExitIncomplete = 10, // the answer stream ended before the answer did
    ExitNoKeychain = 11, // a key was to be stored, but no keychain is available
    ExitCancelled = 130 // interrupted (Ctrl+C)
};

int exitCodeFor(const Error &error);
// Prints the error on stderr and returns its exit code.
int fail(const Error &error);

// The bytes of the file a command names, or of stdin for "-".
Result<QByteArray> readInputFile(const QString &name);

// What every command gets: the options shared by all commands and the
// arguments after the command words.
struct Invocation {
    QString workspaceOption;
    bool json = false;
    QStringList arguments; // "program" + command words stripped; options and positionals
    QString commandLine;   // e.g. "realm-cli project import", for usage texts
};

// A parser that already knows --workspace, --json and --help.
void addCommonOptions(QCommandLineParser &parser);

// Parses `invocation.arguments`; on --help prints usage and returns ExitOk,
// on errors prints them and returns ExitUsage; -1 when parsing succeeded.
int parseOrExit(QCommandLineParser &parser, const Invocation &invocation, const QString &synopsis,
                int minPositional, int maxPositional);

// Opens the workspace the invocation names (or the default one).
Result<Storage::DatabasePtr> openWorkspaceFor(const Invocation &invocation);

// The workspace and one of its projects (by name or id), for the commands
// that work on a project.
struct WorkspaceProject {
    Storage::DatabasePtr db;
    Projects::Project project;
};
Result<WorkspaceProject> openProjectFor(const Invocation &invocation, const QString &nameOrId);
// The start of a command whose only argument is a project (add its own
// options to `parser` first): the command line parsed (help and usage
// errors answered), the project opened. Empty, with `exitCode` set, when
// the command is over already.
// parseOrExit(), then the workspace: nullopt, with *exitCode set, when
// either fails (the error already shown).
std::optional<Storage::DatabasePtr> parseAndOpenWorkspace(QCommandLineParser &parser, const Invocation &invocation, const QString &usage,
                                                          int minPositional, int maxPositional, int *exitCode);
// A list as the commands print one: with --json one object per line (the
// entity's own JSON form), else `line` of each.
template<typename T, typename Line>
int printList(const Invocation &invocation, const Result<QList<T>> &items, Line line)
{
    if (!items)
        return fail(items.error());
    for (const T &item : *items) {
        if (invocation.json)
            Output::printJson(toJson(item));
        else
            Output::print(line(item));
    }
    return ExitOk;
}

// A command whose only argument is a project: `command` runs on it once
// the arguments are parsed and the project found; else the exit code.
int withProject(const Invocation &invocation, const std::function<int(const Storage::DatabasePtr &, const Projects::Project &)> &command);
std::optional<WorkspaceProject> parseAndOpenProject(QCommandLineParser &parser, const Invocation &invocation, int *exitCode);

// Parses "20M", "1.5G", "4096" into bytes.
std::optional<qint64> parseSize(const QString &text);

} // namespace Realm::Cli
