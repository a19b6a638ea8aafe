-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 3: chat — provider profiles, conversations and
-- their messages, searchable. Append-only: never edit a released migration.

-- How to reach a model provider. The API key is not here: it lives in the
-- OS keychain, unless the user explicitly chose plaintext storage for this
-- profile ('plaintext'), which the interface then shows.
CREATE TABLE provider_profiles (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,                  -- openai | anthropic | ollama
    base_url          TEXT NOT NULL,
    default_model     TEXT NOT NULL DEFAULT '',
    options           TEXT NOT NULL DEFAULT '{}',     -- JSON: headers, retries, timeout, context window
    key_storage       TEXT NOT NULL DEFAULT 'keychain', -- keychain | none | plaintext
    plaintext_key     TEXT,
    models            TEXT NOT NULL DEFAULT '[]',     -- JSON: the provider's model list, cached
    models_fetched_at INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    deleted_at        INTEGER,
    revision          INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX provider_profiles_live_name ON provider_profiles(name) WHERE deleted_at IS NULL;

CREATE TABLE conversations (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL DEFAULT '',
    project_id      TEXT REFERENCES projects(id) ON DELETE SET NULL,
    provider_id     TEXT,
    model           TEXT NOT NULL DEFAULT '',
    pinned          INTEGER NOT NULL DEFAULT 0,
    archived        INTEGER NOT NULL DEFAULT 0,
    -- The last message of the branch on show; the thread is the path from
    -- the root to it through parent_id.
    current_message_id TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER,
    revision        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX conversations_updated ON conversations(updated_at);

-- Messages form a tree: regenerating an answer or editing a question adds a
-- sibling under the same parent, so earlier versions stay as branches.
CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    parent_id       TEXT REFERENCES messages(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,                    -- system | user | assistant | tool
    content         TEXT NOT NULL DEFAULT '',
    reasoning       TEXT NOT NULL DEFAULT '',
    tool_calls      TEXT NOT NULL DEFAULT '[]',       -- JSON
    tool_call_id    TEXT NOT NULL DEFAULT '',
    -- streaming rows are written as the answer arrives, so a crash keeps it;
    -- the next start marks them interrupted.
    status          TEXT NOT NULL DEFAULT 'complete', -- streaming | complete | cancelled | failed | interrupted
    error           TEXT NOT NULL DEFAULT '',
    provider_id     TEXT,
    model           TEXT NOT NULL DEFAULT '',
    input_tokens    INTEGER,
    output_tokens   INTEGER,
    context         TEXT NOT NULL DEFAULT '[]',       -- JSON: the context sent with this question
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER,
    revision        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX messages_conversation ON messages(conversation_id, created_at);
CREATE INDEX messages_parent ON messages(parent_id);

-- Word search over every message, kept in step by triggers.
CREATE VIRTUAL TABLE message_text USING fts5(content, content='messages', content_rowid='rowid',
                                             tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_text_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_text(rowid, content) VALUES (new.rowid, new.content);
END;
CREATE TRIGGER messages_text_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_text(message_text, rowid, content) VALUES ('delete', old.rowid, old.content);
END;
CREATE TRIGGER messages_text_update AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO message_text(message_text, rowid, content) VALUES ('delete', old.rowid, old.content);
    INSERT INTO message_text(rowid, content) VALUES (new.rowid, new.content);
END;
