-- What the hm CLI shows and checks about a machine, projected by machine-list (a rebuild fills them from the events):
-- the Docker Engine version verified by the last provisioning or upgrade (MachineProvisioned, EngineUpgraded) and
-- the fingerprint of the machine's current CA (CertsRegenerated). Both stay NULL when unknown.
ALTER TABLE rm_machine ADD COLUMN docker_version text;
ALTER TABLE rm_machine ADD COLUMN ca_fingerprint text;

-- GET /api/machines/by-name/{name}: names are unique per team regardless of case, so they are looked up lower-cased.
CREATE INDEX rm_machine_lower_name_idx ON rm_machine (lower(name));
