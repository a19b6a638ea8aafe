-- SPDX-License-Identifier: GPL-3.0-or-later
-- An organization's templates sync as a scope of their own, "org:<org id>"
-- beside the shared projects' scopes: sync_scopes.scope_id no longer
-- refers to projects.

ALTER TABLE sync_scopes DROP CONSTRAINT sync_scopes_scope_id_fkey;
