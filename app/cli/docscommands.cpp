// SPDX-License-Identifier: GPL-3.0-or-later
#include "docscommands.h"

#include "clioutput.h"
#include "interrupts.h"

#include "docs/docgenerator.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "projects/workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

namespace Realm::Cli {

namespace {
int runGenerate(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("kind"), QStringLiteral("api (default): the reference from code comments, no LLM needed."), QStringLiteral("kind")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("md (default), html or pdf."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder to write to (default: ./docs)."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("template"), QStringLiteral("A Mustache template file instead of the built-in one."), QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A project of the workspace, or a folder to read directly."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("PROJECT|FOLDER [--kind api] [--format md|html|pdf] [--out DIR] [--template FILE]"), 1, 1);
        rc >= 0)
        return rc;
    const QString kind = parser.value(QStringLiteral("kind")).isEmpty() ? QStringLiteral("api") : parser.value(QStringLiteral("kind"));
    if (kind != QLatin1String("api")) {
        Output::error(QStringLiteral("--kind %1 needs the LLM-written generators, which are not built yet; --kind api works offline.").arg(kind));
        return ExitUsage;
    }
    Docs::GenerateOptions options;
    const QString format = parser.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("md") : parser.value(QStringLiteral("format"));
    if (format == QLatin1String("md"))
        options.format = Docs::GenerateOptions::Format::Markdown;
    else if (format == QLatin1String("html"))
        options.format = Docs::GenerateOptions::Format::Html;
    else if (format == QLatin1String("pdf"))
        options.format = Docs::GenerateOptions::Format::Pdf;
    else {
        Output::error(QStringLiteral("--format must be md, html or pdf."));
        return ExitUsage;
    }
    options.outputDir = parser.value(QStringLiteral("out")).isEmpty() ? QStringLiteral("docs") : parser.value(QStringLiteral("out"));
    if (parser.isSet(QStringLiteral("template"))) {
        QFile file(parser.value(QStringLiteral("template")));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::notFound(QStringLiteral("Cannot read the template %1: %2").arg(file.fileName(), file.errorString())));
        options.templateText = QString::fromUtf8(file.readAll());
    }

    // A folder is read through a throw-away workspace: nothing is kept.
    const QString argument = parser.positionalArguments().first();
    QTemporaryDir scratch;
    Result<Storage::DatabasePtr> db = Error::failed(QString());
    QString projectId;
    InterruptScope interrupts;
    if (QFileInfo(argument).isDir() && inv.workspaceOption.isEmpty() && qEnvironmentVariableIsEmpty("REALM_WORKSPACE")) {
        db = Projects::openWorkspace(scratch.filePath(QStringLiteral("docs.realm")));
        if (!db)
            return fail(db.error());
        Projects::ProjectImporter importer(*db);
        importer.setCancellationToken(interrupts.token());
        Result<Projects::ImportReport> imported = importer.importProject(argument, {});
        if (!imported)
            return fail(imported.error());
        projectId = imported->project.id;
    } else {
        db = openWorkspaceFor(inv);
        if (!db)
            return fail(db.error());
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(argument);
        if (!project)
            return fail(project.error());
        projectId = project->id;
    }

    ProgressLine progress;
    Result<Docs::GenerateOutcome> outcome = Docs::generateApiReference(*db, projectId, options, interrupts.token(), [&](qint64 done, qint64 total) {
        progress.show(QStringLiteral("Reading symbols: %1 of %2 files").arg(done).arg(total));
    });
    progress.clear();
    if (!outcome)
        return fail(outcome.error());
    const Docs::Coverage &c = outcome->project.coverage;
    if (inv.json) {
        Output::printJson({{QStringLiteral("output"), outcome->outputFile},
                           {QStringLiteral("files"), outcome->files},
                           {QStringLiteral("symbols"), outcome->symbols},
                           {QStringLiteral("documented"), c.documented},
                           {QStringLiteral("coverage"), c.ratio()}});
    } else {
        Output::print(QStringLiteral("Wrote %1: %2 symbols from %3 files, %4 % documented.")
                          .arg(outcome->outputFile)
                          .arg(outcome->symbols)
                          .arg(outcome->files)
                          .arg(qRound(c.ratio() * 100)));
    }
    return ExitOk;
}
} // namespace

QString docsCommandsHelp()
{
    return QStringLiteral("  docs generate PROJECT|FOLDER [--kind api] [--format md|html|pdf] [--out DIR] [--template FILE]\n");
}

int runDocsCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("generate"))
        return runGenerate(inv);
    Output::error(QStringLiteral("Unknown command \"docs %1\". Commands:\n%2").arg(sub, docsCommandsHelp()));
    return ExitUsage;
}

} // namespace Realm::Cli
