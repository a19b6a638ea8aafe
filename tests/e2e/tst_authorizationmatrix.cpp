// SPDX-License-Identifier: GPL-3.0-or-later
// Every route of realm-server × every kind of caller × the caller's own and
// another organization, against a real server process (SQLite:
// tst_authorizationmatrix, PostgreSQL: …_postgresql). The routes come from
// the server's OpenAPI document, which is made from its router: a route
// without a rule in kRules below fails the test.
#include "serverprocess.h"
#include "testserverdatabase.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm::Test;

namespace {

// What a route needs.
enum class Rule {
    Public,          // anyone: the answer does not depend on who asks
    SignedIn,        // any valid token or key
    Person,          // a signed-in person, not an API key
    PersonInOrg,     // a person who is a member of the organization (new API keys)
    OwnSession,      // a person, and the session is theirs
    OwnKey,          // a person, and the key is theirs
    OrgMember,
    OrgAdmin,
    OrgAuditor,      // org admin/owner; a key needs audit:read and an admin owner
    ProjectCreator,  // org member; a key needs project:write or org:admin
    ProjectViewer,
    ProjectEditor,
    ProjectAdmin,
    PersonWithCode,  // a person; the made-up code is then refused (400)
    PersonOrgAdmin,  // an org admin or owner, not an API key
};

const QHash<QString, Rule> kRules{
    {QStringLiteral("GET /healthz"), Rule::Public},
    {QStringLiteral("GET /readyz"), Rule::Public},
    {QStringLiteral("GET /metrics"), Rule::Public},
    {QStringLiteral("GET /api/v1/openapi.json"), Rule::Public},
    {QStringLiteral("POST /api/v1/auth/login"), Rule::Public},
    {QStringLiteral("POST /api/v1/auth/refresh"), Rule::Public},
    {QStringLiteral("POST /api/v1/auth/logout"), Rule::Person},
    {QStringLiteral("GET /api/v1/sessions"), Rule::Person},
    {QStringLiteral("DELETE /api/v1/sessions/{session}"), Rule::OwnSession},
    {QStringLiteral("POST /api/v1/sessions/revoke-others"), Rule::Person},
    {QStringLiteral("GET /api/v1/me"), Rule::SignedIn},
    {QStringLiteral("PATCH /api/v1/me"), Rule::Person},
    {QStringLiteral("POST /api/v1/me/password"), Rule::Person},
    {QStringLiteral("GET /api/v1/me/totp"), Rule::Person},
    {QStringLiteral("POST /api/v1/me/totp"), Rule::Person},
    {QStringLiteral("POST /api/v1/me/totp/confirm"), Rule::PersonWithCode},
    {QStringLiteral("DELETE /api/v1/me/totp"), Rule::Person},
    {QStringLiteral("POST /api/v1/auth/password/forgot"), Rule::Public},
    {QStringLiteral("POST /api/v1/auth/password/reset"), Rule::Public},
    {QStringLiteral("POST /api/v1/auth/register"), Rule::Public},
    {QStringLiteral("POST /api/v1/auth/verify"), Rule::Public},
    {QStringLiteral("POST /api/v1/orgs/{org}/invitations"), Rule::PersonOrgAdmin},
    {QStringLiteral("GET /api/v1/orgs/{org}/invitations"), Rule::OrgAdmin},
    {QStringLiteral("DELETE /api/v1/orgs/{org}/invitations/{invitation}"), Rule::OrgAdmin},
    {QStringLiteral("POST /api/v1/invitations/accept"), Rule::PersonWithCode},
    {QStringLiteral("POST /api/v1/orgs"), Rule::Person},
    {QStringLiteral("GET /api/v1/orgs/{org}"), Rule::OrgMember},
    {QStringLiteral("GET /api/v1/orgs/{org}/members"), Rule::OrgMember},
    {QStringLiteral("POST /api/v1/orgs/{org}/members"), Rule::OrgAdmin},
    {QStringLiteral("PATCH /api/v1/orgs/{org}/members/{user}"), Rule::OrgAdmin},
    {QStringLiteral("DELETE /api/v1/orgs/{org}/members/{user}"), Rule::OrgAdmin},
    {QStringLiteral("GET /api/v1/orgs/{org}/teams"), Rule::OrgMember},
    {QStringLiteral("POST /api/v1/orgs/{org}/teams"), Rule::OrgAdmin},
    {QStringLiteral("DELETE /api/v1/orgs/{org}/teams/{team}"), Rule::OrgAdmin},
    {QStringLiteral("PUT /api/v1/orgs/{org}/teams/{team}/members/{user}"), Rule::OrgAdmin},
    {QStringLiteral("DELETE /api/v1/orgs/{org}/teams/{team}/members/{user}"), Rule::OrgAdmin},
    {QStringLiteral("GET /api/v1/orgs/{org}/audit"), Rule::OrgAuditor},
    {QStringLiteral("POST /api/v1/orgs/{org}/projects"), Rule::ProjectCreator},
    {QStringLiteral("GET /api/v1/orgs/{org}/projects"), Rule::OrgMember},
    {QStringLiteral("GET /api/v1/projects/{project}"), Rule::ProjectViewer},
    {QStringLiteral("PATCH /api/v1/projects/{project}"), Rule::ProjectAdmin},
    {QStringLiteral("DELETE /api/v1/projects/{project}"), Rule::ProjectAdmin},
    {QStringLiteral("GET /api/v1/projects/{project}/members"), Rule::ProjectViewer},
    {QStringLiteral("PUT /api/v1/projects/{project}/members/{member}"), Rule::ProjectAdmin},
    {QStringLiteral("DELETE /api/v1/projects/{project}/members/{member}"), Rule::ProjectAdmin},
    {QStringLiteral("GET /api/v1/projects/{project}/sync/changes"), Rule::ProjectViewer},
    {QStringLiteral("POST /api/v1/projects/{project}/sync/push"), Rule::ProjectEditor},
    {QStringLiteral("GET /api/v1/orgs/{org}/sync/changes"), Rule::OrgMember},
    {QStringLiteral("POST /api/v1/orgs/{org}/sync/push"), Rule::OrgAdmin},
    {QStringLiteral("POST /api/v1/projects/{project}/blobs/status"), Rule::ProjectViewer},
    {QStringLiteral("PUT /api/v1/projects/{project}/blobs/{sha256}"), Rule::ProjectEditor},
    {QStringLiteral("POST /api/v1/projects/{project}/blobs/batch"), Rule::ProjectEditor},
    {QStringLiteral("POST /api/v1/projects/{project}/blobs/fetch"), Rule::ProjectViewer},
    {QStringLiteral("GET /api/v1/projects/{project}/blobs/{sha256}"), Rule::ProjectViewer},
    {QStringLiteral("POST /api/v1/api-keys"), Rule::PersonInOrg},
    {QStringLiteral("GET /api/v1/api-keys"), Rule::Person},
    {QStringLiteral("DELETE /api/v1/api-keys/{key}"), Rule::OwnKey},
};

// A caller: its token, and its roles in organization A and project P
// (0 none, 1 member/viewer, 2 admin/editor, 3 owner/admin).
struct Caller {
    QString name;
    QString token;
    bool isKey = false;
    int orgRole = 0;
    int projectRole = 0;
    QStringList scopes;
};

const QByteArray kPassword = "the matrix passphrase";
// SHA-256 of no bytes.
constexpr char kEmptySha256[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

} // namespace

class TestAuthorizationMatrix final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_data;
    QString m_databaseUrl;
    std::unique_ptr<ServerProcess> m_server;
    QHash<QString, QString> m_userIds; // name → id
    QHash<QString, QString> m_tokens;  // person → access token
    QList<Caller> m_callers;
    QString m_orgA, m_orgB, m_projectA, m_projectB, m_teamA, m_teamB;
    int m_spare = 0;
    int m_counter = 0;

    QString api(const QString &path) const { return m_server->api(path); }
    QString owner() const { return m_tokens.value(QStringLiteral("owner")); }
    QString unique(const QString &prefix) { return prefix + QString::number(++m_counter); }

    QString login(const QString &name)
    {
        const HttpReply reply = httpRequest("POST", api(QStringLiteral("/auth/login")),
                                            {{QStringLiteral("email"), QString(name + QStringLiteral("@example.org"))}, {QStringLiteral("password"), QString::fromUtf8(kPassword)}});
        return reply.json.value(QStringLiteral("access_token")).toString();
    }

    QString created(const HttpReply &reply, const char *what)
    {
        if (reply.status < 200 || reply.status > 299)
            qFatal("setting up %s failed: %d %s", what, reply.status, reply.body.constData());
        return reply.json.value(QStringLiteral("id")).toString();
    }

    QString newProject(const QString &org, const QString &token, bool withMembers)
    {
        const QString id = created(httpRequest("POST", api(QStringLiteral("/orgs/%1/projects").arg(org)), {{QStringLiteral("name"), unique(QStringLiteral("p"))}}, token),
                                   "a project");
        if (withMembers) {
            httpRequest("PUT", api(QStringLiteral("/projects/%1/members/%2").arg(id, m_userIds.value(QStringLiteral("viewer")))), {{QStringLiteral("role"), QStringLiteral("viewer")}}, token);
            httpRequest("PUT", api(QStringLiteral("/projects/%1/members/%2").arg(id, m_teamA)), {{QStringLiteral("role"), QStringLiteral("editor")}}, token);
            httpRequest("PUT", api(QStringLiteral("/projects/%1/members/%2").arg(id, m_userIds.value(QStringLiteral("projadmin")))), {{QStringLiteral("role"), QStringLiteral("admin")}}, token);
        }
        return id;
    }

    // A user who is in no organization yet (for "add member").
    QString spareEmail() { return QStringLiteral("spare%1@example.org").arg(++m_spare); }

    // The expected status when `caller` is refused; 0 when it is allowed.
    int refusal(Rule rule, const Caller &caller, bool otherOrg) const
    {
        if (caller.token.isEmpty())
            return rule == Rule::Public ? 0 : 401;
        const bool outsider = caller.name == QLatin1String("outsider");
        // In organization B only the outsider (its owner) has a role.
        const int orgRole = otherOrg ? (outsider ? 3 : 0) : caller.orgRole;
        const int projectRole = otherOrg ? (outsider ? 3 : 0) : caller.projectRole;
        switch (rule) {
        case Rule::Public:
        case Rule::SignedIn: return 0;
        case Rule::Person: return caller.isKey ? 403 : 0;
        case Rule::PersonInOrg: return caller.isKey ? 403 : (orgRole == 0 ? 404 : 0);
        case Rule::OwnSession:
        case Rule::OwnKey: return caller.isKey ? 403 : (caller.name == QLatin1String("owner") ? 0 : 404);
        case Rule::OrgMember: return orgRole == 0 ? 404 : 0;
        case Rule::OrgAdmin: return orgRole == 0 ? 404 : (orgRole < 2 ? 403 : 0);
        case Rule::OrgAuditor:
            if (orgRole == 0)
                return 404;
            if (caller.isKey)
                return caller.scopes.contains(QStringLiteral("audit:read")) ? 0 : 403; // the owner is an owner
            return orgRole < 2 ? 403 : 0;
        case Rule::ProjectCreator:
            if (orgRole == 0)
                return 404;
            if (caller.isKey && !caller.scopes.contains(QStringLiteral("project:write")) && !caller.scopes.contains(QStringLiteral("org:admin")))
                return 403;
            return 0;
        case Rule::ProjectViewer: return projectRole == 0 ? 404 : 0;
        case Rule::ProjectEditor: return projectRole == 0 ? 404 : (projectRole < 2 ? 403 : 0);
        case Rule::ProjectAdmin: return projectRole == 0 ? 404 : (projectRole < 3 ? 403 : 0);
        case Rule::PersonWithCode: return caller.isKey ? 403 : 400;
        case Rule::PersonOrgAdmin: return caller.isKey ? 403 : (orgRole == 0 ? 404 : (orgRole < 2 ? 403 : 0));
        }
        return 0;
    }

    struct Call {
        QString path;
        QJsonObject body;
    };

    // The request for one route, aimed at organization A or B; objects a
    // successful call would change or remove are made fresh for it.
    Call prepare(const QString &method, const QString &pattern, bool otherOrg)
    {
        const QString org = otherOrg ? m_orgB : m_orgA;
        const QString orgOwner = otherOrg ? m_tokens.value(QStringLiteral("outsider")) : owner();
        const QString project = otherOrg ? m_projectB : m_projectA;
        const QString team = otherOrg ? m_teamB : m_teamA;
        const QString key = method + QLatin1Char(' ') + pattern;
        QString path = pattern;
        path.replace(QStringLiteral("{org}"), org);
        QJsonObject body;
        if (key == QLatin1String("POST /api/v1/auth/login"))
            // A new unknown email each time: throttling must not change the answer.
            body = {{QStringLiteral("email"), QString(unique(QStringLiteral("nobody")) + QStringLiteral("@example.org"))}, {QStringLiteral("password"), QStringLiteral("wrong but long")}};
        else if (key == QLatin1String("POST /api/v1/auth/refresh"))
            body = {{QStringLiteral("refresh_token"), QStringLiteral("rt_made_up")}};
        else if (key == QLatin1String("POST /api/v1/auth/password/forgot"))
            body = {{QStringLiteral("email"), QString(unique(QStringLiteral("nobody")) + QStringLiteral("@example.org"))}};
        else if (key == QLatin1String("POST /api/v1/auth/password/reset"))
            body = {{QStringLiteral("token"), QStringLiteral("made-up")}, {QStringLiteral("password"), QStringLiteral("a long new passphrase")}};
        else if (key == QLatin1String("POST /api/v1/auth/register"))
            // The server is closed: only a (here made-up) invitation could help.
            body = {{QStringLiteral("email"), QString(unique(QStringLiteral("newcomer")) + QStringLiteral("@example.org"))}, {QStringLiteral("password"), QStringLiteral("a long new passphrase")},
                    {QStringLiteral("name"), QStringLiteral("Newcomer")}, {QStringLiteral("invitation"), QStringLiteral("made-up")}};
        else if (key == QLatin1String("POST /api/v1/auth/verify") || key == QLatin1String("POST /api/v1/invitations/accept"))
            body = {{QStringLiteral("token"), QStringLiteral("made-up")}};
        else if (key == QLatin1String("POST /api/v1/orgs/{org}/invitations"))
            body = {{QStringLiteral("email"), QString(unique(QStringLiteral("invitee")) + QStringLiteral("@example.org"))}, {QStringLiteral("role"), QStringLiteral("member")}};
        else if (key == QLatin1String("DELETE /api/v1/orgs/{org}/invitations/{invitation}"))
            path.replace(QStringLiteral("{invitation}"), created(httpRequest("POST", api(QStringLiteral("/orgs/%1/invitations").arg(org)),
                                                                            {{QStringLiteral("email"), QString(unique(QStringLiteral("invitee")) + QStringLiteral("@example.org"))}}, orgOwner),
                                                                "an invitation"));
        else if (key == QLatin1String("PATCH /api/v1/me"))
            body = {{QStringLiteral("name"), QStringLiteral("Same Name")}};
        else if (key == QLatin1String("POST /api/v1/me/password"))
            // The same password again: later logins in this test still work.
            body = {{QStringLiteral("current"), QString::fromUtf8(kPassword)}, {QStringLiteral("new"), QString::fromUtf8(kPassword)}};
        else if (key == QLatin1String("POST /api/v1/me/totp") || key == QLatin1String("DELETE /api/v1/me/totp"))
            // Set up and never confirmed, or taken away: later logins need no code.
            body = {{QStringLiteral("password"), QString::fromUtf8(kPassword)}};
        else if (key == QLatin1String("POST /api/v1/me/totp/confirm"))
            body = {{QStringLiteral("code"), QStringLiteral("not a code")}};
        else if (key == QLatin1String("DELETE /api/v1/sessions/{session}")) {
            // One of the owner's sessions, made for this call.
            const QString token = login(QStringLiteral("owner"));
            const QJsonArray sessions = httpRequest("GET", api(QStringLiteral("/sessions")), {}, token).json.value(QStringLiteral("sessions")).toArray();
            QString current;
            for (const QJsonValue &session : sessions) {
                if (session.toObject().value(QStringLiteral("current")).toBool())
                    current = session.toObject().value(QStringLiteral("id")).toString();
            }
            path.replace(QStringLiteral("{session}"), current);
        } else if (key == QLatin1String("POST /api/v1/orgs") || key == QLatin1String("POST /api/v1/orgs/{org}/teams") || key == QLatin1String("POST /api/v1/orgs/{org}/projects"))
            body = {{QStringLiteral("name"), unique(QStringLiteral("n"))}};
        else if (key == QLatin1String("POST /api/v1/orgs/{org}/members"))
            body = {{QStringLiteral("email"), spareEmail()}, {QStringLiteral("role"), QStringLiteral("member")}};
        else if (key == QLatin1String("PATCH /api/v1/orgs/{org}/members/{user}")) {
            // Someone with the member role keeps it.
            const QString email = spareEmail();
            const QString id = httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(org)), {{QStringLiteral("email"), email}}, orgOwner).json.value(QStringLiteral("user_id")).toString();
            path.replace(QStringLiteral("{user}"), id);
            body = {{QStringLiteral("role"), QStringLiteral("member")}};
        } else if (key == QLatin1String("DELETE /api/v1/orgs/{org}/members/{user}")) {
            const QString id = httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(org)), {{QStringLiteral("email"), spareEmail()}}, orgOwner).json.value(QStringLiteral("user_id")).toString();
            path.replace(QStringLiteral("{user}"), id);
        } else if (key == QLatin1String("DELETE /api/v1/orgs/{org}/teams/{team}")) {
            path.replace(QStringLiteral("{team}"), created(httpRequest("POST", api(QStringLiteral("/orgs/%1/teams").arg(org)), {{QStringLiteral("name"), unique(QStringLiteral("t"))}}, orgOwner), "a team"));
        } else if (key.contains(QLatin1String("/teams/{team}/members/{user}"))) {
            const QString fresh = created(httpRequest("POST", api(QStringLiteral("/orgs/%1/teams").arg(org)), {{QStringLiteral("name"), unique(QStringLiteral("t"))}}, orgOwner), "a team");
            const QString member = otherOrg ? m_userIds.value(QStringLiteral("outsider")) : m_userIds.value(QStringLiteral("member"));
            if (method == QLatin1String("DELETE"))
                httpRequest("PUT", api(QStringLiteral("/orgs/%1/teams/%2/members/%3").arg(org, fresh, member)), {}, orgOwner);
            path.replace(QStringLiteral("{team}"), fresh).replace(QStringLiteral("{user}"), member);
        } else if (key.startsWith(QLatin1String("PATCH /api/v1/projects/{project}")) || key == QLatin1String("DELETE /api/v1/projects/{project}")
                   || key.contains(QLatin1String("/members/{member}"))) {
            // A project set up like P (or Q), made for this call.
            const QString fresh = otherOrg ? newProject(m_orgB, orgOwner, false) : newProject(m_orgA, owner(), true);
            path.replace(QStringLiteral("{project}"), fresh);
            path.replace(QStringLiteral("{member}"), otherOrg ? m_userIds.value(QStringLiteral("outsider")) : m_userIds.value(QStringLiteral("viewer")));
            if (method == QLatin1String("PATCH"))
                body = {{QStringLiteral("description"), QStringLiteral("changed")}};
            if (method == QLatin1String("PUT"))
                body = {{QStringLiteral("role"), QStringLiteral("editor")}};
        } else if (key == QLatin1String("POST /api/v1/projects/{project}/sync/push") || key == QLatin1String("POST /api/v1/orgs/{org}/sync/push")) {
            body = {{QStringLiteral("client_id"), unique(QStringLiteral("client"))}, {QStringLiteral("mutations"), QJsonArray()}};
        } else if (key == QLatin1String("POST /api/v1/projects/{project}/blobs/status") || key == QLatin1String("POST /api/v1/projects/{project}/blobs/fetch")) {
            // (An empty body is an empty batch for …/blobs/batch.)
            body = {{QStringLiteral("sha256"), QJsonArray{QString::fromLatin1(kEmptySha256)}}};
        } else if (key.contains(QLatin1String("/blobs/{sha256}"))) {
            // The empty content (what a body-less request uploads), which
            // a file of the project refers to for the download.
            path.replace(QStringLiteral("{sha256}"), QString::fromLatin1(kEmptySha256));
            if (method == QLatin1String("PUT")) {
                path += QStringLiteral("?size=0&offset=0");
            } else {
                const QString blob = api(QStringLiteral("/projects/%1/blobs/%2?size=0").arg(project, QString::fromLatin1(kEmptySha256)));
                httpRequest("PUT", blob, {}, orgOwner);
                const QJsonObject file{{QStringLiteral("number"), 1}, {QStringLiteral("table"), QStringLiteral("files")}, {QStringLiteral("key"), QStringLiteral("empty.txt")},
                                       {QStringLiteral("op"), QStringLiteral("upsert")},
                                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("sha256"), QString::fromLatin1(kEmptySha256)}, {QStringLiteral("size"), 0}}}};
                httpRequest("POST", api(QStringLiteral("/projects/%1/sync/push").arg(project)),
                            {{QStringLiteral("client_id"), unique(QStringLiteral("client"))}, {QStringLiteral("mutations"), QJsonArray{file}}}, orgOwner);
            }
        } else if (key == QLatin1String("POST /api/v1/api-keys"))
            body = {{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("org"), org}, {QStringLiteral("scopes"), QJsonArray{QStringLiteral("project:read")}}, {QStringLiteral("expires_in_days"), 7}};
        else if (key == QLatin1String("DELETE /api/v1/api-keys/{key}")) {
            const HttpReply made = httpRequest("POST", api(QStringLiteral("/api-keys")),
                                               {{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("org"), m_orgA}, {QStringLiteral("scopes"), QJsonArray{QStringLiteral("project:read")}}, {QStringLiteral("expires_in_days"), 7}},
                                               owner());
            path.replace(QStringLiteral("{key}"), created(made, "a key"));
        }
        path.replace(QStringLiteral("{project}"), project);
        if (path.startsWith(QLatin1String("/api/v1")))
            path = path.mid(7);
        return {path, body};
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = folder->data;
        m_databaseUrl = folder->databaseUrl;
        const QStringList people{QStringLiteral("owner"), QStringLiteral("orgadmin"), QStringLiteral("member"), QStringLiteral("viewer"),
                                 QStringLiteral("editor"), QStringLiteral("projadmin"), QStringLiteral("outsider")};
        QStringList everyone = people;
        for (int i = 1; i <= 90; ++i)
            everyone.append(QStringLiteral("spare%1").arg(i));
        const QString seeded = ServerProcess::seedUsers(m_data, m_databaseUrl, everyone, kPassword);
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
        m_server = ServerProcess::serve(m_data, m_databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        for (const QString &name : people) {
            m_tokens.insert(name, login(name));
            m_userIds.insert(name, httpRequest("GET", api(QStringLiteral("/me")), {}, m_tokens.value(name)).json.value(QStringLiteral("id")).toString());
        }
        m_orgA = created(httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, owner()), "org A");
        m_orgB = created(httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Other")}}, m_tokens.value(QStringLiteral("outsider"))), "org B");
        const QList<std::pair<QString, QString>> members{{QStringLiteral("orgadmin"), QStringLiteral("admin")}, {QStringLiteral("member"), QStringLiteral("member")},
                                                          {QStringLiteral("viewer"), QStringLiteral("member")}, {QStringLiteral("editor"), QStringLiteral("member")},
                                                          {QStringLiteral("projadmin"), QStringLiteral("member")}};
        for (const auto &[name, role] : members)
            QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgA)), {{QStringLiteral("email"), QString(name + QStringLiteral("@example.org"))}, {QStringLiteral("role"), role}}, owner()).status, 201);
        m_teamA = created(httpRequest("POST", api(QStringLiteral("/orgs/%1/teams").arg(m_orgA)), {{QStringLiteral("name"), QStringLiteral("Editors")}}, owner()), "team A");
        QCOMPARE(httpRequest("PUT", api(QStringLiteral("/orgs/%1/teams/%2/members/%3").arg(m_orgA, m_teamA, m_userIds.value(QStringLiteral("editor")))), {}, owner()).status, 200);
        m_teamB = created(httpRequest("POST", api(QStringLiteral("/orgs/%1/teams").arg(m_orgB)), {{QStringLiteral("name"), QStringLiteral("B team")}}, m_tokens.value(QStringLiteral("outsider"))), "team B");
        m_projectA = newProject(m_orgA, owner(), true);
        m_projectB = newProject(m_orgB, m_tokens.value(QStringLiteral("outsider")), false);

        m_callers = {{QStringLiteral("anonymous"), {}, false, 0, 0, {}},
                     {QStringLiteral("owner"), owner(), false, 3, 3, {}},
                     {QStringLiteral("orgadmin"), m_tokens.value(QStringLiteral("orgadmin")), false, 2, 3, {}},
                     {QStringLiteral("member"), m_tokens.value(QStringLiteral("member")), false, 1, 0, {}},
                     {QStringLiteral("viewer"), m_tokens.value(QStringLiteral("viewer")), false, 1, 1, {}},
                     {QStringLiteral("editor"), m_tokens.value(QStringLiteral("editor")), false, 1, 2, {}},
                     {QStringLiteral("projadmin"), m_tokens.value(QStringLiteral("projadmin")), false, 1, 3, {}},
                     {QStringLiteral("outsider"), m_tokens.value(QStringLiteral("outsider")), false, 0, 0, {}}};
        // The owner's keys: each is capped by its scopes alone.
        const QList<std::tuple<QString, QString, int, int>> keys{{QStringLiteral("project:read"), QStringLiteral("key-read"), 1, 1},
                                                                  {QStringLiteral("project:write"), QStringLiteral("key-write"), 1, 2},
                                                                  {QStringLiteral("org:admin"), QStringLiteral("key-orgadmin"), 2, 3},
                                                                  {QStringLiteral("audit:read"), QStringLiteral("key-audit"), 1, 0}};
        for (const auto &[scope, name, orgRole, projectRole] : keys) {
            const HttpReply made = httpRequest("POST", api(QStringLiteral("/api-keys")),
                                               {{QStringLiteral("name"), name}, {QStringLiteral("org"), m_orgA}, {QStringLiteral("scopes"), QJsonArray{scope}}, {QStringLiteral("expires_in_days"), 30}},
                                               owner());
            QCOMPARE(made.status, 201);
            m_callers.append({name, made.json.value(QStringLiteral("key")).toString(), true, orgRole, projectRole, {scope}});
        }
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void everyRouteHasARule()
    {
        const QJsonObject paths = httpRequest("GET", m_server->api(QStringLiteral("/openapi.json"))).json.value(QStringLiteral("paths")).toObject();
        QVERIFY(paths.size() > 10);
        QStringList missing;
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
                const QString key = operation.key().toUpper() + QLatin1Char(' ') + path.key();
                if (!kRules.contains(key))
                    missing.append(key);
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("routes without a rule in the matrix: ") + missing.join(QStringLiteral(", "))));
    }

    void everyCallerGetsWhatItsRolesAllow()
    {
        const QJsonObject paths = httpRequest("GET", m_server->api(QStringLiteral("/openapi.json"))).json.value(QStringLiteral("paths")).toObject();
        QStringList failures;
        int checked = 0;
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
                const QByteArray method = operation.key().toUpper().toLatin1();
                const QString pattern = path.key();
                const Rule rule = kRules.value(QString::fromLatin1(method) + QLatin1Char(' ') + pattern, Rule::Public);
                const bool perOrg = pattern.contains(QLatin1String("{org}")) || pattern.contains(QLatin1String("{project}"));
                QList<int> publicStatuses;
                for (const Caller &caller : std::as_const(m_callers)) {
                    for (bool otherOrg : perOrg ? QList<bool>{false, true} : QList<bool>{false}) {
                        const Call call = prepare(QString::fromLatin1(method), pattern, otherOrg);
                        const QString url = pattern.startsWith(QLatin1String("/api/v1")) ? api(call.path) : m_server->url() + call.path;
                        // Signing out ends the session: use one made for it.
                        const bool signsOut = pattern == QLatin1String("/api/v1/auth/logout") && !caller.isKey && !caller.token.isEmpty();
                        const HttpReply reply = httpRequest(method, url, call.body, signsOut ? login(caller.name) : caller.token);
                        const int expectedRefusal = refusal(rule, caller, otherOrg);
                        ++checked;
                        const QString what = QStringLiteral("%1 %2 as %3%4: got %5 %6").arg(QString::fromLatin1(method), pattern, caller.name,
                                                                                          otherOrg ? QStringLiteral(" (other org)") : QString())
                                                 .arg(reply.status)
                                                 .arg(QString::fromUtf8(reply.body.left(160)));
                        if (rule == Rule::Public) {
                            publicStatuses.append(reply.status);
                            if (reply.status >= 500 || reply.status == 403)
                                failures.append(what);
                        } else if (expectedRefusal != 0 && reply.status != expectedRefusal) {
                            failures.append(what + QStringLiteral(" (expected %1)").arg(expectedRefusal));
                        } else if (expectedRefusal == 0 && (reply.status < 200 || reply.status > 299)) {
                            failures.append(what + QStringLiteral(" (expected success)"));
                        }
                    }
                }
                // A public route answers everyone alike (metrics count, so only the status).
                if (!publicStatuses.isEmpty() && QSet<int>(publicStatuses.begin(), publicStatuses.end()).size() != 1)
                    failures.append(QStringLiteral("%1 %2 answers differently depending on who asks").arg(QString::fromLatin1(method), pattern));
            }
        }
        qInfo("%d calls checked", checked);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationMatrix)
#include "tst_authorizationmatrix.moc"
