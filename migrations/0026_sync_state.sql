CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
-- The last pass's report moves here from meta (features/team/sync.ts).
DELETE FROM `meta` WHERE `key` = 'sync.last';
