import { queryAllPages } from './catalogPages';

describe('queryAllPages', () => {
  it('sends the filter first, then each cursor with the same fields and size, until no cursor is left', async () => {
    const pages = [
      { items: [1, 2], pageInfo: { nextCursor: 'a' } },
      { items: [3], pageInfo: { nextCursor: 'b' } },
      { items: [], pageInfo: {} },
    ];
    const queryPage = jest.fn(async () => pages.shift()!);
    const items = await queryAllPages(queryPage, {
      filter: { kind: 'component' },
      fields: ['kind'],
      limit: 2,
    });
    expect(items).toEqual([1, 2, 3]);
    expect(queryPage.mock.calls).toEqual([
      [{ filter: { kind: 'component' }, fields: ['kind'], limit: 2 }],
      [{ cursor: 'a', fields: ['kind'], limit: 2 }],
      [{ cursor: 'b', fields: ['kind'], limit: 2 }],
    ]);
  });

  it('asks for whole items when no fields are named', async () => {
    const queryPage = jest.fn(async () => ({ items: [1], pageInfo: {} }));
    await queryAllPages(queryPage, { limit: 5 });
    expect(queryPage.mock.calls).toEqual([[{ filter: undefined, limit: 5 }]]);
  });
});
