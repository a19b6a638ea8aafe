// SPDX-License-Identifier: GPL-3.0-or-later
// The three programs start, answer --help and --version, and exit cleanly.
#include "testworkspace.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace Realm;

class tst_Programs final : public QObject {
    Q_OBJECT
private slots:
    void answersHelpAndVersion_data();
    void answersHelpAndVersion();
};

void tst_Programs::answersHelpAndVersion_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("realm") << "realm";
    QTest::newRow("realm-cli") << "realm-cli";
    QTest::newRow("realm-server") << "realm-server";
}

void tst_Programs::answersHelpAndVersion()
{
    QFETCH(QString, program);
    // Even the desktop app answers these without any display.
    qunsetenv("QT_QPA_PLATFORM");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    QByteArray out;
    QCOMPARE(Test::run(Test::realmBinary(program), {QStringLiteral("--version")}, {}, &out), 0);
    QVERIFY2(out.contains("0.1.0"), out.constData());
    QCOMPARE(Test::run(Test::realmBinary(program), {QStringLiteral("--help")}, {}, &out), 0);
    QVERIFY(out.contains("Usage"));
}

QTEST_GUILESS_MAIN(tst_Programs)
#include "tst_programs.moc"
