-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 16: a shared project's history is the team's. A
-- version made on another member's machine arrives with the name the server
-- knows its maker by; one made here has none until the server has it.
-- Who made a version is the server's word, never sent from here: a write of
-- it alone records no change to send. Append-only.
ALTER TABLE project_versions ADD COLUMN author TEXT NOT NULL DEFAULT '';
INSERT INTO unsynced_columns (table_name, column_name, reason) VALUES
    ('project_versions', 'author', 'the server''s name for who made it');
-- Versions were captured since schema 10 but never sent: the ones made
-- before this stay this machine's own. Sent now, they would reach
-- teammates as versions without files (the files on the server name no
-- version), dated in the past after their own. Sharing a project later
-- sends its whole history, files naming their versions.
DELETE FROM changes WHERE table_name = 'project_versions';
