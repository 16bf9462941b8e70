/** Every table, gathered for Drizzle and drizzle-kit. Each feature owns its own schema file. */
export * from '../core/accounts/schema';
export * from '../core/initiatives/schema';
export * from '../core/audit/schema';
export * from '../core/mail/schema';
export * from '../core/api-tokens/schema';
export * from '../core/system/schema';
export * from '../http/rate-limit/schema';
export * from '../features/network/schema';
export * from '../features/network/import/schema';
export * from '../features/programme/schema';
export * from '../features/registration/schema';
export * from '../features/money/schema';
export * from '../features/topics/schema';
export * from '../features/event-day/schema';
export * from '../features/committee/schema';
export * from '../features/checkin/schema';
