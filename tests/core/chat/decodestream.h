// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/streamdecoder.h"

#include <QStringList>

namespace Realm::Test {

// Runs a raw provider stream through `Decoder`, fed in reads of `readSize`
// bytes so events, lines and characters arrive split; collects the text
// deltas in `textDeltas` when given.
template<typename Decoder>
Decoder decodeStream(const QByteArray &stream, qsizetype readSize, QStringList *textDeltas = nullptr)
{
    Decoder decoder;
    decoder.onText = [textDeltas](const QString &t) {
        if (textDeltas)
            *textDeltas << t;
    };
    for (qsizetype at = 0; at < stream.size(); at += readSize)
        decoder.feed(QByteArrayView(stream).sliced(at, qMin(readSize, stream.size() - at)));
    decoder.end();
    return decoder;
}

} // namespace Realm::Test
