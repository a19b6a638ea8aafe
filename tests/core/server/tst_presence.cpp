// SPDX-License-Identifier: GPL-3.0-or-later
// The presence table on SQLite and PostgreSQL (tst_presence and
// tst_presence_postgresql): who has which project open, renewed by the
// instance that holds the sockets, expired when that instance died.
#include "server/presence.h"
#include "serverdb/databasenotifier.h"
#include "serverdb/serverdatabase.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Server;
using namespace Realm::ServerDb;

class TestPresence final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerDatabasePtr m_database;

    Result<void> set(const QString &socket, const QString &instance, const QString &project, const QString &user, qint64 expiresAt)
    {
        const PresenceRow row{socket, instance, project, user, user.toLower()};
        return m_database->write(QStringLiteral("set"), [&](const QSqlDatabase &db) { return Presence::set(db, row, expiresAt); });
    }

    QStringList present(const QString &project, qint64 now)
    {
        const Result<QList<PresentUser>> users = m_database->read([&](const QSqlDatabase &db) { return Presence::of(db, project, now); });
        if (!users)
            return {users.error().message};
        QStringList names;
        for (const PresentUser &user : *users)
            names << user.name;
        return names;
    }

private slots:
    void initTestCase()
    {
        QString why;
        std::optional<DatabaseLocation> location = Test::newTestDatabase(m_folder.path(), &why);
        QVERIFY2(location, qPrintable(why));
        Result<ServerDatabasePtr> database = ServerDatabase::open(*location);
        REALM_VERIFY_OK(database);
        m_database = *database;
    }

    void eachPersonOnceByName()
    {
        REALM_VERIFY_OK(set(QStringLiteral("i1:1"), QStringLiteral("i1"), QStringLiteral("p"), QStringLiteral("Bob"), 1000));
        REALM_VERIFY_OK(set(QStringLiteral("i1:2"), QStringLiteral("i1"), QStringLiteral("p"), QStringLiteral("Alice"), 1000));
        // Bob on a second machine: still one Bob.
        REALM_VERIFY_OK(set(QStringLiteral("i2:1"), QStringLiteral("i2"), QStringLiteral("p"), QStringLiteral("Bob"), 1000));
        REALM_VERIFY_OK(set(QStringLiteral("i2:2"), QStringLiteral("i2"), QStringLiteral("q"), QStringLiteral("Carol"), 1000));
        QCOMPARE(present(QStringLiteral("p"), 500), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
        QCOMPARE(present(QStringLiteral("q"), 500), QStringList{QStringLiteral("carol")});
        // Moving to another project leaves the first.
        REALM_VERIFY_OK(set(QStringLiteral("i1:2"), QStringLiteral("i1"), QStringLiteral("q"), QStringLiteral("Alice"), 1000));
        QCOMPARE(present(QStringLiteral("p"), 500), QStringList{QStringLiteral("bob")});
        QCOMPARE(present(QStringLiteral("q"), 500), (QStringList{QStringLiteral("alice"), QStringLiteral("carol")}));
        REALM_VERIFY_OK(m_database->write(QStringLiteral("clear"), [](const QSqlDatabase &db) -> Result<void> {
            for (const char *instance : {"i1", "i2"})
                if (Result<void> removed = Presence::removeInstance(db, QString::fromLatin1(instance)); !removed)
                    return removed;
            return {};
        }));
        QVERIFY(present(QStringLiteral("p"), 500).isEmpty());
        QVERIFY(present(QStringLiteral("q"), 500).isEmpty());
    }

    // An instance renews its rows; those of one that stopped renewing
    // expire, and the projects they were in are told.
    void aDeadInstancesRowsExpire()
    {
        DatabaseNotifier notifier(m_database, QString::fromLatin1(Presence::kNotifyChannel));
        QStringList heard;
        connect(&notifier, &DatabaseNotifier::notified, this, [&heard](const QString &payload) { heard.append(payload); }, Qt::QueuedConnection);
        notifier.start();
        if (m_database->backend() == Backend::PostgreSql) {
            QTRY_VERIFY(notifier.isListening());
            QTRY_VERIFY(!heard.isEmpty());
        }
        REALM_VERIFY_OK(set(QStringLiteral("live:1"), QStringLiteral("live"), QStringLiteral("p"), QStringLiteral("Alice"), 1000));
        REALM_VERIFY_OK(set(QStringLiteral("dead:1"), QStringLiteral("dead"), QStringLiteral("p"), QStringLiteral("Bob"), 1000));
        REALM_VERIFY_OK(set(QStringLiteral("dead:2"), QStringLiteral("dead"), QStringLiteral("r"), QStringLiteral("Bob"), 1000));
        QTRY_VERIFY(heard.count(QStringLiteral("r")) == 1);
        heard.clear();
        const QList<PresenceRow> live{{QStringLiteral("live:1"), QStringLiteral("live"), QStringLiteral("p"), QStringLiteral("Alice"), QStringLiteral("alice")}};
        REALM_VERIFY_OK(m_database->write(QStringLiteral("renew"), [&](const QSqlDatabase &db) { return Presence::renew(db, QStringLiteral("live"), live, {}, 3000); }));
        // Past the dead instance's time, before the live one's.
        QCOMPARE(present(QStringLiteral("p"), 2000), QStringList{QStringLiteral("alice")});
        REALM_VERIFY_OK(m_database->write(QStringLiteral("expire"), [](const QSqlDatabase &db) { return Presence::expire(db, 2000); }));
        QTRY_COMPARE(QSet<QString>(heard.begin(), heard.end()), (QSet<QString>{QStringLiteral("p"), QStringLiteral("r")}));
        QCOMPARE(present(QStringLiteral("p"), 0), QStringList{QStringLiteral("alice")});
        QVERIFY(present(QStringLiteral("r"), 0).isEmpty());
        REALM_VERIFY_OK(m_database->write(QStringLiteral("clear"), [](const QSqlDatabase &db) { return Presence::removeInstance(db, QStringLiteral("live")); }));
    }

    // Renewing makes an instance's rows what it has in memory: a row whose
    // removal failed goes, one another instance expired comes back, and a
    // socket whose write is under way is left alone.
    void renewingHealsTheInstancesRows()
    {
        const QString instance = QStringLiteral("i3");
        REALM_VERIFY_OK(set(QStringLiteral("i3:1"), instance, QStringLiteral("p"), QStringLiteral("Alice"), 1000)); // its socket closed
        REALM_VERIFY_OK(set(QStringLiteral("i3:2"), instance, QStringLiteral("p"), QStringLiteral("Bob"), 1000));   // writing
        REALM_VERIFY_OK(set(QStringLiteral("i3:3"), instance, QStringLiteral("p"), QStringLiteral("Carol"), 1000)); // moved to q
        const QList<PresenceRow> rows{{QStringLiteral("i3:3"), instance, QStringLiteral("q"), QStringLiteral("Carol"), QStringLiteral("carol")},
                                      {QStringLiteral("i3:4"), instance, QStringLiteral("q"), QStringLiteral("Dave"), QStringLiteral("dave")}}; // expired elsewhere
        REALM_VERIFY_OK(m_database->write(QStringLiteral("renew"), [&](const QSqlDatabase &db) {
            return Presence::renew(db, instance, rows, {QStringLiteral("i3:2")}, 5000);
        }));
        QCOMPARE(present(QStringLiteral("p"), 500), QStringList{QStringLiteral("bob")});
        QCOMPARE(present(QStringLiteral("q"), 4000), (QStringList{QStringLiteral("carol"), QStringLiteral("dave")}));
        REALM_VERIFY_OK(m_database->write(QStringLiteral("clear"), [&](const QSqlDatabase &db) { return Presence::removeInstance(db, instance); }));
        QVERIFY(present(QStringLiteral("p"), 0).isEmpty());
        QVERIFY(present(QStringLiteral("q"), 0).isEmpty());
    }

    // Names sort alike on both backends (case aside).
    void namesSortTheSameEverywhere()
    {
        // Byte order would put "Bob" before "anna".
        REALM_VERIFY_OK(m_database->write(QStringLiteral("set"), [](const QSqlDatabase &db) -> Result<void> {
            const PresenceRow bob{QStringLiteral("i4:1"), QStringLiteral("i4"), QStringLiteral("s"), QStringLiteral("u-bob"), QStringLiteral("Bob")};
            const PresenceRow anna{QStringLiteral("i4:2"), QStringLiteral("i4"), QStringLiteral("s"), QStringLiteral("u-anna"), QStringLiteral("anna")};
            if (Result<void> first = Presence::set(db, bob, 1000); !first)
                return first;
            return Presence::set(db, anna, 1000);
        }));
        const Result<QList<PresentUser>> users = m_database->read([](const QSqlDatabase &db) { return Presence::of(db, QStringLiteral("s"), 0); });
        REALM_VERIFY_OK(users);
        QCOMPARE(*users, (QList<PresentUser>{{QStringLiteral("u-anna"), QStringLiteral("anna")}, {QStringLiteral("u-bob"), QStringLiteral("Bob")}}));
    }
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
