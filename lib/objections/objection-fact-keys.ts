import enObjection from "@/messages/en/objection.json";

// The facts about objecting that admins can enter, and what they are called (client-safe). Pages
// name them in their language from the "objection" catalogue (facts.labels); the English names
// here are the admin pages'.

export const OBJECTION_FACT_KEYS = ["period-opens", "period-closes", "how-to-lodge", "where-to-lodge", "contact"] as const;
export type ObjectionFactKey = (typeof OBJECTION_FACT_KEYS)[number];

export const OBJECTION_FACT_LABELS: Record<ObjectionFactKey, string> = enObjection.facts.labels;
