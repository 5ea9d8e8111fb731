// The in-browser W3C verifier (src/w3c.js) and DIVOC's zip reader (src/zip.js) on credentials shaped like the hub's
// (its vaccination context from ../signer's resources, its did:web document, an Ed25519Signature2020 proof over the
// RDFC-1.0 form, a Bitstring Status List entry), signed here with a key made for the test, the way the hub's
// Ed25519Signature2020 class signs: valid, tampered, under an unknown key or issuer, expired, not yet valid,
// revoked, with its status list missing or forged, with a term no context defines, and DIVOC's credentials left to
// the hub. That the hub's own credentials verify is PortalIT's part. Run with `npm test`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { deflateRawSync, gzipSync } from 'node:zlib';
import jsonld from 'jsonld';
import * as ed from '@noble/ed25519';
import credentialsContext from 'credentials-context';
import ed25519Context from 'ed25519-signature-2020-context';
import { CREDENTIALS_V1, ED25519_2020_V1, bitSet, hubStatusListPath, verifyW3c } from '../src/w3c.js';
import { unzipCertificate } from '../src/zip.js';

const BASE = 'https://certs.example.org:8443/hub';
const DID = 'did:web:certs.example.org%3A8443:hub';
const CONTEXT_URL = `${BASE}/credentials/vaccination/v1`;
const LIST_URL = `${BASE}/credentials/status/0`;
const vaccinationContext = JSON.parse(readFileSync(
  new URL('../../signer/src/main/resources/org/certhub/signer/w3c/contexts/vaccination-v1.jsonld', import.meta.url),
));
const CONTEXTS = new Map([
  [CREDENTIALS_V1, credentialsContext.contexts.get(CREDENTIALS_V1)],
  [ED25519_2020_V1, ed25519Context.contexts.get(ED25519_2020_V1)],
  [CONTEXT_URL, vaccinationContext],
]);
const NOW = new Date('2026-06-01T12:00:00Z');

const secret = ed.utils.randomSecretKey();
const publicKey = await ed.getPublicKeyAsync(secret);
const otherSecret = ed.utils.randomSecretKey();

const base58 = (bytes) => {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let text = '';
  for (; value > 0n; value /= 58n) text = alphabet[Number(value % 58n)] + text;
  for (const b of bytes) {
    if (b !== 0) break;
    text = `1${text}`;
  }
  return `z${text}`;
};
const did = {
  '@context': ['https://www.w3.org/ns/did/v1', ED25519_2020_V1],
  id: DID,
  verificationMethod: [{
    id: `${DID}#k1`, type: 'Ed25519VerificationKey2020', controller: DID,
    publicKeyMultibase: base58(Uint8Array.from([0xed, 0x01, ...publicKey])),
  }],
  assertionMethod: [`${DID}#k1`],
};

async function hash(document) {
  const nquads = await jsonld.canonize(document, {
    algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true,
    documentLoader: async (url) => ({ contextUrl: null, documentUrl: url, document: CONTEXTS.get(url) }),
  });
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(nquads)));
}

/** Signs as the hub's W3cVcFormat does: SHA-256 of the canonical proof options, then of the credential. */
async function sign(credential, { key = secret, kid = 'k1', created = '2026-05-01T10:00:00Z' } = {}) {
  const options = {
    type: 'Ed25519Signature2020', created, verificationMethod: `${credential.issuer}#${kid}`,
    proofPurpose: 'assertionMethod',
  };
  const input = new Uint8Array([...await hash({ '@context': credential['@context'], ...options }), ...await hash(credential)]);
  return { ...credential, proof: { ...options, proofValue: base58(await ed.signAsync(input, key)) } };
}

function credential(changes = {}) {
  return {
    '@context': [CREDENTIALS_V1, CONTEXT_URL, ED25519_2020_V1],
    type: ['VerifiableCredential', 'ProofOfVaccinationCredential'],
    credentialSubject: { type: 'Person', name: 'Erika Mustermann', dob: '1964-08-12', gender: 'Female' },
    issuer: DID,
    issuanceDate: '2026-05-01T10:00:00Z',
    evidence: [{
      id: `${BASE}/api/v1/certificates/C1`, certificateId: 'C1', type: ['Vaccination'], vaccine: 'Comirnaty',
      date: '2026-04-30T00:00:00Z', effectiveStart: '2026-04-30', dose: 2, totalDoses: 2,
    }],
    nonTransferable: 'true',
    credentialStatus: {
      id: `${LIST_URL}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5',
      statusListCredential: LIST_URL,
    },
    ...changes,
  };
}

function encodedList(positions) {
  const bits = new Uint8Array(131072 / 8);
  for (const p of positions) bits[p >> 3] |= 0x80 >>> (p & 7);
  return `u${gzipSync(bits).toString('base64url')}`;
}

async function statusList(positions, options) {
  return JSON.stringify(await sign({
    '@context': [CREDENTIALS_V1, CONTEXT_URL, ED25519_2020_V1],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: DID,
    issuanceDate: '2026-05-31T00:00:00Z',
    credentialSubject: {
      id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation',
      encodedList: encodedList(positions),
    },
  }, options));
}

const trust = async (positions = [7], options) => ({
  did, context: vaccinationContext, statusLists: { [LIST_URL]: { text: await statusList(positions, options) } },
});
const check = async (signed, w3c, at = NOW) => verifyW3c(JSON.stringify(signed), w3c ?? await trust(), at);

test('a credential of the hub verifies, with the subject the hub answers', async () => {
  const outcome = await check(await sign(credential()));
  assert.deepEqual(outcome, {
    valid: true, format: 'w3c-vc', issuer: DID,
    subject: {
      name: 'Erika Mustermann', dob: '1964-08-12', gender: 'Female', vaccine: 'Comirnaty',
      date: '2026-04-30T00:00:00Z', certificateId: 'C1', dose: 2, totalDoses: 2,
    },
  });
});

test('a changed credential does not verify', async () => {
  const signed = await sign(credential());
  signed.credentialSubject.name = 'Erica Mustermann';
  assert.equal((await check(signed)).reason, 'bad-signature');
  const options = await sign(credential());
  options.proof.created = '2026-05-01T10:00:01Z';
  assert.equal((await check(options)).reason, 'bad-signature');
});

test('another key, a key the hub does not list, or another issuer is not trusted', async () => {
  assert.equal((await check(await sign(credential(), { key: otherSecret }))).reason, 'bad-signature');
  assert.equal((await check(await sign(credential(), { kid: 'k2' }))).reason, 'unknown-key');
  assert.equal((await check(await sign(credential({ issuer: 'did:web:elsewhere.example' })))).reason, 'unknown-key');
});

test('the issuance and expiration dates are checked', async () => {
  assert.equal((await check(await sign(credential({ expirationDate: '2026-05-31T00:00:00Z' })))).reason, 'expired');
  assert.equal((await check(await sign(credential({ issuanceDate: '2026-06-01T12:06:00Z' })))).reason, 'not-yet-valid');
  assert.equal((await check(await sign(credential({ issuanceDate: '1 May 2026' })))).reason, 'malformed');
});

test('the status list: a set bit is revoked, a missing list is said, a forged one is refused', async () => {
  const signed = await sign(credential());
  assert.equal((await check(signed, await trust([5]))).reason, 'revoked');
  const unknown = await check(signed, { did, context: vaccinationContext, statusLists: {} });
  assert.equal(unknown.valid, true);
  assert.equal(unknown.statusUnknown, true);
  const withoutEntry = await check(await sign(credential({ credentialStatus: undefined })));
  assert.equal(withoutEntry.valid, true);
  assert.equal(withoutEntry.statusUnknown, true);
  assert.equal((await check(signed, await trust([5], { key: otherSecret }))).reason, 'status-unavailable');
  const listed = await trust([5]);
  listed.statusLists[LIST_URL].text = listed.statusLists[LIST_URL].text.replace(/"encodedList":"[^"]+"/,
    `"encodedList":"${encodedList([])}"`);
  assert.equal((await check(signed, listed)).reason, 'status-unavailable');
});

test('a term no context defines, an embedded context or a blank node is malformed', async () => {
  assert.equal((await check(await sign(credential()).then((s) => ({ ...s, extra: 'x' })))).reason, 'malformed');
  const embedded = await sign(credential());
  embedded.credentialSubject['@context'] = { extra: 'https://example.org/extra' };
  assert.equal((await check(embedded)).reason, 'malformed');
  assert.equal((await check(await sign(credential({ id: '_:b0' })))).reason, 'malformed');
  assert.equal((await verifyW3c('{"@context": [', await trust())).reason, 'malformed');
});

test('credentials only the hub can judge (another context or suite) are left to it', async () => {
  const divoc = await sign(credential());
  divoc['@context'][1] = 'https://cowin.gov.in/credentials/vaccination/v2';
  assert.equal(await check(divoc), null);
  const rsa = await sign(credential());
  rsa.proof.type = 'RsaSignature2018';
  assert.equal(await check(rsa), null);
  assert.equal(await check(await sign(credential()), { did, statusLists: {} }), null); // no stored context
});

test('the hub\'s URLs are told from others by its did:web', () => {
  assert.equal(hubStatusListPath(LIST_URL, DID), '/credentials/status/0');
  assert.equal(hubStatusListPath('http://certs.example.org:8443/hub/credentials/status/12', DID), '/credentials/status/12');
  assert.equal(hubStatusListPath('https://certs.example.org/hub/credentials/status/0', DID), null);
  assert.equal(hubStatusListPath(`${LIST_URL}/../x`, DID), null);
  assert.equal(hubStatusListPath(`${LIST_URL}?x`, DID), null);
  assert.equal(hubStatusListPath('https://certs.example.org:8443@evil.example/hub/credentials/status/0', DID), null);
  // the hub leaves port 0 (a test's random port) out of its did:web
  assert.equal(hubStatusListPath('http://localhost:0/credentials/status/3', 'did:web:localhost'), '/credentials/status/3');
  assert.equal(hubStatusListPath('http://localhost:8080/credentials/status/3', 'did:web:localhost'), null);
});

test('bits are read from the most significant one', async () => {
  assert.equal(await bitSet(encodedList([0, 9]), 0), true);
  assert.equal(await bitSet(encodedList([0, 9]), 1), false);
  assert.equal(await bitSet(encodedList([0, 9]), 9), true);
});

/** A zip with one entry, its sizes only in the central directory (as Java's ZipOutputStream writes). */
function zip(name, text) {
  const data = Buffer.from(text);
  const compressed = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const offset = 30 + nameBytes.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]));
}

test('DIVOC\'s zip gives its certificate.json, and nothing else', async () => {
  const text = JSON.stringify(await sign(credential()));
  assert.equal(await unzipCertificate(zip('certificate.json', text)), text);
  assert.equal((await verifyW3c(await unzipCertificate(zip('certificate.json', text)), await trust(), NOW)).valid, true);
  assert.equal(await unzipCertificate(zip('other.json', text)), null);
  assert.equal(await unzipCertificate(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), null);
});
