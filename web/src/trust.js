// The hub's public keys and revocation lists, kept in localStorage with the time they were fetched, for the
// verifier to check EU DCC and SMART Health Cards without a connection: the EU DCC document signers
// (/.well-known/dsc.json), the SMART Health Card keys (/.well-known/jwks.json) and each key's card revocation
// list (/.well-known/crl/{kid}.json). The hub publishes no revocation list for EU DCC, so those are checked
// offline without one. A refresh stores all of them or, if any fails, keeps what was stored.
const STORE = 'certhub.trust';

/** The stored trust material {fetchedAt (ms), dsc, jwks, crls: {kid: list}}, or null. */
export function cached() {
  try {
    const trust = JSON.parse(localStorage.getItem(STORE));
    return trust && typeof trust.fetchedAt === 'number' ? trust : null;
  } catch {
    return null;
  }
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** Fetches everything again; answers the new trust material, or null (the stored one is kept) on any failure. */
export async function refresh() {
  try {
    const [dsc, jwks] = await Promise.all([getJson('/.well-known/dsc.json'), getJson('/.well-known/jwks.json')]);
    const kids = (jwks.keys ?? []).map((key) => key.kid).filter((kid) => typeof kid === 'string');
    const lists = await Promise.all(kids.map((kid) => getJson(`/.well-known/crl/${encodeURIComponent(kid)}.json`)));
    const trust = { fetchedAt: Date.now(), dsc, jwks, crls: Object.fromEntries(kids.map((kid, i) => [kid, lists[i]])) };
    localStorage.setItem(STORE, JSON.stringify(trust));
    return trust;
  } catch {
    return null;
  }
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
