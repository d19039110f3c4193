import { createdId } from './created';

describe('createdId', () => {
  it('reads the id from a create answer, parsed or as JSON text', () => {
    expect(createdId({ id: '0193e1a4-0000-7000-8000-000000000001' })).toBe('0193e1a4-0000-7000-8000-000000000001');
    expect(createdId('{"id":"0193e1a4-0000-7000-8000-000000000002"}')).toBe('0193e1a4-0000-7000-8000-000000000002');
  });

  it('answers nothing when the body has no id', () => {
    expect(createdId(undefined)).toBe('');
    expect(createdId('')).toBe('');
    expect(createdId({ name: 'x' })).toBe('');
  });
});
