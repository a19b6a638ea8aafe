// SPDX-License-Identifier: GPL-3.0-or-later
// A deterministic simulation of sync: two to four people with workspaces
// and checkout folders of their own and one server, in one process (the
// server's services behind an in-process transport), driven by a seeded
// PRNG through random mixes of edits, new files, deletes, renames,
// refreshes, conversations (new ones, messages, renames, pins, the trash),
// generated documents, folders left as they are (and following again), the
// organization's prompt, documentation and starter templates (its owner
// publishes and withdraws them; members may not) and syncs —
// with answers lost after the server committed, pushes delivered twice (a
// proxy's retry: applied once, answered the same), syncs while offline, the
// server's old deletes forgotten (tombstones pruned), the server restored
// (a new epoch, clients forgotten) and restored from a backup taken steps
// before (what came after it gone there, as `realm-server admin restore`
// makes it: everyone's later work must come back from their
// workspaces); the server's pages are a few changes
// each, so every list spans pages. Then everyone
// refreshes and syncs until nothing moves, and every run must end with
// every workspace and folder the same as the server, nothing pending,
// every file someone created (and nobody deleted or renamed) still there,
// the same conversations everywhere and every message anyone wrote in them,
// every document version anyone generated everywhere, unchanged, and the
// organization's templates everywhere as its owner last left them.
//
// Seeds: REALM_SYNC_SEEDS (how many, default 200) from REALM_SYNC_SEED_FIRST
// (default 1); REALM_SYNC_SEED replays one, step by step. A failure names
// its seed.
#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "chat/conversationstore.h"
#include "docs/docstore.h"
#include "inprocesstransport.h"
#include "projects/folderbaseline.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "docs/orgdocs.h"
#include "prompts/orgprompts.h"
#include "starters/orgstarters.h"
#include "syncclient/orgtemplatesyncer.h"
#include "syncclient/projectsyncer.h"
#include "storage/statement.h"
#include "serverdb/backup.h"
#include "serverdb/serverdatabase.h"
#include "syncserver/projectsync.h"
#include "testserverdatabase.h"
#include "testworkspace.h"

#include <QDir>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <random>

using namespace Realm;
using namespace Realm::Auth;
using Realm::SyncClient::ProjectSyncer;
using Realm::SyncClient::SyncReport;
using Realm::Test::InProcessTransport;

namespace {

const ClientInfo kClient{QStringLiteral("192.0.2.10"), QStringLiteral("tst_syncsimulation")};
constexpr int kSteps = 60;
constexpr int kConvergenceRounds = 8;
constexpr int kChangesPerPage = 4;
// More pages than any sync here needs: a pull that asks for this many is
// going round in circles.
constexpr int kPagesPerSync = 2000;

struct Person {
    QString name;
    Principal principal;
    Test::TestWorkspace workspace;
    QTemporaryDir home;
    std::unique_ptr<InProcessTransport> transport;
    QString projectId;

    QString folder() const { return home.filePath(QStringLiteral("project")); }
    ProjectSyncer syncer() { return ProjectSyncer(workspace.db(), transport.get()); }
    SyncClient::OrgTemplateSyncer templateSyncer() { return SyncClient::OrgTemplateSyncer(workspace.db(), transport.get(), QStringLiteral("http://sim")); }
    // The organization's templates here: "prompt NAME", "doc NAME" or
    // "starter NAME" → body (a starter's: its one file).
    QMap<QString, QString> templates()
    {
        QMap<QString, QString> found;
        if (Result<QList<Prompts::PromptTemplate>> listed = Prompts::OrgPrompts::list(workspace.db()->handle()))
            for (const Prompts::PromptTemplate &prompt : std::as_const(*listed))
                found.insert(QStringLiteral("prompt ") + prompt.name, prompt.body);
        if (Result<QList<Docs::DocTemplate>> listed = Docs::OrgDocs::list(workspace.db()->handle()))
            for (const Docs::DocTemplate &docTemplate : std::as_const(*listed))
                found.insert(QStringLiteral("doc ") + docTemplate.name, docTemplate.body);
        if (Result<QList<Starters::StarterTemplate>> listed = Starters::OrgStarters::list(workspace.db()->handle()))
            for (const Starters::StarterTemplate &starter : std::as_const(*listed))
                found.insert(QStringLiteral("starter ") + starter.id, QString::fromUtf8(starter.files.value(0).content));
        return found;
    }
};

QString kindName(SyncClient::TemplateKind kind)
{
    switch (kind) {
    case SyncClient::TemplateKind::Prompt: return QStringLiteral("prompt");
    case SyncClient::TemplateKind::Doc: return QStringLiteral("doc");
    case SyncClient::TemplateKind::Starter: return QStringLiteral("starter");
    }
    return {};
}

// One run of the simulation.
class Simulation final {
public:
    Simulation(quint32 seed, bool verbose) : m_seed(seed), m_random(seed), m_verbose(verbose) {}

    // Empty when every check held, else what failed.
    QString run()
    {
        if (QString failed = setUp(); !failed.isEmpty())
            return failed;
        for (int step = 0; step < kSteps; ++step)
            if (QString failed = randomStep(step); !failed.isEmpty())
                return QStringLiteral("step %1: %2").arg(step).arg(failed);
        return converge();
    }

private:
    int pick(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(m_random); }
    // What happened, step by step, when a seed is replayed.
    void log(const QString &line)
    {
        if (m_verbose)
            qInfo("%s", qPrintable(line));
    }
    bool chance(int percent) { return pick(100) < percent; }

    QByteArray randomText()
    {
        QByteArray text;
        const int lines = 3 + pick(8);
        for (int i = 0; i < lines; ++i)
            text += "line " + QByteArray::number(i) + ' ' + QByteArray::number(pick(1000)) + '\n';
        return text;
    }

    QString setUp()
    {
        m_server = Test::openTestServerDatabase(m_serverFolder.path());
        m_sync = std::make_unique<SyncServer::ProjectSync>(m_server, SyncServer::ProjectSync::Limits{.maxPageChanges = kChangesPerPage});
        const char *names[] = {"Ann", "Ben", "Cy", "Di"};
        const int people = 2 + pick(3);
        for (const char *name : names) {
            if (int(m_people.size()) == people)
                break;
            auto person = std::make_unique<Person>();
            person->name = QString::fromLatin1(name);
            Result<User> user = Accounts(m_server).addUser(
                {person->name.toLower() + QStringLiteral("@example.org"), person->name, QStringLiteral("a long enough passphrase"), false, true});
            if (!user)
                return user.error().message;
            person->principal.userId = user->id;
            person->principal.email = user->email;
            person->principal.name = person->name;
            person->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), person->principal);
            person->transport->pagesBeforeOffline = kPagesPerSync;
            m_people.push_back(std::move(person));
        }
        Person &ann = *m_people.front();
        Organizations orgs(m_server);
        Result<Org> org = orgs.create(ann.principal, QStringLiteral("Acme"), kClient);
        if (!org)
            return org.error().message;
        for (size_t i = 1; i < m_people.size(); ++i)
            if (Result<OrgMember> added = orgs.addMember(ann.principal, org->id, m_people[i]->principal.email, OrgRole::Member, kClient); !added)
                return added.error().message;

        for (int i = 0; i < 4; ++i)
            Test::writeFile(ann.folder(), QStringLiteral("file%1.txt").arg(i), randomText());
        Projects::ImportOptions options;
        options.name = QStringLiteral("sim");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(ann.workspace.db()).importProject(ann.folder(), options);
        if (!imported)
            return imported.error().message;
        ann.projectId = imported->project.id;
        Result<SyncReport> shared = ann.syncer().share(ann.projectId, QStringLiteral("http://sim"), org->id);
        if (!shared)
            return shared.error().message;
        m_serverProject = shared->serverProjectId;
        for (size_t i = 1; i < m_people.size(); ++i) {
            Person &person = *m_people[i];
            if (Result<ProjectMember> given = SharedProjects(m_server).setMember(ann.principal, m_serverProject, person.principal.email, ProjectRole::Editor, kClient);
                !given)
                return given.error().message;
            Result<SyncReport> cloned = person.syncer().clone(QStringLiteral("http://sim"), m_serverProject, {}, person.folder());
            if (!cloned)
                return cloned.error().message;
            person.projectId = cloned->projectId;
        }
        return {};
    }

    QString randomStep(int step)
    {
        Person &person = *m_people[size_t(pick(int(m_people.size())))];
        const QStringList files = QDir(person.folder()).entryList(QDir::Files);
        const int op = pick(100);
        if (op < 10)
            return chance(40) ? chatStep(step, person) : templateStep(step, chance(75) ? *m_people.front() : person);
        if (op < 14)
            return documentStep(step, person);
        if (op < 33 && !files.isEmpty()) { // edit one line
            const QString file = person.folder() + QLatin1Char('/') + files.at(pick(int(files.size())));
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                return QStringLiteral("cannot read %1").arg(file);
            QList<QByteArray> lines = in.readAll().split('\n');
            in.close();
            const int at = pick(int(lines.size()));
            lines[at] = "edited by " + person.name.toUtf8() + ' ' + QByteArray::number(pick(1000));
            Test::writeFile(person.folder(), QDir(person.folder()).relativeFilePath(file), lines.join('\n'));
            log(QStringLiteral("%1: %2 edits %3").arg(step).arg(person.name, QDir(person.folder()).relativeFilePath(file)));
        } else if (op < 42) { // a new file
            const QString name = QStringLiteral("new%1-%2.txt").arg(step).arg(person.name);
            Test::writeFile(person.folder(), name, randomText());
            m_created.insert(name);
            log(QStringLiteral("%1: %2 adds %3").arg(step).arg(person.name, name));
        } else if (op < 48 && files.size() > 2) { // a delete
            const QString name = files.at(pick(int(files.size())));
            QFile::remove(person.folder() + QLatin1Char('/') + name);
            m_deleted.insert(name);
            log(QStringLiteral("%1: %2 deletes %3").arg(step).arg(person.name, name));
        } else if (op < 52 && !files.isEmpty()) { // a rename: the old name goes, a new one comes
            const QString from = files.at(pick(int(files.size())));
            const QString to = QStringLiteral("renamed%1-%2.txt").arg(step).arg(person.name);
            if (!QFile::rename(person.folder() + QLatin1Char('/') + from, person.folder() + QLatin1Char('/') + to))
                return QStringLiteral("cannot rename %1").arg(from);
            m_deleted.insert(from);
            m_created.insert(to);
            log(QStringLiteral("%1: %2 renames %3 to %4").arg(step).arg(person.name, from, to));
        } else if (op < 64) {
            Result<Projects::ImportReport> refreshed = Projects::ProjectImporter(person.workspace.db()).refreshProject(person.projectId, {});
            if (!refreshed)
                return QStringLiteral("%1's refresh: %2").arg(person.name, refreshed.error().message);
            log(QStringLiteral("%1: %2 refreshes: +%3 ~%4 -%5").arg(step).arg(person.name).arg(refreshed->added).arg(refreshed->changed).arg(refreshed->removed));
        } else if (op < 95) {
            person.transport->loseNextPushAnswer = chance(15);
            person.transport->duplicateNextPush = chance(10);
            person.transport->offline = chance(10);
            if (chance(10)) // the connection drops a few pages into the list
                person.transport->pagesBeforeOffline = 1 + pick(6);
            const bool lose = person.transport->loseNextPushAnswer;
            const bool offline = person.transport->offline;
            const bool twice = person.transport->duplicateNextPush;
            Result<SyncReport> synced = sync(person, {});
            person.transport->loseNextPushAnswer = person.transport->duplicateNextPush = false;
            log(QStringLiteral("%1: %2 syncs%3%4%5: %6").arg(step).arg(person.name, lose ? QStringLiteral(" (answer lost)") : QString(),
                                                              offline ? QStringLiteral(" (offline)") : QString(),
                                                              twice ? QStringLiteral(" (the push delivered twice)") : QString(),
                                                              synced ? QStringLiteral("sent %1, received %2, conflicts %3, cursor %4")
                                                                           .arg(synced->sent)
                                                                           .arg(synced->received)
                                                                           .arg(synced->conflicts.join(QLatin1Char(',')), synced->cursor)
                                                                     : synced.error().message));
            // Lost answers and being offline fail a sync; a pull deleting
            // most files stops it. Anything else is a bug.
            if (!synced && synced.error().code != Error::Code::Unavailable && synced.error().code != Error::Code::LimitExceeded)
                return QStringLiteral("%1's sync: %2").arg(person.name, synced.error().message);
            // Then the organization's templates, as `realm-cli sync` does.
            person.transport->loseNextPushAnswer = chance(15);
            person.transport->callsBeforeOffline = chance(15) ? pick(3) : -1;
            Result<QList<SyncClient::OrgTemplateReport>> templates = person.templateSyncer().syncAll();
            person.transport->loseNextPushAnswer = person.transport->offline = false;
            person.transport->callsBeforeOffline = -1;
            const QString failed = !templates ? templates.error().message
                                              : templates->isEmpty() ? QStringLiteral("no organization")
                                                                     : templates->first().error;
            log(QStringLiteral("%1: %2 syncs the templates: %3").arg(step).arg(person.name, failed.isEmpty() ? QStringLiteral("ok") : failed));
            if (templates && !templates->isEmpty() && !failed.isEmpty() && templates->first().errorCode != Error::Code::Unavailable)
                return QStringLiteral("%1's templates: %2").arg(person.name, failed);
        } else if (op < 97) { // the folder left as it is when the team's changes arrive, or following again
            Result<bool> takes = Projects::FolderBaseline::folderTakesPulls(person.workspace.db()->handle(), person.projectId);
            Result<qint64> switched = takes ? Projects::FolderBaseline::setFolderTakesPulls(person.workspace.db(), person.projectId, !*takes)
                                            : Result<qint64>(takes.error());
            if (!switched)
                return QStringLiteral("%1's folder switch: %2").arg(person.name, switched.error().message);
            log(QStringLiteral("%1: %2 turns folder updates %3").arg(step).arg(person.name, *takes ? QStringLiteral("off") : QStringLiteral("on")));
        } else if (op < 98) { // every delete older than the retention, and forgotten
            Result<qint64> pruned = Test::forgetDeletes(m_server, *m_sync);
            if (!pruned)
                return pruned.error().message;
            log(QStringLiteral("%1: the server forgets %2 delete(s)").arg(step).arg(*pruned));
        } else if (op < 99) { // a backup of the server, for a later restore
            const QString file = m_serverFolder.filePath(QStringLiteral("backup-%1.db").arg(step));
            if (Result<ServerDb::BackupSummary> written = ServerDb::Backup::write(*m_server, file); !written)
                return QStringLiteral("cannot back up: %1").arg(written.error().message);
            m_backup = file;
            log(QStringLiteral("%1: the server is backed up").arg(step));
        } else if (!m_backup.isEmpty() && chance(70)) { // restored from that backup: what came after it is gone there
            QString failed = restoreBackup();
            if (!failed.isEmpty())
                return failed;
            log(QStringLiteral("%1: the server is restored from its backup of step %2").arg(step).arg(QFileInfo(m_backup).baseName().section(QLatin1Char('-'), 1)));
        } else { // the server restored as it was: a new epoch, every client forgotten
            Result<QSqlDatabase> db = m_server->connection();
            if (!db)
                return db.error().message;
            QSqlQuery query(*db);
            for (const char *sql : {"DELETE FROM sync_epoch", "DELETE FROM sync_results", "DELETE FROM sync_clients"})
                if (!query.exec(QString::fromLatin1(sql)))
                    return QStringLiteral("cannot restore: %1").arg(QString::fromLatin1(sql));
            log(QStringLiteral("%1: the server is restored (a new epoch)").arg(step));
        }
        return {};
    }

    // As `realm-server admin restore` does it: the backup into a new, empty
    // database, which the server then runs on (everyone reaches the new one).
    QString restoreBackup()
    {
        const QString folder = m_serverFolder.filePath(QStringLiteral("restored-%1").arg(++m_restores));
        if (!QDir().mkpath(folder))
            return QStringLiteral("cannot make %1").arg(folder);
        ServerDb::ServerDatabasePtr restored = Test::openTestServerDatabase(folder);
        if (Result<ServerDb::BackupSummary> copied = ServerDb::Backup::restore(m_backup, *restored); !copied)
            return QStringLiteral("cannot restore: %1").arg(copied.error().message);
        m_server = restored;
        m_sync = std::make_unique<SyncServer::ProjectSync>(m_server, SyncServer::ProjectSync::Limits{.maxPageChanges = kChangesPerPage});
        for (const auto &person : m_people) {
            person->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), person->principal);
            person->transport->pagesBeforeOffline = kPagesPerSync;
        }
        m_rolledBack = true;
        m_templatesSinceRestore.clear();
        return {};
    }

    // The owner publishes or withdraws one of a few templates (answers lost,
    // or offline, now and then); anyone else is refused.
    QString templateStep(int step, Person &person)
    {
        const QString name = QStringLiteral("t%1").arg(pick(3));
        // A prompt, documentation or starter template (which may share a name).
        const SyncClient::TemplateKind kinds[] = {SyncClient::TemplateKind::Prompt, SyncClient::TemplateKind::Doc, SyncClient::TemplateKind::Starter};
        const SyncClient::TemplateKind kind = kinds[pick(3)];
        const QString tracked = QStringLiteral("%1 %2").arg(kindName(kind), name);
        const bool owner = &person == m_people.front().get();
        const bool withdraw = chance(35);
        // The connection may drop at any of its calls: /me, the read
        // before the change, the push, the read after.
        person.transport->loseNextPushAnswer = chance(25);
        person.transport->duplicateNextPush = chance(10);
        person.transport->callsBeforeOffline = chance(25) ? pick(4) : -1;
        const QString body = QStringLiteral("%1 at step %2: {{selection}}").arg(person.name).arg(step);
        Prompts::PromptTemplate prompt;
        prompt.name = name;
        prompt.title = name.toUpper();
        prompt.body = body;
        const Docs::DocTemplate docTemplate{name, QStringLiteral("api"), body, {}, 0, 0, {}, {}};
        Starters::StarterTemplate starter;
        starter.id = name;
        starter.title = name.toUpper();
        starter.files = {{QStringLiteral("README.md"), body.toUtf8(), 0644}};
        Result<SyncClient::OrgTemplateReport> done = withdraw ? person.templateSyncer().withdraw(QStringLiteral("Acme"), name, kind)
                                                     : kind == SyncClient::TemplateKind::Prompt ? person.templateSyncer().publish(QStringLiteral("Acme"), prompt)
                                                     : kind == SyncClient::TemplateKind::Doc    ? person.templateSyncer().publish(QStringLiteral("Acme"), docTemplate)
                                                                                                : person.templateSyncer().publish(QStringLiteral("Acme"), starter);
        person.transport->loseNextPushAnswer = person.transport->offline = person.transport->duplicateNextPush = false;
        person.transport->callsBeforeOffline = -1;
        const QString said = done ? (done->error.isEmpty() ? QStringLiteral("sent %1").arg(done->sent) : done->error) : done.error().message;
        log(QStringLiteral("%1: %2 %3 %4: %5").arg(step).arg(person.name, withdraw ? QStringLiteral("withdraws") : QStringLiteral("publishes"), tracked, said));
        if (!owner) {
            if (done || (done.error().code != Error::Code::Forbidden && done.error().code != Error::Code::Unavailable))
                return QStringLiteral("%1, a member, changed a template: %2").arg(person.name, said);
            return {};
        }
        // Queued (sent or waiting) is what the owner wants; refused before
        // queuing (offline, or a withdrawal of what is not there) is not.
        if (done) {
            if (!done->kept.isEmpty() || (!done->error.isEmpty() && done->errorCode != Error::Code::Unavailable))
                return QStringLiteral("the owner's change of %1: %2").arg(name, said);
            m_templates[tracked] = withdraw ? std::nullopt : std::optional<QString>(body);
            m_templatesSinceRestore.insert(tracked);
        } else if (done.error().code != Error::Code::Unavailable && !(withdraw && done.error().code == Error::Code::NotFound)) {
            return QStringLiteral("the owner's change of %1: %2").arg(name, said);
        }
        return {};
    }

    // A sync; failed (not unavailable) when its pull went round in circles.
    Result<SyncReport> sync(Person &person, const SyncClient::SyncOptions &options)
    {
        person.transport->pages = 0;
        Result<SyncReport> synced = person.syncer().sync(person.projectId, options);
        person.transport->offline = false;
        person.transport->pagesBeforeOffline = kPagesPerSync;
        if (person.transport->pages >= kPagesPerSync)
            return Error::failed(QStringLiteral("%1's sync asked for %2 pages").arg(person.name).arg(person.transport->pages));
        return synced;
    }

    // A conversation of the project: a new one, a message in one, a new
    // title, a pin, the trash (and back).
    QString chatStep(int step, Person &person)
    {
        Chat::ConversationStore store(person.workspace.db());
        Result<QList<Chat::Conversation>> active = store.list({.archived = false, .trash = false, .projectId = person.projectId});
        Result<QList<Chat::Conversation>> trashed = store.list({.archived = false, .trash = true, .projectId = person.projectId});
        if (!active || !trashed)
            return QStringLiteral("cannot list %1's conversations").arg(person.name);
        const QList<Chat::Conversation> all = *active + *trashed;
        if (all.isEmpty() || chance(15)) {
            Result<Chat::Conversation> made = store.create(QStringLiteral("Chat %1 by %2").arg(step).arg(person.name), person.projectId);
            if (!made)
                return made.error().message;
            log(QStringLiteral("%1: %2 starts %3").arg(step).arg(person.name, made->title));
            return {};
        }
        const Chat::Conversation &chat = all.at(pick(int(all.size())));
        const int what = pick(100);
        Result<void> done;
        if (what < 55) {
            Chat::Message message;
            message.conversationId = chat.id;
            message.parentId = chat.currentMessageId;
            message.content = QStringLiteral("%1 says %2 at step %3").arg(person.name).arg(pick(1000)).arg(step);
            Result<Chat::Message> added = store.append(message);
            if (!added)
                return added.error().message;
            m_messages.insert(added->id);
            log(QStringLiteral("%1: %2 writes in %3").arg(step).arg(person.name, chat.id));
        } else if (what < 75) {
            done = store.rename(chat.id, QStringLiteral("Renamed %1 by %2").arg(step).arg(person.name));
            log(QStringLiteral("%1: %2 renames %3").arg(step).arg(person.name, chat.id));
        } else if (what < 88) {
            done = store.setPinned(chat.id, !chat.pinned);
            log(QStringLiteral("%1: %2 pins %3: %4").arg(step).arg(person.name, chat.id).arg(!chat.pinned));
        } else {
            done = chat.deletedAt > 0 ? store.restore(chat.id) : store.moveToTrash(chat.id);
            log(QStringLiteral("%1: %2 %3 %4").arg(step).arg(person.name, chat.deletedAt > 0 ? QStringLiteral("restores") : QStringLiteral("trashes"), chat.id));
        }
        return done ? QString() : done.error().message;
    }

    // A document generated for the project: versions never change, and
    // two made at once both survive.
    QString documentStep(int step, Person &person)
    {
        Docs::DocVersion version;
        version.projectId = person.projectId;
        version.kind = QStringLiteral("overview");
        version.templateName = QStringLiteral("built-in");
        version.title = QStringLiteral("Overview %1 by %2").arg(step).arg(person.name);
        version.markdown = QStringLiteral("# %1\n\n%2\n").arg(version.title).arg(pick(1000));
        version.inputsHash = QString::fromLatin1(QCryptographicHash::hash(version.markdown.toUtf8(), QCryptographicHash::Sha256).toHex());
        Result<Docs::DocVersion> saved = Docs::DocStore(person.workspace.db()).saveVersion(version);
        if (!saved)
            return saved.error().message;
        m_documents.insert(saved->id, saved->markdown);
        log(QStringLiteral("%1: %2 generates %3").arg(step).arg(person.name, saved->id));
        return {};
    }

    // The project's document versions: id → markdown.
    static QMap<QString, QString> documents(Person &person)
    {
        QMap<QString, QString> documents;
        const Docs::DocStore store(person.workspace.db());
        Result<QList<Docs::DocVersion>> versions = store.versions(person.projectId); // without their Markdown
        if (versions)
            for (const Docs::DocVersion &listed : std::as_const(*versions)) {
                Result<Docs::DocVersion> version = store.version(listed.id);
                documents.insert(listed.id, version ? version->markdown : version.error().message);
            }
        return documents;
    }

    // Everything of the project's conversations that syncs, one line per row.
    static QStringList chatRows(Person &person)
    {
        Storage::Statement q(person.workspace.db()->handle(),
                             "SELECT 'conversation ' || id || ': ' || title || ' pinned ' || pinned || ' trashed ' || (deleted_at IS NOT NULL) "
                             "FROM conversations WHERE project_id = ?1 "
                             "UNION ALL SELECT 'message ' || m.id || ' in ' || m.conversation_id || ' after ' || coalesce(m.parent_id, '-') || ': ' || m.content "
                             "FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.project_id = ?1 ORDER BY 1");
        q.bindAll(person.projectId);
        QStringList rows;
        while (q.next())
            rows.append(q.columnText(0));
        return rows;
    }

    static QMap<QString, QString> projectFiles(Person &person)
    {
        QMap<QString, QString> files;
        Result<QList<Projects::ProjectFile>> listed = Projects::ProjectStore(person.workspace.db()).files(person.projectId);
        if (listed)
            for (const Projects::ProjectFile &file : std::as_const(*listed))
                files.insert(file.path, QString::fromLatin1(file.sha256.toHex()));
        return files;
    }

    QString converge()
    {
        // Folders left as they are get the project again, so that every
        // folder can be compared with the server.
        for (const auto &person : m_people)
            if (Result<qint64> switched = Projects::FolderBaseline::setFolderTakesPulls(person->workspace.db(), person->projectId, true); !switched)
                return QStringLiteral("%1's folder switch: %2").arg(person->name, switched.error().message);
        bool quiet = false;
        for (int round = 0; round < kConvergenceRounds && !quiet; ++round) {
            quiet = true;
            for (const auto &person : m_people) {
                Result<Projects::ImportReport> refreshed = Projects::ProjectImporter(person->workspace.db()).refreshProject(person->projectId, {});
                if (!refreshed)
                    return QStringLiteral("%1's refresh: %2").arg(person->name, refreshed.error().message);
                Result<SyncReport> synced = sync(*person, {.allowMassDelete = true});
                if (!synced)
                    return QStringLiteral("%1's sync while converging: %2").arg(person->name, synced.error().message);
                log(QStringLiteral("converging %1: %2 refreshed +%3 ~%4 -%5, sent %6, received %7")
                        .arg(round)
                        .arg(person->name)
                        .arg(refreshed->added)
                        .arg(refreshed->changed)
                        .arg(refreshed->removed)
                        .arg(synced->sent)
                        .arg(synced->received));
                if (synced->sent > 0 || synced->received > 0 || refreshed->added + refreshed->changed + refreshed->removed > 0)
                    quiet = false;
                Result<QList<SyncClient::OrgTemplateReport>> templates = person->templateSyncer().syncAll();
                if (!templates || templates->size() != 1 || !templates->first().error.isEmpty())
                    return QStringLiteral("%1's templates while converging: %2")
                        .arg(person->name, templates ? (templates->isEmpty() ? QStringLiteral("no organization") : templates->first().error) : templates.error().message);
                if (templates->first().sent > 0 || templates->first().received > 0)
                    quiet = false;
            }
        }
        if (!quiet)
            return QStringLiteral("still moving after %1 rounds").arg(kConvergenceRounds);
        const QMap<QString, QString> server = Test::serverFilesOf(*m_sync, m_people.front()->principal, m_serverProject);
        for (const auto &person : m_people) {
            if (projectFiles(*person) != server)
                return QStringLiteral("%1's workspace differs from the server: %2 vs %3")
                    .arg(person->name, QStringList(projectFiles(*person).keys()).join(QLatin1Char(',')), QStringList(server.keys()).join(QLatin1Char(',')));
            if (Test::filesUnder(person->folder()) != server)
                return QStringLiteral("%1's folder differs from the server").arg(person->name);
            Result<qint64> pending = ProjectSyncer::pendingChanges(person->workspace.db()->handle(), person->projectId);
            if (!pending || *pending != 0)
                return QStringLiteral("%1 has changes pending").arg(person->name);
        }
        const QStringList chats = chatRows(*m_people.front());
        for (const auto &person : m_people)
            if (chatRows(*person) != chats)
                return QStringLiteral("%1's conversations differ from %2's:\n%3\nvs\n%4")
                    .arg(person->name, m_people.front()->name, chatRows(*person).join(QLatin1Char('\n')), chats.join(QLatin1Char('\n')));
        QSet<QString> messagesThere;
        for (const QString &row : chats)
            if (row.startsWith(QLatin1String("message ")))
                messagesThere.insert(row.section(QLatin1Char(' '), 1, 1));
        for (const QString &id : std::as_const(m_messages))
            if (!messagesThere.contains(id))
                return QStringLiteral("the message %1 was written and is gone").arg(id);
        for (const auto &person : m_people)
            if (documents(*person) != m_documents)
                return QStringLiteral("%1 has %2 document version(s) of the %3 generated, or one changed").arg(person->name).arg(documents(*person).size()).arg(m_documents.size());
        // The organization's templates: as the owner last left them, on the
        // server and everywhere. A restore from an older backup takes the
        // server's templates back to that backup (they are the
        // organization's, not anyone's local items): then the same
        // everywhere, and as the owner left those changed since.
        QMap<QString, QString> wanted;
        for (auto it = m_templates.cbegin(); it != m_templates.cend(); ++it)
            if (it.value() && (!m_rolledBack || m_templatesSinceRestore.contains(it.key())))
                wanted.insert(it.key(), *it.value());
        const QMap<QString, QString> owners = m_people.front()->templates();
        for (const auto &person : m_people) {
            QMap<QString, QString> compared = person->templates();
            if (m_rolledBack) {
                if (compared != owners)
                    return QStringLiteral("%1's templates differ from the owner's after a restore: %2 vs %3")
                        .arg(person->name, QStringList(compared.values()).join(QLatin1Char('|')), QStringList(owners.values()).join(QLatin1Char('|')));
                for (auto it = compared.begin(); it != compared.end();) // the ones left as the backup had them
                    it = m_templatesSinceRestore.contains(it.key()) ? std::next(it) : compared.erase(it);
            }
            if (compared != wanted)
                return QStringLiteral("%1's templates differ from the owner's last changes: %2 vs %3")
                    .arg(person->name, QStringList(compared.values()).join(QLatin1Char('|')), QStringList(wanted.values()).join(QLatin1Char('|')));
        }
        for (const QString &created : std::as_const(m_created))
            if (!m_deleted.contains(created) && !server.contains(created))
                return QStringLiteral("%1 was created, never deleted, and is gone").arg(created);
        return {};
    }

    quint32 m_seed;
    std::mt19937 m_random;
    bool m_verbose = false;
    QTemporaryDir m_serverFolder;
    ServerDb::ServerDatabasePtr m_server;
    std::unique_ptr<SyncServer::ProjectSync> m_sync;
    std::vector<std::unique_ptr<Person>> m_people;
    QString m_serverProject;
    QSet<QString> m_created;
    QSet<QString> m_deleted;
    QSet<QString> m_messages; // ids of every message written
    QMap<QString, QString> m_documents; // every document version generated: id → markdown
    QMap<QString, std::optional<QString>> m_templates; // "KIND NAME" → the owner's last change: its body, or withdrawn
    QString m_backup;          // the server's latest backup, if any
    int m_restores = 0;
    bool m_rolledBack = false; // the server was restored from a backup older than its data
    QSet<QString> m_templatesSinceRestore; // "KIND NAME" the owner changed since the last restore
};

} // namespace

class TestSyncSimulation final : public QObject {
    Q_OBJECT

private slots:
    void everyoneEndsWithTheServersFiles_data()
    {
        QTest::addColumn<quint32>("seed");
        bool replay = false;
        const quint32 only = quint32(qEnvironmentVariableIntValue("REALM_SYNC_SEED", &replay));
        if (replay) { // step by step
            QTest::addRow("seed %u", only) << only;
            return;
        }
        bool given = false;
        const int count = qEnvironmentVariableIntValue("REALM_SYNC_SEEDS", &given);
        const int first = qMax(1, qEnvironmentVariableIntValue("REALM_SYNC_SEED_FIRST"));
        for (int seed = first; seed < first + (given ? count : 200); ++seed)
            QTest::addRow("seed %d", seed) << quint32(seed);
    }

    void everyoneEndsWithTheServersFiles()
    {
        QFETCH(quint32, seed);
        Simulation simulation(seed, qEnvironmentVariableIsSet("REALM_SYNC_SEED"));
        const QString failed = simulation.run();
        QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("%1 (replay: REALM_SYNC_SEED=%2)").arg(failed).arg(seed)));
    }
};

QTEST_GUILESS_MAIN(TestSyncSimulation)
#include "tst_syncsimulation.moc"
