-- DERIVED, local search index (drizzle-kit cannot express FTS5, so this migration is hand-written).
-- search_docs gives each customer a stable integer rowid for the FTS table; the implicit rowid of
-- `customers` is not stable across VACUUM. The FTS table is contentless: it only returns rowids,
-- the text to show is read from the domain tables.
CREATE TABLE `search_docs` (
	`doc` integer PRIMARY KEY,
	`customer_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `customer_fts` USING fts5(
	`body`,
	tokenize = 'trigram',
	content = '',
	contentless_delete = 1
);
--> statement-breakpoint
-- Local lookup filled at start-up from world-countries, so list filters can ask for a continent.
CREATE TABLE `country_facts` (
	`code` text PRIMARY KEY NOT NULL,
	`region` text NOT NULL,
	`subregion` text NOT NULL,
	`continent` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `country_facts_continent` ON `country_facts` (`continent`, `code`);
