/**
 * RFC 3339 `date-time`: a full date, `T` (either case), a time with optional fraction of any length,
 * and `Z` or a numeric offset. A regular expression, so AJV inlines it into standalone code.
 */
export const dateTime =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
