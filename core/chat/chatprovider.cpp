// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatprovider.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace Realm::Chat {

ChatProvider::ChatProvider(ProviderProfile profile, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_network(network)
    , m_dialect(ProviderDialect::create(m_profile.kind))
{
}

ChatStream *ChatProvider::chat(ChatRequest request, QObject *parent)
{
    if (request.model.isEmpty())
        request.model = m_profile.defaultModel;
    auto *stream = new ChatStream(m_network, m_dialect, m_profile, m_dialect->chatBody(request), parent ? parent : this);
    stream->setRetryBaseDelayMs(m_retryBaseDelayMs);
    stream->start();
    return stream;
}

void ChatProvider::listModels(QObject *context, std::function<void(Result<QStringList>)> done)
{
    QNetworkReply *reply = m_network->get(m_dialect->modelsRequest(m_profile));
    std::shared_ptr<const ProviderDialect> dialect = m_dialect;
    connect(reply, &QNetworkReply::finished, context, [reply, dialect, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() == QNetworkReply::InsecureRedirectError) {
            done(Error::failed(ProviderDialect::redirectRefused(*reply).message));
        } else if (status == 200) {
            done(dialect->parseModels(body));
        } else if (status != 0) {
            done(Error::failed(describeProviderError(dialect->errorFromResponse(status, body))));
        } else {
            done(Error::io(QCoreApplication::translate("Realm::Chat", "Cannot reach %1: %2")
                               .arg(reply->url().toString(QUrl::RemoveQuery), reply->errorString())));
        }
    });
}

QString describeRetry(int attempt, int attempts, qint64 msLeft)
{
    const int seconds = int((std::max<qint64>(msLeft, 0) + 999) / 1000);
    return QCoreApplication::translate("Realm::Chat", "Retrying in %n s (%1 of %2)", nullptr, seconds).arg(attempt).arg(attempts);
}

QString describeProviderError(const ProviderError &error)
{
    using Kind = ProviderError::Kind;
    QString advice;
    switch (error.kind) {
    case Kind::Auth:
        advice = QCoreApplication::translate("Realm::Chat", "The provider refused the API key: check the key in the provider settings.");
        break;
    case Kind::NotFound:
        advice = QCoreApplication::translate("Realm::Chat", "The provider does not know this model (or URL): pick another model or check the base URL.");
        break;
    case Kind::RateLimited:
        advice = error.retryAfterMs ? QCoreApplication::translate("Realm::Chat", "Rate limited: try again in %1 s.").arg((*error.retryAfterMs + 999) / 1000)
                                    : QCoreApplication::translate("Realm::Chat", "Rate limited: wait a little, then try again.");
        break;
    case Kind::ContextTooLong:
        advice = QCoreApplication::translate("Realm::Chat", "The conversation is too long for this model: remove context or start a new conversation.");
        break;
    case Kind::Overloaded:
        advice = QCoreApplication::translate("Realm::Chat", "The provider is overloaded: try again later.");
        break;
    case Kind::BadRequest:
        advice = QCoreApplication::translate("Realm::Chat", "The provider refused the request.");
        break;
    case Kind::Server:
        advice = QCoreApplication::translate("Realm::Chat", "The provider failed to answer.");
        break;
    case Kind::Network:
    case Kind::Tls:
    case Kind::Incomplete:
    case Kind::Redirected:
    case Kind::Cancelled:
        return error.message;
    }
    return error.message.isEmpty() ? advice : advice + QLatin1Char(' ') + QCoreApplication::translate("Realm::Chat", "(It said: %1)").arg(error.message);
}

} // namespace Realm::Chat
