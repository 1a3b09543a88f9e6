-- Access checks on the write side: command handlers decide who may do what from the aggregate's own state and
-- from these lookups (team roles in cmd_team_members, platform admins here). The flag is kept by the
-- "command-lookups" subscribing processor from UserRegistered.platformAdmin.

ALTER TABLE cmd_users ADD COLUMN platform_admin boolean NOT NULL DEFAULT false;

-- Backfill for databases that registered users before this column existed: sec_account holds the same flag,
-- written in the transaction of each UserRegistered event.
UPDATE cmd_users AS c SET platform_admin = true
FROM sec_account AS s
WHERE s.user_id = c.user_id AND s.platform_admin;
