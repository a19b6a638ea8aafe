-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 13: conversations and documents of shared
-- projects sync. Append-only.

-- The model profile a conversation (or an answer) used is this machine's:
-- each member asks with their own, so choosing one is no change for the
-- others.
INSERT INTO unsynced_columns (table_name, column_name, reason) VALUES
    ('conversations', 'provider_id', 'a model profile of this machine'),
    ('conversations', 'model', 'chosen among the models of this machine''s profile'),
    ('messages', 'provider_id', 'a model profile of this machine');

-- Until now a pull passed conversations and documents by: the next one
-- lists each shared project's whole history again (what is here already
-- is written again unchanged; local changes waiting are kept). The epoch
-- stays, so a server restored meanwhile is still noticed.
UPDATE sync_links SET cursor = substr(cursor, 1, instr(cursor, ':')) || '0' WHERE instr(cursor, ':') > 0;

-- A row's data as the server last had it (conversations, documents; NULL
-- for files): a change sends which of its fields it made, so a teammate's
-- change of another field meanwhile stays.
ALTER TABLE sync_bases ADD COLUMN data TEXT;
