// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatstream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>

namespace Realm::Chat {

namespace {
constexpr qint64 kLongestRetryWaitMs = 60000; // longer waits are the user's call

std::optional<qint64> retryAfterMs(const QNetworkReply *reply)
{
    // OpenAI sends retry-after-ms; everyone may send retry-after, in
    // seconds or as an HTTP date.
    bool ok = false;
    const qint64 ms = reply->rawHeader("retry-after-ms").trimmed().toLongLong(&ok);
    if (ok && ms >= 0)
        return ms;
    const QByteArray after = reply->rawHeader("retry-after").trimmed();
    if (after.isEmpty())
        return std::nullopt;
    const double seconds = after.toDouble(&ok);
    if (ok && seconds >= 0)
        return qint64(seconds * 1000);
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(after), Qt::RFC2822Date);
    if (date.isValid())
        return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(date));
    return std::nullopt;
}

bool isRetryable(ProviderError::Kind kind)
{
    using Kind = ProviderError::Kind;
    return kind == Kind::RateLimited || kind == Kind::Overloaded || kind == Kind::Server || kind == Kind::Network
           || kind == Kind::Incomplete;
}
} // namespace

ChatStream::ChatStream(QNetworkAccessManager *network, std::shared_ptr<const ProviderDialect> dialect, ProviderProfile profile,
                       QByteArray body, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_dialect(std::move(dialect))
    , m_profile(std::move(profile))
    , m_body(std::move(body))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatStream::send);
}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ChatStream::start()
{
    if (m_attempt == 0 && m_state == State::Waiting)
        send();
}

void ChatStream::send()
{
    ++m_attempt;
    m_decoder = m_dialect->createDecoder();
    m_decoder->onText = [this](const QString &delta) {
        m_state = State::Streaming;
        emit textReceived(delta);
    };
    m_decoder->onReasoning = [this](const QString &delta) {
        m_state = State::Streaming;
        emit reasoningReceived(delta);
    };
    m_errorBody.clear();
    m_isStream = false;
    m_reply = m_network->post(m_dialect->chatRequest(m_profile), m_body);
    // Headers can still arrive after cancel() aborted the reply (QNAM's
    // thread posted them before): only the current reply counts.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this, reply = m_reply.data()] {
        if (reply != m_reply)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_isStream = status == 200 && m_dialect->isStream(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray());
    });
    connect(m_reply, &QIODevice::readyRead, this, &ChatStream::readBody);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::replyFinished);
}

void ChatStream::readBody()
{
    if (!m_reply)
        return;
    const QByteArray bytes = m_reply->readAll();
    if (m_isStream)
        m_decoder->feed(bytes);
    else if (m_errorBody.size() < 64 * 1024)
        m_errorBody += bytes;
}

bool ChatStream::hasOutput() const
{
    return !m_decoder->text().isEmpty() || !m_decoder->reasoning().isEmpty() || !m_decoder->toolCalls().isEmpty();
}

void ChatStream::replyFinished()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    if (m_cancelled) {
        m_reply = nullptr;
        return; // cancel() has already reported
    }
    readBody();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();

    std::optional<ProviderError> error;
    if (code == QNetworkReply::InsecureRedirectError) {
        error = ProviderDialect::redirectRefused(*reply);
    } else if (status != 0 && !m_isStream) {
        // An HTTP error, or a 200 that is not the stream (a JSON error, a
        // proxy's HTML page).
        error = m_dialect->errorFromResponse(status, m_errorBody);
        if (status == 200 && error->kind == ProviderError::Kind::BadRequest)
            error->kind = ProviderError::Kind::Server;
        error->retryAfterMs = retryAfterMs(reply);
    } else {
        m_decoder->end();
        error = m_decoder->error();
        // A dropped connection matters only if the answer is not whole and
        // the stream itself did not already say what went wrong.
        const bool streamSaidWhy = error && error->kind != ProviderError::Kind::Incomplete;
        if (code != QNetworkReply::NoError && !m_decoder->isDone() && !streamSaidWhy)
            error = networkError(code, reply->errorString());
    }
    if (error && !hasOutput() && retryLater(*error))
        return;
    endWith(error);
}

bool ChatStream::retryLater(const ProviderError &error)
{
    if (!isRetryable(error.kind) || m_attempt > m_profile.maxRetries)
        return false;
    const qint64 delay = error.retryAfterMs.value_or(qint64(m_retryBaseDelayMs) << (m_attempt - 1));
    if (delay > kLongestRetryWaitMs)
        return false;
    emit retrying(m_attempt + 1, delay, error);
    m_retryTimer.start(int(delay));
    return true;
}

ProviderError ChatStream::networkError(QNetworkReply::NetworkError code, const QString &detail) const
{
    const QString host = m_profile.baseUrl.host();
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
        return {ProviderError::Kind::Tls, QCoreApplication::translate("Realm::Chat", "The secure connection to %1 failed (%2). Check the base URL and the system's certificates.").arg(host, detail), {}};
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborted it
    case QNetworkReply::TimeoutError:
        return {ProviderError::Kind::Network, QCoreApplication::translate("Realm::Chat", "%1 sent nothing for %2 seconds.").arg(host).arg(m_profile.idleTimeoutMs / 1000), {}};
    case QNetworkReply::ConnectionRefusedError:
        return {ProviderError::Kind::Network, QCoreApplication::translate("Realm::Chat", "Nothing is listening at %1. Is the server running, and is the base URL right?").arg(m_profile.baseUrl.toString()), {}};
    case QNetworkReply::HostNotFoundError:
        return {ProviderError::Kind::Network, QCoreApplication::translate("Realm::Chat", "The host %1 was not found. Check the base URL and the network connection.").arg(host), {}};
    default:
        return {ProviderError::Kind::Network, QCoreApplication::translate("Realm::Chat", "The connection to %1 failed: %2").arg(host, detail), {}};
    }
}

void ChatStream::cancel()
{
    if (m_state == State::Finished || m_state == State::Failed)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort();
    endWith(ProviderError{ProviderError::Kind::Cancelled, QCoreApplication::translate("Realm::Chat", "Stopped by the user."), {}});
}

void ChatStream::endWith(std::optional<ProviderError> error)
{
    m_error = std::move(error);
    m_state = m_error ? State::Failed : State::Finished;
    if (m_error)
        emit failed(*m_error);
    else
        emit finished();
}

} // namespace Realm::Chat
