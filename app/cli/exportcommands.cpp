// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli project export` (a project out of REALM as an archive or a Git
// repository) and `project versions` (its history).
#include "projectcommands.h"

#include "clioutput.h"
#include "interrupts.h"

#include "projects/gitexporter.h"
#include "projects/importsource.h"
#include "projects/projecthistory.h"
#include "projects/projectexporter.h"
#include "projects/projectjson.h"
#include "projects/projectstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>

namespace Realm::Cli {

namespace {
int exportToGit(const QCommandLineParser &parser, const Invocation &inv, const Storage::DatabasePtr &db, const QString &projectId,
                const QString &out, InterruptScope &interrupts)
{
    Projects::GitExportOptions options;
    if (parser.isSet(QStringLiteral("branch")))
        options.branch = parser.value(QStringLiteral("branch"));
    if (parser.isSet(QStringLiteral("author"))) {
        static const QRegularExpression who(QStringLiteral("^\\s*(.*?)\\s*<([^>]+)>\\s*$"));
        const QRegularExpressionMatch m = who.match(parser.value(QStringLiteral("author")));
        if (!m.hasMatch() || m.captured(1).isEmpty()) {
            Output::error(QStringLiteral("--author must look like \"Ada Lovelace <ada@example.org>\"."));
            return ExitUsage;
        }
        options.authorName = m.captured(1);
        options.authorEmail = m.captured(2);
    }
    options.messageTemplate = parser.value(QStringLiteral("message"));
    ProgressLine progress;
    Result<Projects::GitExportReport> report =
        Projects::exportToGit(db, projectId, out, options, interrupts.token(), [&](int done, int total) {
            progress.show(QStringLiteral("Committing version %1 of %2").arg(done).arg(total));
        });
    progress.clear();
    if (!report)
        return fail(report.error());
    for (const QString &warning : report->warnings)
        Output::note(warning);
    if (inv.json) {
        Output::printJson({{QStringLiteral("repository"), report->repository},
                           {QStringLiteral("branch"), options.branch},
                           {QStringLiteral("commits"), report->commitsWritten},
                           {QStringLiteral("versions"), report->versions},
                           {QStringLiteral("head"), report->head}});
    } else if (report->commitsWritten == 0) {
        Output::print(QStringLiteral("%1 (%2) is up to date: all %3 versions are there.").arg(report->repository, options.branch).arg(report->versions));
    } else {
        Output::print(QStringLiteral("Wrote %1 commit(s) to %2 (%3), now at %4.")
                          .arg(report->commitsWritten)
                          .arg(report->repository, options.branch, report->head.left(12)));
    }
    return ExitOk;
}
} // namespace

int runProjectVersions(const Invocation &inv)
{
    QCommandLineParser parser;
    int exitCode = ExitOk;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, inv, &exitCode);
    if (!opened)
        return exitCode;
    const Storage::DatabasePtr db = opened->db;
    const Projects::Project *project = &opened->project;
    Result<QList<Projects::ProjectVersion>> versions = Projects::ProjectHistory(db).versions(project->id);
    if (!versions)
        return fail(versions.error());
    for (const Projects::ProjectVersion &v : *versions) {
        if (inv.json) {
            Output::printJson(Projects::toJson(v));
        } else {
            Output::print(QStringLiteral("%1  %2  %3  +%4 ~%5 -%6%7")
                              .arg(v.number, 4)
                              .arg(Output::localTime(v.createdAt), v.kind.leftJustified(7))
                              .arg(v.added)
                              .arg(v.changed)
                              .arg(v.removed)
                              .arg(v.sourceCommit.isEmpty() ? QString() : QStringLiteral("  ") + v.sourceCommit.left(12)));
        }
    }
    return ExitOk;
}

int runProjectExport(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("zip, tar.gz or git (default: from the --out name; a folder is git)."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The archive to write, or the Git repository to create or update."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("branch"), QStringLiteral("git: the branch (default main)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("author"), QStringLiteral("git: \"Name <email>\" (default REALM <realm@localhost>)."), QStringLiteral("who")});
    parser.addOption({QStringLiteral("message"), QStringLiteral("git: commit message; {project} {number} {kind} {added} {changed} {removed} {commit}."), QStringLiteral("template")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("PROJECT --out PATH [--format zip|tar.gz|git] [--branch B] [--author WHO] [--message T]"), 1, 1);
        rc >= 0)
        return rc;
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        Output::error(QStringLiteral("Say where the archive goes: --out PATH (e.g. --out myapp.zip)."));
        return ExitUsage;
    }
    QString formatName = parser.value(QStringLiteral("format"));
    if (formatName.isEmpty()) {
        // From the name: an archive's suffix, or a folder (a repository).
        if (out.endsWith(QLatin1String(".zip")))
            formatName = QStringLiteral("zip");
        else if (out.endsWith(QLatin1String(".tar.gz")) || out.endsWith(QLatin1String(".tgz")))
            formatName = QStringLiteral("tar.gz");
        else if (QFileInfo(out).isDir())
            formatName = QStringLiteral("git");
        else {
            Output::error(QStringLiteral("Say which format with --format zip|tar.gz|git (the name %1 does not tell).").arg(out));
            return ExitUsage;
        }
    }
    const std::optional<Projects::ArchiveFormat> format = Projects::archiveFormatFromName(formatName);
    if (!format && formatName != QLatin1String("git")) {
        Output::error(QStringLiteral("--format must be zip, tar.gz or git."));
        return ExitUsage;
    }
    Result<WorkspaceProject> opened = openProjectFor(inv, parser.positionalArguments().first());
    if (!opened)
        return fail(opened.error());
    const Storage::DatabasePtr db = opened->db;
    const Projects::Project *project = &opened->project;
    InterruptScope interrupts;
    if (!format)
        return exportToGit(parser, inv, db, project->id, out, interrupts);
    ProgressLine progress;
    Result<Projects::ExportReport> report =
        Projects::exportArchive(db, project->id, *format, out, interrupts.token(), [&](const Projects::ExportProgress &p) {
            progress.show(QStringLiteral("Exporting: %1 of %2 files, %3 of %4  %5")
                              .arg(p.filesDone)
                              .arg(p.filesTotal)
                              .arg(Projects::formatBytes(p.bytesDone), Projects::formatBytes(p.bytesTotal), p.path));
        });
    progress.clear();
    if (!report)
        return fail(report.error());
    if (inv.json) {
        Output::printJson({{QStringLiteral("output"), report->fileName},
                           {QStringLiteral("files"), report->files},
                           {QStringLiteral("bytes"), report->bytes}});
    } else {
        Output::print(QStringLiteral("Wrote %1: %2 files, %3.").arg(report->fileName).arg(report->files).arg(Projects::formatBytes(report->bytes)));
    }
    return ExitOk;
}

} // namespace Realm::Cli
