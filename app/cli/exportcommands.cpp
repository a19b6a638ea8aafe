// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli project export` (a project out of REALM as an archive or a Git
// repository) and `project versions` (its history).
#include "projectcommands.h"

#include "clioutput.h"
#include "jobrunner.h"
#include "synccommands.h"

#include "projects/exportjob.h"
#include "projects/importsource.h"
#include "projects/projecthistory.h"
#include "projects/projectjson.h"
#include "projects/projectstore.h"

#include <QDateTime>
#include <QJsonObject>

namespace Realm::Cli {

int runProjectVersions(const Invocation &inv)
{
    return withProject(inv, [&](const Storage::DatabasePtr &db, const Projects::Project &project) {
        return printList(inv, Projects::ProjectHistory(db).versions(project.id), [](const Projects::ProjectVersion &v) {
            return QStringLiteral("%1  %2  %3  +%4 ~%5 -%6%7%8")
                .arg(v.number, 4)
                .arg(Output::localTime(v.createdAt), v.kind.leftJustified(7))
                .arg(v.added)
                .arg(v.changed)
                .arg(v.removed)
                .arg(v.sourceCommit.isEmpty() ? QString() : QStringLiteral("  ") + v.sourceCommit.left(12),
                     v.author.isEmpty() ? QString() : QStringLiteral("  by ") + v.author);
        });
    });
}

int runProjectExport(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("zip, tar.gz or git (default: from the --out name; a folder is git)."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The archive to write, or the Git repository to create or update."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("branch"), QStringLiteral("git: the branch (default main)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("author"), QStringLiteral("git: \"Name <email>\" (default REALM <realm@localhost>)."), QStringLiteral("who")});
    parser.addOption({QStringLiteral("message"), QStringLiteral("git: commit message; {project} {number} {kind} {added} {changed} {removed} {commit} {author}."), QStringLiteral("template")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("PROJECT --out PATH [--format zip|tar.gz|git] [--branch B] [--author WHO] [--message T]"), 1, 1);
        rc >= 0)
        return rc;
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        Output::error(QStringLiteral("Say where the archive goes: --out PATH (e.g. --out myapp.zip)."));
        return ExitUsage;
    }
    const QString formatName = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : Projects::exportFormatFor(out);
    if (formatName.isEmpty()) {
        Output::error(QStringLiteral("Say which format with --format zip|tar.gz|git (the name %1 does not tell).").arg(out));
        return ExitUsage;
    }
    Projects::ExportInput input{{}, out, Projects::archiveFormatFromName(formatName), {}};
    if (!input.archive && formatName != QLatin1String("git")) {
        Output::error(QStringLiteral("--format must be zip, tar.gz or git."));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("branch")))
        input.git.branch = parser.value(QStringLiteral("branch"));
    if (parser.isSet(QStringLiteral("author"))) {
        if (Result<void> author = Projects::parseAuthor(parser.value(QStringLiteral("author")), &input.git); !author) {
            Output::error(author.error().message);
            return ExitUsage;
        }
    }
    input.git.messageTemplate = parser.value(QStringLiteral("message"));
    Result<WorkspaceProject> opened = openProjectFor(inv, parser.positionalArguments().first());
    if (!opened)
        return fail(opened.error());
    input.projectId = opened->project.id;
    // A Git export writes every version; an archive, the files as they are.
    if (int rc = downloadFirst(opened->db, input.projectId, input.archive ? SyncClient::FetchReach::LiveFiles : SyncClient::FetchReach::WithHistory); rc != ExitOk)
        return rc;
    const auto outcome = runJob(new Projects::ExportJob(opened->db, input));
    if (const auto *error = std::get_if<Error>(&outcome))
        return fail(*error);
    const Projects::ExportResult &result = std::get<Projects::ExportResult>(outcome);
    if (result.git) {
        for (const QString &warning : result.git->warnings)
            Output::note(warning);
    }
    if (!inv.json)
        Output::print(result.summary);
    else if (result.archive)
        Output::printJson({{QStringLiteral("output"), result.archive->fileName},
                           {QStringLiteral("files"), result.archive->files},
                           {QStringLiteral("bytes"), result.archive->bytes}});
    else
        Output::printJson({{QStringLiteral("repository"), result.git->repository},
                           {QStringLiteral("branch"), input.git.branch},
                           {QStringLiteral("commits"), result.git->commitsWritten},
                           {QStringLiteral("versions"), result.git->versions},
                           {QStringLiteral("head"), result.git->head}});
    return ExitOk;
}

} // namespace Realm::Cli
