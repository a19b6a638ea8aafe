// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/auditlog.h"
#include "serverdb/query.h"
#include "serverdb/serverdatabase.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Realm;
using namespace Realm::Auth;
using namespace Realm::ServerDb;

class TestAuditLog final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_db;

    Result<AuditEntry> append(const QString &action, const QString &orgId = {})
    {
        return m_db->write(QStringLiteral("append"), [&](const QSqlDatabase &db) {
            AuditEntry entry;
            entry.action = action;
            entry.orgId = orgId;
            entry.actorId = QStringLiteral("user-1");
            entry.ip = QStringLiteral("127.0.0.1");
            entry.target = QStringLiteral("target");
            entry.details = {{QStringLiteral("n"), 1}};
            return AuditLog::append(db, entry);
        });
    }

    Result<AuditVerification> verify()
    {
        return m_db->write(QStringLiteral("verify"), [](const QSqlDatabase &db) { return AuditLog::verify(db); });
    }

    void exec(const char *sql)
    {
        Result<void> ran = m_db->write(QStringLiteral("tamper"), [sql](const QSqlDatabase &db) {
            Query query(db, sql);
            return query.exec(QStringLiteral("tamper"));
        });
        QVERIFY2(ran, ran ? "" : qPrintable(ran.error().message));
    }

private slots:
    void init()
    {
        m_db = Test::openTestServerDatabase(m_folder.path());
        for (int i = 0; i < 5; ++i)
            REALM_VERIFY_OK(append(QStringLiteral("test.event%1").arg(i), i % 2 ? QStringLiteral("org-a") : QStringLiteral("org-b")));
    }

    void cleanup() { m_db.reset(); }

    void entriesFormAChainThatVerifies()
    {
        Result<AuditVerification> report = verify();
        REALM_VERIFY_OK(report);
        QVERIFY2(report->intact(), qPrintable(report->problem));
        QCOMPARE(report->entries, 5);
        Result<QList<AuditEntry>> orgA = m_db->read([](const QSqlDatabase &db) { return AuditLog::list(db, QStringLiteral("org-a"), 0, 100); });
        REALM_VERIFY_OK(orgA);
        QCOMPARE(orgA->size(), 2);
        QCOMPARE(orgA->at(0).seq, 2);
        QCOMPARE(orgA->at(1).seq, 4);
        QCOMPARE(orgA->at(1).action, QStringLiteral("test.event3"));
        // Paging: after the first one.
        Result<QList<AuditEntry>> after = m_db->read([](const QSqlDatabase &db) { return AuditLog::list(db, QStringLiteral("org-a"), 2, 100); });
        QCOMPARE(after->size(), 1);
        QCOMPARE(after->at(0).details.value(QStringLiteral("n")).toInt(), 1);
        const QJsonObject json = after->at(0).toJson();
        QVERIFY(json.value(QStringLiteral("at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(json.value(QStringLiteral("actor_id")).toString(), QStringLiteral("user-1"));
    }

    void tamperingIsFound_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<qint64>("brokenAt");
        QTest::newRow("an action edited") << QByteArray("UPDATE audit_log SET action = 'nothing' WHERE seq = 3") << qint64(3);
        QTest::newRow("the details edited") << QByteArray("UPDATE audit_log SET details = '{\"n\":2}' WHERE seq = 2") << qint64(2);
        QTest::newRow("the actor edited") << QByteArray("UPDATE audit_log SET actor_id = NULL WHERE seq = 1") << qint64(1);
        QTest::newRow("an entry deleted") << QByteArray("DELETE FROM audit_log WHERE seq = 2") << qint64(2);
        QTest::newRow("the newest deleted") << QByteArray("DELETE FROM audit_log WHERE seq = 5") << qint64(5);
        QTest::newRow("a hash rewritten") << QByteArray("UPDATE audit_log SET hash = prev_hash WHERE seq = 4") << qint64(4);
    }

    void tamperingIsFound()
    {
        QFETCH(QByteArray, sql);
        QFETCH(qint64, brokenAt);
        QVERIFY(verify()->intact());
        exec(sql.constData());
        Result<AuditVerification> report = verify();
        REALM_VERIFY_OK(report);
        QVERIFY(!report->intact());
        QCOMPARE(report->brokenAtSeq, brokenAt);
    }

    void writersOnManyConnectionsFormOneChain()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        QList<QFuture<bool>> writers;
        ServerDatabasePtr db = m_db;
        for (int w = 0; w < 4; ++w) {
            writers.append(QtConcurrent::run(&pool, [db, w] {
                bool ok = true;
                for (int i = 0; i < 25; ++i) {
                    Result<AuditEntry> appended = db->write(QStringLiteral("append"), [&](const QSqlDatabase &c) {
                        AuditEntry entry;
                        entry.action = QStringLiteral("writer%1.%2").arg(w).arg(i);
                        return AuditLog::append(c, entry);
                    });
                    ok = ok && appended.ok();
                }
                db->closeThreadConnection();
                return ok;
            }));
        }
        for (QFuture<bool> &writer : writers)
            QVERIFY(writer.result());
        Result<AuditVerification> report = verify();
        REALM_VERIFY_OK(report);
        QVERIFY2(report->intact(), qPrintable(report->problem));
        QCOMPARE(report->entries, 5 + 100);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
