// The verifier page: a QR code from the camera (getUserMedia frames decoded by jsQR), from an image file, or pasted
// as text, verified by the hub (POST /api/v1/verify); the verdict, its reason and the holder's details are shown
// for comparison with an ID document. When the hub cannot be reached (no network, or a 5xx), EU DCC, SMART Health
// Cards (offline.js) and the hub's own W3C credentials, as JSON or DIVOC's zip (w3c.js), are verified here, in the
// browser, with the keys, contexts and revocation lists trust.js keeps in localStorage; the page refreshes those
// whenever it is online and says how old they are, and stores the status list of each W3C credential it sees.
import jsQR from 'jsqr';
import { setUpLanguages, t } from './i18n.js';
import { formatOf, verifyOffline } from './offline.js';
import { addStatusList, age, cached, refresh } from './trust.js';
import { isW3c, statusListOf, verifyW3c } from './w3c.js';
import { unzipCertificate } from './zip.js';

const $ = (id) => document.getElementById(id);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CHUNK = /^shc:\/(\d+)\/(\d+)\/\d+$/;
let chunks = new Map();
let last = null;
let stream = null;

let said = null;
let trust = cached();
const REFRESH_MS = 10 * 60 * 1000;

/** The line under the title: how old the stored keys and revocation lists are. */
function showTrust() {
  const { key, values } = age(trust);
  $('trust').textContent = t(key, values);
}

/** Fetches the keys and revocation lists again (when online); on failure the stored ones stay. */
async function refreshTrust() {
  if (navigator.onLine === false) return;
  const fresh = await refresh();
  if (fresh) {
    trust = fresh;
    $('trust').dataset.refreshed = String(fresh.fetchedAt);
  }
  showTrust();
}

/** The status line (an aria-live region); said again in the new language when the language changes. */
function say(key, values) {
  said = key ? { key, values } : null;
  $('status').textContent = key ? t(key, values) : '';
}

/** One decoded QR code: DIVOC's zipped bytes, a part of a chunked SMART Health Card, or any text. */
async function handleCode(text, bytes) {
  if (bytes && ZIP.every((b, i) => bytes[i] === b)) {
    return verify({ zip: new Uint8Array(bytes) });
  }
  const chunk = CHUNK.exec(text.trim());
  if (chunk) {
    const [, index, total] = chunk.map(Number);
    if (chunks.size > 0 && [...chunks.values()][0].total !== total) chunks = new Map();
    chunks.set(index, { total, text: text.trim() });
    if (chunks.size < total) {
      say('verify.chunk', { count: chunks.size, total });
      return false;
    }
    const ordered = [...chunks.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c.text);
    chunks = new Map();
    return verify({ chunks: ordered });
  }
  return verify({ text: text.trim() });
}

/**
 * Verifies what was read ({text}, {chunks} of a SMART Health Card, or DIVOC's {zip} bytes): by the hub, whose
 * answer is authoritative (it also knows other issuers' keys and contexts, and DIVOC's credentials);
 * here in the browser when the hub cannot be reached.
 */
async function verify(input) {
  say('verify.checking');
  let response = null;
  if (navigator.onLine !== false) {
    const [type, body] = input.zip ? ['application/octet-stream', input.zip]
      : input.chunks ? ['application/json', JSON.stringify({ qr: input.chunks })]
        : ['text/plain', input.text];
    try {
      response = await fetch('/api/v1/verify', { method: 'POST', headers: { 'Content-Type': type }, body });
    } catch {
      response = null; // no network
    }
  }
  if (response?.status === 429) {
    say('error.throttled');
    return true;
  }
  if (response && response.status < 500) {
    last = response.ok ? await response.json() : { valid: false, reason: 'malformed', subject: {} };
    render();
    if (last.format === 'w3c-vc') keepStatusList(input).catch(() => {});
    return true;
  }
  return verifyHere(input);
}

/** The W3C credential's text, from the pasted JSON or DIVOC's zip, or null. */
async function w3cText(input) {
  if (input.zip) return unzipCertificate(input.zip);
  return input.text && isW3c(input.text) ? input.text : null;
}

/** Stores the status list a W3C credential names the first time the page sees it, to check it without the hub. */
async function keepStatusList(input) {
  const url = statusListOf((await w3cText(input)) ?? '');
  if (!url || cached()?.w3c?.statusLists?.[url]) return;
  const fresh = await addStatusList(url);
  if (fresh) {
    trust = fresh;
    $('trust').dataset.statusLists = String(Object.keys(fresh.w3c.statusLists).length);
  }
}

/**
 * Verifies an EU DCC, a SMART Health Card or one of the hub's W3C credentials in the browser with the stored keys;
 * the other formats need the hub.
 */
async function verifyHere(input) {
  trust = cached() ?? trust;
  showTrust();
  const w3c = await w3cText(input);
  if (!w3c && (input.zip || !(input.chunks || formatOf(input.text)))) {
    hideResult();
    say('verify.offline.needsConnection');
    return true;
  }
  if (!trust) {
    hideResult();
    say('verify.offline.noTrust');
    return true;
  }
  last = w3c ? await verifyW3c(w3c, trust.w3c) : await verifyOffline(input.chunks ?? input.text, trust);
  if (!last) {
    hideResult();
    say('verify.offline.needsConnection');
    return true;
  }
  last.offline = true;
  render();
  return true;
}

function hideResult() {
  last = null;
  $('result').hidden = true;
  delete $('result').dataset.verdict;
}

/** The holder and doses of any format's subject (w3c-vc and divoc, eu-dcc, shc), in one shape. */
function holder(subject = {}) {
  if (subject.nam) {
    const dcc = subject.nam;
    return {
      name: [dcc.gn, dcc.fn].filter(Boolean).join(' ') || [dcc.gnt, dcc.fnt].filter(Boolean).join(' '),
      birthDate: subject.dob,
      doses: (subject.v ?? []).map((v) => ({ vaccine: v.mp, date: v.dt, dose: v.dn, of: v.sd })),
    };
  }
  if (subject.immunizations) {
    return {
      name: subject.name,
      birthDate: subject.birthDate,
      doses: subject.immunizations.map((i) => ({ vaccine: i.vaccineCode, date: i.date })),
    };
  }
  return {
    name: subject.name,
    birthDate: subject.dob,
    doses: subject.vaccine || subject.date
      ? [{ vaccine: subject.vaccine, date: subject.date, dose: subject.dose, of: subject.totalDoses }]
      : [],
  };
}

function render() {
  if (!last) return;
  const verdict = last.valid ? 'valid' : last.reason === 'revoked' ? 'revoked' : 'invalid';
  const result = $('result');
  result.className = `result ${verdict}`;
  result.dataset.verdict = verdict;
  result.hidden = false;
  $('verdict').textContent = t(`verify.verdict.${verdict}`);
  $('reason').textContent = last.valid
    ? t('verify.reason.valid')
    : t(`verify.reason.${last.reason}`) === `verify.reason.${last.reason}`
      ? t('verify.reason.other', { code: last.reason ?? '' })
      : t(`verify.reason.${last.reason}`);
  const note = $('offline-note');
  note.hidden = !last.offline;
  note.textContent = last.offline
    ? [t('verify.offline.checked'), last.valid && last.statusUnknown
      ? t('verify.offline.noRevocation') : '']
      .filter(Boolean).join(' ')
    : '';
  const details = $('details');
  details.replaceChildren();
  const person = holder(last.subject);
  const add = (key, value) => {
    if (value === undefined || value === null || value === '') return;
    const term = document.createElement('dt');
    term.textContent = t(key);
    const description = document.createElement('dd');
    description.textContent = value;
    details.append(term, description);
  };
  add('verify.field.name', person.name);
  add('verify.field.birthDate', person.birthDate);
  person.doses.forEach((d, i) => add(
    'verify.field.dose',
    [d.dose ? t('verify.dose.number', { dose: d.dose, of: d.of ?? '?' }) : `#${i + 1}`, d.date?.replace(/T00:00:00(\.0+)?Z$/, ''), d.vaccine]
      .filter(Boolean).join(' · '),
  ));
  add('verify.field.format', last.format);
  add('verify.field.issuer', last.issuer);
  say('');
  result.focus();
}

// the camera: frames drawn onto a canvas and decoded until a code is read
async function startCamera() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch {
    say('verify.camera.refused');
    return;
  }
  const video = $('camera');
  video.srcObject = stream;
  video.hidden = false;
  $('camera-start').hidden = true;
  $('camera-stop').hidden = false;
  await video.play();
  say('verify.camera.looking');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const scan = async () => {
    if (!stream) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const code = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, {
        inversionAttempts: 'dontInvert',
      });
      if (code && (await handleCode(code.data, code.binaryData))) {
        stopCamera();
        return;
      }
    }
    requestAnimationFrame(scan);
  };
  requestAnimationFrame(scan);
}

function stopCamera() {
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
  $('camera').hidden = true;
  $('camera-start').hidden = false;
  $('camera-stop').hidden = true;
}

$('camera-start').addEventListener('click', startCamera);
$('camera-stop').addEventListener('click', () => {
  stopCamera();
  say('');
});

$('image').addEventListener('change', async () => {
  const file = $('image').files[0];
  if (!file) return;
  let image;
  try {
    image = await createImageBitmap(file);
  } catch {
    say('verify.image.unreadable');
    return;
  }
  const scale = Math.min(1, 1600 / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const code = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
  if (!code) {
    say('verify.image.none');
    return;
  }
  await handleCode(code.data, code.binaryData);
});

$('paste-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const lines = $('text').value.split(/\s*\n\s*/).filter(Boolean);
  if (lines.length === 0) {
    say('verify.paste.empty');
    return;
  }
  if (lines.length > 1 && lines.every((line) => CHUNK.test(line))) {
    chunks = new Map();
    await verify({ chunks: lines });
  } else {
    await handleCode($('text').value, null);
  }
});

setUpLanguages(() => {
  render();
  showTrust();
  if (said) say(said.key, said.values);
}).finally(() => {
  showTrust();
  refreshTrust();
});
setInterval(showTrust, 30 * 1000);
setInterval(refreshTrust, REFRESH_MS);
window.addEventListener('online', refreshTrust);
