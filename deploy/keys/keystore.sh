#!/usr/bin/env bash
# Creates and rotates certhub's PKCS#12 signing keystore with the JDK's keytool, outside the cluster.
# The file goes into the Secret certhub-keystore (key keystore.p12) that every certify and api pod
# mounts read-only, so all pods sign with the same keys and no pod ever generates its own.
#
# Entries follow the aliases certhub's KeyStoreSigningKeyProvider reads: <purpose>.<epoch millis>,
# purpose one of w3c_vc (Ed25519), shc (P-256), eu_dcc (P-256 document signer, chain DSC + CSCA) and
# csca (the EU DCC country signing CA). The newest entry of a purpose signs; older ones stay, retired,
# so that what they signed keeps verifying.
#
# usage: CERTHUB_KEYSTORE_PASSWORD=... keystore.sh create FILE
#          a new keystore with a CSCA and one key per purpose (a self-made CSCA: for test systems only;
#          production EU DCC document signers are issued by the national CSCA, see eu-dcc-csr/import)
#        CERTHUB_KEYSTORE_PASSWORD=... keystore.sh rotate FILE w3c_vc|shc|eu_dcc
#          adds a new active key for the purpose (eu_dcc: issued by the newest CSCA in the keystore)
#        CERTHUB_KEYSTORE_PASSWORD=... keystore.sh eu-dcc-csr FILE CSR_OUT
#          adds a new EU DCC key and writes its certificate signing request for the national CSCA
#        CERTHUB_KEYSTORE_PASSWORD=... keystore.sh import FILE ALIAS CHAIN_PEM
#          installs the CSCA's answer (PEM: the document signer certificate, then the CSCA certificate)
#        CERTHUB_KEYSTORE_PASSWORD=... keystore.sh list FILE
# environment: CERTHUB_KEYSTORE_PASSWORD (required), SUBJECT_SUFFIX (default ",O=certhub,C=XX"; e.g.
#              ",O=Ministry of Health,C=IN"), SIGNER_VALIDITY_DAYS (730), CSCA_VALIDITY_DAYS (3650),
#              KEYTOOL (default: keytool on the PATH)
set -euo pipefail

: "${CERTHUB_KEYSTORE_PASSWORD:?set CERTHUB_KEYSTORE_PASSWORD (from your secret store)}"
SUBJECT_SUFFIX=${SUBJECT_SUFFIX:-,O=certhub,C=XX}
SIGNER_VALIDITY_DAYS=${SIGNER_VALIDITY_DAYS:-730}
CSCA_VALIDITY_DAYS=${CSCA_VALIDITY_DAYS:-3650}
KEYTOOL=${KEYTOOL:-keytool}

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2; }

kt() { "$KEYTOOL" "$@" -storetype PKCS12 -storepass:env CERTHUB_KEYSTORE_PASSWORD; }

# The next alias of a kind: epoch millis, always later than every entry already in the keystore.
next_alias() {
  local kind=$1 file=$2 now latest
  now=$(( $(date +%s%N) / 1000000 ))
  latest=0
  if [[ -f $file ]]; then
    latest=$(kt -list -keystore "$file" | sed -n 's/^\(w3c_vc\|eu_dcc\|shc\|csca\)\.\([0-9]\{1,19\}\),.*/\2/p' | sort -n | tail -n 1)
    latest=${latest:-0}
  fi
  (( now > latest )) || now=$(( latest + 1 ))
  echo "$kind.$now"
}

newest_alias() {
  kt -list -keystore "$1" | sed -n "s/^\($2\.[0-9]\{1,19\}\),.*/\1/p" | sort -t. -k2,2n | tail -n 1
}

genkey() { # alias file keyalg-args... : a key pair with a self-signed certificate
  local alias=$1 file=$2; shift 2
  kt -genkeypair -keystore "$file" -alias "$alias" -dname "CN=certhub ${alias%%.*} ${alias#*.}$SUBJECT_SUFFIX" \
     -validity "$SIGNER_VALIDITY_DAYS" "$@" >/dev/null 2>&1
}

add_key() { # file purpose
  local file=$1 purpose=$2 alias csca tmp
  alias=$(next_alias "$purpose" "$file")
  case $purpose in
    w3c_vc) genkey "$alias" "$file" -keyalg Ed25519 ;;
    shc)    genkey "$alias" "$file" -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA ;;
    eu_dcc)
      csca=$(newest_alias "$file" csca)
      [[ -n $csca ]] || { echo "no CSCA (alias csca.<millis>) in $file: use eu-dcc-csr and import" >&2; exit 1; }
      genkey "$alias" "$file" -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA
      tmp=$(mktemp -d); trap 'rm -rf "$tmp"' RETURN
      kt -certreq -keystore "$file" -alias "$alias" -file "$tmp/dsc.csr"
      kt -gencert -keystore "$file" -alias "$csca" -infile "$tmp/dsc.csr" -outfile "$tmp/chain.pem" -rfc \
         -validity "$SIGNER_VALIDITY_DAYS" -ext KeyUsage:critical=digitalSignature
      kt -exportcert -keystore "$file" -alias "$csca" -rfc >>"$tmp/chain.pem"
      kt -importcert -keystore "$file" -alias "$alias" -file "$tmp/chain.pem" -noprompt >/dev/null 2>&1
      ;;
    *) echo "unknown purpose $purpose (w3c_vc, shc, eu_dcc)" >&2; exit 2 ;;
  esac
  echo "added $alias (now the active $purpose key)"
}

[[ $# -ge 2 ]] || usage
command=$1 file=$2
case $command in
  create)
    [[ ! -e $file ]] || { echo "$file exists; use rotate" >&2; exit 1; }
    csca=$(next_alias csca "$file")
    kt -genkeypair -keystore "$file" -alias "$csca" -dname "CN=certhub CSCA$SUBJECT_SUFFIX" \
       -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity "$CSCA_VALIDITY_DAYS" \
       -ext BasicConstraints:critical=ca:true,pathlen:0 -ext KeyUsage:critical=keyCertSign,cRLSign >/dev/null 2>&1
    echo "added $csca"
    for purpose in w3c_vc shc eu_dcc; do add_key "$file" "$purpose"; done
    ;;
  rotate)
    [[ $# -eq 3 && -f $file ]] || usage
    add_key "$file" "$3"
    ;;
  eu-dcc-csr)
    [[ $# -eq 3 && -f $file ]] || usage
    alias=$(next_alias eu_dcc "$file")
    genkey "$alias" "$file" -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA
    kt -certreq -keystore "$file" -alias "$alias" -file "$3"
    echo "added $alias; send $3 to the CSCA, then: $0 import $file $alias <answer.pem>"
    ;;
  import)
    [[ $# -eq 4 && -f $file ]] || usage
    kt -importcert -keystore "$file" -alias "$3" -file "$4" -trustcacerts -noprompt
    ;;
  list)
    kt -list -keystore "$file" | sed -n 's/^\(\(w3c_vc\|eu_dcc\|shc\|csca\)\.[0-9]*\),.*/\1/p' | sort -t. -k1,1 -k2,2nr
    ;;
  *) usage ;;
esac
