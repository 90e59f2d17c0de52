// The facts about objecting that admins can enter, and what they are called (client-safe).

export const OBJECTION_FACT_KEYS = ["period-opens", "period-closes", "how-to-lodge", "where-to-lodge", "contact"] as const;
export type ObjectionFactKey = (typeof OBJECTION_FACT_KEYS)[number];

export const OBJECTION_FACT_LABELS: Record<ObjectionFactKey, string> = {
  "period-opens": "Objections open",
  "period-closes": "Objections close",
  "how-to-lodge": "How to object",
  "where-to-lodge": "Where to lodge an objection",
  contact: "The municipality's contact",
};
