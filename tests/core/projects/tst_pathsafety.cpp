// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/pathsafety.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Projects;

class tst_PathSafety final : public QObject {
    Q_OBJECT
private slots:
    void normalizes_data();
    void normalizes();
    void rejects_data();
    void rejects();
    void symlinkTargets_data();
    void symlinkTargets();
    void detectsCollisions();
};

void tst_PathSafety::normalizes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("plain") << "src/main.c" << "src/main.c";
    QTest::newRow("leading ./") << "./src/main.c" << "src/main.c";
    QTest::newRow("inner ./") << "src/./main.c" << "src/main.c";
    QTest::newRow("double slash") << "src//main.c" << "src/main.c";
    QTest::newRow("unicode kept") << "doc/größe.md" << "doc/größe.md";
    QTest::newRow("dots in names") << "a..b/..c" << "a..b/..c";
    // A colon is an ordinary character on Linux, not a drive letter.
    QTest::newRow("colon") << "x:y" << "x:y";
    QTest::newRow("drive-like folder") << "C:/Windows/x" << "C:/Windows/x";
    // Names that only look like git's folder are fine.
    QTest::newRow("gitignore") << ".gitignore" << ".gitignore";
    QTest::newRow("github folder") << ".github/workflows/ci.yml" << ".github/workflows/ci.yml";
    QTest::newRow("gitmodules") << ".gitmodules" << ".gitmodules";
    QTest::newRow("git-prefixed") << ".git-blame-ignore-revs" << ".git-blame-ignore-revs";
    QTest::newRow("other short name") << "git~2/x" << "git~2/x";
    QTest::newRow("git without dot") << "git/config" << "git/config";
}

void tst_PathSafety::normalizes()
{
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    Result<QString> r = normalizeEntryPath(raw);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(*r, normalized);
}

void tst_PathSafety::rejects_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("reason");
    QTest::newRow("parent") << "../etc/passwd" << "..";
    QTest::newRow("inner parent") << "a/../../b" << "..";
    QTest::newRow("absolute") << "/etc/passwd" << "absolute";
    // git's own folder in every spelling git's verify_path() refuses.
    QTest::newRow(".git") << ".git/config" << ".git";
    QTest::newRow(".git deeper") << "src/.git/hooks/post-checkout" << ".git";
    QTest::newRow(".git alone") << "a/.git" << ".git";
    QTest::newRow("upper case") << ".GIT/config" << ".GIT";
    QTest::newRow("mixed case") << "x/.GiT/HEAD" << ".GiT";
    QTest::newRow("NTFS trailing dot") << ".git./config" << ".git.";
    QTest::newRow("NTFS trailing space") << ".git /config" << ".git ";
    QTest::newRow("NTFS trailing dots and spaces") << ".git . ./config" << ".git . .";
    QTest::newRow("NTFS stream") << ".git::$INDEX_ALLOCATION/config" << ".git::$INDEX_ALLOCATION";
    QTest::newRow("NTFS short name") << "git~1/config" << "git~1";
    QTest::newRow("NTFS short name upper") << "GIT~1./hooks/x" << "GIT~1.";
    QTest::newRow("HFS zero-width non-joiner") << QStringLiteral(".g\u200Cit/config") << "git reserves";
    QTest::newRow("HFS byte order mark") << QStringLiteral("\uFEFF.GIT/config") << "git reserves";
    QTest::newRow("HFS right-to-left mark") << QStringLiteral(".gi\u200Ft/config") << "git reserves";
    QTest::newRow("backslash") << "a\\..\\b" << "backslash";
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << "control";
    QTest::newRow("newline") << "a\nb" << "control";
    QTest::newRow("escape") << "a\x1b[31m" << "control";
    QTest::newRow("empty") << "" << "empty";
    QTest::newRow("only dots") << "./." << "names no file";
}

void tst_PathSafety::rejects()
{
    QFETCH(QString, raw);
    QFETCH(QString, reason);
    Result<QString> r = normalizeEntryPath(raw);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
}

void tst_PathSafety::symlinkTargets_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("inside");
    QTest::newRow("sibling") << "a/link" << "file" << true;
    QTest::newRow("up one, still inside") << "a/link" << "../b/file" << true;
    QTest::newRow("escapes") << "a/link" << "../../etc/passwd" << false;
    QTest::newRow("absolute") << "link" << "/etc/passwd" << false;
    QTest::newRow("to root") << "a/link" << ".." << false;
    QTest::newRow("dot") << "a/link" << "./x" << true;
}

void tst_PathSafety::symlinkTargets()
{
    QFETCH(QString, link);
    QFETCH(QString, target);
    QFETCH(bool, inside);
    QCOMPARE(symlinkStaysInside(link, target), inside);
}

void tst_PathSafety::detectsCollisions()
{
    PathCollisionDetector detector;
    QCOMPARE(detector.add(QStringLiteral("README.md")), QString());
    QCOMPARE(detector.add(QStringLiteral("src/a.c")), QString());
    QCOMPARE(detector.add(QStringLiteral("readme.md")), QStringLiteral("README.md"));
    QCOMPARE(detector.add(QStringLiteral("src/a.c")), QStringLiteral("src/a.c"));
    const QString composed = QStringLiteral("caf\u00e9.txt");
    const QString decomposed = QStringLiteral("cafe\u0301.txt");
    QCOMPARE(detector.add(composed), QString());
    QCOMPARE(detector.add(decomposed), composed);
}

QTEST_GUILESS_MAIN(tst_PathSafety)
#include "tst_pathsafety.moc"
