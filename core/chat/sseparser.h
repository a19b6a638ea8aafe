// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Chat {

struct SseEvent {
    QString type = QStringLiteral("message");
    QString data;
    QString id; // the last event id in force when this event was dispatched

    bool operator==(const SseEvent &) const = default;
};

// An incremental parser for server-sent events, following the WHATWG
// event-stream rules: lines end in LF, CR or CRLF (a CR ending one read and
// an LF starting the next are one line end), ':' starts a comment, one
// optional space after the field's colon, multi-line data joined with LF,
// a leading UTF-8 BOM dropped, unknown fields ignored. Bytes may arrive split
// anywhere, including inside a UTF-8 character. Every SSE provider (OpenAI,
// Anthropic, OpenAI-compatible servers) goes through this one parser.
class SseParser final {
public:
    // Feeds bytes; returns the events they completed, in order.
    QList<SseEvent> feed(QByteArrayView bytes);

    // True when the stream so far ends inside an event (no blank line yet):
    // at end of stream such an event is not dispatched, and for a provider
    // that means the answer was cut off.
    bool hasIncompleteEvent() const;

    QString lastEventId() const { return m_lastEventId; }
    // The reconnection time the server asked for with "retry:", if any.
    std::optional<qint64> retryMs() const { return m_retryMs; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);

    QByteArray m_line;         // bytes of the line being read
    bool m_skipLeadingLf = false; // the previous read ended in CR
    bool m_bomChecked = false;
    QByteArray m_bomProbe;     // first bytes of the stream, until a BOM is ruled out
    QString m_data;
    QString m_type;
    bool m_hasData = false;
    bool m_pending = false;    // fields seen since the last blank line
    QString m_lastEventId;
    std::optional<qint64> m_retryMs;
};

} // namespace Realm::Chat
