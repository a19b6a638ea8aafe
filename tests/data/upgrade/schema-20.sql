-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 20 wrote beyond schema 19's fixture (see
-- README.md): the shared calculator downloads contents only when needed.
UPDATE sync_links SET contents = 'lazy' WHERE project_id = '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01';
