-- A machine's engine options (docker-machine's --engine-opt, --engine-label, --engine-install-url, --tls-san) as its
-- MachineCreated event recorded them, for the machine detail: {"flags": [...], "labels": [...], "installUrl": ...,
-- "tlsSans": [...]}. Rows of machines created before engine options existed get an empty object, read as none; a
-- rebuild of the machine-list projection fills the column from the events.
ALTER TABLE rm_machine ADD COLUMN engine_options jsonb NOT NULL DEFAULT '{}'::jsonb;
