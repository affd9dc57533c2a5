import { importUrl } from './catalogue-upload';

describe('catalogue upload URL', () => {
  it('sends format only when chosen, next to the locale', () => {
    expect(importUrl('shop', 'translation', null, 'auto')).toBe(
      '/api/projects/shop/catalogues/translation',
    );
    expect(importUrl('shop', 'common', 'pt-BR', 'v3')).toBe(
      '/api/projects/shop/catalogues/common?locale=pt-BR&format=v3',
    );
    expect(importUrl('a b', 'n', null, 'v4')).toBe('/api/projects/a%20b/catalogues/n?format=v4');
  });
});
