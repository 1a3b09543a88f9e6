# Harbormaster's Vault policy: the least it needs, nothing else.
#
# Harbormaster keeps its secrets in a KV version 2 engine (mount "secret") under the prefix "harbormaster":
#   harbormaster/machines/<machine-id>/tls                 CA, server certificate and keys
#   harbormaster/machines/<machine-id>/ssh                 SSH key pair, host key fingerprint
#   harbormaster/machines/<machine-id>/ssh-user-ca         the SSH user CA that signs short-lived user certificates
#   harbormaster/teams/<team-id>/credentials/<name>        cloud credentials
# setup-approle.sh writes this policy with another mount or prefix substituted when HM_VAULT_MOUNT or
# HM_VAULT_PREFIX are set; keep the two paths below in that form if you edit it.
#
# Token lookup-self (used by Harbormaster's health report) comes from Vault's built-in "default" policy, which
# tokens get unless a role sets token_no_default_policy.

# Write a new version (create for a new path, update for an existing one) and read the latest or a given version.
path "secret/data/harbormaster/*" {
  capabilities = ["create", "read", "update"]
}

# List a folder (e.g. the machines), and delete every version and the metadata of a path when its machine or team
# credential is removed.
path "secret/metadata/harbormaster/*" {
  capabilities = ["list", "delete"]
}
