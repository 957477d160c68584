/**
 * The typed layer: every kind's natural fields, each checked against what the paper states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
let data: Record<string, any>;

const ids = (list: Array<{ id: string }> | null | undefined) => (list ?? []).map((e) => e.id);

beforeAll(async () => {
  api = await startApiServer();
  const response = await api.graphql(`{
    tw: entity(id: "country:taiwan") { ... on Country { companies { id } } }
    jp: entity(id: "country:japan") { ... on Country { memberships { id } } }
    asean: entity(id: "bloc:asean") { ... on Bloc { members { id } } }
    hokkaido: entity(id: "location:hokkaido") { ... on Location { occupants { id } within { id } } }
    meti: entity(id: "org:meti") { ... on Organization { country { id } administers { id } } }
    kioxia: entity(id: "company:kioxia") { ... on Company { country { id } materials { id } facilities { id } parentCompanies { id } subsidiaries { id } } }
    kioxiaIwate: entity(id: "company:kioxia-iwate") { ... on Company { parentCompanies { id } } }
    tsmc: entity(id: "company:tsmc") { ... on Company { country { id name } facilities { id } } }
    jucip: entity(id: "framework:jucip") { ... on Framework { leaders { id } parts { id } covers { id } covers2022: covers(asOf: "2022") { id } } }
    ipef: entity(id: "framework:ipef") { ... on Framework { members { id } parts { id } leaders { id } } }
    cma: entity(id: "agreement:us-japan-critical-minerals-agreement") { ... on Agreement { date parties { id } } }
    jhlc: entity(id: "meeting:jhlc-15th-meeting") { ... on Meeting { date participants { id } outcomes { id } } }
    decree: entity(id: "law:economic-security-promotion-act-enforcement-decree") { ... on Law { date designates { id } } }
    exportControls: entity(id: "policy:japan-export-controls") { ... on Policy { targets { id } targets2022: targets(asOf: "2022-06") { id } } }
    subsidy: entity(id: "program:supply-chain-support-subsidy") { ... on Program { administeredBy { id } fundedBy { id } } }
    lstcBudget: entity(id: "budget:lstc-2022-supplementary") { ... on Budget { amount { amount currency approximate } maxAmount { amount } fiscalYear share allocatedTo { id } } }
    semiBudget: entity(id: "budget:supply-chain-support-2022-semiconductors") { ... on Budget { amount { amount currency } share } }
    ceiling: entity(id: "budget:tsmc-kumamoto-subsidy-ceiling") { ... on Budget { amount { amount } maxAmount { amount currency } } }
    target: entity(id: "target:japan-battery-production-capacity-2030") { ... on Target { value unit date pursuedBy { id } } }
    dependency: entity(id: "indicator:japan-semiconductor-external-dependency-2018") { ... on Indicator { value unit share date measures { id } } }
    neon: entity(id: "material:neon") { ... on Material { category { id } subMaterials { id } suppliers { id } designatedBy { id } } }
    semiconductors: entity(id: "material:semiconductors") { ... on Material { category { id } subMaterials { id } designatedBy { id } } }
    gaa: entity(id: "technology:gaa-beyond-2nm") { ... on Technology { developers { id } } }
    quantum: entity(id: "topic:quantum") { ... on Topic { coveredBy { id } coveredBy2022: coveredBy(asOf: "2022") { id } } }
    kumamoto: entity(id: "facility:tsmc-kumamoto-plant") { ... on Facility { operators { id } locations { id } subsidies { grantor { id } amount { amount } maxAmount { amount currency approximate } date sources { quote } } } }
  }`);
  expect(response.errors).toBeUndefined();
  data = response.data ?? {};
});
afterAll(() => api.close());

describe('typed layer: countries, blocs, places, organisations', () => {
  it("Country.companies: Taiwan's TSMC", () => expect(ids(data.tw.companies)).toEqual(['company:tsmc']));
  it('Country.memberships: Japan in IPEF and MSP', () =>
    expect(ids(data.jp.memberships)).toEqual(expect.arrayContaining(['framework:ipef', 'framework:msp'])));
  it('Bloc.members: the ASEAN countries named', () =>
    expect(ids(data.asean.members).sort()).toEqual(['country:indonesia', 'country:philippines', 'country:vietnam']));
  it('Location.occupants and within: Hokkaido', () => {
    expect(ids(data.hokkaido.occupants)).toEqual(
      expect.arrayContaining(['location:chitose-city', 'facility:imec-japan-research-center']),
    );
    expect(ids(data.hokkaido.within)).toEqual(['country:japan']);
  });
  it('Organization.country and administers: METI', () => {
    expect(data.meti.country).toEqual({ id: 'country:japan' });
    expect(ids(data.meti.administers)).toEqual(
      expect.arrayContaining(['program:supply-chain-support-subsidy', 'program:post-5g-fund']),
    );
  });
});

describe('typed layer: companies and facilities', () => {
  it('Company.materials, facilities and group links: Kioxia', () => {
    expect(ids(data.kioxia.materials)).toEqual(['material:neon']);
    expect(ids(data.kioxia.facilities)).toEqual(['facility:kioxia-yokkaichi-plant']);
    expect(ids(data.kioxia.subsidiaries)).toEqual(['company:kioxia-iwate']);
    expect(ids(data.kioxiaIwate.parentCompanies)).toEqual(['company:kioxia']);
    expect(data.kioxia.country).toBeNull(); // the paper does not say
  });
  it('Company.country: TSMC in Taiwan, operating the Kumamoto plant', () => {
    expect(data.tsmc.country).toEqual({ id: 'country:taiwan', name: 'Taiwan' });
    expect(ids(data.tsmc.facilities)).toEqual(['facility:tsmc-kumamoto-plant']);
  });
  it('Facility.operators, locations and subsidies with ceiling and date', () => {
    expect(ids(data.kumamoto.operators)).toEqual(['company:tsmc']);
    expect(ids(data.kumamoto.locations)).toEqual(['location:kumamoto-prefecture']);
    expect(data.kumamoto.subsidies).toHaveLength(1);
    expect(data.kumamoto.subsidies[0]).toMatchObject({
      grantor: { id: 'org:meti' },
      amount: null,
      maxAmount: { amount: 476_000_000_000, currency: 'JPY', approximate: false },
      date: '2022-06',
    });
  });
});

describe('typed layer: frameworks, agreements, meetings, laws, policies, programmes', () => {
  it('Framework: JUCIP led by METI and Commerce; its areas, four in 2022 and seven after May 2023', () => {
    expect(ids(data.jucip.leaders).sort()).toEqual(['org:meti', 'org:us-department-of-commerce']);
    expect(ids(data.jucip.covers)).toEqual(
      expect.arrayContaining(['topic:bio', 'topic:quantum', 'topic:cooperation-with-pacific-island-countries']),
    );
    expect(ids(data.jucip.covers2022).sort()).toEqual([
      'material:semiconductors',
      'topic:digital-economy',
      'topic:export-control',
      'topic:trade-and-investment',
    ]);
    expect(ids(data.jucip.parts)).toContain('meeting:jucip-2nd-meeting');
  });
  it('Framework: IPEF members, four pillars, US lead', () => {
    expect(ids(data.ipef.members)).toEqual(expect.arrayContaining(['country:japan']));
    expect(ids(data.ipef.parts)).toEqual(
      expect.arrayContaining([
        'framework:ipef-trade-pillar',
        'framework:ipef-supply-chain-pillar',
        'framework:ipef-clean-economy-pillar',
        'framework:ipef-fair-economy-pillar',
      ]),
    );
    expect(ids(data.ipef.leaders)).toContain('country:united-states');
  });
  it('Agreement.date and parties: the US-Japan Critical Minerals Agreement, March 2023', () => {
    expect(data.cma.date).toBe('2023-03');
    expect(ids(data.cma.parties).sort()).toEqual(['country:japan', 'country:united-states']);
  });
  it('Meeting.date, participants and outcomes: the 15th JHLC, May 2023, three areas', () => {
    expect(data.jhlc.date).toBe('2023-05');
    expect(ids(data.jhlc.participants).sort()).toEqual(['country:japan', 'country:united-states']);
    expect(data.jhlc.outcomes).toHaveLength(3);
  });
  it('Law.designates: the Enforcement Decree (December 2022) designates the 11 critical materials', () => {
    expect(data.decree.date).toBe('2022-12');
    expect(data.decree.designates).toHaveLength(11);
  });
  it('Policy.targets with asOf: export controls', () => {
    expect(ids(data.exportControls.targets).sort()).toEqual(['country:china', 'country:russia']);
    expect(ids(data.exportControls.targets2022)).toEqual(['country:russia']);
  });
  it('Program.administeredBy: subsidies distributed through NEDO, JOG-MEC and NIBIOHN', () => {
    expect(ids(data.subsidy.administeredBy)).toEqual(expect.arrayContaining(['org:nedo', 'org:jogmec', 'org:nibiohn']));
    expect(data.subsidy.fundedBy).toEqual([]);
  });
});

describe('typed layer: money, targets, indicators', () => {
  it('Budget.amount as money, with fiscal year and allocation', () => {
    expect(data.lstcBudget).toMatchObject({
      amount: { amount: 350_000_000_000, currency: 'JPY', approximate: true },
      maxAmount: null,
      fiscalYear: 2022,
      allocatedTo: [{ id: 'org:lstc' }],
    });
    expect(data.semiBudget).toEqual({ amount: { amount: 368_600_000_000, currency: 'JPY' }, share: 35.6 });
    expect(data.ceiling).toEqual({ amount: null, maxAmount: { amount: 476_000_000_000, currency: 'JPY' } });
  });
  it('Target: 150 GWh/year by 2030', () => {
    expect(data.target).toMatchObject({ value: 150, unit: 'GWh/year', date: '2030' });
    expect(data.target.pursuedBy.length).toBeGreaterThan(0);
  });
  it('Indicator: 79% external dependency for semiconductors in 2018', () => {
    expect(data.dependency).toMatchObject({ share: 79, date: '2018' });
    expect(ids(data.dependency.measures)).toEqual(expect.arrayContaining(['material:semiconductors']));
  });
});

describe('typed layer: materials, technologies, topics', () => {
  it('Material.category, suppliers and designatedBy: neon is a rare gas for semiconductors', () => {
    expect(data.neon.category).toEqual({ id: 'material:rare-gas' });
    expect(data.neon.subMaterials).toEqual([]);
    expect(ids(data.neon.suppliers)).toEqual(
      expect.arrayContaining(['company:kioxia', 'company:kioxia-iwate', 'company:sony-semiconductor-manufacturing']),
    );
    expect(data.neon.designatedBy).toEqual([]);
  });
  it('Material.subMaterials and designatedBy: semiconductors, a top-level critical material', () => {
    expect(data.semiconductors.category).toBeNull();
    expect(ids(data.semiconductors.subMaterials)).toEqual(
      expect.arrayContaining(['material:mcu', 'material:rare-gas', 'material:sic-wafer']),
    );
    expect(ids(data.semiconductors.designatedBy)).toContain('law:economic-security-promotion-act-enforcement-decree');
  });
  it('Technology.developers: Rapidus develops GAA beyond 2nm', () =>
    expect(ids(data.gaa.developers)).toContain('company:rapidus'));
  it('Topic.coveredBy with asOf: quantum joined JUCIP in May 2023', () => {
    expect(ids(data.quantum.coveredBy)).toContain('framework:jucip');
    expect(ids(data.quantum.coveredBy2022)).not.toContain('framework:jucip');
  });
});
