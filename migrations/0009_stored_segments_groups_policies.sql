CREATE TABLE `customer_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`kind` text,
	`rules` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_members` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text,
	`customer_id` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `group_members_group` ON `group_members` (`group_id`,`deleted_at`,`customer_id`);--> statement-breakpoint
CREATE TABLE `tier_review_items` (
	`review_id` integer NOT NULL,
	`customer_id` text NOT NULL,
	`from_tier` text NOT NULL,
	`to_tier` text NOT NULL,
	`rule` text NOT NULL,
	`revenue_usd` real NOT NULL,
	`previous_revenue_usd` real NOT NULL,
	`threshold_usd` real NOT NULL,
	`floor_usd` real,
	PRIMARY KEY(`review_id`, `customer_id`)
);
--> statement-breakpoint
CREATE TABLE `tier_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`as_of` text NOT NULL,
	`policy_version` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`decided_at` text
);
--> statement-breakpoint
CREATE TABLE `tiering_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer,
	`policy` text,
	`note` text,
	`created_by` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `segment` text;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `rfm_r` integer;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `rfm_f` integer;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `rfm_m` integer;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `stage` text DEFAULT 'prospect' NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `risk_gap` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `risk_drop` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `customer_tiers_segment` ON `customer_tiers` (`segment`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_tiers_stage` ON `customer_tiers` (`stage`,`customer_id`);--> statement-breakpoint
CREATE INDEX `orders_date` ON `orders` (`date`,`customer_id`);