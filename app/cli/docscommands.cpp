// SPDX-License-Identifier: GPL-3.0-or-later
#include "docscommands.h"

#include "chatcommands.h"
#include "clioutput.h"
#include "jobrunner.h"
#include "providercommands.h"
#include "synccommands.h"

#include "docs/docexport.h"
#include "docs/docjson.h"
#include "docs/generatejob.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

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
            if (!stored && stored.error().code != Error::Code::NotFound) // a name several organizations have
                return stored.error();
            if (!stored)
                return Error::notFound(QStringLiteral("--template %1 is neither a file nor a template of the workspace "
                                                      "(realm-cli docs template list).").arg(name));
            if (kind && Docs::docKindName(*kind) != stored->kind)
                return Error::invalidInput(QStringLiteral("The template %1 is for --kind %2.").arg(name, stored->kind));
            kind = Docs::docKindFromName(stored->kind);
            spec.templateText = stored->body;
            spec.templateName = Docs::qualifiedName(*stored);
            spec.prompt = stored->prompt;
        }
    }
    spec.kind = kind.value_or(Docs::DocKind::Api);
    if (parser.isSet(QStringLiteral("prompt")))
        spec.prompt = parser.value(QStringLiteral("prompt"));
    spec.title = parser.value(QStringLiteral("title"));
    spec.model = parser.value(QStringLiteral("model"));
    spec.documentedOnly = parser.isSet(QStringLiteral("documented-only"));
    if (Result<void> valid = Docs::checkSpec(spec); !valid)
        return valid.error();
    return spec;
}

int writeAndReport(const Invocation &inv, const Docs::DocVersion &version, Docs::OutputFormat format, const QString &outDir, bool unchanged);

void addGenerateOptions(QCommandLineParser &parser)
{
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
}

// What to document: a project of the workspace, or a folder read directly
// (the provider of an LLM kind still comes from the workspace).
Result<Docs::GenerateInput> generateInputFrom(const QCommandLineParser &parser, const Invocation &inv, Storage::DatabasePtr *db)
{
    Docs::GenerateInput input;
    const QString argument = parser.positionalArguments().first();
    if (QFileInfo(argument).isDir() && inv.workspaceOption.isEmpty() && qEnvironmentVariableIsEmpty("REALM_WORKSPACE")) {
        input.folder = argument;
    } else {
        Result<WorkspaceProject> opened = openProjectFor(inv, argument);
        if (!opened)
            return opened.error();
        *db = opened->db;
        input.projectId = opened->project.id;
    }
    Result<Docs::DocSpec> spec = specFor(parser, *db ? db : nullptr);
    if (!spec)
        return spec.error();
    input.spec = *spec;
    if (Docs::needsModel(spec->kind)) {
        Result<Storage::DatabasePtr> providers = *db ? Result<Storage::DatabasePtr>(*db) : openWorkspaceFor(inv);
        Result<Chat::ProviderProfile> profile = providers ? loadProvider(*providers, parser.value(QStringLiteral("provider")))
                                                          : Result<Chat::ProviderProfile>(providers.error());
        if (!profile)
            return profile.error();
        input.provider = *profile;
    }
    return input;
}

int runGenerate(const Invocation &inv)
{
    QCommandLineParser parser;
    addGenerateOptions(parser);
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
    Storage::DatabasePtr db;
    Result<Docs::GenerateInput> input = generateInputFrom(parser, inv, &db);
    if (!input)
        return fail(input.error());
    if (!input->projectId.isEmpty()) {
        if (int rc = downloadFirst(db, input->projectId, SyncClient::FetchReach::LiveFiles); rc != ExitOk)
            return rc;
    }
    const auto outcome = runJob(new Docs::GenerateJob(db, *input));
    if (const auto *failure = std::get_if<Docs::GenerateFailure>(&outcome)) {
        Output::error(failure->error.message);
        return failure->provider ? exitCodeFor(*failure->provider) : exitCodeFor(failure->error);
    }
    const Docs::GeneratedDocument &document = std::get<Docs::GeneratedDocument>(outcome);
    if (document.unchanged)
        Output::note(QStringLiteral("Nothing changed since the document of %1: reusing it, nothing redone.").arg(Output::localTime(document.version.createdAt)));
    return writeAndReport(inv, document.version, *format, outDir, document.unchanged);
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
    Output::print(QStringLiteral("Wrote %1: %2 from %3, %4 % documented.")
                      .arg(written->first(), Output::count(stat("symbols"), Output::Noun::Symbol), Output::count(stat("files"), Output::Noun::File))
                      .arg(qRound(s.value(QStringLiteral("coverage")).toDouble() * 100)));
    if (!unchanged) {
        QString redone = QStringLiteral("Redone: symbols of %1, %2 reused").arg(Output::count(stat("files_extracted"), Output::Noun::File)).arg(stat("files_reused"));
        if (!version.model.isEmpty())
            redone += QStringLiteral("; summaries: %1 written by %2, %3 reused").arg(stat("summaries_written")).arg(version.model).arg(stat("summaries_reused"));
        Output::note(redone + QLatin1Char('.'));
    }
    return ExitOk;
}

int runList(const Invocation &inv)
{
    return withProject(inv, [&](const Storage::DatabasePtr &db, const Projects::Project &project) {
        return printList(inv, Docs::DocStore(db).versions(project.id), [](const Docs::DocVersion &v) {
            return QStringLiteral("%1  %2  %3  %4%5").arg(v.id.left(13), Output::localTime(v.createdAt), v.kind.leftJustified(8), v.title,
                                                         v.model.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(v.model));
        });
    });
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
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("DOCUMENT"), 1, 1, &exitCode);
    if (!db)
        return exitCode;
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
        "                | export NAME --out FILE.json | import FILE.json | remove NAME\n"
        "  docs template publish|withdraw NAME --org ORG   share one of yours with an organization (its admins), or take it back\n");
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
