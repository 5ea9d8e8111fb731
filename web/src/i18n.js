// The pages' own words, in the browser's language (or the one picked in the switch, remembered in localStorage):
// one JSON file per language under /assets/i18n/, listed in /assets/i18n/languages.json by the build.
const STORE = 'certhub.lang';
let messages = {};
let fallback = {};
let current = 'en';

/** The message of `key` with `{name}` placeholders filled from `values`; English when the language lacks it. */
export function t(key, values = {}) {
  const text = messages[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

export function language() {
  return current;
}

async function load(code) {
  const response = await fetch(`/assets/i18n/${code}.json`);
  return response.json();
}

function pick(available) {
  const codes = available.map((l) => l.code);
  const stored = localStorage.getItem(STORE);
  if (stored && codes.includes(stored)) return stored;
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const base = wanted.toLowerCase().split('-')[0];
    if (codes.includes(base)) return base;
  }
  return 'en';
}

/** Fills every [data-i18n] element's text and every [data-i18n-attr="attr:key"] attribute. */
function apply() {
  document.documentElement.lang = current;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(',')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key));
    }
  }
}

/**
 * Loads the messages, translates the page, and wires the language switch (a <select id="language">);
 * `onChange` re-renders what the page drew itself.
 */
export async function setUpLanguages(onChange = () => {}) {
  const available = await (await fetch('/assets/i18n/languages.json')).json();
  fallback = await load('en');
  current = pick(available);
  messages = current === 'en' ? fallback : await load(current);
  const select = document.getElementById('language');
  for (const { code, name } of available) {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = name;
    select.append(option);
  }
  select.value = current;
  select.addEventListener('change', async () => {
    current = select.value;
    localStorage.setItem(STORE, current);
    messages = current === 'en' ? fallback : await load(current);
    apply();
    onChange();
  });
  apply();
}
