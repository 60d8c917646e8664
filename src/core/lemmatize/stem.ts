/**
 * A light Persian stemmer for search: strips plural, comparative and clitic suffixes when that is safe, and
 * otherwise leaves the word alone. Pure rules and a tiny exception list; no data. It never touches a glued ی
 * (علی, ایرانی) and strips a glued ان only from long words (درختان → درخت, but ایران stays).
 *
 *   کتاب‌هایشان → کتاب   کتابها → کتاب   درختان → درخت   دانشجویان → دانشجو   نویسندگان → نویسنده   بزرگ‌ترین → بزرگ
 */
import { textArgument } from '../errors.js';

const Z = '\u200c';

/** suffix pieces written after a ZWNJ */
const PIECES = new Set([
  'ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان',
  'ای', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند', 'مان', 'تان', 'شان', 'ی', 'یی',
  'تر', 'ترین', 'تری', 'ترینی',
]);

/** glued plural endings (longest first); the stem left must have at least 3 letters */
const GLUED_PLURAL = ['هایشان', 'هایمان', 'هایتان', 'هایش', 'هایم', 'هایت', 'هایی', 'های', 'ها'];

/** words that look inflected but are not */
const KEEP = new Set([
  'تنها', 'ایران', 'تهران', 'خیابان', 'کاروان', 'باران', 'آسمان', 'انسان', 'مهمان', 'ارزان', 'جوان', 'زمان', 'میدان',
  'دندان', 'زندان', 'پایان', 'جریان', 'کرمان', 'آلمان', 'ژاپن', 'لبنان', 'یونان', 'سودان', 'عمان', 'گیلان', 'زنجان',
  'کاشان', 'اصفهان', 'خراسان', 'همدان', 'سمنان', 'لرستان', 'آبادان', 'گرگان', 'آبان', 'سلطان', 'درمان', 'سازمان', 'ساختمان',
  'پیمان', 'فرمان', 'گمان', 'بیان', 'میان', 'جهان', 'نشان', 'ایشان', 'پریشان', 'قرآن', 'ایمان', 'امکان', 'مکان', 'زبان',
  'نردبان', 'دیوان', 'ایوان', 'بیابان', 'بوستان', 'داستان', 'دبستان', 'دبیرستان', 'بیمارستان', 'استان', 'گلستان', 'تابستان',
  'زمستان', 'پاکستان', 'افغانستان', 'ترکمنستان', 'کودکستان', 'شهرستان', 'عربستان', 'انگلستان', 'مجارستان', 'نیستان',
  'پهلوان', 'روان', 'فراوان', 'توان', 'ناتوان', 'رایگان', 'بازرگان', 'گروگان', 'کیهان', 'جاویدان', 'خاندان', 'گلدان',
  'نمکدان', 'قلمدان', 'زندان', 'شادمان', 'قهرمان', 'کارخانه', 'مسلمان', 'ریسمان', 'دودمان', 'آرمان', 'سامان', 'رمان',
]);

function normalizeWord(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x064a || c === 0x0649) out += 'ی';
    else if (c === 0x0643) out += 'ک';
    else if (c === 0x0640 || (c >= 0x064b && c <= 0x0652)) continue;
    else out += w[i];
  }
  let a = 0;
  let b = out.length;
  while (a < b && out[a] === Z) a++;
  while (b > a && out[b - 1] === Z) b--;
  return out.slice(a, b);
}

const letters = (s: string): number => s.length - (s.split(Z).length - 1);

export function stem(word: string): string {
  let w = normalizeWord(textArgument(word, 'stem'));
  if (w.length < 3 || KEEP.has(w)) return w;
  if (w.endsWith('\u0654')) w = w.slice(0, -1); // ezafe hamza: خانهٔ → خانه
  // 1. suffix pieces after a ZWNJ: کتاب‌هایشان, بزرگ‌ترین, خانه‌ای
  for (let k = 0; k < 3; k++) {
    const z = w.lastIndexOf(Z);
    if (z <= 0 || !PIECES.has(w.slice(z + 1))) break;
    const rest = w.slice(0, z);
    if (letters(rest) < 2) break;
    w = rest;
  }
  if (KEEP.has(w)) return w;
  // 2. glued plural ها family: کتابها, کتابهایشان
  for (const suf of GLUED_PLURAL) {
    if (w.endsWith(suf) && letters(w) - suf.length >= 3 && w[w.length - suf.length - 1] !== Z) {
      return w.slice(0, -suf.length);
    }
  }
  // 3. glued superlative: بزرگترین
  if (w.endsWith('ترین') && letters(w) >= 7) return w.slice(0, -4);
  // 3b. the ezafe or indefinite ی after a final ا (دنیای, آقای, صدای → دنیا, آقا, صدا): a word of four letters or more
  // (چای, رای, نای, پای stay)
  if (w.length >= 4 && w.endsWith('ای') && !KEEP.has(w)) return w.slice(0, -1);
  // 4. glued ان plural, only on long words and never on the common endings of simple words
  if (w.endsWith('ان') && !KEEP.has(w)) {
    if (w.endsWith('ندگان') && w.length >= 7) return w.slice(0, -3) + 'ه'; // نویسندگان → نویسنده
    if (w.endsWith('دگان') && w.length >= 7) return w.slice(0, -3) + 'ه'; // آزادگان → آزاده
    const before = w[w.length - 3];
    if (w.endsWith('یان') && (w[w.length - 4] === 'و' || w[w.length - 4] === 'ا') && w.length >= 6) return w.slice(0, -3); // دانشجویان
    if (w.length >= 6 && before !== 'و' && before !== 'ی' && before !== 'ا' && !w.endsWith('ستان') && !w.endsWith('بان') && !w.endsWith('گان')) {
      return w.slice(0, -2);
    }
  }
  return w;
}
