import { TRANSLATION_AREAS } from './i18n';
import shellEn from '../../../public/i18n/shell.en.json';
import shellEs from '../../../public/i18n/shell.es.json';
import adminEn from '../../../public/i18n/admin.en.json';
import adminEs from '../../../public/i18n/admin.es.json';
import governanceEn from '../../../public/i18n/governance.en.json';
import governanceEs from '../../../public/i18n/governance.es.json';
import decisionsEn from '../../../public/i18n/decisions.en.json';
import decisionsEs from '../../../public/i18n/decisions.es.json';
import notificationsEn from '../../../public/i18n/notifications.en.json';
import notificationsEs from '../../../public/i18n/notifications.es.json';
import auditEn from '../../../public/i18n/audit.en.json';
import auditEs from '../../../public/i18n/audit.es.json';
import publicEn from '../../../public/i18n/public.en.json';
import publicEs from '../../../public/i18n/public.es.json';
import compensationEn from '../../../public/i18n/compensation.en.json';
import compensationEs from '../../../public/i18n/compensation.es.json';
import dataSharingEn from '../../../public/i18n/dataSharing.en.json';
import dataSharingEs from '../../../public/i18n/dataSharing.es.json';

// Every area's English and Spanish files have the same keys, no empty texts, and the same {placeholders}.
const files: Record<string, Record<'en' | 'es', Record<string, string>>> = {
  shell: { en: shellEn, es: shellEs },
  admin: { en: adminEn, es: adminEs },
  governance: { en: governanceEn, es: governanceEs },
  decisions: { en: decisionsEn, es: decisionsEs },
  notifications: { en: notificationsEn, es: notificationsEs },
  audit: { en: auditEn, es: auditEs },
  public: { en: publicEn, es: publicEs },
  compensation: { en: compensationEn, es: compensationEs },
  dataSharing: { en: dataSharingEn, es: dataSharingEs },
};

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(',');

describe('translation files', () => {
  it('cover every area the app loads', () => {
    expect(Object.keys(files).sort()).toEqual([...TRANSLATION_AREAS].sort());
  });

  for (const area of TRANSLATION_AREAS) {
    it(`${area}: Spanish and English have the same keys and placeholders`, () => {
      const { en, es } = files[area];
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        expect(text.trim(), `${area}.${key} (en)`).not.toBe('');
        expect(es[key].trim(), `${area}.${key} (es)`).not.toBe('');
        expect(placeholders(es[key]), `${area}.${key}`).toBe(placeholders(text));
      }
    });
  }
});
