// Posts held by a person
// The posts (jabatan) held by the people matching $name (part of a name or alias, any case; empty
// for everyone), the bodies they belong to, and the reports they were seen in: how many, which,
// and the first and last date seen (a report's publication date, else the dates of the events that
// report places the person at).
// :param name => 'Noverintiwi Dewanti'
WITH toLower($name) AS q
MATCH (p:Person)-[h:HOLDS]->(o:Office)
WHERE q = '' OR toLower(p.name) CONTAINS q OR any(alias IN p.aliases WHERE toLower(alias) CONTAINS q)
MATCH (r:Report {id: h.report})
OPTIONAL MATCH (p)-[at:ATTENDED|ORGANIZED]->(e:Event)
WHERE at.report = h.report
WITH p, o, r, coalesce(r.published, e.date) AS seen
OPTIONAL MATCH (o)-[:POST_IN]->(body:Organization)
RETURN p.name AS person, o.name AS post, collect(DISTINCT body.name) AS organizations,
       count(DISTINCT r) AS reports, min(seen) AS first_seen, max(seen) AS last_seen,
       collect(DISTINCT r.name) AS seen_in
ORDER BY person, first_seen, post
