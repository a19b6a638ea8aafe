// SPDX-License-Identifier: GPL-3.0-or-later
// Project → Export Archive as a person uses it (offscreen).
#include "jobs/exportdialog.h"
#include "projects/projectimporter.h"
#include "testworkspace.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

class tst_ExportDialog final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void exportsWhereAsked();
    void cancelWhileRunningKeepsTheDialogAndNoPartialFile();
    void exportsIntoGit();

private:
    std::unique_ptr<TestWorkspace> m_ws;
    QString m_projectId;
};

void tst_ExportDialog::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    const QString folder = m_ws->dir() + QStringLiteral("/src");
    for (int i = 0; i < 300; ++i)
        Test::writeFile(folder, QStringLiteral("dir%1/file%2.txt").arg(i % 7).arg(i), QByteArray(4000, char('a' + i % 26)));
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_ws->db()).importProject(folder, {});
    QVERIFY(imported);
    m_projectId = imported->project.id;
}

void tst_ExportDialog::exportsWhereAsked()
{
    ExportDialog dialog(m_ws->db(), m_projectId, QStringLiteral("src"));
    dialog.show();
    const QString target = m_ws->dir() + QStringLiteral("/out/src.tar.gz");
    dialog.setTarget(target);
    QCOMPARE(dialog.formatBox()->currentData().toString(), QStringLiteral("tar.gz"));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(dialog.isRunning());
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(dialog.statusLabel()->text().contains(target));
    QVERIFY(QFile::exists(target));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/export-dialog.png")));

    // Switching the format keeps the name and changes the suffix.
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("zip")));
    dialog.startExport();
    QVERIFY(QTest::qWaitFor([&] { return finished.size() == 2; }, 20000));
    QVERIFY(QFile::exists(m_ws->dir() + QStringLiteral("/out/src.zip")));
}

void tst_ExportDialog::cancelWhileRunningKeepsTheDialogAndNoPartialFile()
{
    ExportDialog dialog(m_ws->db(), m_projectId, QStringLiteral("src"));
    dialog.show();
    const QString target = m_ws->dir() + QStringLiteral("/src.zip");
    dialog.setTarget(target);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QTest::keyClick(&dialog, Qt::Key_Escape); // the first Esc cancels the export, not the dialog
    QVERIFY(dialog.isVisible());
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000));
    QVERIFY(dialog.isVisible());
    // The export may have been quicker than the key: either way, no half archive.
    QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    if (finished.first().first().toBool())
        QVERIFY(QFile::exists(target));
    else
        QVERIFY(!QFile::exists(target) && dialog.statusLabel()->text().contains(QStringLiteral("cancelled")));
    QTest::keyClick(&dialog, Qt::Key_Escape); // now it closes
    QVERIFY(!dialog.isVisible());
}

void tst_ExportDialog::exportsIntoGit()
{
    ExportDialog dialog(m_ws->db(), m_projectId, QStringLiteral("src"));
    dialog.show();
    QVERIFY(!dialog.branchEdit()->isVisible()); // only for Git
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("git")));
    QVERIFY(dialog.branchEdit()->isVisible() && dialog.authorEdit()->isVisible());
    const QString repo = m_ws->dir() + QStringLiteral("/repo");
    dialog.setTarget(repo);
    QCOMPARE(dialog.formatBox()->currentData().toString(), QStringLiteral("git")); // a folder
    // An author that is not "Name <email>" is said under the field as it is
    // typed, and Export waits until it is fixed.
    QVERIFY(dialog.exportButton()->isEnabled()); // empty: REALM's own
    dialog.authorEdit()->setText(QStringLiteral("nobody"));
    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY(dialog.authorNote()->isVisible());
    QVERIFY(dialog.authorNote()->text().contains(QStringLiteral("Name <email>")));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(!dialog.isRunning()); // refused before starting

    dialog.authorEdit()->setText(QStringLiteral("Ada Lovelace <ada@example.org>"));
    QVERIFY(!dialog.authorNote()->isVisible());
    QVERIFY(dialog.exportButton()->isEnabled());
    dialog.branchEdit()->setText(QStringLiteral("history"));
    // Enter in any field runs Export, never Browse.
    QTest::keyClick(dialog.branchEdit(), Qt::Key_Return);
    QVERIFY(dialog.isRunning() || !finished.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("Wrote 1 commit(s)")), qPrintable(dialog.statusLabel()->text()));
    QByteArray log;
    QCOMPARE(Test::run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("log"), QStringLiteral("history"),
                                                QStringLiteral("--format=%an|%s")}, {}, &log), 0);
    QCOMPARE(log.trimmed(), QByteArray("Ada Lovelace|src: import (version 1)"));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/export-git.png")));
}

QTEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
