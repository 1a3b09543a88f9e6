-- The certificate renewal each machine is waiting on, kept like the pending driver operation (V6) by the
-- "command-lookups" subscribing processor in the transaction that appends CertsRenewalRequested and its outcome
-- (CertsRegenerated or CertsRenewalFailed). The certificate process makes and stores the material after that
-- transaction; when the JVM dies in between, start-up resumes the renewals still recorded here. A machine may wait on
-- a renewal and a driver operation at once, hence columns of their own.

ALTER TABLE cmd_machines
    ADD COLUMN renewal_since          timestamptz,
    ADD COLUMN renewal_correlation_id varchar(64);

CREATE INDEX cmd_machines_renewal_idx ON cmd_machines (renewal_since) WHERE renewal_since IS NOT NULL;
