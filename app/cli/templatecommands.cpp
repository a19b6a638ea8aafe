// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli project templates` and `project new --template`: starting a
// project from one of REALM's starter templates.
#include "projectcommands.h"

#include "clioutput.h"

#include "starters/startertemplate.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace Realm::Cli {

int runProjectTemplates(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (int rc = parseOrExit(parser, inv, QString(), 0, 0); rc >= 0)
        return rc;
    for (const Starters::StarterTemplate &t : Starters::StarterTemplate::builtIn()) {
        if (inv.json) {
            QJsonArray variables;
            for (const Starters::TemplateVariable &v : t.variables) {
                variables.append(QJsonObject{{QStringLiteral("name"), v.name}, {QStringLiteral("label"), v.label},
                                             {QStringLiteral("default"), v.defaultValue}, {QStringLiteral("pattern"), v.pattern},
                                             {QStringLiteral("choices"), QJsonArray::fromStringList(v.choices)},
                                             {QStringLiteral("required"), v.required}});
            }
            Output::printJson({{QStringLiteral("id"), t.id}, {QStringLiteral("title"), t.title},
                               {QStringLiteral("description"), t.description}, {QStringLiteral("variables"), variables}});
            continue;
        }
        QStringList variables;
        for (const Starters::TemplateVariable &v : t.variables)
            variables << (v.defaultValue.isEmpty() ? v.name : QStringLiteral("%1=%2").arg(v.name, v.defaultValue));
        Output::print(QStringLiteral("%1  %2\n    %3\n    --var %4").arg(t.id.leftJustified(20), t.title, t.description,
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
    Result<Starters::StarterTemplate> starter = Starters::StarterTemplate::builtIn(parser.value(QStringLiteral("template")));
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
    const QString folder = parser.value(QStringLiteral("out")).isEmpty() ? values->value(QStringLiteral("project_name"))
                                                                          : parser.value(QStringLiteral("out"));
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Result<Projects::ImportReport> report =
        Starters::createProject(*db, *starter, *values, QDir(folder).absolutePath(), parser.value(QStringLiteral("name")));
    if (!report)
        return fail(report.error());
    if (inv.json) {
        Output::printJson({{QStringLiteral("project"), report->project.name}, {QStringLiteral("id"), report->project.id},
                           {QStringLiteral("folder"), QDir(folder).absolutePath()}, {QStringLiteral("files"), report->files}});
    } else {
        Output::print(QStringLiteral("Created %1 in %2 from %3: %4 files.")
                          .arg(report->project.name, QDir(folder).absolutePath(), starter->title)
                          .arg(report->files));
    }
    return ExitOk;
}

} // namespace Realm::Cli
