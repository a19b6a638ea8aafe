// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/trigramtokenizer.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

using namespace Realm::Storage;

class tst_TrigramTokenizer final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void emitsEachFoldedTrigramOnce();
    void skipsTrigramsAcrossLineBreaks();
    void foldsNonAsciiLikeQt();
    void deletingRemovesExactlyWhatWasIndexed();

private:
    QStringList terms();
    QSqlDatabase m_db;
};

void tst_TrigramTokenizer::init()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tok"));
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(m_db.open());
    sqlite3 *handle = *static_cast<sqlite3 *const *>(m_db.driver()->handle().data());
    QVERIFY(registerTrigramTokenizer(handle));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='realm_trigram', detail='none')")));
    QVERIFY(q.exec(QStringLiteral("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")));
}

void tst_TrigramTokenizer::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tok"));
}

QStringList tst_TrigramTokenizer::terms()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT term FROM v ORDER BY term"));
    QStringList result;
    while (q.next())
        result << q.value(0).toString();
    return result;
}

void tst_TrigramTokenizer::emitsEachFoldedTrigramOnce()
{
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t(rowid, x) VALUES (1, 'ABCabcAbC')")));
    QCOMPARE(terms(), (QStringList{QStringLiteral("abc"), QStringLiteral("bca"), QStringLiteral("cab")}));
    QVERIFY(q.exec(QStringLiteral("SELECT rowid FROM t WHERE t MATCH '\"aBc\"'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void tst_TrigramTokenizer::skipsTrigramsAcrossLineBreaks()
{
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t(rowid, x) VALUES (1, 'ab\ncd\r\nef')")));
    QVERIFY(terms().isEmpty());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t(rowid, x) VALUES (2, 'xyz\r\nuvw')")));
    QCOMPARE(terms(), (QStringList{QStringLiteral("uvw"), QStringLiteral("xyz")}));
}

void tst_TrigramTokenizer::foldsNonAsciiLikeQt()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO t(rowid, x) VALUES (1, ?)"));
    q.addBindValue(QStringLiteral("GRÖẞE 😀Ab"));
    QVERIFY(q.exec());
    const QStringList got = terms();
    QVERIFY(got.contains(QStringLiteral("grö")));
    QVERIFY(got.contains(QStringLiteral("öße")));  // ẞ folds to ß, as QChar::toCaseFolded does
    QVERIFY(got.contains(QStringLiteral("😀ab")));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH '\"ÖSS\"'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // ß is not "ss" under simple case folding
}

void tst_TrigramTokenizer::deletingRemovesExactlyWhatWasIndexed()
{
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t(rowid, x) VALUES (1, 'hello world'), (2, 'hello there')")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t(t, rowid, x) VALUES ('delete', 1, 'hello world')")));
    QVERIFY(q.exec(QStringLiteral("SELECT rowid FROM t WHERE t MATCH '\"hel\"'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY(!q.next());
    QVERIFY(!terms().contains(QStringLiteral("wor")));
}

QTEST_GUILESS_MAIN(tst_TrigramTokenizer)
#include "tst_trigramtokenizer.moc"
