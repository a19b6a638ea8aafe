// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "common/clock.h"
#include "sync/syncprotocol.h"
#include "syncserver/projectsync.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <initializer_list>
#include <memory>
#include <utility>

using namespace Realm;
using namespace Realm::Auth;
using namespace Realm::ServerDb;
using Realm::SyncServer::ProjectSync;
using Outcome = Realm::Sync::MutationResult::Outcome;
using Reset = Realm::Sync::ChangePage::Reset;

namespace {
const ClientInfo kClient{QStringLiteral("192.0.2.7"), QStringLiteral("tst_projectsync")};
const QString kFiles = QString::fromLatin1(Sync::Tables::kFiles);
const QString kConversations = QString::fromLatin1(Sync::Tables::kConversations);
const QString kMain = QStringLiteral("src/main.cpp");
const QString kBobLaptop = QStringLiteral("bob-laptop");
const QString kAlicePc = QStringLiteral("alice-pc");
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Binary as Git sees it: a NUL byte in it.
QByteArray binary(const char *text)
{
    QByteArray bytes(1, '\0');
    bytes.append(text);
    return bytes;
}

Sync::Mutation upsert(qint64 number, const QString &table, const QString &key, const QJsonObject &data, qint64 baseSeq = 0)
{
    Sync::Mutation mutation;
    mutation.number = number;
    mutation.table = table;
    mutation.key = key;
    mutation.op = Sync::Mutation::Op::Upsert;
    mutation.baseSeq = baseSeq;
    mutation.data = data;
    return mutation;
}

Sync::Mutation removal(qint64 number, const QString &table, const QString &key, qint64 baseSeq)
{
    Sync::Mutation mutation;
    mutation.number = number;
    mutation.table = table;
    mutation.key = key;
    mutation.op = Sync::Mutation::Op::Delete;
    mutation.baseSeq = baseSeq;
    return mutation;
}

// `path` now holds `content` (uploaded separately), changed from the
// item at `baseSeq` whose content was `baseSha`.
Sync::Mutation fileMutation(qint64 number, const QString &path, const QByteArray &content, qint64 baseSeq = 0, const QString &baseSha = {})
{
    const QJsonObject data{{QStringLiteral("sha256"), sha(content)},
                           {QStringLiteral("size"), qint64(content.size())},
                           {QStringLiteral("mode"), 420},
                           {QStringLiteral("encoding"), content.contains('\0') ? QStringLiteral("binary") : QStringLiteral("utf-8")}};
    Sync::Mutation mutation = upsert(number, kFiles, path, data, baseSeq);
    mutation.baseSha256 = baseSha;
    return mutation;
}

Sync::Mutation conversation(qint64 number, const QString &id, const QString &title, qint64 baseSeq = 0)
{
    return upsert(number, kConversations, id, QJsonObject{{QStringLiteral("title"), title}}, baseSeq);
}

QStringList outcomesOf(const Sync::PushResult &result)
{
    QStringList names;
    for (const Sync::MutationResult &one : result.results)
        names.append(Sync::outcomeName(one.outcome));
    return names;
}

QStringList named(std::initializer_list<Outcome> outcomes)
{
    QStringList names;
    for (Outcome outcome : outcomes)
        names.append(Sync::outcomeName(outcome));
    return names;
}

QList<qint64> seqsOf(const QList<Sync::MutationResult> &results)
{
    QList<qint64> seqs;
    for (const Sync::MutationResult &result : results)
        seqs.append(result.seq);
    return seqs;
}

QList<qint64> seqsOf(const QList<Sync::Change> &changes)
{
    QList<qint64> seqs;
    for (const Sync::Change &change : changes)
        seqs.append(change.seq);
    return seqs;
}

QHash<QString, Sync::Change> byKey(const Sync::ChangePage &page)
{
    QHash<QString, Sync::Change> items;
    for (const Sync::Change &change : page.changes)
        items.insert(change.key, change);
    return items;
}

QString shaOf(const Sync::Change &change) { return change.data.value(QStringLiteral("sha256")).toString(); }

// Whether `result` failed with `code`; says what happened instead when not.
template<typename T>
bool fails(const Result<T> &result, Error::Code code)
{
    if (!result.ok() && result.error().code == code)
        return true;
    QString got = QStringLiteral("success");
    if (!result.ok())
        got = errorCodeName(result.error().code) + QStringLiteral(": ") + result.error().message;
    qWarning("expected %s, got %s", qPrintable(errorCodeName(code)), qPrintable(got));
    return false;
}

} // namespace

// The server's side of sync for a shared project, on SQLite and PostgreSQL:
// uploads, pushes (once per client, in order), pulls by cursor, the merge
// rules for changes made meanwhile, roles, and tombstone pruning.
class TestProjectSync final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;
    std::unique_ptr<SharedProjects> m_projects;
    std::unique_ptr<ProjectSync> m_sync;
    Principal m_alice; // owns Acme, created the project: its admin
    Principal m_bob;   // editor of the project
    Principal m_carol; // viewer of the project
    Principal m_dave;  // not in Acme
    QString m_acme;
    QString m_project;

    // `who` uploads `content` in one go: whether it is now complete.
    bool upload(const Principal &who, const QByteArray &content, const QString &project = {})
    {
        Result<ProjectSync::UploadProgress> progress =
            m_sync->uploadBlob(who, project.isEmpty() ? m_project : project, sha(content), content.size(), 0, content);
        if (!progress) {
            qWarning("upload failed: %s", qPrintable(progress.error().message));
            return false;
        }
        return progress->complete && progress->received == content.size();
    }

    Result<Sync::PushResult> push(const Principal &who, const QString &clientId, const QList<Sync::Mutation> &mutations)
    {
        return m_sync->push(who, m_project, clientId, mutations, kClient);
    }

    Result<Sync::ChangePage> pull(const Principal &who, const QString &cursor = {}, int limit = 100) const
    {
        return m_sync->changes(who, m_project, cursor, limit);
    }

    // Bob creates `path` with `base` and then edits it to `bobs`; Alice, who
    // only had `base`, pushes `alices` afterwards. Alice's push's result.
    Result<Sync::PushResult> editOnBothSides(const QString &path, const QByteArray &base, const QByteArray &bobs, const QByteArray &alices)
    {
        if (!upload(m_bob, base) || !upload(m_bob, bobs) || !upload(m_alice, alices))
            return Error::failed(QStringLiteral("an upload failed"));
        Result<Sync::PushResult> created = push(m_bob, kBobLaptop, {fileMutation(1, path, base)});
        if (!created)
            return created.error();
        const qint64 baseSeq = created->lastSeq;
        Result<Sync::PushResult> bobsEdit = push(m_bob, kBobLaptop, {fileMutation(2, path, bobs, baseSeq, sha(base))});
        if (!bobsEdit)
            return bobsEdit.error();
        // Bob's edit is based on the current seq: stored as sent.
        if (outcomesOf(*bobsEdit) != named({Outcome::Applied}))
            return Error::failed(QStringLiteral("Bob's edit was not applied as sent"));
        return push(m_alice, kAlicePc, {fileMutation(1, path, alices, baseSeq, sha(base))});
    }

private slots:
    void init()
    {
        m_db = Test::openTestServerDatabase(m_folder.path());
        m_projects = std::make_unique<SharedProjects>(m_db);
        m_sync = std::make_unique<ProjectSync>(m_db);
        const std::pair<Principal *, QString> people[] = {{&m_alice, QStringLiteral("Alice")},
                                                          {&m_bob, QStringLiteral("Bob")},
                                                          {&m_carol, QStringLiteral("Carol")},
                                                          {&m_dave, QStringLiteral("Dave")}};
        for (const auto &[person, name] : people) {
            *person = Test::addPerson(m_db, name); // conflict copies are named after it
            QVERIFY(!person->userId.isEmpty());
        }
        Organizations orgs(m_db);
        Result<Org> acme = orgs.create(m_alice, QStringLiteral("Acme"), kClient);
        REALM_VERIFY_OK(acme);
        m_acme = acme->id;
        // Plain members: an organization admin would administer every project.
        REALM_VERIFY_OK(orgs.addMember(m_alice, m_acme, QStringLiteral("bob@example.org"), OrgRole::Member, kClient));
        REALM_VERIFY_OK(orgs.addMember(m_alice, m_acme, QStringLiteral("carol@example.org"), OrgRole::Member, kClient));
        Result<SharedProject> project = m_projects->create(m_alice, m_acme, QStringLiteral("Website"), {}, kClient);
        REALM_VERIFY_OK(project);
        m_project = project->id;
        REALM_VERIFY_OK(m_projects->setMember(m_alice, m_project, QStringLiteral("bob@example.org"), ProjectRole::Editor, kClient));
        REALM_VERIFY_OK(m_projects->setMember(m_alice, m_project, QStringLiteral("carol@example.org"), ProjectRole::Viewer, kClient));
    }

    void cleanup()
    {
        m_sync.reset();
        m_projects.reset();
        m_db.reset();
    }

    void aSmallUploadCompletesAtOnce()
    {
        const QByteArray content("int main() { return 0; }\n");
        Result<ProjectSync::UploadProgress> progress = m_sync->uploadBlob(m_bob, m_project, sha(content), content.size(), 0, content);
        REALM_VERIFY_OK(progress);
        QVERIFY(progress->complete);
        QCOMPARE(progress->received, qint64(content.size()));
        QCOMPARE(progress->size, qint64(content.size()));
        Result<Sync::BlobStatus> status = m_sync->blobStatus(m_carol, m_project, {sha(content)});
        REALM_VERIFY_OK(status);
        QVERIFY(status->missing.isEmpty());
        QVERIFY(status->partial.isEmpty());
    }

    void aChunkedUploadGoesOnWhereItStands()
    {
        const QByteArray content = QByteArray("chunked upload, ").repeated(8);
        const QByteArray other("never uploaded\n");
        const QString hash = sha(content);
        const qint64 firstLength = 40;
        Result<ProjectSync::UploadProgress> first = m_sync->uploadBlob(m_bob, m_project, hash, content.size(), 0, content.left(firstLength));
        REALM_VERIFY_OK(first);
        QVERIFY(!first->complete);
        QCOMPARE(first->received, firstLength);
        // A chunk that skips bytes does not fit.
        QVERIFY(fails(m_sync->uploadBlob(m_bob, m_project, hash, content.size(), firstLength + 1, content.mid(firstLength + 1)),
                      Error::Code::Conflict));
        // Not held whole: missing, with how much arrived so far; the other one is only missing.
        Result<Sync::BlobStatus> status = m_sync->blobStatus(m_bob, m_project, {hash, sha(other)});
        REALM_VERIFY_OK(status);
        QStringList missing = status->missing;
        missing.sort();
        QStringList expected{hash, sha(other)};
        expected.sort();
        QCOMPARE(missing, expected);
        QCOMPARE(status->partial.size(), 1);
        QCOMPARE(status->partial.first().first, hash);
        QCOMPARE(status->partial.first().second, firstLength);

        Result<ProjectSync::UploadProgress> second = m_sync->uploadBlob(m_bob, m_project, hash, content.size(), firstLength, content.mid(firstLength));
        REALM_VERIFY_OK(second);
        QVERIFY(second->complete);
        QCOMPARE(second->received, qint64(content.size()));
        Result<Sync::BlobStatus> after = m_sync->blobStatus(m_bob, m_project, {hash});
        REALM_VERIFY_OK(after);
        QVERIFY(after->missing.isEmpty());
        QVERIFY(after->partial.isEmpty());
    }

    void contentNotMatchingItsHashIsDropped()
    {
        const QByteArray right("the right content");
        const QByteArray wrong("the wrong content"); // the same size
        QVERIFY(fails(m_sync->uploadBlob(m_bob, m_project, sha(right), right.size(), 0, wrong), Error::Code::InvalidInput));
        // What arrived is gone: missing, not partial.
        Result<Sync::BlobStatus> status = m_sync->blobStatus(m_bob, m_project, {sha(right)});
        REALM_VERIFY_OK(status);
        QCOMPARE(status->missing, QStringList{sha(right)});
        QVERIFY(status->partial.isEmpty());
        // So the upload starts afresh from offset 0.
        QVERIFY(upload(m_bob, right));
    }

    void contentTheOrganizationHoldsIsProvenNotTakenOnItsHash()
    {
        const QByteArray content("shared between projects\n");
        QVERIFY(upload(m_bob, content));
        // Another project of Acme: naming the hash is not enough to get the
        // content into it (and so to read it there).
        Result<SharedProject> second = m_projects->create(m_alice, m_acme, QStringLiteral("Second"), {}, kClient);
        REALM_VERIFY_OK(second);
        Result<ProjectSync::UploadProgress> named = m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 0, QByteArray());
        REALM_VERIFY_OK(named);
        QVERIFY(!named->complete);
        QVERIFY(fails(m_sync->push(m_alice, second->id, kAlicePc, {fileMutation(1, kMain, content)}, kClient), Error::Code::Conflict));
        QVERIFY(fails(m_sync->readBlob(m_alice, second->id, sha(content), 0), Error::Code::NotFound));
        // Other bytes under its hash are refused; the same bytes are
        // compared with what the organization holds, and complete it.
        QByteArray forged = content;
        forged[0] = 'S';
        QVERIFY(fails(m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 0, forged), Error::Code::InvalidInput));
        Result<ProjectSync::UploadProgress> half = m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 0, content.left(10));
        REALM_VERIFY_OK(half);
        QVERIFY(!half->complete);
        QCOMPARE(half->received, 10);
        Result<Sync::BlobStatus> status = m_sync->blobStatus(m_alice, second->id, {sha(content)});
        REALM_VERIFY_OK(status);
        QCOMPARE(status->partial.size(), 1);
        QCOMPARE(status->partial.first().second, 10);
        Result<ProjectSync::UploadProgress> proven = m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 10, content.mid(10));
        REALM_VERIFY_OK(proven);
        QVERIFY(proven->complete);
        REALM_VERIFY_OK(m_sync->push(m_alice, second->id, kAlicePc, {fileMutation(1, kMain, content)}, kClient));
        Result<ProjectSync::BlobRange> read = m_sync->readBlob(m_alice, second->id, sha(content), 0);
        REALM_VERIFY_OK(read);
        QCOMPARE(read->bytes, content);
    }

    void anEmptyUploadCompletesOnlyTheEmptyContent()
    {
        // Nothing uploaded under another content's hash must not make it
        // "complete" for the organization.
        const QByteArray content("not empty\n");
        QVERIFY(fails(m_sync->uploadBlob(m_bob, m_project, sha(content), 0, 0, QByteArray()), Error::Code::InvalidInput));
        Result<Sync::BlobStatus> status = m_sync->blobStatus(m_bob, m_project, {sha(content)});
        REALM_VERIFY_OK(status);
        QCOMPARE(status->missing, QStringList{sha(content)});
        QVERIFY(upload(m_bob, content));
        Result<ProjectSync::UploadProgress> empty = m_sync->uploadBlob(m_bob, m_project, sha(QByteArray()), 0, 0, QByteArray());
        REALM_VERIFY_OK(empty);
        QVERIFY(empty->complete);
    }

    void onlyEditorsUploadAndOutsidersSeeNothing()
    {
        const QByteArray content("from a viewer\n");
        QVERIFY(fails(m_sync->uploadBlob(m_carol, m_project, sha(content), content.size(), 0, content), Error::Code::Forbidden));
        QVERIFY(fails(m_sync->uploadBlob(m_dave, m_project, sha(content), content.size(), 0, content), Error::Code::NotFound));
        // Viewers may ask what is missing; outsiders may not even do that.
        REALM_VERIFY_OK(m_sync->blobStatus(m_carol, m_project, {sha(content)}));
        QVERIFY(fails(m_sync->blobStatus(m_dave, m_project, {sha(content)}), Error::Code::NotFound));
    }

    void aFileNeedsItsContentUploadedFirst()
    {
        const QByteArray content = QByteArray("not there yet\n").repeated(4);
        const QList<Sync::Mutation> mutations{conversation(1, QStringLiteral("c1"), QStringLiteral("Plans")), fileMutation(2, kMain, content)};
        QVERIFY(fails(push(m_bob, kBobLaptop, mutations), Error::Code::Conflict));
        // Half an upload is not the content either.
        REALM_VERIFY_OK(m_sync->uploadBlob(m_bob, m_project, sha(content), content.size(), 0, content.left(10)));
        QVERIFY(fails(push(m_bob, kBobLaptop, mutations), Error::Code::Conflict));
        // One transaction per call: the conversation before it was not applied either.
        Result<Sync::ChangePage> page = pull(m_bob);
        REALM_VERIFY_OK(page);
        QVERIFY(page->changes.isEmpty());
        // Once uploaded, the same push goes through, from number 1.
        REALM_VERIFY_OK(m_sync->uploadBlob(m_bob, m_project, sha(content), content.size(), 10, content.mid(10)));
        Result<Sync::PushResult> pushed = push(m_bob, kBobLaptop, mutations);
        REALM_VERIFY_OK(pushed);
        QCOMPARE(outcomesOf(*pushed), named({Outcome::Applied, Outcome::Applied}));
        QCOMPARE(pushed->lastSeq, 2);
    }

    void pushesGetTheProjectsNextSeqsAndPullsShowThem()
    {
        const QByteArray content("int main() {}\n");
        QVERIFY(upload(m_bob, content));
        Result<Sync::PushResult> pushed = push(m_bob, kBobLaptop,
                                               {fileMutation(1, kMain, content), conversation(2, QStringLiteral("c1"), QStringLiteral("Plans")),
                                                fileMutation(3, QStringLiteral("README.md"), content)});
        REALM_VERIFY_OK(pushed);
        QCOMPARE(outcomesOf(*pushed), named({Outcome::Applied, Outcome::Applied, Outcome::Applied}));
        for (int i = 0; i < pushed->results.size(); ++i) {
            QCOMPARE(pushed->results.at(i).number, qint64(i + 1));
            QCOMPARE(pushed->results.at(i).seq, qint64(i + 1));
        }
        QCOMPARE(pushed->lastSeq, 3);

        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(seqsOf(page->changes), (QList<qint64>{1, 2, 3}));
        const Sync::Change &file = page->changes.first();
        QCOMPARE(file.table, kFiles);
        QCOMPARE(file.key, kMain);
        QVERIFY(!file.deleted);
        QCOMPARE(shaOf(file), sha(content));
        QCOMPARE(file.data.value(QStringLiteral("size")).toInteger(), qint64(content.size()));
        QCOMPARE(file.changedBy, m_bob.userId);
        QCOMPARE(page->changes.at(1).table, kConversations);
        QCOMPARE(page->changes.at(1).data.value(QStringLiteral("title")).toString(), QStringLiteral("Plans"));
        QVERIFY(!page->hasMore);
        QCOMPARE(page->reset, Reset::None);
        QCOMPARE(page->cursor.seq, 3);
    }

    void pullsPageOldestFirst()
    {
        QList<Sync::Mutation> five;
        for (int i = 1; i <= 5; ++i)
            five.append(conversation(i, QStringLiteral("c%1").arg(i), QStringLiteral("Conversation %1").arg(i)));
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, five));
        QList<qint64> seen;
        QString cursor;
        bool more = true;
        int pages = 0;
        while (more && pages < 10) {
            Result<Sync::ChangePage> page = pull(m_carol, cursor, 2);
            REALM_VERIFY_OK(page);
            QVERIFY(page->changes.size() <= 2);
            seen.append(seqsOf(page->changes));
            cursor = page->cursor.toText();
            more = page->hasMore;
            ++pages;
        }
        QCOMPARE(seen, (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(pages, 3);
        // Caught up: nothing more.
        Result<Sync::ChangePage> after = pull(m_carol, cursor, 2);
        REALM_VERIFY_OK(after);
        QVERIFY(after->changes.isEmpty());
        QVERIFY(!after->hasMore);
        QCOMPARE(after->reset, Reset::None);
    }

    // A page stops where its items' data pass the byte cap (however many
    // the limit allows), but always carries one: an item larger than the
    // cap comes alone.
    void aPageStopsAtItsByteCap()
    {
        ProjectSync::Limits limits;
        limits.maxPageBytes = 1000;
        m_sync = std::make_unique<ProjectSync>(m_db, limits);
        QList<Sync::Mutation> five;
        for (int i = 1; i <= 5; ++i)
            five.append(conversation(i, QStringLiteral("c%1").arg(i), QString(i == 3 ? 3000 : 600, QLatin1Char('a' + i))));
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, five));
        QList<QList<qint64>> pages;
        QString cursor;
        bool more = true;
        while (more && pages.size() < 10) {
            Result<Sync::ChangePage> page = pull(m_carol, cursor, 100);
            REALM_VERIFY_OK(page);
            pages.append(seqsOf(page->changes));
            cursor = page->cursor.toText();
            more = page->hasMore;
        }
        // About 650 bytes each: a page takes two and stops past 1,000; the
        // one of 3,000 fills a page alone.
        QCOMPARE(pages, (QList<QList<qint64>>{{1, 2}, {3}, {4, 5}}));
    }

    void malformedCursorsAreRefused()
    {
        QVERIFY(fails(pull(m_carol, QStringLiteral("garbage")), Error::Code::InvalidInput));
        QVERIFY(fails(pull(m_carol, QStringLiteral("epoch:notanumber")), Error::Code::InvalidInput));
    }

    void aCursorOfAnotherEpochStartsFromTheBeginning()
    {
        REALM_VERIFY_OK(push(m_bob, kBobLaptop,
                             {conversation(1, QStringLiteral("c1"), QStringLiteral("one")), conversation(2, QStringLiteral("c2"), QStringLiteral("two")),
                              conversation(3, QStringLiteral("c3"), QStringLiteral("three"))}));
        // As if the client had synced with the server before a restore.
        Result<Sync::ChangePage> page = pull(m_carol, QStringLiteral("someotherepoch:3"));
        REALM_VERIFY_OK(page);
        QCOMPARE(page->reset, Reset::Epoch);
        QCOMPARE(seqsOf(page->changes), (QList<qint64>{1, 2, 3}));
        QVERIFY(!page->cursor.epoch.isEmpty());
        QVERIFY(page->cursor.epoch != QStringLiteral("someotherepoch"));
        // Its cursor is of this epoch: no reset from there on.
        Result<Sync::ChangePage> next = pull(m_carol, page->cursor.toText());
        REALM_VERIFY_OK(next);
        QCOMPARE(next->reset, Reset::None);
        QVERIFY(next->changes.isEmpty());
    }

    void aRetryAppliesNothingTwice()
    {
        const QList<Sync::Mutation> firstThree{conversation(1, QStringLiteral("c1"), QStringLiteral("one")),
                                               conversation(2, QStringLiteral("c2"), QStringLiteral("two")),
                                               conversation(3, QStringLiteral("c3"), QStringLiteral("three"))};
        Result<Sync::PushResult> first = push(m_bob, kBobLaptop, firstThree);
        REALM_VERIFY_OK(first);
        QCOMPARE(first->lastSeq, 3);
        // The answer got lost; the client sends the same again.
        Result<Sync::PushResult> retry = push(m_bob, kBobLaptop, firstThree);
        REALM_VERIFY_OK(retry);
        // It gets the first answer again (nothing is applied twice: the
        // scope's last seq stays).
        QCOMPARE(outcomesOf(*retry), named({Outcome::Applied, Outcome::Applied, Outcome::Applied}));
        QCOMPARE(retry->lastSeq, 3);
        // With the seqs of the first answer, so the client learns its base.
        QCOMPARE(seqsOf(retry->results), (QList<qint64>{1, 2, 3}));
        // Overlapping: only the new one applies.
        Result<Sync::PushResult> overlap =
            push(m_bob, kBobLaptop, {firstThree.at(1), firstThree.at(2), conversation(4, QStringLiteral("c4"), QStringLiteral("four"))});
        REALM_VERIFY_OK(overlap);
        QCOMPARE(outcomesOf(*overlap), named({Outcome::Applied, Outcome::Applied, Outcome::Applied}));
        QCOMPARE(seqsOf(overlap->results), (QList<qint64>{2, 3, 4}));
        QCOMPARE(overlap->results.last().seq, 4);
        QCOMPARE(overlap->lastSeq, 4);
        Result<Sync::ChangePage> page = pull(m_bob);
        REALM_VERIFY_OK(page);
        QCOMPARE(seqsOf(page->changes), (QList<qint64>{1, 2, 3, 4}));
    }

    void aClientsOwnEarlierChangeIsItsBase()
    {
        // Made and deleted before the client heard the first seq: its own
        // change is no concurrent edit, so the delete is done.
        const QByteArray content("short-lived\n");
        QVERIFY(upload(m_bob, content));
        Result<Sync::PushResult> pushed = push(m_bob, kBobLaptop, {fileMutation(1, kMain, content), removal(2, kFiles, kMain, 0)});
        REALM_VERIFY_OK(pushed);
        QCOMPARE(outcomesOf(*pushed), named({Outcome::Applied, Outcome::Applied}));
        Result<Sync::ChangePage> page = pull(m_bob);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 1);
        QVERIFY(page->changes.first().deleted);
        // Another client's delete from the same old base is not done.
        Result<Sync::PushResult> again = push(m_bob, kBobLaptop, {fileMutation(3, kMain, content)});
        REALM_VERIFY_OK(again);
        Result<Sync::PushResult> stale = push(m_alice, kAlicePc, {removal(1, kFiles, kMain, 0)});
        REALM_VERIFY_OK(stale);
        QCOMPARE(outcomesOf(*stale), named({Outcome::Kept}));
    }

    void aGapInTheNumbersIsRefusedWhole()
    {
        REALM_VERIFY_OK(push(m_bob, kBobLaptop,
                             {conversation(1, QStringLiteral("c1"), QStringLiteral("one")), conversation(2, QStringLiteral("c2"), QStringLiteral("two")),
                              conversation(3, QStringLiteral("c3"), QStringLiteral("three"))}));
        QVERIFY(fails(push(m_bob, kBobLaptop, {conversation(5, QStringLiteral("c5"), QStringLiteral("five"))}), Error::Code::Conflict));
        // 4 would fit, but a push that skips a number inside itself is
        // malformed: neither is applied.
        QVERIFY(fails(push(m_bob, kBobLaptop,
                           {conversation(4, QStringLiteral("c4"), QStringLiteral("four")), conversation(6, QStringLiteral("c6"), QStringLiteral("six"))}),
                      Error::Code::InvalidInput));
        Result<Sync::ChangePage> page = pull(m_bob);
        REALM_VERIFY_OK(page);
        QCOMPARE(seqsOf(page->changes), (QList<qint64>{1, 2, 3}));
        Result<Sync::PushResult> next = push(m_bob, kBobLaptop, {conversation(4, QStringLiteral("c4"), QStringLiteral("four"))});
        REALM_VERIFY_OK(next);
        QCOMPARE(outcomesOf(*next), named({Outcome::Applied}));
        QCOMPARE(next->lastSeq, 4);
    }

    void aClientIdBelongsToOneUser()
    {
        REALM_VERIFY_OK(push(m_bob, kBobLaptop,
                             {conversation(1, QStringLiteral("c1"), QStringLiteral("one")), conversation(2, QStringLiteral("c2"), QStringLiteral("two"))}));
        // Each client counts from 1.
        Result<Sync::PushResult> phone = push(m_bob, QStringLiteral("bob-phone"), {conversation(1, QStringLiteral("c3"), QStringLiteral("three"))});
        REALM_VERIFY_OK(phone);
        QCOMPARE(outcomesOf(*phone), named({Outcome::Applied}));
        QCOMPARE(phone->lastSeq, 3);
        // Bob's laptop's next number, but from Alice.
        QVERIFY(fails(push(m_alice, kBobLaptop, {conversation(3, QStringLiteral("c4"), QStringLiteral("four"))}), Error::Code::Conflict));
        Result<Sync::ChangePage> page = pull(m_alice);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 3);
    }

    void viewersPullButDoNotPush()
    {
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, {conversation(1, QStringLiteral("c1"), QStringLiteral("one"))}));
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(page->changes.size(), 1);
        QVERIFY(fails(push(m_carol, QStringLiteral("carol-pc"), {conversation(1, QStringLiteral("c2"), QStringLiteral("two"))}), Error::Code::Forbidden));
    }

    void outsidersAndRemovedMembersSeeNothing()
    {
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, {conversation(1, QStringLiteral("c1"), QStringLiteral("one"))}));
        QVERIFY(fails(pull(m_dave), Error::Code::NotFound));
        QVERIFY(fails(push(m_dave, QStringLiteral("dave-pc"), {conversation(1, QStringLiteral("c2"), QStringLiteral("two"))}), Error::Code::NotFound));
        // A role taken away applies to the next call.
        REALM_VERIFY_OK(m_projects->removeMember(m_alice, m_project, QStringLiteral("bob@example.org"), kClient));
        QVERIFY(fails(pull(m_bob), Error::Code::NotFound));
        QVERIFY(fails(push(m_bob, kBobLaptop, {conversation(2, QStringLiteral("c2"), QStringLiteral("two"))}), Error::Code::NotFound));
    }

    void anEditBeatsADeleteAndADeleteOfTheCurrentSeqApplies()
    {
        const QByteArray content("int main() {}\n");
        const QByteArray edited("int main() { return 1; }\n");
        QVERIFY(upload(m_bob, content));
        QVERIFY(upload(m_bob, edited));
        Result<Sync::PushResult> created = push(m_bob, kBobLaptop, {fileMutation(1, kMain, content)});
        REALM_VERIFY_OK(created);
        const qint64 createdSeq = created->lastSeq;

        // Alice deletes the file as she had it before Bob's: his edit wins.
        Result<Sync::PushResult> stale = push(m_alice, kAlicePc, {removal(1, kFiles, kMain, 0)});
        REALM_VERIFY_OK(stale);
        QCOMPARE(outcomesOf(*stale), named({Outcome::Kept}));
        QCOMPARE(stale->lastSeq, createdSeq);
        Result<Sync::ChangePage> kept = pull(m_alice);
        REALM_VERIFY_OK(kept);
        QVERIFY(!byKey(*kept).value(kMain).deleted);
        QCOMPARE(shaOf(byKey(*kept).value(kMain)), sha(content));

        // Knowing the current seq, her delete is done: a tombstone.
        Result<Sync::PushResult> current = push(m_alice, kAlicePc, {removal(2, kFiles, kMain, createdSeq)});
        REALM_VERIFY_OK(current);
        QCOMPARE(outcomesOf(*current), named({Outcome::Applied}));
        const qint64 deletedSeq = current->lastSeq;
        QVERIFY(deletedSeq > createdSeq);
        Result<Sync::ChangePage> deleted = pull(m_carol);
        REALM_VERIFY_OK(deleted);
        QVERIFY(byKey(*deleted).contains(kMain));
        QVERIFY(byKey(*deleted).value(kMain).deleted);
        QCOMPARE(byKey(*deleted).value(kMain).seq, deletedSeq);

        // Bob, who had not seen the delete, edits it: it is back.
        Result<Sync::PushResult> revived = push(m_bob, kBobLaptop, {fileMutation(2, kMain, edited, createdSeq, sha(content))});
        REALM_VERIFY_OK(revived);
        QCOMPARE(outcomesOf(*revived), named({Outcome::Applied}));
        Result<Sync::ChangePage> back = pull(m_carol);
        REALM_VERIFY_OK(back);
        QVERIFY(!byKey(*back).value(kMain).deleted);
        QCOMPARE(shaOf(byKey(*back).value(kMain)), sha(edited));
        QCOMPARE(byKey(*back).value(kMain).seq, revived->lastSeq);
    }

    void theSameContentIsUnchanged()
    {
        const QByteArray content("same on both sides\n");
        QVERIFY(upload(m_bob, content));
        Result<Sync::PushResult> created = push(m_bob, kBobLaptop, {fileMutation(1, kMain, content)});
        REALM_VERIFY_OK(created);
        // Alice made the same file without having seen Bob's.
        Result<Sync::PushResult> same = push(m_alice, kAlicePc, {fileMutation(1, kMain, content)});
        REALM_VERIFY_OK(same);
        QCOMPARE(outcomesOf(*same), named({Outcome::Unchanged}));
        QCOMPARE(same->lastSeq, created->lastSeq);
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(byKey(*page).value(kMain).changedBy, m_bob.userId);
    }

    void editsOfDifferentLinesAreMerged()
    {
        const QByteArray merged("A\nb\nc\nd\nE\n");
        Result<Sync::PushResult> alices = editOnBothSides(kMain, "a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n");
        REALM_VERIFY_OK(alices);
        QCOMPARE(outcomesOf(*alices), named({Outcome::Merged}));
        QCOMPARE(alices->results.first().seq, alices->lastSeq);
        Result<Sync::ChangePage> page = pull(m_alice);
        REALM_VERIFY_OK(page);
        const Sync::Change file = byKey(*page).value(kMain);
        QCOMPARE(shaOf(file), sha(merged));
        QCOMPARE(file.data.value(QStringLiteral("size")).toInteger(), qint64(merged.size()));
        QCOMPARE(file.seq, alices->lastSeq);
        // The server made the merged content: it can be downloaded.
        Result<ProjectSync::BlobRange> read = m_sync->readBlob(m_alice, m_project, sha(merged), 0);
        REALM_VERIFY_OK(read);
        QCOMPARE(read->bytes, merged);
        QCOMPARE(read->size, qint64(merged.size()));
    }

    void aMergeIsNotOverwrittenByTheSameClientsNextChange()
    {
        // Alice edited from the base twice before hearing of Bob's edit:
        // her first edit is merged with Bob's, and her second — made on her
        // first, not on the merge — must be merged again, not replace it.
        const QByteArray aliceSecond("a\nb\nc\nd\nE2\n");
        QVERIFY(upload(m_alice, aliceSecond));
        Result<Sync::PushResult> first = editOnBothSides(kMain, "a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n");
        REALM_VERIFY_OK(first);
        QCOMPARE(outcomesOf(*first), named({Outcome::Merged}));
        Result<Sync::PushResult> second = push(m_alice, kAlicePc, {fileMutation(2, kMain, aliceSecond, 1, sha("a\nb\nc\nd\nE\n"))});
        REALM_VERIFY_OK(second);
        QCOMPARE(outcomesOf(*second), named({Outcome::Merged}));
        Result<Sync::ChangePage> page = pull(m_alice);
        REALM_VERIFY_OK(page);
        QCOMPARE(shaOf(byKey(*page).value(kMain)), sha("A\nb\nc\nd\nE2\n"));
    }

    void comingInHalfwayThroughAnotherProjectsUploadGetsNothing()
    {
        const QByteArray content = QByteArray("0123456789").repeated(100);
        const QByteArray firstHalf = content.left(500);
        const QByteArray secondHalf = content.mid(500);
        Result<ProjectSync::UploadProgress> bobs = m_sync->uploadBlob(m_bob, m_project, sha(content), content.size(), 0, firstHalf);
        REALM_VERIFY_OK(bobs);
        QCOMPARE(bobs->received, 500);
        Result<SharedProject> second = m_projects->create(m_alice, m_acme, QStringLiteral("Second"), {}, kClient);
        REALM_VERIFY_OK(second);
        // Alice's project sends only the rest: it has sent nothing yet.
        QVERIFY(fails(m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 500, secondHalf), Error::Code::Conflict));
        // From the start: her first half is compared with Bob's, her second
        // completes the content.
        Result<ProjectSync::UploadProgress> compared = m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 0, firstHalf);
        REALM_VERIFY_OK(compared);
        QCOMPARE(compared->received, 500);
        Result<ProjectSync::UploadProgress> completed = m_sync->uploadBlob(m_alice, second->id, sha(content), content.size(), 500, secondHalf);
        REALM_VERIFY_OK(completed);
        QVERIFY(completed->complete);
        // Bob's project goes on where it stood.
        Result<Sync::BlobStatus> status = m_sync->blobStatus(m_bob, m_project, {sha(content)});
        REALM_VERIFY_OK(status);
        QCOMPARE(status->partial.first().second, 500);
        Result<ProjectSync::UploadProgress> bobsRest = m_sync->uploadBlob(m_bob, m_project, sha(content), content.size(), 500, secondHalf);
        REALM_VERIFY_OK(bobsRest);
        QVERIFY(bobsRest->complete);
    }

    void overlappingEditsMakeAConflictCopy()
    {
        const QByteArray bobs("a\nb\nBob's c\nd\ne\n");
        const QByteArray alices("a\nb\nAlice's c\nd\ne\n");
        Result<Sync::PushResult> pushed = editOnBothSides(kMain, "a\nb\nc\nd\ne\n", bobs, alices);
        REALM_VERIFY_OK(pushed);
        QCOMPARE(outcomesOf(*pushed), named({Outcome::ConflictCopy}));
        const QString copy = pushed->results.first().conflictKey;
        QVERIFY2(copy.startsWith(QStringLiteral("src/main (conflict, Alice, ")) && copy.endsWith(QStringLiteral(").cpp")), qPrintable(copy));
        QCOMPARE(copy.size(), QStringLiteral("src/main (conflict, Alice, 2026-01-01).cpp").size()); // a day as yyyy-MM-dd
        // The path keeps the earlier edit; the later one is beside it.
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        const QHash<QString, Sync::Change> items = byKey(*page);
        QCOMPARE(shaOf(items.value(kMain)), sha(bobs));
        QVERIFY(items.contains(copy));
        QCOMPARE(items.value(copy).table, kFiles);
        QVERIFY(!items.value(copy).deleted);
        QCOMPARE(shaOf(items.value(copy)), sha(alices));
        QCOMPARE(items.value(copy).seq, pushed->results.first().seq);
    }

    void binaryEditsOnBothSidesMakeAConflictCopy()
    {
        const QString logo = QStringLiteral("assets/logo.png");
        const QByteArray bobs = binary("logo, Bob's");
        const QByteArray alices = binary("logo, Alice's");
        Result<Sync::PushResult> pushed = editOnBothSides(logo, binary("logo"), bobs, alices);
        REALM_VERIFY_OK(pushed);
        QCOMPARE(outcomesOf(*pushed), named({Outcome::ConflictCopy}));
        const QString copy = pushed->results.first().conflictKey;
        QVERIFY2(copy.startsWith(QStringLiteral("assets/logo (conflict, Alice, ")) && copy.endsWith(QStringLiteral(").png")), qPrintable(copy));
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        const QHash<QString, Sync::Change> items = byKey(*page);
        QCOMPARE(shaOf(items.value(logo)), sha(bobs));
        QCOMPARE(shaOf(items.value(copy)), sha(alices));
    }

    void otherTablesTakeTheLaterChange()
    {
        const QString id = QStringLiteral("c1");
        Result<Sync::PushResult> created = push(m_bob, kBobLaptop, {conversation(1, id, QStringLiteral("first"))});
        REALM_VERIFY_OK(created);
        // Alice never saw Bob's: hers is later in server order and wins.
        Result<Sync::PushResult> alices = push(m_alice, kAlicePc, {conversation(1, id, QStringLiteral("x"))});
        REALM_VERIFY_OK(alices);
        QCOMPARE(outcomesOf(*alices), named({Outcome::Applied}));
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(byKey(*page).value(id).data.value(QStringLiteral("title")).toString(), QStringLiteral("x"));
        QCOMPARE(byKey(*page).value(id).changedBy, m_alice.userId);
        // Bob, from his stale seq: later again, so his wins now.
        Result<Sync::PushResult> bobs = push(m_bob, kBobLaptop, {conversation(2, id, QStringLiteral("y"), created->lastSeq)});
        REALM_VERIFY_OK(bobs);
        QCOMPARE(outcomesOf(*bobs), named({Outcome::Applied}));
        Result<Sync::ChangePage> after = pull(m_carol);
        REALM_VERIFY_OK(after);
        QCOMPARE(byKey(*after).value(id).data.value(QStringLiteral("title")).toString(), QStringLiteral("y"));
        QCOMPARE(byKey(*after).value(id).seq, bobs->lastSeq);
    }

    void aRowChangeNamingItsFieldsKeepsTheOthersChangedMeanwhile()
    {
        const QString id = QStringLiteral("c2");
        const QJsonObject first{{QStringLiteral("title"), QStringLiteral("first")}, {QStringLiteral("pinned"), false}};
        Result<Sync::PushResult> created = push(m_bob, kBobLaptop, {upsert(1, kConversations, id, first)});
        REALM_VERIFY_OK(created);
        QJsonObject renamed = first;
        renamed.insert(QStringLiteral("title"), QStringLiteral("renamed"));
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, {upsert(2, kConversations, id, renamed, created->lastSeq)}));
        // Alice pins it, from the first version: only the pin is hers.
        QJsonObject pinned = first;
        pinned.insert(QStringLiteral("pinned"), true);
        Sync::Mutation pin = upsert(1, kConversations, id, pinned, created->lastSeq);
        pin.fields = {QStringLiteral("pinned")};
        Result<Sync::PushResult> alices = push(m_alice, kAlicePc, {pin});
        REALM_VERIFY_OK(alices);
        QCOMPARE(outcomesOf(*alices), named({Outcome::Merged}));
        Result<Sync::ChangePage> page = pull(m_carol);
        REALM_VERIFY_OK(page);
        QCOMPARE(byKey(*page).value(id).data, (QJsonObject{{QStringLiteral("title"), QStringLiteral("renamed")}, {QStringLiteral("pinned"), true}}));
        // Sent again from the same old base (her answer lost, say): nothing
        // new; the server's version stays and she pulls it.
        pin.number = 2;
        Result<Sync::PushResult> again = push(m_alice, kAlicePc, {pin});
        REALM_VERIFY_OK(again);
        QCOMPARE(outcomesOf(*again), named({Outcome::Kept}));
        QCOMPARE(again->lastSeq, alices->lastSeq);
    }

    void contentsAreReadOnlyWhereReferred()
    {
        const QByteArray content("int main() {}\n");
        const QByteArray stray("uploaded, never referred to\n");
        const QByteArray elsewhere("referred to in another project\n");
        QVERIFY(upload(m_bob, content));
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, {fileMutation(1, kMain, content)}));
        Result<SharedProject> second = m_projects->create(m_alice, m_acme, QStringLiteral("Second"), {}, kClient);
        REALM_VERIFY_OK(second);
        QVERIFY(upload(m_alice, stray, second->id));
        QVERIFY(upload(m_alice, elsewhere, second->id));
        REALM_VERIFY_OK(m_sync->push(m_alice, second->id, kAlicePc, {fileMutation(1, kMain, elsewhere)}, kClient));

        Result<ProjectSync::BlobRange> read = m_sync->readBlob(m_carol, m_project, sha(content), 0);
        REALM_VERIFY_OK(read);
        QCOMPARE(read->bytes, content);
        QCOMPARE(read->offset, 0);
        QCOMPARE(read->size, qint64(content.size()));
        Result<ProjectSync::BlobRange> tail = m_sync->readBlob(m_carol, m_project, sha(content), 4);
        REALM_VERIFY_OK(tail);
        QCOMPARE(tail->bytes, content.mid(4));
        QCOMPARE(tail->offset, 4);
        // Holding a hash is no key to content uploaded to another project.
        QVERIFY(fails(m_sync->readBlob(m_carol, m_project, sha(stray), 0), Error::Code::NotFound));
        QVERIFY(fails(m_sync->readBlob(m_bob, m_project, sha(elsewhere), 0), Error::Code::NotFound));
        QVERIFY(fails(m_sync->readBlob(m_dave, m_project, sha(content), 0), Error::Code::NotFound));
    }

    void unknownTablesAndEscapingPathsAreRefused()
    {
        const QByteArray content("x\n");
        QVERIFY(upload(m_bob, content));
        QVERIFY(fails(push(m_bob, kBobLaptop, {upsert(1, QStringLiteral("secrets"), QStringLiteral("k"), QJsonObject{{QStringLiteral("v"), 1}})}),
                      Error::Code::InvalidInput));
        for (const QString &path : {QStringLiteral("../x"), QStringLiteral("/abs"), QStringLiteral("a//b")})
            QVERIFY2(fails(push(m_bob, kBobLaptop, {fileMutation(1, path, content)}), Error::Code::InvalidInput), qPrintable(path));
        // A file's change names its version with an id, or not at all.
        for (const QJsonValue &version : {QJsonValue(7), QJsonValue(QString()), QJsonValue(QString(201, QLatin1Char('v')))}) {
            Sync::Mutation tagged = fileMutation(1, QStringLiteral("a.txt"), content);
            tagged.data.insert(QStringLiteral("version"), version);
            QVERIFY(fails(push(m_bob, kBobLaptop, {tagged}), Error::Code::InvalidInput));
            Sync::Mutation removed = removal(1, QStringLiteral("files"), QStringLiteral("a.txt"), 0);
            removed.data.insert(QStringLiteral("version"), version);
            QVERIFY(fails(push(m_bob, kBobLaptop, {removed}), Error::Code::InvalidInput));
        }
        Result<Sync::ChangePage> page = pull(m_bob);
        REALM_VERIFY_OK(page);
        QVERIFY(page->changes.isEmpty());
    }

    void prunedTombstonesExpireOlderCursors()
    {
        const QString oldPath = QStringLiteral("src/old.txt");
        const QString keptPath = QStringLiteral("src/kept.txt");
        const QByteArray old("old\n");
        const QByteArray kept("kept\n");
        QVERIFY(upload(m_bob, old));
        QVERIFY(upload(m_bob, kept));
        Result<Sync::PushResult> created = push(m_bob, kBobLaptop, {fileMutation(1, oldPath, old), fileMutation(2, keptPath, kept)});
        REALM_VERIFY_OK(created);
        Result<Sync::ChangePage> before = pull(m_carol);
        REALM_VERIFY_OK(before);
        const QString beforeDelete = before->cursor.toText();
        Result<Sync::PushResult> deleted = push(m_bob, kBobLaptop, {removal(3, kFiles, oldPath, created->results.first().seq)});
        REALM_VERIFY_OK(deleted);
        QCOMPARE(outcomesOf(*deleted), named({Outcome::Applied}));
        // Until pruned, a client behind the delete pulls the tombstone.
        Result<Sync::ChangePage> tombstone = pull(m_carol, beforeDelete);
        REALM_VERIFY_OK(tombstone);
        QCOMPARE(tombstone->changes.size(), 1);
        QCOMPARE(tombstone->changes.first().key, oldPath);
        QVERIFY(tombstone->changes.first().deleted);
        const QString atEnd = tombstone->cursor.toText();

        // A fresh tombstone is kept for the retention (90 days) ...
        Result<qint64> none = m_sync->pruneTombstones(Clock::nowMs());
        REALM_VERIFY_OK(none);
        QCOMPARE(*none, 0);
        // ... and forgotten after it.
        Result<qint64> pruned = m_sync->pruneTombstones(Clock::nowMs() + 91 * kDayMs);
        REALM_VERIFY_OK(pruned);
        QVERIFY(*pruned >= 1);

        // A cursor from before the delete cannot learn of it any more: the
        // whole scope again, live items only.
        Result<Sync::ChangePage> expired = pull(m_carol, beforeDelete);
        REALM_VERIFY_OK(expired);
        QCOMPARE(expired->reset, Reset::Expired);
        QCOMPARE(expired->changes.size(), 1);
        QCOMPARE(expired->changes.first().key, keptPath);
        QVERIFY(!expired->changes.first().deleted);
        // A client that had the delete goes on as usual.
        Result<Sync::ChangePage> current = pull(m_carol, atEnd);
        REALM_VERIFY_OK(current);
        QCOMPARE(current->reset, Reset::None);
        QVERIFY(current->changes.isEmpty());
        // And from the start, the deleted item is simply not there.
        Result<Sync::ChangePage> fresh = pull(m_carol);
        REALM_VERIFY_OK(fresh);
        QCOMPARE(fresh->reset, Reset::None);
        QVERIFY(!byKey(*fresh).contains(oldPath));
        QVERIFY(byKey(*fresh).contains(keptPath));

    }

    // Page by page, a list from the start has cursors older than a delete
    // the server forgot: asked for as such, it goes on (following the log
    // from there would have missed the delete, so that starts it again).
    void aListFromTheStartGoesOnPastForgottenDeletes()
    {
        const QByteArray kept("kept\n");
        const QByteArray old("old\n");
        const QByteArray later("later\n");
        for (const QByteArray &content : {kept, old, later})
            QVERIFY(upload(m_bob, content));
        Result<Sync::PushResult> created =
            push(m_bob, kBobLaptop, {fileMutation(1, QStringLiteral("kept.txt"), kept), fileMutation(2, QStringLiteral("old.txt"), old)});
        REALM_VERIFY_OK(created);
        Result<Sync::PushResult> deleted = push(m_bob, kBobLaptop, {removal(3, kFiles, QStringLiteral("old.txt"), created->results.last().seq)});
        REALM_VERIFY_OK(deleted);
        REALM_VERIFY_OK(push(m_bob, kBobLaptop, {fileMutation(4, QStringLiteral("later.txt"), later)}));
        Result<qint64> pruned = m_sync->pruneTombstones(Clock::nowMs() + 91 * kDayMs);
        REALM_VERIFY_OK(pruned);
        QVERIFY(*pruned >= 1);
        Result<Sync::ChangePage> whole = pull(m_carol);
        REALM_VERIFY_OK(whole);

        Result<Sync::ChangePage> page = pull(m_carol, {}, 1);
        REALM_VERIFY_OK(page);
        QVERIFY(page->hasMore);
        QVERIFY(page->cursor.seq < deleted->lastSeq);
        Result<Sync::ChangePage> following = pull(m_carol, page->cursor.toText(), 1);
        REALM_VERIFY_OK(following);
        QCOMPARE(following->reset, Reset::Expired);
        QStringList listed;
        for (;;) {
            for (const Sync::Change &change : std::as_const(page->changes))
                listed.append(change.key);
            if (!page->hasMore)
                break;
            page = m_sync->changes(m_carol, m_project, page->cursor.toText(), 1, Sync::ChangePage::Listing::FromStart);
            REALM_VERIFY_OK(page);
            QCOMPARE(page->reset, Reset::None);
        }
        QStringList all;
        for (const Sync::Change &change : std::as_const(whole->changes))
            all.append(change.key);
        QCOMPARE(listed, all);
        QVERIFY(!listed.contains(QStringLiteral("old.txt")));
    }
};

QTEST_GUILESS_MAIN(TestProjectSync)
#include "tst_projectsync.moc"
