// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivebuilder.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::ArchiveBuilder;
using Realm::Test::TestWorkspace;

Q_DECLARE_METATYPE(ArchiveBuilder::Format)

namespace {

QByteArray workspaceFingerprint(const Storage::DatabasePtr &db)
{
    // Everything a user could see or search, in a stable order.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *sql : {"SELECT id, name, state, revision, deleted_at FROM projects ORDER BY id",
                            "SELECT id, project_id, path, hex(blob_sha256), revision FROM files ORDER BY id",
                            "SELECT id, hex(sha256) FROM blobs ORDER BY id",
                            "SELECT rowid FROM blob_text ORDER BY rowid"}) {
        QSqlQuery q(db->connection());
        if (!q.exec(QString::fromLatin1(sql)))
            return {};
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
        }
    }
    return hash.result();
}

} // namespace

class tst_ArchiveImport final : public QObject {
    Q_OBJECT
private slots:
    void importsEveryFormat_data();
    void importsEveryFormat();
    void rejectsHostileEntriesAndKeepsTheRest();
    void reportsNameCollisions();
    void warnsAboutUnicodeFormTwinsFromFolders();
    void stopsAnArchiveBombEarly();
    void stopsWhenTotalSizeLimitIsExceeded();
    void skipsEntriesOverThePerFileLimit();
    void damagedArchiveFailsAndChangesNothing();
    void archiveCutAnywhereFailsAndChangesNothing_data();
    void archiveCutAnywhereFailsAndChangesNothing();
    void fileThatIsNotAnArchiveIsRefused();
    void refreshesFromTheArchive();
};

void tst_ArchiveImport::importsEveryFormat_data()
{
    QTest::addColumn<ArchiveBuilder::Format>("format");
    QTest::newRow("zip") << ArchiveBuilder::Format::Zip;
    QTest::newRow("tar") << ArchiveBuilder::Format::Tar;
    QTest::newRow("tar.gz") << ArchiveBuilder::Format::TarGz;
    QTest::newRow("tar.bz2") << ArchiveBuilder::Format::TarBz2;
    QTest::newRow("tar.xz") << ArchiveBuilder::Format::TarXz;
    QTest::newRow("tar.zst") << ArchiveBuilder::Format::TarZst;
}

void tst_ArchiveImport::importsEveryFormat()
{
    QFETCH(ArchiveBuilder::Format, format);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sample") + ArchiveBuilder::suffix(format));
    const QByteArray binary("\0\1\2\3\xff", 5);
    {
        ArchiveBuilder a(path, format);
        a.addDirectory("sample/");
        a.addFile("sample/src/main.c", "int main(void) { return 0; }\n");
        a.addFile("sample/bin/tool", "#!/bin/sh\n", 0755);
        a.addFile("sample/data.bin", binary);
        a.addFile("sample/docs/größe.md", "# Größe\n");
    }
    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, {});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(report->project.name, QStringLiteral("sample"));
    QCOMPARE(report->project.source.kind, ProjectSource::Kind::Archive);
    QCOMPARE(Test::projectPaths(ws.db(), report->project.id),
             (QStringList{QStringLiteral("sample/bin/tool"), QStringLiteral("sample/data.bin"),
                          QStringLiteral("sample/docs/größe.md"), QStringLiteral("sample/src/main.c")}));
    ProjectStore store(ws.db());
    QCOMPARE(*store.content(*store.file(report->project.id, QStringLiteral("sample/data.bin"))), binary);
    QCOMPARE(store.file(report->project.id, QStringLiteral("sample/bin/tool"))->mode, 0755);
    QCOMPARE(store.file(report->project.id, QStringLiteral("sample/src/main.c"))->language, QStringLiteral("c"));
}

void tst_ArchiveImport::rejectsHostileEntriesAndKeepsTheRest()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hostile.tar"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::Tar);
        a.addFile("good.txt", "fine\n");
        a.addFile("../escape.txt", "evil\n");
        a.addFile("a/../../escape2.txt", "evil\n");
        a.addFile("/etc/cron.d/evil", "evil\n");
        a.addFile("C:/Windows/fine.dll", "a folder named C: is fine on Linux\n");
        a.addFile(".git/config", "[core]\n\tfsmonitor = touch /tmp/pwned\n");
        a.addFile(".GIT/hooks/post-checkout", "evil\n", 0755);
        a.addFile("sub/.git./config", "evil\n");
        a.addFile("git~1/config", "evil\n");
        a.addFile("sub/.g\xe2\x80\x8cit/config", "evil\n"); // U+200C, ignored by HFS+
        a.addFile("dir\\..\\..\\evil.txt", "evil\n");
        a.addFile("bad\x1b[2Jname.txt", "evil\n");
        a.addSymlink("link-out", "../../etc/passwd");
        a.addSymlink("link-abs", "/etc/passwd");
        a.addSymlink("link-in", "good.txt");
    }
    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, {});
    QVERIFY(report.ok());
    QCOMPARE(Test::projectPaths(ws.db(), report->project.id), (QStringList{QStringLiteral("C:/Windows/fine.dll"), QStringLiteral("good.txt")}));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("../escape.txt"), QStringLiteral("..")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("a/../../escape2.txt"), QStringLiteral("..")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("/etc/cron.d/evil"), QStringLiteral("absolute")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral(".git/config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral(".GIT/hooks/post-checkout"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("sub/.git./config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("git~1/config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("sub/.g\u200Cit/config"), QStringLiteral("git reserves")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("dir\\..\\..\\evil.txt"), QStringLiteral("backslash")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("bad\x1b[2Jname.txt"), QStringLiteral("control character")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("link-out"), QStringLiteral("outside the project")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("link-abs"), QStringLiteral("outside the project")));
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("link-in"), QStringLiteral("symlink")));
    QCOMPARE(report->rejected.size(), 12);
}

void tst_ArchiveImport::reportsNameCollisions()
{
    QTemporaryDir dir;
    // tar keeps names byte for byte (libarchive's ZIP writer recomposes them).
    const QString path = dir.filePath(QStringLiteral("collide.tar"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::Tar);
        a.addFile("README.md", "upper\n");
        a.addFile("readme.md", "lower\n");
        a.addFile("caf\xc3\xa9.txt", "composed\n");         // é precomposed
        a.addFile("cafe\xcc\x81.txt", "decomposed\n");      // e + combining acute
        a.addFile("dup.txt", "first\n");
        a.addFile("./dup.txt", "second\n");
    }
    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, {});
    QVERIFY(report.ok());
    // Names that differ only in case are distinct files (the Linux kernel has
    // xt_DSCP.c and xt_dscp.c): both are kept, with a warning.
    QCOMPARE(report->files, 4);
    QVERIFY(Test::hasIssue(report->warnings, QStringLiteral("readme.md"), QStringLiteral("README.md only in case")));
    // libarchive hands names over in NFC, so the decomposed twin arrives as
    // an exact duplicate of the composed one: the first is kept.
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("caf\u00e9.txt"), QStringLiteral("duplicate")));
    QVERIFY(Test::hasIssue(report->rejected, QStringLiteral("dup.txt"), QStringLiteral("duplicate")));
    ProjectStore store(ws.db());
    QCOMPARE(*store.content(*store.file(report->project.id, QStringLiteral("dup.txt"))), QByteArray("first\n"));
    QCOMPARE(*store.content(*store.file(report->project.id, QStringLiteral("caf\u00e9.txt"))), QByteArray("composed\n"));
}

void tst_ArchiveImport::warnsAboutUnicodeFormTwinsFromFolders()
{
    // On disk, composed and decomposed names are two files; both are kept.
    QTemporaryDir src;
    Test::writeFile(src.path(), QStringLiteral("caf\u00e9.txt"), "composed\n");
    Test::writeFile(src.path(), QStringLiteral("cafe\u0301.txt"), "decomposed\n");
    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(src.path(), {});
    QVERIFY(report.ok());
    QCOMPARE(report->files, 2);
    QCOMPARE(report->warnings.size(), 1);
    QVERIFY(report->warnings.first().reason.contains(QStringLiteral("Unicode form")));
}

void tst_ArchiveImport::stopsAnArchiveBombEarly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.tar.gz"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::TarGz);
        a.addFile("innocent.txt", "hello\n");
        a.addZeros("zeros.bin", 256LL * 1024 * 1024); // ~250 KiB compressed
    }
    QVERIFY(QFileInfo(path).size() < 2 * 1024 * 1024);
    TestWorkspace ws;
    QVERIFY(ProjectStore(ws.db()).create(QStringLiteral("existing")).ok());
    const QByteArray before = workspaceFingerprint(ws.db());
    ImportOptions options;
    options.limits.maxFileBytes = 512LL * 1024 * 1024;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, options);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::LimitExceeded);
    QVERIFY2(report.error().message.contains(QStringLiteral("archive bomb")), qPrintable(report.error().message));
    QVERIFY(report.error().message.contains(QStringLiteral("zeros.bin")));
    QCOMPARE(workspaceFingerprint(ws.db()), before);
}

void tst_ArchiveImport::stopsWhenTotalSizeLimitIsExceeded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.zip"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::Zip);
        for (int i = 0; i < 10; ++i)
            a.addFile(QByteArray("part") + QByteArray::number(i), QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha512).repeated(100));
    }
    TestWorkspace ws;
    ImportOptions options;
    options.limits.maxTotalBytes = 20000; // each file is 6400 bytes
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, options);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::LimitExceeded);
    QVERIFY(report.error().message.contains(QStringLiteral("--max-total-size")));
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM projects")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM blobs")), 0);
}

void tst_ArchiveImport::skipsEntriesOverThePerFileLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mixed.tar.xz"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::TarXz);
        a.addFile("small.txt", "small\n");
        a.addFile("large.txt", QByteArray(5000, 'L'));
    }
    TestWorkspace ws;
    ImportOptions options;
    options.limits.maxFileBytes = 4096;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, options);
    QVERIFY(report.ok());
    QCOMPARE(Test::projectPaths(ws.db(), report->project.id), QStringList{QStringLiteral("small.txt")});
    QVERIFY(Test::hasIssue(report->skipped, QStringLiteral("large.txt"), QStringLiteral("per-file limit")));
}

void tst_ArchiveImport::damagedArchiveFailsAndChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.tar.gz"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::TarGz);
        for (int i = 0; i < 50; ++i)
            a.addFile(QByteArray("f") + QByteArray::number(i) + ".txt",
                      QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha512).toHex().repeated(40));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
    f.close();
    TestWorkspace ws;
    const QByteArray before = workspaceFingerprint(ws.db());
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, {});
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("damaged or truncated")), qPrintable(report.error().message));
    QVERIFY(report.error().message.contains(QStringLiteral("Nothing was imported")));
    QCOMPARE(workspaceFingerprint(ws.db()), before);
}

void tst_ArchiveImport::archiveCutAnywhereFailsAndChangesNothing_data()
{
    QTest::addColumn<ArchiveBuilder::Format>("format");
    QTest::newRow("zip") << ArchiveBuilder::Format::Zip;
    QTest::newRow("tar") << ArchiveBuilder::Format::Tar;
    QTest::newRow("tar.gz") << ArchiveBuilder::Format::TarGz;
    QTest::newRow("tar.xz") << ArchiveBuilder::Format::TarXz;
}

// An interrupted download: the archive stops somewhere — inside an entry,
// exactly between two entries, before a ZIP's central directory, inside a
// tar's end marker. Every cut fails with a reason and imports nothing.
void tst_ArchiveImport::archiveCutAnywhereFailsAndChangesNothing()
{
    QFETCH(ArchiveBuilder::Format, format);
    QTemporaryDir dir;
    const QString whole = dir.filePath(QStringLiteral("whole") + ArchiveBuilder::suffix(format));
    {
        ArchiveBuilder a(whole, format);
        a.addFile("a.txt", QByteArray(600, 'a')); // a tar entry of two blocks
        a.addFile("b.txt", "b\n");
        a.addFile("c/d.txt", QByteArray(512, 'd')); // ends exactly on a block
    }
    QFile wholeFile(whole);
    QVERIFY(wholeFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = wholeFile.readAll();
    TestWorkspace ws;
    QVERIFY(ProjectImporter(ws.db()).importProject(whole, {}).ok()); // the whole one imports
    const QByteArray before = workspaceFingerprint(ws.db());

    // Every entry boundary of a tar, and a spread of other cuts.
    QList<qsizetype> cuts;
    for (qsizetype cut = 1; cut < bytes.size(); cut += format == ArchiveBuilder::Format::Tar ? 512 : 7)
        cuts.append(cut - (format == ArchiveBuilder::Format::Tar ? 1 : 0));
    cuts.append(bytes.size() - 1);
    if (format == ArchiveBuilder::Format::Tar) {
        // After the last entry, and after the first of the two end blocks.
        const qsizetype lastEntryEnd = bytes.indexOf(QByteArray(1024, '\0'), 512 * 5);
        QVERIFY(lastEntryEnd > 0);
        cuts << lastEntryEnd << lastEntryEnd + 512;
    }
    const QString cutPath = dir.filePath(QStringLiteral("cut") + ArchiveBuilder::suffix(format));
    for (const qsizetype cut : std::as_const(cuts)) {
        if (cut <= 0)
            continue;
        QFile out(cutPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes.first(cut));
        out.close();
        Result<ImportReport> report = ProjectImporter(ws.db()).importProject(cutPath, {});
        QVERIFY2(!report.ok(), qPrintable(QStringLiteral("cut at %1 of %2 imported").arg(cut).arg(bytes.size())));
        QVERIFY2(report.error().message.contains(QStringLiteral("Nothing was imported")), qPrintable(report.error().message));
        QCOMPARE(workspaceFingerprint(ws.db()), before);
    }
}

void tst_ArchiveImport::fileThatIsNotAnArchiveIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.zip"));
    Test::writeFile(dir.path(), QStringLiteral("notes.zip"), "this is plain text, not a zip file\n");
    TestWorkspace ws;
    Result<ImportReport> report = ProjectImporter(ws.db()).importProject(path, {});
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::InvalidInput);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM projects")), 0);
}

void tst_ArchiveImport::refreshesFromTheArchive()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.zip"));
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::Zip);
        a.addFile("a.txt", "one\n");
        a.addFile("b.txt", "two\n");
    }
    TestWorkspace ws;
    Result<ImportReport> first = ProjectImporter(ws.db()).importProject(path, {});
    QVERIFY(first.ok());
    QFile::remove(path);
    {
        ArchiveBuilder a(path, ArchiveBuilder::Format::Zip);
        a.addFile("a.txt", "one, edited\n");
        a.addFile("c.txt", "three\n");
    }
    Result<ImportReport> refreshed = ProjectImporter(ws.db()).refreshProject(first->project.id, {});
    QVERIFY(refreshed.ok());
    QCOMPARE(refreshed->added, 1);
    QCOMPARE(refreshed->changed, 1);
    QCOMPARE(refreshed->removed, 1);
    QCOMPARE(Test::projectPaths(ws.db(), first->project.id), (QStringList{QStringLiteral("a.txt"), QStringLiteral("c.txt")}));
}

QTEST_GUILESS_MAIN(tst_ArchiveImport)
#include "tst_archiveimport.moc"
