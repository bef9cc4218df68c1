ALTER TABLE `customers` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `merged_into` text;--> statement-breakpoint
CREATE INDEX `customers_external_id` ON `customers` (`external_id`);