// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectcommands.h"

#include "clioutput.h"
#include "jobrunner.h"
#include "synccommands.h"
#include "common/cancellation.h"
#include "projects/folderbaseline.h"
#include "projects/fuzzymatcher.h"
#include "projects/importsource.h"
#include "projects/language.h"
#include "projects/importjob.h"
#include "projects/projectjson.h"
#include "projects/projectstore.h"
#include "syncclient/contents.h"
#include "workspace/settings.h"

#include <QDateTime>
#include <QJsonArray>


namespace Realm::Cli {

using namespace Realm::Projects;

namespace {

void printReport(const Invocation &inv, const ImportReport &report, bool refresh)
{
    if (inv.json) {
        Output::printJson(toJson(report));
        return;
    }
    Output::print(describeImport(report, refresh));
    if (!report.project.source.commit.isEmpty())
        Output::print(QStringLiteral("Commit %1").arg(report.project.source.commit));
    const auto listIssues = [](const QString &title, const QList<ImportIssue> &issues) {
        if (issues.isEmpty())
            return;
        Output::note(QStringLiteral("%1 (%2):").arg(title).arg(issues.size()));
        for (qsizetype i = 0; i < issues.size() && i < 50; ++i)
            Output::note(QStringLiteral("  %1: %2").arg(issues[i].path, issues[i].reason));
        if (issues.size() > 50)
            Output::note(QStringLiteral("  … and %1 more (use --json for the full list)").arg(issues.size() - 50));
    };
    listIssues(QStringLiteral("Skipped"), report.skipped);
    listIssues(QStringLiteral("Rejected"), report.rejected);
    listIssues(QStringLiteral("Warnings"), report.warnings);
}

void addImportOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("exclude"), QStringLiteral("Skip files or folders matching this glob (folder imports; repeatable)."), QStringLiteral("glob")});
    parser.addOption({QStringLiteral("no-default-excludes"), QStringLiteral("Do not skip the default folders (node_modules, build, dist, target, … or those of the Settings).")});
    parser.addOption({QStringLiteral("no-gitignore"), QStringLiteral("Import files that .gitignore would ignore.")});
    parser.addOption({QStringLiteral("max-file-size"), QStringLiteral("Skip files larger than this (default: the Settings', else 20M)."), QStringLiteral("size")});
    parser.addOption({QStringLiteral("max-total-size"), QStringLiteral("Stop if the source holds more than this (default: the Settings', else 4G)."), QStringLiteral("size")});
    parser.addOption({QStringLiteral("max-files"), QStringLiteral("Stop if the source holds more files than this (default: the Settings', else 500000)."), QStringLiteral("count")});
    parser.addOption({QStringLiteral("max-ratio"), QStringLiteral("Stop if an archive expands more than this many times (default: the Settings', else 200)."), QStringLiteral("ratio")});
}

// Returns an error text for a bad value, empty when all is fine.
QString readImportOptions(const QCommandLineParser &parser, ImportOptions &options)
{
    if (parser.isSet(QStringLiteral("no-default-excludes")))
        options.excludes.clear();
    options.excludes += parser.values(QStringLiteral("exclude"));
    if (parser.isSet(QStringLiteral("no-gitignore")))
        options.honourGitIgnore = false;
    const auto sizeOption = [&](const char *name, qint64 &target) -> QString {
        if (!parser.isSet(QLatin1String(name)))
            return {};
        const std::optional<qint64> size = parseSize(parser.value(QLatin1String(name)));
        if (!size || *size <= 0)
            return QStringLiteral("--%1 needs a size such as 500K, 20M or 4G.").arg(QLatin1String(name));
        target = *size;
        return {};
    };
    if (QString e = sizeOption("max-file-size", options.limits.maxFileBytes); !e.isEmpty())
        return e;
    if (QString e = sizeOption("max-total-size", options.limits.maxTotalBytes); !e.isEmpty())
        return e;
    if (parser.isSet(QStringLiteral("max-files"))) {
        bool ok = false;
        options.limits.maxFiles = parser.value(QStringLiteral("max-files")).toLongLong(&ok);
        if (!ok || options.limits.maxFiles <= 0)
            return QStringLiteral("--max-files needs a positive number.");
    }
    if (parser.isSet(QStringLiteral("max-ratio"))) {
        bool ok = false;
        options.limits.maxCompressionRatio = parser.value(QStringLiteral("max-ratio")).toDouble(&ok);
        if (!ok || options.limits.maxCompressionRatio <= 1)
            return QStringLiteral("--max-ratio needs a number above 1.");
    }
    return {};
}

int runImport(const Invocation &inv, bool refresh)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (!refresh) {
        parser.addOption({QStringLiteral("name"), QStringLiteral("Project name (default: from the source)."), QStringLiteral("name")});
        parser.addOption({QStringLiteral("ref"), QStringLiteral("Git branch, tag or commit to import (default: HEAD)."), QStringLiteral("ref")});
    }
    addImportOptions(parser);
    parser.addPositionalArgument(refresh ? QStringLiteral("project") : QStringLiteral("source"),
                                 refresh ? QStringLiteral("Project name or id.") : QStringLiteral("A folder, a .zip/.tar(.gz/.bz2/.xz/.zst) archive, or a git URL or path."));
    if (refresh)
        parser.addPositionalArgument(QStringLiteral("paths"),
                                     QStringLiteral("Only these files and folders (relative to the project's folder, or absolute inside it); "
                                                    "without them the whole source is read again."),
                                     QStringLiteral("[PATH...]"));
    if (int rc = parseOrExit(parser, inv, refresh ? QStringLiteral("[options] PROJECT [PATH...]") : QStringLiteral("[options] SOURCE"), 1,
                             refresh ? -1 : 1);
        rc >= 0)
        return rc;
    // The desktop's Settings (excludes, .gitignore, limits) apply here too; options given here win.
    ImportOptions options = Workspace::Settings::load().importOptions();
    if (!refresh) {
        options.name = parser.value(QStringLiteral("name"));
        options.ref = parser.value(QStringLiteral("ref"));
    }
    if (const QString bad = readImportOptions(parser, options); !bad.isEmpty()) {
        Output::error(bad);
        return ExitUsage;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    const QStringList arguments = parser.positionalArguments();
    const QString argument = arguments.first();
    const auto outcome = runJob(new ImportJob(*db, {refresh ? QString() : argument, refresh ? argument : QString(), arguments.mid(1), options}));
    if (const auto *error = std::get_if<Error>(&outcome))
        return fail(*error);
    printReport(inv, std::get<ImportReport>(outcome), refresh);
    return ExitOk;
}

int runList(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("filter"), QStringLiteral("Only projects whose name or description contains this text."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Only projects with this tag."), QStringLiteral("tag")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Only projects with files in this language (e.g. cpp, python)."), QStringLiteral("language")});
    parser.addOption({QStringLiteral("sort"), QStringLiteral("Sort by name, updated or size (default name)."), QStringLiteral("key")});
    parser.addOption({QStringLiteral("desc"), QStringLiteral("Sort in descending order.")});
    parser.addOption({QStringLiteral("trash"), QStringLiteral("List the projects in the trash.")});
    if (int rc = parseOrExit(parser, inv, QStringLiteral("[options]"), 0, 0); rc >= 0)
        return rc;
    ProjectFilter filter;
    filter.text = parser.value(QStringLiteral("filter"));
    filter.tag = parser.value(QStringLiteral("tag"));
    filter.language = parser.value(QStringLiteral("lang"));
    filter.trash = parser.isSet(QStringLiteral("trash"));
    filter.descending = parser.isSet(QStringLiteral("desc"));
    const QString sort = parser.value(QStringLiteral("sort"));
    if (sort == QLatin1String("updated"))
        filter.sort = ProjectFilter::Sort::Updated;
    else if (sort == QLatin1String("size"))
        filter.sort = ProjectFilter::Sort::Size;
    else if (!sort.isEmpty() && sort != QLatin1String("name")) {
        Output::error(QStringLiteral("--sort takes name, updated or size."));
        return ExitUsage;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    Result<QList<Project>> projects = ProjectStore(*db).list(filter);
    if (!projects)
        return fail(projects.error());
    for (const Project &p : *projects) {
        if (inv.json) {
            Output::printJson(toJson(p));
            continue;
        }
        QString line = QStringLiteral("%1  %2  %3").arg(p.name, Output::count(p.fileCount, Output::Noun::File), formatBytes(p.totalBytes));
        if (!p.tags.isEmpty())
            line += QStringLiteral("  [%1]").arg(p.tags.join(QStringLiteral(", ")));
        Output::print(line);
    }
    if (projects->isEmpty() && !inv.json)
        Output::note(filter.trash ? QStringLiteral("The trash is empty.")
                                  : QStringLiteral("No projects. Import one with: realm-cli project import PATH"));
    return ExitOk;
}

int runCreate(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("description"), QStringLiteral("A description."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("A tag (repeatable)."), QStringLiteral("tag")});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The new project's name."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("[options] NAME"), 1, 1, &exitCode);
    if (!db)
        return exitCode;
    Result<Project> p = ProjectStore(*db).create(parser.positionalArguments().first(), parser.value(QStringLiteral("description")),
                                                 parser.values(QStringLiteral("tag")));
    if (!p)
        return fail(p.error());
    if (inv.json)
        Output::printJson(toJson(*p));
    else
        Output::print(QStringLiteral("Created \"%1\" (%2).").arg(p->name, p->id));
    return ExitOk;
}

// What `show` and `edit` add for a folder's project and a shared one:
// whether the folder gets the team's changes, whether file contents are
// downloaded when needed and how many are not here.
Result<void> addSyncFacts(const Storage::DatabasePtr &db, const Project &project, QJsonObject &json)
{
    if (project.source.kind == ProjectSource::Kind::Folder) {
        Result<bool> takesPulls = FolderBaseline::folderTakesPulls(db->handle(), project.id);
        if (!takesPulls)
            return takesPulls.error();
        json.insert(QStringLiteral("folder_updates"), *takesPulls);
    }
    Result<std::optional<SyncClient::ContentsState>> contents = SyncClient::contentsState(db, project.id);
    if (!contents)
        return contents.error();
    if (*contents) {
        json.insert(QStringLiteral("contents"), SyncClient::contentsName((*contents)->contents));
        json.insert(QStringLiteral("files_not_downloaded"), (*contents)->notDownloaded);
    }
    return {};
}

int runShow(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("[options] PROJECT"), 1, 1, &exitCode);
    if (!db)
        return exitCode;
    ProjectStore store(*db);
    Result<Project> p = store.find(parser.positionalArguments().first(), true);
    if (!p)
        return fail(p.error());
    Result<QList<QPair<QString, qint64>>> languages = store.languages(p->id);
    if (!languages)
        return fail(languages.error());
    Result<bool> takesPulls = FolderBaseline::folderTakesPulls((*db)->handle(), p->id);
    if (!takesPulls)
        return fail(takesPulls.error());
    Result<std::optional<SyncClient::ContentsState>> contents = SyncClient::contentsState(*db, p->id);
    if (!contents)
        return fail(contents.error());
    if (inv.json) {
        QJsonObject o = toJson(*p);
        if (Result<void> described = addSyncFacts(*db, *p, o); !described)
            return fail(described.error());
        QJsonObject langs;
        for (const auto &[id, count] : *languages)
            langs.insert(id.isEmpty() ? QStringLiteral("other") : id, count);
        o.insert(QStringLiteral("languages"), langs);
        Output::printJson(o);
        return ExitOk;
    }
    Output::print(QStringLiteral("Name:        %1").arg(p->name));
    Output::print(QStringLiteral("Id:          %1").arg(p->id));
    if (!p->description.isEmpty())
        Output::print(QStringLiteral("Description: %1").arg(p->description));
    if (!p->tags.isEmpty())
        Output::print(QStringLiteral("Tags:        %1").arg(p->tags.join(QStringLiteral(", "))));
    Output::print(QStringLiteral("Source:      %1 %2%3").arg(sourceKindName(p->source.kind), p->source.location,
                                                          p->source.commit.isEmpty() ? QString() : QStringLiteral(" @ ") + p->source.commit));
    if (p->source.kind == ProjectSource::Kind::Folder)
        Output::print(QStringLiteral("Folder:      %1").arg(*takesPulls ? QStringLiteral("gets the team's changes") : QStringLiteral("left as it is (--folder-updates off)")));
    Output::print(QStringLiteral("Files:       %1 (%2)").arg(p->fileCount).arg(formatBytes(p->totalBytes)));
    if (*contents && (*contents)->unshared && (*contents)->notDownloaded > 0)
        Output::print(QStringLiteral("Contents:    %1 never downloaded, and no longer can be: the project is no longer shared with you")
                          .arg(Output::count((*contents)->notDownloaded, Output::Noun::File)));
    else if (*contents)
        Output::print((*contents)->contents == SyncClient::Link::Contents::Lazy
                          ? QStringLiteral("Contents:    downloaded when needed (%1 not here yet; realm-cli project fetch downloads them)")
                                .arg(Output::count((*contents)->notDownloaded, Output::Noun::File))
                          : QStringLiteral("Contents:    all downloaded by sync"));
    QStringList langs;
    for (const auto &[id, count] : *languages)
        langs << QStringLiteral("%1 %2").arg(languageDisplayName(id)).arg(count);
    if (!langs.isEmpty())
        Output::print(QStringLiteral("Languages:   %1").arg(langs.join(QStringLiteral(", "))));
    Output::print(QStringLiteral("Updated:     %1").arg(Output::localTime(p->updatedAt)));
    if (p->deletedAt)
        Output::print(QStringLiteral("In trash since %1 (restore with: realm-cli project restore %2)").arg(Output::localTime(*p->deletedAt), p->id));
    return ExitOk;
}

int runEdit(const Invocation &inv)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), QStringLiteral("New name."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("description"), QStringLiteral("New description."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Add a tag (repeatable)."), QStringLiteral("tag")});
    parser.addOption({QStringLiteral("untag"), QStringLiteral("Remove a tag (repeatable)."), QStringLiteral("tag")});
    parser.addOption({QStringLiteral("folder-updates"), QStringLiteral("on: the project's folder gets the team's changes (the default); off: it is left "
                                                                       "as it is, and a refresh sends only what changes there."), QStringLiteral("on|off")});
    parser.addOption({QStringLiteral("contents"), QStringLiteral("A shared project's file contents: eager (every one downloaded by sync) or lazy "
                                                                 "(only when a file is opened, exported or fetched)."), QStringLiteral("eager|lazy")});
    int exitCode = ExitOk;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, inv, &exitCode);
    if (!opened)
        return exitCode;
    ProjectStore store(opened->db);
    const Project *p = &opened->project;
    const QString folderUpdates = parser.value(QStringLiteral("folder-updates"));
    if (parser.isSet(QStringLiteral("folder-updates")) && folderUpdates != QLatin1String("on") && folderUpdates != QLatin1String("off")) {
        Output::error(QStringLiteral("--folder-updates takes on or off, not \"%1\".").arg(folderUpdates));
        return ExitUsage;
    }
    const std::optional<SyncClient::Link::Contents> contents = contentsOption(parser);
    if (!contents)
        return ExitUsage;
    ProjectChanges changes;
    if (parser.isSet(QStringLiteral("name")))
        changes.name = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("description")))
        changes.description = parser.value(QStringLiteral("description"));
    if (parser.isSet(QStringLiteral("tag")) || parser.isSet(QStringLiteral("untag"))) {
        QStringList tags = p->tags + parser.values(QStringLiteral("tag"));
        for (const QString &t : parser.values(QStringLiteral("untag")))
            tags.removeAll(t);
        changes.tags = tags;
    }
    const bool edits = parser.isSet(QStringLiteral("name")) || parser.isSet(QStringLiteral("description")) || parser.isSet(QStringLiteral("tag"))
                       || parser.isSet(QStringLiteral("untag")) || (folderUpdates.isEmpty() && !parser.isSet(QStringLiteral("contents")));
    Result<Project> updated = edits ? store.update(p->id, changes) : Result<Project>(*p);
    if (!updated)
        return fail(updated.error());
    if (edits && !inv.json)
        Output::print(QStringLiteral("Updated \"%1\".").arg(updated->name));
    if (!folderUpdates.isEmpty()) {
        // Either way the folder is read first, with the Settings' rules, as a refresh reads it.
        const bool on = folderUpdates == QLatin1String("on");
        Result<qint64> written = FolderBaseline::setFolderTakesPulls(opened->db, p->id, on, Workspace::Settings::load().importOptions());
        if (!written)
            return fail(written.error());
        if (!inv.json)
            Output::print(on ? QStringLiteral("The folder of \"%1\" gets the team's changes again (%2 files written or removed).").arg(updated->name).arg(*written)
                             : QStringLiteral("The folder of \"%1\" is left as it is when the team's changes arrive; a refresh sends only what "
                                              "changes there.").arg(updated->name));
    }
    if (parser.isSet(QStringLiteral("contents"))) {
        Result<SyncClient::ContentsState> set = SyncClient::setContents(opened->db, p->id, *contents);
        if (!set)
            return fail(set.error());
        if (!inv.json)
            Output::print(*contents == SyncClient::Link::Contents::Lazy
                              ? QStringLiteral("\"%1\" downloads file contents only when they are needed.").arg(updated->name)
                              : QStringLiteral("\"%1\" downloads every file's contents; the next sync downloads the %2 not here yet.")
                                    .arg(updated->name, Output::count(set->notDownloaded, Output::Noun::File)));
    }
    if (inv.json) {
        QJsonObject json = toJson(*updated);
        if (Result<void> described = addSyncFacts(opened->db, *updated, json); !described)
            return fail(described.error());
        Output::printJson(json);
    }
    return ExitOk;
}

int runTrashCommand(const Invocation &inv, const QString &which)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    const bool needsProject = which != QLatin1String("empty-trash");
    if (needsProject)
        parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    if (int rc = parseOrExit(parser, inv, needsProject ? QStringLiteral("[options] PROJECT") : QStringLiteral("[options]"),
                             needsProject ? 1 : 0, needsProject ? 1 : 0); rc >= 0)
        return rc;
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    ProjectStore store(*db);
    if (which == QLatin1String("empty-trash")) {
        Result<int> purged = store.emptyTrash();
        if (!purged)
            return fail(purged.error());
        if (inv.json)
            Output::printJson({{QStringLiteral("purged"), *purged}});
        else
            Output::print(QStringLiteral("Emptied the trash: %1 removed for good.").arg(Output::count(*purged, Output::Noun::Project)));
        return ExitOk;
    }
    const QString name = parser.positionalArguments().first();
    if (which == QLatin1String("delete")) {
        Result<Project> p = store.find(name);
        if (!p)
            return fail(p.error());
        if (Result<void> r = store.moveToTrash(p->id); !r)
            return fail(r.error());
        if (inv.json)
            Output::printJson(QJsonObject{{QStringLiteral("trashed"), p->id}});
        else
            Output::print(QStringLiteral("Moved \"%1\" to the trash. Undo with: realm-cli project restore %2").arg(p->name, p->id));
        return ExitOk;
    }
    // restore: look only in the trash
    ProjectFilter inTrash;
    inTrash.trash = true;
    Result<QList<Project>> trash = store.list(inTrash);
    if (!trash)
        return fail(trash.error());
    for (const Project &p : *trash) {
        if (p.id == name || p.name == name) {
            Result<Project> restored = store.restore(p.id);
            if (!restored)
                return fail(restored.error());
            if (inv.json)
                Output::printJson(toJson(*restored));
            else
                Output::print(QStringLiteral("Restored \"%1\".").arg(restored->name));
            return ExitOk;
        }
    }
    Output::error(QStringLiteral("No project \"%1\" in the trash. `realm-cli project list --trash` shows it.").arg(name));
    return ExitNotFound;
}

int runFiles(const Invocation &inv)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("match"), QStringLiteral("Rank files by a fuzzy match of their paths, like an editor's quick open."), QStringLiteral("pattern")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most this many files with --match (default 20)."), QStringLiteral("n")});
    int exitCode = ExitOk;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, inv, &exitCode);
    if (!opened)
        return exitCode;
    Result<QList<ProjectFile>> files = ProjectStore(opened->db).files(opened->project.id);
    if (!files)
        return fail(files.error());
    const auto printFile = [&](const ProjectFile &f) {
        if (inv.json)
            Output::printJson(toJson(f));
        else
            Output::print(f.path);
    };
    if (!parser.isSet(QStringLiteral("match"))) {
        for (const ProjectFile &f : *files)
            printFile(f);
        return ExitOk;
    }
    QStringList paths;
    QHash<QString, const ProjectFile *> byPath;
    for (const ProjectFile &f : *files) {
        paths << f.path;
        byPath.insert(f.path, &f);
    }
    const int limit = parser.isSet(QStringLiteral("limit")) ? parser.value(QStringLiteral("limit")).toInt() : 20;
    const auto ranked = FuzzyMatcher(parser.value(QStringLiteral("match"))).rank(paths, limit);
    for (const auto &[path, match] : ranked)
        printFile(*byPath.value(path));
    return ranked.isEmpty() ? ExitNoMatches : ExitOk;
}

} // namespace

QString projectCommandsHelp()
{
    return QStringLiteral(
        "  project list [--filter TEXT] [--tag T] [--lang L] [--sort name|updated|size] [--desc] [--trash]\n"
        "  project create NAME [--description D] [--tag T]...\n"
        "  project import SOURCE [--name N] [--ref REF] [--exclude GLOB]... [limits]\n"
        "  project refresh PROJECT [PATH...]\n"
        "  project show PROJECT\n"
        "  project edit PROJECT [--name N] [--description D] [--tag T]... [--untag T]... [--folder-updates on|off] [--contents eager|lazy]\n"
        "  project delete PROJECT        move to the trash\n"
        "  project restore PROJECT       bring back from the trash\n"
        "  project empty-trash           remove trashed projects for good\n"
        "  project files PROJECT [--match PATTERN] [--limit N]\n"
        "  project export PROJECT --out PATH [--format zip|tar.gz|git] [--branch B] [--author \"Name <email>\"] [--message T]\n"
        "  project versions PROJECT      imports and refreshes that changed it\n"
        "  project stats PROJECT         files and lines by language, largest and most changed files, TODOs, growth\n"
        "  project templates             the starter templates and their variables\n"
        "  project new --template ID [--var NAME=VALUE]... [--out DIR] [--name N] [--dry-run]\n");
}

int runProjectCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("list"))
        return runList(inv);
    if (sub == QLatin1String("create"))
        return runCreate(inv);
    if (sub == QLatin1String("import"))
        return runImport(inv, false);
    if (sub == QLatin1String("refresh"))
        return runImport(inv, true);
    if (sub == QLatin1String("show"))
        return runShow(inv);
    if (sub == QLatin1String("edit"))
        return runEdit(inv);
    if (sub == QLatin1String("delete") || sub == QLatin1String("restore") || sub == QLatin1String("empty-trash"))
        return runTrashCommand(inv, sub);
    if (sub == QLatin1String("files"))
        return runFiles(inv);
    if (sub == QLatin1String("export"))
        return runProjectExport(inv);
    if (sub == QLatin1String("versions"))
        return runProjectVersions(inv);
    if (sub == QLatin1String("stats"))
        return runProjectStats(inv);
    if (sub == QLatin1String("templates"))
        return runProjectTemplates(inv);
    if (sub == QLatin1String("new"))
        return runProjectNew(inv);
    if (sub == QLatin1String("share"))
        return runProjectShare(inv);
    if (sub == QLatin1String("clone"))
        return runProjectClone(inv);
    if (sub == QLatin1String("fetch"))
        return runProjectFetch(inv);
    if (sub == QLatin1String("members"))
        return runProjectMembers(inv);
    if (sub == QLatin1String("conflicts"))
        return runProjectConflicts(inv);
    if (sub == QLatin1String("resolve"))
        return runProjectResolve(inv);
    Output::error(QStringLiteral("Unknown command \"project %1\". Commands:\n%2").arg(sub, projectCommandsHelp()));
    return ExitUsage;
}

} // namespace Realm::Cli
