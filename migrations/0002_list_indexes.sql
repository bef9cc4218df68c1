DROP INDEX `customer_tags_tag`;--> statement-breakpoint
CREATE INDEX `customer_tags_live_tag` ON `customer_tags` (`tag`,`deleted_at`,`customer_id`);--> statement-breakpoint
DROP INDEX `customers_live_name`;--> statement-breakpoint
DROP INDEX `customers_live_created`;--> statement-breakpoint
DROP INDEX `customers_live_updated`;--> statement-breakpoint
CREATE INDEX `customers_sort_name` ON `customers` (`deleted_at`,`sort_name`,`id`,`country`,`industry`,`business_type`,`owner`,`source`);--> statement-breakpoint
CREATE INDEX `customers_sort_country` ON `customers` (`deleted_at`,`country`,`sort_name`,`id`,`industry`,`business_type`,`owner`,`source`);--> statement-breakpoint
CREATE INDEX `customers_sort_city` ON `customers` (`deleted_at`,`city`,`sort_name`,`id`,`country`,`industry`,`business_type`,`owner`,`source`);--> statement-breakpoint
CREATE INDEX `customers_sort_industry` ON `customers` (`deleted_at`,`industry`,`sort_name`,`id`,`country`,`business_type`,`owner`,`source`);--> statement-breakpoint
CREATE INDEX `customers_sort_owner` ON `customers` (`deleted_at`,`owner`,`sort_name`,`id`,`country`,`industry`,`business_type`,`source`);--> statement-breakpoint
CREATE INDEX `customers_sort_created` ON `customers` (`deleted_at`,`created_at`,`sort_name`,`id`,`country`,`industry`,`business_type`,`owner`,`source`);--> statement-breakpoint
CREATE INDEX `customers_sort_updated` ON `customers` (`deleted_at`,`updated_at`,`sort_name`,`id`,`country`,`industry`,`business_type`,`owner`,`source`);--> statement-breakpoint
CREATE INDEX `customers_live_business_type` ON `customers` (`deleted_at`,`business_type`,`sort_name`);--> statement-breakpoint
CREATE INDEX `customers_live_source` ON `customers` (`deleted_at`,`source`,`sort_name`);--> statement-breakpoint
CREATE INDEX `customers_live_id` ON `customers` (`id`,`deleted_at`);