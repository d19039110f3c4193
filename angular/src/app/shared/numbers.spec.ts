import { num } from './numbers';

describe('num', () => {
  it('reads int64 values sent as numbers or strings', () => {
    expect(num('42')).toBe(42);
    expect(num(7)).toBe(7);
    expect(num(null)).toBe(0);
    expect(num(undefined)).toBe(0);
    expect(num('')).toBe(0);
  });
});
