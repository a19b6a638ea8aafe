// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Auth {

struct ApiKey final {
    QString id;
    QString userId;
    QString orgId;
    QString name;
    QString lastChars; // the key's last 8 characters, to recognise it
    QStringList scopes;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    std::optional<qint64> revokedAtMs;
    QJsonObject toJson() const; // never the secret
};

// API keys for scripts and CI: `realm_<id>_<secret>`, shown once, stored
// as the secret's SHA-256. Bound to one organization, limited to scopes,
// valid for at most 365 days; what a key may do is its scopes intersected
// with its owner's current roles (Access). A disabled owner's keys stop.
class ApiKeys final {
public:
    static constexpr int kLongestLifetimeDays = 365;

    explicit ApiKeys(ServerDb::ServerDatabasePtr database);

    struct Created {
        ApiKey key;
        QString secret; // the whole key; it cannot be shown again
    };
    // Only a signed-in person (not another key) makes keys, for an
    // organization they belong to.
    Result<Created> create(const Principal &principal, const QString &name, const QString &org, const QStringList &scopes, int expiresInDays,
                           const ClientInfo &client);
    Result<QList<ApiKey>> list(const Principal &principal) const;
    Result<void> revoke(const Principal &principal, const QString &keyId, const ClientInfo &client);

    // The principal behind a key; Unauthenticated for anything unusable.
    static Result<Principal> authenticate(const QSqlDatabase &db, const QString &key, qint64 nowMs);
    static bool looksLikeKey(const QString &token) { return token.startsWith(QLatin1String("realm_")); }

private:
    ServerDb::ServerDatabasePtr m_db;
};

} // namespace Realm::Auth
