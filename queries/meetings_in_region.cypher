// Meetings in a region or at a place
// Events held at the places matching $place (part of a name or alias, any case; empty for all)
// or at any place inside them (a venue in a town in a province: up to three levels), in date order
// (undated last), with the venues and the organisers.
// :param place => 'Kota Jambi'
WITH toLower($place) AS q
MATCH (region:Place)
WHERE q = '' OR toLower(region.name) CONTAINS q OR any(alias IN region.aliases WHERE toLower(alias) CONTAINS q)
MATCH (e:Event)-[:HELD_AT]->(venue:Place)-[:LOCATED_IN*0..3]->(region)
OPTIONAL MATCH (host:Person|Organization)-[:ORGANIZED]->(e)
RETURN e.date AS date, e.name AS event, collect(DISTINCT venue.name) AS venues,
       collect(DISTINCT host.name) AS organisers, e.kind AS kind
ORDER BY coalesce(date, '9999'), event
