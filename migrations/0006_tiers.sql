CREATE TABLE `customer_tiers` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`tier` text NOT NULL,
	`rule` text NOT NULL,
	`revenue_usd` real NOT NULL,
	`evaluated_on` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_tiers_tier` ON `customer_tiers` (`tier`,`customer_id`);--> statement-breakpoint
CREATE TABLE `tier_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text NOT NULL,
	`rule` text NOT NULL,
	`inputs` text NOT NULL,
	`policy_version` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tier_events_customer` ON `tier_events` (`customer_id`,`id`);--> statement-breakpoint
CREATE TABLE `tier_locks` (
	`id` text PRIMARY KEY NOT NULL,
	`tier` text,
	`reason` text,
	`locked_by` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
