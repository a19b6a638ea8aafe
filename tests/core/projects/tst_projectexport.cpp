// SPDX-License-Identifier: GPL-3.0-or-later
// Projects out of REALM as ZIP and tar.gz: a round trip import → export →
// import keeps every path, byte and mode; tar itself reads the result;
// a cancelled or failed export leaves no half-written archive.
#include "projects/projectexporter.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Test::TestWorkspace;

namespace {
struct Snapshot {
    QByteArray sha256;
    int mode = 0;
    bool operator==(const Snapshot &o) const { return sha256 == o.sha256 && mode == o.mode; }
};

QMap<QString, Snapshot> snapshot(const Storage::DatabasePtr &db, const QString &projectId)
{
    QMap<QString, Snapshot> files;
    for (const ProjectFile &f : *ProjectStore(db).files(projectId))
        files.insert(f.path, {f.sha256, f.mode});
    return files;
}
} // namespace

class tst_ProjectExport final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void roundTripKeepsEveryByteAndMode_data();
    void roundTripKeepsEveryByteAndMode();
    void tarReadsTheArchive();
    void cancelLeavesNothingBehind();
    void unwritablePlaceIsExplained();

private:
    std::unique_ptr<TestWorkspace> m_ws;
    QString m_projectId;
};

void tst_ProjectExport::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    const QString folder = m_ws->dir() + QStringLiteral("/src");
    Test::writeFile(folder, QStringLiteral("src/main.cpp"), "int main() { return 0; }\n");
    Test::writeFile(folder, QStringLiteral("run.sh"), "#!/bin/sh\necho hi\n");
    QFile::setPermissions(folder + QStringLiteral("/run.sh"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                                  | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    Test::writeFile(folder, QStringLiteral("docs/größe.md"), "# Größe\r\nzwei Zeilen\r\n");
    Test::writeFile(folder, QStringLiteral("assets/logo.bin"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\x00", 18));
    Test::writeFile(folder, QStringLiteral("empty.txt"), "");
    Test::writeFile(folder, QStringLiteral("a/very/deeply/nested/folder/with/a/rather/long/name/that/goes/past/one/hundred/characters/file.txt"),
                    "deep\n");
    Result<ImportReport> imported = ProjectImporter(m_ws->db()).importProject(folder, {});
    QVERIFY(imported);
    m_projectId = imported->project.id;
    QCOMPARE(snapshot(m_ws->db(), m_projectId).size(), 6);
}

void tst_ProjectExport::roundTripKeepsEveryByteAndMode_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("name");
    QTest::newRow("zip") << QStringLiteral("zip") << QStringLiteral("out.zip");
    QTest::newRow("tar.gz") << QStringLiteral("tar.gz") << QStringLiteral("out.tar.gz");
}

void tst_ProjectExport::roundTripKeepsEveryByteAndMode()
{
    QFETCH(QString, format);
    QFETCH(QString, name);
    const QString archive = m_ws->dir() + QLatin1Char('/') + name;
    QList<ExportProgress> seen;
    Result<ExportReport> report = exportArchive(m_ws->db(), m_projectId, *archiveFormatFromName(format), archive, nullptr,
                                                [&](const ExportProgress &p) { seen.append(p); });
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->files, 6);
    QCOMPARE(report->fileName, archive);
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.last().filesDone, 6);
    QCOMPARE(seen.last().bytesDone, seen.last().bytesTotal);
    QVERIFY(!QFile::exists(archive + QStringLiteral(".part")));

    // Imported again, it is the same project, byte for byte and mode for mode.
    ImportOptions options;
    options.name = QStringLiteral("again-") + format;
    Result<ImportReport> again = ProjectImporter(m_ws->db()).importProject(archive, options);
    QVERIFY(again);
    const QMap<QString, Snapshot> before = snapshot(m_ws->db(), m_projectId);
    const QMap<QString, Snapshot> after = snapshot(m_ws->db(), again->project.id);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
    QCOMPARE(after.value(QStringLiteral("run.sh")).mode, 0755);
}

void tst_ProjectExport::tarReadsTheArchive()
{
    const QString archive = m_ws->dir() + QStringLiteral("/out.tar.gz");
    QVERIFY(exportArchive(m_ws->db(), m_projectId, ArchiveFormat::TarGz, archive));
    QByteArray listing;
    QCOMPARE(Test::run(QStringLiteral("tar"), {QStringLiteral("-tzvf"), archive}, {}, &listing), 0);
    QVERIFY2(listing.contains("-rwxr-xr-x") && listing.contains(" run.sh\n"), listing.constData());
    QVERIFY(listing.contains("docs/größe.md"));
    const QString unpacked = m_ws->dir() + QStringLiteral("/unpacked");
    QDir().mkpath(unpacked);
    QCOMPARE(Test::run(QStringLiteral("tar"), {QStringLiteral("-xzf"), archive, QStringLiteral("-C"), unpacked}), 0);
    QFile logo(unpacked + QStringLiteral("/assets/logo.bin"));
    QVERIFY(logo.open(QIODevice::ReadOnly));
    QCOMPARE(logo.readAll(), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\x00", 18));
}

void tst_ProjectExport::cancelLeavesNothingBehind()
{
    const QString archive = m_ws->dir() + QStringLiteral("/out.zip");
    Test::writeFile(m_ws->dir(), QStringLiteral("out.zip"), "an older archive");
    CancellationToken cancel;
    Result<ExportReport> report = exportArchive(m_ws->db(), m_projectId, ArchiveFormat::Zip, archive, &cancel, [&](const ExportProgress &p) {
        if (p.filesDone == 3)
            cancel.cancel();
    });
    QVERIFY(!report);
    QCOMPARE(report.error().code, Error::Code::Cancelled);
    QVERIFY(!QFile::exists(archive + QStringLiteral(".part")));
    QFile older(archive);
    QVERIFY(older.open(QIODevice::ReadOnly));
    QCOMPARE(older.readAll(), QByteArray("an older archive"));
}

void tst_ProjectExport::unwritablePlaceIsExplained()
{
    Result<ExportReport> report = exportArchive(m_ws->db(), m_projectId, ArchiveFormat::Zip, QStringLiteral("/proc/realm/out.zip"));
    QVERIFY(!report);
    QCOMPARE(report.error().code, Error::Code::Io);
    QVERIFY(report.error().message.contains(QStringLiteral("/proc/realm")));
}

QTEST_GUILESS_MAIN(tst_ProjectExport)
#include "tst_projectexport.moc"
