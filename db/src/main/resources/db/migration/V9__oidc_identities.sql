-- Accounts that sign in through an OpenID Connect provider: one row per (issuer, subject) pair, the provider's stable
-- identifier of a person, linked to the account it created. Beside the event store like sec_account; no token of the
-- provider is ever stored (the platform needs none after sign-in).
CREATE TABLE sec_oidc_identity (
    issuer          VARCHAR(2048) NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    user_id         UUID          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    last_sign_in_at TIMESTAMPTZ   NOT NULL,
    CONSTRAINT sec_oidc_identity_pkey PRIMARY KEY (issuer, subject)
);
CREATE INDEX sec_oidc_identity_user_idx ON sec_oidc_identity (user_id);
