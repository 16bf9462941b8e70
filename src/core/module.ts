/**
 * The feature module contract. Every folder under `src/features/` exports one object of this
 * type from its `index.ts`, and `src/modules.ts` lists them: the app mounts their routes, the
 * API registers their operations, the scheduler runs their jobs, the account, admin and edition
 * pages show their links, the public edition page shows their sections, and a person's data
 * download and erasure ask each of them for its part. Adding a feature is one line in that list.
 *
 * @example
 * export const moneyModule: FeatureModule = {
 *   name: 'money',
 *   routes: [moneyIndexRoutes, moneyOverviewRoutes],
 *   api: registerMoneyApi,
 *   scopes: ['money:read', 'money:write'],
 *   messages: { es: moneyEs, en: moneyEn },
 *   navigation: { initiative: (m) => (m.can(moneyPermissions.viewMoney) ? { href: `/i/${m.slug}/money`, label: 'money.index.title' } : null) },
 * };
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Db } from '../db/client';
import type { AppDeps, AppEnv } from '../http/types';
import type { MessageKey } from '../i18n/index';
import type { Page } from '../views/page';
import type { Permission } from './access/policy';
import type { User } from './accounts/schema';
import type { TokenScope } from './api-tokens/schema';

/** A link a module adds to a page that combines features. */
export type NavLink = { href: string; label: MessageKey; params?: Record<string, string> };

/** An initiative the signed-in person belongs to, with a test of what their roles allow there. */
export type MembershipView = {
  slug: string;
  name: string;
  can: (permission: Permission) => boolean;
};

export type Navigation = {
  /** Links shown beside one of the person's initiatives on the account page. */
  initiative?: (membership: MembershipView) => NavLink | null;
  /** Personal links on the account page (my tasks, my volunteering…). */
  account?: (o: { user: User; can: (permission: Permission) => boolean }) => NavLink[];
  /** Links on an edition's organiser page. */
  edition?: (o: {
    initiativeSlug: string;
    editionSlug: string;
    editionName: string;
    can: (permission: Permission) => boolean;
  }) => NavLink[];
  /** Links on the administrators' home. */
  admin?: NavLink[];
};

/** Work that runs on a period, on one process at a time even when several share the database. */
export type Job = {
  name: string;
  everyMs: number;
  run: (deps: AppDeps) => Promise<unknown>;
};

/** Whose data is asked for: the account and the network records that are theirs. */
export type DataSubject = {
  user: User;
  /** Lower-cased e-mail addresses known to be the person's (the verified account address). */
  emails: string[];
  /** The person's records in the network (linked to the account or with a verified address). */
  personIds: string[];
};

/**
 * A module's part of a person's data: what it `collect`s for the download, how it `erase`s it
 * (deleting or anonymising, so that counts stay true), and the tables it answers for.
 */
export type PersonalDataPart = {
  /** The heading of the part on the person's data page. */
  label: MessageKey;
  tables: readonly string[];
  collect: (db: Db, subject: DataSubject) => Promise<Record<string, unknown>>;
  erase: (tx: Db, subject: DataSubject) => Promise<void>;
  /** Only the network: the records that belong to the account. */
  identify?: (db: Db, user: User) => Promise<string[]>;
};

/** Tables with personal-looking columns that hold no one's personal data, and why. */
export type NotPersonal = Record<string, string>;

/** A block on the public page of an edition (sponsors, topics, registration links…). */
export type EditionSection = (o: {
  db: Db;
  page: Page;
  edition: { id: string; slug: string };
}) => Promise<Child | null>;

/**
 * A module's own block on the person's data page, drawn from the part it collected, in place of
 * the plain listing (the network shows its records with buttons to withdraw consents).
 */
export type AccountDataSection = (o: { page: Page; data: Record<string, unknown> }) => Child | null;

/**
 * Answers one module gives another without either importing the other: the consumer asks with
 * `provided(modules, name)` and copes when no module provides it.
 */
export interface Provisions {
  /** Registered interest per session (registrants holding or waiting for a seat). */
  sessionInterest: (db: Db, sessionIds: string[]) => Promise<Map<string, number>>;
  /** The tracks chosen for an edition, for the session form. */
  editionTracks: (db: Db, editionId: string) => Promise<string[]>;
  /** Which of these events take registrations now. */
  openRegistrations: (db: Db, eventIds: string[]) => Promise<Set<string>>;
}

export type FeatureModule = {
  name: string;
  /** Page routes, mounted in order. */
  routes?: readonly Hono<AppEnv>[];
  /** Registers the module's `/api/v1` operations. */
  api?: (api: OpenAPIHono<AppEnv>) => void;
  /** API token scopes the module's operations check, each labelled `tokens.scope.<scope>`. */
  scopes?: readonly TokenScope[];
  messages?: { es: Record<string, string>; en: Record<string, string> };
  navigation?: Navigation;
  sections?: { publicEdition?: EditionSection; accountData?: AccountDataSection };
  jobs?: readonly Job[];
  /** Kinds of participation the module writes to the network's history. */
  participationKinds?: readonly string[];
  personalData?: PersonalDataPart;
  notPersonal?: NotPersonal;
  provides?: Partial<Provisions>;
};

/**
 * The first module's answer for `name`, if any module gives one.
 *
 * @example
 * const interest = provided(c.var.modules, 'sessionInterest');
 * const counts = interest ? await interest(db, ids) : new Map();
 */
export function provided<K extends keyof Provisions>(
  modules: readonly FeatureModule[],
  name: K,
): Provisions[K] | undefined {
  for (const m of modules) {
    const p = m.provides?.[name];
    if (p) return p as Provisions[K];
  }
  return undefined;
}
