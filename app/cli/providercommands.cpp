// SPDX-License-Identifier: GPL-3.0-or-later
#include "providercommands.h"

#include "clioutput.h"
#include "chat/chatjson.h"

#include "chat/chatprovider.h"
#include "chat/providerstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace Realm::Cli {

using namespace Realm::Chat;

namespace {
// One keychain and one session store for the process.
ProviderStore providerStore(const Storage::DatabasePtr &db)
{
    static Secrets::KeychainSecretStore keychain;
    static Secrets::MemorySecretStore session;
    return ProviderStore(db, &keychain, &session);
}

QString keyStorageText(KeyStorage storage)
{
    switch (storage) {
    case KeyStorage::None:
        return QStringLiteral("no key");
    case KeyStorage::Keychain:
        return QStringLiteral("key in the keychain");
    case KeyStorage::Session:
        return QStringLiteral("key not stored (no keychain)");
    case KeyStorage::Plaintext:
        return QStringLiteral("key in the workspace as PLAIN TEXT");
    }
    return {};
}

// Reads an API key from stdin: the first line, without its line end.
QString readKeyFromStdin()
{
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

int saveKey(ProviderStore &store, const QString &profileId, const QString &key, bool plaintext)
{
    Result<KeyStorage> stored = waitFor<KeyStorage>([&](auto done) { store.saveKey(profileId, key, plaintext, QCoreApplication::instance(), done); });
    if (!stored)
        return fail(stored.error());
    if (*stored == KeyStorage::Session) {
        Output::error(QStringLiteral("No keychain is available, so the API key could not be stored. Run again with "
                                     "--plaintext-key to keep it in the workspace file (anyone who can read the file "
                                     "can read the key), or set REALM_API_KEY when you run chat commands."));
        return ExitNoKeychain;
    }
    Output::note(QStringLiteral("API key: %1.").arg(keyStorageText(*stored)));
    return ExitOk;
}

int runAdd(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("kind"), QStringLiteral("openai (any OpenAI-compatible server), anthropic or ollama."), QStringLiteral("kind")});
    parser.addOption({QStringLiteral("url"), QStringLiteral("Base URL (default: the provider's public API; Ollama: http://127.0.0.1:11434)."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("Default model."), QStringLiteral("model")});
    parser.addOption({QStringLiteral("header"), QStringLiteral("Extra HTTP header \"Name: value\" (repeatable)."), QStringLiteral("header")});
    parser.addOption({QStringLiteral("context-window"), QStringLiteral("The model's context window in tokens."), QStringLiteral("tokens")});
    parser.addOption({QStringLiteral("key-stdin"), QStringLiteral("Read the API key from the first line of stdin.")});
    parser.addOption({QStringLiteral("tools"), QStringLiteral("Offer the model the project tools: yes or no (default: no for Ollama, else yes)."), QStringLiteral("yes|no")});
    parser.addOption({QStringLiteral("plaintext-key"), QStringLiteral("Keep the API key in the workspace file instead of the keychain.")});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("A name for the profile."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("NAME --kind openai|anthropic|ollama [options]"), 1, 1); rc >= 0)
        return rc;
    const std::optional<ProviderProfile::Kind> kind = ProviderProfile::kindFromName(parser.value(QStringLiteral("kind")));
    if (!kind) {
        Output::error(QStringLiteral("--kind must be openai, anthropic or ollama."));
        return ExitUsage;
    }
    ProviderProfile profile;
    profile.name = parser.positionalArguments().first();
    profile.kind = *kind;
    profile.baseUrl = parser.isSet(QStringLiteral("url")) ? QUrl(parser.value(QStringLiteral("url"))) : ProviderProfile::defaultBaseUrl(*kind);
    profile.defaultModel = parser.value(QStringLiteral("model"));
    for (const QString &header : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            Output::error(QStringLiteral("--header needs \"Name: value\", not \"%1\".").arg(header));
            return ExitUsage;
        }
        profile.extraHeaders.append({header.left(colon).trimmed().toUtf8(), header.mid(colon + 1).trimmed().toUtf8()});
    }
    profile.contextWindowTokens = parser.value(QStringLiteral("context-window")).toInt();
    profile.toolsEnabled = parser.isSet(QStringLiteral("tools")) ? parser.value(QStringLiteral("tools")) == QLatin1String("yes")
                                                                 : *kind != ProviderProfile::Kind::Ollama;
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    ProviderStore store = providerStore(*db);
    Result<StoredProfile> created = store.create(profile);
    if (!created)
        return fail(created.error());
    if (inv.json)
        Output::printJson(toJson(*created));
    else
        Output::print(QStringLiteral("Added provider \"%1\" (%2, %3).")
                          .arg(created->profile.name, ProviderProfile::kindName(created->profile.kind), created->profile.baseUrl.toString()));
    if (parser.isSet(QStringLiteral("key-stdin")))
        return saveKey(store, created->profile.id, readKeyFromStdin(), parser.isSet(QStringLiteral("plaintext-key")));
    return ExitOk;
}

int runSetKey(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("plaintext-key"), QStringLiteral("Keep the API key in the workspace file instead of the keychain.")});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Provider name or id."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("NAME [--plaintext-key] < key.txt"), 1, 1, &exitCode);
    if (!db)
        return exitCode;
    ProviderStore store = providerStore(*db);
    Result<StoredProfile> profile = store.find(parser.positionalArguments().first());
    if (!profile)
        return fail(profile.error());
    return saveKey(store, profile->profile.id, readKeyFromStdin(), parser.isSet(QStringLiteral("plaintext-key")));
}

int runList(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QString(), 0, 0, &exitCode);
    if (!db)
        return exitCode;
    Result<QList<StoredProfile>> profiles = providerStore(*db).list();
    if (!profiles)
        return fail(profiles.error());
    for (const StoredProfile &s : *profiles) {
        if (inv.json)
            Output::printJson(toJson(s));
        else
            Output::print(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                              .arg(s.profile.name, ProviderProfile::kindName(s.profile.kind), s.profile.baseUrl.toString(),
                                   s.profile.defaultModel.isEmpty() ? QStringLiteral("-") : s.profile.defaultModel, keyStorageText(s.keyStorage)));
    }
    if (profiles->isEmpty() && !inv.json)
        Output::note(QStringLiteral("No providers yet: realm-cli provider add NAME --kind openai|anthropic|ollama"));
    return ExitOk;
}

int listModels(const Invocation &inv, const Storage::DatabasePtr &db, const QString &name);

// A command whose only argument is a provider: `command` gets the workspace and the name.
int withProviderName(const Invocation &inv, const std::function<int(const Storage::DatabasePtr &, const QString &)> &command)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Provider name or id."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("NAME"), 1, 1, &exitCode);
    return db ? command(*db, parser.positionalArguments().first()) : exitCode;
}

int runRemove(const Invocation &inv)
{
    return withProviderName(inv, [](const Storage::DatabasePtr &db, const QString &name) {
        ProviderStore store = providerStore(db);
        Result<StoredProfile> profile = store.find(name);
        if (!profile)
            return fail(profile.error());
        if (Result<void> r = store.remove(profile->profile.id); !r)
            return fail(r.error());
        Output::print(QStringLiteral("Removed provider \"%1\" and its key.").arg(profile->profile.name));
        return int(ExitOk);
    });
}

int runModels(const Invocation &inv)
{
    return withProviderName(inv, [&inv](const Storage::DatabasePtr &db, const QString &name) { return listModels(inv, db, name); });
}

int listModels(const Invocation &inv, const Storage::DatabasePtr &db, const QString &name)
{
    Result<ProviderProfile> profile = loadProvider(db, name);
    if (!profile)
        return fail(profile.error());
    QNetworkAccessManager network;
    ChatProvider provider(*profile, &network);
    Result<QStringList> models = waitFor<QStringList>([&](auto done) { provider.listModels(&provider, done); });
    if (!models) {
        Output::error(models.error().message);
        return models.error().code == Error::Code::Io ? ExitNetwork : ExitProvider;
    }
    if (Result<void> r = providerStore(db).cacheModels(profile->id, *models); !r)
        return fail(r.error());
    for (const QString &model : *models) {
        if (inv.json)
            Output::printJson({{QStringLiteral("model"), model}});
        else
            Output::print(model);
    }
    return ExitOk;
}
} // namespace

Result<ProviderProfile> loadProvider(const Storage::DatabasePtr &db, const QString &nameOrId)
{
    ProviderStore store = providerStore(db);
    Result<StoredProfile> stored = Error::notFound(QString());
    if (nameOrId.isEmpty()) {
        Result<QList<StoredProfile>> all = store.list();
        if (!all)
            return all.error();
        if (all->isEmpty())
            return Error::notFound(QStringLiteral("No LLM provider is set up. Add one, e.g.: realm-cli provider add local --kind ollama --model llama3.2"));
        if (all->size() > 1)
            return Error::invalidInput(QStringLiteral("Several providers are set up; choose one with --provider (realm-cli provider list)."));
        stored = all->first();
    } else {
        stored = store.find(nameOrId);
    }
    if (!stored)
        return stored.error();
    if (const QString key = qEnvironmentVariable("REALM_API_KEY"); !key.isEmpty()) {
        ProviderProfile profile = stored->profile;
        profile.apiKey = key;
        return profile;
    }
    return waitFor<ProviderProfile>([&](auto done) { store.loadKey(*stored, QCoreApplication::instance(), done); });
}

QString providerCommandsHelp()
{
    return QStringLiteral(
        "  provider add NAME --kind openai|anthropic|ollama [--url URL] [--model M] [--header 'N: V']... [--key-stdin] [--plaintext-key]\n"
        "  provider list\n"
        "  provider models NAME          fetch the provider's model list\n"
        "  provider set-key NAME [--plaintext-key] < key.txt\n"
        "  provider remove NAME\n");
}

int runProviderCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("add"))
        return runAdd(inv);
    if (sub == QLatin1String("list"))
        return runList(inv);
    if (sub == QLatin1String("models"))
        return runModels(inv);
    if (sub == QLatin1String("set-key"))
        return runSetKey(inv);
    if (sub == QLatin1String("remove"))
        return runRemove(inv);
    Output::error(QStringLiteral("Unknown command \"provider %1\". Commands:\n%2").arg(sub, providerCommandsHelp()));
    return ExitUsage;
}

} // namespace Realm::Cli
