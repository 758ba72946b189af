/**
 * RFC 3339 `date-time`, checked as strictly as a full parser but by one regular expression, which AJV
 * inlines into standalone code: a real calendar date (day ranges per month, 29 February only in leap
 * years), `T` (either case), a time with an optional fraction of any length (60 seconds for a leap
 * second), and `Z` or a numeric offset.
 */
const day =
  "(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|" +
  "(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|" +
  "02-(?:0[1-9]|1\\d|2[0-8])))";
const leapDay = "(?:(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";
const time = "(?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?";
const offset = "(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)";

export const dateTime = new RegExp(`^(?:${day}|${leapDay})[Tt]${time}${offset}$`);
