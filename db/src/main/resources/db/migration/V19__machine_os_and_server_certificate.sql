-- What the machine page shows beyond the list: the host's operating system as the last provisioning found it
-- (ProvisioningStarted) and the certificate the daemon presents, as its latest CertsRegenerated or import recorded it
-- (its names as a JSON array of strings). They stay NULL until such an event; a rebuild of the machine-list projection
-- fills them from the events.
ALTER TABLE rm_machine ADD COLUMN os text;
ALTER TABLE rm_machine ADD COLUMN server_fingerprint text;
ALTER TABLE rm_machine ADD COLUMN server_serial text;
ALTER TABLE rm_machine ADD COLUMN server_not_after timestamptz;
ALTER TABLE rm_machine ADD COLUMN server_names jsonb;
ALTER TABLE rm_machine ADD COLUMN key_algorithm text;
