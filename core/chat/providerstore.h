// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providerprofile.h"
#include "common/error.h"
#include "common/secretstore.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QUrl>
#include <QStringList>

namespace Realm::Chat {

// Where a profile's API key is kept.
enum class KeyStorage {
    None,      // the provider needs no key (a local server)
    Keychain,  // the OS keychain
    Session,   // no keychain was available: in memory, for this run only
    Plaintext, // in the workspace file, because the user asked for it
};
QString keyStorageName(KeyStorage storage);

// What is wrong with a profile's name or base URL, said for the user; empty
// when nothing is. The store refuses a profile with either; forms check as
// the user types.
QString profileNameProblem(const QString &name);
QString baseUrlProblem(const QUrl &url);
KeyStorage keyStorageFromName(const QString &name);

struct StoredProfile {
    ProviderProfile profile; // apiKey empty: see ProviderStore::loadKey
    KeyStorage keyStorage = KeyStorage::None;
    QStringList models;      // cached from the provider
    qint64 modelsFetchedAt = 0;
};

// Provider profiles in the workspace, and their API keys wherever the user
// chose to keep them. Keys never go into the workspace unless the profile
// says Plaintext.
class ProviderStore final {
public:
    ProviderStore(Storage::DatabasePtr db, SecretStore *keychain, SecretStore *session);

    Result<StoredProfile> create(const ProviderProfile &profile);
    // By id or name.
    Result<StoredProfile> find(const QString &nameOrId) const;
    Result<QList<StoredProfile>> list() const;
    Result<StoredProfile> update(const StoredProfile &profile);
    Result<void> remove(const QString &id);
    Result<void> cacheModels(const QString &id, const QStringList &models);

    // Keeps `key` for the profile: in the keychain, or — when the user chose
    // it — in the workspace as plain text. Where no keychain is available
    // the key is kept for this run only and the result says Session.
    void saveKey(const QString &profileId, const QString &key, bool plaintext, QObject *context,
                 std::function<void(Result<KeyStorage>)> done);
    // The profile with its API key filled in (empty for KeyStorage::None).
    void loadKey(const StoredProfile &profile, QObject *context, std::function<void(Result<ProviderProfile>)> done);

    static QString keychainKey(const QString &profileId) { return QStringLiteral("provider/") + profileId; }

private:
    Result<void> setKeyStorage(const QString &profileId, KeyStorage storage, const QString &plaintextKey);

    Storage::DatabasePtr m_db;
    SecretStore *m_keychain;
    SecretStore *m_session;
};

} // namespace Realm::Chat
