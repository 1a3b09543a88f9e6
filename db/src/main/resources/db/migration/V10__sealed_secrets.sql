-- Secrets of the sealed database store, the embedded default (production keeps them in Vault instead). One row per
-- version of a path, numbered like Vault's KV version 2: 1 for the first write, one more for each write after it;
-- removing a path removes all its rows. The path is not secret (it names a machine or team and what is kept there).
-- The value is AES-256-GCM ciphertext with its 16-byte tag appended, under a key kept outside the database in a key
-- file readable by its owner only; nonce is the 12 random bytes it was sealed with. Path and version are the
-- additional authenticated data, so a row moved to another path or version no longer opens. key_id names the key
-- (hex of the first 8 bytes of a SHA-256 over it) so that a start with a different key file is refused at once.
CREATE TABLE sec_sealed_secret (
    path       VARCHAR(512) COLLATE "C" NOT NULL,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMPTZ              NOT NULL,
    key_id     VARCHAR(16)              NOT NULL,
    nonce      BYTEA                    NOT NULL,
    ciphertext BYTEA                    NOT NULL,
    CONSTRAINT sec_sealed_secret_pkey PRIMARY KEY (path, version),
    CONSTRAINT sec_sealed_secret_version_check CHECK (version > 0),
    CONSTRAINT sec_sealed_secret_nonce_check CHECK (octet_length(nonce) = 12)
);

CREATE INDEX sec_sealed_secret_key_idx ON sec_sealed_secret (key_id);
