// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ids.h"

#include "common/clock.h"

#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace Realm {

QString newId()
{
    std::array<uchar, 16> bytes{};
    const quint64 ms = quint64(Clock::nowMs());
    for (int i = 0; i < 6; ++i)
        bytes[i] = uchar(ms >> (8 * (5 - i)));
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 6; i < 16; i += 2) {
        const quint32 r = random->generate();
        bytes[i] = uchar(r);
        bytes[i + 1] = uchar(r >> 8);
    }
    bytes[6] = uchar(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = uchar(0x80 | (bytes[8] & 0x3f)); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())))
        .toString(QUuid::WithoutBraces);
}

bool isId(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != QLatin1Char('-') : !((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace Realm
