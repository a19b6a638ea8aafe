// SPDX-License-Identifier: GPL-3.0-or-later
#include "docscommands.h"

#include "chatcommands.h"
#include "clioutput.h"
#include "interrupts.h"
#include "providercommands.h"

#include "chat/chatprovider.h"
#include "docs/docexport.h"
#include "docs/docgenerator.h"
#include "docs/docjson.h"
#include "docs/summarywriter.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace Realm::Cli {

namespace {
// --template NAME|FILE and --kind decide the spec; a stored template brings
// its kind and prompt along.
// `db` is null when there is no workspace (a folder's API reference): then
// --template can only be a file.
Result<Docs::DocSpec> specFor(const QCommandLineParser &parser, const Storage::DatabasePtr *db)
{
    Docs::DocSpec spec;
    std::optional<Docs::DocKind> kind;
    if (parser.isSet(QStringLiteral("kind"))) {
        kind = Docs::docKindFromName(parser.value(QStringLiteral("kind")));
        if (!kind)
            return Error::invalidInput(QStringLiteral("--kind must be api, overview or custom."));
    }
    if (parser.isSet(QStringLiteral("template"))) {
        const QString name = parser.value(QStringLiteral("template"));
        if (QFileInfo(name).isFile()) {
            QFile file(name);
            if (!file.open(QIODevice::ReadOnly))
                return Error::notFound(QStringLiteral("Cannot read the template %1: %2").arg(name, file.errorString()));
            spec.templateText = QString::fromUtf8(file.readAll());
            spec.templateName = QFileInfo(name).completeBaseName();
        } else {
            Result<Docs::DocTemplate> stored = db ? Docs::DocStore(*db).findTemplate(name) : Error::notFound(name);
            if (!stored)
                return Error::notFound(QStringLiteral("--template %1 is neither a file nor a template of the workspace "
                                                      "(realm-cli docs template list).").arg(name));
            if (kind && Docs::docKindName(*kind) != stored->kind)
                return Error::invalidInput(QStringLiteral("The template %1 is for --kind %2.").arg(name, stored->kind));
            kind = Docs::docKindFromName(stored->kind);
            spec.templateText = stored->body;
            spec.templateName = stored->name;
            spec.prompt = stored->prompt;
        }
    }
    spec.kind = kind.value_or(Docs::DocKind::Api);
    if (parser.isSet(QStringLiteral("prompt")))
        spec.prompt = parser.value(QStringLiteral("prompt"));
    spec.title = parser.value(QStringLiteral("title"));
    spec.model = parser.value(QStringLiteral("model"));
    spec.documentedOnly = parser.isSet(QStringLiteral("documented-only"));
    if (spec.documentedOnly && spec.kind != Docs::DocKind::Api)
        return Error::invalidInput(QStringLiteral("--documented-only is for --kind api."));
    return spec;
}

// Runs the SummaryWriter until it is done or Ctrl+C, showing progress.
Result<Docs::Summaries> writeSummaries(const Storage::DatabasePtr &db, const Docs::PreparedDocument &prepared, const Docs::DocSpec &spec,
                                       const QString &providerName, InterruptScope &interrupts, int *exitCode)
{
    Result<Chat::ProviderProfile> profile = loadProvider(db, providerName);
    if (!profile)
        return profile.error();
    QNetworkAccessManager network;
    Chat::ChatProvider provider(*profile, &network);
    Docs::SummaryWriter writer(db, &provider, spec.model);
    ProgressLine progress;
    std::optional<Result<Docs::Summaries>> result;
    QEventLoop loop;
    QObject::connect(&writer, &Docs::SummaryWriter::progress, &writer, [&](qint64 done, qint64 total, const QString &what) {
        progress.show(QStringLiteral("Writing summaries: %1 of %2 %3").arg(done).arg(total).arg(what));
    });
    QObject::connect(&writer, &Docs::SummaryWriter::finished, &loop, [&](const Result<Docs::Summaries> &r) {
        result = r;
        loop.quit();
    });
    QObject::connect(&interrupts, &InterruptScope::interrupted, &writer, &Docs::SummaryWriter::cancel);
    writer.start(prepared.inputs, spec.kind == Docs::DocKind::Custom ? spec.prompt : QString());
    if (!result)
        loop.exec();
    progress.clear();
    if (!*result && writer.providerError())
        *exitCode = exitCodeFor(*writer.providerError());
    return *result;
}

int writeAndReport(const Invocation &inv, const Docs::DocVersion &version, Docs::OutputFormat format, const QString &outDir, bool unchanged);

int runGenerate(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("kind"), QStringLiteral("api (default, no LLM needed), overview or custom."), QStringLiteral("kind")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("md (default), html (one page), site (multi-page HTML) or pdf."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder to write to (default: ./docs)."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("template"), QStringLiteral("A template of the workspace, or a Mustache file."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("prompt"), QStringLiteral("custom: what the model should write."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("custom: the document's title."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("provider"), QStringLiteral("overview/custom: the LLM provider profile."), QStringLiteral("profile")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("overview/custom: the model (default: the profile's)."), QStringLiteral("model")});
    parser.addOption({QStringLiteral("documented-only"), QStringLiteral("api: list only symbols with a documentation comment "
                                                                        "(and types with documented members).")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A project of the workspace, or a folder to read directly."));
    if (int rc = parseOrExit(parser, inv,
                             QStringLiteral("PROJECT|FOLDER [--kind api|overview|custom] [--format md|html|site|pdf] [--out DIR] "
                                            "[--documented-only] [--template NAME|FILE] [--prompt TEXT] [--provider PROFILE] [--model M]"),
                             1, 1);
        rc >= 0)
        return rc;
    const QString formatName = parser.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("md") : parser.value(QStringLiteral("format"));
    const std::optional<Docs::OutputFormat> format = Docs::outputFormatFromName(formatName);
    if (!format) {
        Output::error(QStringLiteral("--format must be md, html, site or pdf."));
        return ExitUsage;
    }
    const QString outDir = parser.value(QStringLiteral("out")).isEmpty() ? QStringLiteral("docs") : parser.value(QStringLiteral("out"));

    // A folder is read directly (the API reference needs no workspace), or
    // through a throw-away one for the kinds whose summaries are cached.
    const QString argument = parser.positionalArguments().first();
    const bool isFolder = QFileInfo(argument).isDir() && inv.workspaceOption.isEmpty() && qEnvironmentVariableIsEmpty("REALM_WORKSPACE");
    QTemporaryDir scratch;
    Result<Storage::DatabasePtr> db = Error::failed(QString());
    QString projectId;
    InterruptScope interrupts;
    if (!isFolder) {
        db = openWorkspaceFor(inv);
        if (!db)
            return fail(db.error());
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(argument);
        if (!project)
            return fail(project.error());
        projectId = project->id;
    }
    Result<Docs::DocSpec> spec = specFor(parser, db ? &*db : nullptr);
    if (!spec)
        return fail(spec.error());

    ProgressLine progress;
    const auto showProgress = [&](qint64 done, qint64 total) {
        progress.show(QStringLiteral("Reading symbols: %1 of %2 files").arg(done).arg(total));
    };
    // A folder's API reference needs no workspace at all.
    if (isFolder && !Docs::needsModel(spec->kind)) {
        Result<Docs::DocInputs> inputs = Docs::readDocInputs(argument, interrupts.token(), showProgress);
        progress.clear();
        if (!inputs)
            return fail(inputs.error());
        Result<Docs::DocVersion> version = Docs::renderDocument({*inputs, QString(), std::nullopt}, *spec);
        if (!version)
            return fail(version.error());
        return writeAndReport(inv, *version, *format, outDir, false);
    }
    if (isFolder) {
        db = Workspace::open(scratch.filePath(QStringLiteral("docs.realm")));
        if (!db)
            return fail(db.error());
        Projects::ProjectImporter importer(*db);
        importer.setCancellationToken(interrupts.token());
        Result<Projects::ImportReport> imported = importer.importProject(argument, {});
        if (!imported)
            return fail(imported.error());
        projectId = imported->project.id;
    }
    Result<Docs::PreparedDocument> prepared = Docs::prepareDocument(*db, projectId, *spec, interrupts.token(), showProgress);
    progress.clear();
    if (!prepared)
        return fail(prepared.error());

    Result<Docs::DocVersion> version = Error::failed(QString());
    if (prepared->unchanged) {
        version = *prepared->unchanged;
        Output::note(QStringLiteral("Nothing changed since the document of %1: reusing it, nothing redone.")
                         .arg(Output::localTime(prepared->unchanged->createdAt)));
    } else if (Docs::needsModel(spec->kind)) {
        int exitCode = ExitOk;
        Result<Docs::Summaries> summaries =
            writeSummaries(*db, *prepared, *spec, parser.value(QStringLiteral("provider")), interrupts, &exitCode);
        if (!summaries) {
            Output::error(summaries.error().message);
            if (summaries.error().code != Error::Code::Cancelled)
                Output::note(QStringLiteral("Summaries written so far are kept; running the command again continues from there."));
            return exitCode != ExitOk ? exitCode : exitCodeFor(summaries.error());
        }
        version = Docs::finishDocument(*db, *prepared, *spec, &*summaries);
    } else {
        version = Docs::finishDocument(*db, *prepared, *spec);
    }
    if (!version)
        return fail(version.error());
    return writeAndReport(inv, *version, *format, outDir, bool(prepared->unchanged));
}

// Writes the document in the chosen format and says what was made and redone.
int writeAndReport(const Invocation &inv, const Docs::DocVersion &version, Docs::OutputFormat format, const QString &outDir, bool unchanged)
{
    Result<QStringList> written = Docs::exportDocument(version, format, outDir);
    if (!written)
        return fail(written.error());
    const QJsonObject &s = version.stats;
    const auto stat = [&](const char *name) { return s.value(QLatin1String(name)).toInteger(); };
    if (inv.json) {
        // What this run redid: nothing when the document was unchanged.
        Docs::DocVersion shown = version;
        if (unchanged) {
            for (const char *redone : {"files_extracted", "summaries_written"})
                shown.stats.insert(QLatin1String(redone), 0);
        }
        QJsonObject summary = Docs::toJson(shown);
        summary.insert(QStringLiteral("output"), written->first());
        summary.insert(QStringLiteral("unchanged"), unchanged);
        Output::printJson(summary);
        return ExitOk;
    }
    Output::print(QStringLiteral("Wrote %1: %2 symbols from %3 files, %4 % documented.")
                      .arg(written->first())
                      .arg(stat("symbols"))
                      .arg(stat("files"))
                      .arg(qRound(s.value(QStringLiteral("coverage")).toDouble() * 100)));
    if (!unchanged) {
        QString redone = QStringLiteral("Redone: symbols of %1 file(s), %2 reused").arg(stat("files_extracted")).arg(stat("files_reused"));
        if (!version.model.isEmpty())
            redone += QStringLiteral("; summaries: %1 written by %2, %3 reused").arg(stat("summaries_written")).arg(version.model).arg(stat("summaries_reused"));
        Output::note(redone + QLatin1Char('.'));
    }
    return ExitOk;
}

int runList(const Invocation &inv)
{
    QCommandLineParser parser;
    int exitCode = ExitOk;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, inv, &exitCode);
    if (!opened)
        return exitCode;
    const Storage::DatabasePtr db = opened->db;
    const Projects::Project *project = &opened->project;
    Result<QList<Docs::DocVersion>> versions = Docs::DocStore(db).versions(project->id);
    if (!versions)
        return fail(versions.error());
    for (const Docs::DocVersion &v : *versions) {
        if (inv.json) {
            Output::printJson(Docs::toJson(v));
        } else {
            Output::print(QStringLiteral("%1  %2  %3  %4%5").arg(v.id.left(13), Output::localTime(v.createdAt), v.kind.leftJustified(8), v.title,
                                                              v.model.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(v.model)));
        }
    }
    return ExitOk;
}

// show / export / delete: one document by id.
int runVersionCommand(const QString &sub, const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (sub == QLatin1String("export")) {
        parser.addOption({QStringLiteral("format"), QStringLiteral("md (default), html, site or pdf."), QStringLiteral("format")});
        parser.addOption({QStringLiteral("out"), QStringLiteral("Folder to write to (default: ./docs)."), QStringLiteral("dir")});
    }
    parser.addPositionalArgument(QStringLiteral("document"), QStringLiteral("The document's id (or its first characters)."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("DOCUMENT"), 1, 1); rc >= 0)
        return rc;
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Docs::DocStore store(*db);
    Result<Docs::DocVersion> version = store.version(parser.positionalArguments().first());
    if (!version)
        return fail(version.error());
    if (sub == QLatin1String("show")) {
        Output::print(version->markdown);
        return ExitOk;
    }
    if (sub == QLatin1String("delete")) {
        if (Result<void> r = store.removeVersion(version->id); !r)
            return fail(r.error());
        Output::note(QStringLiteral("Deleted %1.").arg(version->title));
        return ExitOk;
    }
    const std::optional<Docs::OutputFormat> format =
        Docs::outputFormatFromName(parser.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("md") : parser.value(QStringLiteral("format")));
    if (!format) {
        Output::error(QStringLiteral("--format must be md, html, site or pdf."));
        return ExitUsage;
    }
    Result<QStringList> written =
        Docs::exportDocument(*version, *format, parser.value(QStringLiteral("out")).isEmpty() ? QStringLiteral("docs") : parser.value(QStringLiteral("out")));
    if (!written)
        return fail(written.error());
    Output::print(written->first());
    return ExitOk;
}
} // namespace

QString docsCommandsHelp()
{
    return QStringLiteral(
        "  docs generate PROJECT|FOLDER [--kind api|overview|custom] [--format md|html|site|pdf] [--out DIR]\n"
        "                [--documented-only] [--template NAME|FILE] [--prompt TEXT] [--title TEXT] [--provider PROFILE] [--model M]\n"
        "  docs list PROJECT | docs show DOCUMENT | docs export DOCUMENT [--format F] [--out DIR] | docs delete DOCUMENT\n"
        "  docs template list | show NAME|api|overview|custom | add NAME --kind K --file FILE [--prompt TEXT]\n"
        "                | export NAME --out FILE.json | import FILE.json | remove NAME\n");
}

int runDocsCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("generate"))
        return runGenerate(inv);
    if (sub == QLatin1String("list"))
        return runList(inv);
    if (sub == QLatin1String("show") || sub == QLatin1String("export") || sub == QLatin1String("delete"))
        return runVersionCommand(sub, inv);
    if (sub == QLatin1String("template"))
        return runDocsTemplateCommand(inv);
    Output::error(QStringLiteral("Unknown command \"docs %1\". Commands:\n%2").arg(sub, docsCommandsHelp()));
    return ExitUsage;
}

} // namespace Realm::Cli
