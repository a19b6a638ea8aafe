// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli prompt …`: the prompt templates for code tasks, REALM's own and
// the user's, kept in the workspace and exchanged as JSON files.
#include "promptcommands.h"
#include "synccommands.h"

#include "clioutput.h"

#include "common/atomicfile.h"
#include "prompts/promptstore.h"


#include <cstdio>

namespace Realm::Cli {

namespace {
using Prompts::PromptStore;
using Prompts::PromptTemplate;

// The body from --body, or from --body-file (a file, or - for stdin); none
// when neither is given.
Result<std::optional<QString>> bodyFrom(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("body")))
        return std::optional<QString>(parser.value(QStringLiteral("body")));
    if (parser.isSet(QStringLiteral("body-file"))) {
        Result<QByteArray> bytes = readInputFile(parser.value(QStringLiteral("body-file")));
        if (!bytes)
            return bytes.error();
        return std::optional<QString>(QString::fromUtf8(*bytes));
    }
    return std::optional<QString>();
}

int list(const Invocation &inv, const PromptStore &store)
{
    Result<QList<PromptTemplate>> prompts = store.list();
    if (!prompts)
        return fail(prompts.error());
    for (const PromptTemplate &p : *prompts) {
        if (inv.json)
            Output::printJson(Prompts::toJson(p));
        else
            Output::print(QStringLiteral("%1 %2  %3").arg(Prompts::qualifiedName(p).leftJustified(16),
                                                         p.builtIn ? QStringLiteral("built-in") : !p.orgId.isEmpty() ? QStringLiteral("shared  ") : QStringLiteral("yours   "),
                                                         p.description.isEmpty() ? p.title : p.title + QStringLiteral(" — ") + p.description));
    }
    return ExitOk;
}
} // namespace

QString promptCommandsHelp()
{
    return QStringLiteral(
        "  prompt list | show NAME       prompt templates for code tasks, REALM's and yours\n"
        "  prompt add NAME (--title T (--body TEXT | --body-file FILE|-) | --from OTHER) [--description D]\n"
        "  prompt edit NAME [--title T] [--description D] [--body TEXT | --body-file FILE|-] | prompt remove NAME\n"
        "  prompt export [NAME]... [--out FILE] | prompt import FILE [--replace]\n"
        "  prompt publish|withdraw NAME --org ORG   share one of yours with an organization (its admins), or take it back\n");
}

int runPromptCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("publish") || sub == QLatin1String("withdraw"))
        return runTemplateSharing(sub, SyncClient::TemplateKind::Prompt, inv);
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("title"), QStringLiteral("add/edit: the title menus show."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("description"), QStringLiteral("add/edit: one line about it."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("body"), QStringLiteral("add/edit: the prompt, with {{selection}}, {{file}}, {{language}}, {{language_id}}, "
                                                             "{{project}}, {{diff}}."),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("body-file"), QStringLiteral("add/edit: read the prompt from FILE (- for stdin)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("add: start from a copy of this template (e.g. a built-in one)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("export: the JSON file to write (default: stdout)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("replace"), QStringLiteral("import: replace templates of the same names.")});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The template (import: the JSON file; export: any number)."));
    const bool takesNames = sub == QLatin1String("export");
    const bool takesNone = sub == QLatin1String("list");
    if (int rc = parseOrExit(parser, inv, QStringLiteral("[NAME] [options]"), takesNames || takesNone ? 0 : 1, takesNone ? 0 : takesNames ? 1000 : 1);
        rc >= 0)
        return rc;
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    PromptStore store(*db);
    const QStringList names = parser.positionalArguments();
    const QString name = names.value(0);

    if (sub == QLatin1String("list"))
        return list(inv, store);
    if (sub == QLatin1String("show")) {
        Result<PromptTemplate> prompt = store.find(name);
        if (!prompt)
            return fail(prompt.error());
        if (inv.json)
            Output::printJson(Prompts::toJson(*prompt));
        else
            Output::print(prompt->body);
        return ExitOk;
    }
    if (sub == QLatin1String("add") || sub == QLatin1String("edit")) {
        const bool adding = sub == QLatin1String("add");
        PromptTemplate prompt;
        if (adding) {
            // (An organization's of that name stays: "ORG/NAME" finds it.)
            if (Result<PromptTemplate> existing = store.find(name); existing && existing->orgId.isEmpty()) {
                return fail(Error::invalidInput(existing->builtIn ? QStringLiteral("%1 is one of REALM's own prompt templates: choose another name "
                                                                                  "(--from %1 starts from a copy of it).").arg(name)
                                                                  : QStringLiteral("There is already a prompt template named %1: change it with "
                                                                                  "realm-cli prompt edit %1.").arg(name)));
            }
            if (parser.isSet(QStringLiteral("from"))) {
                Result<PromptTemplate> original = store.find(parser.value(QStringLiteral("from")));
                if (!original)
                    return fail(original.error());
                prompt = *original;
                prompt.builtIn = false;
                prompt.orgId.clear();
                prompt.orgName.clear();
                prompt.createdAt = 0;
            }
            prompt.name = name;
        } else {
            Result<PromptTemplate> existing = store.find(name);
            if (!existing)
                return fail(existing.error());
            if (!existing->orgId.isEmpty())
                return fail(Error::invalidInput(QStringLiteral("%1 is %2's template, which its admins change: make one of your own with "
                                                               "realm-cli prompt add %3 --from %1.")
                                                    .arg(Prompts::qualifiedName(*existing), existing->orgName, existing->name)));
            prompt = *existing;
        }
        Result<std::optional<QString>> body = bodyFrom(parser);
        if (!body)
            return fail(body.error());
        if (*body)
            prompt.body = **body;
        else if (adding && prompt.body.isEmpty())
            return fail(Error::invalidInput(QStringLiteral("Give the prompt with --body TEXT or --body-file FILE (see realm-cli prompt show explain).")));
        if (parser.isSet(QStringLiteral("title")))
            prompt.title = parser.value(QStringLiteral("title"));
        if (parser.isSet(QStringLiteral("description")))
            prompt.description = parser.value(QStringLiteral("description"));
        if (Result<void> saved = store.save(prompt); !saved)
            return fail(saved.error());
        Output::note(adding ? QStringLiteral("Added the prompt template %1.").arg(name) : QStringLiteral("Changed the prompt template %1.").arg(name));
        return ExitOk;
    }
    if (sub == QLatin1String("remove")) {
        if (Result<void> removed = store.remove(name); !removed)
            return fail(removed.error());
        Output::note(QStringLiteral("Removed the prompt template %1.").arg(name));
        return ExitOk;
    }
    if (sub == QLatin1String("export")) {
        QList<PromptTemplate> chosen;
        if (names.isEmpty()) { // all of the user's
            Result<QList<PromptTemplate>> all = store.list();
            if (!all)
                return fail(all.error());
            for (const PromptTemplate &p : *all) {
                if (!Prompts::isReadOnly(p))
                    chosen.append(p);
            }
        }
        for (const QString &n : names) {
            Result<PromptTemplate> prompt = store.find(n);
            if (!prompt)
                return fail(prompt.error());
            chosen.append(*prompt);
        }
        const QByteArray file = Prompts::exportPrompts(chosen);
        if (!parser.isSet(QStringLiteral("out"))) {
            fwrite(file.constData(), 1, size_t(file.size()), stdout);
            return ExitOk;
        }
        if (Result<void> written = writeFileAtomically(parser.value(QStringLiteral("out")), file); !written)
            return fail(written.error());
        Output::note(QStringLiteral("Wrote %1 to %2.").arg(QCoreApplication::translate("Realm::Cli", "%n prompt template(s)", nullptr, int(chosen.size())),
                                                          parser.value(QStringLiteral("out"))));
        return ExitOk;
    }
    if (sub == QLatin1String("import")) {
        Result<QByteArray> bytes = readInputFile(name);
        Result<QList<PromptTemplate>> prompts = bytes ? Prompts::importPrompts(*bytes) : Result<QList<PromptTemplate>>(bytes.error());
        if (!prompts)
            return fail(prompts.error());
        if (Result<void> saved = store.saveAll(*prompts, parser.isSet(QStringLiteral("replace"))); !saved)
            return fail(saved.error());
        Output::note(QStringLiteral("Imported %1.").arg(QCoreApplication::translate("Realm::Cli", "%n prompt template(s)", nullptr, int(prompts->size()))));
        return ExitOk;
    }
    Output::error(QStringLiteral("Unknown prompt command \"%1\": list, show, add, edit, remove, export or import.").arg(sub));
    return ExitUsage;
}

} // namespace Realm::Cli
