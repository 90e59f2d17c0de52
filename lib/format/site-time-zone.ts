// Durban's clock, by which pages show times and the roll registry reads "today": South Africa has
// one time zone and no daylight saving.
export const SITE_TIME_ZONE = "Africa/Johannesburg";
