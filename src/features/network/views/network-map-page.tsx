/**
 * The network map page: filters, the drawn map of institutions and their ties with its legend,
 * the strongest ties and the yearly indicators (small counts suppressed).
 *
 * @example
 * render(c, <NetworkMapPage page={page} query={query} graph={graph} placed={layoutGraph(graph, MAP_SIZE)} />);
 */
import { TableWrap } from '../../../views/components';
import { formatNumber } from '../../../lib/format';
import { peopleCount } from '../../../lib/suppress';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import type { buildGraph } from '../graph/build-graph';
import type { layoutGraph } from '../graph/layout-graph';
import { stakeholderGroups, type StakeholderGroup } from '../schema';
import { DirectoryFilters, type DirectoryQuery } from './directory-filters';

/** One colour per stakeholder group (distinct for common colour blindness), always with its name in the legend. */
const colours: Record<StakeholderGroup, string> = {
  government: '#0072B2',
  private_sector: '#E69F00',
  civil_society: '#009E73',
  academia: '#CC79A7',
  technical_community: '#56B4E9',
  intergovernmental: '#D55E00',
};

/** The drawing's size, in SVG units. */
export const MAP_SIZE = { width: 800, height: 560 };

export function NetworkMapPage(props: {
  page: Page;
  query: DirectoryQuery<'name'>;
  graph: Awaited<ReturnType<typeof buildGraph>>;
  placed: ReturnType<typeof layoutGraph>;
}) {
  const { page, query, graph } = props;
  const { t, lang } = page;
  const { nodes, byId } = props.placed;
  const names = new Map(graph.nodes.map((n) => [n.id, n.acronym ?? n.name]));
  const cross = graph.edges.filter((e) => e.crossSector).length;
  return (
    <Layout page={page} title={t('map.title')}>
      <h1>{t('map.title')}</h1>
      <p>{t('map.lead')}</p>
      <DirectoryFilters
        page={page}
        action="/network/map"
        query={query}
        sorts={['name'] as const}
        withSearch={false}
        withSort={false}
      />
      {nodes.length === 0 ? (
        <p>{t('map.empty')}</p>
      ) : (
        <>
          <p role="status">
            {t('map.summary', { nodes: nodes.length, edges: graph.edges.length, cross })}
          </p>
          <figure class="network-map">
            <svg
              class="map-canvas"
              viewBox={`0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}`}
              role="img"
              aria-labelledby="map-title"
              xmlns="http://www.w3.org/2000/svg"
            >
              <title id="map-title">{t('map.svgTitle', { nodes: nodes.length })}</title>
              <g stroke="#8a94a6" stroke-opacity="0.55">
                {graph.edges.map((e) => {
                  const a = byId.get(e.source)!;
                  const b = byId.get(e.target)!;
                  return (
                    <line
                      x1={a.x}
                      y1={a.y}
                      x2={b.x}
                      y2={b.y}
                      stroke-width={Math.min(4, 0.6 + e.weight * 0.4)}
                    />
                  );
                })}
              </g>
              <g stroke="#ffffff" stroke-width="1.5">
                {nodes.map((n) => (
                  <circle cx={n.x} cy={n.y} r={n.r} fill={colours[n.group]}>
                    <title>{`${n.name} — ${t(`network.group.${n.group}`)}`}</title>
                  </circle>
                ))}
              </g>
              <g font-size="10" fill="#1a1a1a">
                {[...nodes]
                  .sort((a, b) => b.degree - a.degree)
                  .slice(0, 20)
                  .map((n) => (
                    <text x={n.x + n.r + 2} y={n.y + 3}>
                      {n.acronym ?? n.name}
                    </text>
                  ))}
              </g>
            </svg>
            <figcaption>
              <h2>{t('map.legend')}</h2>
              <ul class="legend">
                {stakeholderGroups.map((g) => (
                  <li>
                    <svg width="14" height="14" aria-hidden="true">
                      <circle cx="7" cy="7" r="6" fill={colours[g]} />
                    </svg>{' '}
                    {t(`network.group.${g}`)}
                  </li>
                ))}
              </ul>
            </figcaption>
          </figure>
          <h2>{t('map.strongest')}</h2>
          <ol>
            {graph.edges.slice(0, 10).map((e) => (
              <li>
                {names.get(e.source)} — {names.get(e.target)}: {t('map.ties', { count: e.weight })}
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>{t('map.indicators')}</h2>
      <TableWrap label={t('map.indicators')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('map.year')}</th>
              <th scope="col">{t('map.newInstitutions')}</th>
              <th scope="col">{t('map.newPeople')}</th>
              <th scope="col">{t('map.newTies')}</th>
            </tr>
          </thead>
          <tbody>
            {graph.indicators.map((y) => (
              <tr>
                <th scope="row">{y.year}</th>
                <td>{formatNumber(y.newInstitutions, lang)}</td>
                <td>{peopleCount(y.newPeople, lang)}</td>
                <td>{formatNumber(y.newCrossSectorTies, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p class="hint">{t('map.suppressed')}</p>
    </Layout>
  );
}
