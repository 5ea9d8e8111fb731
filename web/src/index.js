import { setUpLanguages } from './i18n.js';

setUpLanguages();
