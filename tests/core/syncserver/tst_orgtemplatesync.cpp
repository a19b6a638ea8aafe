// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "sync/syncprotocol.h"
#include "syncserver/projectsync.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>

using namespace Realm;
using namespace Realm::Auth;
using namespace Realm::ServerDb;
using Realm::SyncServer::ProjectSync;
using Outcome = Realm::Sync::MutationResult::Outcome;

namespace {

const ClientInfo kClient{QStringLiteral("192.0.2.8"), QStringLiteral("tst_orgtemplatesync")};
const QString kPrompts = QString::fromLatin1(Sync::Tables::kPromptTemplates);

Sync::Mutation prompt(qint64 number, const QString &name, const QString &title, const QString &body, qint64 baseSeq = 0)
{
    Sync::Mutation mutation;
    mutation.number = number;
    mutation.table = kPrompts;
    mutation.key = name;
    mutation.baseSeq = baseSeq;
    mutation.data = QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("description"), QString()}, {QStringLiteral("body"), body}};
    return mutation;
}

Sync::Mutation docTemplate(qint64 number, const QString &name, const QString &kind, const QString &body, const QString &prompt = {})
{
    Sync::Mutation mutation;
    mutation.number = number;
    mutation.table = QString::fromLatin1(Sync::Tables::kDocTemplates);
    mutation.key = name;
    mutation.data = QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("body"), body}, {QStringLiteral("prompt"), prompt}};
    return mutation;
}

Sync::Mutation starterTemplate(qint64 number, const QString &name, const QString &title, const QByteArray &archive)
{
    Sync::Mutation mutation;
    mutation.number = number;
    mutation.table = QString::fromLatin1(Sync::Tables::kStarterTemplates);
    mutation.key = name;
    mutation.data = QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("description"), QString()},
                                {QStringLiteral("archive"), QString::fromLatin1(archive.toBase64())}};
    return mutation;
}

Sync::Mutation withdrawal(qint64 number, const QString &name, qint64 baseSeq)
{
    Sync::Mutation mutation;
    mutation.number = number;
    mutation.table = kPrompts;
    mutation.key = name;
    mutation.op = Sync::Mutation::Op::Delete;
    mutation.baseSeq = baseSeq;
    return mutation;
}


} // namespace

// An organization's prompt templates as a sync scope of their own, on
// SQLite and PostgreSQL: admins push, members pull, outsiders see nothing;
// the organization's log is apart from its projects' logs.
class TestOrgTemplateSync final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;
    std::unique_ptr<ProjectSync> m_sync;
    Principal m_alice; // owns Acme
    Principal m_bob;   // Acme's admin
    Principal m_carol; // Acme's member
    Principal m_dave;  // in no organization of Alice's
    QString m_acme;

    Result<Sync::PushResult> push(const Principal &who, const QString &clientId, const QList<Sync::Mutation> &mutations)
    {
        return m_sync->pushOrgTemplates(who, m_acme, clientId, mutations, kClient);
    }

    Result<Sync::ChangePage> pull(const Principal &who, const QString &cursor = {}) const
    {
        return m_sync->orgTemplateChanges(who, m_acme, cursor, 100);
    }

private slots:
    void init()
    {
        m_db = Test::openTestServerDatabase(m_folder.path());
        m_sync = std::make_unique<ProjectSync>(m_db);
        const std::pair<Principal *, QString> people[] = {{&m_alice, QStringLiteral("Alice")},
                                                          {&m_bob, QStringLiteral("Bob")},
                                                          {&m_carol, QStringLiteral("Carol")},
                                                          {&m_dave, QStringLiteral("Dave")}};
        for (const auto &[person, name] : people) {
            *person = Test::addPerson(m_db, name);
            QVERIFY(!person->userId.isEmpty());
        }
        Organizations orgs(m_db);
        Result<Org> acme = orgs.create(m_alice, QStringLiteral("Acme"), kClient);
        REALM_VERIFY_OK(acme);
        m_acme = acme->id;
        REALM_VERIFY_OK(orgs.addMember(m_alice, m_acme, QStringLiteral("bob@example.org"), OrgRole::Admin, kClient));
        REALM_VERIFY_OK(orgs.addMember(m_alice, m_acme, QStringLiteral("carol@example.org"), OrgRole::Member, kClient));
    }

    void cleanup()
    {
        m_sync.reset();
        m_db.reset();
    }

    void adminsPublishAndMembersPull()
    {
        Result<Sync::PushResult> pushed = push(m_bob, QStringLiteral("bob-laptop"),
                                               {prompt(1, QStringLiteral("review"), QStringLiteral("Review"), QStringLiteral("Review {{selection}}")),
                                                prompt(2, QStringLiteral("explain"), QStringLiteral("Explain"), QStringLiteral("Explain {{selection}}"))});
        REALM_VERIFY_OK(pushed);
        QCOMPARE(pushed->lastSeq, 2);
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 2);
        QCOMPARE(page->changes.at(0).key, QStringLiteral("review"));
        QCOMPARE(page->changes.at(0).table, kPrompts);
        QCOMPARE(page->changes.at(0).data.value(QStringLiteral("body")).toString(), QStringLiteral("Review {{selection}}"));
        QCOMPARE(page->changes.at(1).changedBy, m_bob.userId);
        // The owner withdraws one: a tombstone for the members' next pull.
        REALM_VERIFY_OK(push(m_alice, QStringLiteral("alice-pc"), {withdrawal(1, QStringLiteral("review"), 1)}));
        Result<Sync::ChangePage> next = pull(m_carol, page->cursor.toText());
        REALM_VERIFY_OK(next);
        QCOMPARE(next->changes.size(), 1);
        QCOMPARE(next->changes.first().key, QStringLiteral("review"));
        QVERIFY(next->changes.first().deleted);
    }

    void membersReadButDoNotWrite()
    {
        REALM_VERIFY_OK(push(m_alice, QStringLiteral("alice-pc"), {prompt(1, QStringLiteral("review"), QStringLiteral("Review"), QStringLiteral("x"))}));
        REALM_VERIFY_FAILS(push(m_carol, QStringLiteral("carol-pc"), {prompt(1, QStringLiteral("mine"), QStringLiteral("Mine"), QStringLiteral("x"))}),
                      Error::Code::Forbidden);
        REALM_VERIFY_FAILS(push(m_carol, QStringLiteral("carol-pc"), {withdrawal(1, QStringLiteral("review"), 1)}), Error::Code::Forbidden);
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 1);
        QVERIFY(!page->changes.first().deleted);
    }

    void outsidersAndFormerMembersSeeNothing()
    {
        REALM_VERIFY_OK(push(m_alice, QStringLiteral("alice-pc"), {prompt(1, QStringLiteral("review"), QStringLiteral("Review"), QStringLiteral("x"))}));
        REALM_VERIFY_FAILS(pull(m_dave), Error::Code::NotFound);
        REALM_VERIFY_FAILS(push(m_dave, QStringLiteral("dave-pc"), {prompt(1, QStringLiteral("x"), QStringLiteral("X"), QStringLiteral("x"))}),
                      Error::Code::NotFound);
        // A role taken away applies to the next call.
        REALM_VERIFY_OK(Organizations(m_db).removeMember(m_alice, m_acme, m_bob.userId, kClient));
        REALM_VERIFY_FAILS(pull(m_bob), Error::Code::NotFound);
        REALM_VERIFY_FAILS(push(m_bob, QStringLiteral("bob-laptop"), {prompt(1, QStringLiteral("x"), QStringLiteral("X"), QStringLiteral("x"))}),
                      Error::Code::NotFound);
    }

    void onlyPromptTemplatesWithANameTitleAndBodyAreTaken()
    {
        Sync::Mutation file = prompt(1, QStringLiteral("src/main.cpp"), QStringLiteral("T"), QStringLiteral("x"));
        file.table = QString::fromLatin1(Sync::Tables::kFiles);
        REALM_VERIFY_FAILS(push(m_alice, QStringLiteral("alice-pc"), {file}), Error::Code::InvalidInput);
        REALM_VERIFY_FAILS(push(m_alice, QStringLiteral("alice-pc"), {prompt(1, QStringLiteral("Not A Name"), QStringLiteral("T"), QStringLiteral("x"))}),
                      Error::Code::InvalidInput);
        REALM_VERIFY_FAILS(push(m_alice, QStringLiteral("alice-pc"), {prompt(1, QStringLiteral("untitled"), QStringLiteral("  "), QStringLiteral("x"))}),
                      Error::Code::InvalidInput);
        Sync::Mutation numeric = prompt(1, QStringLiteral("numeric"), QStringLiteral("T"), QStringLiteral("x"));
        numeric.data.insert(QStringLiteral("body"), 42);
        REALM_VERIFY_FAILS(push(m_alice, QStringLiteral("alice-pc"), {numeric}), Error::Code::InvalidInput);
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QVERIFY(page->changes.isEmpty());
        // And a project's log takes no templates.
        Result<SharedProject> project = SharedProjects(m_db).create(m_alice, m_acme, QStringLiteral("Website"), {}, kClient);
        REALM_VERIFY_OK(project);
        REALM_VERIFY_FAILS(m_sync->push(m_alice, project->id, QStringLiteral("alice-pc"), {prompt(1, QStringLiteral("review"), QStringLiteral("R"), QStringLiteral("x"))},
                                   kClient),
                      Error::Code::InvalidInput);
    }

    void documentationTemplatesShareTheLogAndAreChecked()
    {
        // A prompt template and a documentation template may share a name.
        REALM_VERIFY_OK(push(m_bob, QStringLiteral("bob-laptop"),
                             {prompt(1, QStringLiteral("adr"), QStringLiteral("ADR"), QStringLiteral("Draft an ADR for {{selection}}")),
                              docTemplate(2, QStringLiteral("adr"), QStringLiteral("custom"), QStringLiteral("# {{title}}"), QStringLiteral("Write an ADR."))}));
        // What a template REALM could not use is refused, and nothing of the batch lands.
        const Sync::Mutation refused[] = {
            docTemplate(3, QStringLiteral("brief"), QStringLiteral("manual"), QStringLiteral("x")),          // no such kind
            docTemplate(3, QStringLiteral("brief"), QStringLiteral("custom"), QStringLiteral("x")),          // custom without a prompt
            docTemplate(3, QStringLiteral("brief"), QStringLiteral("api"), QStringLiteral(" ")),             // no text
            docTemplate(3, QStringLiteral("Brief Notes"), QStringLiteral("api"), QStringLiteral("x")),       // not a name
        };
        for (const Sync::Mutation &mutation : refused)
            REALM_VERIFY_FAILS(push(m_bob, QStringLiteral("bob-laptop"), {docTemplate(3, QStringLiteral("fine"), QStringLiteral("api"), QStringLiteral("x")), mutation}),
                          Error::Code::InvalidInput);
        Sync::Mutation extra = docTemplate(3, QStringLiteral("brief"), QStringLiteral("api"), QStringLiteral("x"));
        extra.data.insert(QStringLiteral("title"), QStringLiteral("a prompt template's field"));
        REALM_VERIFY_FAILS(push(m_bob, QStringLiteral("bob-laptop"), {extra}), Error::Code::InvalidInput);
        REALM_VERIFY_FAILS(push(m_carol, QStringLiteral("carol-pc"), {docTemplate(1, QStringLiteral("mine"), QStringLiteral("api"), QStringLiteral("x"))}),
                      Error::Code::Forbidden);
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 2);
        QCOMPARE(page->changes.at(1).table, QString::fromLatin1(Sync::Tables::kDocTemplates));
        QCOMPARE(page->changes.at(1).key, QStringLiteral("adr"));
        QCOMPARE(page->changes.at(1).data.value(QStringLiteral("prompt")).toString(), QStringLiteral("Write an ADR."));
        // Withdrawing the documentation template leaves the prompt template.
        Sync::Mutation withdrawn = withdrawal(3, QStringLiteral("adr"), 2);
        withdrawn.table = QString::fromLatin1(Sync::Tables::kDocTemplates);
        REALM_VERIFY_OK(push(m_bob, QStringLiteral("bob-laptop"), {withdrawn}));
        Result<Sync::ChangePage> next = pull(m_carol, page->cursor.toText());
        REALM_VERIFY_OK(next);
        QCOMPARE(next->changes.size(), 1);
        QVERIFY(next->changes.first().deleted);
        QCOMPARE(next->changes.first().table, QString::fromLatin1(Sync::Tables::kDocTemplates));
    }

    void starterTemplatesCarryTheirArchiveWithinLimits()
    {
        // The server keeps the archive as it came (members' REALMs read it).
        const QByteArray archive("\x1f\x8b a gzip stream", 17);
        REALM_VERIFY_OK(push(m_bob, QStringLiteral("bob-laptop"), {starterTemplate(1, QStringLiteral("acme.cli"), QStringLiteral("Acme CLI"), archive)}));
        Sync::Mutation notBase64 = starterTemplate(2, QStringLiteral("broken"), QStringLiteral("Broken"), archive);
        notBase64.data.insert(QStringLiteral("archive"), QStringLiteral("%%% not base64 %%%"));
        const Sync::Mutation refused[] = {
            starterTemplate(2, QStringLiteral("untitled"), QStringLiteral(" "), archive),                                    // no title
            starterTemplate(2, QStringLiteral("empty"), QStringLiteral("Empty"), QByteArray()),                              // no archive
            notBase64,
            starterTemplate(2, QStringLiteral("huge"), QStringLiteral("Huge"), QByteArray(Sync::kMaxStarterArchiveBytes + 1, 'x')), // too large
            starterTemplate(2, QStringLiteral("Acme CLI"), QStringLiteral("Acme CLI"), archive),                            // not a name
        };
        for (const Sync::Mutation &mutation : refused)
            REALM_VERIFY_FAILS(push(m_bob, QStringLiteral("bob-laptop"), {mutation}), Error::Code::InvalidInput);
        // At the limit, it is taken.
        REALM_VERIFY_OK(push(m_bob, QStringLiteral("bob-laptop"),
                             {starterTemplate(2, QStringLiteral("large"), QStringLiteral("Large"), QByteArray(Sync::kMaxStarterArchiveBytes, 'x'))}));
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 2);
        QCOMPARE(page->changes.first().key, QStringLiteral("acme.cli"));
        QCOMPARE(QByteArray::fromBase64(page->changes.first().data.value(QStringLiteral("archive")).toString().toLatin1()), archive);
    }

    void theOrganizationsLogIsApartFromItsProjects()
    {
        Result<SharedProject> project = SharedProjects(m_db).create(m_alice, m_acme, QStringLiteral("Website"), {}, kClient);
        REALM_VERIFY_OK(project);
        Sync::Mutation title;
        title.number = 1;
        title.table = QString::fromLatin1(Sync::Tables::kConversations);
        title.key = QStringLiteral("c1");
        title.data = QJsonObject{{QStringLiteral("title"), QStringLiteral("one")}};
        REALM_VERIFY_OK(m_sync->push(m_alice, project->id, QStringLiteral("alice-pc"), {title}, kClient));
        // The same client id numbers its changes per scope.
        Result<Sync::PushResult> pushed = push(m_alice, QStringLiteral("alice-pc"), {prompt(1, QStringLiteral("review"), QStringLiteral("R"), QStringLiteral("x"))});
        REALM_VERIFY_OK(pushed);
        QCOMPARE(pushed->lastSeq, 1);
        Result<Sync::ChangePage> templates = pull(m_carol);
        REALM_VERIFY_OK(templates);
        QCOMPARE(templates->changes.size(), 1);
        QCOMPARE(templates->changes.first().table, kPrompts);
        Result<Sync::ChangePage> projectChanges = m_sync->changes(m_alice, project->id, {}, 100);
        REALM_VERIFY_OK(projectChanges);
        QCOMPARE(projectChanges->changes.size(), 1);
        QCOMPARE(projectChanges->changes.first().table, title.table);
    }

    void aRetryAppliesNothingTwiceAndTheLaterChangeWins()
    {
        const QList<Sync::Mutation> first{prompt(1, QStringLiteral("review"), QStringLiteral("Review"), QStringLiteral("one"))};
        REALM_VERIFY_OK(push(m_alice, QStringLiteral("alice-pc"), first));
        Result<Sync::PushResult> again = push(m_alice, QStringLiteral("alice-pc"), first);
        REALM_VERIFY_OK(again);
        QCOMPARE(again->lastSeq, 1);
        QCOMPARE(again->results.first().outcome, Outcome::Applied);
        // Bob, who had not seen Alice's, replaces it: the later in the server's order wins.
        REALM_VERIFY_OK(push(m_bob, QStringLiteral("bob-laptop"), {prompt(1, QStringLiteral("review"), QStringLiteral("Review"), QStringLiteral("two"))}));
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 1);
        QCOMPARE(page->changes.first().data.value(QStringLiteral("body")).toString(), QStringLiteral("two"));
        QCOMPARE(page->lastSeq, 2);
    }
};

QTEST_GUILESS_MAIN(TestOrgTemplateSync)
#include "tst_orgtemplatesync.moc"
