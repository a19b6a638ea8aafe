-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 16: a shared project's history is the team's. A
-- version made on another member's machine arrives with the name the server
-- knows its maker by; one made here has none until the server has it.
-- Who made a version is the server's word, never sent from here: a write of
-- it alone records no change to send. Append-only.
ALTER TABLE project_versions ADD COLUMN author TEXT NOT NULL DEFAULT '';
INSERT INTO unsynced_columns (table_name, column_name, reason) VALUES
    ('project_versions', 'author', 'the server''s name for who made it');
