// Signs credentials shaped exactly as DIVOC's signer (egovernments/DIVOC backend/certificate_signer_library)
// emits them, with the libraries it signed with: jsonld-signatures 6 (RsaSignature2018, as signJSON does) and
// vc-js 0.6 (Ed25519Signature2018 via vc.issue), crypto-ld 3 key pairs, and the contexts DIVOC loaded locally
// (security-context, credentials-context, vaccination-context). Fresh keys on each run.
//
//   node sign-divoc-credentials.cjs
//
// Prints {"rsa": {"credential", "publicKeyPem"}, "ed25519": {"credential", "publicKeyBase58"}, "issuer", "keyId"}.
const crypto = require('node:crypto');
const jsigs = require('jsonld-signatures');
const vc = require('vc-js');
const {RSAKeyPair, Ed25519KeyPair} = require('crypto-ld');
const {contexts: securityContexts} = require('security-context');
const credentialsContext = require('credentials-context');
const {vaccinationContext} = require('vaccination-context');

const {RsaSignature2018, Ed25519Signature2018} = jsigs.suites;
const {AssertionProofPurpose} = jsigs.purposes;

const ISSUER = 'https://cowin.gov.in/';
const NAMESPACE = 'https://cowin.gov.in/credentials/vaccination/v1';
const KEY_ID = 'did:india';

const documents = {
  [NAMESPACE]: vaccinationContext,
  [credentialsContext.constants.CREDENTIALS_CONTEXT_V1_URL]: credentialsContext.contexts.get(credentialsContext.constants.CREDENTIALS_CONTEXT_V1_URL),
};

function documentLoader(url) {
  const document = documents[url] || securityContexts.get(url);
  if(document === undefined) {
    throw new Error(`not bundled: ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document};
}

// DIVOC's transformW3 output for one dose
function certificate(certificateId) {
  const address = {
    streetAddress: '123, Koramangala', streetAddress2: '', district: 'Bengaluru South', city: 'Bengaluru',
    addressRegion: 'Karnataka', addressCountry: 'IN', postalCode: '560034'
  };
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', NAMESPACE],
    type: ['VerifiableCredential', 'ProofOfVaccinationCredential'],
    credentialSubject: {
      type: 'Person', id: 'did:in.gov.uidai.aadhaar:2342343334', refId: '12346', name: 'Bhaya Mitra',
      gender: 'Male', age: '27', nationality: 'Indian', address
    },
    issuer: ISSUER,
    issuanceDate: '2021-07-29T11:23:51.377Z',
    evidence: [{
      id: 'https://cowin.gov.in/vaccine/' + certificateId,
      feedbackUrl: 'https://cowin.gov.in/?' + certificateId,
      infoUrl: 'https://cowin.gov.in/?' + certificateId,
      certificateId,
      type: ['Vaccination'],
      batch: 'AB348FS', vaccine: 'COVAXIN', manufacturer: 'Bharat Biotech',
      date: '2021-07-12T19:21:19.646Z', effectiveStart: '2021-07-12', effectiveUntil: '2022-07-12',
      dose: 2, totalDoses: 2,
      verifier: {name: 'Sooraj Singh'},
      facility: {name: 'ABC Medical Center', address}
    }],
    nonTransferable: 'true'
  };
}

function controllerOf(publicKey) {
  return {
    '@context': jsigs.SECURITY_CONTEXT_URL,
    id: ISSUER,
    publicKey: [publicKey],
    assertionMethod: [publicKey.id]
  };
}

async function main() {
  const rsa = crypto.generateKeyPairSync('rsa', {modulusLength: 2048});
  const publicKeyPem = rsa.publicKey.export({type: 'spki', format: 'pem'});
  const privateKeyPem = rsa.privateKey.export({type: 'pkcs1', format: 'pem'});
  const rsaPublicKey = {
    '@context': jsigs.SECURITY_CONTEXT_URL, id: KEY_ID, type: 'RsaVerificationKey2018', controller: ISSUER, publicKeyPem
  };
  const rsaSigned = await jsigs.sign(certificate('244768056'), {
    documentLoader,
    suite: new RsaSignature2018({key: new RSAKeyPair({...rsaPublicKey, privateKeyPem})}),
    purpose: new AssertionProofPurpose({controller: controllerOf(rsaPublicKey)}),
    compactProof: false
  });

  const ed25519 = await Ed25519KeyPair.generate();
  const edPublicKey = {'@context': jsigs.SECURITY_CONTEXT_URL, id: KEY_ID, type: 'Ed25519VerificationKey2018', controller: ISSUER};
  const edSigned = await vc.issue({
    credential: certificate('244768057'),
    suite: new Ed25519Signature2018({
      key: new Ed25519KeyPair({publicKeyBase58: ed25519.publicKeyBase58, privateKeyBase58: ed25519.privateKeyBase58, id: KEY_ID})
    }),
    purpose: new AssertionProofPurpose({controller: controllerOf(edPublicKey)}),
    documentLoader,
    compactProof: false
  });

  console.log(JSON.stringify({
    issuer: ISSUER,
    keyId: KEY_ID,
    rsa: {credential: rsaSigned, publicKeyPem},
    ed25519: {credential: edSigned, publicKeyBase58: ed25519.publicKeyBase58}
  }));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
