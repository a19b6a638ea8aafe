// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli docs template …`: the templates users copied from the built-in
// ones, kept in the workspace, exported and imported as JSON files.
#include "docscommands.h"

#include "clioutput.h"
#include "synccommands.h"

#include "common/atomicfile.h"
#include "docs/docgenerator.h"
#include "docs/docjson.h"
#include "docs/docstore.h"


namespace Realm::Cli {

int runDocsTemplateCommand(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("kind"), QStringLiteral("add: api, overview or custom."), QStringLiteral("kind")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("add: the Mustache file."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("prompt"), QStringLiteral("add (custom): what the model should write."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("export: the JSON file to write."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("replace"), QStringLiteral("import: replace your template of the same name.")});
    // Read again by runTemplateSharing's own parser.
    parser.addOption({QStringLiteral("org"), QStringLiteral("publish, withdraw: the organization (name or id)."), QStringLiteral("org")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("publish, withdraw: the team server signed in to."), QStringLiteral("url")});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, show, add, export, import, remove, publish or withdraw."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The template (import: the JSON file)."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("list | show NAME | add NAME --kind K --file FILE [--prompt TEXT] | "
                                                         "export NAME --out FILE | import FILE [--replace] | remove NAME | publish|withdraw NAME --org ORG"),
                             1, 2);
        rc >= 0)
        return rc;
    const QString action = parser.positionalArguments().first();
    // An organization's, through its team server (a parser of its own).
    if (action == QLatin1String("publish") || action == QLatin1String("withdraw"))
        return runTemplateSharing(action, SyncClient::TemplateKind::Doc, inv);
    const QString name = parser.positionalArguments().value(1);
    if (action != QLatin1String("list") && name.isEmpty()) {
        Output::error(QStringLiteral("Name the template: realm-cli docs template %1 NAME").arg(action));
        return ExitUsage;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Docs::DocStore store(*db);

    if (action == QLatin1String("list")) {
        Result<QList<Docs::DocTemplate>> templates = store.templates();
        if (!templates)
            return fail(templates.error());
        for (const Docs::DocTemplate &t : *templates) {
            if (inv.json)
                Output::printJson(Docs::toJson(t));
            else
                Output::print(QStringLiteral("%1  %2  %3").arg(t.kind.leftJustified(8), Docs::isReadOnly(t) ? QStringLiteral("shared") : QStringLiteral("yours "),
                                                             Docs::qualifiedName(t)));
        }
        return ExitOk;
    }
    if (action == QLatin1String("show")) {
        Result<Docs::DocTemplate> stored = store.findTemplate(name);
        if (stored) {
            Output::print(stored->body);
            return ExitOk;
        }
        // The built-in ones, to copy from.
        if (const std::optional<Docs::DocKind> kind = Docs::docKindFromName(name)) {
            Output::print(Docs::builtInTemplate(*kind));
            return ExitOk;
        }
        return fail(stored.error());
    }
    if (action == QLatin1String("add") || action == QLatin1String("import")) {
        Docs::DocTemplate t;
        if (action == QLatin1String("import")) {
            Result<QByteArray> bytes = readInputFile(name);
            if (!bytes)
                return fail(bytes.error());
            Result<Docs::DocTemplate> read = Docs::templateFromFile(*bytes, name);
            if (!read)
                return fail(read.error());
            t = *read;
        } else {
            if (!parser.isSet(QStringLiteral("file")))
                return fail(Error::invalidInput(QStringLiteral("Give the template's text with --file FILE (copy one from "
                                                               "realm-cli docs template show api).")));
            Result<QByteArray> bytes = readInputFile(parser.value(QStringLiteral("file")));
            if (!bytes)
                return fail(bytes.error());
            t = {name, parser.value(QStringLiteral("kind")), QString::fromUtf8(*bytes), parser.value(QStringLiteral("prompt")), 0, 0, {}, {}};
        }
        const std::optional<Docs::DocKind> kind = Docs::docKindFromName(t.kind);
        if (!kind)
            return fail(Error::invalidInput(QStringLiteral("--kind must be api, overview or custom.")));
        if (*kind == Docs::DocKind::Custom && t.prompt.trimmed().isEmpty())
            return fail(Error::invalidInput(QStringLiteral("A custom template needs --prompt: what the model should write.")));
        Result<void> r = action == QLatin1String("import") ? store.importTemplate(t, parser.isSet(QStringLiteral("replace"))) : store.saveTemplate(t);
        if (!r && r.error().code == Error::Code::Conflict)
            return fail(Error{r.error().code, QStringLiteral("%1 Add --replace to replace it, or remove yours first (realm-cli docs template remove %2).")
                                                  .arg(r.error().message, t.name)});
        if (!r)
            return fail(r.error());
        Output::note(QStringLiteral("Saved the %1 template %2.").arg(t.kind, t.name));
        return ExitOk;
    }
    if (action == QLatin1String("export")) {
        Result<Docs::DocTemplate> stored = store.findTemplate(name);
        if (!stored)
            return fail(stored.error());
        // An organization's ("Acme/NAME") is written as NAME.json.
        const QString out = parser.value(QStringLiteral("out")).isEmpty() ? stored->name + QStringLiteral(".json") : parser.value(QStringLiteral("out"));
        if (Result<void> r = writeFileAtomically(out, Docs::templateFile(*stored)); !r)
            return fail(r.error());
        Output::print(out);
        return ExitOk;
    }
    if (action == QLatin1String("remove")) {
        if (Result<void> r = store.removeTemplate(name); !r)
            return fail(r.error());
        Output::note(QStringLiteral("Removed the template %1.").arg(name));
        return ExitOk;
    }
    Output::error(QStringLiteral("Unknown action \"%1\": list, show, add, export, import, remove, publish or withdraw.").arg(action));
    return ExitUsage;
}

} // namespace Realm::Cli
