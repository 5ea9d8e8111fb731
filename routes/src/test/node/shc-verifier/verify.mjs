// Verifies the SMART Health Cards of a .smart-health-card file the way a SMART wallet or verifier app does, with
// PathCheck's shc-sdk (not certhub's code): numeric QR packing, signature with the key the issuer publishes at
// <iss>/.well-known/jwks.json, and the card revocation list <iss>/.well-known/crl/<kid>.json of the spec's
// revocation section. Usage: node verify.mjs <file.smart-health-card>; prints one JSON report on stdout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// shc-sdk reports failures with console.log: keep stdout for the report alone
console.log = (...args) => console.error(...args);

const require = createRequire(import.meta.url);
const shc = require('@pathcheck/shc-sdk');

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return { body: await response.json(), cors: response.headers.get('access-control-allow-origin') };
}

async function check(jws) {
  const qr = await shc.pack(jws);
  const { header, body } = await shc.debug(qr);
  const jwks = await getJson(`${body.iss}/.well-known/jwks.json`);
  const verified = await shc.unpackAndVerify(qr, { [body.iss]: jwks.body });
  const key = jwks.body.keys.find((k) => k.kid === header.kid);
  const report = {
    verified: verified !== undefined && verified.credential.iss === body.iss,
    qr,
    header,
    types: body.vc.type,
    rid: body.vc.rid,
    immunizations: body.vc.credentialSubject.fhirBundle.entry
      .filter((e) => e.resource.resourceType === 'Immunization').length,
    jwksCors: jwks.cors,
    jwksKeyTypes: jwks.body.keys.map((k) => `${k.kty}/${k.crv}/${k.alg}/${k.use}`),
    crlVersion: key ? key.crlVersion : undefined,
  };
  if (key && key.crlVersion !== undefined) {
    const crl = await getJson(`${body.iss}/.well-known/crl/${header.kid}.json`);
    report.crlCors = crl.cors;
    report.crlMatchesVersion = crl.body.kid === header.kid && crl.body.method === 'rid' && crl.body.ctr === key.crlVersion;
    report.revoked = crl.body.rids.some((entry) => {
      const [rid, timestamp] = entry.split('.');
      return rid === body.vc.rid && (timestamp === undefined || body.nbf < Number(timestamp));
    });
  }
  return report;
}

const file = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const reports = [];
for (const jws of file.verifiableCredential) {
  reports.push(await check(jws));
}
process.stdout.write(JSON.stringify({ cards: reports }));
