// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/sseparser.h"

namespace Realm::Chat {

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> events;
    if (!m_bomChecked) {
        // The BOM itself may arrive one byte at a time.
        m_bomProbe.append(bytes.data(), bytes.size());
        static const QByteArray bom("\xEF\xBB\xBF");
        if (m_bomProbe.size() < 3 && bom.startsWith(m_bomProbe))
            return events;
        m_bomChecked = true;
        const QByteArray probe = std::exchange(m_bomProbe, {});
        return feed(probe.startsWith(bom) ? QByteArrayView(probe).sliced(3) : QByteArrayView(probe));
    }
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (m_skipLeadingLf) {
            m_skipLeadingLf = false;
            if (c == '\n')
                continue; // the LF of a CRLF split across reads
        }
        if (c == '\r' || c == '\n') {
            processLine(m_line, events);
            m_line.clear();
            m_skipLeadingLf = c == '\r';
            continue;
        }
        m_line.append(c);
    }
    return events;
}

bool SseParser::hasIncompleteEvent() const
{
    return m_pending || !m_line.isEmpty();
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        // Dispatch. An event without data is not dispatched, but its type
        // and id handling still happened.
        if (m_hasData) {
            SseEvent event;
            if (m_data.endsWith(QLatin1Char('\n')))
                m_data.chop(1);
            event.data = m_data;
            if (!m_type.isEmpty())
                event.type = m_type;
            event.id = m_lastEventId;
            out.append(event);
        }
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        m_pending = false;
        return;
    }
    if (line.startsWith(':'))
        return; // a comment (servers send these as keep-alives)
    m_pending = true;
    // A complete line holds complete UTF-8 characters: line ends never occur
    // inside a multi-byte sequence.
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }
    if (field == "data") {
        m_data += QString::fromUtf8(value);
        m_data += QLatin1Char('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_type = QString::fromUtf8(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = QString::fromUtf8(value);
    } else if (field == "retry") {
        bool digits = !value.isEmpty();
        for (char c : value)
            digits &= c >= '0' && c <= '9';
        if (digits)
            m_retryMs = value.toLongLong();
    }
    // Any other field is ignored, as the standard says.
}

} // namespace Realm::Chat
