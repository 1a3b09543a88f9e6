-- The driver operation each machine is waiting on, kept by the "command-lookups" subscribing processor in the same
-- transaction that appends the request event and the outcome event. The machine processes run driver calls after
-- that transaction, on a tracking processor; when the JVM dies between the two, the machine would stay in Creating,
-- Starting, Stopping or Removing for ever. On start-up the command service resumes every operation still recorded
-- here from before it started (see PendingOperationsRecovery).

ALTER TABLE cmd_machines
    -- CREATE, START, STOP, RESTART, KILL or REMOVE; null when no driver operation is in progress.
    ADD COLUMN pending_operation      varchar(16),
    -- Timestamp of the event that requested the operation, to tell older work from work this instance dispatched.
    ADD COLUMN pending_since          timestamptz,
    -- Correlation id of the request, so a resumed operation reports under the same id.
    ADD COLUMN pending_correlation_id varchar(64),
    ADD CONSTRAINT cmd_machines_pending_operation_check
        CHECK (pending_operation IN ('CREATE', 'START', 'STOP', 'RESTART', 'KILL', 'REMOVE'));

-- Start-up scans only the few machines with work in progress.
CREATE INDEX cmd_machines_pending_idx ON cmd_machines (pending_since) WHERE pending_operation IS NOT NULL;
