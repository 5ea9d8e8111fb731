// The hub's public keys and revocation lists, kept in localStorage with the time they were fetched, for the
// verifier to check EU DCC and SMART Health Cards without a connection: the EU DCC document signers
// (/.well-known/dsc.json), the SMART Health Card keys (/.well-known/jwks.json) and each key's card revocation
// list (/.well-known/crl/{kid}.json), and the UCI hashes of the withdrawn EU DCCs (/.well-known/crl/eu-dcc.json). For the hub's W3C credentials: its did:web document (/.well-known/did.json), its vaccination
// context (/credentials/vaccination/v1) and the Bitstring Status List credentials (/credentials/status/<n>) the
// credentials seen here named. A refresh stores all of them or, if any fails, keeps what was stored; a status list
// that cannot be fetched again keeps its stored copy.
import { hubStatusListPath } from './w3c.js';

const STORE = 'certhub.trust';

/**
 * The stored trust material {fetchedAt (ms), dsc, jwks, crls: {kid: list}, dccRevocations: {hashes}, w3c: {did, context, statusLists:
 * {url: {fetchedAt, text}}}}, or null.
 */
export function cached() {
  try {
    const trust = JSON.parse(localStorage.getItem(STORE));
    return trust && typeof trust.fetchedAt === 'number' ? trust : null;
  } catch {
    return null;
  }
}

async function get(path) {
  const response = await fetch(path, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

async function getJson(path) {
  return (await get(path)).json();
}

/** The status lists under their URLs, fetched again from the hub; one that fails keeps its stored copy. */
async function statusLists(did, urls, stored = {}) {
  const lists = { ...stored };
  await Promise.all(urls.map(async (url) => {
    const path = hubStatusListPath(url, did.id);
    if (!path) return;
    try {
      lists[url] = { fetchedAt: Date.now(), text: await (await get(path)).text() };
    } catch {
      // kept as it was
    }
  }));
  return lists;
}

/** Fetches everything again; answers the new trust material, or null (the stored one is kept) on any failure. */
export async function refresh() {
  try {
    const [dsc, jwks, did, context, dccRevocations] = await Promise.all([
      getJson('/.well-known/dsc.json'), getJson('/.well-known/jwks.json'), getJson('/.well-known/did.json'),
      getJson('/credentials/vaccination/v1'), getJson('/.well-known/crl/eu-dcc.json'),
    ]);
    const kids = (jwks.keys ?? []).map((key) => key.kid).filter((kid) => typeof kid === 'string');
    const lists = await Promise.all(kids.map((kid) => getJson(`/.well-known/crl/${encodeURIComponent(kid)}.json`)));
    const known = cached()?.w3c?.statusLists ?? {};
    const w3c = { did, context, statusLists: await statusLists(did, Object.keys(known), known) };
    const trust = {
      fetchedAt: Date.now(), dsc, jwks, crls: Object.fromEntries(kids.map((kid, i) => [kid, lists[i]])),
      dccRevocations, w3c,
    };
    localStorage.setItem(STORE, JSON.stringify(trust));
    return trust;
  } catch {
    return null;
  }
}

/**
 * Fetches and stores the hub's status list at `url` (a credential seen online named it); answers the trust material
 * with it, or null when there is no stored material, the URL is none of the hub's lists or the fetch fails.
 */
export async function addStatusList(url) {
  const trust = cached();
  const did = trust?.w3c?.did;
  if (!did || !hubStatusListPath(url, did.id)) return null;
  const lists = await statusLists(did, [url]);
  if (!lists[url]) return null;
  const now = cached() ?? trust;
  if (!now.w3c) return null;
  now.w3c.statusLists = { ...now.w3c.statusLists, ...lists };
  try {
    localStorage.setItem(STORE, JSON.stringify(now));
  } catch {
    return null;
  }
  return now;
}

/** How old the stored material is, as a message key and its values, for t(). */
export function age(trust, now = Date.now()) {
  if (!trust) return { key: 'verify.trust.none' };
  const minutes = Math.max(0, Math.floor((now - trust.fetchedAt) / 60000));
  if (minutes < 1) return { key: 'verify.trust.now' };
  if (minutes < 2) return { key: 'verify.trust.minute' };
  if (minutes < 120) return { key: 'verify.trust.minutes', values: { count: minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: 'verify.trust.hours', values: { count: hours } };
  return { key: 'verify.trust.days', values: { count: Math.floor(hours / 24) } };
}
