// Most connected agencies and officials
// People and organisations ranked by degree over shared events dated between $from and $to
// (inclusive ISO dates, compared as text: a month-only date such as 2024-11 sorts just before
// 2024-11-01): how many distinct others took part in the same events, and in how many events they
// took part. Undated events are left out.
// :param from => '2024-01-01'
// :param to => '2025-12-31'
// :param limit => 20
MATCH (x:Person|Organization)-[:ATTENDED|ORGANIZED]->(e:Event)
WHERE e.date >= $from AND e.date <= $to
OPTIONAL MATCH (e)<-[:ATTENDED|ORGANIZED]-(y:Person|Organization)
WHERE y.id <> x.id
RETURN CASE WHEN x.id STARTS WITH 'person:' THEN 'Person' ELSE 'Organization' END AS kind,
       x.name AS name, count(DISTINCT y) AS degree, count(DISTINCT e) AS events
ORDER BY degree DESC, events DESC, name
LIMIT $limit
