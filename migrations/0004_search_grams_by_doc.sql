-- search_grams is DERIVED: rather than copy it, drop it and let the indexer rebuild it (the search
-- index version is bumped with this change). Grams now point at search_docs.doc, a small integer,
-- instead of repeating the 36-character customer id ~100 times per customer.
DROP TABLE `search_grams`;
--> statement-breakpoint
CREATE TABLE `search_grams` (
	`gram` text NOT NULL,
	`doc` integer NOT NULL,
	PRIMARY KEY(`gram`, `doc`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_grams_doc` ON `search_grams` (`doc`);
