// Builds the pages into the folder the routes jar packs as static/assets/ (served at /assets/, the pages at /,
// /portal and /verify): the three scripts bundled and minified by esbuild, the HTML, the style sheet and the
// message files copied, and i18n/languages.json listing every message file so that a language is added by adding
// one file to src/i18n/.
// Usage: node build.mjs [output folder] (default ../routes/target/web/static/assets)
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? '../routes/target/web/static/assets';
mkdirSync(join(out, 'i18n'), { recursive: true });

await build({
  entryPoints: ['src/index.js', 'src/portal.js', 'src/verify.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: out,
  legalComments: 'linked',
  logLevel: 'warning',
});

for (const file of readdirSync('src').filter((f) => f.endsWith('.html') || f.endsWith('.css'))) {
  cpSync(join('src', file), join(out, file));
}
const languages = [];
for (const file of readdirSync('src/i18n').filter((f) => f.endsWith('.json')).sort()) {
  const messages = JSON.parse(readFileSync(join('src/i18n', file), 'utf8'));
  languages.push({ code: file.replace(/\.json$/, ''), name: messages['language.name'] });
  cpSync(join('src/i18n', file), join(out, 'i18n', file));
}
writeFileSync(join(out, 'i18n', 'languages.json'), JSON.stringify(languages));
