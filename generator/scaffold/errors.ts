/** A mistake in what was asked (a bad event name, a missing flag): said in one line with the usage; exit 2. */
export class BadRequest extends Error {}

/** What was asked cannot be done (the file exists, the payload is of another event): said in one line; exit 1. */
export class Refused extends Error {}
