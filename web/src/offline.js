// Verification in the browser, with the hub's public keys and revocation lists as cached by trust.js: EU DCC
// (HC1: → base45 → zlib → COSE_Sign1 → CWT, ES256 or PS256) and SMART Health Cards (shc:/ numeric, single or in
// chunks, or a compact JWS; raw DEFLATE payload; ES256; vc.rid against the key's revocation list). Answers the
// shape of POST /api/v1/verify ({valid, format, reason, issuer, subject}) so that the page shows either the same
// way. Needs only WebCrypto and DecompressionStream of the browser (Node 20 has both, for the unit tests).
import { decode as base45 } from '@digitalbazaar/base45';
import { Decoder, Tag } from 'cbor-x/decode';
import { concat, inflate, sha256 } from './bytes.js';
import { Rejection, reject } from './rejection.js';

/** Inputs and inflated payloads above this are refused as malformed (as the hub does). */
const MAX_BYTES = 1 << 20;
const HEALTH_CARD = 'https://smarthealth.cards#health-card';
const cbor = new Decoder({ mapsAsObjects: false, useRecords: false });

/** Which formats this file verifies: EU DCC and SMART Health Cards; the others need the hub. */
export function formatOf(text) {
  const qr = text.trim();
  if (qr.startsWith('HC1:')) return 'eu-dcc';
  if (qr.startsWith('shc:/') || /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(qr)) return 'shc';
  return null;
}

/**
 * Verifies one QR text, or several chunks of a SMART Health Card, with the cached trust material
 * ({dsc, jwks, crls, dccRevocations, w3c}) as of `at` (a Date). Never throws on bad input: anything unreadable is `malformed`.
 */
export async function verifyOffline(input, trust, at = new Date()) {
  const chunks = Array.isArray(input) ? input : null;
  const format = chunks ? 'shc' : formatOf(input);
  const outcome = { valid: false, format: format ?? 'unknown', reason: 'unknown-format', issuer: null, subject: {} };
  if (!format) return outcome;
  try {
    if ((chunks ? chunks.join('') : input).length > MAX_BYTES) reject('malformed');
    if (format === 'eu-dcc') await euDcc(input.trim(), trust, at, outcome);
    else await shc(chunks ? shcChunks(chunks) : input.trim(), trust, at, outcome);
    outcome.valid = true;
    delete outcome.reason;
  } catch (e) {
    outcome.reason = e instanceof Rejection ? e.reason : 'malformed';
  }
  return outcome;
}

// ---- EU DCC

async function euDcc(text, trust, at, outcome) {
  let bytes;
  try {
    bytes = base45(text.slice(4));
  } catch {
    reject('malformed');
  }
  if (bytes[0] === 0x78) bytes = (await inflate(bytes, 'deflate', MAX_BYTES)) ?? reject('malformed');
  let message = cbor.decode(bytes);
  while (message instanceof Tag) message = message.value; // tag 18, or 61 around 18, or none
  if (!Array.isArray(message) || message.length !== 4) reject('malformed');
  const [protectedBytes, unprotected, payloadBytes, signature] = message;
  if (![protectedBytes, payloadBytes, signature].every((b) => b instanceof Uint8Array)) reject('malformed');
  const headers = protectedBytes.length ? cbor.decode(protectedBytes) : new Map();
  if (!(headers instanceof Map) || !(unprotected instanceof Map)) reject('malformed');
  const claims = cbor.decode(payloadBytes);
  if (!(claims instanceof Map)) reject('malformed');
  const hcert = claims.get(-260);
  const dcc = hcert instanceof Map ? plain(hcert.get(1)) : null;
  if (!dcc || typeof dcc !== 'object') reject('malformed');
  for (const field of ['nam', 'dob', 'v', 't', 'r']) {
    if (dcc[field] !== undefined && dcc[field] !== null) outcome.subject[field] = dcc[field];
  }
  outcome.issuer = typeof claims.get(1) === 'string' ? claims.get(1) : null;

  const kid = headers.get(4) ?? unprotected.get(4);
  if (!(kid instanceof Uint8Array)) reject('unknown-key');
  const kidText = btoa(binary(kid));
  const candidates = (trust.dsc ?? []).filter((entry) => entry.kid === kidText);
  if (candidates.length === 0) reject('unknown-key');
  const algorithm = { [-7]: 'ES256', [-37]: 'PS256' }[headers.get(1) ?? unprotected.get(1)];
  if (!algorithm) reject('bad-signature');
  const toBeSigned = concat([
    [0x84, 0x6a], new TextEncoder().encode('Signature1'), bstr(protectedBytes), [0x40], bstr(payloadBytes),
  ]);
  let signer = null;
  for (const entry of candidates) {
    const der = fromBase64(entry.rawData);
    if (await coseVerifies(algorithm, subjectPublicKeyInfo(der), toBeSigned, signature)) {
      signer = der;
      break;
    }
  }
  if (!signer) reject('bad-signature');
  outcome.issuer = subjectName(signer) ?? outcome.issuer;

  const seconds = at.getTime() / 1000;
  const exp = claims.get(4);
  const iat = claims.get(6);
  if (typeof exp === 'number' && seconds > exp) reject('expired');
  if (typeof iat === 'number' && seconds < iat) reject('not-yet-valid');
  const types = ['v', 't', 'r'].filter((g) => Array.isArray(dcc[g]) && dcc[g].length > 0);
  if (types.length !== 1) reject('malformed');
  if (!maySign(signer, types[0])) reject('key-usage');
  const today = at.toISOString().slice(0, 10);
  for (const r of dcc.r ?? []) {
    if (typeof r.df !== 'string' || typeof r.du !== 'string') reject('malformed');
    if (r.df.slice(0, 10) > today) reject('not-yet-valid');
    if (r.du.slice(0, 10) < today) reject('expired');
  }
  for (const t of dcc.t ?? []) {
    const collected = Date.parse(t.sc);
    if (Number.isNaN(collected)) reject('malformed');
    if (collected > at.getTime()) reject('not-yet-valid');
  }
  for (const v of dcc.v ?? []) {
    if (typeof v.dt !== 'string') reject('malformed');
    if (v.dt.slice(0, 10) > today) reject('not-yet-valid');
  }
  const ci = dcc[types[0]][0]?.ci;
  const withdrawn = trust.dccRevocations?.hashes;
  if (!Array.isArray(withdrawn) || typeof ci !== 'string') outcome.statusUnknown = true;
  else if (withdrawn.includes(await uciHash(ci))) reject('revoked');
}

/** How the EU's revocation lists name a certificate: the first 128 bits of the SHA-256 of its UVCI, base64. */
async function uciHash(uvci) {
  return btoa(binary((await sha256(uvci)).slice(0, 16)));
}

async function coseVerifies(algorithm, spki, data, signature) {
  const [importAs, verifyAs] = algorithm === 'ES256'
    ? [{ name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }]
    : [{ name: 'RSA-PSS', hash: 'SHA-256' }, { name: 'RSA-PSS', saltLength: 32 }];
  try {
    const key = await crypto.subtle.importKey('spki', spki, importAs, false, ['verify']);
    return await crypto.subtle.verify(verifyAs, key, signature, data);
  } catch {
    return false; // a key of another type, or a malformed key or signature
  }
}

/** CBOR maps (decoded as Maps) as plain objects, for the DCC's JSON. */
function plain(value) {
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  }
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function bstr(bytes) {
  const n = bytes.length;
  const head = n < 24 ? [0x40 | n]
    : n < 0x100 ? [0x58, n]
      : n < 0x10000 ? [0x59, n >> 8, n & 0xff]
        : [0x5a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return concat([head, bytes]);
}

// ---- DER: just enough of X.509 to find the public key and the subject

/** The DER element at `offset`: {tag, start (of the content), end}. */
function element(der, offset) {
  if (offset + 2 > der.length) throw new Error('truncated DER');
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 4) throw new Error('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i];
    start += count;
  }
  if (start + length > der.length) throw new Error('truncated DER');
  return { tag, offset, start, end: start + length };
}

function children(der, parent) {
  const list = [];
  for (let at = parent.start; at < parent.end;) {
    const child = element(der, at);
    list.push(child);
    at = child.end;
  }
  return list;
}

/** tbsCertificate's fields without the optional [0] version: serial, signature, issuer, validity, subject, spki… */
function tbsFields(der) {
  const tbs = children(der, element(der, 0))[0];
  const fields = children(der, tbs);
  return fields[0].tag === 0xa0 ? fields.slice(1) : fields;
}

function subjectPublicKeyInfo(der) {
  try {
    const spki = tbsFields(der)[5];
    return der.slice(spki.offset, spki.end);
  } catch {
    return new Uint8Array();
  }
}

/** The EU DCC extended key usages of each certificate type (and their common misspelling with an extra 0). */
const KEY_USAGES = {
  t: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  v: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  r: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
};

/**
 * Whether the document signer may sign this type (v, t or r), as the hub decides: one whose extended key usage
 * names none of the EU DCC OIDs may sign every type; one that names some, only those.
 */
function maySign(der, type) {
  let usages;
  try {
    const extensions = tbsFields(der).slice(6).find((field) => field.tag === 0xa3);
    const list = extensions ? children(der, children(der, extensions)[0]) : [];
    const eku = list.map((extension) => children(der, extension))
      .find(([oid]) => oidText(der.subarray(oid.start, oid.end)) === '2.5.29.37');
    if (!eku) return true;
    const value = eku[eku.length - 1];
    usages = children(der, element(der, value.start)).map((oid) => oidText(der.subarray(oid.start, oid.end)));
  } catch {
    return false;
  }
  const all = Object.values(KEY_USAGES).flat();
  return !usages.some((oid) => all.includes(oid)) || usages.some((oid) => KEY_USAGES[type].includes(oid));
}

const ATTRIBUTES = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU',
  '2.5.4.9': 'STREET', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
};

/** The certificate's subject as RFC 2253 text (what the hub answers as a document signer's issuer), or null. */
function subjectName(der) {
  try {
    const rdns = children(der, tbsFields(der)[4]).map((set) => children(der, set).map((pair) => {
      const [oid, value] = children(der, pair);
      const id = oidText(der.subarray(oid.start, oid.end));
      const name = ATTRIBUTES[id];
      if (!name) {
        const hex = [...der.subarray(value.offset, value.end)].map((b) => b.toString(16).padStart(2, '0'));
        return `${id}=#${hex.join('')}`;
      }
      const text = new TextDecoder(value.tag === 0x1e ? 'utf-16be' : 'utf-8').decode(der.subarray(value.start, value.end));
      return `${name}=${escapeRdn(text)}`;
    }).join('+'));
    return rdns.reverse().join(',');
  } catch {
    return null;
  }
}

function oidText(bytes) {
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let value = 0;
  for (const b of bytes.subarray(1)) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

function escapeRdn(text) {
  return text
    .replace(/[,+"\\<>;]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

// ---- SMART Health Cards

/** The JWS of legacy chunks shc:/1/N/…, shc:/2/N/…, in any order. */
function shcChunks(chunks) {
  const parts = chunks.map((c) => /^shc:\/(\d+)\/(\d+)\/(\d+)$/.exec(c.trim()));
  if (parts.some((p) => !p)) reject('malformed');
  const total = Number(parts[0][2]);
  const ordered = parts.sort((a, b) => Number(a[1]) - Number(b[1]));
  if (ordered.length !== total || ordered.some((p, i) => Number(p[1]) !== i + 1 || Number(p[2]) !== total)) {
    reject('malformed');
  }
  return numeric(ordered.map((p) => p[3]).join(''));
}

function numeric(digits) {
  if (!/^\d*$/.test(digits) || digits.length % 2) reject('malformed');
  let text = '';
  for (let i = 0; i < digits.length; i += 2) {
    const code = Number(digits.slice(i, i + 2));
    if (code > 77) reject('malformed');
    text += String.fromCharCode(code + 45);
  }
  return text;
}

async function shc(text, trust, at, outcome) {
  let compact = text;
  if (text.startsWith('shc:/')) {
    if (!/^shc:\/\d+$/.test(text)) reject('malformed'); // a single chunk of several is not a card
    compact = numeric(text.slice(5));
  }
  const parts = compact.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) reject('malformed');
  const [header, payload, signature] = parts.map(fromBase64Url);
  const head = json(header);
  if (head?.alg !== 'ES256' || head?.zip !== 'DEF') reject('malformed');
  const card = json((await inflate(payload, 'deflate-raw', MAX_BYTES)) ?? reject('malformed'));
  const vc = card?.vc;
  const bundle = vc?.credentialSubject?.fhirBundle;
  if (typeof card?.iss !== 'string' || !bundle || typeof bundle !== 'object'
    || !Array.isArray(vc.type) || !vc.type.includes(HEALTH_CARD)) {
    reject('malformed');
  }
  outcome.issuer = card.iss;
  outcome.subject = shcSubject(bundle);

  const keys = (trust.jwks?.keys ?? []).filter((k) => typeof head.kid === 'string' && k.kid === head.kid);
  if (keys.length === 0) reject('unknown-key');
  const signed = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
  let verified = false;
  for (const jwk of keys) {
    try {
      const key = await crypto.subtle.importKey(
        'jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'],
      );
      if (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, signed)) {
        verified = true;
        break;
      }
    } catch {
      // not an EC P-256 key
    }
  }
  if (!verified) reject('bad-signature');
  const seconds = at.getTime() / 1000;
  if (card.nbf !== undefined && (typeof card.nbf !== 'number' || seconds < card.nbf)) {
    reject(typeof card.nbf === 'number' ? 'not-yet-valid' : 'malformed');
  }
  if (card.exp !== undefined && (typeof card.exp !== 'number' || seconds >= card.exp)) {
    reject(typeof card.exp === 'number' ? 'expired' : 'malformed');
  }
  if (typeof vc.rid === 'string' && revoked(trust.crls?.[head.kid], vc.rid, card.nbf)) reject('revoked');
}

/** Whether the key's revocation list names the card: `rid`, or `rid.timestamp` for cards issued before then. */
function revoked(crl, rid, nbf) {
  return (crl?.rids ?? []).some((entry) => {
    const [listed, timestamp] = String(entry).split('.');
    return listed === rid && (timestamp === undefined || typeof nbf !== 'number' || nbf < Number(timestamp));
  });
}

/** The patient's name and birth date and each Immunization, as the hub answers them. */
function shcSubject(bundle) {
  const subject = {};
  const immunizations = [];
  const put = (map, key, value) => {
    if (typeof value === 'string' && value.trim() !== '') map[key] = value;
  };
  for (const { resource = {} } of Array.isArray(bundle.entry) ? bundle.entry : []) {
    if (resource.resourceType === 'Patient') {
      const name = resource.name?.[0] ?? {};
      put(subject, 'name', name.text ?? ([...(name.given ?? []), name.family].filter(Boolean).join(' ') || null));
      put(subject, 'birthDate', resource.birthDate);
    } else if (resource.resourceType === 'Immunization') {
      const immunization = {};
      const coding = resource.vaccineCode?.coding?.[0] ?? {};
      put(immunization, 'vaccineSystem', coding.system);
      put(immunization, 'vaccineCode', coding.code);
      put(immunization, 'date', resource.occurrenceDateTime);
      put(immunization, 'lot', resource.lotNumber);
      put(immunization, 'performer', resource.performer?.[0]?.actor?.display);
      immunizations.push(immunization);
    }
  }
  subject.immunizations = immunizations;
  return subject;
}

// ---- bytes
function json(bytes) {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return reject('malformed');
  }
}

function binary(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Canonical base64url only (no stray bits), as the hub reads JWS parts. */
function fromBase64Url(text) {
  if (text.length % 4 === 1) reject('malformed');
  const bytes = fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const again = btoa(binary(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (again !== text) reject('malformed');
  return bytes;
}
