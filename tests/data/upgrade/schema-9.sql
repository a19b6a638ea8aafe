-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 9 wrote beyond schema 8's fixture, in the
-- columns of schema 9 (see README.md).

-- A project template of the user's.
INSERT INTO project_templates (name, title, description, archive, created_at, updated_at) VALUES ('tiny-cli', 'Tiny CLI', 'A C program with a Makefile', x'1f8b08008af9126b02ffedd3414bc3301407f09ef7291e3d298c99d9ce839e642741c18337f190ad9966a649495f2752fadd4da2141c1ebc3805ffbfcb7be4ff42a0e5b1aa1b2359cdb6adb3d9cf10c15959a61aec575114a7639fcee7a25ccc3312d901742d4b1f9ecffea77e4241ce9a8dcacf29bfd3f69596d757f9f43da854bbf6ba61ed6c8c2f69498d778f5ed6f4a2f98924ddc867b5d1e1f6c78d9df45aae8c6ac3fc7d3a8afab14b4356d6e9b954a79f332357cac4f0d6bbad5a337d3554a98dec0cc73176cee4633aa4ee613264f00df1cfb5277d1fbff130ccd6bfb1ffa258eced7f84fd3f046d996aa9edd1cee9ea987af28a3b6f495c844dc27a00000000000000000000000000000000fc796fe897629300280000', 1700000000000, 1700000000000);
