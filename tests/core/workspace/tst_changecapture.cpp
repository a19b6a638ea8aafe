// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace is ready for sync: every write to a row that will sync is
// recorded in `changes` by the database itself (schema 10), once per row,
// in the same transaction; device-local columns record nothing; removals
// leave tombstones; two machines may number a version alike.
#include "chat/conversationstore.h"
#include "chat/providerstore.h"
#include "docs/docstore.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "prompts/promptstore.h"
#include "secrets/memorysecretstore.h"
#include "starters/startertemplate.h"
#include "testworkspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using Realm::Test::TestWorkspace;

class tst_ChangeCapture final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyColumnIsEitherSyncedOrMarkedLocal();
    void anImportRecordsEachRowOnce();
    void aStreamedAnswerIsOneChangeAndCountsItsWrites();
    void interruptedAnswersAreStampedAndCounted();
    void anUnchangedRefreshRecordsNothing();
    void removalsLeaveTombstonesThatASaveRevives();
    void aPurgeIsRecordedAsTheProjectAlone();
    void twoMachinesMayNumberAVersionAlike();
    void aFailedWriteRecordsNothing();

private:
    qint64 scalar(const QString &sql) { return Test::scalar(m_ws->db(), sql); }
    qint64 pending(const QString &table, const QString &key)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM changes WHERE table_name = '%1' AND row_key = '%2'").arg(table, key));
    }
    void exec(const QString &sql)
    {
        QSqlQuery q(m_ws->db()->connection());
        QVERIFY2(q.exec(sql), qPrintable(sql + QLatin1String(": ") + q.lastError().text()));
    }
    QString importProject(const QString &name);
    QString fillEverySyncedTable();
    // An answer that has begun to stream, in a new conversation.
    static Result<Chat::Message> startAnswer(Chat::ConversationStore &conversations);

    std::unique_ptr<TestWorkspace> m_ws;
    Secrets::MemorySecretStore m_keys;
};

void tst_ChangeCapture::init()
{
    m_ws = std::make_unique<TestWorkspace>();
}

void tst_ChangeCapture::cleanup()
{
    m_ws.reset();
}

QString tst_ChangeCapture::importProject(const QString &name)
{
    const QString folder = m_ws->dir() + QLatin1Char('/') + name;
    Test::writeFile(folder, QStringLiteral("main.c"), "int main(void) { return 0; }\n");
    Test::writeFile(folder, QStringLiteral("src/util.c"), "int util;\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_ws->db()).importProject(folder, {});
    return imported ? imported->project.id : QString();
}

Result<Chat::Message> tst_ChangeCapture::startAnswer(Chat::ConversationStore &conversations)
{
    Result<Chat::Conversation> conversation = conversations.create(QStringLiteral("Q"));
    if (!conversation)
        return conversation.error();
    Chat::Message answer;
    answer.conversationId = conversation->id;
    answer.role = Chat::ChatMessage::Role::Assistant;
    answer.status = Chat::Message::Status::Streaming;
    return conversations.append(answer);
}

// One row in every synced table, written by the stores users' data goes
// through. Returns the project's id.
QString tst_ChangeCapture::fillEverySyncedTable()
{
    const QString project = importProject(QStringLiteral("app"));
    Chat::ProviderProfile profile;
    profile.name = QStringLiteral("local");
    profile.kind = Chat::ProviderProfile::Kind::Ollama;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434"));
    Result<Chat::StoredProfile> provider = Chat::ProviderStore(m_ws->db(), &m_keys, &m_keys).create(profile);
    Chat::ConversationStore conversations(m_ws->db());
    Result<Chat::Conversation> conversation = conversations.create(QStringLiteral("Q"), project);
    Chat::Message question;
    question.conversationId = conversation ? conversation->id : QString();
    question.content = QStringLiteral("What does main do?");
    Docs::DocVersion document;
    document.projectId = project;
    document.kind = QStringLiteral("api");
    document.templateName = QStringLiteral("built-in");
    document.title = QStringLiteral("API");
    document.markdown = QStringLiteral("# API");
    Docs::DocTemplate docTemplate{QStringLiteral("briefs"), QStringLiteral("custom"), QStringLiteral("# {{project.name}}"), QStringLiteral("Brief."), 0, 0, {}, {}};
    Result<Starters::StarterTemplate> starter = Starters::StarterTemplate::builtIn(QStringLiteral("python-package"));
    if (project.isEmpty() || !provider || !conversation || !conversations.append(question) || !Docs::DocStore(m_ws->db()).saveVersion(document)
        || !Docs::DocStore(m_ws->db()).saveTemplate(docTemplate) || !starter)
        return {};
    starter->id = QStringLiteral("my-cli");
    const Prompts::PromptTemplate prompt{QStringLiteral("terse"), QStringLiteral("Terse"), {}, QStringLiteral("Briefly: {{selection}}"), false, 0, 0, {}, {}};
    if (!Prompts::PromptStore(m_ws->db()).save(prompt))
        return {};
    return Starters::TemplateStore(m_ws->db()).save(*starter) ? project : QString();
}

void tst_ChangeCapture::everyColumnIsEitherSyncedOrMarkedLocal()
{
    QVERIFY(!fillEverySyncedTable().isEmpty());
    QSqlQuery tables(m_ws->db()->connection());
    QVERIFY(tables.exec(QStringLiteral("SELECT table_name, key_column FROM synced_tables ORDER BY table_name")));
    int checked = 0;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        const QString key = tables.value(1).toString();
        const QString row = QStringLiteral("(SELECT %1 FROM %2 LIMIT 1)").arg(key, table);
        QSqlQuery columns(m_ws->db()->connection());
        QVERIFY(columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table)));
        const bool counted = scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE name = 'revision'").arg(table)) == 1;
        while (columns.next()) {
            const QString column = columns.value(0).toString();
            const bool local = scalar(QStringLiteral("SELECT count(*) FROM unsynced_columns WHERE table_name = '%1' AND column_name = '%2'")
                                          .arg(table, column))
                               == 1;
            exec(QStringLiteral("DELETE FROM changes"));
            const qint64 revisionBefore = counted ? scalar(QStringLiteral("SELECT revision FROM %1 WHERE %2 = %3").arg(table, key, row)) : 0;
            exec(QStringLiteral("UPDATE %1 SET %2 = %2 WHERE %3 = %4").arg(table, column, key, row));
            const QByteArray what = (table + QLatin1Char('.') + column).toUtf8();
            const QByteArray wrong = what + (local ? " is marked local but a write to it was recorded" : " is neither recorded nor marked local");
            QVERIFY2(scalar(QStringLiteral("SELECT count(*) FROM changes")) == (local ? 0 : 1), wrong.constData());
            if (counted && column != QLatin1String("revision")) {
                const qint64 revisionAfter = scalar(QStringLiteral("SELECT revision FROM %1 WHERE %2 = %3").arg(table, key, row));
                const QByteArray moved = what + " moved the revision wrongly";
                QVERIFY2(revisionAfter == revisionBefore + (local ? 0 : 1), moved.constData());
            }
            ++checked;
        }
        // And inserting and deleting the row are recorded as such.
        for (const QString &trigger : {QStringLiteral("_inserted"), QStringLiteral("_updated"), QStringLiteral("_deleted")})
            QVERIFY2(scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = '%1'").arg(table + trigger)) == 1,
                     qPrintable(table + trigger + QLatin1String(" is missing")));
    }
    QVERIFY(checked > 80);
}

void tst_ChangeCapture::anImportRecordsEachRowOnce()
{
    const QString project = importProject(QStringLiteral("app"));
    QVERIFY(!project.isEmpty());
    // The import wrote the project row several times (importing, then ready
    // with its counts): still one pending change, an upsert.
    QCOMPARE(pending(QStringLiteral("projects"), project), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'files'")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'project_versions'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE op <> 'upsert'")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes")), 4);
}

void tst_ChangeCapture::aStreamedAnswerIsOneChangeAndCountsItsWrites()
{
    Chat::ConversationStore conversations(m_ws->db());
    Result<Chat::Message> stored = startAnswer(conversations);
    QVERIFY(stored);
    const qint64 seqBefore = scalar(QStringLiteral("SELECT seq FROM changes WHERE row_key = '%1'").arg(stored->id));
    QString content;
    for (const char *piece : {"It ", "returns ", "zero."}) {
        content += QLatin1String(piece);
        QVERIFY(conversations.updateStreaming(stored->id, content, {}));
    }
    stored->content = content;
    stored->status = Chat::Message::Status::Complete;
    QVERIFY(conversations.finish(*stored));
    QCOMPARE(pending(QStringLiteral("messages"), stored->id), 1);
    // The newest write moved it to the end of what is to be sent.
    QVERIFY(scalar(QStringLiteral("SELECT seq FROM changes WHERE row_key = '%1'").arg(stored->id)) > seqBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT max(seq) = (SELECT seq FROM changes WHERE row_key = '%1') FROM changes").arg(stored->id)), 1);
    // Insert, three pieces, finish: each synced write counts once.
    QCOMPARE(scalar(QStringLiteral("SELECT revision FROM messages WHERE id = '%1'").arg(stored->id)), 5);
}

void tst_ChangeCapture::interruptedAnswersAreStampedAndCounted()
{
    Chat::ConversationStore conversations(m_ws->db());
    Result<Chat::Message> stored = startAnswer(conversations);
    QVERIFY(stored);
    exec(QStringLiteral("UPDATE messages SET updated_at = 1 WHERE id = '%1'").arg(stored->id)); // a crash long ago
    exec(QStringLiteral("DELETE FROM changes"));
    QCOMPARE(*conversations.markInterrupted(), 1);
    QCOMPARE(pending(QStringLiteral("messages"), stored->id), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT revision FROM messages WHERE id = '%1'").arg(stored->id)), 2);
    QVERIFY(scalar(QStringLiteral("SELECT updated_at FROM messages WHERE id = '%1'").arg(stored->id)) > 1);
}

void tst_ChangeCapture::anUnchangedRefreshRecordsNothing()
{
    const QString project = importProject(QStringLiteral("app"));
    QVERIFY(!project.isEmpty());
    exec(QStringLiteral("DELETE FROM changes"));
    Result<Projects::ImportReport> refreshed = Projects::ProjectImporter(m_ws->db()).refreshProject(project, {});
    QVERIFY(refreshed);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes")), 0);

    // A changed file: that file, and the new version; the project's row only
    // if a synced column of it changed.
    Test::writeFile(m_ws->dir() + QStringLiteral("/app"), QStringLiteral("src/util.c"), "int util = 1;\n");
    QVERIFY(Projects::ProjectImporter(m_ws->db()).refreshProject(project, {}));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'files'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'project_versions'")), 1);
}

void tst_ChangeCapture::removalsLeaveTombstonesThatASaveRevives()
{
    const QString project = fillEverySyncedTable();
    QVERIFY(!project.isEmpty());
    Docs::DocStore docs(m_ws->db());
    Starters::TemplateStore starters(m_ws->db());
    Result<QList<Docs::DocVersion>> versions = docs.versions(project);
    QVERIFY(versions && versions->size() == 1);
    const QString documentId = versions->first().id;
    exec(QStringLiteral("DELETE FROM changes"));

    QVERIFY(docs.removeVersion(documentId));
    QVERIFY(docs.removeTemplate(QStringLiteral("briefs")));
    QVERIFY(starters.remove(QStringLiteral("my-cli")));
    // Gone for the user …
    QVERIFY(docs.versions(project)->isEmpty());
    QVERIFY(!docs.version(documentId));
    QVERIFY(!docs.findTemplate(QStringLiteral("briefs")));
    QVERIFY(docs.templates()->isEmpty());
    QVERIFY(!starters.find(QStringLiteral("my-cli")));
    QVERIFY(!docs.removeTemplate(QStringLiteral("briefs"))); // already removed
    // … kept as tombstones that sync will pass on.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM doc_versions WHERE deleted_at IS NOT NULL")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM doc_templates WHERE deleted_at IS NOT NULL")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM project_templates WHERE deleted_at IS NOT NULL")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE op = 'upsert'")), 3);

    // Saving under the name again brings the template back, as new.
    Docs::DocTemplate again{QStringLiteral("briefs"), QStringLiteral("custom"), QStringLiteral("# Again"), QString(), 0, 0, {}, {}};
    QVERIFY(docs.saveTemplate(again));
    Result<Docs::DocTemplate> revived = docs.findTemplate(QStringLiteral("briefs"));
    QVERIFY(revived);
    QCOMPARE(revived->body, QStringLiteral("# Again"));
}

void tst_ChangeCapture::aPurgeIsRecordedAsTheProjectAlone()
{
    const QString project = fillEverySyncedTable();
    QVERIFY(!project.isEmpty());
    Projects::ProjectStore projects(m_ws->db());
    QVERIFY(projects.moveToTrash(project));
    exec(QStringLiteral("DELETE FROM changes"));
    QCOMPARE(*projects.emptyTrash(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM files")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM doc_versions")), 0);
    // The project's row says 'purged'; its files, history and documents go
    // with it, not one by one. (The conversation stays, no longer tied to it.)
    QCOMPARE(pending(QStringLiteral("projects"), project), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE table_name IN ('files', 'project_versions', 'doc_versions')")), 0);
}

void tst_ChangeCapture::twoMachinesMayNumberAVersionAlike()
{
    const QString project = importProject(QStringLiteral("app"));
    QVERIFY(!project.isEmpty());
    // A version 1 made on another machine, as a pull will store it.
    exec(QStringLiteral("INSERT INTO project_versions (id, project_id, number, kind, created_at) VALUES ('elsewhere', '%1', 1, 'import', 1)").arg(project));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM project_versions WHERE project_id = '%1' AND number = 1").arg(project)), 2);
}

void tst_ChangeCapture::aFailedWriteRecordsNothing()
{
    const QString first = importProject(QStringLiteral("app"));
    const QString second = importProject(QStringLiteral("lib"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    exec(QStringLiteral("DELETE FROM changes"));
    const QString revision = QStringLiteral("SELECT revision FROM projects WHERE id = '%1'").arg(second);
    const qint64 before = scalar(revision);
    Projects::ProjectChanges rename;
    rename.name = QStringLiteral("app"); // taken
    QVERIFY(!Projects::ProjectStore(m_ws->db()).update(second, rename));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes")), 0);
    QCOMPARE(scalar(revision), before);
    rename.name = QStringLiteral("library");
    QVERIFY(Projects::ProjectStore(m_ws->db()).update(second, rename));
    QCOMPARE(pending(QStringLiteral("projects"), second), 1);
    QCOMPARE(scalar(revision), before + 1);
}

QTEST_GUILESS_MAIN(tst_ChangeCapture)
#include "tst_changecapture.moc"
