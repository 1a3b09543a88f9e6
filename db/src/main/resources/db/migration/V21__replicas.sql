-- Replicas that run the event processors. Each one stamps its row every few seconds (with the database's clock, so
-- replicas' clocks do not matter); one whose stamp is older than the token claim timeout counts as gone. The segment
-- balancer divides a processor's segments by the live ones, and a machine's driver work waits for a live holder.
CREATE TABLE processor_replica (
    node_id text        NOT NULL PRIMARY KEY,
    seen_at timestamptz NOT NULL
);

-- Driver work being carried out, and by which replica: one request's work runs on one replica at a time, even when
-- the segment of its machine moves to another replica in the middle of the work. A row whose replica is gone (see
-- processor_replica) may be taken over; the replica deletes its row when the work has reported its outcome.
CREATE TABLE machine_work_claim (
    machine_id     text        NOT NULL,
    kind           text        NOT NULL,
    correlation_id text        NOT NULL,
    node_id        text        NOT NULL,
    claimed_at     timestamptz NOT NULL,
    PRIMARY KEY (machine_id, kind, correlation_id)
);
