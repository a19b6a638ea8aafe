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

bool isValidUtf8(QByteArrayView bytes)
{
    // Decoding validates; the result is thrown away. Checking in slices keeps
    // the temporary small for large files.
    constexpr qsizetype slice = 1 << 20;
    QStringDecoder streaming(QStringDecoder::Utf8);
    for (qsizetype offset = 0; offset < bytes.size(); offset += slice) {
        (void)streaming.decode(bytes.sliced(offset, qMin(slice, bytes.size() - offset)));
        if (streaming.hasError())
            return false;
    }
    // A truncated multi-byte sequence at the very end is an error too.
    const QString tail = streaming.decode(QByteArrayView());
    return !streaming.hasError() && tail.isEmpty();
}
} // namespace

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
