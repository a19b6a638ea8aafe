// SPDX-License-Identifier: GPL-3.0-or-later
// Sync as people use it: realm-cli workspaces of Alice, Bob and Carol and a
// real realm-server on 127.0.0.1, on SQLite (tst_syncclient) and
// PostgreSQL (tst_syncclient_postgresql). A project imported from a folder
// is shared and cloned into a checkout folder; edits made in either folder
// travel by refresh and sync, file for file; overlapping edits keep both
// sides (a conflict copy); an edit made in a folder but not yet refreshed
// is merged, never overwritten; a pull that would delete most files stops;
// a viewer's changes stay local; a removed member keeps the local copy; a
// lazy clone downloads contents when asked.
#include "projects/projectstore.h"
#include "serverprocess.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Realm;
using namespace Realm::Test;

namespace {

const QByteArray kPassword = "a long enough passphrase";

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &file)
{
    QFile in(file);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

// A person with a workspace of their own and an API key for the server.
struct Member {
    explicit Member(QString who) : name(std::move(who)) {}
    QString name;
    std::unique_ptr<QTemporaryDir> home = std::make_unique<QTemporaryDir>();
    QString key;

    QString workspace() const { return home->filePath(QStringLiteral("workspace.realm")); }
    QString folder(const QString &name) const { return home->filePath(name); }
};

// Lines numbered 1…`count`, for edits in the middle that merge.
QByteArray numberedLines(int count)
{
    QByteArray text;
    for (int i = 1; i <= count; ++i)
        text += "line " + QByteArray::number(i) + '\n';
    return text;
}

} // namespace

class TestSyncClient final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerProcess> m_server;
    TestDataFolder m_data;
    QString m_orgId;
    QString m_aliceToken;
    Member m_alice = Member(QStringLiteral("alice"));
    Member m_bob = Member(QStringLiteral("bob"));
    Member m_carol = Member(QStringLiteral("carol"));

    QString api(const QString &path) const { return m_server->api(path); }

    // realm-cli as `member`, in their workspace, with their key.
    int cli(const Member &member, const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr) const
    {
        return runCliAs(member.name, member.workspace(), m_server->url(), member.key, arguments, out, err);
    }

    bool sync(const Member &member, const QString &project = {})
    {
        QStringList arguments{QStringLiteral("sync")};
        if (!project.isEmpty())
            arguments << project;
        return cli(member, arguments) == 0;
    }

    bool refresh(const Member &member, const QString &project) { return cli(member, {QStringLiteral("project"), QStringLiteral("refresh"), project}) == 0; }

    // path → SHA-256 of a project's files in `member`'s workspace.
    static QMap<QString, QString> projectFiles(const Member &member, const QString &project)
    {
        QMap<QString, QString> files;
        Result<Storage::DatabasePtr> db = Workspace::open(member.workspace());
        if (!db) {
            qWarning("cannot open %s: %s", qPrintable(member.workspace()), qPrintable(db.error().message));
            return files;
        }
        Projects::ProjectStore store(*db);
        Result<Projects::Project> found = store.find(project);
        if (!found)
            return files;
        Result<QList<Projects::ProjectFile>> listed = store.files(found->id);
        if (listed)
            for (const Projects::ProjectFile &file : std::as_const(*listed))
                files.insert(file.path, QString::fromLatin1(file.sha256.toHex()));
        return files;
    }

    // `realm-cli sync status --json` of one project.
    QJsonObject status(const Member &member, const QString &project) const
    {
        QByteArray out;
        if (cli(member, {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}, &out) != 0)
            return {};
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value(QStringLiteral("project")).toString() == project)
                return entry;
        }
        return {};
    }

    QString login(const QString &name) const { return signIn(*m_server, name + QStringLiteral("@example.org"), kPassword); }

    // Alice's key may also give roles (org:admin: she owns Acme).
    QString apiKey(const QString &name) const
    {
        QJsonArray scopes{QStringLiteral("project:read"), QStringLiteral("project:write")};
        if (name == QLatin1String("alice"))
            scopes.append(QStringLiteral("org:admin"));
        return createApiKey(*m_server, login(name), QStringLiteral("Acme"), scopes);
    }

    // Alice, who shared `project`, gives `email` a role in it.
    bool giveRole(const QString &project, const QString &email, const QString &role) const
    {
        return cli(m_alice, {QStringLiteral("project"), QStringLiteral("share"), project, QStringLiteral("--user"), email, QStringLiteral("--role"), role}) == 0;
    }

    // Alice imports `files` from a folder of hers as `project` and shares
    // it; Bob (an editor) clones it into a checkout folder. The server's id.
    QString shareWithBob(const QString &project, const QMap<QString, QByteArray> &files)
    {
        const QString source = m_alice.folder(project);
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            writeFile(source, it.key(), it.value());
        if (cli(m_alice, {QStringLiteral("project"), QStringLiteral("import"), source, QStringLiteral("--name"), project}) != 0)
            return {};
        QByteArray out;
        if (cli(m_alice, {QStringLiteral("project"), QStringLiteral("share"), project, QStringLiteral("--org"), QStringLiteral("Acme")}, &out) != 0)
            return {};
        const QString id = QString::fromUtf8(out).trimmed().section(QLatin1Char('\n'), -1);
        if (!giveRole(project, QStringLiteral("bob@example.org"), QStringLiteral("editor")))
            return {};
        if (cli(m_bob, {QStringLiteral("project"), QStringLiteral("clone"), id, QStringLiteral("--checkout"), m_bob.folder(project)}) != 0)
            return {};
        return id;
    }

    // Stops the server and starts it again on the same address (the links
    // of the workspaces name it); with `crashAt`, armed to kill itself with
    // SIGKILL at that point (core/common/crashpoint.h).
    bool restartServer(const char *crashAt = nullptr) { return Test::restartServer(m_server, m_data, crashAt); }

    // A project's history in a member's workspace, oldest first.
    QList<QJsonObject> versions(const Member &member, const QString &project) const
    {
        QByteArray out;
        if (cli(member, {QStringLiteral("project"), QStringLiteral("versions"), project, QStringLiteral("--json")}, &out) != 0)
            return {};
        QList<QJsonObject> list;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list.append(QJsonDocument::fromJson(line).object());
        return list;
    }

    // The seq of a member's cursor of a project ("EPOCH:SEQ").
    qint64 cursorSeq(const Member &member, const QString &project) const
    {
        return status(member, project).value(QStringLiteral("cursor")).toString().section(QLatin1Char(':'), -1).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<TestDataFolder> folder = ServerProcess::initDataFolder(m_folder, &why);
        QVERIFY2(folder, qPrintable(why));
        m_data = *folder;
        for (const char *name : {"Alice", "Bob", "Carol"}) {
            const QString person = QString::fromLatin1(name);
            const ServerProcess::Outcome added =
                ServerProcess::addUser(folder->data, folder->databaseUrl, person.toLower() + QStringLiteral("@example.org"), person, kPassword);
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        m_server = ServerProcess::serve(folder->data, folder->databaseUrl, &why);
        QVERIFY2(m_server, qPrintable(why));
        m_aliceToken = login(QStringLiteral("alice"));
        const HttpReply org = httpRequest("POST", api(QStringLiteral("/orgs")), {{QStringLiteral("name"), QStringLiteral("Acme")}}, m_aliceToken);
        QCOMPARE(org.status, 201);
        m_orgId = org.json.value(QStringLiteral("id")).toString();
        for (const char *email : {"bob@example.org", "carol@example.org"})
            QCOMPARE(httpRequest("POST", api(QStringLiteral("/orgs/%1/members").arg(m_orgId)),
                                 {{QStringLiteral("email"), QString::fromLatin1(email)}, {QStringLiteral("role"), QStringLiteral("member")}}, m_aliceToken)
                         .status,
                     201);
        for (Member *member : {&m_alice, &m_bob, &m_carol}) {
            QVERIFY(member->home->isValid());
            member->key = apiKey(member->name);
            QVERIFY(!member->key.isEmpty());
        }
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }

    void aSharedProjectIsClonedFileForFile()
    {
        QByteArray binary(70000, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 7919) % 251);
        const QMap<QString, QByteArray> files{{QStringLiteral("README.md"), "# Rocket\n"},
                                              {QStringLiteral("src/main.cpp"), "int main()\n{\n    return 0;\n}\n"},
                                              {QStringLiteral("assets/logo.bin"), binary},
                                              {QStringLiteral("docs/ünïcode.txt"), "ü\n"}};
        const QString id = shareWithBob(QStringLiteral("rocket"), files);
        QVERIFY(!id.isEmpty());

        const QMap<QString, QString> alices = projectFiles(m_alice, QStringLiteral("rocket"));
        QCOMPARE(alices.size(), files.size());
        QCOMPARE(projectFiles(m_bob, QStringLiteral("rocket")), alices);
        // The checkout folder holds the same files, byte for byte.
        QCOMPARE(filesUnder(m_bob.folder(QStringLiteral("rocket"))), filesUnder(m_alice.folder(QStringLiteral("rocket"))));

        const QJsonObject bobs = status(m_bob, QStringLiteral("rocket"));
        QCOMPARE(bobs.value(QStringLiteral("server_project_id")).toString(), id);
        QCOMPARE(bobs.value(QStringLiteral("state")).toString(), QStringLiteral("shared"));
        QCOMPARE(bobs.value(QStringLiteral("pending")).toInteger(), 0);
        QVERIFY(!bobs.value(QStringLiteral("cursor")).toString().isEmpty());
        QCOMPARE(status(m_alice, QStringLiteral("rocket")).value(QStringLiteral("pending")).toInteger(), 0);

        // Who has which role, as Alice (the project's admin) sees it.
        QByteArray members;
        QCOMPARE(cli(m_alice, {QStringLiteral("project"), QStringLiteral("members"), QStringLiteral("rocket"), QStringLiteral("--json")}, &members), 0);
        QMap<QString, QString> roles;
        for (const QByteArray &line : members.split('\n'))
            if (!line.trimmed().isEmpty())
                roles.insert(QJsonDocument::fromJson(line).object().value(QStringLiteral("name")).toString(),
                             QJsonDocument::fromJson(line).object().value(QStringLiteral("role")).toString());
        QCOMPARE(roles.value(QStringLiteral("bob@example.org")), QStringLiteral("editor"));
        QCOMPARE(roles.value(QStringLiteral("alice@example.org")), QStringLiteral("admin"));
        QByteArray err;
        QCOMPARE(cli(m_alice, {QStringLiteral("project"), QStringLiteral("share"), QStringLiteral("rocket"), QStringLiteral("--user"),
                               QStringLiteral("bob@example.org"), QStringLiteral("--role"), QStringLiteral("owner")},
                     nullptr, &err),
                 2);
        QVERIFY2(err.contains("viewer, editor or admin"), err.constData());

        // Nothing changed: a sync sends and receives nothing.
        QByteArray out;
        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), QStringLiteral("rocket"), QStringLiteral("--json")}, &out), 0);
        const QJsonObject report = QJsonDocument::fromJson(out).object();
        QCOMPARE(report.value(QStringLiteral("sent")).toInteger(), 0);
        QCOMPARE(report.value(QStringLiteral("received")).toInteger(), 0);
    }

    void editsInBothFoldersMeetOnEveryMachine()
    {
        const QString id = shareWithBob(QStringLiteral("meet"), {{QStringLiteral("a.txt"), "a\n"}, {QStringLiteral("b.txt"), "b\n"}, {QStringLiteral("c.txt"), "c\n"}});
        QVERIFY(!id.isEmpty());
        const QString alices = m_alice.folder(QStringLiteral("meet"));
        const QString bobs = m_bob.folder(QStringLiteral("meet"));

        writeFile(alices, QStringLiteral("a.txt"), "a, by Alice\n");
        writeFile(alices, QStringLiteral("new/alice.txt"), "new\n");
        QVERIFY(refresh(m_alice, QStringLiteral("meet")));
        QVERIFY(sync(m_alice, QStringLiteral("meet")));

        writeFile(bobs, QStringLiteral("b.txt"), "b, by Bob\n");
        QVERIFY(QFile::remove(bobs + QStringLiteral("/c.txt")));
        QVERIFY(refresh(m_bob, QStringLiteral("meet")));
        QVERIFY(sync(m_bob, QStringLiteral("meet")));
        QVERIFY(sync(m_alice, QStringLiteral("meet")));

        const QMap<QString, QString> expected{{QStringLiteral("a.txt"), sha256Of("a, by Alice\n")},
                                              {QStringLiteral("b.txt"), sha256Of("b, by Bob\n")},
                                              {QStringLiteral("new/alice.txt"), sha256Of("new\n")}};
        QCOMPARE(projectFiles(m_alice, QStringLiteral("meet")), expected);
        QCOMPARE(projectFiles(m_bob, QStringLiteral("meet")), expected);
        // The pulls wrote into both folders: a refresh now changes nothing.
        QCOMPARE(filesUnder(alices), expected);
        QCOMPARE(filesUnder(bobs), expected);
        QVERIFY(refresh(m_bob, QStringLiteral("meet")));
        QCOMPARE(status(m_bob, QStringLiteral("meet")).value(QStringLiteral("pending")).toInteger(), 0);
    }

    void overlappingEditsKeepBothSides()
    {
        const QByteArray original = numberedLines(5);
        const QString id = shareWithBob(QStringLiteral("clash"), {{QStringLiteral("src/main.c"), original}});
        QVERIFY(!id.isEmpty());
        QByteArray alices = original;
        alices.replace("line 3\n", "line 3, as Alice has it\n");
        QByteArray bobs = original;
        bobs.replace("line 3\n", "line 3, as Bob has it\n");
        writeFile(m_alice.folder(QStringLiteral("clash")), QStringLiteral("src/main.c"), alices);
        writeFile(m_bob.folder(QStringLiteral("clash")), QStringLiteral("src/main.c"), bobs);
        QVERIFY(refresh(m_alice, QStringLiteral("clash")));
        QVERIFY(refresh(m_bob, QStringLiteral("clash")));
        QVERIFY(sync(m_alice, QStringLiteral("clash")));

        QByteArray out;
        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), QStringLiteral("clash"), QStringLiteral("--json")}, &out), 0);
        const QJsonArray conflicts = QJsonDocument::fromJson(out).object().value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        const QString copy = conflicts.first().toString();
        QVERIFY2(copy.startsWith(QLatin1String("src/main (conflict, Bob, ")) && copy.endsWith(QLatin1String(").c")), qPrintable(copy));
        QVERIFY(sync(m_alice, QStringLiteral("clash")));

        // Alice's edit came first and keeps the name; Bob's is the copy.
        const QMap<QString, QString> expected{{QStringLiteral("src/main.c"), sha256Of(alices)}, {copy, sha256Of(bobs)}};
        QCOMPARE(projectFiles(m_alice, QStringLiteral("clash")), expected);
        QCOMPARE(projectFiles(m_bob, QStringLiteral("clash")), expected);
        QCOMPARE(filesUnder(m_bob.folder(QStringLiteral("clash"))), expected);
        QCOMPARE(filesUnder(m_alice.folder(QStringLiteral("clash"))), expected);

        // Bob lists the conflict and keeps his side, for everyone.
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("conflicts"), QStringLiteral("clash"), QStringLiteral("--json")}, &out), 0);
        const QJsonObject listed = QJsonDocument::fromJson(out.trimmed()).object();
        QCOMPARE(listed.value(QStringLiteral("path")).toString(), QStringLiteral("src/main.c"));
        QCOMPARE(listed.value(QStringLiteral("copy_path")).toString(), copy);
        QCOMPARE(listed.value(QStringLiteral("who")).toString(), QStringLiteral("Bob"));
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("resolve"), QStringLiteral("clash"), QStringLiteral("src/main.c"), QStringLiteral("--keep"),
                             QStringLiteral("sideways")}),
                 2);
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("resolve"), QStringLiteral("clash"), QStringLiteral("src/main.c"), QStringLiteral("--keep"),
                             QStringLiteral("mine")}),
                 0);
        QVERIFY(sync(m_bob, QStringLiteral("clash")));
        QVERIFY(sync(m_alice, QStringLiteral("clash")));
        const QMap<QString, QString> resolved{{QStringLiteral("src/main.c"), sha256Of(bobs)}};
        QCOMPARE(projectFiles(m_alice, QStringLiteral("clash")), resolved);
        QCOMPARE(filesUnder(m_alice.folder(QStringLiteral("clash"))), resolved);
        QCOMPARE(filesUnder(m_bob.folder(QStringLiteral("clash"))), resolved);
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("conflicts"), QStringLiteral("clash")}, &out), 0);
        QVERIFY(out.trimmed().isEmpty());
    }

    void anEditNotYetRefreshedIsMergedNotOverwritten()
    {
        const QByteArray original = numberedLines(9);
        const QString id = shareWithBob(QStringLiteral("merge"), {{QStringLiteral("notes.txt"), original}});
        QVERIFY(!id.isEmpty());
        QByteArray alices = original;
        alices.replace("line 8\n", "line 8 (Alice)\n");
        writeFile(m_alice.folder(QStringLiteral("merge")), QStringLiteral("notes.txt"), alices);
        QVERIFY(refresh(m_alice, QStringLiteral("merge")));
        QVERIFY(sync(m_alice, QStringLiteral("merge")));

        // Bob edits the file in his folder and syncs before refreshing:
        // his edit stays in the folder…
        QByteArray bobs = original;
        bobs.replace("line 2\n", "line 2 (Bob)\n");
        const QString bobsFile = m_bob.folder(QStringLiteral("merge")) + QStringLiteral("/notes.txt");
        writeFile(m_bob.folder(QStringLiteral("merge")), QStringLiteral("notes.txt"), bobs);
        QVERIFY(sync(m_bob, QStringLiteral("merge")));
        QCOMPARE(readFile(bobsFile), bobs);
        // …and his refresh sends it as made on the original, so the server
        // merges the two.
        QVERIFY(refresh(m_bob, QStringLiteral("merge")));
        QVERIFY(sync(m_bob, QStringLiteral("merge")));
        QVERIFY(sync(m_alice, QStringLiteral("merge")));
        QByteArray both = original;
        both.replace("line 2\n", "line 2 (Bob)\n").replace("line 8\n", "line 8 (Alice)\n");
        const QMap<QString, QString> expected{{QStringLiteral("notes.txt"), sha256Of(both)}};
        QCOMPARE(projectFiles(m_bob, QStringLiteral("merge")), expected);
        QCOMPARE(projectFiles(m_alice, QStringLiteral("merge")), expected);
        QCOMPARE(readFile(bobsFile), both);
        QCOMPARE(readFile(m_alice.folder(QStringLiteral("merge")) + QStringLiteral("/notes.txt")), both);
    }

    void aFolderLeftAsItIsSendsOnlyItsOwnChanges()
    {
        const QByteArray original = numberedLines(9);
        const QString id = shareWithBob(QStringLiteral("kept"), {{QStringLiteral("notes.txt"), original}, {QStringLiteral("a.txt"), "a\n"}});
        QVERIFY(!id.isEmpty());
        const QString bobs = m_bob.folder(QStringLiteral("kept"));
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("kept"), QStringLiteral("--folder-updates"), QStringLiteral("maybe")}), 2);
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("kept"), QStringLiteral("--folder-updates"), QStringLiteral("off")}), 0);
        QByteArray out;
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("kept"), QStringLiteral("--json")}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("folder_updates")), QJsonValue(false));

        // Alice's changes reach Bob's project, not his folder…
        QByteArray alices = original;
        alices.replace("line 2\n", "line 2 (Alice)\n");
        writeFile(m_alice.folder(QStringLiteral("kept")), QStringLiteral("notes.txt"), alices);
        QVERIFY(QFile::remove(m_alice.folder(QStringLiteral("kept")) + QStringLiteral("/a.txt")));
        QVERIFY(refresh(m_alice, QStringLiteral("kept")));
        QVERIFY(sync(m_alice, QStringLiteral("kept")));
        QVERIFY(sync(m_bob, QStringLiteral("kept")));
        QCOMPARE(projectFiles(m_bob, QStringLiteral("kept")), projectFiles(m_alice, QStringLiteral("kept")));
        QCOMPARE(filesUnder(bobs), (QMap<QString, QString>{{QStringLiteral("notes.txt"), sha256Of(original)}, {QStringLiteral("a.txt"), sha256Of("a\n")}}));
        // …and his refresh does not take them back.
        QVERIFY(refresh(m_bob, QStringLiteral("kept")));
        QCOMPARE(status(m_bob, QStringLiteral("kept")).value(QStringLiteral("pending")).toInteger(), 0);

        // His edit of the older copy is merged with hers.
        QByteArray bobsEdit = original;
        bobsEdit.replace("line 8\n", "line 8 (Bob)\n");
        writeFile(bobs, QStringLiteral("notes.txt"), bobsEdit);
        QVERIFY(refresh(m_bob, QStringLiteral("kept")));
        QVERIFY(sync(m_bob, QStringLiteral("kept")));
        QVERIFY(sync(m_alice, QStringLiteral("kept")));
        QByteArray both = original;
        both.replace("line 2\n", "line 2 (Alice)\n").replace("line 8\n", "line 8 (Bob)\n");
        const QMap<QString, QString> expected{{QStringLiteral("notes.txt"), sha256Of(both)}};
        QCOMPARE(projectFiles(m_alice, QStringLiteral("kept")), expected);
        QCOMPARE(projectFiles(m_bob, QStringLiteral("kept")), expected);
        QCOMPARE(readFile(bobs + QStringLiteral("/notes.txt")), bobsEdit);

        // Turned back on, his folder gets the project.
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("kept"), QStringLiteral("--folder-updates"), QStringLiteral("on")}, &out), 0);
        QVERIFY2(out.contains("2 files written or removed"), out.constData());
        QCOMPARE(filesUnder(bobs), expected);
    }

    void aPullThatDeletesMostFilesStopsUnlessAllowed()
    {
        const QString id = shareWithBob(QStringLiteral("purge"), {{QStringLiteral("1.txt"), "1\n"},
                                                                 {QStringLiteral("2.txt"), "2\n"},
                                                                 {QStringLiteral("3.txt"), "3\n"},
                                                                 {QStringLiteral("4.txt"), "4\n"}});
        QVERIFY(!id.isEmpty());
        const QString alices = m_alice.folder(QStringLiteral("purge"));
        for (const char *name : {"1.txt", "2.txt", "3.txt"})
            QVERIFY(QFile::remove(alices + QLatin1Char('/') + QLatin1String(name)));
        QVERIFY(refresh(m_alice, QStringLiteral("purge")));
        QVERIFY(sync(m_alice, QStringLiteral("purge")));

        QByteArray out, err;
        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), QStringLiteral("purge")}, &out, &err), 4);
        QVERIFY2(err.contains("would delete 3 of the 4 files") && err.contains("--allow-mass-delete"), err.constData());
        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), QStringLiteral("purge"), QStringLiteral("--json")}, &out), 4);
        const QJsonObject held = QJsonDocument::fromJson(out).object();
        QCOMPARE(held.value(QStringLiteral("deletes_held")).toInteger(), 3);
        QVERIFY(held.value(QStringLiteral("error")).toString().contains(QStringLiteral("would delete")));
        QCOMPARE(projectFiles(m_bob, QStringLiteral("purge")).size(), 4);
        QCOMPARE(filesUnder(m_bob.folder(QStringLiteral("purge"))).size(), 4);

        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), QStringLiteral("purge"), QStringLiteral("--allow-mass-delete")}), 0);
        const QMap<QString, QString> expected{{QStringLiteral("4.txt"), sha256Of("4\n")}};
        QCOMPARE(projectFiles(m_bob, QStringLiteral("purge")), expected);
        QCOMPARE(filesUnder(m_bob.folder(QStringLiteral("purge"))), expected);
    }

    void aViewersChangesStayLocalAndTheTeamsStillArrive()
    {
        const QString id = shareWithBob(QStringLiteral("view"), {{QStringLiteral("a.txt"), "a\n"}});
        QVERIFY(!id.isEmpty());
        QVERIFY(giveRole(QStringLiteral("view"), QStringLiteral("carol@example.org"), QStringLiteral("viewer")));
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("clone"), id, QStringLiteral("--checkout"), m_carol.folder(QStringLiteral("view"))}), 0);
        const QString carols = m_carol.folder(QStringLiteral("view"));
        writeFile(carols, QStringLiteral("a.txt"), "a, as Carol would have it\n");
        QVERIFY(refresh(m_carol, QStringLiteral("view")));

        QByteArray out;
        QCOMPARE(cli(m_carol, {QStringLiteral("sync"), QStringLiteral("view")}, &out), 0);
        QVERIFY2(out.contains("kept here"), out.constData());
        const QJsonObject carolsStatus = status(m_carol, QStringLiteral("view"));
        QCOMPARE(carolsStatus.value(QStringLiteral("state")).toString(), QStringLiteral("read_only"));
        QCOMPARE(carolsStatus.value(QStringLiteral("pending")).toInteger(), 1);

        // The team's changes still reach her; her own edit stays as it is.
        writeFile(m_alice.folder(QStringLiteral("view")), QStringLiteral("b.txt"), "b\n");
        QVERIFY(refresh(m_alice, QStringLiteral("view")));
        QVERIFY(sync(m_alice, QStringLiteral("view")));
        QVERIFY(sync(m_carol, QStringLiteral("view")));
        const QMap<QString, QString> carolsFiles = projectFiles(m_carol, QStringLiteral("view"));
        QCOMPARE(carolsFiles.value(QStringLiteral("b.txt")), sha256Of("b\n"));
        QCOMPARE(carolsFiles.value(QStringLiteral("a.txt")), sha256Of("a, as Carol would have it\n"));
        QCOMPARE(readFile(carols + QStringLiteral("/a.txt")), QByteArray("a, as Carol would have it\n"));
        // Nobody else saw it.
        QVERIFY(sync(m_bob, QStringLiteral("view")));
        QCOMPARE(projectFiles(m_bob, QStringLiteral("view")).value(QStringLiteral("a.txt")), sha256Of("a\n"));
    }

    void aLazyCloneDownloadsContentsWhenAsked()
    {
        // Over 256 KiB: fetched by ranges, not in a batch.
        QByteArray big(300 * 1024, 'x');
        const QString id = shareWithBob(QStringLiteral("lazy"), {{QStringLiteral("a.txt"), "alpha\n"}, {QStringLiteral("src/b.txt"), "beta\n"},
                                                               {QStringLiteral("big.txt"), big}});
        QVERIFY(!id.isEmpty());
        QVERIFY(giveRole(QStringLiteral("lazy"), QStringLiteral("carol@example.org"), QStringLiteral("editor")));
        QByteArray out;
        QByteArray err;
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("clone"), id, QStringLiteral("--contents"), QStringLiteral("sometimes")}, &out, &err), 2);
        QVERIFY2(err.contains("--contents takes eager or lazy"), err.constData());
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("clone"), id, QStringLiteral("--contents"), QStringLiteral("lazy")}, &out), 0);
        QVERIFY2(out.contains("downloaded when needed"), out.constData());
        QCOMPARE(projectFiles(m_carol, QStringLiteral("lazy")), projectFiles(m_alice, QStringLiteral("lazy")));
        const auto shown = [&]() {
            QByteArray json;
            return cli(m_carol, {QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("lazy"), QStringLiteral("--json")}, &json) == 0
                       ? QJsonDocument::fromJson(json).object()
                       : QJsonObject();
        };
        QCOMPARE(shown().value(QStringLiteral("contents")).toString(), QStringLiteral("lazy"));
        QCOMPARE(shown().value(QStringLiteral("files_not_downloaded")).toInteger(), 3);

        // A file not downloaded says so, and how to get it.
        QCOMPARE(cli(m_carol, {QStringLiteral("cat"), QStringLiteral("lazy"), QStringLiteral("a.txt")}, &out, &err), 3);
        QVERIFY2(err.contains("not been downloaded") && err.contains("realm-cli project fetch"), err.constData());
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("fetch"), QStringLiteral("lazy"), QStringLiteral("a.txt")}, &out), 0);
        QVERIFY2(out.contains("downloaded 1 file content(s)"), out.constData());
        QCOMPARE(cli(m_carol, {QStringLiteral("cat"), QStringLiteral("lazy"), QStringLiteral("a.txt")}, &out), 0);
        QCOMPARE(out, QByteArray("alpha\n"));

        // A teammate's change arrives listed, not downloaded.
        writeFile(m_alice.folder(QStringLiteral("lazy")), QStringLiteral("a.txt"), "alpha, changed\n");
        QVERIFY(refresh(m_alice, QStringLiteral("lazy")));
        QVERIFY(sync(m_alice, QStringLiteral("lazy")));
        QVERIFY(sync(m_carol, QStringLiteral("lazy")));
        QCOMPARE(projectFiles(m_carol, QStringLiteral("lazy")), projectFiles(m_alice, QStringLiteral("lazy")));
        QCOMPARE(shown().value(QStringLiteral("files_not_downloaded")).toInteger(), 3);

        // Everything at once, by batch and by ranges.
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("fetch"), QStringLiteral("lazy"), QStringLiteral("--json")}, &out), 0);
        const QJsonObject fetched = QJsonDocument::fromJson(out).object();
        QCOMPARE(fetched.value(QStringLiteral("fetched")).toInteger(), 3);
        QCOMPARE(fetched.value(QStringLiteral("downloaded_bytes")).toInteger(), qint64(big.size() + QByteArray("alpha, changed\nbeta\n").size()));
        QCOMPARE(cli(m_carol, {QStringLiteral("cat"), QStringLiteral("lazy"), QStringLiteral("big.txt")}, &out), 0);
        QCOMPARE(sha256Of(out), sha256Of(big));
        QCOMPARE(shown().value(QStringLiteral("files_not_downloaded")).toInteger(), 0);

        // Eager again: the next sync downloads what arrives.
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("lazy"), QStringLiteral("--contents"), QStringLiteral("eager")}), 0);
        writeFile(m_alice.folder(QStringLiteral("lazy")), QStringLiteral("src/b.txt"), "beta, changed\n");
        QVERIFY(refresh(m_alice, QStringLiteral("lazy")));
        QVERIFY(sync(m_alice, QStringLiteral("lazy")));
        QVERIFY(sync(m_carol, QStringLiteral("lazy")));
        QCOMPARE(shown().value(QStringLiteral("contents")).toString(), QStringLiteral("eager"));
        QCOMPARE(shown().value(QStringLiteral("files_not_downloaded")).toInteger(), 0);
        QCOMPARE(cli(m_carol, {QStringLiteral("cat"), QStringLiteral("lazy"), QStringLiteral("src/b.txt")}, &out), 0);
        QCOMPARE(out, QByteArray("beta, changed\n"));

        // Bob's checkout folder gets the team's changes: it needs them all.
        QCOMPARE(cli(m_bob, {QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("lazy"), QStringLiteral("--contents"), QStringLiteral("lazy")}, &out, &err), 4);
        QVERIFY2(err.contains("--folder-updates off"), err.constData());
    }

    // Docs and exports of a lazy clone download what they read first: the
    // live files for docs and an archive, the history too for Git.
    void aLazyCloneDownloadsBeforeDocsAndExports()
    {
        const QString id = shareWithBob(QStringLiteral("lazyout"), {{QStringLiteral("main.c"), "/** Starts the program. */\nint main(void) { return 0; }\n"},
                                                                  {QStringLiteral("README.md"), "# Out\n"}});
        QVERIFY(!id.isEmpty());
        QVERIFY(giveRole(QStringLiteral("lazyout"), QStringLiteral("carol@example.org"), QStringLiteral("viewer")));
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("clone"), id, QStringLiteral("--contents"), QStringLiteral("lazy")}), 0);
        writeFile(m_alice.folder(QStringLiteral("lazyout")), QStringLiteral("README.md"), "# Out, second\n");
        QVERIFY(refresh(m_alice, QStringLiteral("lazyout")));
        QVERIFY(sync(m_alice, QStringLiteral("lazyout")));
        QVERIFY(sync(m_carol, QStringLiteral("lazyout")));

        QByteArray out;
        QByteArray err;
        const QString docs = m_folder.filePath(QStringLiteral("lazyout-docs"));
        QCOMPARE(cli(m_carol, {QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("lazyout"), QStringLiteral("--out"), docs}, &out, &err), 0);
        QVERIFY2(err.contains("Downloaded 2 file content(s)"), err.constData());
        QFile reference(docs + QStringLiteral("/api.md"));
        QVERIFY(reference.open(QIODevice::ReadOnly));
        QVERIFY(reference.readAll().contains("Starts the program."));

        // The live files are here now: an archive downloads nothing more.
        const QString zip = m_folder.filePath(QStringLiteral("lazyout.zip"));
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("lazyout"), QStringLiteral("--out"), zip, QStringLiteral("--json")}, &out, &err), 0);
        QVERIFY2(!err.contains("Downloaded"), err.constData());
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("files")).toInteger(), 2);

        // Git writes every version: the first README too.
        const QString git = m_folder.filePath(QStringLiteral("lazyout-git"));
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("lazyout"), QStringLiteral("--out"), git, QStringLiteral("--format"), QStringLiteral("git"), QStringLiteral("--json")}, &out, &err), 0);
        QVERIFY2(err.contains("Downloaded 1 file content(s)"), err.constData());
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("commits")).toInteger(), 2);

        // A file that arrived listed only, then Carol is removed: the
        // project says the file can no longer be downloaded.
        writeFile(m_alice.folder(QStringLiteral("lazyout")), QStringLiteral("NEWS"), "news\n");
        QVERIFY(refresh(m_alice, QStringLiteral("lazyout")));
        QVERIFY(sync(m_alice, QStringLiteral("lazyout")));
        QVERIFY(sync(m_carol, QStringLiteral("lazyout")));
        QCOMPARE(status(m_carol, QStringLiteral("lazyout")).value(QStringLiteral("files_not_downloaded")).toInteger(), 1);
        const HttpReply removed = httpRequest("DELETE", api(QStringLiteral("/projects/%1/members/carol@example.org").arg(id)), {}, m_aliceToken);
        QVERIFY2(removed.status == 200 || removed.status == 204, removed.body.constData());
        QCOMPARE(cli(m_carol, {QStringLiteral("sync"), QStringLiteral("lazyout")}), 3);
        QCOMPARE(cli(m_carol, {QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("lazyout")}, &out), 0);
        QVERIFY2(out.contains("1 file never downloaded, and no longer can be"), out.constData());
    }

    void aRemovedMemberKeepsTheLocalCopy()
    {
        const QString id = shareWithBob(QStringLiteral("leave"), {{QStringLiteral("a.txt"), "a\n"}});
        QVERIFY(!id.isEmpty());
        const HttpReply removed = httpRequest("DELETE", api(QStringLiteral("/projects/%1/members/bob@example.org").arg(id)), {}, m_aliceToken);
        QVERIFY2(removed.status == 200 || removed.status == 204, removed.body.constData());

        QByteArray out, err;
        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), QStringLiteral("leave")}, &out, &err), 3);
        QVERIFY2(err.contains("no longer shared with you") && err.contains("local copy is kept"), err.constData());
        QCOMPARE(projectFiles(m_bob, QStringLiteral("leave")), (QMap<QString, QString>{{QStringLiteral("a.txt"), sha256Of("a\n")}}));
        QCOMPARE(status(m_bob, QStringLiteral("leave")).value(QStringLiteral("state")).toString(), QStringLiteral("unshared"));
    }

    // kill -9 of the server while it applies a push (nothing committed) and
    // right after it committed one (the answer lost): either way, Bob's
    // next sync lands his changes exactly once — two changes and the version
    // that records them, three seqs — and Alice gets them as one new
    // version of Bob's.
    void aServerKilledDuringAPushLandsItOnce_data()
    {
        QTest::addColumn<QByteArray>("crashAt");
        QTest::newRow("before commit") << QByteArray("sync.push_applied");
        QTest::newRow("after commit") << QByteArray("sync.push_committed");
    }
    void aServerKilledDuringAPushLandsItOnce()
    {
        QFETCH(QByteArray, crashAt);
        const QString project = QStringLiteral("crash-") + QString::fromLatin1(crashAt).section(QLatin1Char('_'), -1);
        const QString id = shareWithBob(project, {{QStringLiteral("a.txt"), "one\n"}});
        QVERIFY(!id.isEmpty());
        QVERIFY(sync(m_alice, project));
        const qint64 before = cursorSeq(m_alice, project);
        QVERIFY(before > 0);
        const qsizetype versionsBefore = versions(m_alice, project).size();
        QCOMPARE(versionsBefore, 1);

        QVERIFY(restartServer(crashAt.constData()));
        writeFile(m_bob.folder(project), QStringLiteral("a.txt"), "two\n");
        writeFile(m_bob.folder(project), QStringLiteral("b.txt"), "new\n");
        QVERIFY(refresh(m_bob, project));
        QByteArray err;
        QVERIFY(cli(m_bob, {QStringLiteral("sync"), project}, nullptr, &err) != 0);
        QVERIFY(m_server->waitForCrash());
        QCOMPARE(status(m_bob, project).value(QStringLiteral("pending")).toInteger(), 2);

        QVERIFY(restartServer());
        QVERIFY(sync(m_bob, project));
        QCOMPARE(status(m_bob, project).value(QStringLiteral("pending")).toInteger(), 0);
        QVERIFY(sync(m_alice, project));
        QCOMPARE(cursorSeq(m_alice, project), before + 3);
        const QList<QJsonObject> history = versions(m_alice, project);
        QCOMPARE(history.size(), versionsBefore + 1);
        QCOMPARE(history.last().value(QStringLiteral("author")).toString(), QStringLiteral("Bob"));
        QCOMPARE(history.last().value(QStringLiteral("added")).toInteger(), 1);
        QCOMPARE(history.last().value(QStringLiteral("changed")).toInteger(), 1);
        const QMap<QString, QString> expected{{QStringLiteral("a.txt"), sha256Of("two\n")}, {QStringLiteral("b.txt"), sha256Of("new\n")}};
        QCOMPARE(projectFiles(m_alice, project), expected);
        QCOMPARE(projectFiles(m_bob, project), expected);
        QCOMPARE(filesUnder(m_alice.folder(project)), filesUnder(m_bob.folder(project)));
    }

    // kill -9 of the server between two chunks of a large file's upload:
    // the next sync goes on from the chunk the server kept, and the file
    // lands once, whole, in one new version.
    void aServerKilledDuringAnUploadResumesIt()
    {
        const QString project = QStringLiteral("crash-upload");
        QVERIFY(!shareWithBob(project, {{QStringLiteral("a.txt"), "a\n"}}).isEmpty());
        QVERIFY(sync(m_alice, project));
        const qint64 before = cursorSeq(m_alice, project);

        // 10 MiB: a first chunk of 8 MiB, then the rest.
        QByteArray large(10 * 1024 * 1024, '\0');
        for (qsizetype i = 0; i < large.size(); ++i)
            large[i] = char('a' + (i * 7919 / 13) % 26);
        QVERIFY(restartServer("sync.later_chunk_stored"));
        writeFile(m_bob.folder(project), QStringLiteral("data/large.txt"), large);
        QVERIFY(refresh(m_bob, project));
        QByteArray err;
        QVERIFY(cli(m_bob, {QStringLiteral("sync"), project}, nullptr, &err) != 0);
        QVERIFY(m_server->waitForCrash());

        QVERIFY(restartServer());
        QByteArray out;
        QCOMPARE(cli(m_bob, {QStringLiteral("sync"), project, QStringLiteral("--json")}, &out), 0);
        const QJsonObject report = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
        QCOMPARE(report.value(QStringLiteral("uploaded_bytes")).toInteger(), large.size() - 8 * 1024 * 1024);
        QCOMPARE(report.value(QStringLiteral("sent")).toInteger(), 1);
        QVERIFY(sync(m_alice, project));
        QCOMPARE(cursorSeq(m_alice, project), before + 2); // the file, its version
        QCOMPARE(versions(m_alice, project).size(), 2);
        QCOMPARE(projectFiles(m_alice, project).value(QStringLiteral("data/large.txt")), sha256Of(large));
        QCOMPARE(readFile(m_alice.folder(project) + QStringLiteral("/data/large.txt")), large);
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
