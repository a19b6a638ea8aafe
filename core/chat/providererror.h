// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Realm::Chat {

// Why a model request failed, in kinds a caller can act on (ask for a new
// key, wait and retry, shorten the conversation, ...), with the provider's
// own words in `message`.
struct ProviderError {
    enum class Kind {
        Auth,           // bad or missing API key
        NotFound,       // no such model (or endpoint)
        RateLimited,    // retryAfterMs says when to try again, if the provider did
        ContextTooLong, // the conversation does not fit the model
        Overloaded,     // the provider is busy: retry later
        BadRequest,     // the request itself was refused
        Server,         // the provider failed, or sent something unreadable
        Network,
        Tls,
        Incomplete,     // the stream ended without its terminal event
        Redirected,     // sent to another server: not followed, it would carry the key and the code
        Cancelled,
    };
    Kind kind = Kind::Server;
    QString message;
    std::optional<qint64> retryAfterMs;
};

} // namespace Realm::Chat
