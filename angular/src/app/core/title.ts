import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from './i18n';

/** The product's name: the home page's whole title and every other page's suffix. */
export const PRODUCT_TITLE = 'shell.productName';

/**
 * Route titles are translation keys (`title: 'shell.titles.users'`): the browser tab reads "<page> · <product>" in
 * the current language and follows a language switch without a navigation.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly key = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      if (this.i18n.ready()) {
        this.title.setTitle(pageTitle(this.i18n, key));
      }
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set(this.buildTitle(snapshot));
  }
}

/** "<page> · <product>", or the product alone for a route without its own title (or the home page). */
export function pageTitle(i18n: Pick<I18n, 't'>, key: string | undefined): string {
  const product = i18n.t(PRODUCT_TITLE);
  return key && key !== PRODUCT_TITLE ? `${i18n.t(key)} · ${product}` : product;
}
