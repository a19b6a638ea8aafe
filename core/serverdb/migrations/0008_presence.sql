-- SPDX-License-Identifier: GPL-3.0-or-later
-- Who has which shared project open now: one row per event socket that
-- said so. The instance holding the socket renews its rows while they are
-- open; the rows of an instance that died expire. In the database, not in
-- an instance's memory, so that every instance sees everyone.
CREATE TABLE presence (
    socket_id TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL,
    project_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX presence_by_project ON presence (project_id);
CREATE INDEX presence_by_instance ON presence (instance_id);
