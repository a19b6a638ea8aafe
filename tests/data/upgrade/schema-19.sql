-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 19 wrote beyond schema 18's fixture (see
-- README.md): Acme's documentation template and starter template as its
-- server gave them (the starter's archive as REALM makes it: template.json
-- and files/main.py, which prints "hello from {{project_name}}").
INSERT INTO org_doc_templates (org_id, org_name, name, kind, body, prompt, seq, changed_by, changed_at)
    VALUES ('0190f000-0000-7000-8000-0000000000a1', 'Acme', 'adr', 'custom', '# {{title}}\n\n{{answer}}', 'Write an ADR in Acme''s format.',
            5, '0190f000-0000-7000-8000-0000000000b9', 1700000080000);
INSERT INTO org_starter_templates (org_id, org_name, name, title, description, archive, seq, changed_by, changed_at)
    VALUES ('0190f000-0000-7000-8000-0000000000a1', 'Acme', 'acme-tiny', 'Acme Tiny', 'The smallest Acme project',
            X'1F8B0800C99B166B0003ED934D4BC4301086F7DC5F1172529035C56C056FFE030FDE4424DB9D62967C994E95A5F4BF9B7ED875ABE041EAA2E6B92499'
            || X'79679230BC08DA2981B0DC96D62CE6813196714EDA35305D19E3E98AB03D84A5697679B1206CA6F71C5095287C78CA77FB4C3FF74BA81312A01B2873'
            || X'2F1D4A6BE815A1F4AC0F7BF1128E77DDA10B6821CDD2ED6817B91F542851415B769D6B20B7D2ECDEEA9F859762ADA03CE8528FBBE1EE42540ADB06B8'
            || X'AF1DD34AAC41B5C91B6FB790233142C354D4C582C6F59A87CF341E9E2AE9611374E82B18934DFF99A4498E3D8C2350C8309DF361AC33DDF195FF19FF'
            || X'E0FF55C6A3FF7F02E7A5C113FA084A595278AB495DBF3751D3D0D3FFE88B482412F9EBBC0211EB3452000C0000',
            6, '0190f000-0000-7000-8000-0000000000b9', 1700000090000);
