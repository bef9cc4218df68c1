-- DERIVED, local: exact-match keys for the duplicate check — each customer's names reduced to their
-- identity (n:…), its contacts' emails (e:…), phone digits (p:…) and company domains (d:…) — so the
-- check is a handful of index lookups instead of text searches. Filled by the search indexer and
-- rebuilt from the synced facts whenever its version changes.
CREATE TABLE `match_keys` (
	`key` text NOT NULL,
	`customer_id` text NOT NULL,
	PRIMARY KEY (`key`, `customer_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `match_keys_customer` ON `match_keys` (`customer_id`);
