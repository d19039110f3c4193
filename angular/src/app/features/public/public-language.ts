import { Language, LANGUAGES, I18n } from '../../core/i18n';

/** A link may name the page's language (`?lang=es`, as the confirmation mail does); it becomes this browser's choice. */
export async function useLinkLanguage(i18n: I18n, lang: string | null | undefined): Promise<void> {
  const language = lang as Language;
  if (language && LANGUAGES.includes(language) && i18n.language() !== language) {
    await i18n.use(language);
    localStorage.setItem('ep.language', language);
  }
}
