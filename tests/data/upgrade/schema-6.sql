-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 6 wrote beyond schema 5's fixture, in the
-- columns of schema 6 (see README.md).

-- Docs: a custom template, a summary a model wrote, a generated document
-- (its stats in the camelCase names of the time).
INSERT INTO doc_templates (name, kind, body, prompt, created_at, updated_at) VALUES ('briefs', 'custom', '# {{project.name}}' || char(10) || '{{{answer}}}' || char(10), 'Write a one-page brief.', 1700000000000, 1700000000000);
INSERT INTO doc_summaries (input_hash, model, text, created_at) VALUES (x'ca728f05fb5f8e74fd412c84d3370e55434979c1d4ded6722b44736f9a81e1e1', 'llama3.2', 'Declares add.', 1700000003000);
INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, model, title, markdown, stats, created_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000e1', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'api', 'built-in', '32381523e63197c929b67f793a8098bed0ae3a6fa902634fdbcc6fa4567f3346', 2, '', 'calculator — API reference', '# calculator — API reference' || char(10) || char(10) || 'Adds two numbers.' || char(10), '{"files":2,"symbols":2,"documented":2,"documentable":2,"coverage":1,"filesExtracted":2,"filesReused":0,"summariesWritten":0,"summariesReused":0}', 1700000004000);
