-- The SSH host key each machine's host presented on first contact (from SshHostKeyPinned): every later SSH session
-- must see the same key. Kept by the write side's lookup maintainer in the event's transaction.
CREATE TABLE cmd_machine_host_keys (
    machine_id  uuid PRIMARY KEY,
    key_type    text NOT NULL,
    fingerprint text NOT NULL
);
