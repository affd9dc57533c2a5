import { csvCell, formatCredits, markdownText } from './credits-format';

describe('contributor credits', () => {
  const people = [
    { displayName: 'Ada "A" Lovelace', locales: ['de', 'pl'], candidates: 6, wins: 2, votes: 9 },
    { displayName: '=HYPERLINK("x")', locales: ['de'], candidates: 1, wins: 0, votes: 0 },
  ];

  it('writes CSV with quotes doubled and formulas defused', () => {
    const csv = formatCredits('csv', 'Demo', people);
    expect(csv.split('\r\n')).toEqual([
      '"name","locales","candidates","wins","votes"',
      '"Ada ""A"" Lovelace","de pl","6","2","9"',
      '"\'=HYPERLINK(""x"")","de","1","0","0"',
      '',
    ]);
    expect(csvCell(-1)).toBe('"-1"');
  });

  it('writes Markdown whose names cannot become links, HTML or emphasis', () => {
    expect(markdownText('<b>[x](y)</b> *z*')).toBe('\\<b\\>\\[x\\]\\(y\\)\\</b\\> \\*z\\*');
    const md = formatCredits('markdown', 'Demo 1.0', people);
    expect(md).toContain('## Demo 1\\.0');
    expect(md).toContain('- Ada "A" Lovelace (de, pl): 2 won, 6 written, 9 votes');
  });

  it('says when nobody has contributed yet', () => {
    expect(formatCredits('markdown', 'Empty', [])).toContain('_No contributors yet._');
  });
});
