// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace of every earlier schema, upgraded to this version and read
// back row by row through the stores users' data goes through. A workspace
// of schema N is built by migrations 1…N (never edited once released) and
// filled by fixtures 1…N (tests/data/upgrade/schema-K.sql: what REALM with
// schema K wrote beyond K−1, in K's columns). A new migration adds its
// fixture there.
#include "chat/conversationstore.h"
#include "chat/providerstore.h"
#include "docs/docjson.h"
#include "docs/docstore.h"
#include "projects/folderbaseline.h"
#include "projects/projecthistory.h"
#include "projects/projectstore.h"
#include "projects/searchengine.h"
#include "prompts/promptstore.h"
#include "secrets/memorysecretstore.h"
#include "starters/startertemplate.h"
#include "storage/migrator.h"
#include "syncclient/syncstate.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Realm;

namespace {
const QString kCalculator = QStringLiteral("0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01");
const QString kConversation = QStringLiteral("0190a1b2-0c3d-7e4f-8a5b-0000000000c1");

QString fixturePath(int version)
{
    return QStringLiteral("%1/upgrade/schema-%2.sql").arg(qEnvironmentVariable("REALM_TEST_DATA")).arg(version);
}

// Builds schema `version` and fills it with fixtures 1…version.
bool makeOldWorkspace(const QString &path, int version)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        ok = db.open() && Storage::Migrator(db).migrateTo(version).ok();
        sqlite3 *handle = ok ? *static_cast<sqlite3 *const *>(db.driver()->handle().data()) : nullptr;
        for (int written = 1; ok && written <= version; ++written) {
            QFile fixture(fixturePath(written));
            if (!fixture.open(QIODevice::ReadOnly)) {
                qWarning("cannot read %s", qPrintable(fixture.fileName()));
                ok = false;
                break;
            }
            char *message = nullptr;
            ok = sqlite3_exec(handle, fixture.readAll().constData(), nullptr, nullptr, &message) == SQLITE_OK;
            if (!ok)
                qWarning("fixture %d at schema %d: %s", written, version, message);
            sqlite3_free(message);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    return ok;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}
} // namespace

class tst_Upgrade final : public QObject {
    Q_OBJECT
private slots:
    void everyEarlierSchemaUpgradesKeepingEveryRow_data();
    void everyEarlierSchemaUpgradesKeepingEveryRow();
    void theLatestSchemaHasAFixture();

private:
    void checkProjects(const Storage::DatabasePtr &db, int version);
    void checkChat(const Storage::DatabasePtr &db);
    void checkDocs(const Storage::DatabasePtr &db);
    void checkEveryRowAwaitsSync(const Storage::DatabasePtr &db, int version);
};

void tst_Upgrade::everyEarlierSchemaUpgradesKeepingEveryRow_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version <= Storage::Migrator::latestVersion(); ++version)
        QTest::addRow("schema %d", version) << version;
}

void tst_Upgrade::everyEarlierSchemaUpgradesKeepingEveryRow()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.realm"));
    QVERIFY(makeOldWorkspace(path, version));

    Result<Storage::DatabasePtr> opened = Workspace::open(path);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    const Storage::DatabasePtr db = *opened;
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Storage::Migrator::latestVersion());
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY2(!q.next(), "a reference points at nothing");
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));

    checkProjects(db, version);
    if (QTest::currentTestFailed())
        return;
    if (version >= 3)
        checkChat(db);
    if (version >= 6)
        checkDocs(db);
    if (version >= 9) {
        Result<Starters::StarterTemplate> starter = Starters::TemplateStore(db).find(QStringLiteral("tiny-cli"));
        QVERIFY2(starter, starter ? "" : qPrintable(starter.error().message));
        QCOMPARE(starter->title, QStringLiteral("Tiny CLI"));
        QCOMPARE(starter->files.size(), 1);
        QCOMPARE(starter->files.first().path, QStringLiteral("{{name}}.c"));
    }

    if (version >= 10) {
        // Removed before the upgrade: tombstones, not shown.
        QVERIFY(!Docs::DocStore(db).findTemplate(QStringLiteral("drafts")));
        QVERIFY(!Starters::TemplateStore(db).find(QStringLiteral("old-cli")));
        QCOMPARE(Docs::DocStore(db).versions(kCalculator)->size(), 1);
    }
    if (version >= 11) {
        Result<Prompts::PromptTemplate> prompt = Prompts::PromptStore(db).find(QStringLiteral("commit-message"));
        QVERIFY2(prompt, prompt ? "" : qPrintable(prompt.error().message));
        QCOMPARE(prompt->title, QStringLiteral("Commit Message"));
        QCOMPARE(prompt->body, QStringLiteral("Write a commit message for:\n{{diff}}"));
        QCOMPARE(prompt->createdAt, 1700000300000);
        QVERIFY(!Prompts::PromptStore(db).find(QStringLiteral("old-prompt"))); // removed: a tombstone
    }
    if (version >= 18) {
        // An organization's template, read-only, and an admin's change still waiting.
        Result<Prompts::PromptTemplate> shared = Prompts::PromptStore(db).find(QStringLiteral("Acme/house-style"));
        QVERIFY2(shared, shared ? "" : qPrintable(shared.error().message));
        QCOMPARE(shared->body, QStringLiteral("Acme style for {{selection}}"));
        QVERIFY(Prompts::isReadOnly(*shared));
        QSqlQuery waiting(db->connection());
        QVERIFY(waiting.exec(QStringLiteral("SELECT COUNT(*) FROM org_template_outbox o JOIN org_template_links l USING (org_id) WHERE l.next_number = 3")));
        QVERIFY(waiting.next());
        QCOMPARE(waiting.value(0).toInt(), 1);
        // Schema 19: a workspace that passed by the kinds it did not know
        // reads its organizations' templates from the start again.
        QVERIFY(waiting.exec(QStringLiteral("SELECT cursor FROM org_template_links")));
        QVERIFY(waiting.next());
        QCOMPARE(waiting.value(0).toString(), version < 19 ? QString() : QStringLiteral("8a1b2c3d4e5f:4"));
    }
    if (version >= 19) {
        // An organization's documentation template, read-only, beside the user's own.
        Result<Docs::DocTemplate> shared = Docs::DocStore(db).findTemplate(QStringLiteral("Acme/adr"));
        QVERIFY2(shared, shared ? "" : qPrintable(shared.error().message));
        QCOMPARE(shared->kind, QStringLiteral("custom"));
        QCOMPARE(shared->prompt, QStringLiteral("Write an ADR in Acme's format."));
        QVERIFY(Docs::isReadOnly(*shared));
        Result<Starters::StarterTemplate> starter = Starters::TemplateStore(db).find(QStringLiteral("acme/acme-tiny"));
        QVERIFY2(starter, starter ? "" : qPrintable(starter.error().message));
        QCOMPARE(starter->title, QStringLiteral("Acme Tiny"));
        QCOMPARE(starter->orgName, QStringLiteral("Acme"));
        QCOMPARE(starter->files.size(), 1);
        QCOMPARE(starter->files.first().content, QByteArray("print(\"hello from {{project_name}}\")\n"));
    }
    if (version >= 12) {
        Result<std::optional<SyncClient::Link>> link = SyncClient::SyncState::link(db->handle(), kCalculator);
        QVERIFY(link && *link);
        QCOMPARE((*link)->serverProjectId, QStringLiteral("0190f000-0000-7000-8000-000000000001"));
        QCOMPARE((*link)->nextNumber, 3);
        QCOMPARE((*link)->state, SyncClient::Link::State::Shared);
        // Schema 20 lets a project download contents only when needed.
        QCOMPARE((*link)->contents, version < 20 ? SyncClient::Link::Contents::Eager : SyncClient::Link::Contents::Lazy);
        // Schema 14 records the organization; earlier links do without.
        QCOMPARE((*link)->orgId, version < 14 ? QString() : QStringLiteral("0190f000-0000-7000-8000-0000000000a1"));
        // Schema 13: the next pull lists the project's history again (in
        // the same epoch), for the conversations and documents earlier
        // pulls passed by.
        QCOMPARE((*link)->cursor, version < 13 ? QStringLiteral("8a1b2c3d4e5f:0") : QStringLiteral("8a1b2c3d4e5f:17"));
        Result<std::optional<SyncClient::Base>> base = SyncClient::SyncState::base(db->handle(), kCalculator, QStringLiteral("files"), QStringLiteral("src/calc.c"));
        QVERIFY(base && *base);
        QCOMPARE((*base)->seq, 12);
        Result<QList<Sync::Mutation>> outbox = SyncClient::SyncState::outbox(db->handle(), kCalculator);
        QVERIFY(outbox);
        QCOMPARE(outbox->size(), 1);
        QCOMPARE(outbox->first().number, 2);
        QCOMPARE(outbox->first().key, QStringLiteral("src/calc.c"));
        Result<qint64> skipped = SyncClient::SyncState::takeSkipped(db->handle(), kCalculator, QStringLiteral("files"), QStringLiteral("src/calc.c"));
        QVERIFY(skipped);
        QCOMPARE(*skipped, 15);
    }
    if (version >= 13) {
        Result<std::optional<SyncClient::Base>> base = SyncClient::SyncState::base(db->handle(), kCalculator, QStringLiteral("conversations"),
                                                                                   QStringLiteral("0190a1b2-0c3d-7e4f-8a5b-0000000000c1"));
        QVERIFY(base && *base);
        QCOMPARE((*base)->seq, 18);
        QCOMPARE((*base)->data.value(QStringLiteral("title")).toString(), QStringLiteral("How does add work?"));
        QVERIFY((*base)->data.value(QStringLiteral("pinned")).toBool());
    }
    checkEveryRowAwaitsSync(db, version);
    if (QTest::currentTestFailed())
        return;

    // And the upgraded workspace takes new writes.
    Projects::ProjectChanges rename;
    rename.name = QStringLiteral("calc");
    QVERIFY(Projects::ProjectStore(db).update(kCalculator, rename));
    Result<Chat::Conversation> after = Chat::ConversationStore(db).create(QStringLiteral("After the upgrade"), kCalculator);
    QVERIFY(after);
    // Schema 13: the model a conversation uses is this machine's choice.
    QSqlQuery changes(db->connection());
    QVERIFY(changes.exec(QStringLiteral("DELETE FROM changes WHERE table_name = 'conversations'")));
    QVERIFY(Chat::ConversationStore(db).setModel(after->id, {}, QStringLiteral("another-model")));
    QVERIFY(changes.exec(QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'conversations'")) && changes.next());
    QCOMPARE(changes.value(0).toInt(), 0);
}

void tst_Upgrade::checkProjects(const Storage::DatabasePtr &db, int version)
{
    Projects::ProjectStore projects(db);
    Result<Projects::Project> calculator = projects.find(QStringLiteral("calculator"));
    QVERIFY(calculator);
    QCOMPARE(calculator->id, kCalculator);
    QCOMPARE(calculator->description, QStringLiteral("A small calculator"));
    QCOMPARE(calculator->tags, QStringList({QStringLiteral("c"), QStringLiteral("demo")}));
    QCOMPARE(calculator->source.kind, Projects::ProjectSource::Kind::Folder);
    QCOMPARE(calculator->source.location, QStringLiteral("/home/ana/src/calculator"));
    QCOMPARE(calculator->fileCount, 4);
    QCOMPARE(calculator->createdAt, 1700000000000);

    Result<QList<Projects::ProjectFile>> files = projects.files(kCalculator);
    QVERIFY(files);
    QStringList paths;
    for (const Projects::ProjectFile &f : *files)
        paths << f.path;
    QCOMPARE(paths, QStringList({QStringLiteral("logo.png"), QStringLiteral("run.sh"), QStringLiteral("src/main.c"), QStringLiteral("src/math.h")}));
    // Its folder left as it is (schema 17), with what it held when last read.
    Result<bool> takesPulls = Projects::FolderBaseline::folderTakesPulls(db->handle(), kCalculator);
    QVERIFY(takesPulls);
    QCOMPARE(*takesPulls, version < 17);
    Result<QHash<QString, Projects::FolderBaseline::Entry>> held = Projects::FolderBaseline::entries(db->handle(), kCalculator);
    QVERIFY(held);
    QCOMPARE(held->size(), version >= 17 ? 4 : 0);
    if (version >= 17) {
        QCOMPARE(held->value(QStringLiteral("src/math.h")).madeOn, std::optional<QByteArray>(QByteArray()));
        QCOMPARE(held->value(QStringLiteral("src/main.c")).madeOn, std::nullopt);
        QCOMPARE(held->value(QStringLiteral("run.sh")).mode, 0755);
        QCOMPARE(held->value(QStringLiteral("src/main.c")).sha256, files->at(2).sha256);
    }
    const QByteArray math = "/** Adds two numbers. */\nint add(int a, int b);\n";
    for (const Projects::ProjectFile &f : *files) {
        Result<QByteArray> content = projects.content(f);
        QVERIFY(content);
        QCOMPARE(sha256(*content), f.sha256);
        if (f.path == QLatin1String("src/math.h")) {
            QCOMPARE(*content, math);
            QCOMPARE(f.language, QStringLiteral("C"));
        }
        if (f.path == QLatin1String("run.sh"))
            QCOMPARE(f.mode, 0755);
        QCOMPARE(f.isBinary(), f.path == QLatin1String("logo.png"));
    }

    // Since schema 2 a refresh skips files whose time on disk it noted.
    QSqlQuery noted(db->connection());
    QVERIFY(noted.exec(QStringLiteral("SELECT count(*) FROM files WHERE source_mtime_ns IS NOT NULL AND deleted_at IS NULL")) && noted.next());
    QCOMPARE(noted.value(0).toInt(), version >= 2 ? 4 : 0);

    // The trashed project stays in the trash.
    QVERIFY(!projects.find(QStringLiteral("old-notes")));
    Result<Projects::Project> trashed = projects.find(QStringLiteral("old-notes"), true);
    QVERIFY(trashed);
    QVERIFY(trashed->isInTrash());

    // The search index still finds what the files say.
    QStringList hits;
    Projects::SearchQuery query;
    query.text.pattern = QStringLiteral("Adds two");
    Result<Projects::SearchSummary> searched = Projects::SearchEngine(db).search(query, [&](const Projects::SearchMatch &m) {
        hits << QStringLiteral("%1:%2").arg(m.path).arg(m.line);
        return true;
    });
    QVERIFY(searched);
    QVERIFY(searched->usedIndex);
    QCOMPARE(hits, QStringList{QStringLiteral("src/math.h:1")});

    // History: before schema 7 there was none, and the upgrade made the
    // import the first version; since, both versions are kept.
    Result<QList<Projects::ProjectVersion>> versions = Projects::ProjectHistory(db).versions(kCalculator);
    QVERIFY(versions);
    QCOMPARE(versions->size(), version >= 7 ? 2 : 1);
    QCOMPARE(versions->first().number, 1);
    QCOMPARE(versions->first().kind, QStringLiteral("import"));
    QCOMPARE(versions->first().added, version >= 7 ? 5 : 4);
    if (version >= 7) {
        QCOMPARE(versions->last().removed, 1);
        // Who made it: the teammate the server named (schema 16), or this machine.
        QCOMPARE(versions->first().author, QString());
        QCOMPARE(versions->last().author, version >= 16 ? QStringLiteral("Alice Example") : QString());
        Result<QList<Projects::VersionChange>> changes = Projects::ProjectHistory(db).changes(versions->last().id);
        QVERIFY(changes);
        QCOMPARE(changes->size(), 1);
        QCOMPARE(changes->first().path, QStringLiteral("OLD.txt"));
        QVERIFY(changes->first().isRemoval());
    }
}

void tst_Upgrade::checkChat(const Storage::DatabasePtr &db)
{
    Secrets::MemorySecretStore keys;
    Result<Chat::StoredProfile> local = Chat::ProviderStore(db, &keys, &keys).find(QStringLiteral("local"));
    QVERIFY(local);
    QCOMPARE(local->profile.kind, Chat::ProviderProfile::Kind::Ollama);
    QCOMPARE(local->profile.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434")));
    QCOMPARE(local->profile.defaultModel, QStringLiteral("llama3.2"));
    QCOMPARE(local->profile.maxRetries, 2);
    QCOMPARE(local->profile.contextWindowTokens, 32768);
    QCOMPARE(local->profile.toolsEnabled, false);

    Chat::ConversationStore conversations(db);
    Result<Chat::Conversation> conversation = conversations.find(kConversation);
    QVERIFY(conversation);
    QCOMPARE(conversation->title, QStringLiteral("How does add work?"));
    QCOMPARE(conversation->projectId, kCalculator);
    QVERIFY(conversation->pinned);
    Result<QList<Chat::Message>> thread = conversations.thread(kConversation);
    QVERIFY(thread);
    QCOMPARE(thread->size(), 2);
    QCOMPARE(thread->at(0).content, QStringLiteral("What does add return?"));
    QCOMPARE(thread->at(0).context.size(), 1);
    QCOMPARE(thread->at(1).content, QStringLiteral("It returns the sum of its two arguments."));
    QCOMPARE(thread->at(1).usage.outputTokens, 9);
    Chat::MessageSearch search;
    search.text = QStringLiteral("sum");
    Result<QList<Chat::MessageHit>> hits = conversations.search(search);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->first().conversationId, kConversation);
}

void tst_Upgrade::checkDocs(const Storage::DatabasePtr &db)
{
    Docs::DocStore docs(db);
    Result<Docs::DocTemplate> briefs = docs.findTemplate(QStringLiteral("briefs"));
    QVERIFY(briefs);
    QCOMPARE(briefs->kind, QStringLiteral("custom"));
    QCOMPARE(briefs->prompt, QStringLiteral("Write a one-page brief."));
    Result<std::optional<Docs::CachedSummary>> summary = docs.summary(sha256("summary of src/math.h"));
    QVERIFY(summary && *summary);
    QCOMPARE((*summary)->text, QStringLiteral("Declares add."));
    Result<QList<Docs::DocVersion>> versions = docs.versions(kCalculator);
    QVERIFY(versions);
    QCOMPARE(versions->size(), 1);
    QCOMPARE(versions->first().title, QStringLiteral("calculator — API reference"));
    Result<Docs::DocVersion> document = docs.version(versions->first().id);
    QVERIFY(document);
    QVERIFY(document->markdown.contains(QStringLiteral("Adds two numbers.")));
    // Stats written before the JSON convention read in today's names.
    QCOMPARE(Docs::toJson(versions->first()).value(QStringLiteral("stats")).toObject().value(QStringLiteral("files_extracted")).toInt(), 2);
}

// Whatever a workspace held before sync existed is a change the server has
// not seen: schema 10 recorded every row, once. But the project history:
// versions made before schema 16 stay this machine's (sharing sends them);
// those made since wait like any row.
void tst_Upgrade::checkEveryRowAwaitsSync(const Storage::DatabasePtr &db, int version)
{
    QSqlQuery tables(db->connection());
    QVERIFY(tables.exec(QStringLiteral("SELECT table_name, key_column FROM synced_tables WHERE table_name <> 'project_versions' OR %1 >= 16").arg(version)));
    int rows = 0;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        const QString key = tables.value(1).toString();
        QSqlQuery missing(db->connection());
        QVERIFY(missing.exec(QStringLiteral("SELECT count(*), (SELECT count(*) FROM %1) FROM %1 WHERE %2 NOT IN "
                                            "(SELECT row_key FROM changes WHERE table_name = '%1' AND op = 'upsert')")
                                 .arg(table, key))
                && missing.next());
        QVERIFY2(missing.value(0).toInt() == 0, qPrintable(table + QLatin1String(" has rows no change records")));
        rows += missing.value(1).toInt();
    }
    QVERIFY(tables.exec(QStringLiteral("SELECT count(*) FROM changes")) && tables.next());
    QCOMPARE(tables.value(0).toInt(), rows);
}

void tst_Upgrade::theLatestSchemaHasAFixture()
{
    // A new migration must come with its fixture (see the top of this file).
    QVERIFY(QFile::exists(fixturePath(Storage::Migrator::latestVersion())));
}

QTEST_GUILESS_MAIN(tst_Upgrade)
#include "tst_upgrade.moc"
