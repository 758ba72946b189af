/** Whether `c - 48` is not a digit's value: the character code was not 0–9. */
const notDigit = (value: number) => value >>> 0 > 9;

/** The days of `month` (1–12) in a year that is not a leap year, but February: 31 or 30. */
const longMonth = (month: number) => 30 + ((month + (month >> 3)) & 1);

/**
 * RFC 3339 `date-time` by character codes, as strict as the shipped regular expression (generator/date-time.ts):
 * real calendar dates, `T` and `Z` in either case, a fraction of any length, and `Z` or a numeric offset. Written
 * to measure against the regex; the validators use the regex, which this does not beat inside them.
 */
export function isDateTimeByCodes(s: string): boolean {
  const n = s.length;
  if (n < 20) return false;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  const h0 = s.charCodeAt(11) - 48;
  const h1 = s.charCodeAt(12) - 48;
  const i0 = s.charCodeAt(14) - 48;
  const i1 = s.charCodeAt(15) - 48;
  const s0 = s.charCodeAt(17) - 48;
  const s1 = s.charCodeAt(18) - 48;
  if (
    notDigit(y0) ||
    notDigit(y1) ||
    notDigit(y2) ||
    notDigit(y3) ||
    notDigit(m0) ||
    notDigit(m1) ||
    notDigit(d0) ||
    notDigit(d1) ||
    notDigit(h0) ||
    notDigit(h1) ||
    notDigit(i0) ||
    notDigit(i1) ||
    notDigit(s0) ||
    notDigit(s1) ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (s.charCodeAt(10) | 32) !== 116 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if ((month - 1) >>> 0 > 11 || h0 * 10 + h1 > 23 || i0 > 5 || s0 * 10 + s1 > 60 || day === 0) return false;
  if (day > 28) {
    if (month === 2) {
      const year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
      if (day !== 29 || (year & 3) !== 0 || (year % 100 === 0 && year % 400 !== 0)) return false;
    } else if (day > longMonth(month)) return false;
  }
  let at = 19;
  let c = s.charCodeAt(19);
  if (c === 46) {
    if (n < 22 || notDigit(s.charCodeAt(20) - 48)) return false;
    at = 21;
    while (at < n && !notDigit(s.charCodeAt(at) - 48)) at++;
    if (at === n) return false;
    c = s.charCodeAt(at);
  }
  if ((c | 32) === 122) return at + 1 === n;
  if (at + 6 !== n || (c !== 43 && c !== 45) || s.charCodeAt(at + 3) !== 58) return false;
  const oh0 = s.charCodeAt(at + 1) - 48;
  const oh1 = s.charCodeAt(at + 2) - 48;
  const om0 = s.charCodeAt(at + 4) - 48;
  const om1 = s.charCodeAt(at + 5) - 48;
  return oh0 >>> 0 < 3 && !notDigit(oh1) && oh0 * 10 + oh1 < 24 && om0 >>> 0 < 6 && !notDigit(om1);
}
