// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "common/ids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Realm;

class tst_Ids final : public QObject {
    Q_OBJECT
private slots:
    void newIdIsLowercaseUuidVersion7();
    void idsSortByCreationTime();
    void idsAreUnique();
};

void tst_Ids::newIdIsLowercaseUuidVersion7()
{
    const QRegularExpression uuid7(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QVERIFY2(uuid7.match(newId()).hasMatch(), qPrintable(newId()));
}

void tst_Ids::idsSortByCreationTime()
{
    qint64 now = 1'700'000'000'000;
    Clock::setSourceForTesting([&] { return now; });
    const QString earlier = newId();
    now += 1;
    const QString later = newId();
    Clock::setSourceForTesting({});
    QVERIFY(earlier < later);
    QCOMPARE(earlier.left(8), QStringLiteral("018bcfe5")); // 1.7e12 ms in hex, first 32 bits
}

void tst_Ids::idsAreUnique()
{
    QSet<QString> seen;
    for (int i = 0; i < 10000; ++i)
        seen.insert(newId());
    QCOMPARE(seen.size(), 10000);
}

QTEST_GUILESS_MAIN(tst_Ids)
#include "tst_ids.moc"
