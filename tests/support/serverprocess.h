// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace Realm::Test {

// A reply as an HTTP client saw it.
struct HttpReply {
    int status = 0; // 0: no answer
    QJsonObject json;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

// Real HTTP over loopback, one request at a time, waiting on an event loop.
HttpReply httpRequest(const QByteArray &method, const QString &url, const QJsonObject &body = {}, const QString &bearer = {},
                      const QList<std::pair<QByteArray, QByteArray>> &headers = {});
HttpReply httpRequestRaw(const QByteArray &method, const QString &url, const QByteArray &body, const QString &bearer = {});

// A data folder made by `realm-server init`, with a new database on this
// run's backend for it.
struct TestDataFolder {
    QString data;
    QString databaseUrl; // the --database argument; empty on SQLite
};

// A realm-server child process.
class ServerProcess final {
public:
    // Runs `realm-server ARGS…` to the end; stdin gets `input`.
    struct Outcome {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Outcome run(const QStringList &arguments, const QByteArray &input = {});
    // `realm-server init --data PARENT/NAME` and a new test database; empty
    // with *why set when either fails.
    static std::optional<TestDataFolder> initDataFolder(const QTemporaryDir &parent, QString *why, const QString &name = QStringLiteral("data"));
    // `realm-server admin --data DIR [--database URL] user add EMAIL --name NAME
    // [--admin] --password-stdin`; the outcome's exit code is 0 on success.
    static Outcome addUser(const QString &dataFolder, const QString &databaseUrl, const QString &email, const QString &name,
                           const QByteArray &password, bool admin = false);
    // Many verified users at once, written straight into the server's
    // database (one password hash for all, one transaction): what a
    // realm-server admin process per user would do, without a process and
    // an argon2id hash each. `names` become NAME@example.org. Empty on
    // success, else why it failed.
    static QString seedUsers(const QString &dataFolder, const QString &databaseUrl, const QStringList &names, const QByteArray &password);

    // `realm-server serve --data DIR --listen 127.0.0.1:0 [--database URL]`,
    // waiting for its first line; empty with *why set when it did not start.
    static std::unique_ptr<ServerProcess> serve(const QString &dataFolder, const QString &databaseUrl, QString *why,
                                                const QStringList &extraArguments = {});
    ~ServerProcess();

    QString url() const { return m_url; }
    QString api(const QString &path) const { return m_url + QStringLiteral("/api/v1") + path; }
    qint64 pid() const { return m_process.processId(); }
    // SIGTERM, then the exit code (-1 if it did not end in time or crashed).
    int terminate();
    // The exit code once it ends by itself (-1 as above): after a SIGTERM
    // sent by the test, since a second one would cut its shutdown short.
    int waitForExit();
    // Whether it ended by a signal (within 30 s), as opposed to exiting or hanging.
    bool waitForCrash();
    void kill();
    // What it wrote to stderr so far (its JSON request log).
    QByteArray log();

private:
    ServerProcess() = default;
    QProcess m_process;
    QString m_url;
    QByteArray m_log;
};

// A team on a server of its own: realm-server started on a new data folder
// under `parent`, people NAME@example.org (`names`, capitalised as given)
// with `password`, and an organization `org` founded by the first, the
// others its members.
struct TeamOnServer {
    TestDataFolder data;
    std::unique_ptr<ServerProcess> server;
    QString orgId;
    QString founderToken; // an access token of the first person
};
// Nullopt with *why set when any step fails.
std::optional<TeamOnServer> startTeam(const QTemporaryDir &parent, const QStringList &names, const QByteArray &password, const QString &org, QString *why);
// An access token of EMAIL (empty on failure).
QString signIn(const ServerProcess &server, const QString &email, const QByteArray &password);
// A new API key (empty on failure, which is logged) of the person `token`
// signs in, for organization `org` with `scopes`, valid one day.
QString createApiKey(const ServerProcess &server, const QString &token, const QString &org, const QJsonArray &scopes);
// Stops `server` and starts realm-server again on the same address and
// data (clients' links name the address); with `crashAt`, armed to kill
// itself at that point (core/common/crashpoint.h). False (logged) when it
// does not start.
bool restartServer(std::unique_ptr<ServerProcess> &server, const TestDataFolder &data, const char *crashAt = nullptr);

// realm-cli run by `who` in `workspace`, reaching `serverUrl` with `token`
// (REALM_SERVER_URL, REALM_SERVER_TOKEN): its exit code, -2 when it did
// not run to its end, -3 when it crashed. Its stderr is logged on failure
// unless `err` takes it.
int runCliAs(const QString &who, const QString &workspace, const QString &serverUrl, const QString &token, const QStringList &arguments,
             QByteArray *out = nullptr, QByteArray *err = nullptr);

} // namespace Realm::Test
