-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 12 wrote beyond schema 11's fixture, in the
-- columns of schema 12 (see README.md): the calculator shared with a team
-- server, synced once, with one change numbered and not yet answered, and
-- one of the server's changes passed by for it.
INSERT INTO sync_links (project_id, server, server_project_id, client_id, next_number, cursor, reset, state, last_synced_at, last_error) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'https://realm.example.org', '0190f000-0000-7000-8000-000000000001', '0190f000-0000-7000-8000-0000000000c1', 3, '8a1b2c3d4e5f:17', '', 'shared', 1700000500000, '');
INSERT INTO sync_bases (project_id, table_name, item_key, seq, sha256, seen) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'files', 'src/calc.c', 12, '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03', 1);
INSERT INTO sync_outbox (project_id, number, mutation) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 2, '{"base_seq":12,"base_sha256":"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03","data":{"mode":420,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","size":0},"key":"src/calc.c","number":2,"op":"upsert","table":"files"}');
INSERT INTO sync_skipped (project_id, table_name, item_key, seq) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'files', 'src/calc.c', 15);
