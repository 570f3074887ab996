// Shortest chain of shared meetings — the embedded-store (Ladybug) variant that `kg query` runs on
// the embedded store. shortest_meeting_chain.cypher beside it is the Neo4j text (for Neo4j Browser
// and `kg query --neo4j`). Ladybug has no shortestPath() and no list comprehensions, so this uses
// `* SHORTEST` with a node filter, list_transform and list_filter: same parameters, same columns,
// same answer.
WITH toLower($person_a) AS qa, toLower($person_b) AS qb
MATCH (a:Person)
WHERE qa <> '' AND (toLower(a.name) CONTAINS qa OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS qa))
MATCH (b:Person)
WHERE qb <> '' AND (toLower(b.name) CONTAINS qb OR any(alias IN b.aliases WHERE toLower(alias) CONTAINS qb))
  AND a.id <> b.id
MATCH p = (a)-[:ATTENDED|ORGANIZED* SHORTEST 1..12 (r, n | WHERE label(n) = 'Person' OR label(n) = 'Event')]-(b)
RETURN a.name AS from_person, b.name AS to_person, length(p) / 2 AS meetings,
       list_transform(nodes(p), n -> n.name) AS chain,
       list_transform(list_filter(nodes(p), n -> label(n) = 'Event'), n -> n.date) AS dates
ORDER BY meetings, from_person, to_person
LIMIT $limit
