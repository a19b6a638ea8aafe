// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/apikeys.h"

#include "auth/access.h"
#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/orgstore.h"
#include "auth/organizations.h"
#include "auth/roles.h"
#include "auth/tokens.h"
#include "common/clock.h"
#include "common/ids.h"
#include "common/jsontime.h"
#include "serverdb/query.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <sodium.h>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

Error invalidKey()
{
    return Error::unauthenticated(tr("The API key is not valid: unknown, revoked or expired. Make a new one."));
}

#define REALM_KEY_COLUMNS "id, user_id, org_id, name, last_chars, scopes, created_at, expires_at, revoked_at"

ApiKey readKey(const Query &row)
{
    ApiKey key;
    key.id = row.text(0);
    key.userId = row.text(1);
    key.orgId = row.text(2);
    key.name = row.text(3);
    key.lastChars = row.text(4);
    key.scopes = row.text(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    key.createdAtMs = row.integer(6);
    key.expiresAtMs = row.integer(7);
    key.revokedAtMs = row.optionalInteger(8);
    return key;
}

} // namespace

QJsonObject ApiKey::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("org_id"), orgId},
            {QStringLiteral("name"), name},
            {QStringLiteral("last_chars"), lastChars},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
            {QStringLiteral("created_at"), Json::time(createdAtMs)},
            {QStringLiteral("expires_at"), Json::time(expiresAtMs)},
            {QStringLiteral("revoked"), revokedAtMs.has_value()}};
}

ApiKeys::ApiKeys(ServerDb::ServerDatabasePtr database)
    : m_db(std::move(database))
{
}

Result<ApiKeys::Created> ApiKeys::create(const Principal &principal, const QString &name, const QString &org, const QStringList &scopes,
                                         int expiresInDays, const ClientInfo &client)
{
    if (principal.viaApiKey())
        return Error::forbidden(tr("An API key cannot make API keys. Sign in as a person."));
    if (name.trimmed().isEmpty() || name.trimmed().size() > 100)
        return Error::invalidInput(tr("Give the key a name of 1 to 100 characters, e.g. \"CI\"."));
    if (expiresInDays < 1 || expiresInDays > kLongestLifetimeDays)
        return Error::invalidInput(tr("expires_in_days must be from 1 to %1: every key expires.").arg(kLongestLifetimeDays));
    if (scopes.isEmpty())
        return Error::invalidInput(tr("Give the key at least one scope: %1.").arg(Scopes::all().join(QStringLiteral(", "))));
    for (const QString &scope : scopes) {
        if (!Scopes::all().contains(scope))
            return Error::invalidInput(tr("Unknown scope \"%1\". Scopes are %2.").arg(scope, Scopes::all().join(QStringLiteral(", "))));
    }
    return m_db->write(tr("Cannot make the API key"), [&](const QSqlDatabase &db) -> Result<Created> {
        Result<Org> found = OrgStore::byIdOrName(db, org);
        if (!found)
            return found.error().code == Error::Code::NotFound ? Access::notFound(tr("organization")) : found.error();
        if (Result<OrgRole> role = requireOrgRole(db, principal, found->id, OrgRole::Member); !role)
            return role.error();
        Created created;
        ApiKey &key = created.key;
        key.id = newId().remove(QLatin1Char('-'));
        key.userId = principal.userId;
        key.orgId = found->id;
        key.name = name.trimmed();
        key.scopes = scopes;
        key.scopes.removeDuplicates();
        key.scopes.sort();
        key.createdAtMs = Clock::nowMs();
        key.expiresAtMs = key.createdAtMs + expiresInDays * kDayMs;
        const QString secret = Tokens::newRefreshToken().mid(3); // 256 random bits, base64url
        created.secret = QStringLiteral("realm_") + key.id + QLatin1Char('_') + secret;
        key.lastChars = created.secret.right(8);
        Query insert(db, "INSERT INTO api_keys (id, user_id, org_id, name, secret_hash, last_chars, scopes, created_at, expires_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bindAll(key.id, key.userId, key.orgId, key.name, Tokens::digest(secret), key.lastChars, key.scopes.join(QLatin1Char(' ')),
                       key.createdAtMs, key.expiresAtMs);
        if (Result<void> ran = insert.exec(tr("Cannot make the API key")); !ran)
            return ran.error();
        if (Result<void> logged = appendOrgAudit(db, key.orgId, QStringLiteral("api_key.created"), key.id, principal, client,
                                                 {{QStringLiteral("name"), key.name}, {QStringLiteral("scopes"), QJsonArray::fromStringList(key.scopes)}});
            !logged)
            return logged.error();
        return created;
    });
}

Result<QList<ApiKey>> ApiKeys::list(const Principal &principal) const
{
    return m_db->read([&](const QSqlDatabase &db) -> Result<QList<ApiKey>> {
        Query query(db, "SELECT " REALM_KEY_COLUMNS " FROM api_keys WHERE user_id = ? ORDER BY created_at DESC, id");
        query.bindAll(principal.userId);
        if (Result<void> ran = query.exec(tr("Cannot list the API keys")); !ran)
            return ran.error();
        QList<ApiKey> keys;
        while (query.next())
            keys.append(readKey(query));
        return keys;
    });
}

Result<void> ApiKeys::revoke(const Principal &principal, const QString &keyId, const ClientInfo &client)
{
    return m_db->write(tr("Cannot revoke the API key"), [&](const QSqlDatabase &db) -> Result<void> {
        Query query(db, "SELECT " REALM_KEY_COLUMNS " FROM api_keys WHERE id = ? AND user_id = ?");
        query.bindAll(keyId, principal.userId);
        if (Result<void> ran = query.exec(tr("Cannot revoke the API key")); !ran)
            return ran;
        if (!query.next())
            return Error::notFound(tr("You have no API key %1.").arg(keyId));
        const ApiKey key = readKey(query);
        if (key.revokedAtMs)
            return {};
        Query update(db, "UPDATE api_keys SET revoked_at = ? WHERE id = ?");
        update.bindAll(Clock::nowMs(), keyId);
        if (Result<void> ran = update.exec(tr("Cannot revoke the API key")); !ran)
            return ran;
        return appendOrgAudit(db, key.orgId, QStringLiteral("api_key.revoked"), key.id, principal, client, {{QStringLiteral("name"), key.name}});
    });
}

Result<Principal> ApiKeys::authenticate(const QSqlDatabase &db, const QString &token, qint64 nowMs)
{
    // realm_<32 hex>_<secret>; the secret may itself hold underscores.
    if (!looksLikeKey(token) || token.size() > 200)
        return invalidKey();
    const qsizetype separator = token.indexOf(QLatin1Char('_'), 6);
    if (separator != 6 + 32)
        return invalidKey();
    const QString id = token.mid(6, 32);
    const QString secret = token.mid(separator + 1);
    Query query(db, "SELECT k.secret_hash, k.org_id, k.scopes, k.expires_at, k.revoked_at, u.id, u.email, u.name, u.disabled_at "
                    "FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ?");
    query.bindAll(id);
    if (Result<void> ran = query.exec(tr("Cannot check the API key")); !ran)
        return ran.error();
    if (!query.next())
        return invalidKey();
    const QByteArray stored = query.text(0).toLatin1();
    const QByteArray presented = Tokens::digest(secret).toLatin1();
    if (stored.size() != presented.size() || sodium_memcmp(stored.constData(), presented.constData(), size_t(stored.size())) != 0)
        return invalidKey();
    if (query.integer(3) <= nowMs || !query.isNull(4) || !query.isNull(8))
        return invalidKey();
    Principal principal;
    principal.userId = query.text(5);
    principal.email = query.text(6);
    principal.name = query.text(7);
    principal.apiKeyId = id;
    principal.apiKeyOrgId = query.text(1);
    const QStringList scopes = query.text(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    principal.scopes = QSet<QString>(scopes.begin(), scopes.end());
    return principal;
}

} // namespace Realm::Auth
