// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Realm::Server {

struct PresentUser final {
    QString userId;
    QString name;
    bool operator==(const PresentUser &) const = default;
};

// One event socket's say: "I have this project open".
struct PresenceRow final {
    QString socketId;
    QString instanceId;
    QString projectId; // empty: none
    QString userId;
    QString userName;
};

// The presence table: who has which shared project open now. Every change
// notifies kNotifyChannel at commit with the project's id as payload, so
// that each instance tells its own sockets (EventHub).
class Presence final {
public:
    static constexpr char kNotifyChannel[] = "realm_presence";

    // The socket now has `row.projectId` open (none when empty) until
    // `expiresAtMs` unless renewed.
    static Result<void> set(const QSqlDatabase &db, const PresenceRow &row, qint64 expiresAtMs);
    static Result<void> remove(const QSqlDatabase &db, const QString &socketId);
    // Makes an instance's rows what its memory says: `rows` renewed (put
    // back if another instance expired them), rows of sockets it no longer
    // has removed — except those of `writing` (a set() is under way).
    static Result<void> renew(const QSqlDatabase &db, const QString &instanceId, const QList<PresenceRow> &rows, const QStringList &writing,
                              qint64 expiresAtMs);
    static Result<void> removeInstance(const QSqlDatabase &db, const QString &instanceId);
    // Rows of instances that stopped renewing (they died) go.
    static Result<void> expire(const QSqlDatabase &db, qint64 nowMs);
    // Who has `projectId` open, each person once, by name.
    static Result<QList<PresentUser>> of(const QSqlDatabase &db, const QString &projectId, qint64 nowMs);
};

} // namespace Realm::Server
