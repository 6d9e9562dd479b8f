-- Classes of funnel_daily_speed's minutes (src/db/schema.ts): fixed, because rolled rows keep the
-- class they were counted in. Finer where first touches are common, so the class holding a median is small.
CREATE FUNCTION funnel_minutes_bucket(minutes double precision) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(minutes, ARRAY[
    1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 21, 25, 30, 35, 40, 50, 60, 75, 90, 105, 120, 150, 180, 240,
    300, 360, 480, 600, 720, 960, 1440, 2880, 4320, 7200, 10080, 20160, 43200]::double precision[])
$$;
--> statement-breakpoint
-- Keeps funnel_speed_rolled honest: a lead created before the team's speed_until that is added,
-- removed, or changes what speed to lead reads moves it back to that day's UTC midnight, so reports
-- read that day from leads until the rollup job counts it again. Most leads are touched and
-- decided soon after they arrive, past the rollup: on the common path, one primary-key lookup.
CREATE FUNCTION funnel_speed_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT NEW.team_id AS team_id, NEW.created_at AS created_at WHERE TG_OP <> 'DELETE'
    UNION ALL
    SELECT OLD.team_id, OLD.created_at WHERE TG_OP <> 'INSERT'
  LOOP
    UPDATE funnel_speed_rolled
       SET speed_until = date_trunc('day', r.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
     WHERE team_id = r.team_id AND speed_until > r.created_at;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leads_speed_rewind
AFTER INSERT OR DELETE OR UPDATE OF team_id, created_at, routed, sla_state, first_touch_at, first_touch_business_minutes
ON leads FOR EACH ROW EXECUTE FUNCTION funnel_speed_rewind();
