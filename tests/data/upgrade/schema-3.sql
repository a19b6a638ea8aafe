-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 3 wrote beyond schema 2's fixture, in the
-- columns of schema 3 (see README.md).

-- Chat: a provider (key kept nowhere), a pinned conversation, a question with
-- its context and the answer.
INSERT INTO provider_profiles (id, name, kind, base_url, default_model, options, key_storage, models, models_fetched_at, created_at, updated_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000a1', 'local', 'ollama', 'http://127.0.0.1:11434', 'llama3.2', '{"headers":{"X-Team":"calc"},"maxRetries":2,"idleTimeoutMs":60000,"contextWindow":32768,"tools":false}', 'none', '["llama3.2","qwen2.5-coder"]', 1700000000000, 1700000000000, 1700000000000);
INSERT INTO conversations (id, title, project_id, provider_id, model, pinned, current_message_id, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000c1', 'How does add work?', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', '0190a1b2-0c3d-7e4f-8a5b-0000000000a1', 'llama3.2', 1, '0190a1b2-0c3d-7e4f-8a5b-0000000000d2', 1700000001000, 1700000005000, 3);
INSERT INTO messages (id, conversation_id, parent_id, role, content, status, context, created_at, updated_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000d1', '0190a1b2-0c3d-7e4f-8a5b-0000000000c1', NULL, 'user', 'What does add return?', 'complete', '[{"kind":"file","title":"src/math.h","chars":46}]', 1700000001000, 1700000001000);
INSERT INTO messages (id, conversation_id, parent_id, role, content, status, provider_id, model, input_tokens, output_tokens, created_at, updated_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000d2', '0190a1b2-0c3d-7e4f-8a5b-0000000000c1', '0190a1b2-0c3d-7e4f-8a5b-0000000000d1', 'assistant', 'It returns the sum of its two arguments.', 'complete', '0190a1b2-0c3d-7e4f-8a5b-0000000000a1', 'llama3.2', 120, 9, 1700000002000, 1700000005000);
