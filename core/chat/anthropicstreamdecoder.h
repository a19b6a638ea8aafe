// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/streamdecoder.h"

#include <QJsonObject>

#include <QHash>

namespace Realm::Chat {

// Turns the server-sent events of an Anthropic Messages stream into text and
// thinking deltas, tool calls (tool_use blocks with input_json_delta), usage
// and the outcome. `ping` and unknown events are ignored; `event: error`
// ends the answer with a typed error; a stream without message_stop is
// incomplete.
class AnthropicStreamDecoder final : public SseStreamDecoder {
public:
    void handle(const SseEvent &event) override;
    void finish(bool parserHasIncompleteEvent) override;

    // The error kind for an Anthropic error object ({"type": "...", "message": "..."}).
    static ProviderError errorFromJson(const QJsonObject &error);

private:
    QHash<int, qsizetype> m_toolCallForBlock; // content block index -> m_toolCalls index
};

} // namespace Realm::Chat
