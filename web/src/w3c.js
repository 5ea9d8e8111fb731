// The hub's own W3C Verifiable Credentials verified in the browser, as the hub's W3cVcVerifier does for them:
// Ed25519Signature2020 over the RDFC-1.0 canonical form (jsonld with a document loader that serves only the stored
// contexts and refuses any other URL), with the keys of the hub's did:web document (/.well-known/did.json), then
// the issuance and expiration dates, then the Bitstring Status List entry against the stored list credential (itself
// verified the same way). Credentials this file cannot judge without the hub (other contexts such as DIVOC's, other
// proof suites) are answered `null`: the page then says that they need a connection.
import jsonld from 'jsonld';
import { verifyAsync } from '@noble/ed25519';
import credentialsContext from 'credentials-context';
import ed25519Context from 'ed25519-signature-2020-context';
import { inflate, sha256 } from './bytes.js';
import { Rejection, reject } from './rejection.js';

export const CREDENTIALS_V1 = 'https://www.w3.org/2018/credentials/v1';
export const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1';
/** Where the hub serves its vaccination context and its status lists, under its base URL. */
export const CONTEXT_PATH = '/credentials/vaccination/v1';
export const STATUS_LIST_PATH = '/credentials/status/';

const MAX_LENGTH = 16 * 1024;
const MAX_DEPTH = 8;
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const PROOF_TYPE = 'Ed25519Signature2020';
const LIST_BYTES = 131072 / 8;
/** The standard contexts, from their npm packages (the same documents as the hub's bundled copies). */
const BUNDLED = new Map([
  [CREDENTIALS_V1, credentialsContext.contexts.get(CREDENTIALS_V1)],
  [ED25519_2020_V1, ed25519Context.contexts.get(ED25519_2020_V1)],
]);

/** Whether the text looks like a JSON-LD credential (what the hub's W3C verifier accepts). */
export function isW3c(text) {
  const qr = text.trim();
  return qr.startsWith('{') && qr.includes('"@context"');
}

/**
 * The hub's base URL without the scheme (host[:port][/path]), from its did:web id, or null: did:web cannot say
 * http or https, so URLs are compared on the rest.
 */
function hubPlace(did) {
  if (typeof did !== 'string' || !did.startsWith('did:web:')) return null;
  const [host, ...path] = did.slice('did:web:'.length).split(':');
  try {
    return [decodeURIComponent(host), ...path.map(decodeURIComponent)].join('/');
  } catch {
    return null;
  }
}

/** Whether `url` is `path` (followed by `rest`, a pattern) under the hub's base URL of `did`. */
function underHub(url, did, path, rest = '') {
  const place = hubPlace(did);
  if (!place || typeof url !== 'string') return null;
  // the host, the port unless 0 or none (as the hub leaves it out of its did:web), the path
  const match = /^https?:\/\/([^/:?#@]+)(?::(\d{1,5}))?(\/[^?#]*)$/.exec(url);
  if (!match) return null;
  const where = match[1] + (Number(match[2]) > 0 ? `:${match[2]}` : '') + match[3];
  if (!where.startsWith(place + path)) return null;
  const tail = where.slice(place.length + path.length);
  return new RegExp(`^${rest}$`).exec(tail);
}

/** Whether the URL is the hub's vaccination context. */
export function isHubContext(url, did) {
  return Boolean(underHub(url, did, CONTEXT_PATH));
}

/** The hub's path of a status list URL (`/credentials/status/<n>`) when it is one of the hub's lists, or null. */
export function hubStatusListPath(url, did) {
  const match = underHub(url, did, STATUS_LIST_PATH, '(\\d{1,12})');
  return match ? STATUS_LIST_PATH + match[1] : null;
}

/** The status list URL a credential names, if it names one (for the page to fetch when it first sees it). */
export function statusListOf(text) {
  try {
    const url = JSON.parse(text)?.credentialStatus?.statusListCredential;
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a W3C credential with the stored trust material's `w3c` part ({did, context, statusLists: {url: {text}}})
 * as of `at`. Answers the hub's verify answer ({valid, format, reason, issuer, subject}, plus `statusUnknown` when
 * the credential's status list is not stored), or null when this credential can be checked only by the hub.
 */
export async function verifyW3c(text, w3c, at = new Date()) {
  const outcome = { valid: false, format: 'w3c-vc', reason: 'malformed', issuer: null, subject: {} };
  let signed;
  try {
    if (text.length > MAX_LENGTH) reject('malformed');
    signed = JSON.parse(text.trim());
    if (!signed || typeof signed !== 'object' || Array.isArray(signed)) reject('malformed');
  } catch (e) {
    return outcome;
  }
  if (!judgeable(signed, w3c)) return null;
  try {
    await verifyCredential(signed, w3c, at, outcome, false);
    await status(signed, w3c, at, outcome);
    outcome.valid = true;
    delete outcome.reason;
  } catch (e) {
    outcome.reason = e instanceof Rejection ? e.reason : 'malformed';
  }
  return outcome;
}

/** Whether this file can judge the credential: an Ed25519Signature2020 proof under contexts it has stored. */
function judgeable(signed, w3c) {
  const context = signed['@context'];
  return signed.proof?.type === PROOF_TYPE
    && Array.isArray(context)
    && context.every((url) => typeof url !== 'string' || BUNDLED.has(url) || isHubContext(url, w3c?.did?.id))
    && (!context.some((url) => isHubContext(url, w3c?.did?.id)) || Boolean(w3c?.context));
}

/** The checks of the hub's verifyParsed, for a credential (statusList false) or a status list credential. */
async function verifyCredential(signed, w3c, at, outcome, statusList) {
  const context = signed['@context'];
  if ((statusList && 'credentialStatus' in signed)
    || !Array.isArray(context) || context[0] !== CREDENTIALS_V1 || !context.every((url) => typeof url === 'string')
    || hasEmbeddedContext(signed, 0)
    || namesBlankNode(signed)
    || !hasType(signed, 'VerifiableCredential')
    || !isObject(signed.proof)
    || typeof signed.issuer !== 'string') {
    reject('malformed');
  }
  const { issuer, proof } = signed;
  outcome.issuer = issuer;
  if (!idsAbsolute(signed)) reject('malformed');
  const method = proof.verificationMethod;
  if (proof.type !== PROOF_TYPE || proof.proofPurpose !== 'assertionMethod'
    || typeof method !== 'string' || typeof proof.proofValue !== 'string'
    || method.endsWith('#') || method.indexOf('#') < 1) {
    reject('malformed');
  }
  const signature = base58btc(proof.proofValue);
  if (!signature || signature.length !== 64) reject('malformed');
  const hash = method.indexOf('#');
  const controller = method.slice(0, hash);
  const kid = method.slice(hash + 1);
  const did = w3c?.did ?? {};
  const candidates = (Array.isArray(did.verificationMethod) ? did.verificationMethod : [])
    .filter((m) => typeof m?.id === 'string' && m.id.slice(m.id.indexOf('#') + 1) === kid);
  if (candidates.length === 0) reject('unknown-key');

  const { proof: _, ...credential } = signed;
  const { proofValue: __, ...options } = proof;
  const loader = documentLoader(w3c);
  const [proofHash, documentHash] = await Promise.all([
    sha256(await canonical({ '@context': context, ...options }, loader)),
    sha256(await canonical(credential, loader)),
  ]);
  const input = new Uint8Array(64);
  input.set(proofHash, 0);
  input.set(documentHash, 32);
  if (!statusList) outcome.subject = subjectOf(signed);
  let verifiedWith = null;
  for (const candidate of candidates) {
    const key = ed25519Key(candidate);
    if (key && await verifies(signature, input, key)) {
      verifiedWith = candidate;
      break;
    }
  }
  if (!verifiedWith) reject('bad-signature');
  if (controller !== issuer || issuer !== did.id || verifiedWith.controller !== did.id) reject('unknown-key');

  const issued = instant(signed.issuanceDate);
  if (issued > at.getTime() + CLOCK_SKEW_MS) reject('not-yet-valid');
  if (signed.expirationDate !== undefined && instant(signed.expirationDate) < at.getTime()) reject('expired');
}

/**
 * The status list entry: a set bit is `revoked`; a list not stored, or no entry (the hub alone then knows whether the
 * credential was withdrawn), leaves the credential valid, marked so.
 */
async function status(signed, w3c, at, outcome) {
  const entry = signed.credentialStatus;
  if (entry === undefined) {
    outcome.statusUnknown = true;
    return;
  }
  if (!isObject(entry) || entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') {
    reject('malformed');
  }
  const index = entry.statusListIndex;
  const url = entry.statusListCredential;
  if (typeof index !== 'string' || !/^[0-9]{1,9}$/.test(index) || !isAbsolute(url)) reject('malformed');
  const stored = w3c?.statusLists?.[url];
  if (typeof stored?.text !== 'string') {
    outcome.statusUnknown = true;
    return;
  }
  let list;
  try {
    list = JSON.parse(stored.text);
  } catch {
    reject('status-unavailable');
  }
  const subject = list?.credentialSubject;
  if (!isObject(list) || list.id !== url || !hasType(list, 'BitstringStatusListCredential')
    || !isObject(subject) || subject.statusPurpose !== 'revocation') {
    reject('status-unavailable');
  }
  const listOutcome = { subject: {} };
  try {
    await verifyCredential(list, w3c, at, listOutcome, true);
  } catch {
    reject('status-unavailable');
  }
  if (listOutcome.issuer !== outcome.issuer) reject('status-unavailable');
  if (await bitSet(subject.encodedList, Number(index))) reject('revoked');
}

/** Whether the bit is set in a multibase base64url GZIP bitstring (index 0: the first byte's high bit). */
export async function bitSet(encodedList, position) {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) reject('status-unavailable');
  let bytes;
  try {
    const base64 = encodedList.slice(1).replace(/-/g, '+').replace(/_/g, '/');
    bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    reject('status-unavailable');
  }
  const bits = (await inflate(bytes, 'gzip', 16 * LIST_BYTES)) ?? reject('status-unavailable');
  if (position >= bits.length * 8) reject('status-unavailable');
  return (bits[position >> 3] & (0x80 >>> (position & 7))) !== 0;
}
/** Serves the bundled contexts and the hub's stored vaccination context; refuses every other URL. */
function documentLoader(w3c) {
  return async (url) => {
    const document = BUNDLED.get(url) ?? (isHubContext(url, w3c?.did?.id) ? w3c?.context : undefined);
    if (!document) reject('malformed');
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** RDFC-1.0 N-Quads; a term no context defines fails (safe mode), as on the hub. */
async function canonical(document, documentLoader) {
  try {
    return await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true,
    });
  } catch (e) {
    if (e instanceof Rejection) throw e;
    return reject('malformed');
  }
}
/** The 32 bytes of an Ed25519VerificationKey2020 (multibase base58btc of 0xed 0x01 and the key), or null. */
function ed25519Key(method) {
  if (method.type !== 'Ed25519VerificationKey2020') return null;
  const bytes = base58btc(method.publicKeyMultibase);
  return bytes && bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01 ? bytes.subarray(2) : null;
}

async function verifies(signature, message, key) {
  try {
    return await verifyAsync(signature, message, key, { zip215: false });
  } catch {
    return false;
  }
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Multibase base58btc ('z' then Bitcoin's base58) as bytes, or null. */
function base58btc(text) {
  if (typeof text !== 'string' || !text.startsWith('z') || text.length > 200) return null;
  let value = 0n;
  for (const c of text.slice(1)) {
    const digit = ALPHABET.indexOf(c);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes = [];
  for (; value > 0n; value >>= 8n) bytes.unshift(Number(value & 0xffn));
  for (const c of text.slice(1)) {
    if (c !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** Java's Instant.parse: an ISO-8601 date and time in UTC or with an offset; anything else is malformed. */
function instant(text) {
  if (typeof text !== 'string'
    || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    reject('malformed');
  }
  const time = Date.parse(text);
  if (Number.isNaN(time)) reject('malformed');
  return time;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasType(object, type) {
  const types = object.type;
  return types === type || (Array.isArray(types) && types.includes(type));
}

/** An @context below the top level could redefine or drop terms: refused, as by the hub. */
function hasEmbeddedContext(value, depth) {
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((item) => hasEmbeddedContext(item, depth + 1));
  if (isObject(value)) {
    return Object.entries(value).some(([key, item]) => (depth > 0 && key === '@context')
      || hasEmbeddedContext(item, depth + 1));
  }
  return false;
}

function namesBlankNode(value) {
  if (typeof value === 'string') return value.startsWith('_:');
  if (Array.isArray(value)) return value.some(namesBlankNode);
  if (isObject(value)) return Object.entries(value).some(([key, item]) => key.startsWith('_:') || namesBlankNode(item));
  return false;
}

/** As the hub's Iris.isAbsolute: no spaces or characters an IRI forbids, and a scheme. */
function isAbsolute(value) {
  return typeof value === 'string' && !/[\u0000-\u0020<>"{}|\\^`]/.test(value)
    && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value);
}

function idsAbsolute(signed) {
  if (!isAbsolute(signed.issuer)) return false;
  const person = signed.credentialSubject;
  if (isObject(person) && 'id' in person && !isAbsolute(person.id)) return false;
  return !Array.isArray(signed.evidence)
    || signed.evidence.every((item) => !isObject(item) || !('id' in item) || isAbsolute(item.id));
}

function firstEvidence(signed) {
  const { evidence } = signed;
  if (Array.isArray(evidence)) return isObject(evidence[0]) ? evidence[0] : null;
  return isObject(evidence) ? evidence : null;
}

/** What the hub's verify answer shows of the holder and the dose. */
function subjectOf(signed) {
  const subject = {};
  const copy = (from, name, as = name) => {
    if (typeof from?.[name] === 'string') subject[as] = from[name];
  };
  const person = isObject(signed.credentialSubject) ? signed.credentialSubject : null;
  for (const name of ['name', 'dob', 'gender', 'age', 'nationality']) copy(person, name);
  const evidence = firstEvidence(signed);
  if (evidence) {
    for (const name of ['vaccine', 'prophylaxis', 'manufacturer', 'batch', 'date', 'effectiveUntil', 'certificateId']) {
      copy(evidence, name);
    }
    if (typeof evidence.dose === 'number') subject.dose = Math.trunc(evidence.dose);
    if (typeof evidence.totalDoses === 'number') subject.totalDoses = Math.trunc(evidence.totalDoses);
    if (isObject(evidence.facility)) copy(evidence.facility, 'name', 'facility');
  }
  return subject;
}
