-- Read models of the query side. Every table here is a projection of the event store: the query service's
-- @ResetHandlers empty them and a replay rebuilds them, so nothing in them is ever the only copy of a fact.
-- Each projection (processing group) owns its tables exclusively, including its own name lookups, so processors
-- can be reset and replayed independently of each other.

-- ---------------------------------------------------------------- machine-list
CREATE TABLE rm_machine (
    id             uuid        PRIMARY KEY,
    team_id        uuid        NOT NULL,
    team_name      text,
    name           text        COLLATE "C" NOT NULL,
    -- lower-cased name with every digit run zero-padded to 20 digits, so byte order is natural order (web-2 < web-10)
    name_sort_key  text        COLLATE "C" NOT NULL,
    driver         text        NOT NULL,
    driver_options jsonb       NOT NULL DEFAULT '{}'::jsonb,
    state          text        NOT NULL,
    holder_id      uuid,
    holder_name    text,
    docker_url     text,
    last_error     text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    -- sequence number of the last applied event of the machine aggregate; also the ETag for If-Match
    version        bigint      NOT NULL
);
CREATE INDEX rm_machine_order_idx ON rm_machine (name_sort_key, name);
CREATE INDEX rm_machine_team_idx ON rm_machine (team_id);
CREATE INDEX rm_machine_holder_idx ON rm_machine (holder_id);

CREATE TABLE rm_machine_share (
    machine_id   uuid NOT NULL REFERENCES rm_machine (id) ON DELETE CASCADE,
    grantee_kind text NOT NULL,
    grantee_id   uuid NOT NULL,
    role         text NOT NULL,
    PRIMARY KEY (machine_id, grantee_kind, grantee_id)
);

-- Removed machines leave rm_machine; their last version stays here so a redelivered creation cannot revive them.
CREATE TABLE rm_machine_removed (
    machine_id uuid   PRIMARY KEY,
    version    bigint NOT NULL
);

CREATE TABLE rm_machine_user_name (
    user_id  uuid PRIMARY KEY,
    username text NOT NULL
);

CREATE TABLE rm_machine_team_name (
    team_id uuid PRIMARY KEY,
    name    text NOT NULL
);

-- ---------------------------------------------------------------- audit-trail
CREATE TABLE rm_audit_entry (
    event_id       text        PRIMARY KEY,
    team_id        uuid,
    machine_id     uuid,
    subject        text,
    action         text        NOT NULL,
    summary        text        NOT NULL,
    actor_id       text,
    actor_name     text,
    channel        text,
    client_address text,
    correlation_id text,
    occurred_at    timestamptz NOT NULL,
    -- aggregate sequence number: orders one aggregate's events that share a timestamp
    aggregate_seq  bigint
);
CREATE INDEX rm_audit_entry_machine_idx ON rm_audit_entry (machine_id, occurred_at DESC);
CREATE INDEX rm_audit_entry_team_idx ON rm_audit_entry (team_id, occurred_at DESC);

-- Which team a machine belonged to and what it was called, so machine events (which carry only the machine id)
-- are attributed to the team; kept after removal because the history outlives the machine.
CREATE TABLE rm_audit_machine (
    machine_id uuid PRIMARY KEY,
    team_id    uuid NOT NULL,
    name       text NOT NULL
);

CREATE TABLE rm_audit_team (
    team_id uuid PRIMARY KEY,
    name    text NOT NULL
);

CREATE TABLE rm_audit_user (
    user_id  uuid PRIMARY KEY,
    username text NOT NULL
);

-- ---------------------------------------------------------------- teams
CREATE TABLE rm_team (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL
);

CREATE TABLE rm_team_member (
    team_id      uuid        NOT NULL REFERENCES rm_team (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL,
    role         text        NOT NULL,
    since        timestamptz NOT NULL,
    username     text,
    display_name text,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX rm_team_member_user_idx ON rm_team_member (user_id);

CREATE TABLE rm_team_user (
    user_id      uuid PRIMARY KEY,
    username     text NOT NULL,
    display_name text
);

-- ---------------------------------------------------------------- users
-- Never credentials: password hashes and API tokens belong to the command side.
CREATE TABLE rm_user (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL,
    display_name  text,
    admin         boolean     NOT NULL,
    registered_at timestamptz NOT NULL
);
CREATE INDEX rm_user_username_idx ON rm_user (username);
