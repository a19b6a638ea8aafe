-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 10 wrote beyond schema 9's fixture, in the
-- columns of schema 10 (see README.md). Since schema 10 a removal leaves a
-- tombstone; the change capture recorded every row written here.

-- A document template, a generated document and a project template the
-- user removed.
INSERT INTO doc_templates (name, kind, body, prompt, created_at, updated_at, deleted_at) VALUES ('drafts', 'custom', '# Draft', 'Write a draft.', 1700000000000, 1700000200000, 1700000200000);
INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, model, title, markdown, stats, created_at, deleted_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000e2', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'overview', 'built-in', '00', 2, 'llama3.2', 'calculator — overview', '# calculator — overview' || char(10), '{}', 1700000100000, 1700000200000);
INSERT INTO project_templates (name, title, description, archive, created_at, updated_at, deleted_at) SELECT 'old-cli', 'Old CLI', '', archive, 1700000000000, 1700000200000, 1700000200000 FROM project_templates WHERE name = 'tiny-cli';
