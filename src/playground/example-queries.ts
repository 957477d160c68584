/**
 * Public contract: the example queries the playground opens with (and docs/api.md shows). Tests run every one of them,
 * so they always work against the seeded graph.
 */
export interface ExampleQuery {
  title: string;
  query: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: "A company's materials",
    query: `# Which critical-material items has RESONAC an approved supply plan for, under which category?
query CompanyMaterials {
  entity(id: "company:resonac") {
    name
    ... on Company {
      materials { id name category { name } }
      parentCompanies { name }
      subsidiaries { name }
    }
  }
}`,
  },
  {
    title: 'Cross-reference: semiconductors',
    query: `# Companies x semiconductor materials, with the table row behind each link.
query SemiconductorCrossReference {
  crossReference(filter: { categories: ["material:semiconductors"] }, first: 100) {
    totalCount
    edges {
      node {
        company { name }
        material { name }
        linkType
        date
        sources { table row quote }
      }
    }
  }
}`,
  },
  {
    title: 'Companies in two categories',
    query: `# Companies linked to more than one critical-material category (e.g. through both Tables 1 and 2).
query CompaniesInTwoCategories {
  crossReference(filter: { minCategories: 2 }) {
    edges { node { company { name } category { name } material { name } sources { table row } } }
  }
}`,
  },
  {
    title: 'Neighborhood of Rapidus',
    query: `# What draws around Rapidus: nodes and edges for Cytoscape.js, Sigma or networkx.
query RapidusNeighborhood {
  neighborhood(id: "company:rapidus", depth: 1, limit: 40) {
    truncated
    nodes { id kind name }
    edges { id source target type properties }
  }
}`,
  },
  {
    title: 'Path: South Korea to IMEC',
    query: `# How is South Korea connected to IMEC in Belgium?
query PathSouthKoreaToImec {
  shortestPath(from: "country:south-korea", to: "org:imec", maxHops: 6) {
    length
    nodes { id name }
    edges { type source target sources { quote } }
  }
}`,
  },
  {
    title: 'Search (misspelt)',
    query: `# Full-text search tolerates small misspellings.
query SearchMisspelt {
  search(text: "Rapidas", first: 5) { score entity { id kind name } }
}`,
  },
  {
    title: 'Filter: approved plans for semiconductor items',
    query: `# Companies with an approved supply plan for an item under Semiconductors (up to three levels down).
# Add country: { some: { id: { eq: "country:japan" } } } to keep companies the paper says are Japanese.
query ApprovedForSemiconductors {
  companies(where: {
    materials: {
      via: [APPROVED_SUPPLY_PLAN_FOR]
      some: { category: { some: { OR: [
        { id: { eq: "material:semiconductors" } }
        { category: { some: { OR: [
          { id: { eq: "material:semiconductors" } }
          { category: { some: { id: { eq: "material:semiconductors" } } } }
        ] } } }
      ] } } }
    }
  }, first: 50) {
    totalCount
    edges { node { name country { name } materials(sort: [{ name: ASC }]) { name } } }
  }
}`,
  },
  {
    title: 'Sort: budgets over 100 billion yen',
    query: `# Budgets over 100 billion yen, largest first; money
# compares within the currency it states.
query LargestBudgets {
  budgets(
    where: { amount: { currency: "JPY", gt: 100000000000 } }
    sort: [{ amount: DESC }]
    first: 20
  ) {
    edges {
      node {
        name fiscalYear
        amount { amount currency }
        allocatedTo { name }
      }
    }
  }
}`,
  },
  {
    title: 'Group: approved plans per country, category, programme',
    query: `# Approved supply plans per category, per programme and
# per country, each group with the links it counts. The paper
# names no country for the companies of Tables 1 and 2: per
# country they form one group without a key.
query ApprovedPlansPerGroup {
  crossReference(
    filter: { linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }
    first: 0
  ) {
    totalCount
    perCategory: groupBy(by: CATEGORY) {
      entity { name } count ids
    }
    perProgramme: groupBy(by: PROGRAM) { entity { name } count }
    perCountry: groupBy(by: COUNTRY) { key count }
  }
}`,
  },
  {
    title: 'Aggregate: budgets per fiscal year',
    query: `# Budgets per fiscal year, and the totals per currency.
query BudgetsPerYear {
  budgets(first: 0) {
    aggregate { count fiscalYear { min max } amount { currency sum count } }
    groupBy(by: FISCAL_YEAR) { key count ids }
  }
}`,
  },
  {
    title: 'Filter: materials with no supplier',
    query: `# Materials no company is linked to as a supplier (approved plan, production or development).
query MaterialsWithoutSupplier {
  materials(where: { suppliers: { none: {} } }, sort: [{ degree: DESC }], first: 50) {
    totalCount
    edges { node { id name category { name } } }
  }
}`,
  },
  {
    title: 'Sort: the most connected entities',
    query: `# The hubs: entities by their number of relationships
# (any type, either direction), then companies alone.
# The degree is stored, so a page reads an index.
query MostConnected {
  entities(orderBy: DEGREE_DESC, first: 10) {
    edges { node { id kind name degree } }
  }
  companies(sort: [{ degree: DESC }], first: 10) {
    edges { node { name degree materialsAggregate { count } } }
  }
}`,
  },
];

/**
 * The live examples: subscriptions, which GraphiQL runs over WebSocket (graphql-ws), opened as tabs after the
 * queries. The subscription tests run each of them.
 */
export const EXAMPLE_SUBSCRIPTIONS: ExampleQuery[] = [
  {
    title: 'Live: changes as curators make them',
    query: `# Run it, then make a curated write: each change appears as it is committed.
# after: "<the last id seen>" resumes after a disconnect; kinds or types narrow it.
subscription LiveChanges {
  graphChanged {
    id at curator action operation subject subjectId kind type source target
    citation { quote section document { id } }
    entity { id name }
  }
}`,
  },
];
