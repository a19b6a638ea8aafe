-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 13 wrote beyond schema 12's fixture (see
-- README.md): the calculator's conversation synced, its base keeping the
-- data the server had.
INSERT INTO sync_bases (project_id, table_name, item_key, seq, sha256, data, seen) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'conversations', '0190a1b2-0c3d-7e4f-8a5b-0000000000c1', 18, 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef', '{"archived":false,"created_at":"2023-11-14T22:13:21.000Z","deleted_at":null,"pinned":true,"title":"How does add work?"}', 1);
