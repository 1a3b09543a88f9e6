-- Personal API tokens. Like sec_account, kept outside the event store: the events ApiTokenIssued/ApiTokenRevoked
-- carry id, name and expiry only. The token itself is never stored; token_hash is the SHA-256 (hex) of the secret,
-- looked up by equality. A row is written in the same transaction that appends ApiTokenIssued, so it exists
-- exactly when the event does; revoked_at is set in the transaction of ApiTokenRevoked.
CREATE TABLE sec_api_token (
    token_id     UUID         NOT NULL,
    user_id      UUID         NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT sec_api_token_pkey PRIMARY KEY (token_id),
    CONSTRAINT sec_api_token_hash_key UNIQUE (token_hash),
    CONSTRAINT sec_api_token_user_fkey FOREIGN KEY (user_id) REFERENCES sec_account (user_id)
);

CREATE INDEX sec_api_token_user_idx ON sec_api_token (user_id, created_at);
