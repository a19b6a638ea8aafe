// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccommands.h"

#include "jobrunner.h"
#include "providercommands.h"
#include "servercommands.h"

#include "docs/docstore.h"
#include "projects/importsource.h"
#include "projects/projectstore.h"
#include "prompts/promptstore.h"
#include "secrets/keychainsecretstore.h"
#include "starters/startertemplate.h"
#include "syncclient/conflicts.h"
#include "syncclient/contents.h"
#include "syncclient/orgtemplatejob.h"
#include "syncclient/syncjob.h"
#include "syncclient/syncoverview.h"
#include "teamclient/httptransport.h"
#include "teamclient/serverclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>
#include <QLocale>
#include <QUrl>

#include <functional>

namespace Realm::Cli {

namespace {

using SyncClient::Link;
using SyncClient::SyncInput;
using SyncClient::SyncReport;
namespace Conflicts = SyncClient::Conflicts;

// What a sync needs of the login: the server and a token, fetched on this
// thread (the keychain and the refresh answer here) and handed to the
// job's transport. Kept for the whole command: a transport whose token
// runs out during a long share or clone renews it through this client.
class Login final {
public:
    Login() = default;
    Q_DISABLE_COPY_MOVE(Login)
    ~Login()
    {
        // A renewal the job stopped waiting for (Ctrl+C) still finishes:
        // the server has rotated the refresh token, and the new one must
        // reach the keychain. Bounded by the refresh's own timeout.
        if (!m_client.isRefreshing())
            return;
        constexpr int kLongestRefreshMs = 35000;
        const QDeadlineTimer deadline(kLongestRefreshMs);
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (!m_client.isRefreshing() || deadline.hasExpired())
                loop.quit();
        });
        check.start(50);
        loop.exec();
    }

    Result<TeamClient::Credentials> credentials()
    {
        Result<TeamClient::Credentials> found = waitFor<TeamClient::Credentials>([&](auto done) { m_client.credentials(done); });
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return found;
    }

private:
    Secrets::KeychainSecretStore m_keychain;
    TeamClient::ServerClient m_client{&m_keychain};
};

// --server, when given, must be the server signed in to (or
// REALM_SERVER_URL's): a token is only ever sent where it belongs.
std::optional<Error> checkServer(const QCommandLineParser &parser, const TeamClient::Credentials &credentials)
{
    if (!parser.isSet(QStringLiteral("server")))
        return std::nullopt;
    const QUrl asked = QUrl(parser.value(QStringLiteral("server"))).adjusted(QUrl::StripTrailingSlash);
    if (asked == credentials.server.adjusted(QUrl::StripTrailingSlash))
        return std::nullopt;
    return Error::unauthenticated(QStringLiteral("Signed in to %1, not %2: sign in there first (realm-cli server login %2 --email EMAIL), "
                                                 "or set REALM_SERVER_URL and REALM_SERVER_TOKEN.")
                                      .arg(credentials.server.toString(), asked.toString()));
}

// The login's credentials for a command that may name its --server;
// nullopt (the error shown, *exit set) when there is none or it is for
// another server.
std::optional<TeamClient::Credentials> loginFor(Login &login, const QCommandLineParser &parser, int *exit)
{
    Result<TeamClient::Credentials> credentials = login.credentials();
    if (!credentials) {
        *exit = failServer(credentials.error());
        return std::nullopt;
    }
    if (const std::optional<Error> wrong = checkServer(parser, *credentials)) {
        *exit = failServer(*wrong);
        return std::nullopt;
    }
    return *credentials;
}

SyncClient::SyncJob::TransportFactory transportFor(const TeamClient::Credentials &credentials)
{
    return [credentials](const CancellationToken *cancel) { return std::make_unique<TeamClient::HttpTransport>(credentials, cancel); };
}

JobOutcome<SyncClient::OrgTemplateJob> runOrgTemplateJob(const Storage::DatabasePtr &db, const TeamClient::Credentials &credentials,
                                                         SyncClient::OrgTemplateInput input)
{
    input.server = credentials.server.toString();
    return runJob(new SyncClient::OrgTemplateJob(db, transportFor(credentials), input));
}

// "prompt template "review"", as a line of the report names it.
QString described(const SyncClient::OrgTemplateName &one)
{
    const QString kind = one.kind == SyncClient::TemplateKind::Prompt ? QStringLiteral("prompt template")
                         : one.kind == SyncClient::TemplateKind::Doc  ? QStringLiteral("documentation template")
                                                                      : QStringLiteral("starter template");
    return QStringLiteral("%1 \"%2\"").arg(kind, one.name);
}

QString describe(const SyncClient::OrgTemplateReport &report)
{
    if (!report.error.isEmpty())
        return QStringLiteral("%1's templates: failed: %2%3")
            .arg(report.orgName, report.error,
                 report.pending > 0 ? QStringLiteral(" (%1 change(s) wait here for the next sync)").arg(report.pending) : QString());
    if (report.unsupported)
        return QStringLiteral("%1's templates: %2 keeps none (a realm-server from before them).").arg(report.orgName, report.server);
    if (report.left)
        return QStringLiteral("%1's templates: you are no longer in %1, so they were removed here.").arg(report.orgName);
    QString line = QStringLiteral("%1's templates (%2): sent %3, received %4").arg(report.orgName, report.server).arg(report.sent).arg(report.received);
    if (report.pending > 0)
        line += QStringLiteral(", %1 waiting").arg(report.pending);
    line += QLatin1Char('.');
    for (const SyncClient::OrgTemplateName &kept : report.kept)
        line += QStringLiteral("\n  kept: %1 (someone changed it since it was read here; it stays as they left it)").arg(described(kept));
    for (const SyncClient::OrgTemplateName &unusable : report.unusable)
        line += QStringLiteral("\n  not usable here: %1 (not a valid template; ask an admin to publish a valid one under that name)").arg(described(unusable));
    return line;
}

JobOutcome<SyncClient::SyncJob> runSyncJob(const Storage::DatabasePtr &db, const TeamClient::Credentials &credentials, const SyncInput &input)
{
    return runJob(new SyncClient::SyncJob(db, transportFor(credentials), input));
}

// A share or a clone: its report as JSON, or in the words `describe` finds.
int runOneProject(const Invocation &inv, const Storage::DatabasePtr &db, const TeamClient::Credentials &login, const SyncInput &input,
                  const std::function<void(const SyncReport &)> &describe)
{
    const auto outcome = runSyncJob(db, login, input);
    if (const auto *error = std::get_if<Error>(&outcome))
        return failServer(*error);
    const SyncReport &report = std::get<QList<SyncReport>>(outcome).first();
    if (inv.json)
        Output::printJson(report.toJson());
    else
        describe(report);
    return ExitOk;
}

QString describe(const SyncReport &report)
{
    if (!report.error.isEmpty())
        return QStringLiteral("%1: failed: %2").arg(report.projectName.isEmpty() ? report.projectId : report.projectName, report.error);
    QStringList parts;
    parts << QStringLiteral("sent %1").arg(report.sent) << QStringLiteral("received %1").arg(report.received);
    if (report.pending > 0)
        parts << (report.state == Link::State::ReadOnly ? QStringLiteral("%1 local change(s) kept here (you may only view this project)").arg(report.pending)
                                                         : QStringLiteral("%1 waiting").arg(report.pending));
    QString line = QStringLiteral("%1 (%2 on %3): %4.").arg(report.projectName, report.serverProjectId, report.server, parts.join(QStringLiteral(", ")));
    for (const QString &conflict : report.conflicts)
        line += QStringLiteral("\n  conflict: your change was kept as %1").arg(conflict);
    for (const QString &path : report.notSent)
        line += QStringLiteral("\n  not sent: %1 (the server cannot take this path; rename the file)").arg(path);
    for (const QString &row : report.tooLarge)
        line += QStringLiteral("\n  not sent: %1 (larger than the 8 MiB one push carries; it stays on this machine)").arg(row);
    return line;
}

// The server project a local one is shared as; nullopt (the error shown,
// *exit set) when it is not shared, or shared on another server than the
// one signed in to.
std::optional<Link> sharedLink(const WorkspaceProject &opened, int *exit)
{
    Result<std::optional<Link>> link = SyncClient::SyncState::link(opened.db->handle(), opened.project.id);
    if (!link) {
        *exit = fail(link.error());
        return std::nullopt;
    }
    if (!*link) {
        Output::error(QStringLiteral("\"%1\" is not shared; share it first: realm-cli project share %1 --org ORG").arg(opened.project.name));
        *exit = ExitNotFound;
        return std::nullopt;
    }
    if ((*link)->state == Link::State::Creating) {
        Output::error(QStringLiteral("Sharing \"%1\" did not finish: %2 has not confirmed it yet. Finish it first: realm-cli sync %1 "
                                     "(or realm-cli project share %1 --org ORG again).")
                          .arg(opened.project.name, (*link)->server));
        *exit = ExitNotFound;
        return std::nullopt;
    }
    Login signedIn;
    Result<TeamClient::Credentials> login = signedIn.credentials();
    if (!login) {
        *exit = failServer(login.error());
        return std::nullopt;
    }
    if (login->server.toString() != (*link)->server) {
        *exit = failServer(Error::unauthenticated(QStringLiteral("\"%1\" is shared on %2, not on %3 (signed in there): sign in to %2 first.")
                                                    .arg(opened.project.name, (*link)->server, login->server.toString())));
        return std::nullopt;
    }
    return **link;
}

// One API call with the stored login (or REALM_SERVER_TOKEN); `path` as
// it reads (the client encodes it).
Result<QJsonObject> callServer(const QByteArray &method, const QString &path, const QJsonObject &body = {})
{
    Secrets::KeychainSecretStore keychain;
    TeamClient::ServerClient client(&keychain);
    Result<QJsonObject> answer = waitFor<QJsonObject>([&](auto done) { client.call(method, path, body, done); });
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return answer;
}

// realm-cli project share PROJECT --user EMAIL --role ROLE
int giveRole(const Invocation &inv, const WorkspaceProject &opened, const QString &email, const QString &role)
{
    static const QStringList roles{QStringLiteral("viewer"), QStringLiteral("editor"), QStringLiteral("admin")};
    if (!roles.contains(role)) {
        Output::error(QStringLiteral("Give a role: --role viewer, editor or admin."));
        return ExitUsage;
    }
    int exit = 0;
    const std::optional<Link> link = sharedLink(opened, &exit);
    if (!link)
        return exit;
    Result<QJsonObject> given = callServer("PUT", QStringLiteral("/projects/%1/members/%2").arg(link->serverProjectId, email),
                                           {{QStringLiteral("role"), role}});
    if (!given)
        return failServer(given.error());
    if (inv.json)
        Output::printJson(*given);
    else
        Output::print(QStringLiteral("%1 is now %2 of \"%3\".").arg(email, role == QLatin1String("admin") ? QStringLiteral("an admin") : QStringLiteral("a ") + role,
                                                                       opened.project.name));
    return ExitOk;
}

template<typename Report>
int printReports(const Invocation &inv, const QList<Report> &reports)
{
    bool failed = false;
    for (const Report &report : reports) {
        failed = failed || !report.error.isEmpty();
        if (inv.json)
            Output::printJson(report.toJson());
        else if (report.error.isEmpty())
            Output::print(describe(report));
        else
            Output::error(describe(report));
    }
    return failed ? ExitRejected : ExitOk;
}

QString lastSyncedText(const std::optional<qint64> &atMs)
{
    return atMs ? QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(*atMs), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("never");
}

int runStatus(const Invocation &inv, const Storage::DatabasePtr &db)
{
    Result<QList<SyncClient::ProjectSyncStatus>> statuses = SyncClient::syncStatuses(db);
    if (!statuses)
        return fail(statuses.error());
    Result<QList<SyncClient::OrgTemplateSyncStatus>> orgs = SyncClient::orgTemplateSyncStatuses(db);
    if (!orgs)
        return fail(orgs.error());
    if (statuses->isEmpty() && orgs->isEmpty() && !inv.json)
        Output::print(QStringLiteral("No project of this workspace is shared; share one with realm-cli project share PROJECT --org ORG."));
    for (const SyncClient::ProjectSyncStatus &status : std::as_const(*statuses)) {
        if (inv.json) {
            Output::printJson(status.toJson());
            continue;
        }
        const Link &link = status.link;
        QString line = QStringLiteral("%1 (%2 on %3): %4, %5 pending, last synced %6, cursor %7")
                           .arg(status.projectName, link.serverProjectId, link.server, SyncClient::stateName(link.state).replace(QLatin1Char('_'), QLatin1Char(' ')))
                           .arg(status.pending)
                           .arg(lastSyncedText(link.lastSyncedAtMs), link.cursor.isEmpty() ? QStringLiteral("(start)") : link.cursor);
        if (status.conflicts > 0)
            line += QStringLiteral(", %1 conflict(s) to resolve (realm-cli project conflicts \"%2\")").arg(QString::number(status.conflicts), status.projectName);
        if (!link.lastError.isEmpty())
            line += QStringLiteral("\n  last error: ") + link.lastError;
        Output::print(line);
    }
    // The organizations' templates this workspace follows.
    for (const SyncClient::OrgTemplateSyncStatus &status : std::as_const(*orgs)) {
        if (inv.json) {
            Output::printJson(status.toJson());
            continue;
        }
        const SyncClient::OrgTemplateState::Link &link = status.link;
        QString line = QStringLiteral("%1's templates (on %2): %3 pending, last synced %4, cursor %5")
                           .arg(link.orgName, link.server)
                           .arg(status.pending)
                           .arg(lastSyncedText(link.lastSyncedAtMs), link.cursor.isEmpty() ? QStringLiteral("(start)") : link.cursor);
        if (!link.lastError.isEmpty())
            line += QStringLiteral("\n  last error: ") + link.lastError;
        Output::print(line);
    }
    return ExitOk;
}

} // namespace

std::optional<Link::Contents> contentsOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("contents")))
        return Link::Contents::Eager;
    const std::optional<Link::Contents> contents = SyncClient::contentsFromName(parser.value(QStringLiteral("contents")));
    if (!contents)
        Output::error(QStringLiteral("--contents takes eager or lazy, not \"%1\".").arg(parser.value(QStringLiteral("contents"))));
    return contents;
}

QString syncCommandsHelp()
{
    return QStringLiteral(
        "  project share PROJECT --org ORG [--server URL]    send a project to the team server; prints its server id\n"
        "  project share PROJECT --user EMAIL --role viewer|editor|admin   give someone (or a team) a role in it\n"
        "  project members PROJECT                           who has which role in a shared project\n"
        "  project clone PROJECT_ID [--name N] [--checkout DIR] [--contents eager|lazy] [--server URL]  a local copy of a server project\n"
        "  project fetch PROJECT [PATH...]                   download the contents a lazy clone does not have yet\n"
        "  project conflicts PROJECT                         the conflict copies sync made, each with its file\n"
        "  project resolve PROJECT PATH --keep mine|theirs|both  mine: the copy's content under the file's name;\n"
        "                                                    theirs: the file as it is; both: the copy renamed\n"
        "  sync [PROJECT] [--allow-mass-delete]              send local changes, then receive the team's (every shared project)\n"
        "  sync status                                       pending changes, last sync and cursor of each shared project and organization's templates\n");
}

int runProjectShare(const Invocation &inv)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("org"), QStringLiteral("The organization (name or id) that gets the project."), QStringLiteral("org")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The server (must be the one signed in to)."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("Of a shared project: give this user (email) or team a role in it."), QStringLiteral("email")});
    parser.addOption({QStringLiteral("role"), QStringLiteral("With --user: viewer, editor or admin."), QStringLiteral("role")});
    int exit = 0;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, inv, &exit);
    if (!opened)
        return exit;
    if (parser.isSet(QStringLiteral("user")))
        return giveRole(inv, *opened, parser.value(QStringLiteral("user")), parser.value(QStringLiteral("role")));
    if (!parser.isSet(QStringLiteral("org"))) {
        Output::error(QStringLiteral("Name the organization: realm-cli project share PROJECT --org ORG"));
        return ExitUsage;
    }
    Login signedIn;
    const std::optional<TeamClient::Credentials> login = loginFor(signedIn, parser, &exit);
    if (!login)
        return exit;
    SyncInput input;
    input.action = SyncInput::Action::Share;
    input.projectId = opened->project.id;
    input.org = parser.value(QStringLiteral("org"));
    input.server = login->server.toString();
    return runOneProject(inv, opened->db, *login, input, [](const SyncReport &report) {
        Output::print(QStringLiteral("Shared \"%1\" as project %2 on %3 (%4 change(s) sent).").arg(report.projectName, report.serverProjectId, report.server).arg(report.sent));
        Output::print(report.serverProjectId);
    });
}

int runProjectClone(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("name"), QStringLiteral("The local copy's name (else the server project's)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("checkout"), QStringLiteral("Write the files to this new or empty folder too; it becomes the project's source "
                                                                 "(project refresh picks up edits made there, sync writes the team's changes there)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("contents"), QStringLiteral("eager: download every file's contents (the default); lazy: only when a file is opened, "
                                                                 "exported or fetched (realm-cli project fetch)."),
                      QStringLiteral("eager|lazy")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The server (must be the one signed in to)."), QStringLiteral("url")});
    parser.addPositionalArgument(QStringLiteral("project-id"), QStringLiteral("The server project's id."));
    int exit = 0;
    const std::optional<Storage::DatabasePtr> db =
        parseAndOpenWorkspace(parser, inv, QStringLiteral("PROJECT_ID [--name N] [--checkout DIR] [--contents eager|lazy] [--server URL]"), 1, 1, &exit);
    if (!db)
        return exit;
    const std::optional<Link::Contents> contents = contentsOption(parser);
    if (!contents)
        return ExitUsage;
    Login signedIn;
    const std::optional<TeamClient::Credentials> login = loginFor(signedIn, parser, &exit);
    if (!login)
        return exit;
    SyncInput input;
    input.action = SyncInput::Action::Clone;
    input.serverProjectId = parser.positionalArguments().first();
    input.name = parser.value(QStringLiteral("name"));
    input.checkout = parser.value(QStringLiteral("checkout"));
    input.contents = *contents;
    input.server = login->server.toString();
    return runOneProject(inv, *db, *login, input, [&input](const SyncReport &report) {
        Output::print(QStringLiteral("Cloned project %1 from %2 as \"%3\" (%4 change(s) received).").arg(report.serverProjectId, report.server, report.projectName).arg(report.received));
        if (input.contents == Link::Contents::Lazy)
            Output::print(QStringLiteral("File contents are downloaded when needed; realm-cli project fetch \"%1\" downloads them all now.").arg(report.projectName));
    });
}

int runProjectFetch(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("The files to download (all not downloaded yet when none is named)."), QStringLiteral("[PATH...]"));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("PROJECT [PATH...]"), 1, -1); rc >= 0)
        return rc;
    Result<WorkspaceProject> opened = openProjectFor(inv, parser.positionalArguments().first());
    if (!opened)
        return fail(opened.error());
    int exit = 0;
    const std::optional<Link> link = sharedLink(*opened, &exit);
    if (!link)
        return exit;
    Login signedIn;
    Result<TeamClient::Credentials> login = signedIn.credentials();
    if (!login)
        return failServer(login.error());
    SyncInput input;
    input.action = SyncInput::Action::Fetch;
    input.projectId = opened->project.id;
    input.paths = parser.positionalArguments().mid(1);
    input.server = link->server;
    return runOneProject(inv, opened->db, *login, input, [](const SyncReport &report) {
        Output::print(QStringLiteral("%1: downloaded %2 file content(s), %3.").arg(report.projectName).arg(report.fetched).arg(Projects::formatBytes(report.downloadedBytes)));
    });
}

int downloadFirst(const Storage::DatabasePtr &db, const QString &projectId, SyncClient::FetchReach reach)
{
    Result<std::optional<SyncInput>> input = SyncClient::downloadBefore(db, projectId, reach);
    if (!input)
        return fail(input.error());
    if (!*input)
        return ExitOk;
    // What failed is said as the download the job needed, not as a sync.
    const auto failDownload = [](Error error) -> int {
        if (error.code == Error::Code::Cancelled) {
            Output::error(QStringLiteral("Cancelled while downloading the file contents this needs; what arrived stays, nothing else was done."));
            return ExitCancelled;
        }
        error.message = QStringLiteral("Cannot download the file contents this project has not downloaded yet, which this needs: %1").arg(error.message);
        return failServer(error);
    };
    Login signedIn;
    Result<TeamClient::Credentials> login = signedIn.credentials();
    if (!login)
        return failDownload(login.error());
    if (login->server.toString() != (*input)->server)
        return failDownload(Error::unauthenticated(QStringLiteral("the project is shared on %1, not on %2 (signed in there): sign in to %1 first.")
                                                       .arg((*input)->server, login->server.toString())));
    const auto outcome = runSyncJob(db, *login, **input);
    if (const auto *error = std::get_if<Error>(&outcome))
        return failDownload(*error);
    const SyncReport &report = std::get<QList<SyncReport>>(outcome).first();
    Output::note(QStringLiteral("Downloaded %1 file content(s) this project had not downloaded yet (%2).")
                     .arg(report.fetched)
                     .arg(Projects::formatBytes(report.downloadedBytes)));
    return ExitOk;
}

int runProjectMembers(const Invocation &inv)
{
    QCommandLineParser parser;
    int exit = 0;
    const std::optional<WorkspaceProject> opened = parseAndOpenProject(parser, inv, &exit);
    if (!opened)
        return exit;
    const std::optional<Link> link = sharedLink(*opened, &exit);
    if (!link)
        return exit;
    Result<QJsonObject> members = callServer("GET", QStringLiteral("/projects/%1/members").arg(link->serverProjectId));
    if (!members)
        return failServer(members.error());
    for (const QJsonValue &value : members->value(QStringLiteral("members")).toArray()) {
        const QJsonObject member = value.toObject();
        if (inv.json)
            Output::printJson(member);
        else
            Output::print(QStringLiteral("%1\t%2%3").arg(member.value(QStringLiteral("role")).toString(), member.value(QStringLiteral("name")).toString(),
                                                        member.value(QStringLiteral("kind")).toString() == QLatin1String("team") ? QStringLiteral(" (team)") : QString()));
    }
    return ExitOk;
}

int runProjectConflicts(const Invocation &inv)
{
    return withProject(inv, [&inv](const Storage::DatabasePtr &db, const Projects::Project &project) {
        Result<QList<Conflicts::Copy>> copies = Conflicts::list(db, project.id);
        if (!copies)
            return fail(copies.error());
        for (const Conflicts::Copy &copy : std::as_const(*copies)) {
            if (inv.json)
                Output::printJson({{QStringLiteral("path"), copy.path},
                                   {QStringLiteral("copy_path"), copy.copyPath},
                                   {QStringLiteral("who"), copy.who},
                                   {QStringLiteral("day"), copy.day}});
            else
                Output::print(QStringLiteral("%1\t%2 (%3's change, %4)").arg(copy.path, copy.copyPath, copy.who, copy.day));
        }
        return int(ExitOk);
    });
}

int runProjectResolve(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("keep"), QStringLiteral("mine (the copy's content under the file's name), theirs (the file as it is) "
                                                             "or both (the copy renamed, without \"conflict\")."),
                      QStringLiteral("side")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("The file, or its conflict copy."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("PROJECT PATH --keep mine|theirs|both"), 2, 2); rc >= 0)
        return rc;
    const QString side = parser.value(QStringLiteral("keep"));
    const std::optional<Conflicts::Keep> keep = side == QLatin1String("mine")     ? std::optional(Conflicts::Keep::Mine)
                                                : side == QLatin1String("theirs") ? std::optional(Conflicts::Keep::Theirs)
                                                : side == QLatin1String("both")   ? std::optional(Conflicts::Keep::Both)
                                                                                  : std::nullopt;
    if (!keep) {
        Output::error(QStringLiteral("Say which side to keep: --keep mine, --keep theirs or --keep both."));
        return ExitUsage;
    }
    Result<WorkspaceProject> opened = openProjectFor(inv, parser.positionalArguments().first());
    if (!opened)
        return fail(opened.error());
    Result<QString> done = Conflicts::resolve(opened->db, opened->project.id, parser.positionalArguments().at(1), *keep);
    if (!done)
        return fail(done.error());
    Output::print(*done);
    return ExitOk;
}

int runSync(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("allow-mass-delete"), QStringLiteral("Apply the server's changes even when they delete more than half of a project's files.")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A shared project (name or id), or \"status\"; every shared project when left out."));
    int exit = 0;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("[PROJECT | status] [--allow-mass-delete]"), 0, 1, &exit);
    if (!db)
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.value(0) == QLatin1String("status"))
        return runStatus(inv, *db);
    Login signedIn;
    Result<TeamClient::Credentials> login = signedIn.credentials();
    Result<QList<Link>> links = SyncClient::SyncState::links((*db)->handle());
    if (!links)
        return fail(links.error());
    if (links->isEmpty() && (!positional.isEmpty() || !login)) {
        Output::error(QStringLiteral("No project of this workspace is shared; share one with realm-cli project share PROJECT --org ORG."));
        return ExitNotFound;
    }
    if (!login)
        return failServer(login.error());
    SyncInput input;
    input.server = login->server.toString();
    input.options.allowMassDelete = parser.isSet(QStringLiteral("allow-mass-delete"));
    if (!positional.isEmpty()) {
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(positional.first());
        if (!project)
            return fail(project.error());
        input.projectIds = {project->id};
    }
    QList<SyncReport> reports;
    if (!links->isEmpty()) {
        const auto outcome = runSyncJob(*db, *login, input);
        if (const auto *error = std::get_if<Error>(&outcome))
            return failServer(*error);
        reports = std::get<QList<SyncReport>>(outcome);
    }
    // The one project named failed: its error, and the exit code says why.
    if (reports.size() == 1 && !positional.isEmpty() && !reports.first().error.isEmpty()) {
        if (inv.json)
            Output::printJson(reports.first().toJson());
        return failServer(Error{reports.first().errorCode, reports.first().error});
    }
    const int projectsExit = printReports(inv, reports);
    if (!positional.isEmpty())
        return projectsExit;
    // Everything: the organizations' templates too.
    const auto templates = runOrgTemplateJob(*db, *login, {});
    if (const auto *error = std::get_if<Error>(&templates))
        return failServer(*error);
    const QList<SyncClient::OrgTemplateReport> &templateReports = std::get<QList<SyncClient::OrgTemplateReport>>(templates);
    int templatesExit = printReports(inv, templateReports);
    for (const SyncClient::OrgTemplateReport &report : templateReports)
        if (!report.error.isEmpty()) { // the first failure says why (no network: 9, not signed in: 7 …)
            templatesExit = exitCodeForServer(Error{report.errorCode, report.error});
            break;
        }
    return projectsExit != ExitOk ? projectsExit : templatesExit;
}

int runTemplateSharing(const QString &sub, SyncClient::TemplateKind kind, const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("org"), QStringLiteral("The organization (name or id)."), QStringLiteral("org")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The team server: the one signed in to (checked, never sent another's token)."),
                      QStringLiteral("url")});
    // `docs template publish NAME`: the action is a positional word too.
    const int words = kind == SyncClient::TemplateKind::Doc ? 1 : 0;
    if (words > 0)
        parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("publish or withdraw."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The template."));
    int exit = 0;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("NAME --org ORG [--server URL]"), 1 + words, 1 + words, &exit);
    if (!db)
        return exit;
    if (!parser.isSet(QStringLiteral("org"))) {
        Output::error(QStringLiteral("Name the organization: --org ORG (realm-cli server whoami lists yours)."));
        return ExitUsage;
    }
    const QString name = parser.positionalArguments().value(words);
    const QString org = parser.value(QStringLiteral("org"));
    SyncClient::OrgTemplateInput input;
    input.org = org;
    input.kind = kind;
    const bool isPrompt = kind == SyncClient::TemplateKind::Prompt;
    if (sub == QLatin1String("publish") && isPrompt) {
        Result<Prompts::PromptTemplate> prompt = Prompts::PromptStore(*db).find(name);
        if (!prompt)
            return fail(prompt.error());
        input.action = SyncClient::OrgTemplateInput::Action::Publish;
        input.prompt = *prompt;
    } else if (sub == QLatin1String("publish") && kind == SyncClient::TemplateKind::Doc) {
        Result<Docs::DocTemplate> docTemplate = Docs::DocStore(*db).findTemplate(name);
        if (!docTemplate)
            return fail(docTemplate.error());
        input.action = SyncClient::OrgTemplateInput::Action::Publish;
        input.docTemplate = *docTemplate;
    } else if (sub == QLatin1String("publish")) {
        Result<Starters::StarterTemplate> starter = Starters::TemplateStore(*db).find(name);
        if (!starter)
            return fail(starter.error());
        input.action = SyncClient::OrgTemplateInput::Action::Publish;
        input.starter = *starter;
    } else {
        input.action = SyncClient::OrgTemplateInput::Action::Withdraw;
        input.name = name;
    }
    Login signedIn;
    const std::optional<TeamClient::Credentials> login = loginFor(signedIn, parser, &exit);
    if (!login)
        return exit;
    const auto outcome = runOrgTemplateJob(*db, *login, input);
    if (const auto *error = std::get_if<Error>(&outcome))
        return failServer(*error);
    const SyncClient::OrgTemplateReport &report = std::get<QList<SyncClient::OrgTemplateReport>>(outcome).first();
    if (inv.json)
        Output::printJson(report.toJson());
    // Taken by the server, whose read afterwards failed: done, and said.
    if (!report.error.isEmpty() && report.pending == 0 && report.sent > 0) {
        if (!inv.json)
            Output::error(QStringLiteral("(%1's templates could not be read afterwards: %2)").arg(report.orgName, report.error));
    } else if (!report.error.isEmpty()) {
        // Queued: the next sync sends it (unless the server refused it for
        // good, which dropped it).
        const int code = failServer(Error{report.errorCode, report.error});
        if (!inv.json && report.pending > 0)
            Output::error(QStringLiteral("The change waits here; realm-cli sync sends it."));
        return code;
    }
    if (report.kept.contains(SyncClient::OrgTemplateName{kind, input.templateName()})) {
        const QString look = isPrompt ? QStringLiteral("realm-cli prompt show %2/%1")
                             : kind == SyncClient::TemplateKind::Doc ? QStringLiteral("realm-cli docs template show %2/%1")
                                                                     : QStringLiteral("realm-cli template list");
        Output::error(QStringLiteral("Someone changed %1 in %2 since it was read here: it stays as they left it (%3). Look at it, then try again.")
                          .arg(name, report.orgName, look.arg(name, report.orgName)));
        return ExitRejected;
    }
    if (!inv.json)
        Output::print(sub == QLatin1String("publish") ? QStringLiteral("Published %1 to %2: its members have it as %2/%1.").arg(name, report.orgName)
                                                      : QStringLiteral("Withdrew %1 from %2.").arg(name, report.orgName));
    return ExitOk;
}

} // namespace Realm::Cli
