-- A user's own sign-ins (the portal's account page): the audit trail's sign-in entries by the account they name,
-- newest first, without scanning the whole trail.
CREATE INDEX rm_audit_entry_sign_in_idx ON rm_audit_entry (subject, occurred_at DESC)
    WHERE action IN ('UserSignedIn', 'SignInFailed');
