// SPDX-License-Identifier: GPL-3.0-or-later
// The event hub's presence: which shared project each socket has open,
// kept in the database (Presence) so that every instance sees everyone.
#include "server/eventhub.h"

#include "common/clock.h"

#include <QJsonArray>
#include <QTimer>

namespace Realm::Server {

namespace {

// A failed presence write is tried again after this long.
constexpr int kRetryMs = 5000;

QJsonObject presenceMessage(const QString &projectId, const QList<PresentUser> &users)
{
    QJsonArray list;
    for (const PresentUser &user : users)
        list.append(QJsonObject{{QStringLiteral("user_id"), user.userId}, {QStringLiteral("name"), user.name}});
    return {{QStringLiteral("type"), QStringLiteral("presence")}, {QStringLiteral("project_id"), projectId}, {QStringLiteral("users"), list}};
}

QJsonObject notFound(const QString &projectId)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("not_found")},
                                                  {QStringLiteral("message"), EventHub::tr("There is no project %1 that you may see.").arg(projectId)},
                                                  {QStringLiteral("project_id"), projectId}}}};
}

} // namespace

void EventHub::watch(quint64 id, const QString &projectId)
{
    Connection &connection = m_connections.at(id);
    connection.watchWanted = projectId;
    if (!connection.watchWriting)
        writeWatch(id);
}

// One write per socket at a time, so that they land in the order asked.
// Whether the socket may see the project is read with the write: the
// socket's cached roles say nothing of projects in other organizations.
void EventHub::writeWatch(quint64 id)
{
    Connection &asking = m_connections.at(id);
    if (asking.watchWanted == asking.watching)
        return;
    asking.watchWriting = true;
    const QString wanted = asking.watchWanted;
    const Auth::Principal principal = asking.principal;
    const PresenceRow row{socketId(id), m_instanceId, wanted, principal.userId, principal.name};
    const qint64 expiresAt = Clock::nowMs() + m_options.presenceTtlMs;
    m_context.workers->start([this, id, row, principal, expiresAt] {
        struct Outcome {
            Result<void> written;
            bool refused = false;
            QString orgId;
        };
        Outcome outcome;
        PresenceRow recorded = row;
        if (!row.projectId.isEmpty()) {
            const Result<Auth::SharedProject> project = m_context.projects->get(principal, row.projectId);
            if (project)
                outcome.orgId = project->orgId;
            else if (project.error().code == Error::Code::NotFound || project.error().code == Error::Code::Forbidden)
                outcome.refused = true;
            else
                outcome.written = project.error();
            if (outcome.refused)
                recorded.projectId.clear(); // and out of the project it had open
        }
        if (outcome.written)
            outcome.written = m_context.database->write(tr("Cannot record who has the project open"),
                                                        [&](const QSqlDatabase &db) { return Presence::set(db, recorded, expiresAt); });
        QMetaObject::invokeMethod(this, [this, id, row, recorded, outcome] {
            const auto found = m_connections.find(id);
            if (found == m_connections.end()) {
                // Closed meanwhile: its row goes too (or, stopping, with
                // the instance's).
                if (outcome.written && !recorded.projectId.isEmpty() && !m_stopping)
                    removePresence(recorded.socketId);
                return;
            }
            Connection &connection = found->second;
            connection.watchWriting = false;
            if (!outcome.written) {
                qWarning("%s", qPrintable(outcome.written.error().message));
                send(connection, errorMessage(QStringLiteral("internal"), tr("The server could not record that you have the project open; it tries again.")));
                QTimer::singleShot(kRetryMs, this, [this, id] {
                    const auto again = m_connections.find(id);
                    if (again != m_connections.end() && !again->second.watchWriting && !m_stopping)
                        writeWatch(id);
                });
                return;
            }
            connection.watching = recorded.projectId;
            connection.watchingOrgId = outcome.orgId;
            connection.presenceSent.reset();
            if (outcome.refused) {
                send(connection, notFound(row.projectId));
                if (connection.watchWanted == row.projectId)
                    connection.watchWanted.clear();
            }
            if (!recorded.projectId.isEmpty())
                presenceChanged(recorded.projectId); // what it finds on arrival
            writeWatch(id); // asked for another meanwhile
        }, Qt::QueuedConnection);
    });
}

void EventHub::recheckPresence(quint64 id, Connection &connection)
{
    if (connection.watching.isEmpty())
        return;
    if (!connection.seesProject(connection.watchingOrgId, connection.watching)) {
        // Told, so that it stops showing who is there.
        send(connection, presenceMessage(connection.watching, {}));
        send(connection, notFound(connection.watching));
        if (connection.watchWanted == connection.watching)
            watch(id, {});
        return;
    }
    presenceChanged(connection.watching);
}

void EventHub::forget(quint64 id, Connection &connection)
{
    const bool recorded = !connection.watching.isEmpty();
    connection.watching.clear();
    connection.watchWanted.clear();
    // A write under way removes its own row when it lands (writeWatch).
    if (!recorded || connection.watchWriting || m_stopping)
        return;
    removePresence(socketId(id));
}

void EventHub::removePresence(const QString &socketId)
{
    m_context.workers->start([database = m_context.database, socketId] {
        const Result<void> removed = database->write(tr("Cannot record that a socket closed"), [&](const QSqlDatabase &db) { return Presence::remove(db, socketId); });
        if (!removed)
            qWarning("%s", qPrintable(removed.error().message)); // the next renewal removes it
    });
}

void EventHub::forgetPresenceOfInstance()
{
    // Copies only: this may run as the hub is destroyed.
    m_context.workers->start([database = m_context.database, instanceId = m_instanceId] {
        const Result<void> removed = database->write(tr("Cannot forget who had projects open"),
                                                     [&](const QSqlDatabase &db) { return Presence::removeInstance(db, instanceId); });
        if (!removed)
            qWarning("%s", qPrintable(removed.error().message)); // the rows expire
    });
}

void EventHub::presenceChanged(const QString &projectId)
{
    if (m_stopping)
        return;
    if (projectId.isEmpty()) {
        QSet<QString> watched;
        for (const auto &[id, connection] : m_connections)
            watched.insert(connection.watching);
        watched.remove(QString());
        for (const QString &each : std::as_const(watched))
            presenceChanged(each);
        return;
    }
    const bool watched = std::any_of(m_connections.cbegin(), m_connections.cend(), [&](const auto &entry) { return entry.second.watching == projectId; });
    if (!watched)
        return;
    // One read at a time per project, so that an older answer never
    // arrives after a newer one.
    if (m_presenceReading.contains(projectId)) {
        m_presenceReadAgain.insert(projectId);
        return;
    }
    m_presenceReading.insert(projectId);
    m_context.workers->start([this, projectId] {
        const qint64 now = Clock::nowMs();
        const Result<QList<PresentUser>> users = m_context.database->read([&](const QSqlDatabase &db) { return Presence::of(db, projectId, now); });
        QMetaObject::invokeMethod(this, [this, projectId, users] {
            m_presenceReading.remove(projectId);
            if (!users) {
                qWarning("%s", qPrintable(users.error().message));
            } else {
                const QJsonObject message = presenceMessage(projectId, *users);
                for (auto &[id, connection] : m_connections) {
                    // Not while its standing is checked: it may have just
                    // lost the project (recheckPresence tells it after).
                    // Nor once it asked to leave (or lost the project).
                    if (connection.watching != projectId || connection.watchWanted != projectId || connection.busy || connection.recheckPending
                        || connection.presenceSent == *users)
                        continue;
                    send(connection, message);
                    connection.presenceSent = *users;
                }
            }
            if (m_presenceReadAgain.remove(projectId))
                presenceChanged(projectId);
        }, Qt::QueuedConnection);
    });
}

// Renews this instance's rows — and makes them what its memory says, so
// that a removal that failed or a row another instance expired heals —
// then expires the rows of instances that died.
void EventHub::renewPresence()
{
    QList<PresenceRow> rows;
    QStringList writing;
    for (const auto &[id, connection] : m_connections) {
        if (connection.watchWriting)
            writing << socketId(id);
        else if (!connection.watching.isEmpty())
            rows.append({socketId(id), m_instanceId, connection.watching, connection.principal.userId, connection.principal.name});
    }
    const qint64 now = Clock::nowMs();
    m_context.workers->start([this, rows, writing, now, expiresAt = now + m_options.presenceTtlMs] {
        const Result<void> renewed = m_context.database->write(tr("Cannot renew who has projects open"), [&](const QSqlDatabase &db) -> Result<void> {
            if (Result<void> mine = Presence::renew(db, m_instanceId, rows, writing, expiresAt); !mine)
                return mine;
            return Presence::expire(db, now);
        });
        if (!renewed)
            qWarning("%s", qPrintable(renewed.error().message));
        // Read again what is watched here: changes no notification
        // brought (another process on SQLite, a lost LISTEN).
        QMetaObject::invokeMethod(this, [this] { presenceChanged({}); }, Qt::QueuedConnection);
    });
}

} // namespace Realm::Server
