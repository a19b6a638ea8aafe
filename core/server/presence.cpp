// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/presence.h"

#include "serverdb/query.h"
#include "serverdb/serverdatabase.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace Realm::Server {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Server", text);
}

Result<void> notifyProjects(const QSqlDatabase &db, const QSet<QString> &projectIds, const QString &whatFailed)
{
    for (const QString &projectId : projectIds) {
        if (projectId.isEmpty())
            continue;
        if (Result<void> notified = ServerDb::ServerDatabase::notifyOnCommit(db, QString::fromLatin1(Presence::kNotifyChannel), projectId, whatFailed);
            !notified)
            return notified;
    }
    return {};
}

// Removes the rows `remove` picks by one value; their projects are told.
template<typename Value>
Result<void> removeWhere(const QSqlDatabase &db, const char *remove, const Value &value, const QString &whatFailed)
{
    Query removed(db, remove);
    removed.bindAll(value);
    if (Result<void> ran = removed.exec(whatFailed); !ran)
        return ran;
    QSet<QString> affected;
    while (removed.next())
        affected.insert(removed.text(0));
    return notifyProjects(db, affected, whatFailed);
}

} // namespace

Result<void> Presence::set(const QSqlDatabase &db, const PresenceRow &row, qint64 expiresAtMs)
{
    const QString whatFailed = tr("Cannot record who has the project open");
    Query before(db, "SELECT project_id FROM presence WHERE socket_id = ?");
    before.bindAll(row.socketId);
    if (Result<void> ran = before.exec(whatFailed); !ran)
        return ran;
    const QString previous = before.next() ? before.text(0) : QString();
    Query removed(db, "DELETE FROM presence WHERE socket_id = ?");
    removed.bindAll(row.socketId);
    if (Result<void> ran = removed.exec(whatFailed); !ran)
        return ran;
    if (!row.projectId.isEmpty()) {
        Query insert(db, "INSERT INTO presence (socket_id, instance_id, project_id, user_id, user_name, expires_at) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bindAll(row.socketId, row.instanceId, row.projectId, row.userId, row.userName, expiresAtMs);
        if (Result<void> ran = insert.exec(whatFailed); !ran)
            return ran;
    }
    return notifyProjects(db, {previous, row.projectId}, whatFailed);
}

Result<void> Presence::remove(const QSqlDatabase &db, const QString &socketId)
{
    return removeWhere(db, "DELETE FROM presence WHERE socket_id = ? RETURNING project_id", socketId, tr("Cannot record that a socket closed"));
}

Result<void> Presence::renew(const QSqlDatabase &db, const QString &instanceId, const QList<PresenceRow> &rows, const QStringList &writing,
                             qint64 expiresAtMs)
{
    const QString whatFailed = tr("Cannot renew who has projects open");
    Query stored(db, "SELECT socket_id, project_id FROM presence WHERE instance_id = ?");
    stored.bindAll(instanceId);
    if (Result<void> ran = stored.exec(whatFailed); !ran)
        return ran;
    QHash<QString, QString> projectOf; // by socket
    while (stored.next())
        projectOf.insert(stored.text(0), stored.text(1));
    for (const PresenceRow &row : rows) {
        if (projectOf.take(row.socketId) == row.projectId) {
            Query renewed(db, "UPDATE presence SET expires_at = ? WHERE socket_id = ?");
            renewed.bindAll(expiresAtMs, row.socketId);
            if (Result<void> ran = renewed.exec(whatFailed); !ran)
                return ran;
        } else if (Result<void> put = set(db, row, expiresAtMs); !put) {
            return put;
        }
    }
    // What is left belongs to no socket of this instance now (a removal
    // that failed): gone, unless a write for it is under way.
    for (auto stale = projectOf.cbegin(); stale != projectOf.cend(); ++stale) {
        if (writing.contains(stale.key()))
            continue;
        if (Result<void> removed = remove(db, stale.key()); !removed)
            return removed;
    }
    return {};
}

Result<void> Presence::removeInstance(const QSqlDatabase &db, const QString &instanceId)
{
    return removeWhere(db, "DELETE FROM presence WHERE instance_id = ? RETURNING project_id", instanceId, tr("Cannot forget who had projects open"));
}

Result<void> Presence::expire(const QSqlDatabase &db, qint64 nowMs)
{
    return removeWhere(db, "DELETE FROM presence WHERE expires_at < ? RETURNING project_id", nowMs, tr("Cannot forget who had projects open"));
}

Result<QList<PresentUser>> Presence::of(const QSqlDatabase &db, const QString &projectId, qint64 nowMs)
{
    Query query(db, "SELECT user_id, user_name FROM presence WHERE project_id = ? AND expires_at >= ?");
    query.bindAll(projectId, nowMs);
    if (Result<void> ran = query.exec(tr("Cannot read who has the project open")); !ran)
        return ran.error();
    QList<PresentUser> users;
    QSet<QString> seen;
    while (query.next()) {
        if (!seen.contains(query.text(0))) {
            seen.insert(query.text(0));
            users.append({query.text(0), query.text(1)});
        }
    }
    // Sorted here, not by the database: collations differ between backends.
    std::sort(users.begin(), users.end(), [](const PresentUser &a, const PresentUser &b) {
        const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.userId < b.userId;
    });
    return users;
}

} // namespace Realm::Server
