// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct sqlite3;

namespace Realm::Storage {

// Registers the "realm_trigram" FTS5 tokenizer on a connection; every
// connection that touches the search index needs it.
//
// Why not SQLite's own "trigram" tokenizer: that one emits a token for every
// character position, and FTS5 then spends most of an import hashing the
// same trigrams again and again (it measured 8–13 MB/s here). The index is
// only a filter — results are always verified against the real text — so
// it needs to know *which* trigrams a file contains, not where or how often.
// This tokenizer emits each case-folded trigram of a document once, and
// skips trigrams that span a line break (searches match within one line).
// Case folding is Qt's per-code-point folding, the same that case-insensitive
// verification uses, so the filter never drops a line that would match.
bool registerTrigramTokenizer(sqlite3 *db);

} // namespace Realm::Storage
