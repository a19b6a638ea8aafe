// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/projectimporter.h"
#include "storage/database.h"

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Realm::Test {

// A fresh workspace file in its own temporary folder, removed afterwards.
class TestWorkspace final {
public:
    TestWorkspace();
    QString path() const { return m_dir.filePath(QStringLiteral("workspace.realm")); }
    QString dir() const { return m_dir.path(); }
    Storage::DatabasePtr open() const; // QVERIFY-friendly: returns null on failure and warns
    Storage::DatabasePtr db();         // opened once and kept

private:
    QTemporaryDir m_dir;
    Storage::DatabasePtr m_db;
};

// Writes `content` to `root/relativePath`, creating folders.
void writeFile(const QString &root, const QString &relativePath, const QByteArray &content);

// Runs a program (git, realm-cli ...) and returns its exit code; output is
// collected into `out`/`err` when given.
int run(const QString &program, const QStringList &arguments, const QString &workingDir = {},
        QByteArray *out = nullptr, QByteArray *err = nullptr, const QByteArray &input = {});

// Path of a REALM executable built next to the tests.
QString realmBinary(const QString &name);

// git with a fixed identity and no user/system config, so tests do not
// depend on the machine's git setup.
int git(const QString &repo, const QStringList &arguments, QByteArray *out = nullptr);

// The first column of the first row of `sql`, or -1.
qint64 scalar(const Storage::DatabasePtr &db, const QString &sql);

// Whether an import report lists `path` with a reason containing `reasonPart`.
bool hasIssue(const QList<Projects::ImportIssue> &issues, const QString &path, const QString &reasonPart);

// path (relative) -> SHA-256 (hex) of every file below `root`.
QMap<QString, QString> filesUnder(const QString &root);

// The live files of a project, sorted.
QStringList projectPaths(const Storage::DatabasePtr &db, const QString &projectId);

} // namespace Realm::Test
