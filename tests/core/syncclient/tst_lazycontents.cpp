// SPDX-License-Identifier: GPL-3.0-or-later
// A shared project that downloads contents only when they are needed
// (`project clone --contents lazy`): real workspaces, the server's sync
// service in the same process. A pull lists every file with the server's
// hash and size and downloads none; what is not here says so instead of
// reading as empty (contents, search, statistics); bytes that arrive later
// (the same content imported elsewhere) fill the row and the search index;
// a folder that takes the pulls gets its bytes whatever the setting.
#include "projects/projecthistory.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "projects/replica.h"
#include "projects/searchengine.h"
#include "storage/transaction.h"
#include "syncclient/contents.h"
#include "syncclient/syncstate.h"
#include "teamfixture.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using Realm::SyncClient::Link;
using Realm::SyncClient::SyncReport;

namespace {

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestLazyContents final : public QObject, public Test::TeamFixture {
    Q_OBJECT

private:
    // Dana, another editor, clones the project lazily.
    TeammateClone m_dana;

    Projects::ProjectStore danasStore() { return Projects::ProjectStore(m_dana.machine->db()); }

    Result<Projects::ProjectFile> danasFile(const QString &path) { return danasStore().file(m_dana.projectId, path); }

    // The paths of Dana's files a search for `text` finds, and how many it
    // passed by for want of their contents.
    std::pair<QStringList, qint64> danaSearches(const QString &text)
    {
        Projects::SearchQuery query;
        query.text.pattern = text;
        query.projectId = m_dana.projectId;
        QStringList paths;
        Result<Projects::SearchSummary> summary = Projects::SearchEngine(m_dana.machine->db()).search(query, [&](const Projects::SearchMatch &m) {
            paths << m.path;
            return true;
        });
        if (!summary)
            return {{QStringLiteral("(failed: %1)").arg(summary.error().message)}, -1};
        return {paths, summary->filesNotDownloaded};
    }

    Result<Projects::ImportReport> danaImports(const QString &file, const QByteArray &content)
    {
        QTemporaryDir folder;
        Test::writeFile(folder.path(), file, content);
        Projects::ImportOptions options;
        options.name = QStringLiteral("notes");
        return Projects::ProjectImporter(m_dana.machine->db()).importProject(folder.path(), options);
    }

    // Dana's src/app.js is downloaded: read as it is, found by search
    // (with the two files not downloaded counted).
    void appIsHereAndFound()
    {
        Result<Projects::ProjectFile> app = danasFile(QStringLiteral("src/app.js"));
        REALM_VERIFY_OK(app);
        QVERIFY(app->downloaded);
        QCOMPARE(app->encoding, QStringLiteral("utf-8"));
        Result<QByteArray> content = danasStore().content(*app);
        REALM_VERIFY_OK(content);
        QCOMPARE(*content, QByteArray("console.log('hi');\n"));
        QCOMPARE(danaSearches(QStringLiteral("console")), std::make_pair(QStringList{QStringLiteral("src/app.js")}, qint64(2)));
    }

private slots:
    void init()
    {
        startTeam();
        m_dana = cloneLazily(QStringLiteral("Dana"));
        QVERIFY(!m_dana.projectId.isEmpty());
    }

    void cleanup()
    {
        m_dana.machine.reset();
        stopTeam();
    }

    void aLazyCloneListsEveryFileAndDownloadsNone()
    {
        QCOMPARE(m_dana.machine->transport->fetches, 0);
        QCOMPARE(m_dana.machine->transport->downloads, 0);
        QCOMPARE(filesOf(*m_dana.machine, m_dana.projectId), serverFiles());
        Result<std::optional<Link>> link = SyncClient::SyncState::link(m_dana.machine->db()->handle(), m_dana.projectId);
        REALM_VERIFY_OK(link);
        QCOMPARE((*link)->contents, Link::Contents::Lazy);

        Result<Projects::ProjectFile> app = danasFile(QStringLiteral("src/app.js"));
        REALM_VERIFY_OK(app);
        QVERIFY(!app->downloaded);
        QCOMPARE(app->size, qint64(QByteArray("console.log('hi');\n").size()));
        QCOMPARE(app->language, QStringLiteral("javascript"));
        Result<QByteArray> content = danasStore().content(*app);
        QVERIFY(!content);
        QCOMPARE(content.error().code, Error::Code::NotFound);
        QVERIFY2(content.error().message.contains(QLatin1String("src/app.js")) && content.error().message.contains(QLatin1String("not been downloaded")),
                 qPrintable(content.error().message));
        Result<Projects::Project> project = danasStore().find(m_dana.projectId);
        REALM_VERIFY_OK(project);
        QCOMPARE(project->fileCount, qint64(3));
        QCOMPARE(project->totalBytes, qint64(QByteArray("# Website\nconsole.log('hi');\nbody {}\n").size()));

        // Search says what it could not look into, rather than "no match".
        QCOMPARE(danaSearches(QStringLiteral("console")), std::make_pair(QStringList(), qint64(3)));
        QCOMPARE(danaSearches(QStringLiteral("^")), std::make_pair(QStringList(), qint64(3)));

        // The history is the project's, as an eager clone's.
        Result<QList<Projects::ProjectVersion>> versions = Projects::ProjectHistory(m_dana.machine->db()).versions(m_dana.projectId);
        REALM_VERIFY_OK(versions);
        QVERIFY(!versions->isEmpty());
    }

    void aTeammatesChangeArrivesWithoutItsBytes()
    {
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/app.js"), "console.log('changed');\n");
        REALM_VERIFY_OK(sendAlicesFolder());
        Result<SyncReport> pulled = m_dana.syncer().sync(m_dana.projectId);
        REALM_VERIFY_OK(pulled);
        QCOMPARE(pulled->received, qint64(1));
        QCOMPARE(m_dana.machine->transport->fetches + m_dana.machine->transport->downloads, 0);
        QCOMPARE(filesOf(*m_dana.machine, m_dana.projectId), serverFiles());
        Result<Projects::ProjectFile> app = danasFile(QStringLiteral("src/app.js"));
        REALM_VERIFY_OK(app);
        QVERIFY(!app->downloaded);
        QCOMPARE(app->size, qint64(QByteArray("console.log('changed');\n").size()));

        // Thrown away, the contents never downloaded go like any others.
        REALM_VERIFY_OK(danasStore().moveToTrash(m_dana.projectId));
        Result<int> purged = danasStore().emptyTrash();
        REALM_VERIFY_OK(purged);
        QCOMPARE(*purged, 1);
        QSqlQuery q(m_dana.machine->db()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM blobs")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO blob_text(blob_text) VALUES ('integrity-check')")), qPrintable(q.lastError().text()));
    }

    void bytesArrivingLaterFillTheRowAndTheIndex()
    {
        // The same bytes imported into another project: the clone's file
        // has them too, found by search like any other.
        REALM_VERIFY_OK(danaImports(QStringLiteral("copy.js"), "console.log('hi');\n"));
        appIsHereAndFound();
        if (QTest::currentTestFailed())
            return;
    }

    void contentsAlreadyHereAreUsed()
    {
        // A second lazy clone in a workspace that holds the README's bytes.
        REALM_VERIFY_OK(danaImports(QStringLiteral("README.md"), "# Website\n"));
        REALM_VERIFY_OK(danasStore().moveToTrash(m_dana.projectId));
        REALM_VERIFY_OK(danasStore().emptyTrash());
        Result<SyncReport> again = m_dana.syncer().clone(QStringLiteral("http://server"), m_serverProject, QStringLiteral("website"), {}, Link::Contents::Lazy);
        REALM_VERIFY_OK(again);
        m_dana.projectId = again->projectId;
        QCOMPARE(filesOf(*m_dana.machine, m_dana.projectId), serverFiles());
        Result<Projects::ProjectFile> readme = danasFile(QStringLiteral("README.md"));
        REALM_VERIFY_OK(readme);
        QVERIFY(readme->downloaded);
        Result<Projects::ProjectFile> style = danasFile(QStringLiteral("src/style.css"));
        REALM_VERIFY_OK(style);
        QVERIFY(!style->downloaded);
    }

    void aFetchDownloadsWhatIsMissing()
    {
        Result<Projects::Project> before = danasStore().find(m_dana.projectId);
        REALM_VERIFY_OK(before);
        Result<SyncReport> one = m_dana.syncer().fetch(m_dana.projectId, {QStringLiteral("src/app.js")});
        REALM_VERIFY_OK(one);
        QCOMPARE(one->fetched, qint64(1));
        QCOMPARE(one->downloadedBytes, qint64(QByteArray("console.log('hi');\n").size()));
        appIsHereAndFound();
        if (QTest::currentTestFailed())
            return;
        // A new revision: the code index and statistics take the file in.
        Result<Projects::Project> after = danasStore().find(m_dana.projectId);
        REALM_VERIFY_OK(after);
        QVERIFY(after->revision > before->revision);

        // The rest, all at once; then nothing is left to ask for.
        Result<SyncReport> rest = m_dana.syncer().fetch(m_dana.projectId);
        REALM_VERIFY_OK(rest);
        QCOMPARE(rest->fetched, qint64(2));
        const int requests = m_dana.machine->transport->fetches + m_dana.machine->transport->downloads;
        Result<SyncReport> none = m_dana.syncer().fetch(m_dana.projectId);
        REALM_VERIFY_OK(none);
        QCOMPARE(none->fetched, qint64(0));
        QCOMPARE(m_dana.machine->transport->fetches + m_dana.machine->transport->downloads, requests);
        Result<QList<Projects::ProjectFile>> files = danasStore().files(m_dana.projectId);
        REALM_VERIFY_OK(files);
        for (const Projects::ProjectFile &file : std::as_const(*files)) {
            QVERIFY2(file.downloaded, qPrintable(file.path));
            Result<QByteArray> bytes = danasStore().content(file);
            REALM_VERIFY_OK(bytes);
            QCOMPARE(sha(*bytes), QString::fromLatin1(file.sha256.toHex()));
        }
    }

    void aFetchOfEverythingTakesTheHistoryToo()
    {
        const QByteArray before = "console.log('hi');\n";
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/app.js"), "console.log('changed');\n");
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("tools/run"), "#!/bin/sh\necho run\n");
        REALM_VERIFY_OK(sendAlicesFolder());
        REALM_VERIFY_OK(m_dana.syncer().sync(m_dana.projectId));
        // Without its first line, a script without an extension is no language.
        Result<Projects::ProjectFile> run = danasFile(QStringLiteral("tools/run"));
        REALM_VERIFY_OK(run);
        QCOMPARE(run->language, QString());

        // A named file alone leaves the history; everything takes it (a
        // Git export of the history needs the earlier app.js).
        Result<SyncReport> one = m_dana.syncer().fetch(m_dana.projectId, {QStringLiteral("tools/run")});
        REALM_VERIFY_OK(one);
        QCOMPARE(one->fetched, qint64(1));
        run = danasFile(QStringLiteral("tools/run"));
        REALM_VERIFY_OK(run);
        QCOMPARE(run->language, QStringLiteral("shell"));
        Result<std::optional<QByteArray>> earlier = Projects::Replica::content(m_dana.machine->db()->handle(), QCryptographicHash::hash(before, QCryptographicHash::Sha256));
        REALM_VERIFY_OK(earlier);
        QVERIFY(!*earlier);
        Result<SyncReport> all = m_dana.syncer().fetch(m_dana.projectId);
        REALM_VERIFY_OK(all);
        QCOMPARE(all->fetched, qint64(4)); // README.md, style.css and both app.js
        earlier = Projects::Replica::content(m_dana.machine->db()->handle(), QCryptographicHash::hash(before, QCryptographicHash::Sha256));
        REALM_VERIFY_OK(earlier);
        QCOMPARE(earlier->value_or(QByteArray()), before);
        Result<bool> lacking = Projects::Replica::hasAbsent(m_dana.machine->db()->handle(), m_dana.projectId);
        REALM_VERIFY_OK(lacking);
        QVERIFY(!*lacking);
        // Found from the file, not changed here: nothing to send.
        Result<qint64> pending = SyncClient::ProjectSyncer::pendingChanges(m_dana.machine->db()->handle(), m_dana.projectId);
        REALM_VERIFY_OK(pending);
        QCOMPARE(*pending, qint64(0));
    }

    void aFetchOfAFileTheProjectLacksSaysSo()
    {
        Result<SyncReport> refused = m_dana.syncer().fetch(m_dana.projectId, {QStringLiteral("src/missing.js")});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::NotFound);
        QVERIFY2(refused.error().message.contains(QLatin1String("src/missing.js")), qPrintable(refused.error().message));
    }

    void aFetchThatCannotReachTheServerChangesNothing()
    {
        m_dana.machine->transport->fetchesBeforeOffline = 0;
        Result<SyncReport> failed = m_dana.syncer().fetch(m_dana.projectId);
        QVERIFY(!failed);
        Result<QList<Projects::ProjectFile>> files = danasStore().files(m_dana.projectId);
        REALM_VERIFY_OK(files);
        for (const Projects::ProjectFile &file : std::as_const(*files))
            QVERIFY2(!file.downloaded, qPrintable(file.path));
        QCOMPARE(danaSearches(QStringLiteral("console")), std::make_pair(QStringList(), qint64(3)));
    }

    void aProjectNotSharedHasNothingToFetch()
    {
        Result<Projects::ImportReport> notes = danaImports(QStringLiteral("a.txt"), "a\n");
        REALM_VERIFY_OK(notes);
        Result<SyncReport> refused = m_dana.syncer().fetch(notes->project.id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::NotFound);
    }

    void turnedEagerTheNextSyncDownloadsTheRest()
    {
        Result<SyncClient::ContentsState> set = SyncClient::setContents(m_dana.machine->db(), m_dana.projectId, Link::Contents::Eager);
        REALM_VERIFY_OK(set);
        QCOMPARE(set->notDownloaded, qint64(3));
        Result<SyncReport> synced = m_dana.syncer().sync(m_dana.projectId);
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->fetched, qint64(3));
        Result<std::optional<SyncClient::ContentsState>> state = SyncClient::contentsState(m_dana.machine->db(), m_dana.projectId);
        REALM_VERIFY_OK(state);
        QCOMPARE((*state)->contents, Link::Contents::Eager);
        QCOMPARE((*state)->notDownloaded, qint64(0));
        // And nothing more is asked for after.
        const int requests = m_dana.machine->transport->fetches + m_dana.machine->transport->downloads;
        REALM_VERIFY_OK(m_dana.syncer().sync(m_dana.projectId));
        QCOMPARE(m_dana.machine->transport->fetches + m_dana.machine->transport->downloads, requests);
    }

    void aFolderTakingThePullsCannotBeLazy()
    {
        Result<SyncClient::ContentsState> refused = SyncClient::setContents(m_alicesMachine->db(), m_aliceProject, Link::Contents::Lazy);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QVERIFY2(refused.error().message.contains(QLatin1String("--folder-updates off")), qPrintable(refused.error().message));
        Result<std::optional<SyncClient::ContentsState>> state = SyncClient::contentsState(m_alicesMachine->db(), m_aliceProject);
        REALM_VERIFY_OK(state);
        QCOMPARE((*state)->contents, Link::Contents::Eager);
        Result<Projects::ImportReport> notes = danaImports(QStringLiteral("a.txt"), "a\n");
        REALM_VERIFY_OK(notes);
        Result<SyncClient::ContentsState> notShared = SyncClient::setContents(m_dana.machine->db(), notes->project.id, Link::Contents::Lazy);
        QVERIFY(!notShared);
        QCOMPARE(notShared.error().code, Error::Code::NotFound);
    }

    void aCheckoutFolderNeedsEveryContent()
    {
        QTemporaryDir checkout;
        Result<SyncReport> refused = m_bobsMachine->syncer().clone(QStringLiteral("http://server"), m_serverProject, QStringLiteral("second"),
                                                                   checkout.filePath(QStringLiteral("w")), Link::Contents::Lazy);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QVERIFY(!Projects::ProjectStore(m_bobsMachine->db()).find(QStringLiteral("second")));
    }

    void aFolderTakingThePullsGetsTheBytes()
    {
        // Alice's project is her folder: lazy or not, a pull writes there.
        REALM_VERIFY_OK(SyncClient::SyncState::setContents(m_alicesMachine->db()->handle(), m_aliceProject, Link::Contents::Lazy));
        // Dana has no folder: she adds a file as resolving a conflict does.
        Result<SyncReport> danaSent = [&]() -> Result<SyncReport> {
            Storage::Handle db = m_dana.machine->db()->handle();
            Storage::Transaction transaction(db);
            Projects::Replica::Writer writer(db, m_dana.projectId, Projects::Replica::Writer::Origin::Local);
            if (Result<void> written = writer.write(QStringLiteral("docs/new.md"), "# New\n", 0644); !written)
                return written.error();
            if (Result<void> finished = writer.finish(); !finished)
                return finished.error();
            if (Result<void> committed = transaction.commit(QStringLiteral("Cannot add the file")); !committed)
                return committed.error();
            return m_dana.syncer().sync(m_dana.projectId);
        }();
        REALM_VERIFY_OK(danaSent);
        QCOMPARE(danaSent->sent, qint64(1));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(Test::filesUnder(m_alicesMachine->folder.path()).value(QStringLiteral("docs/new.md")), sha("# New\n"));
        Result<Projects::ProjectFile> added = Projects::ProjectStore(m_alicesMachine->db()).file(m_aliceProject, QStringLiteral("docs/new.md"));
        REALM_VERIFY_OK(added);
        QVERIFY(added->downloaded);
    }
};

QTEST_GUILESS_MAIN(TestLazyContents)
#include "tst_lazycontents.moc"
