// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/auditlog.h"

#include "common/clock.h"
#include "common/jsontime.h"
#include "serverdb/query.h"
#include "serverdb/serverdatabase.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

AuditEntry readEntry(const Query &row)
{
    AuditEntry entry;
    entry.seq = row.integer(0);
    entry.atMs = row.integer(1);
    entry.orgId = row.text(2);
    entry.actorId = row.text(3);
    entry.ip = row.text(4);
    entry.action = row.text(5);
    entry.target = row.text(6);
    entry.details = QJsonDocument::fromJson(row.text(7).toUtf8()).object();
    entry.prevHash = row.text(8);
    entry.hash = row.text(9);
    return entry;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("seq"), seq},
            {QStringLiteral("at"), Json::time(atMs)},
            {QStringLiteral("org_id"), orgId.isEmpty() ? QJsonValue() : QJsonValue(orgId)},
            {QStringLiteral("actor_id"), actorId.isEmpty() ? QJsonValue() : QJsonValue(actorId)},
            {QStringLiteral("ip"), ip},
            {QStringLiteral("action"), action},
            {QStringLiteral("target"), target},
            {QStringLiteral("details"), details},
            {QStringLiteral("prev_hash"), prevHash},
            {QStringLiteral("hash"), hash}};
}

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashOf(const AuditEntry &entry)
{
    // Every field length-prefixed, so no two different entries share an input.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &field) {
        const QByteArray utf8 = field.toUtf8();
        hash.addData(QByteArray(QByteArray::number(utf8.size()) + ':'));
        hash.addData(utf8);
    };
    add(entry.prevHash);
    add(QString::number(entry.seq));
    add(QString::number(entry.atMs));
    add(entry.orgId);
    add(entry.actorId);
    add(entry.ip);
    add(entry.action);
    add(entry.target);
    add(compactJson(entry.details));
    return QString::fromLatin1(hash.result().toHex());
}

Result<AuditEntry> AuditLog::append(const QSqlDatabase &db, AuditEntry entry)
{
    const QString whatFailed = tr("Cannot write the audit log");
    // Taking the next number locks the head row until the transaction ends
    // (on SQLite the write transaction already holds the whole file).
    Query head(db, "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
    if (Result<void> ran = head.exec(whatFailed); !ran)
        return ran.error();
    if (!head.next())
        return Error::database(tr("%1: its head row is missing. Restore the database from a backup.").arg(whatFailed));
    entry.seq = head.integer(0);
    entry.prevHash = head.text(1);
    entry.atMs = Clock::nowMs();
    entry.hash = hashOf(entry);

    Query insert(db, "INSERT INTO audit_log (seq, at, org_id, actor_id, ip, action, target, details, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindAll(entry.seq, entry.atMs, entry.orgId.isEmpty() ? std::optional<QString>() : std::optional<QString>(entry.orgId),
                   entry.actorId.isEmpty() ? std::optional<QString>() : std::optional<QString>(entry.actorId), entry.ip, entry.action,
                   entry.target, compactJson(entry.details), entry.prevHash, entry.hash);
    if (Result<void> ran = insert.exec(whatFailed); !ran)
        return ran.error();
    Query link(db, "UPDATE audit_head SET hash = ? WHERE id = 1");
    link.bindAll(entry.hash);
    if (Result<void> ran = link.exec(whatFailed); !ran)
        return ran.error();
    // Once per transaction however many entries it appends.
    if (Result<void> notified = ServerDb::ServerDatabase::notifyOnCommit(db, QString::fromLatin1(kNotifyChannel), {}, whatFailed); !notified)
        return notified.error();
    return entry;
}

namespace {

Result<QList<AuditEntry>> readEntries(Query &query)
{
    if (Result<void> ran = query.exec(tr("Cannot read the audit log")); !ran)
        return ran.error();
    QList<AuditEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

} // namespace

Result<QList<AuditEntry>> AuditLog::list(const QSqlDatabase &db, const QString &orgId, qint64 afterSeq, int limit)
{
    Query query(db, "SELECT seq, at, org_id, actor_id, ip, action, target, details, prev_hash, hash FROM audit_log "
                    "WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    query.bindAll(orgId, afterSeq, limit);
    return readEntries(query);
}

Result<QList<AuditEntry>> AuditLog::since(const QSqlDatabase &db, qint64 afterSeq, int limit)
{
    Query query(db, "SELECT seq, at, org_id, actor_id, ip, action, target, details, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?");
    query.bindAll(afterSeq, limit);
    return readEntries(query);
}

Result<qint64> AuditLog::lastSeq(const QSqlDatabase &db)
{
    Query query(db, "SELECT seq FROM audit_head WHERE id = 1");
    if (Result<void> ran = query.exec(tr("Cannot read the audit log")); !ran)
        return ran.error();
    return query.next() ? query.integer(0) : qint64(0);
}

Result<AuditVerification> AuditLog::verify(const QSqlDatabase &db)
{
    const QString whatFailed = tr("Cannot read the audit log");
    AuditVerification report;
    const auto broken = [&report](qint64 seq, const QString &problem) {
        report.brokenAtSeq = seq;
        report.problem = problem;
        return report;
    };
    // Holds the chain still while it is read: appends on other connections
    // or instances wait (run inside a write transaction).
    Query hold(db, "UPDATE audit_head SET seq = seq WHERE id = 1");
    if (Result<void> ran = hold.exec(whatFailed); !ran)
        return ran.error();
    Query rows(db, "SELECT seq, at, org_id, actor_id, ip, action, target, details, prev_hash, hash FROM audit_log ORDER BY seq");
    if (Result<void> ran = rows.exec(whatFailed); !ran)
        return ran.error();
    QString previous = genesisHash();
    qint64 expectedSeq = 1;
    while (rows.next()) {
        const AuditEntry entry = readEntry(rows);
        if (entry.seq != expectedSeq)
            return broken(expectedSeq, tr("entry %1 is missing").arg(expectedSeq));
        if (entry.prevHash != previous)
            return broken(entry.seq, tr("entry %1 does not follow the entry before it").arg(entry.seq));
        if (hashOf(entry) != entry.hash)
            return broken(entry.seq, tr("entry %1 was changed after it was written").arg(entry.seq));
        previous = entry.hash;
        ++expectedSeq;
        ++report.entries;
    }
    Query head(db, "SELECT seq, hash FROM audit_head WHERE id = 1");
    if (Result<void> ran = head.exec(whatFailed); !ran)
        return ran.error();
    if (!head.next())
        return broken(expectedSeq, tr("the chain's head is missing"));
    if (head.integer(0) != report.entries || head.text(1) != previous)
        return broken(report.entries + 1, tr("the newest entries (after %1) were removed").arg(report.entries));
    return report;
}

} // namespace Realm::Auth
