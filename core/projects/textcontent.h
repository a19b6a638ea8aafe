// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Realm::Projects {

// How the bytes of a file are to be read as text. The stored bytes are never
// changed; this only decides what gets indexed and shown.
enum class TextEncoding { Binary, Utf8, Utf8Bom, Utf16Le, Utf16Be, Latin1 };

QString encodingName(TextEncoding encoding);
TextEncoding encodingFromName(const QString &name);

// Strict UTF-8 (RFC 3629): no overlong forms, surrogates or truncated
// sequences.
bool isValidUtf8(QByteArrayView bytes);

// Binary when the first 8 KiB hold a NUL byte (unless a UTF-16 byte order mark
// says otherwise). Text is UTF-8 (with or without BOM), UTF-16 with a BOM,
// and failing both, Latin-1 — which can decode any byte sequence.
TextEncoding detectEncoding(QByteArrayView bytes);

// The text of `bytes` in `encoding` (empty for binary). Deterministic: the
// same bytes always give the same text, which the search index relies on.
QString decodeText(QByteArrayView bytes, TextEncoding encoding);

// The same text as UTF-8, without a detour through QString when the bytes
// already are UTF-8 (the common case on the import hot path).
QByteArray textAsUtf8(const QByteArray &bytes, TextEncoding encoding);

} // namespace Realm::Projects
