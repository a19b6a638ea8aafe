-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 18 wrote beyond schema 17's fixture (see
-- README.md): Acme's prompt template as its server gave it, and a change
-- of an Acme admin's waiting to be sent.
INSERT INTO org_template_links (org_id, org_name, server, client_id, next_number, cursor, last_synced_at)
    VALUES ('0190f000-0000-7000-8000-0000000000a1', 'Acme', 'https://realm.example.org', 'c0ffee', 3, '8a1b2c3d4e5f:4', 1700000070000);
INSERT INTO org_template_outbox (org_id, number, mutation)
    VALUES ('0190f000-0000-7000-8000-0000000000a1', 2,
            '{"number":2,"table":"prompt_templates","key":"house-style","op":"upsert","base_seq":4,"data":{"title":"House Style","description":"","body":"In Acme style: {{selection}}"}}');
INSERT INTO org_prompt_templates (org_id, org_name, name, title, description, body, seq, changed_by, changed_at)
    VALUES ('0190f000-0000-7000-8000-0000000000a1', 'Acme', 'house-style', 'House Style', 'How Acme writes code',
            'Acme style for {{selection}}', 4, '0190f000-0000-7000-8000-0000000000b9', 1700000070000);
