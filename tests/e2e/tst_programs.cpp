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
    void serverAnswersHealthOverLoopback();
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

void tst_Programs::serverAnswersHealthOverLoopback()
{
    QTemporaryDir dir;
    QProcess server;
    server.start(Test::realmBinary(QStringLiteral("realm-server")),
                 {QStringLiteral("--workspace"), dir.filePath(QStringLiteral("s.realm")), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(server.waitForReadyRead(10000));
    const QString banner = QString::fromUtf8(server.readLine());
    const QRegularExpressionMatch port = QRegularExpression(QStringLiteral("127\\.0\\.0\\.1:(\\d+)")).match(banner);
    QVERIFY2(port.hasMatch(), qPrintable(banner));

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port.captured(1).toUInt()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(5000))
        response += socket.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY(response.contains("\"status\":\"ok\""));
    server.terminate();
    QVERIFY(server.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(tst_Programs)
#include "tst_programs.moc"
