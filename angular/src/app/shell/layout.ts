import { Component, Injector, computed, inject, signal } from '@angular/core';
import { IsActiveMatchOptions, NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { Api } from '../api/api';
import { updateMyProfile } from '../api/fn/identity/update-my-profile';
import { AppConfig } from '../core/app-config';
import { Auth } from '../core/auth';
import { I18n, LANGUAGES, Language, TranslatePipe } from '../core/i18n';
import { NAVIGATION, NavItem } from './nav';

/** The frame of every page: skip link, header with the language switch and the account, navigation, content. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './layout.html',
  styleUrl: './layout.css',
})
export class Layout {
  protected readonly auth = inject(Auth);
  protected readonly config = inject(AppConfig);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly injector = inject(Injector);
  protected readonly languages = LANGUAGES;
  protected readonly menuOpen = signal(false);

  /** A nav link is current on its page and the pages under it; an `exact` one on its own path only (any query). */
  protected readonly subtree: IsActiveMatchOptions = { paths: 'subset', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
  protected readonly exactPath: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
  protected readonly sections = computed(() => {
    const isHost = this.config.isHost();
    const visible = (item: NavItem) =>
      this.config.can(item.permission) &&
      this.config.hasFeature(item.feature) &&
      (item.side === undefined || (item.side === 'host') === isHost) &&
      (item.when === undefined || item.when(this.injector));
    return NAVIGATION.map((section) => ({ ...section, items: section.items.filter(visible) })).filter((s) => s.items.length > 0);
  });

  constructor() {
    inject(Router)
      .events.pipe(filter((e) => e instanceof NavigationEnd))
      .subscribe(() => this.menuOpen.set(false));
  }

  /** Switches at once; a signed-in person's choice is kept in their profile (and so used for their emails too). */
  protected async setLanguage(language: string): Promise<void> {
    const chosen = language as Language;
    await this.i18n.use(chosen);
    localStorage.setItem('ep.language', chosen);
    if (this.auth.isSignedIn()) {
      try {
        await this.api.invoke(updateMyProfile, { body: { preferredLanguage: chosen, name: null, email: null } });
      } catch {
        // The page is already in the new language; the profile keeps the old one until the next switch.
      }
    }
  }

  protected signIn(): void {
    void this.auth.signIn(location.pathname === '/' ? '/' : location.pathname + location.search);
  }
}
