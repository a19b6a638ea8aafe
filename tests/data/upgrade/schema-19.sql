-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 19 wrote beyond schema 18's fixture (see
-- README.md): Acme's documentation template as its server gave it.
INSERT INTO org_doc_templates (org_id, org_name, name, kind, body, prompt, seq, changed_by, changed_at)
    VALUES ('0190f000-0000-7000-8000-0000000000a1', 'Acme', 'adr', 'custom', '# {{title}}\n\n{{answer}}', 'Write an ADR in Acme''s format.',
            5, '0190f000-0000-7000-8000-0000000000b9', 1700000080000);
