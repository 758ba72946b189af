// One Express app receiving Teachfloor and Whop at /webhooks/teachfloor and /webhooks/whop, handled by learning kind
// whichever provider sent it: the receiver @coursehooks/learning's README shows.
import express from "express";
import { createLearningHandler, type Activity } from "@coursehooks/learning";

/** What the handlers did, for a look (and for the test that runs this file). */
export const done: string[] = [];
const saveProgress = (learner: string, activity: Activity, provider: string) =>
  void done.push(`${provider}: ${learner} completed ${activity.type} ${activity.id ?? "?"}`);
const issueCertificate = (learner: string, course: string) => void done.push(`certificate: ${learner} ${course}`);

export const app = express();
const learning = createLearningHandler({
  providers: {
    teachfloor: { secret: process.env.TEACHFLOOR_WEBHOOK_SECRET! },
    whop: { secret: process.env.WHOP_WEBHOOK_SECRET! },
  },
  on: {
    "activity.completed": (event, context) => saveProgress(event.learner.id, event.activity, context.provider),
    "course.completed": (event) => issueCertificate(event.learner.id, event.course.id),
  },
});
app.use("/webhooks", learning.node); // before express.json(): /webhooks/teachfloor, /webhooks/whop
