CREATE TABLE `customer_figures` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`revenue_usd` real NOT NULL,
	`order_count` integer NOT NULL,
	`first_order` text,
	`last_order` text,
	`last6_usd` real NOT NULL,
	`prev6_usd` real NOT NULL,
	`median_gap_days` real
);
--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`currency` text,
	`date` text,
	`usd_per_unit` real,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_rates_lookup` ON `exchange_rates` (`currency`,`deleted_at`,`date`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`date` text,
	`amount` real DEFAULT 0 NOT NULL,
	`currency` text,
	`usd_rate` real,
	`status` text,
	`returned` real DEFAULT 0 NOT NULL,
	`product_categories` text DEFAULT '[]' NOT NULL,
	`reference` text,
	`notes` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`customer_id`,`deleted_at`,`date`);