// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatrequest.h"
#include "chat/providerprofile.h"
#include "chat/streamdecoder.h"
#include "common/error.h"

#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace Realm::Chat {

// What differs between provider APIs, and nothing else: where to send a
// chat and how to authenticate, how the request body looks, which decoder
// reads the stream, how errors and model lists are written. The HTTP
// mechanics (streaming, retries, cancel) live in ChatStream, once.
class ProviderDialect {
public:
    virtual ~ProviderDialect() = default;
    static std::unique_ptr<ProviderDialect> create(ProviderProfile::Kind kind);

    virtual QNetworkRequest chatRequest(const ProviderProfile &profile) const = 0;
    virtual QByteArray chatBody(const ChatRequest &request) const = 0;
    virtual std::unique_ptr<StreamDecoder> createDecoder() const = 0;
    // Whether a 200 response with this Content-Type is the stream asked for
    // (and not, say, a JSON error or an HTML page from a proxy).
    virtual bool isStream(const QByteArray &contentType) const = 0;
    // The error an unsuccessful response stands for.
    virtual ProviderError errorFromResponse(int httpStatus, const QByteArray &body) const = 0;

    virtual QNetworkRequest modelsRequest(const ProviderProfile &profile) const = 0;
    virtual Result<QStringList> parseModels(const QByteArray &body) const = 0;

    // A redirect to another origin that baseRequest()'s policy refused.
    static ProviderError redirectRefused(const QNetworkReply &reply);

protected:
    // `path` appended to the profile's base URL; JSON content type, the
    // user agent and the profile's extra headers set.
    static QNetworkRequest baseRequest(const ProviderProfile &profile, const QString &path);
    // The kind an HTTP status means when the body says nothing useful.
    static ProviderError errorForStatus(int httpStatus, const QString &message);
};

} // namespace Realm::Chat
