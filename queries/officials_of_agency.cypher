// Officials of an agency
// The people holding posts in the agencies matching $agency (part of the name or of an alias, or
// exactly the acronym; any case; empty for every agency), with their posts and how many reports
// say so.
// :param agency => 'DPMPPA'
WITH toLower($agency) AS q
MATCH (org:Organization)
WHERE q = '' OR toLower(org.name) CONTAINS q OR toLower(coalesce(org.acronym, '')) = q
   OR any(alias IN org.aliases WHERE toLower(alias) CONTAINS q)
MATCH (p:Person)-[h:HOLDS]->(o:Office)-[:POST_IN]->(org)
RETURN org.name AS agency, p.name AS official, o.name AS post, count(DISTINCT h.report) AS reports
ORDER BY agency, reports DESC, official, post
