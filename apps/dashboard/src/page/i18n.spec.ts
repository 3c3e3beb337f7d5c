import { isLang, messages, t, tOr } from './i18n';

describe('the page in Thai and English', () => {
  it('has every message in both languages, none empty', () => {
    expect(Object.keys(messages.th).sort()).toEqual(Object.keys(messages.en).sort());
    for (const lang of ['th', 'en'] as const) {
      for (const [key, text] of Object.entries(messages[lang])) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('uses the same parameters in both languages', () => {
    const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      expect({ key, th: parameters(messages.th[key]) }).toEqual({ key, th: parameters(messages.en[key]) });
    }
  });

  it('fills in parameters and leaves unknown ones visible', () => {
    expect(t('th', 'moo', { n: 3 })).toBe('หมู่ 3');
    expect(t('en', 'casesTotal', { n: '1,174' })).toBe('1,174 households');
    expect(t('en', 'moo')).toBe('Moo {n}');
  });

  it('translates keys made from data, and shows an unknown one as it is', () => {
    expect(tOr('th', 'classification.welfare')).toBe('สงเคราะห์');
    expect(tOr('en', 'dimension.publicServices')).toBe('Access to public services');
    expect(tOr('th', 'status.somethingNew')).toBe('status.somethingNew');
    expect(tOr('en', 'toString')).toBe('toString');
  });

  it('knows its languages', () => {
    expect(isLang('th')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});
