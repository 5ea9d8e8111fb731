#!/usr/bin/env bash
# Makes the development overlay's Secrets in ./secrets (ignored by git): random database password and
# API keys, placeholder SMTP credentials (Mailpit accepts any), and a test signing keystore with a
# self-made CSCA (deploy/keys/keystore.sh). Keeps what already exists, so that the database password
# and the keys stay stable across runs; delete ./secrets to start over (and the PostgreSQL volume with it).
# Needs openssl and a JDK's keytool.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$here/secrets
mkdir -p "$dir"
chmod 700 "$dir"
umask 077
random() { openssl rand -base64 32 | tr -d '/+=' ; }

[[ -f $dir/db.env ]] || printf 'CERTHUB_DB_USERNAME=certhub\nCERTHUB_DB_PASSWORD=%s\n' "$(random)" >"$dir/db.env"
[[ -f $dir/api-keys.env ]] || printf 'CERTHUB_API_KEY=%s\nCERTHUB_ADMIN_API_KEY=%s\n' "$(random)" "$(random)" >"$dir/api-keys.env"
[[ -f $dir/smtp.env ]] || printf 'CERTHUB_SMTP_USERNAME=certhub\nCERTHUB_SMTP_PASSWORD=%s\n' "$(random)" >"$dir/smtp.env"
if [[ ! -f $dir/keystore.p12 ]]; then
  # No trailing newline: the file becomes the Secret's value byte for byte.
  printf '%s' "$(random)" >"$dir/keystore-password"
  CERTHUB_KEYSTORE_PASSWORD=$(cat "$dir/keystore-password") SUBJECT_SUFFIX=",O=certhub development,C=XX" \
    "$here/../../../keys/keystore.sh" create "$dir/keystore.p12"
fi
echo "Secrets are in $dir (the API keys are in api-keys.env)."
