-- Sign-in accounts of the embedded default's built-in login. Kept outside the event store on purpose:
-- password hashes must never be part of an immutable, replayable history. Rows are created in the same
-- transaction as UserRegistered (subscribing handler); the password is set separately.
CREATE TABLE sec_account (
    user_id        UUID         NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    platform_admin BOOLEAN      NOT NULL DEFAULT FALSE,
    password_hash  VARCHAR(255),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    password_set_at TIMESTAMPTZ,
    CONSTRAINT sec_account_pkey PRIMARY KEY (user_id),
    CONSTRAINT sec_account_username_key UNIQUE (username)
);
