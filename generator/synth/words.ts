/** The vocabulary synthetic schemas are made of. */

export const providerNames = [
  "acadia",
  "brightlearn",
  "coursepeak",
  "didactix",
  "eduvault",
  "learnloop",
  "mentora",
  "skillyard",
];

/** Things events happen to; each is also a shared object of its catalogue while there are few. */
export const resources = [
  "course",
  "lesson",
  "module",
  "member",
  "enrollment",
  "quiz",
  "certificate",
  "assignment",
  "cohort",
  "payment",
  "subscription",
  "coupon",
  "review",
  "comment",
  "badge",
  "webinar",
  "bundle",
  "invoice",
  "team",
  "instructor",
  "section",
  "submission",
  "attendance",
  "progress",
  "refund",
  "order",
  "community",
  "post",
  "forum",
  "survey",
];

/** What happens to them; a dotted action is a sub-type of the event type before its dot. */
export const actions = [
  "created",
  "updated",
  "deleted",
  "published",
  "archived",
  "completed",
  "started",
  "enrolled",
  "expired",
  "renewed",
  "failed",
  "restored",
  "updated.title",
  "updated.status",
  "updated.schedule",
];

export const fieldNames = [
  "name",
  "slug",
  "status",
  "note",
  "locale",
  "currency",
  "amount",
  "score",
  "position",
  "duration_seconds",
  "external_id",
  "url",
  "source",
  "reason",
  "visibility",
  "level",
  "attempts",
  "tags",
  "owner_id",
  "language",
];

export const statuses = ["draft", "active", "paused", "archived", "pending", "failed", "succeeded", "refunded"];

export const sentences = [
  "Shown in the provider's object reference.",
  "Present in both published examples.",
  "The SDK types mark it optional.",
  "Null when the value was never set.",
  "In the time zone of the account, with an offset.",
  "Set by the provider; not editable by the account.",
];
