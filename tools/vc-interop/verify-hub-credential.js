// Verifies a W3C credential issued by a running certhub with digitalbazaar's vc stack, loading everything the
// credential names from the hub: the vaccination context, the did:web document and its key, and the
// Bitstring Status List credential. The W3C credentials and Ed25519Signature2020 contexts come from the
// libraries' own packaged copies (the hub does not serve them).
//
//   node verify-hub-credential.js <hub URL as reached> <hub's CERTHUB_BASE_URL> <credential.json>
//
// Prints {"verified": true|false, "revoked": true|false|null, "errors": [...]} and exits 0 when it could judge.
import * as vc from '@digitalbazaar/vc';
import {Ed25519Signature2020, suiteContext} from '@digitalbazaar/ed25519-signature-2020';
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';

const [hub, base, file] = process.argv.slice(2);
if(!hub || !base || !file) {
  console.error('usage: node verify-hub-credential.js <hub URL> <base URL> <credential.json>');
  process.exit(2);
}
const credential = JSON.parse(readFileSync(file, 'utf8'));

async function fromHub(path) {
  const response = await fetch(hub + path);
  if(!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}`);
  }
  return response.json();
}

/** The path of a did:web document (did:web spec: no path → /.well-known/did.json). */
function didWebPath(did) {
  const segments = did.substring('did:web:'.length).split(':').slice(1).map(decodeURIComponent);
  return segments.length === 0 ? '/.well-known/did.json' : '/' + segments.join('/') + '/did.json';
}

async function documentLoader(url) {
  if(url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#');
    const didDocument = await fromHub(didWebPath(did));
    if(didDocument.id !== did) {
      throw new Error(`the DID document is for ${didDocument.id}, not ${did}`);
    }
    if(fragment === undefined) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    const method = (didDocument.verificationMethod || []).find(m => m.id === url);
    if(!method) {
      throw new Error(`no verification method ${url} in the DID document`);
    }
    // keys inside a DID document carry no context of their own: the loader gives them the suite's
    return {contextUrl: null, documentUrl: url, document: {'@context': suiteContext.CONTEXT_URL, ...method}};
  }
  if(url.startsWith(base + '/')) {
    return {contextUrl: null, documentUrl: url, document: await fromHub(url.substring(base.length))};
  }
  if(suiteContext.contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: suiteContext.contexts.get(url)};
  }
  return vc.defaultDocumentLoader(url);
}

const suite = new Ed25519Signature2020();
let revoked = null;

/** Bitstring Status List v1.0: verify the list credential, then read the entry's bit (index 0 = first byte's high bit). */
async function checkStatus({credential: checked}) {
  const entry = checked.credentialStatus;
  if(entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') {
    return {verified: false, error: new Error(`unsupported credentialStatus ${entry.type}/${entry.statusPurpose}`)};
  }
  const {document: list} = await documentLoader(entry.statusListCredential);
  const listResult = await vc.verifyCredential({credential: list, suite, documentLoader});
  if(!listResult.verified) {
    return {verified: false, error: new Error('the status list credential does not verify: ' + errors(listResult))};
  }
  if(list.issuer !== checked.issuer || list.credentialSubject.statusPurpose !== 'revocation') {
    return {verified: false, error: new Error('the status list is not the issuer\'s revocation list')};
  }
  const encoded = list.credentialSubject.encodedList;
  if(!encoded.startsWith('u')) {
    return {verified: false, error: new Error('encodedList is not multibase base64url')};
  }
  const bits = gunzipSync(Buffer.from(encoded.substring(1), 'base64url'));
  const index = Number.parseInt(entry.statusListIndex, 10);
  if(!(index >= 0 && index < bits.length * 8)) {
    return {verified: false, error: new Error(`statusListIndex ${entry.statusListIndex} outside the list`)};
  }
  revoked = ((bits[index >> 3] >> (7 - (index & 7))) & 1) === 1;
  return revoked ? {verified: false, error: new Error('revoked')} : {verified: true};
}

function errors(result) {
  const found = [];
  const collect = error => {
    if(!error) {
      return;
    }
    (Array.isArray(error) ? error : [error]).forEach(e => {
      found.push(e.message || String(e));
      collect(e.errors);
    });
  };
  collect(result.error);
  (result.results || []).forEach(r => collect(r.error));
  (result.statusResult && result.statusResult.error) && collect(result.statusResult.error);
  return found;
}

const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
console.log(JSON.stringify({verified: result.verified, revoked, errors: errors(result)}));
