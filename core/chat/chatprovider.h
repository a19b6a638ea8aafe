// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatrequest.h"
#include "chat/chatstream.h"
#include "chat/providerprofile.h"
#include "common/error.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Realm::Chat {

// One configured model provider (OpenAI-compatible, Anthropic or Ollama):
// starts streamed chats and lists the provider's models. Asynchronous on
// the thread of its QNetworkAccessManager; never blocks it.
class ChatProvider final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatProvider)
public:
    ChatProvider(ProviderProfile profile, QNetworkAccessManager *network, QObject *parent = nullptr);

    const ProviderProfile &profile() const { return m_profile; }

    // Starts streaming an answer; the model is the profile's default when
    // the request names none. The stream is owned by `parent` (or this).
    ChatStream *chat(ChatRequest request, QObject *parent = nullptr);
    // The provider's models, sorted; `done` runs on this thread.
    void listModels(QObject *context, std::function<void(Result<QStringList>)> done);

    void setRetryBaseDelayMs(int ms) { m_retryBaseDelayMs = ms; }

private:
    ProviderProfile m_profile;
    QNetworkAccessManager *m_network;
    std::shared_ptr<const ProviderDialect> m_dialect;
    int m_retryBaseDelayMs = 500;
};

// A person-readable sentence for an error: what happened and what to do.
QString describeProviderError(const ProviderError &error);

// While a failed request waits to go out again: "Retrying in 4 s (2 of 3)".
QString describeRetry(int attempt, int attempts, qint64 msLeft);

} // namespace Realm::Chat
