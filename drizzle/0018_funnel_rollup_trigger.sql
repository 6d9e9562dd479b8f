-- Keeps funnel_rollup_state honest (src/db/schema.ts): a stage change inserted, changed or removed
-- on a day the rollup already holds moves the team's moves_until back to that day's UTC midnight,
-- so reports read that day from stage_changes until the rollup job counts it again. Moves are
-- recorded as they happen, so on the common path this is one primary-key lookup of a tiny table.
CREATE FUNCTION funnel_rollup_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT NEW.team_id AS team_id, NEW.entered_at AS entered_at WHERE TG_OP <> 'DELETE'
    UNION ALL
    SELECT OLD.team_id, OLD.entered_at WHERE TG_OP <> 'INSERT'
  LOOP
    UPDATE funnel_rollup_state
       SET moves_until = date_trunc('day', r.entered_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
     WHERE team_id = r.team_id AND moves_until > r.entered_at;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stage_changes_rollup_rewind
AFTER INSERT OR DELETE OR UPDATE OF team_id, entered_at, from_stage, to_stage, segment, source, owner_id
ON stage_changes FOR EACH ROW EXECUTE FUNCTION funnel_rollup_rewind();
