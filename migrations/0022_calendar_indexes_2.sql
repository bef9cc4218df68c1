DROP INDEX `customer_duties_due`;--> statement-breakpoint
DROP INDEX `customer_duties_owner`;--> statement-breakpoint
CREATE INDEX `customer_duties_due_owner` ON `customer_duties` (`due_date`,`owner`);--> statement-breakpoint
CREATE INDEX `dashboard_cells_country` ON `dashboard_cells` (`country`,`tier`,`n`);