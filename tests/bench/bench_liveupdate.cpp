// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's live update, end to end: from a file saved in Alice's
// project folder to the change in Bob's workspace, both online, through
// what the desktop runs — the refresh of that file (as the folder watch
// does it), Alice's SyncController pushing (as TeamActions asks after a
// change here), the server's poke on the event socket, Bob's
// SyncController pulling by itself. A real realm-server on 127.0.0.1, on
// SQLite, or on a private PostgreSQL cluster as the tests start one.
//
//     REALM_BIN_DIR=build/bin [REALM_TEST_DATABASE=postgresql] build/bench/bench_liveupdate [--files N] [--rounds R]
//
// N files of 4 KiB in the project (default 20000), R changes (default 20).
// The goal (issue 16): within a second.
#include "desksignin.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "secrets/memorysecretstore.h"
#include "serverprocess.h"
#include "team/synccontroller.h"
#include "teamclient/serveraccount.h"
#include "teamclient/serverclient.h"
#include "testworkspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

using namespace Realm;

namespace {

const QByteArray kPassword = "a long enough passphrase";

struct Desk {
    Test::TestWorkspace workspace;
    Secrets::MemorySecretStore secrets;
    TeamClient::ServerClient client{&secrets};
    std::unique_ptr<Ui::SyncController> sync;
};

bool settle(Ui::SyncController &sync)
{
    return QTest::qWaitFor([&sync] { return !sync.isBusy(); }, 600000);
}

QByteArray contentOf(const Storage::DatabasePtr &db, const QString &projectId, const QString &path)
{
    Projects::ProjectStore store(db);
    Result<Projects::ProjectFile> file = store.file(projectId, path);
    if (!file)
        return {};
    Result<QByteArray> content = store.content(*file);
    return content ? *content : QByteArray();
}

qint64 percentile(QList<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

int fail(const char *what)
{
    std::fprintf(stderr, "bench_liveupdate: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the login is kept in a test-only settings file
    const QStringList args = app.arguments();
    const auto option = [&args](const char *name, qint64 fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at > 0 && at + 1 < args.size() ? args.at(at + 1).toLongLong() : fallback;
    };
    const qint64 fileCount = option("--files", 20000);
    const qint64 rounds = option("--rounds", 20);
    if (qEnvironmentVariableIsEmpty("REALM_BIN_DIR"))
        return fail("set REALM_BIN_DIR to the folder of realm-server (build/bin)");

    QTemporaryDir parent;
    QString why;
    TeamClient::ServerAccount::forget();
    std::optional<Test::TeamOnServer> team = Test::startTeam(parent, {QStringLiteral("Alice"), QStringLiteral("Bob")}, kPassword, QStringLiteral("Acme"), &why);
    if (!team)
        return fail(qPrintable(why));
    Desk alice;
    Desk bob;
    if (!Test::signInDesk(alice.client, team->server->url(), QStringLiteral("alice@example.org"), kPassword)
        || !Test::signInDesk(bob.client, team->server->url(), QStringLiteral("bob@example.org"), kPassword))
        return fail("cannot sign in");

    const QString folder = parent.filePath(QStringLiteral("project"));
    const QByteArray filler(4096 - 16, 'x');
    for (qint64 i = 0; i < fileCount; ++i)
        Test::writeFile(folder, QStringLiteral("dir%1/file%2.txt").arg(i / 500, 3, 10, QLatin1Char('0')).arg(i, 6, 10, QLatin1Char('0')),
                        QByteArray::number(i).rightJustified(15, '0') + '\n' + filler);
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(alice.workspace.db()).importProject(folder, {});
    if (!imported)
        return fail(qPrintable(imported.error().message));
    const QString aliceProject = imported->project.id;

    QElapsedTimer setUp;
    setUp.start();
    alice.sync = std::make_unique<Ui::SyncController>(alice.workspace.db(), &alice.client);
    bob.sync = std::make_unique<Ui::SyncController>(bob.workspace.db(), &bob.client);
    alice.sync->share(aliceProject, QStringLiteral("Acme"));
    if (!settle(*alice.sync))
        return fail("the share did not end");
    alice.sync->reload();
    if (!QTest::qWaitFor([&] { return alice.sync->statusOf(aliceProject).has_value(); }, 20000))
        return fail("the share did not land");
    const QString serverProjectId = alice.sync->statusOf(aliceProject)->link.serverProjectId;
    const Test::HttpReply given = Test::httpRequest("PUT", team->server->url() + QStringLiteral("/api/v1/projects/%1/members/bob@example.org").arg(serverProjectId),
                                                    {{QStringLiteral("role"), QStringLiteral("editor")}}, team->founderToken);
    if (given.status != 200 && given.status != 204)
        return fail(given.body.constData());
    QString bobProject;
    QObject::connect(bob.sync.get(), &Ui::SyncController::finished, &app, [&bobProject](SyncClient::SyncInput::Action action, const QList<SyncClient::SyncReport> &reports) {
        if (action == SyncClient::SyncInput::Action::Clone && !reports.isEmpty())
            bobProject = reports.first().projectId;
    });
    bob.sync->clone(serverProjectId, QStringLiteral("project"), {});
    if (!settle(*bob.sync) || bobProject.isEmpty())
        return fail("the clone did not end");
    std::printf("%lld files of 4 KiB: shared and cloned in %.1f s\n", static_cast<long long>(fileCount), double(setUp.elapsed()) / 1000.0);

    alice.sync->setAutomatic(true);
    bob.sync->setAutomatic(true);
    if (!QTest::qWaitFor([&] { return alice.sync->isLive() && bob.sync->isLive(); }, 20000))
        return fail("the event sockets did not connect");
    settle(*alice.sync);
    settle(*bob.sync);

    QList<qint64> refreshMs;
    QList<qint64> pushedMs;
    QList<qint64> visibleMs;
    const QString path = QStringLiteral("dir000/file000000.txt");
    for (qint64 round = 0; round < rounds; ++round) {
        const QByteArray content = "round " + QByteArray::number(round) + '\n';
        Test::writeFile(folder, path, content);
        std::optional<qint64> pushed;
        QElapsedTimer clock;
        clock.start();
        const QMetaObject::Connection onPushed = QObject::connect(alice.sync.get(), &Ui::SyncController::finished, &app, [&] {
            if (!pushed)
                pushed = clock.elapsed();
        });
        Result<Projects::ImportReport> refreshed = Projects::ProjectImporter(alice.workspace.db()).refreshProject(aliceProject, {}, {path});
        if (!refreshed)
            return fail(qPrintable(refreshed.error().message));
        refreshMs.append(clock.elapsed());
        // Timed where Bob's controller says it received the change, by an
        // event loop that does not sleep between events (QTest::qWaitFor
        // would add up to 10 ms at each step).
        std::optional<qint64> visible;
        QEventLoop loop;
        const QMetaObject::Connection onReceived = QObject::connect(bob.sync.get(), &Ui::SyncController::projectsReceived, &loop, [&] {
            if (!visible && contentOf(bob.workspace.db(), bobProject, path) == content) {
                visible = clock.elapsed();
                loop.quit();
            }
        });
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        alice.sync->reload(); // TeamActions::projectChangedHere
        alice.sync->syncNow({aliceProject});
        loop.exec();
        QObject::disconnect(onReceived);
        if (!visible)
            return fail("the change did not reach Bob within 30 s");
        visibleMs.append(*visible);
        if (!QTest::qWaitFor([&] { return pushed.has_value(); }, 30000))
            return fail("Alice's sync did not end");
        QObject::disconnect(onPushed);
        pushedMs.append(*pushed);
        std::printf("round %2lld: refreshed %4lld ms, pushed %4lld ms, in Bob's workspace %4lld ms\n", static_cast<long long>(round),
                    static_cast<long long>(refreshMs.last()), static_cast<long long>(pushedMs.last()), static_cast<long long>(visibleMs.last()));
        settle(*alice.sync);
        settle(*bob.sync);
    }
    std::printf("median / p90 / max of %lld: refreshed %lld / %lld / %lld ms, pushed %lld / %lld / %lld ms, in Bob's workspace %lld / %lld / %lld ms\n",
                static_cast<long long>(rounds), static_cast<long long>(percentile(refreshMs, 0.5)), static_cast<long long>(percentile(refreshMs, 0.9)),
                static_cast<long long>(percentile(refreshMs, 1.0)), static_cast<long long>(percentile(pushedMs, 0.5)),
                static_cast<long long>(percentile(pushedMs, 0.9)), static_cast<long long>(percentile(pushedMs, 1.0)),
                static_cast<long long>(percentile(visibleMs, 0.5)), static_cast<long long>(percentile(visibleMs, 0.9)),
                static_cast<long long>(percentile(visibleMs, 1.0)));
    alice.sync.reset();
    bob.sync.reset();
    TeamClient::ServerAccount::forget();
    team->server->terminate();
    return 0;
}
