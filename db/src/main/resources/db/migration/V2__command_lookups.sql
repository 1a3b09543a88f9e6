-- Write-side lookups of the command service. Command handlers read and claim these rows in the same transaction
-- that appends their events, so uniqueness (machine names per team, team names, usernames) and existence checks
-- (team, user, membership) hold even with several replicas. Rows are kept by the "command-lookups" subscribing
-- event processor. No foreign keys: the event store is the truth, and a lookup must never refuse to record
-- something that already happened.

CREATE TABLE cmd_users (
    user_id  uuid        PRIMARY KEY,
    username varchar(64) NOT NULL,
    CONSTRAINT cmd_users_username_key UNIQUE (username)
);

CREATE TABLE cmd_teams (
    team_id uuid        PRIMARY KEY,
    name    varchar(63) NOT NULL
);
-- Team names are unique regardless of case, so "Platform" and "platform" cannot both exist.
CREATE UNIQUE INDEX cmd_teams_name_key ON cmd_teams (lower(name));

CREATE TABLE cmd_team_members (
    team_id uuid        NOT NULL,
    user_id uuid        NOT NULL,
    role    varchar(16) NOT NULL,
    CONSTRAINT cmd_team_members_pkey PRIMARY KEY (team_id, user_id),
    CONSTRAINT cmd_team_members_role_check CHECK (role IN ('OWNER', 'MEMBER', 'VIEWER'))
);
CREATE INDEX cmd_team_members_user_idx ON cmd_team_members (user_id);

-- One row per machine that is not removed: its name claim in its team, and what the machine processes need to
-- address it through its driver (driver options are never secrets; see DriverOptions).
CREATE TABLE cmd_machines (
    machine_id     uuid          PRIMARY KEY,
    team_id        uuid          NOT NULL,
    name           varchar(63)   NOT NULL,
    driver         varchar(64)   NOT NULL,
    driver_options jsonb         NOT NULL DEFAULT '{}'::jsonb,
    docker_url     varchar(2048)
);
-- Machine names are unique within a team regardless of case: they become DNS labels and file names.
CREATE UNIQUE INDEX cmd_machines_team_name_key ON cmd_machines (team_id, lower(name));
