// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/streamdecoder.h"

#include <QJsonObject>

namespace Realm::Chat {

// Turns Ollama's native /api/chat stream — one JSON object per line — into
// text and thinking deltas, tool calls, usage and the outcome. The last line
// has "done": true; a line {"error": "..."} ends the answer with an error,
// and a stream that stops before "done" is incomplete.
class OllamaStreamDecoder final : public StreamDecoder {
public:
    void feed(QByteArrayView bytes) override;
    void end() override;

    // The error kind for an Ollama error message (it sends only text).
    static ProviderError errorFromMessage(const QString &message, int httpStatus = 0);

private:
    void handleLine(QByteArrayView line);

    QByteArray m_line; // an incomplete line from the previous read
};

} // namespace Realm::Chat
