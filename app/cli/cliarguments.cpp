// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliarguments.h"

#include "clioutput.h"
#include "workspace/settings.h"
#include "projects/projectstore.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QRegularExpression>

namespace Realm::Cli {

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case Error::Code::NotFound: return ExitNotFound;
    case Error::Code::InvalidInput:
    case Error::Code::LimitExceeded:
    case Error::Code::Unauthenticated:
    case Error::Code::SecondFactorRequired:
    case Error::Code::Forbidden:
    case Error::Code::Conflict:
    case Error::Code::Throttled: return ExitRejected;
    case Error::Code::Database:
    case Error::Code::Io:
    case Error::Code::TooNew: return ExitWorkspace;
    case Error::Code::Cancelled: return ExitCancelled;
    case Error::Code::Unavailable: return ExitNoKeychain;
    case Error::Code::Failed: return ExitRejected;
    }
    return ExitRejected;
}

int fail(const Error &error)
{
    Output::error(error.message);
    return exitCodeFor(error);
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace file (default: $REALM_WORKSPACE or the app data folder)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output (JSON, or JSON Lines for lists).")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help for this command.")});
}

int parseOrExit(QCommandLineParser &parser, const Invocation &invocation, const QString &synopsis,
                int minPositional, int maxPositional)
{
    const QString usage = QStringLiteral("Usage: %1 %2\n\n").arg(invocation.commandLine, synopsis)
                          + parser.helpText().section(QLatin1Char('\n'), 2);
    if (!parser.parse(QStringList{invocation.commandLine} + invocation.arguments)) {
        Output::error(parser.errorText() + QStringLiteral("\n\n") + usage);
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Output::print(usage);
        return ExitOk;
    }
    const qsizetype count = parser.positionalArguments().size();
    if (count < minPositional || (maxPositional >= 0 && count > maxPositional)) {
        Output::error((count < minPositional ? QStringLiteral("Missing arguments.") : QStringLiteral("Too many arguments."))
                      + QStringLiteral("\n\n") + usage);
        return ExitUsage;
    }
    return -1;
}

Result<Storage::DatabasePtr> openWorkspaceFor(const Invocation &invocation)
{
    return Workspace::open(Workspace::workspacePathFor(invocation.workspaceOption));
}

std::optional<qint64> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtT]?)(?:i?[bB])?\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const int shift = unit == QLatin1String("K") ? 10 : unit == QLatin1String("M") ? 20 : unit == QLatin1String("G") ? 30 : unit == QLatin1String("T") ? 40 : 0;
    value *= double(1LL << shift);
    return qint64(value);
}

Result<WorkspaceProject> openProjectFor(const Invocation &invocation, const QString &nameOrId)
{
    Result<Storage::DatabasePtr> db = openWorkspaceFor(invocation);
    if (!db)
        return db.error();
    Result<Projects::Project> project = Projects::ProjectStore(*db).find(nameOrId);
    if (!project)
        return project.error();
    return WorkspaceProject{*db, *project};
}

std::optional<Storage::DatabasePtr> parseAndOpenWorkspace(QCommandLineParser &parser, const Invocation &invocation, const QString &usage,
                                                          int minPositional, int maxPositional, int *exitCode)
{
    if (int rc = parseOrExit(parser, invocation, usage, minPositional, maxPositional); rc >= 0) {
        *exitCode = rc;
        return std::nullopt;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(invocation);
    if (!db) {
        *exitCode = fail(db.error());
        return std::nullopt;
    }
    return *db;
}

int withProject(const Invocation &invocation, const std::function<int(const Storage::DatabasePtr &, const Projects::Project &)> &command)
{
    QCommandLineParser parser;
    int exitCode = ExitOk;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, invocation, &exitCode);
    return opened ? command(opened->db, opened->project) : exitCode;
}

std::optional<WorkspaceProject> parseAndOpenProject(QCommandLineParser &parser, const Invocation &invocation, int *exitCode)
{
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    if (int rc = parseOrExit(parser, invocation, QStringLiteral("[options] PROJECT"), 1, 1); rc >= 0) {
        *exitCode = rc;
        return std::nullopt;
    }
    Result<WorkspaceProject> opened = openProjectFor(invocation, parser.positionalArguments().first());
    if (!opened) {
        *exitCode = fail(opened.error());
        return std::nullopt;
    }
    return std::move(*opened);
}

Result<QByteArray> readInputFile(const QString &name)
{
    QFile file;
    const bool opened = name == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(name), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error::io(QStringLiteral("Cannot read %1: %2").arg(name == QLatin1String("-") ? QStringLiteral("stdin") : name, file.errorString()));
    return file.readAll();
}

} // namespace Realm::Cli
