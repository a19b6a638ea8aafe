// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/textcontent.h"

#include <QStringDecoder>

namespace Realm::Projects {

namespace {
constexpr qsizetype kBinarySniffBytes = 8 * 1024;

bool startsWith(QByteArrayView bytes, const char *prefix, qsizetype length)
{
    return bytes.size() >= length && memcmp(bytes.data(), prefix, size_t(length)) == 0;
}
} // namespace

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequence at the end. QStringDecoder replaces bad
// sequences without always flagging them, so it cannot answer this.
bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // ASCII fast path, eight bytes at a time.
        if (i + 8 <= n) {
            quint64 word;
            memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar min = 0x80, max = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                min = 0xA0; // overlong
            else if (c == 0xED)
                max = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                min = 0x90; // overlong
            else if (c == 0xF4)
                max = 0x8F; // above U+10FFFF
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        if (p[i + 1] < min || p[i + 1] > max)
            return false;
        for (int k = 2; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}


QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Binary: return QStringLiteral("binary");
    case TextEncoding::Utf8: return QStringLiteral("utf-8");
    case TextEncoding::Utf8Bom: return QStringLiteral("utf-8-bom");
    case TextEncoding::Utf16Le: return QStringLiteral("utf-16le");
    case TextEncoding::Utf16Be: return QStringLiteral("utf-16be");
    case TextEncoding::Latin1: return QStringLiteral("latin-1");
    }
    return QStringLiteral("binary");
}

TextEncoding encodingFromName(const QString &name)
{
    for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Utf16Le,
                           TextEncoding::Utf16Be, TextEncoding::Latin1}) {
        if (encodingName(e) == name)
            return e;
    }
    return TextEncoding::Binary;
}

TextEncoding detectEncoding(QByteArrayView bytes)
{
    if (startsWith(bytes, "\xEF\xBB\xBF", 3))
        return isValidUtf8(bytes.sliced(3)) ? TextEncoding::Utf8Bom : TextEncoding::Latin1;
    if (startsWith(bytes, "\xFF\xFE", 2) && bytes.size() % 2 == 0)
        return TextEncoding::Utf16Le;
    if (startsWith(bytes, "\xFE\xFF", 2) && bytes.size() % 2 == 0)
        return TextEncoding::Utf16Be;
    if (bytes.first(qMin(bytes.size(), kBinarySniffBytes)).contains('\0'))
        return TextEncoding::Binary;
    if (isValidUtf8(bytes))
        return TextEncoding::Utf8;
    return TextEncoding::Latin1;
}

QString decodeText(QByteArrayView bytes, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Binary:
        return {};
    case TextEncoding::Utf8:
        return QString::fromUtf8(bytes);
    case TextEncoding::Utf8Bom:
        return QString::fromUtf8(bytes.sliced(qMin<qsizetype>(3, bytes.size())));
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: {
        QStringDecoder decoder(encoding == TextEncoding::Utf16Le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        return decoder.decode(bytes.sliced(qMin<qsizetype>(2, bytes.size())));
    }
    case TextEncoding::Latin1:
        return QString::fromLatin1(bytes);
    }
    return {};
}

QByteArray textAsUtf8(const QByteArray &bytes, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Binary:
        return {};
    case TextEncoding::Utf8:
        return bytes;
    case TextEncoding::Utf8Bom:
        return bytes.mid(3);
    default:
        return decodeText(bytes, encoding).toUtf8();
    }
}

} // namespace Realm::Projects
