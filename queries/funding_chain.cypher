// Funding chain
// Programmes and events, the funds or budget lines that paid for them, and the bodies that provide
// those funds, with the reports that say so. $name narrows it to chains where any of the three
// names contains it (any case); leave it empty for every chain.
// :param name => ''
WITH toLower($name) AS q
MATCH (x:Programme|Event)-[f:FUNDED_BY]->(fund:FundingSource)
MATCH (r:Report {id: f.report})
OPTIONAL MATCH (fund)-[:PROVIDED_BY]->(provider:Organization)
WITH q, x, r, fund, provider
WHERE q = '' OR toLower(x.name) CONTAINS q OR toLower(fund.name) CONTAINS q
   OR toLower(coalesce(provider.name, '')) CONTAINS q
RETURN CASE WHEN x.id STARTS WITH 'event:' THEN 'Event' ELSE 'Programme' END AS funded_kind,
       x.name AS funded, fund.name AS funding_source, fund.kind AS fund_kind, fund.year AS year,
       provider.name AS provider, collect(DISTINCT r.name) AS reports
ORDER BY funding_source, funded, provider
