// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli project templates` and `project new --template`: starting a
// project from one of REALM's starter templates.
#include "projectcommands.h"

#include "clioutput.h"
#include "jobrunner.h"
#include "synccommands.h"

#include "common/atomicfile.h"
#include "projects/projectjson.h"
#include "projects/projectstore.h"
#include "starters/createjob.h"
#include "starters/startertemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Realm::Cli {

int runProjectTemplates(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (int rc = parseOrExit(parser, inv, QString(), 0, 0); rc >= 0)
        return rc;
    QList<Starters::StarterTemplate> all = Starters::StarterTemplate::builtIn();
    if (Result<Storage::DatabasePtr> db = openWorkspaceFor(inv); db) {
        if (Result<QList<Starters::StarterTemplate>> mine = Starters::TemplateStore(*db).list(); mine)
            all += *mine;
    }
    for (const Starters::StarterTemplate &t : std::as_const(all)) {
        if (inv.json) {
            Output::printJson(Starters::toJson(t));
            continue;
        }
        QStringList variables;
        for (const Starters::TemplateVariable &v : t.variables)
            variables << (v.defaultValue.isEmpty() ? v.name : QStringLiteral("%1=%2").arg(v.name, v.defaultValue));
        const QString whose = t.shipped ? QString() : t.orgId.isEmpty() ? QStringLiteral(" (yours)") : QStringLiteral(" (%1's)").arg(t.orgName);
        Output::print(QStringLiteral("%1  %2%3\n    %4\n    --var %5").arg(Starters::qualifiedName(t).leftJustified(20), t.title, whose, t.description,
                                                                      variables.join(QStringLiteral(" --var "))));
    }
    return ExitOk;
}

int runProjectNew(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("template"), QStringLiteral("The starter template (realm-cli project templates)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("var"), QStringLiteral("A template variable, NAME=VALUE (repeatable)."), QStringLiteral("name=value")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The folder to create the files in (default: ./PROJECT_NAME)."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("The project's name in REALM (default: project_name)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("List the files that would be made, make nothing.")});
    if (int rc = parseOrExit(parser, inv, QStringLiteral("--template ID [--var NAME=VALUE]... [--out DIR] [--name N] [--dry-run]"), 0, 0); rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("template"))) {
        Output::error(QStringLiteral("Choose a starter with --template ID (realm-cli project templates lists them)."));
        return ExitUsage;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Result<Starters::StarterTemplate> starter = Starters::TemplateStore(*db).findAny(parser.value(QStringLiteral("template")));
    if (!starter)
        return fail(starter.error());
    QMap<QString, QString> given;
    for (const QString &assignment : parser.values(QStringLiteral("var"))) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            Output::error(QStringLiteral("--var takes NAME=VALUE, not \"%1\".").arg(assignment));
            return ExitUsage;
        }
        given.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    Result<QMap<QString, QString>> values = Starters::resolveValues(*starter, given);
    if (!values)
        return fail(values.error());
    if (parser.isSet(QStringLiteral("dry-run"))) {
        Result<QList<Starters::RenderedFile>> files = Starters::render(*starter, *values);
        if (!files)
            return fail(files.error());
        for (const Starters::RenderedFile &f : *files)
            Output::print(f.path);
        return ExitOk;
    }
    QString folder = parser.value(QStringLiteral("out"));
    if (folder.isEmpty()) {
        Result<QString> plain = Starters::defaultFolderName(*values);
        if (!plain)
            return fail(plain.error());
        folder = *plain;
    }
    const auto outcome = runJob(new Starters::CreateJob(*db, {*starter, *values, folder, parser.value(QStringLiteral("name"))}));
    if (const auto *error = std::get_if<Error>(&outcome))
        return fail(*error);
    const Starters::CreatedProject &created = std::get<Starters::CreatedProject>(outcome);
    if (inv.json) {
        QJsonObject json = Projects::toJson(created.report.project);
        json.insert(QStringLiteral("folder"), created.folder);
        Output::printJson(json);
    } else {
        Output::print(created.summary);
    }
    return ExitOk;
}

QString templateCommandsHelp()
{
    return QStringLiteral(
        "  template list                 the starter templates, REALM's and yours\n"
        "  template save PROJECT --name NAME [--title T] [--description D] [--var NAME=TEXT]... [--file PATH]...\n"
        "  template export NAME --out FILE.tar.gz | template import FILE [--name NAME] | template remove NAME\n"
        "  template publish|withdraw NAME --org ORG   share one of yours with an organization (its admins), or take it back\n");
}

int runTemplateCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("list"))
        return runProjectTemplates(inv);
    if (sub == QLatin1String("publish") || sub == QLatin1String("withdraw"))
        return runTemplateSharing(sub, SyncClient::TemplateKind::Starter, inv);
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("name"), QStringLiteral("save/import: the template's name."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("save: the title shown in lists."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("description"), QStringLiteral("save: one sentence about it."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("var"), QStringLiteral("save: NAME=TEXT — TEXT in files and names becomes {{NAME}}."), QStringLiteral("name=text")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("save: only these files (default: all)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("export: the archive to write."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("replace"), QStringLiteral("save/import: replace a template of the same name.")});
    parser.addPositionalArgument(QStringLiteral("subject"), QStringLiteral("save: the project; export/remove: the template; import: the archive."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("SUBJECT [options]"), 1, 1); rc >= 0)
        return rc;
    const QString subject = parser.positionalArguments().first();
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Starters::TemplateStore store(*db);
    if (sub == QLatin1String("save")) {
        if (!parser.isSet(QStringLiteral("name"))) {
            Output::error(QStringLiteral("Name the template: --name NAME."));
            return ExitUsage;
        }
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(subject);
        if (!project)
            return fail(project.error());
        QList<Starters::TemplateMark> marks;
        for (const QString &assignment : parser.values(QStringLiteral("var"))) {
            const qsizetype eq = assignment.indexOf(QLatin1Char('='));
            if (eq <= 0 || eq + 1 >= assignment.size()) {
                Output::error(QStringLiteral("--var takes NAME=TEXT, not \"%1\".").arg(assignment));
                return ExitUsage;
            }
            marks.append({assignment.left(eq), assignment.mid(eq + 1), {}});
        }
        Result<Starters::StarterTemplate> starter = Starters::templateFromProject(
            *db, project->id, parser.value(QStringLiteral("name")), parser.value(QStringLiteral("title")),
            parser.value(QStringLiteral("description")), marks, parser.values(QStringLiteral("file")));
        if (!starter)
            return fail(starter.error());
        if (store.hasOwn(starter->id) && !parser.isSet(QStringLiteral("replace")))
            return fail(Error::invalidInput(QStringLiteral("There is already a template named %1: choose another --name, or --replace it.").arg(starter->id)));
        if (Result<void> r = store.save(*starter); !r)
            return fail(r.error());
        Output::print(QStringLiteral("Saved the template %1: %2, variables %3.")
                          .arg(starter->id)
                          .arg(Output::count(starter->files.size(), Output::Noun::File))
                          .arg([&] {
                              QStringList names;
                              for (const Starters::TemplateVariable &v : starter->variables)
                                  names << v.name;
                              return names.join(QStringLiteral(", "));
                          }()));
        return ExitOk;
    }
    if (sub == QLatin1String("export")) {
        Result<QByteArray> bytes = store.archive(subject);
        if (!bytes)
            return fail(bytes.error());
        // An organization's ("Acme/NAME") is written as NAME.tar.gz.
        const QString out = parser.value(QStringLiteral("out")).isEmpty() ? subject.section(QLatin1Char('/'), -1) + QStringLiteral(".tar.gz")
                                                                          : parser.value(QStringLiteral("out"));
        if (Result<void> r = writeFileAtomically(out, *bytes); !r)
            return fail(r.error());
        Output::print(out);
        return ExitOk;
    }
    if (sub == QLatin1String("import")) {
        QFile file(subject);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::notFound(QStringLiteral("Cannot read %1: %2").arg(subject, file.errorString())));
        QString name = parser.value(QStringLiteral("name"));
        if (name.isEmpty())
            name = QFileInfo(subject).fileName().section(QLatin1Char('.'), 0, 0);
        Result<Starters::StarterTemplate> starter = Starters::StarterTemplate::fromArchive(file.readAll(), name);
        if (!starter)
            return fail(starter.error());
        if (store.hasOwn(name) && !parser.isSet(QStringLiteral("replace")))
            return fail(Error::invalidInput(QStringLiteral("There is already a template named %1: import it under another --name, or --replace it.").arg(name)));
        if (Result<void> r = store.save(*starter); !r)
            return fail(r.error());
        Output::note(QStringLiteral("Imported the template %1 (%2).").arg(name, Output::count(starter->files.size(), Output::Noun::File)));
        return ExitOk;
    }
    if (sub == QLatin1String("remove")) {
        if (Result<void> r = store.remove(subject); !r)
            return fail(r.error());
        Output::note(QStringLiteral("Removed the template %1.").arg(subject));
        return ExitOk;
    }
    Output::error(QStringLiteral("Unknown command \"template %1\". Commands:\n%2").arg(sub, templateCommandsHelp()));
    return ExitUsage;
}

} // namespace Realm::Cli
