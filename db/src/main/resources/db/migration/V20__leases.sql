-- Leases for work that must run on one replica at a time (ShedLock's JDBC provider): the reconciler's cycles.
-- A replica holds a lease until lock_until; one that dies holding it loses it then, and another takes the work.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pkey PRIMARY KEY (name)
);
