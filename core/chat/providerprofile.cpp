// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/providerprofile.h"

namespace Realm::Chat {

QString ProviderProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::OpenAiCompatible:
        return QStringLiteral("openai");
    case Kind::Anthropic:
        return QStringLiteral("anthropic");
    case Kind::Ollama:
        return QStringLiteral("ollama");
    }
    return {};
}

std::optional<ProviderProfile::Kind> ProviderProfile::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::OpenAiCompatible, Kind::Anthropic, Kind::Ollama}) {
        if (kindName(kind).compare(name, Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QUrl ProviderProfile::defaultBaseUrl(Kind kind)
{
    switch (kind) {
    case Kind::OpenAiCompatible:
        return QUrl(QStringLiteral("https://api.openai.com/v1"));
    case Kind::Anthropic:
        return QUrl(QStringLiteral("https://api.anthropic.com"));
    case Kind::Ollama:
        return QUrl(QStringLiteral("http://127.0.0.1:11434"));
    }
    return {};
}

} // namespace Realm::Chat
