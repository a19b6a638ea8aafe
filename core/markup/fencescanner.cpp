// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/fencescanner.h"

namespace Realm::Markup {

namespace {
// Up to three spaces; more makes the line indented code (or, for a
// closing fence, part of the block).
qsizetype fenceIndent(QByteArrayView line)
{
    qsizetype n = 0;
    while (n < line.size() && n < 4 && line.at(n) == ' ')
        ++n;
    return n < 4 ? n : -1;
}

qsizetype runOf(QByteArrayView text, char c)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n) == c)
        ++n;
    return n;
}
} // namespace

FenceScanner::Line FenceScanner::next(QByteArrayView line)
{
    const qsizetype indent = fenceIndent(line);
    const QByteArrayView rest = indent < 0 ? QByteArrayView() : line.sliced(indent);
    if (inCode()) {
        const qsizetype run = runOf(rest, m_char);
        if (indent >= 0 && run >= m_length && rest.sliced(run).trimmed().isEmpty()) {
            m_length = 0;
            return Line::Closing;
        }
        return Line::Code;
    }
    if (rest.isEmpty() || (rest.at(0) != '`' && rest.at(0) != '~'))
        return Line::Text;
    const char c = rest.at(0);
    const qsizetype run = runOf(rest, c);
    const QByteArrayView info = rest.sliced(run).trimmed();
    if (run < 3 || (c == '`' && info.contains('`')))
        return Line::Text;
    m_char = c;
    m_length = run;
    qsizetype word = 0;
    while (word < info.size() && info.at(word) != ' ' && info.at(word) != '\t')
        ++word;
    m_language = QString::fromUtf8(info.first(word));
    return Line::Opening;
}

} // namespace Realm::Markup
