import { HttpBackend, HttpClient } from '@angular/common/http';
import { Injectable, Pipe, PipeTransform, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/**
 * Translation files, one per area, under public/i18n/<area>.<lang>.json. Keys are "<area>.<key>", so an area's
 * pages only ever touch their own files. Add an area here when a module brings its pages.
 */
export const TRANSLATION_AREAS = ['shell', 'admin', 'governance', 'decisions', 'notifications', 'audit', 'public', 'compensation', 'dataSharing'] as const;

type Dictionary = Record<string, string>;

/** Runtime translation with signals: switching the language re-renders every translated string at once. */
@Injectable({ providedIn: 'root' })
export class I18n {
  // HttpBackend: translation files load without the auth interceptor (they are public static files).
  private readonly http = new HttpClient(inject(HttpBackend));
  private readonly dictionaries = signal<Partial<Record<Language, Dictionary>>>({});
  readonly language = signal<Language>('en');
  /** Keys asked for but missing in the current language; the end-to-end tests read it to prove nothing is untranslated. */
  readonly missing = new Set<string>();

  readonly ready = computed(() => this.dictionaries()[this.language()] !== undefined);

  async use(language: Language): Promise<void> {
    if (!this.dictionaries()[language]) {
      const parts = await Promise.all(
        TRANSLATION_AREAS.map((area) =>
          firstValueFrom(this.http.get<Dictionary>(`i18n/${area}.${language}.json`)).then(
            (entries) => prefix(area, entries),
            () => ({}) as Dictionary,
          ),
        ),
      );
      const merged = Object.assign({}, ...parts) as Dictionary;
      this.dictionaries.update((all) => ({ ...all, [language]: merged }));
    }
    this.language.set(language);
    document.documentElement.lang = language;
    (globalThis as { __epMissingKeys?: Set<string> }).__epMissingKeys = this.missing;
  }

  /** The text for a key, with {name} placeholders filled in. A missing key shows itself and is recorded. */
  t(key: string, params?: Record<string, unknown>): string {
    const dictionary = this.dictionaries()[this.language()];
    let text = dictionary?.[key];
    if (text === undefined) {
      if (dictionary) {
        this.missing.add(`${this.language()}:${key}`);
      }
      return key;
    }
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    }
    return text;
  }

  /** The text for a key when there is one, else the fallback (a name the UI has no translation for). */
  optional(key: string, fallback: string): string {
    return this.has(key) ? this.t(key) : fallback;
  }

  /** Whether a key exists: for optional texts such as a message per error code. */
  has(key: string): boolean {
    return this.dictionaries()[this.language()]?.[key] !== undefined;
  }

  formatDate(value: string | Date | null | undefined, style: 'date' | 'dateTime' = 'dateTime', timeZone?: string): string {
    if (!value) {
      return '';
    }
    const date = typeof value === 'string' ? new Date(value) : value;
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'medium', timeZone: timeZone ?? 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone };
    return new Intl.DateTimeFormat(this.language(), options).format(date);
  }

  formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
    return value === null || value === undefined ? '' : new Intl.NumberFormat(this.language(), options).format(value);
  }

  formatPercent(share: number | null | undefined): string {
    return this.formatNumber(share, { style: 'percent', maximumFractionDigits: 1 });
  }
}

function prefix(area: string, entries: Dictionary): Dictionary {
  const result: Dictionary = {};
  for (const [key, value] of Object.entries(entries)) {
    result[`${area}.${key}`] = value;
  }
  return result;
}

/** `{{ 'governance.councils.title' | t }}` or `{{ 'decisions.votes' | t: { count: n } }}`. Impure so a language switch shows at once. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: string, params?: Record<string, unknown>): string {
    return this.i18n.t(key, params);
  }
}
