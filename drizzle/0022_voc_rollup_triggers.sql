-- Keeps voc_daily, voc_daily_competitors and voc_daily_tags (src/db/schema.ts) equal to voc_entries:
-- every statement that inserts, deletes or changes entries recounts the UTC days it touched, in its
-- own transaction. Recounting a whole day rather than adding deltas keeps the newest entry and the
-- first spelling right when the entry holding them is edited or deleted.
CREATE FUNCTION voc_daily_recount(teams text[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM voc_daily r USING unnest(teams, days) s(team_id, day)
   WHERE r.team_id = s.team_id AND r.day = s.day;
  DELETE FROM voc_daily_competitors r USING unnest(teams, days) s(team_id, day)
   WHERE r.team_id = s.team_id AND r.day = s.day;
  DELETE FROM voc_daily_tags r USING unnest(teams, days) s(team_id, day)
   WHERE r.team_id = s.team_id AND r.day = s.day;

  INSERT INTO voc_daily (team_id, day, category, entries, newest_at, newest_id)
  SELECT e.team_id, s.day, e.category, count(*),
         max(e.created_at), (array_agg(e.id ORDER BY e.created_at DESC, e.id DESC))[1]
    FROM unnest(teams, days) s(team_id, day)
    JOIN voc_entries e ON e.team_id = s.team_id
     AND e.created_at >= s.day::timestamp AT TIME ZONE 'UTC'
     AND e.created_at < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
   GROUP BY e.team_id, s.day, e.category;

  -- Trimmed as JavaScript's trim() would, compared lower-cased: as src/db/queries/voc-report.ts does.
  INSERT INTO voc_daily_competitors (team_id, day, category, key, entries, first_name, first_at, first_id)
  SELECT team_id, day, category, lower(name), count(*),
         (array_agg(name ORDER BY created_at, id))[1], min(created_at), (array_agg(id ORDER BY created_at, id))[1]
    FROM (SELECT e.team_id, s.day, e.category, e.id, e.created_at,
                 btrim(e.competitor, E' \t\n\r\f\x0b\u00a0\ufeff\u2028\u2029\u3000') AS name
            FROM unnest(teams, days) s(team_id, day)
            JOIN voc_entries e ON e.team_id = s.team_id
             AND e.created_at >= s.day::timestamp AT TIME ZONE 'UTC'
             AND e.created_at < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
           WHERE e.competitor IS NOT NULL) n
   WHERE name <> ''
   GROUP BY team_id, day, category, lower(name);

  -- An entry counts once per tag, however often it lists it.
  INSERT INTO voc_daily_tags (team_id, day, category, tag, entries)
  SELECT e.team_id, s.day, e.category, t.tag, count(*)
    FROM unnest(teams, days) s(team_id, day)
    JOIN voc_entries e ON e.team_id = s.team_id
     AND e.created_at >= s.day::timestamp AT TIME ZONE 'UTC'
     AND e.created_at < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
   CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.tags)) t(tag)
   GROUP BY e.team_id, s.day, e.category, t.tag;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_daily_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  teams text[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(team_id), array_agg(day) INTO teams, days
      FROM (SELECT DISTINCT team_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM voc_new) s;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(team_id), array_agg(day) INTO teams, days
      FROM (SELECT DISTINCT team_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM voc_old) s;
  ELSE
    -- Only entries whose counted columns changed: routing a post or linking a lead recounts nothing.
    SELECT array_agg(team_id), array_agg(day) INTO teams, days
      FROM (SELECT DISTINCT c.team_id, (c.created_at AT TIME ZONE 'UTC')::date AS day
              FROM voc_old o JOIN voc_new n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.team_id, o.created_at), (n.team_id, n.created_at)) c(team_id, created_at)
             WHERE (o.team_id, o.created_at, o.category, o.competitor, o.tags)
                   IS DISTINCT FROM (n.team_id, n.created_at, n.category, n.competitor, n.tags)) s;
  END IF;
  IF teams IS NULL THEN
    RETURN NULL;
  END IF;
  -- One recount of a day at a time, in a fixed order (no deadlocks): each statement below then
  -- reads the entries other transactions committed meanwhile, so the last recount counts them all.
  PERFORM pg_advisory_xact_lock(k)
     FROM (SELECT DISTINCT hashtext('baton:voc_daily:' || t || ':' || d) AS k FROM unnest(teams, days) s(t, d)) l
    ORDER BY k;
  PERFORM voc_daily_recount(teams, days);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_daily_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM voc_daily;
  DELETE FROM voc_daily_competitors;
  DELETE FROM voc_daily_tags;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER voc_entries_daily_insert AFTER INSERT ON voc_entries
  REFERENCING NEW TABLE AS voc_new FOR EACH STATEMENT EXECUTE FUNCTION voc_daily_refresh();
--> statement-breakpoint
CREATE TRIGGER voc_entries_daily_delete AFTER DELETE ON voc_entries
  REFERENCING OLD TABLE AS voc_old FOR EACH STATEMENT EXECUTE FUNCTION voc_daily_refresh();
--> statement-breakpoint
CREATE TRIGGER voc_entries_daily_update AFTER UPDATE ON voc_entries
  REFERENCING OLD TABLE AS voc_old NEW TABLE AS voc_new FOR EACH STATEMENT EXECUTE FUNCTION voc_daily_refresh();
--> statement-breakpoint
CREATE TRIGGER voc_entries_daily_truncate AFTER TRUNCATE ON voc_entries
  FOR EACH STATEMENT EXECUTE FUNCTION voc_daily_clear();
--> statement-breakpoint
-- The entries stored before the rollups existed.
SELECT voc_daily_recount(array_agg(team_id), array_agg(day))
  FROM (SELECT DISTINCT team_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM voc_entries) s;
