/**
 * The layer rule of docs/architecture.md, as an ESLint rule:
 * - the core layer (`src/core`, `src/http`, `src/views`, `src/lib`, `src/db`, `src/i18n`) imports
 *   no feature and not the module list;
 * - a feature imports another feature only through its `index.ts` (or `schema.ts`, for tables);
 * - no two feature folders depend on each other, directly or through others (no cycles).
 * Tests are exempt: they assemble the whole app. The feature graph is read once per lint run.
 *
 * @example
 * // eslint.config.js
 * { plugins: { layers }, rules: { 'layers/imports': 'error' } }
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';

const CORE = ['core', 'http', 'views', 'lib', 'db', 'i18n'];
const TOP = ['app', 'modules', 'server', 'start', 'cli'];
const PUBLIC_ENTRIES = new Set(['', 'index', 'index.ts', 'schema', 'schema.ts']);
const isTest = (file) => /\.(test|spec)\.tsx?$/.test(file);
const specifiers = /(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g;

/** Where a path sits: { kind: 'feature', name, rest } | { kind: 'core' } | { kind: 'top' } | null. */
function place(srcDir, path) {
  const rel = relative(srcDir, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  if (parts[0] === 'features' && parts.length > 1)
    return { kind: 'feature', name: parts[1], rest: parts.slice(2).join('/') };
  if (CORE.includes(parts[0])) return { kind: 'core' };
  if (parts.length === 1 && TOP.includes(parts[0].replace(/\.tsx?$/, ''))) return { kind: 'top' };
  return null;
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry) && !isTest(entry)) out.push(full);
  }
  return out;
}

const graphs = new Map();
/** Feature folder -> the feature folders its (non-test) files import. */
function featureGraph(srcDir) {
  if (graphs.has(srcDir)) return graphs.get(srcDir);
  const graph = new Map();
  const featuresDir = join(srcDir, 'features');
  if (existsSync(featuresDir))
    for (const name of readdirSync(featuresDir)) {
      const dir = join(featuresDir, name);
      if (!statSync(dir).isDirectory()) continue;
      const targets = new Set();
      for (const file of walk(dir))
        for (const m of readFileSync(file, 'utf8').matchAll(specifiers)) {
          const at = place(srcDir, normalize(resolve(dirname(file), m[1])));
          if (at?.kind === 'feature' && at.name !== name) targets.add(at.name);
        }
      graph.set(name, targets);
    }
  graphs.set(srcDir, graph);
  return graph;
}

function reaches(graph, from, to, seen = new Set()) {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  for (const next of graph.get(from) ?? []) if (reaches(graph, next, to, seen)) return true;
  return false;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the core below the features and the features free of cycles.' },
    messages: {
      coreImportsFeature:
        'The core layer ({{from}}) must not import a feature or the module list ({{to}}): take it as an argument, or from c.var.modules.',
      notThroughIndex:
        'Import the {{feature}} feature through its index.ts (or schema.ts for tables), not {{to}}.',
      cycle:
        'The {{from}} and {{to}} feature folders would depend on each other: {{to}} already reaches {{from}}. Move the shared part down to the core, or let a module provide it (core/module.ts).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    if (isTest(file)) return {};
    const srcDir = join(context.cwd, 'src');
    const from = place(srcDir, file);
    if (!from || from.kind === 'top') return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = place(srcDir, normalize(resolve(dirname(file), spec)));
      if (!to) return;
      if (from.kind === 'core') {
        if (to.kind === 'feature' || to.kind === 'top')
          context.report({
            node,
            messageId: 'coreImportsFeature',
            data: { from: relative(context.cwd, file), to: spec },
          });
        return;
      }
      if (to.kind !== 'feature' || to.name === from.name) return;
      if (!PUBLIC_ENTRIES.has(to.rest))
        context.report({
          node,
          messageId: 'notThroughIndex',
          data: { feature: to.name, to: spec },
        });
      if (reaches(featureGraph(srcDir), to.name, from.name))
        context.report({ node, messageId: 'cycle', data: { from: from.name, to: to.name } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { imports: rule } };
