-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 11 wrote beyond schema 10's fixture, in the
-- columns of schema 11 (see README.md): a prompt template of the user's and
-- one the user removed.
INSERT INTO prompt_templates (name, title, description, body, created_at, updated_at, deleted_at) VALUES ('commit-message', 'Commit Message', 'A commit message for a diff.', 'Write a commit message for:' || char(10) || '{{diff}}', 1700000300000, 1700000300000, NULL);
INSERT INTO prompt_templates (name, title, description, body, created_at, updated_at, deleted_at) VALUES ('old-prompt', 'Old', '', 'Old {{selection}}', 1700000300000, 1700000400000, 1700000400000);
