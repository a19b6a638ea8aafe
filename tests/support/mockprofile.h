// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providerprofile.h"
#include "mockllmserver.h"

namespace Realm::Test {

// An OpenAI-compatible profile for the loopback mock provider, without
// retries (a scripted failure fails at once).
inline Chat::ProviderProfile mockProfile(const MockLlmServer &server)
{
    Chat::ProviderProfile p;
    p.id = QStringLiteral("provider-mock");
    p.name = QStringLiteral("mock");
    p.kind = Chat::ProviderProfile::Kind::OpenAiCompatible;
    p.baseUrl = QUrl(server.baseUrl(QStringLiteral("/v1")));
    p.defaultModel = QStringLiteral("mock-model");
    p.maxRetries = 0;
    return p;
}

} // namespace Realm::Test
