// Shortest chain of shared meetings
// The shortest chain of meetings linking two people ($person_a, $person_b: part of a name or alias,
// any case; an empty one matches nobody): person, event, person, event, ... person, through people
// and events only (up to six meetings). meetings is the number of events on the chain; dates are those events' dates.
// Dialects differ here: this file is the Neo4j text (shortestPath, list comprehensions); the
// embedded store runs shortest_meeting_chain.ladybug.cypher beside it, which returns the same columns.
// :param person_a => 'Yudia Laksana'
// :param person_b => 'Yulies Nuraya'
// :param limit => 5
WITH toLower($person_a) AS qa, toLower($person_b) AS qb
MATCH (a:Person)
WHERE qa <> '' AND (toLower(a.name) CONTAINS qa OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS qa))
MATCH (b:Person)
WHERE qb <> '' AND (toLower(b.name) CONTAINS qb OR any(alias IN b.aliases WHERE toLower(alias) CONTAINS qb))
  AND a.id <> b.id
MATCH p = shortestPath((a)-[:ATTENDED|ORGANIZED*..12]-(b))
WHERE all(n IN nodes(p) WHERE n:Person OR n:Event)
RETURN a.name AS from_person, b.name AS to_person, length(p) / 2 AS meetings,
       [n IN nodes(p) | n.name] AS chain, [n IN nodes(p) WHERE n:Event | n.date] AS dates
ORDER BY meetings, from_person, to_person
LIMIT $limit
