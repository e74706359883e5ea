import { applyPage, emptyList } from '../../miniprogram/utils/list-state';

const row = (item: { id: string; name: string }) => ({ key: item.id, text: item.name });

test('replaces the list with a first page and appends a next page without repeating rows', () => {
  const first = applyPage(
    emptyList<{ key: string; text: string }>(),
    {
      items: [
        { id: 'u_zhao', name: '赵志远' },
        { id: 'u_qian', name: '钱红梅' },
      ],
      nextCursor: '2',
    },
    false,
    row,
    (r) => r.key,
  );
  expect(first).toMatchObject({ nextCursor: '2', ended: false });
  const next = applyPage(
    first,
    {
      items: [
        { id: 'u_qian', name: '钱红梅' },
        { id: 'u_sun', name: '孙建国' },
      ],
      nextCursor: null,
    },
    true,
    row,
    (r) => r.key,
  );
  expect(next.items.map((r) => r.text)).toEqual(['赵志远', '钱红梅', '孙建国']);
  expect(next).toMatchObject({ nextCursor: null, ended: true });
  const again = applyPage(next, { items: [{ id: 'u_zhao', name: '赵志远' }], nextCursor: null }, false, row, (r) => r.key);
  expect(again.items.map((r) => r.text)).toEqual(['赵志远']);
});
