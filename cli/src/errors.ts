/** A mistake in what the user typed: the command says what is wrong in one line, then the usage, and exits 2. */
export class UsageError extends Error {}

/** A problem with the user's input or surroundings (a file, the network): one message, no stack trace, exit 1. */
export class UserError extends Error {}
