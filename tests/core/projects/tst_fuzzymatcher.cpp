// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/fuzzymatcher.h"

#include <QTest>

using namespace Realm::Projects;

class tst_FuzzyMatcher final : public QObject {
    Q_OBJECT
private slots:
    void requiresCharactersInOrder();
    void reportsMatchedPositions();
    void ranksLikeAnEditor_data();
    void ranksLikeAnEditor();
    void upperCaseMakesItCaseSensitive();
    void rankLimitsAndBreaksTiesByLength();
};

void tst_FuzzyMatcher::requiresCharactersInOrder()
{
    FuzzyMatcher m(QStringLiteral("mwc"));
    QVERIFY(m.match(QStringLiteral("src/mainwindow.cpp")).has_value());
    QVERIFY(!m.match(QStringLiteral("src/cwm.txt")).has_value());
    QVERIFY(!FuzzyMatcher(QStringLiteral("toolongpattern")).match(QStringLiteral("short")).has_value());
}

void tst_FuzzyMatcher::reportsMatchedPositions()
{
    const auto m = FuzzyMatcher(QStringLiteral("mw")).match(QStringLiteral("ui/MainWindow.h"));
    QVERIFY(m.has_value());
    QCOMPARE(m->positions, (QList<qsizetype>{3, 7}));
}

void tst_FuzzyMatcher::ranksLikeAnEditor_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("better");
    QTest::addColumn<QString>("worse");
    QTest::newRow("consecutive beats scattered") << "main" << "src/main.cpp" << "src/m_a_i_n.cpp";
    QTest::newRow("file name beats folder") << "store" << "core/projectstore.cpp" << "store/readme.txt";
    QTest::newRow("word starts beat inner letters") << "pi" << "core/project_importer.cpp" << "core/spin.cpp";
    QTest::newRow("camel humps") << "mw" << "ui/MainWindow.h" << "ui/somewhere.h";
    QTest::newRow("word starts") << "ts" << "tst_search.cpp" << "tests.cpp";
}

void tst_FuzzyMatcher::ranksLikeAnEditor()
{
    QFETCH(QString, pattern);
    QFETCH(QString, better);
    QFETCH(QString, worse);
    FuzzyMatcher m(pattern);
    const auto a = m.match(better);
    const auto b = m.match(worse);
    QVERIFY(a && b);
    QVERIFY2(a->score > b->score, qPrintable(QStringLiteral("%1 vs %2").arg(a->score).arg(b->score)));
    const auto ranked = m.rank({worse, better}, 10);
    QCOMPARE(ranked.first().first, better);
}

void tst_FuzzyMatcher::upperCaseMakesItCaseSensitive()
{
    QVERIFY(FuzzyMatcher(QStringLiteral("mw")).match(QStringLiteral("MainWindow")).has_value());
    QVERIFY(!FuzzyMatcher(QStringLiteral("MW")).match(QStringLiteral("mainwindow")).has_value());
}

void tst_FuzzyMatcher::rankLimitsAndBreaksTiesByLength()
{
    const auto ranked = FuzzyMatcher(QStringLiteral("abc")).rank(
        {QStringLiteral("x/abc"), QStringLiteral("abc"), QStringLiteral("zzz"), QStringLiteral("y/abc")}, 2);
    QCOMPARE(ranked.size(), 2);
    QCOMPARE(ranked.at(0).first, QStringLiteral("abc"));
    QCOMPARE(ranked.at(1).first, QStringLiteral("x/abc"));
}

QTEST_GUILESS_MAIN(tst_FuzzyMatcher)
#include "tst_fuzzymatcher.moc"
