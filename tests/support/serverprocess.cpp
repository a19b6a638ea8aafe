// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include "testserverdatabase.h"
#include "testworkspace.h"

#include "auth/passwords.h"
#include "auth/users.h"
#include "server/datafolder.h"
#include "serverdb/serverdatabase.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>
#include <QUrl>

#include <csignal>

namespace Realm::Test {

namespace {

QString binary()
{
    return qEnvironmentVariable("REALM_BIN_DIR") + QStringLiteral("/realm-server");
}

QNetworkAccessManager &network()
{
    static QNetworkAccessManager manager;
    return manager;
}

} // namespace

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

HttpReply send(const QByteArray &method, const QString &url, const QByteArray &body, const QString &bearer,
               const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(30000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network().sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

} // namespace

HttpReply httpRequestRaw(const QByteArray &method, const QString &url, const QByteArray &body, const QString &bearer)
{
    return send(method, url, body, bearer, {});
}

HttpReply httpRequest(const QByteArray &method, const QString &url, const QJsonObject &body, const QString &bearer,
                      const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return send(method, url, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), bearer, headers);
}

ServerProcess::Outcome ServerProcess::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(binary(), arguments);
    process.write(input);
    process.closeWriteChannel();
    Outcome outcome;
    if (!process.waitForFinished(60000))
        process.kill();
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

ServerProcess::Outcome ServerProcess::addUser(const QString &dataFolder, const QString &databaseUrl, const QString &email, const QString &name,
                                              const QByteArray &password, bool admin)
{
    QStringList arguments{QStringLiteral("admin"), QStringLiteral("--data"), dataFolder};
    if (!databaseUrl.isEmpty())
        arguments << QStringLiteral("--database") << databaseUrl;
    arguments << QStringLiteral("user") << QStringLiteral("add") << email << QStringLiteral("--name") << name << QStringLiteral("--password-stdin");
    if (admin)
        arguments << QStringLiteral("--admin");
    return run(arguments, password);
}

QString ServerProcess::seedUsers(const QString &dataFolder, const QString &databaseUrl, const QStringList &names, const QByteArray &password)
{
    Result<Server::DataFolder> folder = Server::DataFolder::open(dataFolder);
    if (!folder)
        return folder.error().message;
    Result<ServerDb::DatabaseLocation> location = folder->databaseLocation(databaseUrl);
    if (!location)
        return location.error().message;
    Result<ServerDb::ServerDatabasePtr> database = ServerDb::ServerDatabase::open(*location);
    if (!database)
        return database.error().message;
    Result<QString> hash = Auth::Passwords::hash(QString::fromUtf8(password));
    if (!hash)
        return hash.error().message;
    Result<void> written = (*database)->write(QStringLiteral("seed users"), [&](const QSqlDatabase &db) -> Result<void> {
        for (const QString &name : names) {
            if (Result<Auth::User> added = Auth::Users::insert(db, name + QStringLiteral("@example.org"), name, *hash, false, true); !added)
                return added.error();
        }
        return {};
    });
    return written ? QString() : written.error().message;
}

std::optional<TestDataFolder> ServerProcess::initDataFolder(const QTemporaryDir &parent, QString *why, const QString &name)
{
    if (!parent.isValid()) {
        *why = QStringLiteral("no temporary folder: ") + parent.errorString();
        return std::nullopt;
    }
    std::optional<QString> databaseUrl = newTestDatabaseArgument(why);
    if (!databaseUrl)
        return std::nullopt;
    TestDataFolder folder{parent.filePath(name), *databaseUrl};
    const Outcome init = run({QStringLiteral("init"), QStringLiteral("--data"), folder.data});
    if (init.exitCode != 0) {
        *why = QStringLiteral("realm-server init failed: ") + init.err;
        return std::nullopt;
    }
    return folder;
}

std::unique_ptr<ServerProcess> ServerProcess::serve(const QString &dataFolder, const QString &databaseUrl, QString *why, const QStringList &extraArguments)
{
    std::unique_ptr<ServerProcess> server(new ServerProcess);
    QStringList arguments{QStringLiteral("serve"), QStringLiteral("--data"), dataFolder, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    if (!databaseUrl.isEmpty())
        arguments << QStringLiteral("--database") << databaseUrl;
    arguments << extraArguments;
    server->m_process.start(binary(), arguments);
    // The first line says where it listens; anything else is a failure.
    while (!server->m_process.canReadLine()) {
        if (!server->m_process.waitForReadyRead(30000)) {
            *why = QStringLiteral("realm-server did not start: ") + QString::fromUtf8(server->m_process.readAllStandardError());
            return nullptr;
        }
    }
    const QString line = QString::fromUtf8(server->m_process.readLine()).trimmed();
    if (!line.startsWith(QLatin1String("listening on "))) {
        *why = QStringLiteral("unexpected first line: ") + line;
        return nullptr;
    }
    server->m_url = line.mid(13);
    return server;
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

int ServerProcess::terminate()
{
    if (m_process.processId() <= 0) // already gone (kill(0) would hit the test itself)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(30000)) {
        // Say which way it failed, with what the server said last: a hang
        // and a crash at shutdown look alike to the caller (-1).
        m_log += m_process.readAllStandardError();
        qWarning("realm-server did not stop within 30 s of SIGTERM; its log ends:\n%s", m_log.right(4000).constData());
        m_process.kill();
        m_process.waitForFinished(30000);
        return -1;
    }
    m_log += m_process.readAllStandardError();
    if (m_process.exitStatus() != QProcess::NormalExit) {
        qWarning("realm-server crashed as it stopped; its log ends:\n%s", m_log.right(4000).constData());
        return -1;
    }
    return m_process.exitCode();
}

int ServerProcess::waitForExit()
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(30000))
        return -1;
    m_log += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

bool ServerProcess::waitForCrash()
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(30000))
        return false;
    m_log += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::CrashExit;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(30000);
}

QByteArray ServerProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

QString signIn(const ServerProcess &server, const QString &email, const QByteArray &password)
{
    return httpRequest("POST", server.api(QStringLiteral("/auth/login")), {{QStringLiteral("email"), email}, {QStringLiteral("password"), QString::fromUtf8(password)}})
        .json.value(QStringLiteral("access_token"))
        .toString();
}

QString createApiKey(const ServerProcess &server, const QString &token, const QString &org, const QJsonArray &scopes)
{
    const HttpReply key = httpRequest("POST", server.api(QStringLiteral("/api-keys")),
                                      {{QStringLiteral("name"), QStringLiteral("test key")},
                                       {QStringLiteral("org"), org},
                                       {QStringLiteral("scopes"), scopes},
                                       {QStringLiteral("expires_in_days"), 1}},
                                      token);
    if (key.status != 201)
        qWarning("no API key: %d %s", key.status, key.body.constData());
    return key.json.value(QStringLiteral("key")).toString();
}

bool restartServer(std::unique_ptr<ServerProcess> &server, const TestDataFolder &data, const char *crashAt)
{
    const QString address = QUrl(server->url()).authority();
    if (server->pid() > 0 && server->terminate() != 0)
        return false;
    if (crashAt)
        qputenv("REALM_TEST_CRASH_AT", crashAt);
    QString why;
    server = ServerProcess::serve(data.data, data.databaseUrl, &why, {QStringLiteral("--listen"), address});
    qunsetenv("REALM_TEST_CRASH_AT");
    if (!server)
        qWarning("realm-server did not start again: %s", qPrintable(why));
    return server != nullptr;
}

std::optional<TeamOnServer> startTeam(const QTemporaryDir &parent, const QStringList &names, const QByteArray &password, const QString &org, QString *why)
{
    const auto emailOf = [](const QString &name) -> QString { return name.toLower() + QStringLiteral("@example.org"); };
    TeamOnServer team;
    std::optional<TestDataFolder> data = ServerProcess::initDataFolder(parent, why);
    if (!data)
        return std::nullopt;
    team.data = *data;
    for (const QString &name : names) {
        const ServerProcess::Outcome added = ServerProcess::addUser(data->data, data->databaseUrl, emailOf(name), name, password);
        if (added.exitCode != 0) {
            *why = QStringLiteral("adding %1 failed: %2").arg(name, added.err);
            return std::nullopt;
        }
    }
    team.server = ServerProcess::serve(data->data, data->databaseUrl, why);
    if (!team.server)
        return std::nullopt;
    team.founderToken = signIn(*team.server, emailOf(names.value(0)), password);
    const HttpReply founded = httpRequest("POST", team.server->api(QStringLiteral("/orgs")), {{QStringLiteral("name"), org}}, team.founderToken);
    if (founded.status != 201) {
        *why = QStringLiteral("founding %1 failed: %2 %3").arg(org).arg(founded.status).arg(QString::fromUtf8(founded.body));
        return std::nullopt;
    }
    team.orgId = founded.json.value(QStringLiteral("id")).toString();
    for (const QString &name : names.mid(1)) {
        const HttpReply added = httpRequest("POST", team.server->api(QStringLiteral("/orgs/%1/members").arg(team.orgId)),
                                            {{QStringLiteral("email"), emailOf(name)}, {QStringLiteral("role"), QStringLiteral("member")}}, team.founderToken);
        if (added.status != 201) {
            *why = QStringLiteral("adding %1 to %2 failed: %3").arg(name, org).arg(added.status);
            return std::nullopt;
        }
    }
    return team;
}

int runCliAs(const QString &who, const QString &workspace, const QString &serverUrl, const QString &token, const QStringList &arguments,
             QByteArray *out, QByteArray *err)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_SERVER_URL"), serverUrl);
    env.insert(QStringLiteral("REALM_SERVER_TOKEN"), token);
    process.setProcessEnvironment(env);
    process.start(realmBinary(QStringLiteral("realm-cli")), QStringList{QStringLiteral("--workspace"), workspace} + arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
        qWarning("realm-cli %s (%s) did not run to its end: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(who),
                 qPrintable(process.errorString()));
        process.kill();
        process.waitForFinished();
        return -2;
    }
    const QByteArray output = process.readAllStandardOutput();
    const QByteArray errors = process.readAllStandardError();
    if (out)
        *out = output;
    if (err)
        *err = errors;
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -3;
    if (code != 0 && !err)
        qWarning("realm-cli %s (%s) exited with %d: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(who), code, errors.right(4000).constData());
    return code;
}

} // namespace Realm::Test
