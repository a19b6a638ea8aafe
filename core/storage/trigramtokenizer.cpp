// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/trigramtokenizer.h"

#include <QChar>

#include <sqlite3.h>

#include <vector>

namespace Realm::Storage {

namespace {

struct Tokenizer {
    // Reused between documents to avoid reallocating for every file.
    std::vector<quint64> seen;
};

// Decodes one UTF-8 sequence at p (input is valid UTF-8: SQLite hands us what
// REALM converted, or a query string). Returns the code point and advances.
char32_t nextCodePoint(const uchar *&p, const uchar *end)
{
    const uchar c = *p++;
    if (c < 0x80)
        return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = c & (0x3F >> extra);
    while (extra-- > 0 && p < end && (*p & 0xC0) == 0x80)
        cp = (cp << 6) | (*p++ & 0x3F);
    return cp;
}

int appendUtf8(char *out, char32_t cp)
{
    if (cp < 0x80) {
        out[0] = char(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = char(0xC0 | (cp >> 6));
        out[1] = char(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = char(0xE0 | (cp >> 12));
        out[1] = char(0x80 | ((cp >> 6) & 0x3F));
        out[2] = char(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (cp >> 18));
    out[1] = char(0x80 | ((cp >> 12) & 0x3F));
    out[2] = char(0x80 | ((cp >> 6) & 0x3F));
    out[3] = char(0x80 | (cp & 0x3F));
    return 4;
}

char32_t fold(char32_t cp)
{
    return cp < 0x80 ? char32_t((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp) : QChar::toCaseFolded(cp);
}

// Open addressing over 63-bit keys (three 21-bit code points); 0 is "empty",
// which no trigram can be since code point 0 never reaches the index.
bool insertOnce(std::vector<quint64> &table, quint64 key)
{
    const size_t mask = table.size() - 1;
    size_t slot = size_t((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (table[slot] != 0) {
        if (table[slot] == key)
            return false;
        slot = (slot + 1) & mask;
    }
    table[slot] = key;
    return true;
}

void grow(std::vector<quint64> &table)
{
    std::vector<quint64> bigger(table.size() * 2, 0);
    for (quint64 key : table) {
        if (key != 0)
            insertOnce(bigger, key);
    }
    table.swap(bigger);
}

int create(void *, const char **, int, Fts5Tokenizer **out)
{
    *out = reinterpret_cast<Fts5Tokenizer *>(new Tokenizer);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer *tokenizer)
{
    delete reinterpret_cast<Tokenizer *>(tokenizer);
}

int tokenize(Fts5Tokenizer *handle, void *context, int flags, const char *text, int length,
             int (*emitToken)(void *, int, const char *, int, int, int))
{
    auto *tokenizer = reinterpret_cast<Tokenizer *>(handle);
    const bool dedupe = (flags & FTS5_TOKENIZE_QUERY) == 0;
    // Distinct trigrams are few next to positions (a 1 MB source file has
    // some tens of thousands), so the set starts small, stays in cache, and
    // grows only when needed.
    if (dedupe)
        tokenizer->seen.assign(4096, 0);
    const auto *p = reinterpret_cast<const uchar *>(text);
    const auto *end = p + length;
    // The last three code points and where each started.
    char32_t window[3] = {};
    int starts[3] = {};
    int filled = 0;
    qsizetype distinct = 0;
    while (p < end) {
        const int start = int(p - reinterpret_cast<const uchar *>(text));
        const char32_t cp = nextCodePoint(p, end);
        if (cp == '\n' || cp == '\r' || cp == 0) {
            filled = 0; // searches never cross a line break
            continue;
        }
        window[0] = window[1];
        window[1] = window[2];
        window[2] = fold(cp);
        starts[0] = starts[1];
        starts[1] = starts[2];
        starts[2] = start;
        if (++filled < 3)
            continue;
        if (dedupe) {
            const quint64 key = (quint64(window[0]) << 42) | (quint64(window[1]) << 21) | quint64(window[2]);
            if (qsizetype(tokenizer->seen.size()) <= (distinct + 1) * 2)
                grow(tokenizer->seen); // keep it at most half full
            if (!insertOnce(tokenizer->seen, key))
                continue;
            ++distinct;
        }
        char token[12];
        int n = appendUtf8(token, window[0]);
        n += appendUtf8(token + n, window[1]);
        n += appendUtf8(token + n, window[2]);
        const int rc = emitToken(context, 0, token, n, starts[0], int(p - reinterpret_cast<const uchar *>(text)));
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

bool registerTrigramTokenizer(sqlite3 *db)
{
    fts5_api *api = fts5Api(db);
    if (!api)
        return false;
    fts5_tokenizer tokenizer{create, destroy, tokenize};
    return api->xCreateTokenizer(api, "realm_trigram", nullptr, &tokenizer, nullptr) == SQLITE_OK;
}

} // namespace Realm::Storage
