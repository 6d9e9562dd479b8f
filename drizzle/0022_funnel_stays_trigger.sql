-- Length classes of funnel_daily_stays (src/db/schema.ts), in days: fixed, because rolled rows keep
-- the class they were counted in. Finer where stays are common, so the class holding a median is small.
CREATE FUNCTION funnel_stay_bucket(days double precision) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(days, ARRAY[
    0.0416666666666667, 0.0833333333333333, 0.166666666666667, 0.333333333333333, 0.5, 0.75,
    1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8.5, 10, 12, 14, 17, 21, 25, 30, 37, 45, 60, 75,
    90, 120, 180, 270, 365]::double precision[])
$$;
--> statement-breakpoint
-- Keeps funnel_stays_rolled honest: a stay that ends before the team's stays_until, added, changed
-- or removed, moves it back to that day's UTC midnight, so reports read that day from stage_changes
-- until the rollup job counts it again. A stay ends when its lead moves on, today: on the common
-- path this is one primary-key lookup of a tiny table.
CREATE FUNCTION funnel_stays_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT NEW.team_id AS team_id, NEW.left_at AS left_at WHERE TG_OP <> 'DELETE' AND NEW.left_at IS NOT NULL
    UNION ALL
    SELECT OLD.team_id, OLD.left_at WHERE TG_OP <> 'INSERT' AND OLD.left_at IS NOT NULL
  LOOP
    UPDATE funnel_stays_rolled
       SET stays_until = date_trunc('day', r.left_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
     WHERE team_id = r.team_id AND stays_until > r.left_at;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stage_changes_stays_rewind
AFTER INSERT OR DELETE OR UPDATE OF team_id, to_stage, entered_at, left_at
ON stage_changes FOR EACH ROW EXECUTE FUNCTION funnel_stays_rewind();
