-- ---------------------------------------------------------------- teams: cloud credentials
-- A team's cloud credentials as anyone in the team may see them: name, type, the access key id's last four
-- characters, role, region, when added and last rotated, the secret store's version of the keys. Never a key: those
-- are in the secret store only (teams/<id>/credentials/<name>). Kept by the "teams" projection from the
-- CloudCredential* events. A removed credential keeps its row with removed_at set, and every row applies only events
-- above its version, so a redelivered CloudCredentialAdded cannot bring back a removed credential.
CREATE TABLE rm_cloud_credential (
    team_id             uuid        NOT NULL,
    name                text        COLLATE "C" NOT NULL,
    type                text        NOT NULL,
    access_key_id_last4 text        NOT NULL,
    role_arn            text,
    region              text,
    created_at          timestamptz NOT NULL,
    rotated_at          timestamptz,
    secret_version      bigint      NOT NULL,
    removed_at          timestamptz,
    -- sequence number of the last applied event of the credential's aggregate
    version             bigint      NOT NULL,
    PRIMARY KEY (team_id, name)
);

-- Which machines use a credential: the team's machines whose driver option amazonec2-credential names it.
CREATE INDEX rm_machine_cloud_credential_idx ON rm_machine (team_id, (driver_options ->> 'amazonec2-credential'))
    WHERE driver_options ? 'amazonec2-credential';
