-- cell_stamps and search_grams are WITHOUT ROWID (added by hand: drizzle-kit cannot express it): their
-- primary key is the only way they are read, and a rowid table would store every key twice.
CREATE TABLE `cell_stamps` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`hlc` text NOT NULL,
	PRIMARY KEY(`tbl`, `row_id`, `col`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hlc` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`value` text,
	`prev_hlc` text
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`name` text DEFAULT '' NOT NULL,
	`title` text,
	`emails` text DEFAULT '[]' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`messaging` text DEFAULT '[]' NOT NULL,
	`birthday_month` integer,
	`birthday_day` integer,
	`birthday_year` integer,
	`language` text,
	`is_primary` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_customer` ON `contacts` (`customer_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `customer_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`tag` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_tags_customer` ON `customer_tags` (`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_tags_tag` ON `customer_tags` (`tag`,`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`original_name` text,
	`latin_name` text,
	`country` text,
	`city` text,
	`address` text,
	`website` text,
	`business_type` text,
	`industry` text,
	`size_band` text,
	`product_categories` text DEFAULT '[]' NOT NULL,
	`quality` text,
	`source` text,
	`source_detail` text,
	`owner` text,
	`preferred_language` text,
	`currency` text,
	`notes` text,
	`timezone` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL,
	`sort_name` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_live_name` ON `customers` (`deleted_at`,`sort_name`);--> statement-breakpoint
CREATE INDEX `customers_live_country` ON `customers` (`deleted_at`,`country`,`sort_name`);--> statement-breakpoint
CREATE INDEX `customers_live_industry` ON `customers` (`deleted_at`,`industry`,`sort_name`);--> statement-breakpoint
CREATE INDEX `customers_live_owner` ON `customers` (`deleted_at`,`owner`,`sort_name`);--> statement-breakpoint
CREATE INDEX `customers_live_created` ON `customers` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `customers_live_updated` ON `customers` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_grams` (
	`gram` text NOT NULL,
	`customer_id` text NOT NULL,
	PRIMARY KEY(`gram`, `customer_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_grams_customer` ON `search_grams` (`customer_id`);