#!/usr/bin/env bash
# Prepares a Vault for Harbormaster's AppRole login:
#   1. enables KV version 2 at the mount when nothing is mounted there (and stops when something else is),
#   2. writes the policy harbormaster-policy.hcl (mount and prefix substituted),
#   3. enables the AppRole auth method when it is not enabled,
#   4. creates or updates the role with that policy and short-lived tokens,
#   5. prints the role id and a secret id (plain, or response-wrapped with HM_VAULT_WRAP_TTL).
#
# Needs: the vault CLI and jq on PATH; VAULT_ADDR; a token allowed to manage mounts, policies and auth methods
# (VAULT_TOKEN, or 'vault login' first). Safe to run again: existing mount, policy, auth method and role are kept or
# updated, and every run issues one more secret id.
#
# Settings (environment variables, with defaults):
#   HM_VAULT_MOUNT=secret           the KV v2 mount        (harbormaster.secrets.vault.mount)
#   HM_VAULT_PREFIX=harbormaster    the folder under it    (harbormaster.secrets.vault.path-prefix)
#   HM_VAULT_POLICY=harbormaster    the policy's name
#   HM_VAULT_ROLE=harbormaster      the AppRole role's name
#   HM_VAULT_TOKEN_TTL=1h           how long a login's token lives; Harbormaster logs in again before it ends
#   HM_VAULT_TOKEN_MAX_TTL=4h       the longest a token can be renewed to
#   HM_VAULT_SECRET_ID_TTL=0        how long a secret id stays valid (0: until revoked). Harbormaster needs its
#                                   secret id at every start and whenever its token expires, so an expiring secret
#                                   id means issuing a new one and restarting Harbormaster before it runs out.
#   HM_VAULT_WRAP_TTL=              e.g. 10m: print a response-wrapping token instead of the secret id itself
set -euo pipefail

MOUNT="${HM_VAULT_MOUNT:-secret}"
PREFIX="${HM_VAULT_PREFIX:-harbormaster}"
POLICY="${HM_VAULT_POLICY:-harbormaster}"
ROLE="${HM_VAULT_ROLE:-harbormaster}"
TOKEN_TTL="${HM_VAULT_TOKEN_TTL:-1h}"
TOKEN_MAX_TTL="${HM_VAULT_TOKEN_MAX_TTL:-4h}"
SECRET_ID_TTL="${HM_VAULT_SECRET_ID_TTL:-0}"
WRAP_TTL="${HM_VAULT_WRAP_TTL:-}"
HERE="$(cd "$(dirname "$0")" && pwd)"

fail() {
  echo "setup-approle.sh: $*" >&2
  exit 1
}

for tool in vault jq; do
  command -v "$tool" >/dev/null || fail "needs '$tool' on PATH"
done
[[ -n "${VAULT_ADDR:-}" ]] || fail "set VAULT_ADDR to your Vault, e.g. export VAULT_ADDR=https://vault.example:8200"
vault token lookup >/dev/null 2>&1 \
  || fail "no usable token: run 'vault login' or set VAULT_TOKEN to a token that may manage mounts, policies and auth"

# 1. KV version 2 at the mount.
mounts="$(vault secrets list -format=json)"
type="$(jq -r --arg m "$MOUNT/" '.[$m].type // empty' <<<"$mounts")"
version="$(jq -r --arg m "$MOUNT/" '.[$m].options.version // empty' <<<"$mounts")"
if [[ -z "$type" ]]; then
  vault secrets enable -path="$MOUNT" kv-v2
  echo "Enabled KV version 2 at $MOUNT/"
elif [[ "$type" != "kv" || "$version" != "2" ]]; then
  fail "$MOUNT/ holds a '$type' engine (options.version '${version:-none}'), not KV version 2: choose another mount" \
    "with HM_VAULT_MOUNT, or upgrade a KV version 1 mount with 'vault kv enable-versioning $MOUNT/'"
else
  echo "KV version 2 is already enabled at $MOUNT/"
fi

# 2. The policy, for this mount and prefix.
sed -e "s|\"secret/data/harbormaster/\\*\"|\"$MOUNT/data/$PREFIX/*\"|" \
    -e "s|\"secret/metadata/harbormaster/\\*\"|\"$MOUNT/metadata/$PREFIX/*\"|" \
    "$HERE/harbormaster-policy.hcl" | vault policy write "$POLICY" -

# 3. AppRole.
if vault auth list -format=json | jq -e '."approle/"' >/dev/null; then
  echo "AppRole is already enabled at auth/approle/"
else
  vault auth enable approle
fi

# 4. The role: only the Harbormaster policy, service tokens that expire; the secret id may be used again and again
#    because Harbormaster logs in again whenever its token has expired.
vault write "auth/approle/role/$ROLE" \
  token_policies="$POLICY" \
  token_type=service \
  token_ttl="$TOKEN_TTL" \
  token_max_ttl="$TOKEN_MAX_TTL" \
  secret_id_ttl="$SECRET_ID_TTL" \
  secret_id_num_uses=0 >/dev/null
echo "Role auth/approle/role/$ROLE uses policy '$POLICY', tokens live $TOKEN_TTL (at most $TOKEN_MAX_TTL)"

# 5. Credentials for Harbormaster.
role_id="$(vault read -field=role_id "auth/approle/role/$ROLE/role-id")"
echo
echo "harbormaster.secrets.vault.approle.role-id=$role_id"
if [[ -n "$WRAP_TTL" ]]; then
  wrapping_token="$(vault write -f -wrap-ttl="$WRAP_TTL" -field=wrapping_token "auth/approle/role/$ROLE/secret-id")"
  echo "Wrapped secret id (valid $WRAP_TTL, opens once): $wrapping_token"
  echo "Unwrap it where Harbormaster runs:  VAULT_TOKEN=<wrapped token> vault unwrap -field=secret_id"
  echo "and set harbormaster.secrets.vault.approle.secret-id to the result."
else
  secret_id="$(vault write -f -field=secret_id "auth/approle/role/$ROLE/secret-id")"
  echo "harbormaster.secrets.vault.approle.secret-id=$secret_id"
  echo
  echo "WARNING: the secret id above is a credential. Anyone holding it and the role id can read and overwrite"
  echo "every Harbormaster secret. Put it straight into Harbormaster's configuration (an environment variable or a"
  echo "file only Harbormaster can read), clear this terminal's scrollback, and never commit it. Use"
  echo "HM_VAULT_WRAP_TTL=10m next time to get a single-use wrapped secret id instead."
fi
