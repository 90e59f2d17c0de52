-- THIS MIGRATION DELETES DATA. It removes every owner name from the change history: the
-- "firstOwner" key of valuation_changes.before and .after (added and removed records carry the
-- whole row, owner changes the names before and after). An owner change keeps "firstOwner" in
-- its fields, so the history still says "owner changed", without the names. The names cannot be
-- recovered from the database afterwards (only from a backup taken before).
-- Why: owner names are personal data (POPIA); the municipality does not publish earlier owners,
-- and history kept them with no limit. From now on the scraper writes history this way unless
-- OWNER_NAMES=full (which keeps names for OWNER_HISTORY_DAYS). The current owners
-- (valuations.first_owner, .displayed, .detail) are kept: a property's own page shows them.
UPDATE "valuation_changes"
   SET "before" = "before" - 'firstOwner',
       "after" = "after" - 'firstOwner'
 WHERE "before" ? 'firstOwner' OR "after" ? 'firstOwner';
