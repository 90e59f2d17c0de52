// What the fields of a property are called in plain English, for the property page and its
// change history (which names the site's displayed cells and the profile page's fields).

const LABELS: Record<string, string> = {
  rateNumber: "Rate number",
  legalDescription: "Legal description",
  address: "Address",
  firstOwner: "First owner",
  useCode: "Use",
  ratingCategory: "Rating category",
  marketValue: "Market value",
  registeredExtent: "Registered extent",
  suburbId: "Suburb",
  pin: "Property profile id",
  propertyDescription: "Property description",
  erfNumber: "Erf number",
  deedsTownship: "Deeds township or farm",
  sectionNumber: "Section number",
  schemeName: "Scheme name",
  schemeNumber: "Scheme number",
  sraCode: "SRA code",
  useDescription: "Use description",
  governmentCode: "Government code",
  exemptions: "Exemptions",
  rebates: "Rebates",
  phasingIn: "Phasing in",
  exclusions: "Exclusions",
  propertyType: "Property type",
  owners: "Owners",
};

/** "marketValue" → "Market value"; an unknown camelCase name is spelt out ("someNewField" → "Some new field"). */
export function fieldLabel(name: string): string {
  const known = LABELS[name];
  if (known) return known;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
