-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 14 wrote beyond schema 13's fixture (see
-- README.md): the organization the calculator was shared in.
UPDATE sync_links SET org_id = '0190f000-0000-7000-8000-0000000000a1' WHERE project_id = '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01';
