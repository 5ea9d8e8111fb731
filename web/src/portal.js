// The citizen portal: a contact → a one-time code (POST /api/v1/citizen/otp) → a session
// (POST /api/v1/citizen/session) → the certificates (GET /api/v1/citizen/certificates), each with its downloads, a
// share link and a correction request (POST /api/v1/citizen/certificates/{id}/correction-requests).
import { getWithToken, postJson } from './api.js';
import { language, setUpLanguages, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
let contact = '';
let token = null;
let certificates = [];

let said = null;

/** The status line (an aria-live region); said again in the new language when the language changes. */
function say(key, values) {
  said = key ? { key, values } : null;
  $('status').textContent = key ? t(key, values) : '';
}

function show(step) {
  for (const id of ['contact-step', 'code-step', 'certificates-step']) $(id).hidden = id !== step;
}

$('contact-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  contact = $('contact').value.trim();
  const answer = await postJson('/api/v1/citizen/otp', { contact }).catch(() => ({ status: 0 }));
  if (answer.status === 202) {
    show('code-step');
    say('portal.code.sent');
    $('code').focus();
  } else {
    say(answer.status === 429 ? 'error.throttled' : 'error.generic');
  }
});

$('restart').addEventListener('click', () => {
  show('contact-step');
  say('');
  $('contact').focus();
});

$('code-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await postJson('/api/v1/citizen/session', { contact, code: $('code').value.trim() })
    .catch(() => ({ status: 0 }));
  if (answer.status !== 200) {
    say(answer.status === 401 ? 'portal.code.wrong' : answer.status === 429 ? 'error.throttled' : 'error.generic');
    $('code').focus();
    return;
  }
  token = answer.body.token;
  const listed = await getWithToken('/api/v1/citizen/certificates', token);
  certificates = listed.ok ? (await listed.json()).certificates : [];
  show('certificates-step');
  render();
  say('portal.certificates.count', { count: certificates.length });
  $('certificates-title').focus();
});

function button(key, onClick, secondary = false) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = t(key);
  if (secondary) element.className = 'secondary';
  element.addEventListener('click', onClick);
  return element;
}

async function download(path, fileName) {
  const response = await getWithToken(path, token).catch(() => null);
  if (!response || !response.ok) {
    say('error.download');
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say('portal.downloaded', { file: fileName });
}

async function copyShareLink(certificate) {
  const link = new URL(certificate.links.share, location.origin).href;
  try {
    await navigator.clipboard.writeText(link);
    say('portal.share.copied');
  } catch {
    // no clipboard (an insecure origin, or refused): show the link to copy by hand
    say('portal.share.shown', { link });
  }
}

function correctionForm(certificate, card) {
  const form = document.createElement('form');
  const id = `correction-${certificate.id}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = t('portal.correction.label');
  const text = document.createElement('textarea');
  text.id = id;
  text.maxLength = 2000;
  text.required = true;
  const send = document.createElement('button');
  send.type = 'submit';
  send.textContent = t('portal.correction.send');
  form.append(label, text, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await postJson(
      `/api/v1/citizen/certificates/${encodeURIComponent(certificate.id)}/correction-requests`,
      { text: text.value.trim() },
      token,
    ).catch(() => ({ status: 0 }));
    if (answer.status === 201) {
      form.remove();
      say('portal.correction.sent');
      card.querySelector('h3').focus();
    } else {
      say('error.generic');
    }
  });
  return form;
}

function field(list, key, value) {
  const term = document.createElement('dt');
  term.textContent = t(key);
  const description = document.createElement('dd');
  description.textContent = value;
  list.append(term, description);
}

function render() {
  const list = $('certificates');
  list.replaceChildren();
  if (certificates.length === 0) {
    const none = document.createElement('p');
    none.textContent = t('portal.certificates.none');
    list.append(none);
  }
  for (const certificate of certificates) {
    const card = document.createElement('article');
    card.className = 'card';
    const title = document.createElement('h3');
    title.tabIndex = -1;
    title.textContent = t('portal.card.title', { dose: certificate.dose ?? '?', programme: certificate.programmeId ?? '' });
    const badge = document.createElement('span');
    badge.className = `badge ${certificate.status}`;
    badge.textContent = t(`status.${certificate.status}`);
    const details = document.createElement('dl');
    field(details, 'portal.card.date', certificate.date ?? '');
    field(details, 'portal.card.version', String(certificate.version));
    field(details, 'portal.card.id', certificate.id);
    card.append(title, badge, details);
    if (certificate.previousCertificateId) {
      const note = document.createElement('p');
      note.className = 'hint';
      note.textContent = t('portal.card.supersedes', { id: certificate.previousCertificateId });
      card.append(note);
    }
    const actions = document.createElement('div');
    actions.append(
      button('portal.download.pdf', () =>
        download(`${certificate.links.pdf}?lang=${language()}`, `certificate-${certificate.id}.pdf`)),
      button('portal.download.qr', () => download(certificate.links.qr, `certificate-${certificate.id}.png`), true),
    );
    if (certificate.links.smartHealthCard) {
      actions.append(button('portal.download.shc', () =>
        download(certificate.links.smartHealthCard, `certificate-${certificate.id}.smart-health-card`), true));
    }
    actions.append(
      button('portal.share', () => copyShareLink(certificate), true),
      button('portal.correction', (event) => {
        event.target.remove();
        const form = correctionForm(certificate, card);
        card.append(form);
        form.querySelector('textarea').focus();
      }, true),
    );
    card.append(actions);
    list.append(card);
  }
}

setUpLanguages(() => {
  if (token) render();
  if (said) say(said.key, said.values);
});
