// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"
#include "auth/apikeys.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "common/clock.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Realm;
using namespace Realm::Auth;
using namespace Realm::ServerDb;

namespace {
const ClientInfo kClient{QStringLiteral("192.0.2.9"), QStringLiteral("tst_organizations")};
} // namespace

// Who may do what in organizations and projects, on SQLite and PostgreSQL.
class TestOrganizations final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;
    std::unique_ptr<Organizations> m_orgs;
    std::unique_ptr<SharedProjects> m_projects;
    std::unique_ptr<ApiKeys> m_keys;
    QHash<QString, Principal> m_people; // alice owner, bob admin, carol member, erin member, dave outsider
    QString m_acme;
    QString m_other;

    Principal person(const QString &name) const { return m_people.value(name); }

    Principal keyPrincipal(const ApiKeys::Created &created)
    {
        Result<Principal> principal = m_db->read([&](const QSqlDatabase &db) { return ApiKeys::authenticate(db, created.secret, Clock::nowMs()); });
        return principal ? *principal : Principal();
    }

private slots:
    void init()
    {
        m_db = Test::openTestServerDatabase(m_folder.path());
        m_orgs = std::make_unique<Organizations>(m_db);
        m_projects = std::make_unique<SharedProjects>(m_db);
        m_keys = std::make_unique<ApiKeys>(m_db);
        Accounts accounts(m_db);
        for (const char *name : {"alice", "bob", "carol", "dave", "erin"}) {
            Result<User> user = accounts.addUser({QString::fromLatin1(name) + QStringLiteral("@example.org"), QString::fromLatin1(name),
                                                  QStringLiteral("a long enough passphrase"), false, true});
            REALM_VERIFY_OK(user);
            Principal principal;
            principal.userId = user->id;
            principal.email = user->email;
            m_people.insert(QString::fromLatin1(name), principal);
        }
        Result<Org> acme = m_orgs->create(person(QStringLiteral("alice")), QStringLiteral("Acme"), kClient);
        REALM_VERIFY_OK(acme);
        m_acme = acme->id;
        REALM_VERIFY_OK(m_orgs->addMember(person(QStringLiteral("alice")), m_acme, QStringLiteral("bob@example.org"), OrgRole::Admin, kClient));
        REALM_VERIFY_OK(m_orgs->addMember(person(QStringLiteral("bob")), m_acme, QStringLiteral("carol@example.org"), OrgRole::Member, kClient));
        REALM_VERIFY_OK(m_orgs->addMember(person(QStringLiteral("bob")), m_acme, QStringLiteral("erin@example.org"), OrgRole::Member, kClient));
        Result<Org> other = m_orgs->create(person(QStringLiteral("dave")), QStringLiteral("Other"), kClient);
        REALM_VERIFY_OK(other);
        m_other = other->id;
    }

    void cleanup()
    {
        m_keys.reset();
        m_projects.reset();
        m_orgs.reset();
        m_people.clear();
        m_db.reset();
    }

    void membersSeeTheirOrganizationAndOutsidersSeeNothing()
    {
        REALM_VERIFY_OK(m_orgs->get(person(QStringLiteral("carol")), m_acme));
        REALM_VERIFY_OK(m_orgs->get(person(QStringLiteral("carol")), QStringLiteral("acme"))); // by name, any case
        QCOMPARE(m_orgs->get(person(QStringLiteral("dave")), m_acme).error().code, Error::Code::NotFound);
        QCOMPARE(m_orgs->members(person(QStringLiteral("dave")), m_acme).error().code, Error::Code::NotFound);
        Result<QList<OrgMember>> members = m_orgs->members(person(QStringLiteral("carol")), m_acme);
        REALM_VERIFY_OK(members);
        QCOMPARE(members->size(), 4);
        Result<QList<std::pair<Org, OrgRole>>> bobs = m_orgs->orgsOf(person(QStringLiteral("bob")));
        QCOMPARE(bobs->size(), 1);
        QCOMPARE(bobs->first().second, OrgRole::Admin);
        QCOMPARE(m_orgs->create(person(QStringLiteral("carol")), QStringLiteral("ACME"), kClient).error().code, Error::Code::Conflict);
    }

    void onlyAdminsManageMembersAndOnlyOwnersManageOwners()
    {
        QCOMPARE(m_orgs->addMember(person(QStringLiteral("carol")), m_acme, QStringLiteral("dave@example.org"), OrgRole::Member, kClient).error().code,
                 Error::Code::Forbidden);
        QCOMPARE(m_orgs->changeRole(person(QStringLiteral("bob")), m_acme, person(QStringLiteral("carol")).userId, OrgRole::Owner, kClient).error().code,
                 Error::Code::Forbidden);
        QCOMPARE(m_orgs->removeMember(person(QStringLiteral("bob")), m_acme, person(QStringLiteral("alice")).userId, kClient).error().code,
                 Error::Code::Forbidden);
        REALM_VERIFY_OK(m_orgs->changeRole(person(QStringLiteral("bob")), m_acme, person(QStringLiteral("carol")).userId, OrgRole::Admin, kClient));
        REALM_VERIFY_OK(m_orgs->changeRole(person(QStringLiteral("alice")), m_acme, person(QStringLiteral("bob")).userId, OrgRole::Owner, kClient));
        QCOMPARE(m_orgs->addMember(person(QStringLiteral("bob")), m_acme, QStringLiteral("carol@example.org"), OrgRole::Member, kClient).error().code,
                 Error::Code::Conflict);
        QCOMPARE(m_orgs->addMember(person(QStringLiteral("bob")), m_acme, QStringLiteral("nobody@example.org"), OrgRole::Member, kClient).error().code,
                 Error::Code::NotFound);
    }

    void theLastOwnerCannotLeaveOrStepDown()
    {
        const Principal alice = person(QStringLiteral("alice"));
        QCOMPARE(m_orgs->removeMember(alice, m_acme, alice.userId, kClient).error().code, Error::Code::Conflict);
        QCOMPARE(m_orgs->changeRole(alice, m_acme, alice.userId, OrgRole::Admin, kClient).error().code, Error::Code::Conflict);
        // A member may leave.
        REALM_VERIFY_OK(m_orgs->removeMember(person(QStringLiteral("erin")), m_acme, person(QStringLiteral("erin")).userId, kClient));
        QCOMPARE(m_orgs->get(person(QStringLiteral("erin")), m_acme).error().code, Error::Code::NotFound);
    }

    void twoOwnersLeavingAtOnceLeaveOneBehind()
    {
        const Principal alice = person(QStringLiteral("alice"));
        const Principal bob = person(QStringLiteral("bob"));
        REALM_VERIFY_OK(m_orgs->changeRole(alice, m_acme, bob.userId, OrgRole::Owner, kClient));
        ServerDatabasePtr db = m_db;
        const QString acme = m_acme;
        const auto leave = [db, acme](const Principal &who) {
            const bool left = Organizations(db).removeMember(who, acme, who.userId, kClient).ok();
            db->closeThreadConnection();
            return left;
        };
        QFuture<bool> aliceLeaves = QtConcurrent::run(leave, alice);
        QFuture<bool> bobLeaves = QtConcurrent::run(leave, bob);
        QCOMPARE(int(aliceLeaves.result()) + int(bobLeaves.result()), 1);
        Result<QList<OrgMember>> members = m_orgs->members(person(QStringLiteral("carol")), m_acme);
        REALM_VERIFY_OK(members);
        QCOMPARE(std::count_if(members->begin(), members->end(), [](const OrgMember &m) { return m.role == OrgRole::Owner; }), 1);
    }

    void anApiKeyCannotLeaveForItsOwner()
    {
        const Principal carol = person(QStringLiteral("carol"));
        Result<ApiKeys::Created> key = m_keys->create(carol, QStringLiteral("CI"), m_acme, {Scopes::ProjectRead}, 30, kClient);
        REALM_VERIFY_OK(key);
        QCOMPARE(m_orgs->removeMember(keyPrincipal(*key), m_acme, carol.userId, kClient).error().code, Error::Code::Forbidden);
        REALM_VERIFY_OK(m_orgs->get(carol, m_acme));
    }

    void aPasswordResetRevokesTheUsersKeys()
    {
        Result<ApiKeys::Created> key = m_keys->create(person(QStringLiteral("carol")), QStringLiteral("CI"), m_acme, {Scopes::ProjectRead}, 30, kClient);
        REALM_VERIFY_OK(key);
        QVERIFY(keyPrincipal(*key).viaApiKey());
        REALM_VERIFY_OK(Accounts(m_db).resetPassword(QStringLiteral("carol@example.org"), QStringLiteral("a brand new passphrase")));
        QVERIFY(!keyPrincipal(*key).viaApiKey());
    }

    void projectRolesComeFromUsersTeamsAndTheOrganization()
    {
        const Principal carol = person(QStringLiteral("carol"));
        const Principal erin = person(QStringLiteral("erin"));
        Result<SharedProject> project = m_projects->create(carol, m_acme, QStringLiteral("Website"), QStringLiteral("The public site"), kClient);
        REALM_VERIFY_OK(project);
        QCOMPARE(project->role, ProjectRole::Admin);
        // The org admin administers it; a member without a role does not see it.
        QCOMPARE(m_projects->get(person(QStringLiteral("bob")), project->id)->role, ProjectRole::Admin);
        QCOMPARE(m_projects->get(erin, project->id).error().code, Error::Code::NotFound);
        QVERIFY(m_projects->list(erin, m_acme)->isEmpty());
        QCOMPARE(m_projects->get(person(QStringLiteral("dave")), project->id).error().code, Error::Code::NotFound);
        QCOMPARE(m_projects->list(person(QStringLiteral("dave")), m_acme).error().code, Error::Code::NotFound);

        REALM_VERIFY_OK(m_projects->setMember(carol, project->id, QStringLiteral("erin@example.org"), ProjectRole::Viewer, kClient));
        QCOMPARE(m_projects->get(erin, project->id)->role, ProjectRole::Viewer);
        QCOMPARE(m_projects->update(erin, project->id, QStringLiteral("Renamed"), std::nullopt, kClient).error().code, Error::Code::Forbidden);
        QCOMPARE(m_projects->setMember(erin, project->id, QStringLiteral("erin@example.org"), ProjectRole::Admin, kClient).error().code, Error::Code::Forbidden);

        // Through a team she gets the higher of the two roles.
        Result<Team> team = m_orgs->createTeam(person(QStringLiteral("bob")), m_acme, QStringLiteral("Developers"), kClient);
        REALM_VERIFY_OK(team);
        REALM_VERIFY_OK(m_orgs->addTeamMember(person(QStringLiteral("bob")), m_acme, team->id, erin.userId, kClient));
        REALM_VERIFY_OK(m_projects->setMember(carol, project->id, team->id, ProjectRole::Editor, kClient));
        QCOMPARE(m_projects->get(erin, project->id)->role, ProjectRole::Editor);
        Result<QList<ProjectMember>> members = m_projects->members(erin, project->id);
        REALM_VERIFY_OK(members);
        QCOMPARE(members->size(), 3);

        // Someone outside the organization cannot be given a role.
        QCOMPARE(m_projects->setMember(carol, project->id, QStringLiteral("dave@example.org"), ProjectRole::Viewer, kClient).error().code,
                 Error::Code::NotFound);

        // Leaving the organization takes every project role away at once.
        REALM_VERIFY_OK(m_orgs->removeMember(person(QStringLiteral("bob")), m_acme, erin.userId, kClient));
        QCOMPARE(m_projects->get(erin, project->id).error().code, Error::Code::NotFound);

        // Renaming and deleting are for the project's admins; a deleted project is gone.
        Result<SharedProject> renamed = m_projects->update(carol, project->id, QStringLiteral("Web"), std::nullopt, kClient);
        REALM_VERIFY_OK(renamed);
        QCOMPARE(renamed->name, QStringLiteral("Web"));
        QCOMPARE(renamed->description, QStringLiteral("The public site"));
        REALM_VERIFY_OK(m_projects->remove(carol, project->id, kClient));
        QCOMPARE(m_projects->get(carol, project->id).error().code, Error::Code::NotFound);
    }

    void aDowngradeAppliesToTheNextCall()
    {
        const Principal bob = person(QStringLiteral("bob"));
        Result<SharedProject> project = m_projects->create(person(QStringLiteral("alice")), m_acme, QStringLiteral("Tools"), {}, kClient);
        REALM_VERIFY_OK(m_projects->update(bob, project->id, QStringLiteral("Tooling"), std::nullopt, kClient));
        REALM_VERIFY_OK(m_orgs->changeRole(person(QStringLiteral("alice")), m_acme, bob.userId, OrgRole::Member, kClient));
        QCOMPARE(m_projects->update(bob, project->id, QStringLiteral("Tools"), std::nullopt, kClient).error().code, Error::Code::NotFound);
    }

    void apiKeysAreScopesWithinTheOwnersRoles()
    {
        const Principal carol = person(QStringLiteral("carol"));
        Result<SharedProject> project = m_projects->create(carol, m_acme, QStringLiteral("Docs"), {}, kClient);
        Result<ApiKeys::Created> key = m_keys->create(carol, QStringLiteral("CI"), QStringLiteral("Acme"), {Scopes::ProjectRead}, 30, kClient);
        REALM_VERIFY_OK(key);
        QVERIFY(key->secret.startsWith(QStringLiteral("realm_") + key->key.id + QLatin1Char('_')));
        QCOMPARE(key->key.lastChars, key->secret.right(8));
        const Principal viaKey = keyPrincipal(*key);
        QVERIFY(viaKey.viaApiKey());
        // Carol administers the project, but the key only reads.
        QCOMPARE(m_projects->get(viaKey, project->id)->role, ProjectRole::Viewer);
        QCOMPARE(m_projects->update(viaKey, project->id, QStringLiteral("x"), std::nullopt, kClient).error().code, Error::Code::Forbidden);
        QCOMPARE(m_projects->create(viaKey, m_acme, QStringLiteral("New"), {}, kClient).error().code, Error::Code::Forbidden);
        QCOMPARE(m_keys->create(viaKey, QStringLiteral("again"), m_acme, {Scopes::ProjectRead}, 30, kClient).error().code, Error::Code::Forbidden);
        // Bound to its organization.
        QCOMPARE(m_orgs->get(viaKey, m_other).error().code, Error::Code::NotFound);
        // A write key of a member who lost the project is worth nothing there.
        Result<ApiKeys::Created> writer = m_keys->create(person(QStringLiteral("erin")), QStringLiteral("w"), m_acme, {Scopes::ProjectWrite}, 1, kClient);
        REALM_VERIFY_OK(writer);
        QCOMPARE(m_projects->get(keyPrincipal(*writer), project->id).error().code, Error::Code::NotFound);

        QCOMPARE(m_keys->create(carol, QStringLiteral("long"), m_acme, {Scopes::ProjectRead}, 366, kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(m_keys->create(carol, QStringLiteral("none"), m_acme, {}, 30, kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(m_keys->create(carol, QStringLiteral("odd"), m_acme, {QStringLiteral("root")}, 30, kClient).error().code, Error::Code::InvalidInput);
        QCOMPARE(m_keys->create(person(QStringLiteral("dave")), QStringLiteral("x"), m_acme, {Scopes::ProjectRead}, 30, kClient).error().code,
                 Error::Code::NotFound);

        // Listed without secrets; revoked keys stop at once.
        Result<QList<ApiKey>> keys = m_keys->list(carol);
        QCOMPARE(keys->size(), 1);
        QVERIFY(!keys->first().toJson().contains(QStringLiteral("key")));
        QCOMPARE(m_keys->revoke(person(QStringLiteral("bob")), key->key.id, kClient).error().code, Error::Code::NotFound);
        REALM_VERIFY_OK(m_keys->revoke(carol, key->key.id, kClient));
        QVERIFY(!keyPrincipal(*key).viaApiKey());
        // A tampered secret is refused.
        ApiKeys::Created forged = *writer;
        forged.secret[forged.secret.size() - 1] = forged.secret.back() == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(!keyPrincipal(forged).viaApiKey());
        QVERIFY(keyPrincipal(*writer).viaApiKey());
    }

    void expiredKeysAndKeysOfDisabledUsersStop()
    {
        Result<ApiKeys::Created> key = m_keys->create(person(QStringLiteral("carol")), QStringLiteral("CI"), m_acme, {Scopes::ProjectRead}, 1, kClient);
        REALM_VERIFY_OK(key);
        const qint64 expiry = key->key.expiresAtMs;
        QVERIFY(m_db->read([&](const QSqlDatabase &db) { return ApiKeys::authenticate(db, key->secret, expiry - 1); }).ok());
        QVERIFY(!m_db->read([&](const QSqlDatabase &db) { return ApiKeys::authenticate(db, key->secret, expiry); }).ok());
        REALM_VERIFY_OK(Accounts(m_db).disableUser(QStringLiteral("carol@example.org")));
        QVERIFY(!keyPrincipal(*key).viaApiKey());
    }

    void theAuditLogIsForAdminsAndAuditKeys()
    {
        Result<QList<AuditEntry>> entries = m_orgs->audit(person(QStringLiteral("bob")), m_acme, 0, 100);
        REALM_VERIFY_OK(entries);
        QStringList actions;
        for (const AuditEntry &entry : std::as_const(*entries))
            actions.append(entry.action);
        QCOMPARE(actions, (QStringList{QStringLiteral("org.created"), QStringLiteral("org.member_added"), QStringLiteral("org.member_added"),
                                       QStringLiteral("org.member_added")}));
        QCOMPARE(m_orgs->audit(person(QStringLiteral("carol")), m_acme, 0, 100).error().code, Error::Code::Forbidden);
        QCOMPARE(m_orgs->audit(person(QStringLiteral("dave")), m_acme, 0, 100).error().code, Error::Code::NotFound);
        Result<ApiKeys::Created> bobs = m_keys->create(person(QStringLiteral("bob")), QStringLiteral("audit"), m_acme, {Scopes::AuditRead}, 7, kClient);
        Result<ApiKeys::Created> carols = m_keys->create(person(QStringLiteral("carol")), QStringLiteral("audit"), m_acme, {Scopes::AuditRead}, 7, kClient);
        Result<ApiKeys::Created> readOnly = m_keys->create(person(QStringLiteral("bob")), QStringLiteral("read"), m_acme, {Scopes::ProjectRead}, 7, kClient);
        REALM_VERIFY_OK(m_orgs->audit(keyPrincipal(*bobs), m_acme, 0, 100));
        QCOMPARE(m_orgs->audit(keyPrincipal(*carols), m_acme, 0, 100).error().code, Error::Code::Forbidden);
        QCOMPARE(m_orgs->audit(keyPrincipal(*readOnly), m_acme, 0, 100).error().code, Error::Code::Forbidden);
        // Paging.
        Result<QList<AuditEntry>> page = m_orgs->audit(person(QStringLiteral("bob")), m_acme, entries->at(1).seq, 2);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->first().seq, entries->at(2).seq);
    }
};

QTEST_GUILESS_MAIN(TestOrganizations)
#include "tst_organizations.moc"
