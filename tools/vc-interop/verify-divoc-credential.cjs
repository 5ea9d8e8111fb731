// Verifies an RsaSignature2018 credential the way DIVOC's verifiers do (egovernments/DIVOC, the
// certificate_signer_library tests and verifier apps): jsonld-signatures 6 with the issuer's RSA public key given
// to the suite, AssertionProofPurpose with the issuer as controller, and only DIVOC's bundled contexts
// (its vaccination context, v1 or v2 by the namespace's last segment, under the namespace the app is configured with).
//
//   node verify-divoc-credential.cjs <credential.json> <public key PEM file> <namespace URL>
//
// Prints {"verified": true|false, "errors": [...]}.
const fs = require('node:fs');
const jsigs = require('jsonld-signatures');
const {RSAKeyPair} = require('crypto-ld');
const {contexts: securityContexts} = require('security-context');
const credentialsContext = require('credentials-context');
const {vaccinationContext, vaccinationContextV2} = require('vaccination-context');

const [credentialFile, publicKeyFile, namespace] = process.argv.slice(2);
const credential = JSON.parse(fs.readFileSync(credentialFile, 'utf8'));
const publicKeyPem = fs.readFileSync(publicKeyFile, 'utf8');

const CREDENTIALS_V1 = credentialsContext.constants.CREDENTIALS_CONTEXT_V1_URL;
const documents = {[namespace]: namespace.endsWith('/v2') ? vaccinationContextV2 : vaccinationContext, [CREDENTIALS_V1]: credentialsContext.contexts.get(CREDENTIALS_V1)};

function documentLoader(url) {
  const document = documents[url] || securityContexts.get(url);
  if(document === undefined) {
    throw new Error(`not bundled: ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document};
}

async function main() {
  const publicKey = {
    '@context': jsigs.SECURITY_CONTEXT_URL,
    id: credential.proof.verificationMethod,
    type: 'RsaVerificationKey2018',
    controller: credential.issuer,
    publicKeyPem
  };
  const controller = {
    '@context': jsigs.SECURITY_CONTEXT_URL,
    id: credential.issuer,
    publicKey: [publicKey],
    assertionMethod: [publicKey.id]
  };
  const result = await jsigs.verify(credential, {
    suite: new RsaSignature2018({key: new RSAKeyPair({...publicKey})}),
    purpose: new AssertionProofPurpose({controller}),
    compactProof: false,
    documentLoader
  });
  const errors = [];
  const collect = error => error && (Array.isArray(error) ? error : [error]).forEach(e => errors.push(e.message || String(e)));
  collect(result.error);
  console.log(JSON.stringify({verified: result.verified, errors}));
}

const {RsaSignature2018} = jsigs.suites;
const {AssertionProofPurpose} = jsigs.purposes;
main().catch(error => {
  console.error(error);
  process.exit(1);
});
