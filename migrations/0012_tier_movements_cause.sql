-- Hand-written (drizzle-kit cannot express triggers). Initial tiering (migrations/0011) is what a
-- customer's own orders do in its first 24 hours. A move caused by a new policy, a lock or its
-- removal is a decision, and counts as a promotion or a demotion whenever it happens: a policy
-- saved the day the demo data was loaded moves customers, and the dashboard shows those moves.
-- Tier events record their cause in inputs.cause; events from before causes were recorded have
-- none and read as revenue moves.
DROP TRIGGER tier_events_movements;
--> statement-breakpoint
CREATE TRIGGER tier_events_movements AFTER INSERT ON tier_events
WHEN NEW.kind = 'tier' AND NEW.from_value IS NOT NEW.to_value BEGIN
  INSERT INTO tier_movements (month, promotions, demotions, initial)
  SELECT substr(NEW.at, 1, 7), NOT i AND up, NOT i AND down, i
  FROM (SELECT
    coalesce(json_extract(NEW.inputs, '$.cause'), 'revenue') = 'revenue'
      AND EXISTS (SELECT 1 FROM customers c WHERE c.id = NEW.customer_id
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
      coalesce(json_extract(e.inputs, '$.cause'), 'revenue') = 'revenue'
        AND EXISTS (SELECT 1 FROM customers c WHERE c.id = e.customer_id
          AND e.at < strftime('%Y-%m-%dT%H:%M:%fZ', c.created_at, '+1 day')) AS i,
      CASE e.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END > CASE e.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END AS up,
      CASE e.to_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END < CASE e.from_value WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END AS down
    FROM tier_events e WHERE e.kind = 'tier' AND e.from_value IS NOT e.to_value)
  GROUP BY month;
