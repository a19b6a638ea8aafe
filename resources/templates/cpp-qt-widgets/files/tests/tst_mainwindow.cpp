#include "mainwindow.h"

#include <QLabel>
#include <QPushButton>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void startsAtZero()
    {
        MainWindow window;
        QCOMPARE(window.count(), 0);
        QVERIFY(window.label()->text().contains(QLatin1String("0")));
    }

    void clickIncrements()
    {
        MainWindow window;
        QTest::mouseClick(window.button(), Qt::LeftButton);
        QTest::mouseClick(window.button(), Qt::LeftButton);
        QCOMPARE(window.count(), 2);
        QVERIFY(window.label()->text().contains(QLatin1String("2")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
