// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/textcontent.h"

#include <QTest>

using namespace Realm::Projects;

class tst_TextContent final : public QObject {
    Q_OBJECT
private slots:
    void detectsEncoding_data();
    void detectsEncoding();
    void nulAfterFirst8KiBIsStillText();
    void utf8TextIsIndexedWithoutItsBom();
};

void tst_TextContent::detectsEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");

    const QString umlauts = QStringLiteral("Größe = 3 // ✓");
    QTest::newRow("ascii") << QByteArray("int main() {}\n") << "utf-8" << "int main() {}\n";
    QTest::newRow("empty") << QByteArray() << "utf-8" << "";
    QTest::newRow("utf-8") << umlauts.toUtf8() << "utf-8" << umlauts;
    QTest::newRow("utf-8 with bom") << QByteArray("\xEF\xBB\xBF") + umlauts.toUtf8() << "utf-8-bom" << umlauts;
    QByteArray le("\xFF\xFE", 2), be("\xFE\xFF", 2);
    for (QChar c : umlauts) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    QTest::newRow("utf-16le with bom") << le << "utf-16le" << umlauts;
    QTest::newRow("utf-16be with bom") << be << "utf-16be" << umlauts;
    QTest::newRow("latin-1") << QByteArray("Gr\xF6\xDF" "e") << "latin-1" << QStringLiteral("Größe");
    QTest::newRow("truncated utf-8 is latin-1") << QByteArray("ok \xE2\x9C") << "latin-1" << QStringLiteral("ok â\u009C");
    QTest::newRow("nul means binary") << QByteArray("\x7F" "ELF\0\0\0", 7) << "binary" << "";
    QTest::newRow("utf-16 without bom is binary") << QByteArray("a\0b\0", 4) << "binary" << "";
}

void tst_TextContent::detectsEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    const TextEncoding detected = detectEncoding(bytes);
    QCOMPARE(encodingName(detected), encoding);
    QCOMPARE(decodeText(bytes, detected), text);
    QCOMPARE(QString::fromUtf8(textAsUtf8(bytes, detected)), text);
    QCOMPARE(encodingFromName(encoding), detected);
}

void tst_TextContent::nulAfterFirst8KiBIsStillText()
{
    QByteArray bytes(8192, 'a');
    bytes.append('\0');
    QCOMPARE(detectEncoding(bytes), TextEncoding::Utf8);
    bytes[8191] = '\0';
    QCOMPARE(detectEncoding(bytes), TextEncoding::Binary);
}

void tst_TextContent::utf8TextIsIndexedWithoutItsBom()
{
    const QByteArray bytes("\xEF\xBB\xBFhello");
    QCOMPARE(textAsUtf8(bytes, detectEncoding(bytes)), QByteArray("hello"));
}

QTEST_GUILESS_MAIN(tst_TextContent)
#include "tst_textcontent.moc"
