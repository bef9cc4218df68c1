ALTER TABLE `tier_movements` ADD `initial` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot express triggers). A tier move in the customer's first
-- 24 hours is where it starts, not a promotion: the demo load and a history typed in after
-- creating a customer (its past orders) move it Ordinary → Small → Mid in minutes, and the month
-- they were entered showed hundreds of "promotions". They are counted apart as initial tiering.
DROP TRIGGER tier_events_movements;
--> statement-breakpoint
CREATE TRIGGER tier_events_movements AFTER INSERT ON tier_events
WHEN NEW.kind = 'tier' AND NEW.from_value IS NOT NEW.to_value BEGIN
  INSERT INTO tier_movements (month, promotions, demotions, initial)
  SELECT substr(NEW.at, 1, 7), NOT i AND up, NOT i AND down, i
  FROM (SELECT
    EXISTS (SELECT 1 FROM customers c WHERE c.id = NEW.customer_id
      AND NEW.at < strftime('%Y-%m-%dT%H:%M:%fZ', c.created_at, '+1 day')) AS i,
    CASE NEW.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END > CASE NEW.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END AS up,
    CASE NEW.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END < CASE NEW.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END AS down)
  -- WHERE true: an upsert after a SELECT needs it, or ON CONFLICT reads as a join constraint.
  WHERE true
  ON CONFLICT (month) DO UPDATE SET promotions = promotions + excluded.promotions,
    demotions = demotions + excluded.demotions, initial = initial + excluded.initial;
END;
--> statement-breakpoint
-- The months already counted, again by the same rule.
DELETE FROM tier_movements;
--> statement-breakpoint
INSERT INTO tier_movements (month, promotions, demotions, initial)
  SELECT month, sum(NOT i AND up), sum(NOT i AND down), sum(i) FROM (
    SELECT substr(e.at, 1, 7) AS month,
      EXISTS (SELECT 1 FROM customers c WHERE c.id = e.customer_id
        AND e.at < strftime('%Y-%m-%dT%H:%M:%fZ', c.created_at, '+1 day')) AS i,
      CASE e.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END > CASE e.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END AS up,
      CASE e.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END < CASE e.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END AS down
    FROM tier_events e WHERE e.kind = 'tier' AND e.from_value IS NOT e.to_value)
  GROUP BY month;
