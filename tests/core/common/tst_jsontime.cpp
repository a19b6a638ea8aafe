// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/jsontime.h"

#include <QTest>

using namespace Realm;

class tst_JsonTime final : public QObject {
    Q_OBJECT
private slots:
    void writesUtcWithMilliseconds();
    void readsWhatItWrites();
    void readsOffsetsAsTheSameInstant_data();
    void readsOffsetsAsTheSameInstant();
    void refusesWhatIsNotRfc3339_data();
    void refusesWhatIsNotRfc3339();
};

void tst_JsonTime::writesUtcWithMilliseconds()
{
    QCOMPARE(Json::time(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
    QCOMPARE(Json::time(1'796'391'282'120), QStringLiteral("2026-12-04T13:34:42.120Z"));
}

void tst_JsonTime::readsWhatItWrites()
{
    for (const qint64 ms : {qint64(0), qint64(1), qint64(1'796'391'282'120), qint64(4'102'444'799'999)})
        QCOMPARE(Json::timeFrom(QJsonValue(Json::time(ms))), std::optional<qint64>(ms));
}

void tst_JsonTime::readsOffsetsAsTheSameInstant_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("Z") << "2026-12-04T13:34:42Z";
    QTest::newRow("lower-case z and t") << "2026-12-04t13:34:42z";
    QTest::newRow("space") << "2026-12-04 13:34:42Z";
    QTest::newRow("east") << "2026-12-04T14:34:42+01:00";
    QTest::newRow("west") << "2026-12-04T08:34:42-05:00";
    QTest::newRow("fraction") << "2026-12-04T13:34:42.000Z";
}

void tst_JsonTime::readsOffsetsAsTheSameInstant()
{
    QFETCH(QString, text);
    QCOMPARE(Json::timeFrom(text), std::optional<qint64>(1'796'391'282'000));
}

void tst_JsonTime::refusesWhatIsNotRfc3339_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("no offset") << QJsonValue(QStringLiteral("2026-12-04T13:34:42"));
    QTest::newRow("date only") << QJsonValue(QStringLiteral("2026-12-04"));
    QTest::newRow("month 13") << QJsonValue(QStringLiteral("2026-13-04T13:34:42Z"));
    QTest::newRow("epoch number") << QJsonValue(1'796'391'282'120.0);
    QTest::newRow("empty") << QJsonValue(QString());
    QTest::newRow("trailing text") << QJsonValue(QStringLiteral("2026-12-04T13:34:42Z; DROP"));
}

void tst_JsonTime::refusesWhatIsNotRfc3339()
{
    QFETCH(QJsonValue, value);
    QCOMPARE(Json::timeFrom(value), std::nullopt);
}

QTEST_APPLESS_MAIN(tst_JsonTime)
#include "tst_jsontime.moc"
