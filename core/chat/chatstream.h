// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providerdialect.h"
#include "chat/providerprofile.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace Realm::Chat {

// One streamed answer in flight. Emits deltas as they arrive and then
// exactly one of finished() or failed(). A request that fails before the
// first token (rate limited, overloaded, server error, network) is retried
// with backoff, honouring retry-after; once text has arrived it never is,
// and whatever arrived is kept. cancel() stops at once.
//
// Lives on the thread of its QNetworkAccessManager and never blocks it.
class ChatStream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatStream)
public:
    enum class State { Waiting, Streaming, Finished, Failed };

    ChatStream(QNetworkAccessManager *network, std::shared_ptr<const ProviderDialect> dialect, ProviderProfile profile,
               QByteArray body, QObject *parent = nullptr);
    ~ChatStream() override;

    void start();
    // Stops the request; failed() follows with Kind::Cancelled and the
    // partial answer stays in text().
    void cancel();

    State state() const { return m_state; }
    QString text() const { return m_decoder ? m_decoder->text() : QString(); }
    QString reasoning() const { return m_decoder ? m_decoder->reasoning() : QString(); }
    QList<ToolCall> toolCalls() const { return m_decoder ? m_decoder->toolCalls() : QList<ToolCall>{}; }
    Usage usage() const { return m_decoder ? m_decoder->usage() : Usage{}; }
    QString stopReason() const { return m_decoder ? m_decoder->stopReason() : QString(); }
    const std::optional<ProviderError> &error() const { return m_error; }
    int attempts() const { return m_attempt; }

    // Base of the backoff before retry n (n = 1, 2, ...): base * 2^(n-1),
    // unless the server said how long to wait.
    void setRetryBaseDelayMs(int ms) { m_retryBaseDelayMs = ms; }

signals:
    void textReceived(const QString &delta);
    void reasoningReceived(const QString &delta);
    void retrying(int attempt, qint64 delayMs, const Realm::Chat::ProviderError &reason);
    void finished();
    void failed(const Realm::Chat::ProviderError &error);

private:
    void send();
    void readBody();
    void replyFinished();
    void endWith(std::optional<ProviderError> error);
    bool retryLater(const ProviderError &error);
    ProviderError networkError(QNetworkReply::NetworkError code, const QString &detail) const;
    bool hasOutput() const;

    QNetworkAccessManager *m_network;
    std::shared_ptr<const ProviderDialect> m_dialect;
    ProviderProfile m_profile;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<StreamDecoder> m_decoder;
    QByteArray m_errorBody; // a response that is not the stream
    bool m_isStream = false;
    bool m_cancelled = false;
    int m_attempt = 0;
    int m_retryBaseDelayMs = 500;
    State m_state = State::Waiting;
    std::optional<ProviderError> m_error;
    QTimer m_retryTimer;
};

} // namespace Realm::Chat
