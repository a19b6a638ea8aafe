// SPDX-License-Identifier: GPL-3.0-or-later
// Provider profiles in a real workspace and their API keys in a real
// keychain (gnome-keyring on a private D-Bus session) — or, in the
// _nokeychain run, with no keychain reachable at all.
#include "chat/providerstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "testworkspace.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Realm;
using namespace Realm::Chat;
using Realm::Test::TestWorkspace;

namespace {
bool keychainExpected()
{
    return qEnvironmentVariable("REALM_TEST_KEYCHAIN") == QLatin1String("available");
}

ProviderProfile sampleProfile(const QString &name = QStringLiteral("openai"))
{
    ProviderProfile p;
    p.name = name;
    p.kind = ProviderProfile::Kind::OpenAiCompatible;
    p.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    p.defaultModel = QStringLiteral("gpt-4.1-mini");
    p.extraHeaders = {{"HTTP-Referer", "https://realm.example"}};
    return p;
}

// Waits for an asynchronous store call.
template<typename T>
std::optional<Result<T>> await(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&result](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    return result;
}

// Every byte the workspace has on disk (database, WAL, journal).
QByteArray workspaceBytes(const TestWorkspace &ws)
{
    QByteArray all;
    QDirIterator it(ws.dir(), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}
} // namespace

class tst_ProviderStore final : public QObject {
    Q_OBJECT
private slots:
    void profilesAreStoredWithTheirOptions();
    void badProfilesAreRefusedWithAReason();
    void keyGoesToTheKeychainAndNeverIntoTheWorkspace();
    void withoutAKeychainTheKeyLastsThisSessionOnly();
    void plaintextStorageOnlyWhenAskedAndUndone();
    void removingAProfileRemovesItsKey();

private:
    Secrets::KeychainSecretStore m_keychain{QStringLiteral("REALM-tests")};
    Secrets::MemorySecretStore m_session;
};

void tst_ProviderStore::profilesAreStoredWithTheirOptions()
{
    TestWorkspace ws;
    ProviderStore store(ws.db(), &m_keychain, &m_session);
    ProviderProfile p = sampleProfile();
    p.maxRetries = 4;
    p.contextWindowTokens = 128000;
    const StoredProfile created = *store.create(p);
    QVERIFY(!created.profile.id.isEmpty());
    const StoredProfile found = *store.find(QStringLiteral("openai"));
    QCOMPARE(found.profile.id, created.profile.id);
    QCOMPARE(found.profile.kind, ProviderProfile::Kind::OpenAiCompatible);
    QCOMPARE(found.profile.baseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
    QCOMPARE(found.profile.defaultModel, QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(found.profile.extraHeaders.size(), 1);
    QCOMPARE(found.profile.extraHeaders.first().second, QByteArray("https://realm.example"));
    QCOMPARE(found.profile.maxRetries, 4);
    QCOMPARE(found.profile.contextWindowTokens, 128000);
    QCOMPARE(found.keyStorage, KeyStorage::None);

    QVERIFY(store.cacheModels(found.profile.id, {QStringLiteral("gpt-a"), QStringLiteral("gpt-b")}));
    QCOMPARE(store.find(found.profile.id)->models, QStringList({QStringLiteral("gpt-a"), QStringLiteral("gpt-b")}));

    StoredProfile changed = found;
    changed.profile.name = QStringLiteral("OpenAI work");
    changed.profile.defaultModel = QStringLiteral("gpt-5");
    QCOMPARE(store.update(changed)->profile.defaultModel, QStringLiteral("gpt-5"));
    QVERIFY(store.create(sampleProfile(QStringLiteral("local"))));
    QCOMPARE(store.list()->size(), 2);
    QCOMPARE(store.list()->first().profile.name, QStringLiteral("local"));
}

void tst_ProviderStore::badProfilesAreRefusedWithAReason()
{
    TestWorkspace ws;
    ProviderStore store(ws.db(), &m_keychain, &m_session);
    QVERIFY(store.create(sampleProfile()));
    const Result<StoredProfile> duplicate = store.create(sampleProfile());
    QCOMPARE(duplicate.error().code, Error::Code::InvalidInput);
    QVERIFY(duplicate.error().message.contains(QStringLiteral("already exists")));
    ProviderProfile badUrl = sampleProfile(QStringLiteral("x"));
    badUrl.baseUrl = QUrl(QStringLiteral("ftp://example.org"));
    QVERIFY(store.create(badUrl).error().message.contains(QStringLiteral("not an http(s) URL")));
    QCOMPARE(store.find(QStringLiteral("nope")).error().code, Error::Code::NotFound);
}

void tst_ProviderStore::keyGoesToTheKeychainAndNeverIntoTheWorkspace()
{
    if (!keychainExpected())
        QSKIP("needs the keychain of the with-keyring run");
    TestWorkspace ws;
    ProviderStore store(ws.db(), &m_keychain, &m_session);
    const StoredProfile created = *store.create(sampleProfile());
    const QString key = QStringLiteral("sk-proj-SECRET-%1").arg(created.profile.id);
    const auto saved = await<KeyStorage>([&](auto done) { store.saveKey(created.profile.id, key, false, this, done); });
    QVERIFY(saved);
    QVERIFY2(*saved, qPrintable(*saved ? QString() : saved->error().message));
    QCOMPARE(**saved, KeyStorage::Keychain);
    QVERIFY(!workspaceBytes(ws).contains(key.toUtf8()));

    const StoredProfile found = *store.find(created.profile.id);
    QCOMPARE(found.keyStorage, KeyStorage::Keychain);
    QVERIFY(found.profile.apiKey.isEmpty());
    const auto loaded = await<ProviderProfile>([&](auto done) { store.loadKey(found, this, done); });
    QVERIFY(loaded && *loaded);
    QCOMPARE((*loaded)->apiKey, key);
}

void tst_ProviderStore::withoutAKeychainTheKeyLastsThisSessionOnly()
{
    if (keychainExpected())
        QSKIP("needs the _nokeychain run");
    TestWorkspace ws;
    ProviderStore store(ws.db(), &m_keychain, &m_session);
    const StoredProfile created = *store.create(sampleProfile());
    const auto saved = await<KeyStorage>([&](auto done) { store.saveKey(created.profile.id, QStringLiteral("sk-session"), false, this, done); });
    QVERIFY(saved && *saved);
    QCOMPARE(**saved, KeyStorage::Session);
    QVERIFY(!workspaceBytes(ws).contains("sk-session"));
    const StoredProfile found = *store.find(created.profile.id);
    QCOMPARE(found.keyStorage, KeyStorage::Session);
    const auto loaded = await<ProviderProfile>([&](auto done) { store.loadKey(found, this, done); });
    QCOMPARE((*loaded)->apiKey, QStringLiteral("sk-session"));

    // The next run (a fresh session store) has no key and says what to do.
    Secrets::MemorySecretStore nextRun;
    ProviderStore later(ws.db(), &m_keychain, &nextRun);
    const auto missing = await<ProviderProfile>([&](auto done) { later.loadKey(found, this, done); });
    QVERIFY(missing && !*missing);
    QCOMPARE(missing->error().code, Error::Code::Unavailable);
    QVERIFY(missing->error().message.contains(QStringLiteral("enter it again")));
}

void tst_ProviderStore::plaintextStorageOnlyWhenAskedAndUndone()
{
    TestWorkspace ws;
    ProviderStore store(ws.db(), &m_keychain, &m_session);
    const StoredProfile created = *store.create(sampleProfile());
    const auto saved = await<KeyStorage>([&](auto done) { store.saveKey(created.profile.id, QStringLiteral("sk-plain"), true, this, done); });
    QCOMPARE(**saved, KeyStorage::Plaintext);
    const StoredProfile found = *store.find(created.profile.id);
    QCOMPARE(found.keyStorage, KeyStorage::Plaintext);
    QCOMPARE(found.profile.apiKey, QStringLiteral("sk-plain"));

    // Clearing the key leaves nothing behind in the workspace.
    const auto cleared = await<KeyStorage>([&](auto done) { store.saveKey(created.profile.id, QString(), false, this, done); });
    QCOMPARE(**cleared, KeyStorage::None);
    QVERIFY(store.find(created.profile.id)->profile.apiKey.isEmpty());
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM provider_profiles WHERE plaintext_key IS NOT NULL")), 0);
}

void tst_ProviderStore::removingAProfileRemovesItsKey()
{
    if (!keychainExpected())
        QSKIP("needs the keychain of the with-keyring run");
    TestWorkspace ws;
    ProviderStore store(ws.db(), &m_keychain, &m_session);
    const StoredProfile created = *store.create(sampleProfile());
    QVERIFY(await<KeyStorage>([&](auto done) { store.saveKey(created.profile.id, QStringLiteral("sk-gone"), false, this, done); }));
    QVERIFY(store.remove(created.profile.id));
    QCOMPARE(store.find(created.profile.id).error().code, Error::Code::NotFound);
    const auto read = await<QString>([&](auto done) { m_keychain.read(ProviderStore::keychainKey(created.profile.id), this, done); });
    QVERIFY(read && !*read);
    QCOMPARE(read->error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_ProviderStore)
#include "tst_providerstore.moc"
