// Coordination partners
// The people and organisations that took part in the same events as one person or organisation
// ($name: part of a name or alias, any case; empty for everyone), strongest first, with the dates
// and names of the events they shared ("YYYY-MM-DD: name"; the name alone when it has no date).
// :param name => 'Noverintiwi Dewanti'
// :param limit => 50
WITH toLower($name) AS q
MATCH (x:Person|Organization)-[:ATTENDED|ORGANIZED]->(e:Event)<-[:ATTENDED|ORGANIZED]-(p:Person|Organization)
WHERE (q = '' OR toLower(x.name) CONTAINS q OR any(alias IN x.aliases WHERE toLower(alias) CONTAINS q))
  AND x.id <> p.id
RETURN x.name AS who,
       CASE WHEN p.id STARTS WITH 'person:' THEN 'Person' ELSE 'Organization' END AS partner_kind,
       p.name AS partner, count(DISTINCT e) AS shared_events,
       min(e.date) AS first_date, max(e.date) AS last_date,
       collect(DISTINCT CASE WHEN e.date IS NULL THEN e.name ELSE e.date + ': ' + e.name END) AS events
ORDER BY shared_events DESC, who, partner
LIMIT $limit
