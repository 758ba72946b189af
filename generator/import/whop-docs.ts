/**
 * Where docs.whop.com documents each webhook event: the API reference page of the event, as the documentation
 * index lists them. The page names do not follow one rule (`setupintent-canceled` but
 * `dispute-alert-created`), so they are data, not derived.
 */
const eventPages: Readonly<Record<string, string>> = {
  "chat.message.created": "messages/chat-message-created",
  "chat.reaction.created": "reactions/chat-reaction-created",
  "course_lesson_interaction.completed": "course-lesson-interactions/courselessoninteraction-completed",
  "dispute.created": "disputes/dispute-created",
  "dispute.updated": "disputes/dispute-updated",
  "dispute_alert.created": "dispute-alerts/dispute-alert-created",
  "entry.approved": "entries/entry-approved",
  "entry.created": "entries/entry-created",
  "entry.deleted": "entries/entry-deleted",
  "entry.denied": "entries/entry-denied",
  "identity_profile.updated": "identity-profiles/identityprofile-updated",
  "invoice.created": "invoices/invoice-created",
  "invoice.marked_uncollectible": "invoices/invoice-marked-uncollectible",
  "invoice.paid": "invoices/invoice-paid",
  "invoice.past_due": "invoices/invoice-past-due",
  "invoice.voided": "invoices/invoice-voided",
  "ledger_account.funds_available": "ledger-accounts/ledgeraccount-funds-available",
  "membership.activated": "memberships/membership-activated",
  "membership.cancel_at_period_end_changed": "memberships/membership-cancel-at-period-end-changed",
  "membership.deactivated": "memberships/membership-deactivated",
  "membership.trial_ending_soon": "memberships/membership-trial-ending-soon",
  "payment.created": "payments/payment-created",
  "payment.failed": "payments/payment-failed",
  "payment.pending": "payments/payment-pending",
  "payment.succeeded": "payments/payment-succeeded",
  "payout_account.status_updated": "payout-accounts/payoutaccount-status-updated",
  "payout_method.created": "payout-methods/payoutmethod-created",
  "refund.created": "refunds/refund-created",
  "refund.updated": "refunds/refund-updated",
  "resolution_center_case.created": "resolution-center-cases/resolutioncentercase-created",
  "resolution_center_case.decided": "resolution-center-cases/resolutioncentercase-decided",
  "resolution_center_case.updated": "resolution-center-cases/resolutioncentercase-updated",
  "setup_intent.canceled": "setup-intents/setupintent-canceled",
  "setup_intent.requires_action": "setup-intents/setupintent-requires-action",
  "setup_intent.succeeded": "setup-intents/setupintent-succeeded",
  "verification.succeeded": "verifications/verification-succeeded",
};

/** Whop's webhook guide: every webhook is listed there; the page for events the API reference has no page for. */
export const webhookGuide = "https://docs.whop.com/developer/guides/webhooks";

/** The docs page of an event: its API reference page, or the webhook guide when the reference has none. */
export function docsPage(type: string): { url: string; ownPage: boolean } {
  const page = eventPages[type];
  return page
    ? { url: `https://docs.whop.com/api-reference/${page}`, ownPage: true }
    : { url: webhookGuide, ownPage: false };
}
