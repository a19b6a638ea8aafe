// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/streamdecoder.h"

#include <QJsonObject>

namespace Realm::Chat {

// Turns the server-sent events of an OpenAI-compatible Chat Completions
// stream (OpenAI, llama.cpp, LM Studio, vLLM, Ollama /v1, OpenRouter) into
// text and reasoning deltas, merged tool calls, usage and the outcome. Copes
// with what real servers send: `choices: []` chunks, unknown fields, errors
// inside a 200 stream, and streams that stop without `[DONE]`.
class OpenAiStreamDecoder final : public SseStreamDecoder {
public:
    void handle(const SseEvent &event) override;
    void finish(bool parserHasIncompleteEvent) override;

    // The error kind for an OpenAI-style error object (`type`/`code`).
    static ProviderError errorFromJson(const QJsonObject &error, int httpStatus = 0);
};

} // namespace Realm::Chat
