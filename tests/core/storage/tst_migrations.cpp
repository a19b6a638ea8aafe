// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations that rebuild a table: foreign keys are off while they run and
// every reference is checked before the upgrade commits.
#include "storage/migrator.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Storage;

namespace {
// The built-in migrations plus `extra` as the next one, in a folder.
QString migrationsWith(const QTemporaryDir &dir, const QByteArray &extra)
{
    const QString folder = dir.filePath(QStringLiteral("migrations"));
    QDir().mkpath(folder);
    const QDir builtIn(QString::fromLatin1(Migrator::kBuiltInMigrations));
    for (const QString &name : builtIn.entryList({QStringLiteral("*.sql")}, QDir::Files))
        QFile::copy(builtIn.filePath(name), folder + QLatin1Char('/') + name);
    QFile next(folder + QStringLiteral("/%1_test.sql").arg(Migrator::latestVersion() + 1, 4, 10, QLatin1Char('0')));
    if (!next.open(QIODevice::WriteOnly) || next.write(extra) != extra.size())
        return {};
    return folder;
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// A projects table rebuilt the way SQLite's documentation says: new table,
// copy, drop the old, rename. With foreign keys on, the DROP would
// cascade-delete every file, document and version of every project.
const QByteArray kRebuildProjects = R"sql(
CREATE TABLE projects_new (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    tags            TEXT NOT NULL DEFAULT '[]',
    source_kind     TEXT NOT NULL DEFAULT 'none',
    source_location TEXT NOT NULL DEFAULT '',
    source_ref      TEXT NOT NULL DEFAULT '',
    source_commit   TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL DEFAULT 'ready',
    file_count      INTEGER NOT NULL DEFAULT 0,
    total_bytes     INTEGER NOT NULL DEFAULT 0,
    colour          TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER,
    revision        INTEGER NOT NULL DEFAULT 1
);
INSERT INTO projects_new (id, name, description, tags, source_kind, source_location, source_ref, source_commit, state,
                          file_count, total_bytes, created_at, updated_at, deleted_at, revision)
SELECT id, name, description, tags, source_kind, source_location, source_ref, source_commit, state,
       file_count, total_bytes, created_at, updated_at, deleted_at, revision FROM projects;
DROP TABLE projects;
ALTER TABLE projects_new RENAME TO projects;
CREATE UNIQUE INDEX projects_live_name ON projects(name) WHERE deleted_at IS NULL AND state <> 'purged';
)sql";
} // namespace

class tst_Migrations final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aTableCanBeRebuiltWithoutLosingWhatRefersToIt();
    void aMigrationThatLeavesDanglingReferencesIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QSqlDatabase m_db;
};

// A workspace at the latest schema with a project that files, a version, a
// document and a conversation refer to.
void tst_Migrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("migrations"));
    m_db.setDatabaseName(m_dir->filePath(QStringLiteral("w.realm")));
    QVERIFY(m_db.open());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
    QVERIFY(Migrator(m_db).migrate().ok());
    for (const char *sql : {
             "INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p1', 'app', 1, 1)",
             "INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (1, x'01', 2, 0, 'utf-8', 'hi')",
             "INSERT INTO files (id, project_id, path, blob_sha256, size, created_at, updated_at) VALUES ('f1', 'p1', 'a.c', x'01', 2, 1, 1)",
             "INSERT INTO project_versions (id, project_id, number, kind, created_at) VALUES ('v1', 'p1', 1, 'import', 1)",
             "INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, title, markdown, created_at) "
             "VALUES ('d1', 'p1', 'api', 'built-in', 'h', 1, 't', 'm', 1)",
             "INSERT INTO conversations (id, project_id, created_at, updated_at) VALUES ('c1', 'p1', 1, 1)",
         })
        QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
}

void tst_Migrations::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("migrations"));
    m_dir.reset();
}

void tst_Migrations::aTableCanBeRebuiltWithoutLosingWhatRefersToIt()
{
    const QString folder = migrationsWith(*m_dir, kRebuildProjects);
    QVERIFY(!folder.isEmpty());
    const Result<void> upgraded = Migrator(m_db, folder).migrate();
    QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error().message));
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA user_version")), Migrator::latestVersion() + 1);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM projects WHERE colour = ''")), 1);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM files WHERE project_id = 'p1'")), 1);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM project_versions WHERE project_id = 'p1'")), 1);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM doc_versions WHERE project_id = 'p1'")), 1);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM conversations WHERE project_id = 'p1'")), 1);
    // Foreign keys are on again, and point at the rebuilt table.
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA foreign_keys")), 1);
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA legacy_alter_table")), 0);
    QSqlQuery q(m_db);
    // The rebuilt table records its writes again (its triggers went with the
    // old table and were made anew, with the new column), and the other
    // tables' triggers that name projects find the new table.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM changes")));
    QVERIFY(q.exec(QStringLiteral("UPDATE projects SET colour = 'teal' WHERE id = 'p1'")));
    QVERIFY(q.exec(QStringLiteral("UPDATE files SET deleted_at = 2 WHERE id = 'f1'")));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM changes")), 2);
    QVERIFY(q.exec(QStringLiteral("DELETE FROM projects WHERE id = 'p1'")));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM files")), 0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM conversations WHERE project_id IS NULL")), 1);
}

void tst_Migrations::aMigrationThatLeavesDanglingReferencesIsRefused()
{
    // With foreign keys off nothing stops this delete; the check before
    // COMMIT does.
    const QString folder = migrationsWith(*m_dir, "DELETE FROM projects;\n");
    QVERIFY(!folder.isEmpty());
    const Result<void> upgraded = Migrator(m_db, folder).migrate();
    QVERIFY(!upgraded.ok());
    QVERIFY2(upgraded.error().message.contains(QStringLiteral("row 1 → projects")), qPrintable(upgraded.error().message));
    QVERIFY(upgraded.error().message.contains(QStringLiteral("It was not changed")));
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA user_version")), Migrator::latestVersion());
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM projects")), 1);
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA foreign_keys")), 1);
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
