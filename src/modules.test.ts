import { describe, expect, it } from 'vitest';
import { participationKinds } from './features/network/schema';
import { catalogs } from './i18n/index';
import { modules } from './modules';

describe('the module list', () => {
  it('names each module once, and each job once', () => {
    const names = modules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const jobs = modules.flatMap((m) => m.jobs ?? []).map((j) => j.name);
    expect(new Set(jobs).size).toBe(jobs.length);
  });

  it('labels every scope a module declares, in both languages', () => {
    for (const scope of modules.flatMap((m) => m.scopes ?? [])) {
      const key = `tokens.scope.${scope}` as keyof typeof catalogs.es;
      expect(catalogs.es[key], scope).toBeTruthy();
      expect(catalogs.en[key], scope).toBeTruthy();
    }
  });

  it('writes only participation kinds the network knows', () => {
    for (const m of modules)
      for (const kind of m.participationKinds ?? [])
        expect(participationKinds as readonly string[], `${m.name}: ${kind}`).toContain(kind);
  });

  it('has every link label and message in both languages', () => {
    const labels = modules.flatMap((m) => [
      ...(m.navigation?.admin ?? []),
      m.navigation?.initiative?.({ slug: 's', name: 'n', can: () => true }) ?? null,
      ...(m.navigation?.account?.({ user: {} as never, can: () => true }) ?? []),
    ]);
    for (const l of labels) {
      if (!l) continue;
      expect(catalogs.es[l.label], l.label).toBeTruthy();
      expect(catalogs.en[l.label], l.label).toBeTruthy();
    }
    for (const m of modules)
      for (const key of Object.keys(m.messages?.es ?? {}))
        expect(m.messages!.en[key], key).toBeTruthy();
  });
});
