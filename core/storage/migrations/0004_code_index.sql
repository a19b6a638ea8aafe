-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 4: a word index over chunks of text files, to find
-- the code a chat question is about (ranked with BM25). Built lazily, per
-- content blob, the first time a project is used for chat. Append-only.

CREATE TABLE chunks (
    id          INTEGER PRIMARY KEY,
    blob_id     INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
    start_line  INTEGER NOT NULL,  -- 1-based
    line_count  INTEGER NOT NULL
);
CREATE INDEX chunks_blob ON chunks(blob_id);

-- Blobs whose chunks are in the index (a blob with no words has none).
CREATE TABLE chunked_blobs (
    blob_id     INTEGER PRIMARY KEY REFERENCES blobs(id) ON DELETE CASCADE
);

-- Contentless (rowid = chunks.id): the words of each chunk, identifiers
-- split at '_' and camelCase humps, stemmed, so that "binary files" finds
-- isBinaryFile.
CREATE VIRTUAL TABLE chunk_words USING fts5(words, content='', tokenize='porter unicode61 remove_diacritics 2');
