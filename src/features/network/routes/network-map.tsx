import { Hono } from 'hono';
import { access } from '../../../http/access';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { buildGraph } from '../graph/build-graph';
import { layoutGraph } from '../graph/layout-graph';
import { networkPermissions } from '../permissions';
import { readDirectoryQuery } from '../views/directory-filters';
import { MAP_SIZE, NetworkMapPage } from '../views/network-map-page';

export const networkMapRoutes = new Hono<AppEnv>().get(
  '/network/map',
  access.inAnyInitiative(networkPermissions.useDirectory),
  async (c) => {
    const query = readDirectoryQuery(c, ['name'] as const);
    const graph = await buildGraph(c.var.deps.db, { country: query.country, group: query.group });
    const placed = layoutGraph(graph, MAP_SIZE);
    return render(
      c,
      <NetworkMapPage page={pageOf(c)} query={query} graph={graph} placed={placed} />,
    );
  },
);
