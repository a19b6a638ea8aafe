// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Realm::Auth {

// One thing that happened on the server: a sign-in or its failure, a token
// or key event, a membership or role change, a project created or deleted.
struct AuditEntry final {
    qint64 seq = 0;
    qint64 atMs = 0;
    QString orgId;   // empty: not about one organization
    QString actorId; // empty: nobody signed in (a failed sign-in) or the admin CLI
    QString ip;
    QString action;  // "user.signed_in", "session.revoked", …
    QString target;  // what it happened to: a user id, an email, a key id
    QJsonObject details;
    QString prevHash;
    QString hash;

    QJsonObject toJson() const;
};

// What `audit verify` found.
struct AuditVerification final {
    qint64 entries = 0;
    // The first entry that does not fit the chain (0: intact).
    qint64 brokenAtSeq = 0;
    QString problem;
    bool intact() const { return problem.isEmpty(); }
};

// The audit log: append-only and hash-chained. Each entry's hash covers its
// fields and the previous entry's hash, and the chain's head (last seq and
// hash) is kept in its own row, so editing, deleting, inserting or
// reordering an entry — or dropping the newest — is found by verify().
// Appends run inside the caller's transaction: the event and its entry
// commit together or not at all. The head row is locked by the append, so
// writers on several instances still form one chain.
class AuditLog final {
public:
    // Every append notifies this PostgreSQL channel when it commits, so
    // every instance's event feed reads the log at once (LISTEN).
    static constexpr char kNotifyChannel[] = "realm_audit";

    // Fills in seq, time (now), prevHash and hash.
    static Result<AuditEntry> append(const QSqlDatabase &db, AuditEntry entry);
    // Entries of one organization after `afterSeq`, oldest first.
    static Result<QList<AuditEntry>> list(const QSqlDatabase &db, const QString &orgId, qint64 afterSeq, int limit);
    // Entries of every organization after `afterSeq`, oldest first (what
    // changed since: the event socket's feed). Appends hold the head row
    // until they commit, so entries become visible in seq order.
    static Result<QList<AuditEntry>> since(const QSqlDatabase &db, qint64 afterSeq, int limit);
    // The newest entry's seq (0 for an empty log).
    static Result<qint64> lastSeq(const QSqlDatabase &db);
    // Inside a write transaction, so that no append lands while it reads.
    static Result<AuditVerification> verify(const QSqlDatabase &db);

    static QString hashOf(const AuditEntry &entry);
    static QString genesisHash();
};

} // namespace Realm::Auth
