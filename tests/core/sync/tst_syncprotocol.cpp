// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/syncprotocol.h"
#include "sync/textmerge.h"
#include "verifyresult.h"

#include <QJsonArray>
#include <QTest>

using namespace Realm;
using namespace Realm::Sync;

// The sync messages' JSON forms, conflict-copy names and the text merge.
class TestSyncProtocol final : public QObject {
    Q_OBJECT

private slots:
    void cursorsRoundTripAndMalformedOnesAreRefused()
    {
        const Cursor cursor{QStringLiteral("0191aa"), 42};
        const std::optional<Cursor> back = Cursor::fromText(cursor.toText());
        QVERIFY(back);
        QCOMPARE(back->epoch, cursor.epoch);
        QCOMPARE(back->seq, 42);
        const std::optional<Cursor> start = Cursor::fromText(QString());
        QVERIFY(start);
        QVERIFY(start->epoch.isEmpty());
        QCOMPARE(start->seq, 0);
        for (const char *bad : {"garbage", ":5", "epoch:", "epoch:-1", "epoch:x1"})
            QVERIFY2(!Cursor::fromText(QLatin1String(bad)), bad);
    }

    void blobBatchesRoundTripAndBadFramingIsRefused()
    {
        const QString a(64, QLatin1Char('a')), b(64, QLatin1Char('b'));
        const Sync::BlobBatch batch{{{a, QByteArray("one\ntwo\n")}, {b, QByteArray()}, {a, QByteArray("\0x", 2)}}};
        const QByteArray body = batch.encode();
        QCOMPARE(body, QByteArray(a.toLatin1() + " 8\none\ntwo\n" + b.toLatin1() + " 0\n" + a.toLatin1() + " 2\n" + QByteArray("\0x", 2)));
        const Result<Sync::BlobBatch> back = Sync::BlobBatch::decode(body);
        QVERIFY(back);
        QCOMPARE(back->blobs.size(), 3);
        QCOMPARE(back->blobs.at(0).bytes, QByteArray("one\ntwo\n"));
        QCOMPARE(back->blobs.at(1).sha256, b);
        QCOMPARE(back->blobs.at(2).bytes, QByteArray("\0x", 2));
        QVERIFY(Sync::BlobBatch::decode({}) && Sync::BlobBatch::decode({})->blobs.isEmpty());
        for (const QByteArray &bad : {QByteArray("no line"), QByteArray(a.toLatin1() + " 9\nshort"), QByteArray(a.toLatin1() + " -1\n"),
                                      QByteArray("XYZ 1\nx"), QByteArray(a.toLatin1() + "\n"), QByteArray(a.toLatin1() + " 1 2\nx")})
            QVERIFY2(!Sync::BlobBatch::decode(bad), bad.constData());
    }

    void mutationsRoundTripAndBadOnesAreRefused()
    {
        Mutation mutation;
        mutation.number = 7;
        mutation.table = QStringLiteral("files");
        mutation.key = QStringLiteral("src/a.cpp");
        mutation.baseSeq = 3;
        mutation.baseSha256 = QString(64, QLatin1Char('a'));
        mutation.data = {{QStringLiteral("sha256"), QString(64, QLatin1Char('b'))}, {QStringLiteral("size"), 5}};
        Result<Mutation> back = Mutation::fromJson(mutation.toJson());
        REALM_VERIFY_OK(back);
        QCOMPARE(back->number, 7);
        QCOMPARE(back->key, mutation.key);
        QCOMPARE(back->baseSeq, 3);
        QCOMPARE(back->baseSha256, mutation.baseSha256);
        QCOMPARE(back->data, mutation.data);

        QJsonObject noNumber = mutation.toJson();
        noNumber.remove(QStringLiteral("number"));
        QCOMPARE(Mutation::fromJson(noNumber).error().code, Error::Code::InvalidInput);
        QJsonObject badOp = mutation.toJson();
        badOp.insert(QStringLiteral("op"), QStringLiteral("merge"));
        QCOMPARE(Mutation::fromJson(badOp).error().code, Error::Code::InvalidInput);
        QJsonObject fraction = mutation.toJson();
        fraction.insert(QStringLiteral("base_seq"), 1.5);
        QCOMPARE(Mutation::fromJson(fraction).error().code, Error::Code::InvalidInput);
        QJsonObject upperHex = mutation.toJson();
        upperHex.insert(QStringLiteral("base_sha256"), QString(64, QLatin1Char('A')));
        QCOMPARE(Mutation::fromJson(upperHex).error().code, Error::Code::InvalidInput);

        Mutation rename = mutation;
        rename.table = QStringLiteral("conversations");
        rename.fields = {QStringLiteral("title")};
        Result<Mutation> renamed = Mutation::fromJson(rename.toJson());
        REALM_VERIFY_OK(renamed);
        QCOMPARE(renamed->fields, rename.fields);
        QVERIFY(!mutation.toJson().contains(QStringLiteral("fields"))); // none: the whole row
        QJsonObject badFields = rename.toJson();
        badFields.insert(QStringLiteral("fields"), QJsonArray{QStringLiteral("title"), 3});
        QCOMPARE(Mutation::fromJson(badFields).error().code, Error::Code::InvalidInput);

        Mutation removal = mutation;
        removal.op = Mutation::Op::Delete;
        removal.data = {};
        QVERIFY(!removal.toJson().contains(QStringLiteral("data")));
        REALM_VERIFY_OK(Mutation::fromJson(removal.toJson()));
        // A file's delete names the version of the history it belongs to.
        removal.data = {{QStringLiteral("version"), QStringLiteral("v-7")}};
        Result<Mutation> removed = Mutation::fromJson(removal.toJson());
        REALM_VERIFY_OK(removed);
        QCOMPARE(removed->op, Mutation::Op::Delete);
        QCOMPARE(removed->data, removal.data);
    }

    void pagesAndPushAnswersRoundTrip()
    {
        ChangePage page;
        page.cursor = Cursor{QStringLiteral("e1"), 9};
        page.hasMore = true;
        page.reset = ChangePage::Reset::Expired;
        Change change;
        change.table = QStringLiteral("files");
        change.key = QStringLiteral("a.txt");
        change.seq = 9;
        change.deleted = true;
        change.changedBy = QStringLiteral("u1");
        change.changedAtMs = 1764851682120;
        page.changes.append(change);
        Result<ChangePage> back = ChangePage::fromJson(page.toJson());
        REALM_VERIFY_OK(back);
        QCOMPARE(back->reset, ChangePage::Reset::Expired);
        QVERIFY(back->hasMore);
        QCOMPARE(back->cursor.toText(), QStringLiteral("e1:9"));
        QCOMPARE(back->changes.size(), 1);
        QVERIFY(back->changes.first().deleted);
        QCOMPARE(back->changes.first().changedAtMs, change.changedAtMs);
        QCOMPARE(page.toJson().value(QStringLiteral("changes")).toArray().first().toObject().value(QStringLiteral("changed_at")).toString(),
                 QStringLiteral("2025-12-04T12:34:42.120Z"));

        PushResult pushed;
        pushed.lastSeq = 12;
        MutationResult copy;
        copy.number = 4;
        copy.outcome = MutationResult::Outcome::ConflictCopy;
        copy.seq = 12;
        copy.conflictKey = QStringLiteral("a (conflict, Alice, 2026-12-04).txt");
        pushed.results.append(copy);
        Result<PushResult> answer = PushResult::fromJson(pushed.toJson());
        REALM_VERIFY_OK(answer);
        QCOMPARE(answer->results.first().outcome, MutationResult::Outcome::ConflictCopy);
        QCOMPARE(answer->results.first().conflictKey, copy.conflictKey);
        QCOMPARE(pushed.toJson().value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("conflict_copy"));
    }

    void conflictCopiesAreNamedAfterThePersonAndTheDay()
    {
        const qint64 dec4 = 1796386482000; // 2026-12-04T12:14:42Z
        QCOMPARE(conflictCopyPath(QStringLiteral("src/main.cpp"), QStringLiteral("Alice"), dec4),
                 QStringLiteral("src/main (conflict, Alice, 2026-12-04).cpp"));
        QCOMPARE(conflictCopyPath(QStringLiteral("Makefile"), QStringLiteral("Bob"), dec4, 2), QStringLiteral("Makefile (conflict, Bob, 2026-12-04, 2)"));
        QCOMPARE(conflictCopyPath(QStringLiteral(".gitignore"), QStringLiteral("A/B"), dec4), QStringLiteral(".gitignore (conflict, A-B, 2026-12-04)"));

        // And read back: what a copy is a copy of.
        for (const QString &path : {QStringLiteral("src/main.cpp"), QStringLiteral("Makefile"), QStringLiteral(".gitignore"),
                                    QStringLiteral("a b/archive.tar.gz"), QStringLiteral("notes (draft).md")}) {
            for (int attempt : {1, 3}) {
                const std::optional<Sync::ConflictCopyName> parsed = Sync::parseConflictCopyPath(conflictCopyPath(path, QStringLiteral("Bob Smith"), dec4, attempt));
                QVERIFY2(parsed, qPrintable(path));
                QCOMPARE(parsed->original, path);
                QCOMPARE(parsed->who, QStringLiteral("Bob Smith"));
                QCOMPARE(parsed->day, QStringLiteral("2026-12-04"));
            }
        }
        QVERIFY(!Sync::parseConflictCopyPath(QStringLiteral("src/main.cpp")));
        QVERIFY(!Sync::parseConflictCopyPath(QStringLiteral("notes (conflict, Bob).md")));
    }

    void editsOfDifferentLinesMergeAndOverlappingOnesDoNot()
    {
        const QByteArray base = "a\nb\nc\nd\ne\n";
        QCOMPARE(mergeText(base, "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n"), std::optional<QByteArray>("A\nb\nc\nd\nE\n"));
        QCOMPARE(mergeText(base, base, "a\nb\nX\nd\ne\n"), std::optional<QByteArray>("a\nb\nX\nd\ne\n"));
        QVERIFY(!mergeText(base, "a\nb\nX\nd\ne\n", "a\nb\nY\nd\ne\n"));
        // Added on both sides (empty base) with different contents.
        QVERIFY(!mergeText(QByteArray(), "one\n", "two\n"));
        // Binary never merges, even when the edits are far apart.
        QVERIFY(looksBinary(QByteArray("a\0b", 3)));
        QVERIFY(!mergeText(QByteArray("x\n\0\ny\n", 6), QByteArray("X\n\0\ny\n", 6), QByteArray("x\n\0\nY\n", 6)));
    }

    void changedLinesNameTheLinesEachSideDoesNotShare()
    {
        // One line changed, one removed, two added at the end.
        const std::optional<Sync::ChangedLines> changed = Sync::changedLines("a\nb\nc\nd\n", "a\nB\nc\nd\ne\nf\n");
        QVERIFY(changed);
        QCOMPARE(changed->removed, QList<int>{2});
        QCOMPARE(changed->added, (QList<int>{2, 5, 6}));
        const std::optional<Sync::ChangedLines> removed = Sync::changedLines("a\nb\nc\n", "a\nc\n");
        QVERIFY(removed);
        QCOMPARE(removed->removed, QList<int>{2});
        QVERIFY(removed->added.isEmpty());
        // The same text: nothing; no newline at the end is a line too.
        QVERIFY(Sync::changedLines("x\ny", "x\ny")->added.isEmpty());
        QCOMPARE(Sync::changedLines("x\ny", "x\nz")->added, QList<int>{2});
        QVERIFY(!Sync::changedLines(QByteArray("a\0b", 3), "a\n"));
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
