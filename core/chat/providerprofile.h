// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace Realm::Chat {

// Where and how to reach one model provider. Stored in the workspace, except
// the API key: that comes from the keychain at run time and is never
// written anywhere by this struct's users.
struct ProviderProfile {
    enum class Kind { OpenAiCompatible, Anthropic, Ollama };

    QString id;
    QString name;
    Kind kind = Kind::OpenAiCompatible;
    // Without the API path: https://api.openai.com/v1, http://127.0.0.1:8080/v1,
    // https://api.anthropic.com, http://127.0.0.1:11434.
    QUrl baseUrl;
    QString defaultModel;
    QList<QPair<QByteArray, QByteArray>> extraHeaders; // e.g. OpenRouter's HTTP-Referer
    QString apiKey; // optional for local servers
    // Tries after the first when a request fails before any answer arrives
    // (rate limited, overloaded, server error, network).
    int maxRetries = 2;
    // No byte for this long ends the request as a network error.
    int idleTimeoutMs = 120000;
    // The model's context window in tokens; 0: unknown (a default is assumed).
    int contextWindowTokens = 0;
    // Whether the model may be offered tools (function calling). Local
    // models often cannot take them, so Ollama profiles start without.
    bool toolsEnabled = true;

    static QString kindName(Kind kind);            // "openai", "anthropic", "ollama"
    static std::optional<Kind> kindFromName(const QString &name);
    static QUrl defaultBaseUrl(Kind kind);
};

} // namespace Realm::Chat
