// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli project export`: a project out of REALM as an archive.
#include "projectcommands.h"

#include "clioutput.h"
#include "interrupts.h"

#include "projects/importsource.h"
#include "projects/projectexporter.h"
#include "projects/projectstore.h"

#include <QJsonObject>

namespace Realm::Cli {

int runProjectExport(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("zip or tar.gz (default: from the --out name, else zip)."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The archive to write."), QStringLiteral("path")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("PROJECT --out PATH [--format zip|tar.gz]"), 1, 1); rc >= 0)
        return rc;
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        Output::error(QStringLiteral("Say where the archive goes: --out PATH (e.g. --out myapp.zip)."));
        return ExitUsage;
    }
    QString formatName = parser.value(QStringLiteral("format"));
    if (formatName.isEmpty())
        formatName = out.endsWith(QLatin1String(".tar.gz")) || out.endsWith(QLatin1String(".tgz")) ? QStringLiteral("tar.gz") : QStringLiteral("zip");
    const std::optional<Projects::ArchiveFormat> format = Projects::archiveFormatFromName(formatName);
    if (!format) {
        Output::error(QStringLiteral("--format must be zip or tar.gz."));
        return ExitUsage;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Result<Projects::Project> project = Projects::ProjectStore(*db).find(parser.positionalArguments().first());
    if (!project)
        return fail(project.error());
    InterruptScope interrupts;
    ProgressLine progress;
    Result<Projects::ExportReport> report =
        Projects::exportArchive(*db, project->id, *format, out, interrupts.token(), [&](const Projects::ExportProgress &p) {
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
