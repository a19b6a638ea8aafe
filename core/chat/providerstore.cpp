// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/providerstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Realm::Chat {

namespace {
const char kColumns[] = "id, name, kind, base_url, default_model, options, key_storage, plaintext_key, models, models_fetched_at";

QString optionsJson(const StoredProfile &s)
{
    QJsonObject headers;
    for (const auto &[name, value] : s.profile.extraHeaders)
        headers.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    const QJsonObject options{{QStringLiteral("headers"), headers},
                              {QStringLiteral("maxRetries"), s.profile.maxRetries},
                              {QStringLiteral("idleTimeoutMs"), s.profile.idleTimeoutMs},
                              {QStringLiteral("contextWindow"), s.profile.contextWindowTokens},
                              {QStringLiteral("tools"), s.profile.toolsEnabled}};
    return QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
}

StoredProfile profileFrom(const Storage::Statement &q)
{
    StoredProfile s;
    s.profile.id = q.columnText(0);
    s.profile.name = q.columnText(1);
    s.profile.kind = ProviderProfile::kindFromName(q.columnText(2)).value_or(ProviderProfile::Kind::OpenAiCompatible);
    s.profile.baseUrl = QUrl(q.columnText(3));
    s.profile.defaultModel = q.columnText(4);
    const QJsonObject options = QJsonDocument::fromJson(q.columnText(5).toUtf8()).object();
    const QJsonObject headers = options.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        s.profile.extraHeaders.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    s.profile.maxRetries = options.value(QStringLiteral("maxRetries")).toInt(s.profile.maxRetries);
    s.profile.idleTimeoutMs = options.value(QStringLiteral("idleTimeoutMs")).toInt(s.profile.idleTimeoutMs);
    s.profile.contextWindowTokens = options.value(QStringLiteral("contextWindow")).toInt();
    s.profile.toolsEnabled = options.value(QStringLiteral("tools")).toBool(s.profile.kind != ProviderProfile::Kind::Ollama);
    s.keyStorage = keyStorageFromName(q.columnText(6));
    if (s.keyStorage == KeyStorage::Plaintext)
        s.profile.apiKey = q.columnText(7);
    for (const QJsonValue &model : QJsonDocument::fromJson(q.columnText(8).toUtf8()).array())
        s.models << model.toString();
    s.modelsFetchedAt = q.columnInt(9);
    return s;
}

Error invalidProfile(const ProviderProfile &p)
{
    if (QString problem = profileNameProblem(p.name); !problem.isEmpty())
        return Error::invalidInput(problem);
    if (QString problem = baseUrlProblem(p.baseUrl); !problem.isEmpty())
        return Error::invalidInput(problem);
    return Error{Error::Code::Failed, QString()};
}
} // namespace

QString profileNameProblem(const QString &name)
{
    return name.trimmed().isEmpty() ? QCoreApplication::translate("Realm::Chat", "A provider profile needs a name.") : QString();
}

QString baseUrlProblem(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty())
        return {};
    return QCoreApplication::translate("Realm::Chat", "The base URL \"%1\" is not an http(s) URL, e.g. "
                                                      "http://127.0.0.1:11434 or https://api.openai.com/v1.")
        .arg(url.toString());
}

QString keyStorageName(KeyStorage storage)
{
    switch (storage) {
    case KeyStorage::None:
        return QStringLiteral("none");
    case KeyStorage::Keychain:
        return QStringLiteral("keychain");
    case KeyStorage::Session:
        return QStringLiteral("session");
    case KeyStorage::Plaintext:
        return QStringLiteral("plaintext");
    }
    return {};
}

KeyStorage keyStorageFromName(const QString &name)
{
    for (KeyStorage s : {KeyStorage::None, KeyStorage::Keychain, KeyStorage::Session, KeyStorage::Plaintext}) {
        if (keyStorageName(s) == name)
            return s;
    }
    return KeyStorage::None;
}

ProviderStore::ProviderStore(Storage::DatabasePtr db, SecretStore *keychain, SecretStore *session)
    : m_db(std::move(db))
    , m_keychain(keychain)
    , m_session(session)
{
}

Result<StoredProfile> ProviderStore::create(const ProviderProfile &profile)
{
    if (Error invalid = invalidProfile(profile); !invalid.message.isEmpty())
        return invalid;
    StoredProfile stored;
    stored.profile = profile;
    stored.profile.id = newId();
    const qint64 now = Clock::nowMs();
    Storage::Statement q(m_db->handle(), "INSERT INTO provider_profiles (id, name, kind, base_url, default_model, options, key_storage, "
                                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'none', ?, ?)");
    q.bindAll(stored.profile.id, profile.name.trimmed(), ProviderProfile::kindName(profile.kind), profile.baseUrl.toString(),
              profile.defaultModel, optionsJson(stored), now, now);
    if (Result<void> saved = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot save the provider")); !saved) {
        if (q.isUniqueViolation())
            return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "A provider named \"%1\" already exists.").arg(profile.name.trimmed()));
        return saved.error();
    }
    return find(stored.profile.id);
}

Result<StoredProfile> ProviderStore::find(const QString &nameOrId) const
{
    Storage::Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM provider_profiles WHERE (id = ? OR name = ?) AND deleted_at IS NULL")
                                             .arg(QLatin1String(kColumns)));
    q.bindAll(nameOrId, nameOrId);
    if (q.next())
        return profileFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot look up the provider"));
    return Error::notFound(QCoreApplication::translate("Realm::Chat", "There is no provider named \"%1\". "
                                                                      "`realm-cli provider list` shows them.").arg(nameOrId));
}

Result<QList<StoredProfile>> ProviderStore::list() const
{
    Storage::Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM provider_profiles WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE")
                                             .arg(QLatin1String(kColumns)));
    QList<StoredProfile> profiles;
    while (q.next())
        profiles.append(profileFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Chat", "Cannot list the providers"));
    return profiles;
}

Result<StoredProfile> ProviderStore::update(const StoredProfile &s)
{
    if (Error invalid = invalidProfile(s.profile); !invalid.message.isEmpty())
        return invalid;
    Storage::Statement q(m_db->handle(), "UPDATE provider_profiles SET name = ?, kind = ?, base_url = ?, default_model = ?, options = ?, "
                                         "updated_at = ? WHERE id = ? AND deleted_at IS NULL");
    q.bindAll(s.profile.name.trimmed(), ProviderProfile::kindName(s.profile.kind), s.profile.baseUrl.toString(), s.profile.defaultModel,
              optionsJson(s), Clock::nowMs(), s.profile.id);
    if (Result<void> saved = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot save the provider")); !saved) {
        if (q.isUniqueViolation())
            return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "A provider named \"%1\" already exists.").arg(s.profile.name.trimmed()));
        return saved.error();
    }
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "The provider %1 no longer exists.").arg(s.profile.name));
    return find(s.profile.id);
}

Result<void> ProviderStore::remove(const QString &id)
{
    Storage::Statement q(m_db->handle(), "UPDATE provider_profiles SET deleted_at = ?, plaintext_key = NULL, updated_at = ? "
                                         "WHERE id = ? AND deleted_at IS NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(now, now, id);
    if (Result<void> removed = q.exec(QCoreApplication::translate("Realm::Chat", "Cannot remove the provider")); !removed)
        return removed;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Chat", "The provider %1 no longer exists.").arg(id));
    // The keychain entry goes too; nothing to report if there was none.
    m_keychain->remove(keychainKey(id), QCoreApplication::instance(), [](Result<void>) {});
    m_session->remove(keychainKey(id), QCoreApplication::instance(), [](Result<void>) {});
    return {};
}

Result<void> ProviderStore::cacheModels(const QString &id, const QStringList &models)
{
    Storage::Statement q(m_db->handle(), "UPDATE provider_profiles SET models = ?, models_fetched_at = ? WHERE id = ?");
    q.bindAll(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(models)).toJson(QJsonDocument::Compact)), Clock::nowMs(), id);
    return q.exec(QCoreApplication::translate("Realm::Chat", "Cannot remember the provider's models"));
}

Result<void> ProviderStore::setKeyStorage(const QString &profileId, KeyStorage storage, const QString &plaintextKey)
{
    Storage::Statement q(m_db->handle(), "UPDATE provider_profiles SET key_storage = ?, plaintext_key = ?, updated_at = ? WHERE id = ?");
    const std::optional<QString> key = storage == KeyStorage::Plaintext ? std::optional<QString>(plaintextKey) : std::nullopt;
    q.bindAll(keyStorageName(storage), key, Clock::nowMs(), profileId);
    return q.exec(QCoreApplication::translate("Realm::Chat", "Cannot save the provider"));
}

void ProviderStore::saveKey(const QString &profileId, const QString &key, bool plaintext, QObject *context,
                            std::function<void(Result<KeyStorage>)> done)
{
    const QString entry = keychainKey(profileId);
    if (key.isEmpty()) {
        m_keychain->remove(entry, context, [](Result<void>) {});
        m_session->remove(entry, context, [](Result<void>) {});
        Result<void> r = setKeyStorage(profileId, KeyStorage::None, {});
        done(r ? Result<KeyStorage>(KeyStorage::None) : Result<KeyStorage>(r.error()));
        return;
    }
    if (plaintext) {
        m_keychain->remove(entry, context, [](Result<void>) {});
        Result<void> r = setKeyStorage(profileId, KeyStorage::Plaintext, key);
        done(r ? Result<KeyStorage>(KeyStorage::Plaintext) : Result<KeyStorage>(r.error()));
        return;
    }
    m_keychain->write(entry, key, context, [this, profileId, entry, key, context, done](Result<void> written) {
        if (written) {
            Result<void> r = setKeyStorage(profileId, KeyStorage::Keychain, {});
            done(r ? Result<KeyStorage>(KeyStorage::Keychain) : Result<KeyStorage>(r.error()));
            return;
        }
        if (written.error().code != Error::Code::Unavailable) {
            done(written.error());
            return;
        }
        // No keychain: the key works for this run and is not written anywhere.
        m_session->write(entry, key, context, [this, profileId, done](Result<void>) {
            Result<void> r = setKeyStorage(profileId, KeyStorage::Session, {});
            done(r ? Result<KeyStorage>(KeyStorage::Session) : Result<KeyStorage>(r.error()));
        });
    });
}

void ProviderStore::loadKey(const StoredProfile &stored, QObject *context, std::function<void(Result<ProviderProfile>)> done)
{
    ProviderProfile profile = stored.profile;
    const auto fill = [profile, done](const Result<QString> &key) {
        if (!key) {
            done(key.error());
            return;
        }
        ProviderProfile withKey = profile;
        withKey.apiKey = *key;
        done(withKey);
    };
    switch (stored.keyStorage) {
    case KeyStorage::None:
    case KeyStorage::Plaintext:
        QMetaObject::invokeMethod(context, [profile, done] { done(profile); }, Qt::QueuedConnection);
        return;
    case KeyStorage::Keychain:
        m_keychain->read(keychainKey(profile.id), context, fill);
        return;
    case KeyStorage::Session:
        m_session->read(keychainKey(profile.id), context, [fill, name = profile.name](const Result<QString> &key) {
            if (!key)
                return fill(Error::unavailable(QCoreApplication::translate("Realm::Chat", "The API key of \"%1\" was kept for one session only "
                                                                                    "(no keychain was available): enter it again.")
                                             .arg(name)));
            fill(key);
        });
        return;
    }
}

} // namespace Realm::Chat
