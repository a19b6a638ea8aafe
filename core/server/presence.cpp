// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/presence.h"

#include "serverdb/query.h"
#include "serverdb/serverdatabase.h"

#include <QCoreApplication>
#include <QSet>

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

// The rows `select` and `remove` pick by one value: their projects are
// told once the rows are gone.
template<typename Value>
Result<void> removeWhere(const QSqlDatabase &db, const char *select, const char *remove, const Value &value, const QString &whatFailed)
{
    Query projects(db, select);
    projects.bindAll(value);
    if (Result<void> ran = projects.exec(whatFailed); !ran)
        return ran;
    QSet<QString> affected;
    while (projects.next())
        affected.insert(projects.text(0));
    if (affected.isEmpty())
        return {};
    Query removed(db, remove);
    removed.bindAll(value);
    if (Result<void> ran = removed.exec(whatFailed); !ran)
        return ran;
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
    return removeWhere(db, "SELECT project_id FROM presence WHERE socket_id = ?", "DELETE FROM presence WHERE socket_id = ?", socketId,
                       tr("Cannot record that a socket closed"));
}

Result<void> Presence::renew(const QSqlDatabase &db, const QString &instanceId, qint64 expiresAtMs)
{
    Query renewed(db, "UPDATE presence SET expires_at = ? WHERE instance_id = ?");
    renewed.bindAll(expiresAtMs, instanceId);
    return renewed.exec(tr("Cannot renew who has projects open"));
}

Result<void> Presence::removeInstance(const QSqlDatabase &db, const QString &instanceId)
{
    return removeWhere(db, "SELECT DISTINCT project_id FROM presence WHERE instance_id = ?", "DELETE FROM presence WHERE instance_id = ?", instanceId,
                       tr("Cannot forget who had projects open"));
}

Result<void> Presence::expire(const QSqlDatabase &db, qint64 nowMs)
{
    return removeWhere(db, "SELECT DISTINCT project_id FROM presence WHERE expires_at < ?", "DELETE FROM presence WHERE expires_at < ?", nowMs,
                       tr("Cannot forget who had projects open"));
}

Result<QList<PresentUser>> Presence::of(const QSqlDatabase &db, const QString &projectId, qint64 nowMs)
{
    Query query(db, "SELECT user_id, MIN(user_name) FROM presence WHERE project_id = ? AND expires_at >= ? GROUP BY user_id ORDER BY MIN(user_name), user_id");
    query.bindAll(projectId, nowMs);
    if (Result<void> ran = query.exec(tr("Cannot read who has the project open")); !ran)
        return ran.error();
    QList<PresentUser> users;
    while (query.next())
        users.append({query.text(0), query.text(1)});
    return users;
}

} // namespace Realm::Server
