// Who coordinated with whom
// Pairs of people, and pairs of organisations, who took part in the same events (attended or
// organised them), strongest first: how many events they shared and up to five of their names
// (in name order).
// kind is Person or Organization (read from the id prefix, so both engines return the same text).
// :param limit => 25
MATCH (a:Person|Organization)-[:ATTENDED|ORGANIZED]->(e:Event)<-[:ATTENDED|ORGANIZED]-(b:Person|Organization)
WHERE a.id < b.id AND labels(a) = labels(b)
WITH DISTINCT a, b, e
ORDER BY e.name SKIP 0   // names in order for collect(); SKIP 0 because Ladybug wants SKIP or LIMIT here
WITH a, b, count(e) AS shared, collect(e.name) AS names
RETURN CASE WHEN a.id STARTS WITH 'person:' THEN 'Person' ELSE 'Organization' END AS kind,
       a.name AS first, b.name AS second, shared AS shared_events, names[..5] AS example_events
ORDER BY shared_events DESC, kind DESC, first, second
LIMIT $limit
