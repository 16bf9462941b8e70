import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own lint configuration, on code placed (virtually) in the real tree.
const eslint = new ESLint({ cwd: process.cwd() });
async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('the layer rule', () => {
  it('refuses a core file importing a feature or the module list', async () => {
    expect(
      await problems(
        'src/core/accounts/x.ts',
        "import { moneyModule } from '../../features/money/index';",
      ),
    ).toEqual([expect.stringContaining('must not import a feature')]);
    expect(await problems('src/http/x.ts', "import { modules } from '../modules';")).toEqual([
      expect.stringContaining('must not import a feature'),
    ]);
  });

  it('refuses a feature reaching into another feature’s files', async () => {
    expect(
      await problems(
        'src/features/checkin/x.ts',
        "import { RegistrationError } from '../registration/errors';",
      ),
    ).toEqual([expect.stringContaining('through its index.ts')]);
  });

  it('refuses an import that would make two feature folders depend on each other', async () => {
    // The programme imports the network, so the network may not import the programme.
    expect(
      await problems(
        'src/features/network/x.ts',
        "import { findEdition } from '../programme/index';",
      ),
    ).toEqual([expect.stringContaining('would depend on each other')]);
    // And through others: check-in → registration → programme, so the programme may not import check-in.
    expect(
      await problems('src/features/programme/x.ts', "export * from '../checkin/index';"),
    ).toEqual([expect.stringContaining('would depend on each other')]);
  });

  it('accepts the public entries of a feature below, and anything in tests and top-level files', async () => {
    expect(
      await problems(
        'src/features/checkin/x.ts',
        "import { registerForEvent } from '../registration/index';\nimport { registrations } from '../registration/schema';",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/features/network/x.test.ts',
        "import { findEdition } from '../programme/queries';",
      ),
    ).toEqual([]);
    expect(
      await problems('src/app.ts', "import { moneyModule } from './features/money/index';"),
    ).toEqual([]);
  });
});
