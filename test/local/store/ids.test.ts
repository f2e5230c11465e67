import { randomIds } from '../../../local/store/ids';

describe('randomIds', () => {
  it('makes unique, URL-safe ids of a fixed length', () => {
    const ids = randomIds();
    const made = Array.from({ length: 5_000 }, () => ids.newId());
    expect(new Set(made).size).toBe(made.length);
    for (const id of made.slice(0, 50)) expect(id).toMatch(/^[0-9a-z]{25}$/);
  });

  it('sorts in creation order, within one millisecond and when the clock steps back', () => {
    let now = 1_800_000_000_000;
    const ids = randomIds(() => now);
    const made: string[] = [];
    for (let i = 0; i < 50; i++) made.push(ids.newId()); // same millisecond
    now += 1;
    made.push(ids.newId());
    now -= 10_000; // NTP correction backwards
    made.push(ids.newId());
    now += 20_000;
    made.push(ids.newId());
    expect([...made].sort()).toEqual(made);
  });

  it('puts the time first: an id made later sorts after one made earlier by another source', () => {
    const early = randomIds(() => 1_800_000_000_000).newId();
    const late = randomIds(() => 1_800_000_000_001).newId();
    expect(early < late).toBe(true);
  });
});

describe('randomIds random part', () => {
  it('draws fresh random digits for every id, also across refills of its random block', () => {
    const ids = randomIds(() => 1_800_000_000_000);
    const tails = Array.from({ length: 2_000 }, () => ids.newId().slice(13));
    for (const t of tails.slice(0, 20)) expect(t).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(tails).size).toBe(tails.length);
    // Two sources never share a block: their random parts differ.
    const other = randomIds(() => 1_800_000_000_000);
    const otherTails = Array.from({ length: 600 }, () => other.newId().slice(13));
    expect(otherTails.filter((t) => tails.includes(t))).toEqual([]);
  });
});
