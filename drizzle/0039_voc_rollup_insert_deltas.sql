-- VOC captures add to the rollups instead of recounting their day (issue 16: 16 captures at once
-- waited on each other's recount of the whole day and month, p95 570 ms). An insert only adds:
-- counts go up, the newest entry is the newer of the two, the first spelling the earlier, so the
-- inserted rows' sums are added to the day and month rows (drizzle/0028). Edits and deletes still
-- recount (voc_rollup_refresh, unchanged), since the entry holding the newest or the first spelling
-- may be the one that went. Both take the same lock per team and month, so an addition never lands
-- between a recount's statements (whose fresh snapshots would then count it twice).
CREATE FUNCTION voc_rollup_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The lock voc_rollup_refresh takes, per team and month, in the same order.
  PERFORM pg_advisory_xact_lock(k)
     FROM (SELECT DISTINCT hashtext('baton:voc_rollup:' || team_id || ':'
                                    || date_trunc('month', (created_at AT TIME ZONE 'UTC')::date)::date) AS k
             FROM voc_new) l
    ORDER BY k;
  -- The inserted rows' sums, added to their days and months.
  WITH n AS (
    SELECT e.team_id, g.grain, g.day, e.category, count(*)::int AS entries, max(e.created_at) AS newest_at,
           (array_agg(e.id ORDER BY e.created_at DESC, e.id DESC))[1] AS newest_id
      FROM (SELECT v.id, v.team_id, v.created_at, v.category, v.competitor, v.tags,
                   (v.created_at AT TIME ZONE 'UTC')::date AS day,
                   date_trunc('month', (v.created_at AT TIME ZONE 'UTC')::date)::date AS month
              FROM voc_new v) e
     CROSS JOIN LATERAL (VALUES ('day', e.day), ('month', e.month)) g(grain, day)
     GROUP BY 1, 2, 3, 4
  ),
  added AS (
    UPDATE voc_rollups r
       SET entries = r.entries + n.entries,
           newest_at = CASE WHEN (n.newest_at, n.newest_id) > (r.newest_at, r.newest_id) THEN n.newest_at ELSE r.newest_at END,
           newest_id = CASE WHEN (n.newest_at, n.newest_id) > (r.newest_at, r.newest_id) THEN n.newest_id ELSE r.newest_id END
      FROM n
     WHERE r.team_id = n.team_id AND r.grain = n.grain AND r.day = n.day AND r.category IS NOT DISTINCT FROM n.category
    RETURNING n.team_id, n.grain, n.day, n.category
  )
  INSERT INTO voc_rollups (team_id, grain, day, category, entries, newest_at, newest_id)
  SELECT n.team_id, n.grain, n.day, n.category, n.entries, n.newest_at, n.newest_id FROM n
   WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.team_id = n.team_id AND a.grain = n.grain AND a.day = n.day
                       AND a.category IS NOT DISTINCT FROM n.category);

  -- Trimmed and compared as voc_rollup_recount does.
  WITH n AS (
    SELECT team_id, g.grain, g.day, category, lower(name) AS key, count(*)::int AS entries,
           (array_agg(name ORDER BY created_at, id))[1] AS first_name, min(created_at) AS first_at,
           (array_agg(id ORDER BY created_at, id))[1] AS first_id
      FROM (SELECT e.*, btrim(e.competitor, E' \t\n\r\f\x0b\u00a0\ufeff\u2028\u2029\u3000') AS name
              FROM (SELECT v.id, v.team_id, v.created_at, v.category, v.competitor, v.tags,
                   (v.created_at AT TIME ZONE 'UTC')::date AS day,
                   date_trunc('month', (v.created_at AT TIME ZONE 'UTC')::date)::date AS month
              FROM voc_new v) e WHERE e.competitor IS NOT NULL) e
     CROSS JOIN LATERAL (VALUES ('day', e.day), ('month', e.month)) g(grain, day)
     WHERE name <> ''
     GROUP BY 1, 2, 3, 4, 5
  ),
  added AS (
    UPDATE voc_rollup_competitors r
       SET entries = r.entries + n.entries,
           first_name = CASE WHEN (n.first_at, n.first_id) < (r.first_at, r.first_id) THEN n.first_name ELSE r.first_name END,
           first_at = CASE WHEN (n.first_at, n.first_id) < (r.first_at, r.first_id) THEN n.first_at ELSE r.first_at END,
           first_id = CASE WHEN (n.first_at, n.first_id) < (r.first_at, r.first_id) THEN n.first_id ELSE r.first_id END
      FROM n
     WHERE r.team_id = n.team_id AND r.grain = n.grain AND r.day = n.day
       AND r.category IS NOT DISTINCT FROM n.category AND r.key = n.key
    RETURNING n.team_id, n.grain, n.day, n.category, n.key
  )
  INSERT INTO voc_rollup_competitors (team_id, grain, day, category, key, entries, first_name, first_at, first_id)
  SELECT n.team_id, n.grain, n.day, n.category, n.key, n.entries, n.first_name, n.first_at, n.first_id FROM n
   WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.team_id = n.team_id AND a.grain = n.grain AND a.day = n.day
                       AND a.category IS NOT DISTINCT FROM n.category AND a.key = n.key);

  -- An entry counts once per tag, however often it lists it.
  WITH n AS (
    SELECT e.team_id, g.grain, g.day, e.category, t.tag, count(*)::int AS entries
      FROM (SELECT v.id, v.team_id, v.created_at, v.category, v.competitor, v.tags,
                   (v.created_at AT TIME ZONE 'UTC')::date AS day,
                   date_trunc('month', (v.created_at AT TIME ZONE 'UTC')::date)::date AS month
              FROM voc_new v) e
     CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.tags)) t(tag)
     CROSS JOIN LATERAL (VALUES ('day', e.day), ('month', e.month)) g(grain, day)
     GROUP BY 1, 2, 3, 4, 5
  ),
  added AS (
    UPDATE voc_rollup_tags r SET entries = r.entries + n.entries
      FROM n
     WHERE r.team_id = n.team_id AND r.grain = n.grain AND r.day = n.day
       AND r.category IS NOT DISTINCT FROM n.category AND r.tag = n.tag
    RETURNING n.team_id, n.grain, n.day, n.category, n.tag
  )
  INSERT INTO voc_rollup_tags (team_id, grain, day, category, tag, entries)
  SELECT n.team_id, n.grain, n.day, n.category, n.tag, n.entries FROM n
   WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.team_id = n.team_id AND a.grain = n.grain AND a.day = n.day
                       AND a.category IS NOT DISTINCT FROM n.category AND a.tag = n.tag);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER voc_entries_rollup_insert ON voc_entries;
--> statement-breakpoint
CREATE TRIGGER voc_entries_rollup_insert AFTER INSERT ON voc_entries
  REFERENCING NEW TABLE AS voc_new FOR EACH STATEMENT EXECUTE FUNCTION voc_rollup_add();
