// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

namespace {
QStringList names(const Result<QList<Project>> &projects)
{
    QStringList result;
    if (projects)
        for (const Project &p : *projects)
            result << p.name;
    return result;
}
} // namespace

class tst_ProjectStore final : public QObject {
    Q_OBJECT
private slots:
    void createAndFindByNameOrId();
    void namesAreUniqueAmongLiveProjects();
    void emptyNameIsRejected();
    void editBumpsRevisionAndUpdatedAt();
    void tagsAreCleanedAndFilterable();
    void listFiltersByTextAndLanguage();
    void listSorts();
    void trashRestoreAndEmpty();
    void emptyingTrashRemovesUnusedContents();
    void restoreRefusesWhenNameTaken();
};

void tst_ProjectStore::createAndFindByNameOrId()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    Result<Project> created = store.create(QStringLiteral("alpha"), QStringLiteral("first"), {QStringLiteral("x")});
    QVERIFY(created.ok());
    QCOMPARE(created->revision, 1);
    QVERIFY(created->createdAt > 0);
    QCOMPARE(store.find(QStringLiteral("alpha"))->id, created->id);
    QCOMPARE(store.find(created->id)->name, QStringLiteral("alpha"));
    QCOMPARE(store.find(QStringLiteral("nope")).error().code, Error::Code::NotFound);
}

void tst_ProjectStore::namesAreUniqueAmongLiveProjects()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    Result<Project> first = store.create(QStringLiteral("same"));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    Result<Project> second = store.create(QStringLiteral("same"));
    QVERIFY(!second.ok());
    QVERIFY(second.error().message.contains(QStringLiteral("already exists")));
}

void tst_ProjectStore::emptyNameIsRejected()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    QCOMPARE(store.create(QStringLiteral("   ")).error().code, Error::Code::InvalidInput);
}

void tst_ProjectStore::editBumpsRevisionAndUpdatedAt()
{
    TestWorkspace ws;
    qint64 now = 1000;
    Clock::setSourceForTesting([&] { return now; });
    ProjectStore store(ws.db());
    const Project p = *store.create(QStringLiteral("old"));
    now = 2000;
    ProjectChanges changes;
    changes.name = QStringLiteral("new");
    changes.description = QStringLiteral("described");
    Result<Project> updated = store.update(p.id, changes);
    Clock::setSourceForTesting({});
    QVERIFY(updated.ok());
    QCOMPARE(updated->name, QStringLiteral("new"));
    QCOMPARE(updated->description, QStringLiteral("described"));
    QCOMPARE(updated->revision, 2);
    QCOMPARE(updated->updatedAt, 2000);
    QCOMPARE(updated->createdAt, 1000);
}

void tst_ProjectStore::tagsAreCleanedAndFilterable()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    const Project p = *store.create(QStringLiteral("t"), {}, {QStringLiteral(" qt "), QStringLiteral("qt"), QString(), QStringLiteral("cli")});
    QCOMPARE(p.tags, (QStringList{QStringLiteral("qt"), QStringLiteral("cli")}));
    QVERIFY(store.create(QStringLiteral("u"), {}, {QStringLiteral("web")}).ok());
    ProjectFilter filter;
    filter.tag = QStringLiteral("qt");
    QCOMPARE(names(store.list(filter)), QStringList{QStringLiteral("t")});
}

void tst_ProjectStore::listFiltersByTextAndLanguage()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    QTemporaryDir src;
    Test::writeFile(src.path(), QStringLiteral("a.py"), "print(1)\n");
    ImportOptions options;
    options.name = QStringLiteral("snake");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), options).ok());
    QVERIFY(store.create(QStringLiteral("Other"), QStringLiteral("A Python-free zone")).ok());

    ProjectFilter byText;
    byText.text = QStringLiteral("PYTHON");
    QCOMPARE(names(store.list(byText)), QStringList{QStringLiteral("Other")});
    ProjectFilter byLanguage;
    byLanguage.language = QStringLiteral("python");
    QCOMPARE(names(store.list(byLanguage)), QStringList{QStringLiteral("snake")});
}

void tst_ProjectStore::listSorts()
{
    TestWorkspace ws;
    qint64 now = 100;
    Clock::setSourceForTesting([&] { return now++; });
    ProjectStore store(ws.db());
    QVERIFY(store.create(QStringLiteral("b")).ok());
    QVERIFY(store.create(QStringLiteral("A")).ok());
    QVERIFY(store.create(QStringLiteral("c")).ok());
    Clock::setSourceForTesting({});
    QCOMPARE(names(store.list()), (QStringList{QStringLiteral("A"), QStringLiteral("b"), QStringLiteral("c")}));
    ProjectFilter recent;
    recent.sort = ProjectFilter::Sort::Updated;
    recent.descending = true;
    QCOMPARE(names(store.list(recent)), (QStringList{QStringLiteral("c"), QStringLiteral("A"), QStringLiteral("b")}));
}

void tst_ProjectStore::trashRestoreAndEmpty()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    const Project p = *store.create(QStringLiteral("doomed"));
    QVERIFY(store.moveToTrash(p.id).ok());
    QVERIFY(names(store.list()).isEmpty());
    ProjectFilter trash;
    trash.trash = true;
    QCOMPARE(names(store.list(trash)), QStringList{QStringLiteral("doomed")});
    QVERIFY(!store.find(QStringLiteral("doomed")).ok());
    QVERIFY(store.find(QStringLiteral("doomed"), true)->isInTrash());

    QVERIFY(store.restore(p.id).ok());
    QCOMPARE(names(store.list()), QStringList{QStringLiteral("doomed")});

    QVERIFY(store.moveToTrash(p.id).ok());
    QCOMPARE(*store.emptyTrash(), 1);
    QVERIFY(names(store.list(trash)).isEmpty());
    QVERIFY(!store.restore(p.id).ok());
    // The name is free again.
    QVERIFY(store.create(QStringLiteral("doomed")).ok());
}

void tst_ProjectStore::emptyingTrashRemovesUnusedContents()
{
    TestWorkspace ws;
    QTemporaryDir src;
    Test::writeFile(src.path(), QStringLiteral("shared.txt"), "shared by both\n");
    Test::writeFile(src.path(), QStringLiteral("only.txt"), "only in the first\n");
    ImportOptions first;
    first.name = QStringLiteral("first");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), first).ok());
    QFile::remove(src.filePath(QStringLiteral("only.txt")));
    ImportOptions second;
    second.name = QStringLiteral("second");
    QVERIFY(ProjectImporter(ws.db()).importProject(src.path(), second).ok());

    ProjectStore store(ws.db());
    QVERIFY(store.moveToTrash(store.find(QStringLiteral("first"))->id).ok());
    QCOMPARE(*store.emptyTrash(), 1);
    QSqlQuery q(ws.db()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM blobs")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    const Project second2 = *store.find(QStringLiteral("second"));
    QCOMPARE(*store.content(*store.file(second2.id, QStringLiteral("shared.txt"))), QByteArray("shared by both\n"));
}

void tst_ProjectStore::restoreRefusesWhenNameTaken()
{
    TestWorkspace ws;
    ProjectStore store(ws.db());
    const Project p = *store.create(QStringLiteral("name"));
    QVERIFY(store.moveToTrash(p.id).ok());
    QVERIFY(store.create(QStringLiteral("name")).ok());
    Result<Project> restored = store.restore(p.id);
    QVERIFY(!restored.ok());
    QVERIFY(restored.error().message.contains(QStringLiteral("Rename")));
}

QTEST_GUILESS_MAIN(tst_ProjectStore)
#include "tst_projectstore.moc"
