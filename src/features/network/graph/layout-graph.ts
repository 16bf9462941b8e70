/**
 * Places the graph's nodes with d3-force, on the server, so the picture needs no JavaScript.
 * d3 starts nodes on a phyllotaxis spiral, so the same graph always gets the same picture.
 *
 * @example
 * const placed = layoutGraph({ nodes, edges }, { width: 800, height: 560 });
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import type { GraphEdge, GraphNode } from './build-graph';

export type PlacedNode = GraphNode & { x: number; y: number; r: number };

export function layoutGraph(
  g: { nodes: GraphNode[]; edges: GraphEdge[] },
  size: { width: number; height: number },
) {
  type SimNode = GraphNode & SimulationNodeDatum;
  const simNodes: SimNode[] = g.nodes.map((n) => ({ ...n }));
  const links = g.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const radius = (n: GraphNode) => 4 + Math.min(10, Math.sqrt(n.degree) * 1.6);
  const simulation = forceSimulation(simNodes)
    .force('charge', forceManyBody().strength(-60))
    .force(
      'link',
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance(60)
        .strength((l) => Math.min(1, 0.1 * l.weight)),
    )
    .force(
      'collide',
      forceCollide<SimNode>((d) => radius(d) + 2),
    )
    .force('center', forceCenter(0, 0))
    .stop();
  simulation.tick(300);
  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const pad = 24;
  const scale = Math.min(
    (size.width - 2 * pad) / (maxX - minX || 1),
    (size.height - 2 * pad) / (maxY - minY || 1),
  );
  const nodes: PlacedNode[] = simNodes.map((n) => ({
    ...n,
    x: Math.round((pad + ((n.x ?? 0) - minX) * scale) * 10) / 10,
    y: Math.round((pad + ((n.y ?? 0) - minY) * scale) * 10) / 10,
    r: Math.round(radius(n) * 10) / 10,
  }));
  return { nodes, byId: new Map(nodes.map((n) => [n.id, n])) };
}
