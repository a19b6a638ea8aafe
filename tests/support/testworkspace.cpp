// SPDX-License-Identifier: GPL-3.0-or-later
#include "testworkspace.h"

#include "projects/projectstore.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QStandardPaths>

namespace Realm::Test {

TestWorkspace::TestWorkspace() = default;

Storage::DatabasePtr TestWorkspace::open() const
{
    Result<Storage::DatabasePtr> db = Workspace::open(path());
    if (!db) {
        qWarning("cannot open test workspace: %s", qUtf8Printable(db.error().message));
        return nullptr;
    }
    return *db;
}

Storage::DatabasePtr TestWorkspace::db()
{
    if (!m_db)
        m_db = open();
    return m_db;
}

void writeFile(const QString &root, const QString &relativePath, const QByteArray &content)
{
    const QString full = root + QLatin1Char('/') + relativePath;
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile file(full);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(full));
    file.write(content);
}

int run(const QString &program, const QStringList &arguments, const QString &workingDir, QByteArray *out,
        QByteArray *err, const QByteArray &input)
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return -1;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        return -2;
    }
    if (out)
        *out = process.readAllStandardOutput();
    const QByteArray errors = process.readAllStandardError();
    if (err)
        *err = errors;
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -3;
    // A failure the caller did not collect is shown, so a failed check says why.
    if (code != 0 && !err && !errors.isEmpty())
        qWarning("%s exited with %d: %s", qPrintable(QFileInfo(program).fileName()), code, errors.right(4000).constData());
    return code;
}

QMap<QString, QString> filesUnder(const QString &root)
{
    QMap<QString, QString> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile in(file);
        if (in.open(QIODevice::ReadOnly))
            files.insert(QDir(root).relativeFilePath(file), QString::fromLatin1(QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256).toHex()));
    }
    return files;
}

QString realmBinary(const QString &name)
{
    return qEnvironmentVariable("REALM_BIN_DIR") + QLatin1Char('/') + name;
}

int git(const QString &repo, const QStringList &arguments, QByteArray *out)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("REALM Test"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("test@realm.invalid"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("REALM Test"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("test@realm.invalid"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(repo);
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main")} + arguments);
    if (!process.waitForFinished(60000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitCode() != 0)
        qWarning("git %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return process.exitCode();
}

qint64 scalar(const Storage::DatabasePtr &db, const QString &sql)
{
    QSqlQuery q(db->connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool hasIssue(const QList<Projects::ImportIssue> &issues, const QString &path, const QString &reasonPart)
{
    return std::any_of(issues.cbegin(), issues.cend(), [&](const Projects::ImportIssue &i) {
        return i.path == path && i.reason.contains(reasonPart);
    });
}

QStringList projectPaths(const Storage::DatabasePtr &db, const QString &projectId)
{
    QStringList result;
    Result<QList<Projects::ProjectFile>> files = Projects::ProjectStore(db).files(projectId);
    if (files) {
        for (const Projects::ProjectFile &f : *files)
            result << f.path;
    }
    return result;
}

} // namespace Realm::Test
