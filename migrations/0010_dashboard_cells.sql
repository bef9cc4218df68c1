CREATE TABLE `dashboard_cells` (
	`tier` text NOT NULL,
	`segment` text NOT NULL,
	`stage` text NOT NULL,
	`risk_gap` integer NOT NULL,
	`risk_drop` integer NOT NULL,
	`country` text NOT NULL,
	`n` integer NOT NULL,
	`revenue` real NOT NULL,
	PRIMARY KEY(`tier`, `segment`, `stage`, `risk_gap`, `risk_drop`, `country`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `tier_movements` (
	`month` text PRIMARY KEY NOT NULL,
	`promotions` integer NOT NULL,
	`demotions` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `live` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `country` text;--> statement-breakpoint
ALTER TABLE `customer_tiers` ADD `revenue_now` real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `customer_tiers_live_country` ON `customer_tiers` (`live`,`country`,`revenue_now`);--> statement-breakpoint
CREATE INDEX `customer_tiers_risk` ON `customer_tiers` (`revenue_now`) WHERE live = 1 AND (risk_gap = 1 OR risk_drop = 1);--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot express triggers): the copies in customer_tiers and the
-- dashboard's aggregates follow their sources inside the same transaction as every write.
-- Existing rows first, before any trigger exists.
UPDATE customer_tiers SET
  live = coalesce((SELECT c.deleted_at IS NULL FROM customers c WHERE c.id = customer_tiers.customer_id), 0),
  country = (SELECT c.country FROM customers c WHERE c.id = customer_tiers.customer_id),
  revenue_now = coalesce((SELECT f.revenue_usd FROM customer_figures f WHERE f.customer_id = customer_tiers.customer_id), 0);
--> statement-breakpoint
INSERT INTO dashboard_cells (tier, segment, stage, risk_gap, risk_drop, country, n, revenue)
  SELECT tier, coalesce(segment, ''), stage, risk_gap, risk_drop, coalesce(country, ''), count(*), sum(revenue_now)
  FROM customer_tiers WHERE live = 1 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO tier_movements (month, promotions, demotions)
  SELECT substr(at, 1, 7), sum(CASE to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END > CASE from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END), sum(CASE to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END < CASE from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END)
  FROM tier_events WHERE kind = 'tier' AND from_value IS NOT to_value GROUP BY 1;
--> statement-breakpoint
CREATE TRIGGER customers_tier_copy_ins AFTER INSERT ON customers BEGIN
  UPDATE customer_tiers SET live = (NEW.deleted_at IS NULL), country = NEW.country WHERE customer_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER customers_tier_copy_upd AFTER UPDATE OF deleted_at, country ON customers BEGIN
  UPDATE customer_tiers SET live = (NEW.deleted_at IS NULL), country = NEW.country
  WHERE customer_id = NEW.id AND (live IS NOT (NEW.deleted_at IS NULL) OR country IS NOT NEW.country);
END;
--> statement-breakpoint
CREATE TRIGGER figures_tier_copy_ins AFTER INSERT ON customer_figures BEGIN
  UPDATE customer_tiers SET revenue_now = NEW.revenue_usd
  WHERE customer_id = NEW.customer_id AND revenue_now IS NOT NEW.revenue_usd;
END;
--> statement-breakpoint
CREATE TRIGGER figures_tier_copy_upd AFTER UPDATE OF revenue_usd ON customer_figures BEGIN
  UPDATE customer_tiers SET revenue_now = NEW.revenue_usd
  WHERE customer_id = NEW.customer_id AND revenue_now IS NOT NEW.revenue_usd;
END;
--> statement-breakpoint
CREATE TRIGGER tiers_cells_ins AFTER INSERT ON customer_tiers WHEN NEW.live = 1 BEGIN
  INSERT INTO dashboard_cells (tier, segment, stage, risk_gap, risk_drop, country, n, revenue)
  VALUES (NEW.tier, coalesce(NEW.segment, ''), NEW.stage, NEW.risk_gap, NEW.risk_drop, coalesce(NEW.country, ''), 1, NEW.revenue_now)
  ON CONFLICT DO UPDATE SET n = n + 1, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER tiers_cells_del AFTER DELETE ON customer_tiers WHEN OLD.live = 1 BEGIN
  UPDATE dashboard_cells SET n = n - 1, revenue = revenue - OLD.revenue_now WHERE tier = OLD.tier AND segment = coalesce(OLD.segment, '') AND stage = OLD.stage AND risk_gap = OLD.risk_gap AND risk_drop = OLD.risk_drop AND country = coalesce(OLD.country, '');
END;
--> statement-breakpoint
CREATE TRIGGER tiers_cells_upd AFTER UPDATE OF tier, segment, stage, risk_gap, risk_drop, country, live, revenue_now ON customer_tiers BEGIN
  UPDATE dashboard_cells SET n = n - 1, revenue = revenue - OLD.revenue_now WHERE OLD.live = 1 AND tier = OLD.tier AND segment = coalesce(OLD.segment, '') AND stage = OLD.stage AND risk_gap = OLD.risk_gap AND risk_drop = OLD.risk_drop AND country = coalesce(OLD.country, '');
  INSERT INTO dashboard_cells (tier, segment, stage, risk_gap, risk_drop, country, n, revenue)
  SELECT NEW.tier, coalesce(NEW.segment, ''), NEW.stage, NEW.risk_gap, NEW.risk_drop, coalesce(NEW.country, ''), 1, NEW.revenue_now
  WHERE NEW.live = 1
  ON CONFLICT DO UPDATE SET n = n + 1, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER tier_events_movements AFTER INSERT ON tier_events
WHEN NEW.kind = 'tier' AND NEW.from_value IS NOT NEW.to_value BEGIN
  INSERT INTO tier_movements (month, promotions, demotions)
  VALUES (substr(NEW.at, 1, 7), CASE NEW.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END > CASE NEW.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END, CASE NEW.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END < CASE NEW.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END)
  ON CONFLICT (month) DO UPDATE SET promotions = promotions + excluded.promotions, demotions = demotions + excluded.demotions;
END;
