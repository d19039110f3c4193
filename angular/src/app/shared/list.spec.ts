import { ListSource, listItems, listTotal } from './list';

describe('list answers', () => {
  it('reads rows and totals from a paged answer and from a bare array', () => {
    expect(listItems({ totalCount: '42', items: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(listTotal({ totalCount: '42', items: ['a', 'b'] })).toBe(42);
    expect(listItems(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(listTotal(['a', 'b', 'c'])).toBe(3);
    expect(listItems(undefined)).toEqual([]);
    expect(listTotal(null)).toBe(0);
  });
});

describe('ListSource', () => {
  it('asks for the page window and the trimmed filter, and starts a search at the first page', async () => {
    const queries: unknown[] = [];
    const list = new ListSource<string>(async (query) => {
      queries.push(query);
      return { totalCount: 45, items: ['x'] };
    }, 20);
    await list.goTo(40);
    list.filter.set('  ana ');
    await list.search();
    expect(queries).toEqual([
      { SkipCount: 40, MaxResultCount: 20, filter: undefined },
      { SkipCount: 0, MaxResultCount: 20, filter: 'ana' },
    ]);
    expect(list.total()).toBe(45);
    expect(list.items()).toEqual(['x']);
  });

  it('shows the newest request when an older one answers last', async () => {
    const answers: ((value: string[]) => void)[] = [];
    const list = new ListSource<string>(() => new Promise<string[]>((resolve) => answers.push(resolve)));
    const first = list.reload();
    const second = list.reload();
    answers[1](['new']);
    answers[0](['old']);
    await Promise.all([first, second]);
    expect(list.items()).toEqual(['new']);
  });

  it('replaces one row in either shape', async () => {
    const list = new ListSource<{ id: number; v: string }>(async () => [{ id: 1, v: 'a' }, { id: 2, v: 'b' }]);
    await list.reload();
    list.replace((r) => r.id === 2, { id: 2, v: 'B' });
    expect(list.items().map((r) => r.v)).toEqual(['a', 'B']);
  });
});
