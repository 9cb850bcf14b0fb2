// Unit symbols from the player's side: the scenario writes its symbols from Kyiv's and NATO's point of
// view; a player of Russia or Belarus sees its own units friendly and the others hostile. Also what the
// map says a unit is based on: a source, or an assumption of the model.
import { describe, expect, it } from 'vitest';
import { identity, swapIdentity, swapsFor } from '../src/store/affiliation';
import { units } from '../src/store/selectors';
import { createSession } from '../src/store/session';
import { diskReader } from '../src/cli/files';
import { DEFAULT } from './helpers';

describe('symbol identities', () => {
  it('reads and swaps friend and hostile, letter and numeric codes, keeping everything else', () => {
    expect(identity('SHGPUCIM---H---')).toBe('hostile');
    expect(identity('SFGPUCIM---J---')).toBe('friend');
    expect(identity('SNGPUCI----D---')).toBe('other');
    expect(swapIdentity('SHGPUCIM---H---')).toBe('SFGPUCIM---H---');
    expect(swapIdentity('SFGPUCIM---J---')).toBe('SHGPUCIM---J---');
    expect(swapIdentity('SNGPUCI----D---')).toBe('SNGPUCI----D---');
    expect(swapIdentity('shgpuci----d---')).toBe('sfgpuci----d---');
    expect(swapIdentity('10031000001211000000')).toBe('10061000001211000000');
    expect(identity('10061000001211000000')).toBe('hostile');
    for (const s of ['SHGPUCIM---H---', 'SAGPUCI----D---', '10031000001211000000']) expect(swapIdentity(swapIdentity(s))).toBe(s);
  });

  it('swaps only for a side whose own units are written as hostile', () => {
    expect(swapsFor(['SHGPUCIM---H---', 'SHGPUCA----G---'])).toBe(true);
    expect(swapsFor(['SFGPUCIM---J---'])).toBe(false);
    expect(swapsFor([])).toBe(false);
  });
});

describe('the map units as each role sees them (Allied Resolve 2022)', () => {
  const seen = (role: string) => {
    const store = createSession();
    expect(store.getState().newGame({ file: DEFAULT, seed: '7', role }, diskReader)).toBeNull();
    const byOwner = new Map<string, Set<string>>();
    for (const u of units(store.getState())) byOwner.set(u.owner, (byOwner.get(u.owner) ?? new Set()).add(identity(u.symbol)));
    return byOwner;
  };

  // Who sees which side as friendly: the scenario's view (Kyiv and NATO), or swapped for Russia and Belarus.
  const SIDES: [string[], string, string][] = [
    [['observer', 'ukraine', 'nato'], 'hostile', 'friend'],
    [['russia', 'belarus'], 'friend', 'hostile'],
  ];
  it.each(SIDES)('%j see Russia and Belarus as %s, Ukraine and NATO as %s', (roles, east, west) => {
    for (const role of roles) {
      const v = seen(role);
      for (const owner of ['russia', 'belarus']) expect([...v.get(owner)!]).toEqual([east]);
      for (const owner of ['ukraine', 'nato']) expect([...v.get(owner)!]).toEqual([west]);
    }
  });
});

describe('what the map says a unit is based on', () => {
  it('marks units the sources do not report as assumptions of the model', () => {
    const store = createSession();
    expect(store.getState().newGame({ file: DEFAULT, seed: '7', role: 'observer' }, diskReader)).toBeNull();
    const basis = new Map(units(store.getState()).map((u) => [u.id, u.basis]));
    expect(basis.get('ru-chernihiv-axis')).toBe('source');
    expect(basis.get('nato-efp-poland')).toBe('assumption');
    expect([...basis.values()].filter((b) => b === 'none')).toEqual([]);
  });
});
