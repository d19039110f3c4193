import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AppConfig } from '../core/app-config';
import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n';
import { NAVIGATION } from './nav';

/** The start page: what the product is when signed out, the pages this person can use when signed in. */
@Component({
  selector: 'app-home',
  imports: [RouterLink, TranslatePipe],
  template: `
    @if (auth.isSignedIn()) {
      <h1>{{ 'shell.home.welcome' | t: { name: config.user()?.name || config.user()?.userName } }}</h1>
      <p>{{ 'shell.home.intro' | t }}</p>
      <ul class="home-links">
        @for (item of links(); track item.route) {
          <li>
            @if (item.external) {
              <a class="card" [href]="item.route">{{ item.label | t }}</a>
            } @else {
              <a class="card" [routerLink]="item.route">{{ item.label | t }}</a>
            }
          </li>
        }
      </ul>
    } @else {
      <h1>{{ 'shell.home.title' | t }}</h1>
      <p>{{ 'shell.home.pitch' | t }}</p>
      <button type="button" class="primary" (click)="signIn()">{{ 'shell.signIn' | t }}</button>
    }
  `,
  styles: `
    .home-links { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.75rem; }
    .home-links a { display: block; font-weight: 600; text-decoration: none; margin: 0; }
  `,
})
export class Home {
  protected readonly auth = inject(Auth);
  protected readonly config = inject(AppConfig);

  protected readonly links = computed(() => {
    const isHost = this.config.isHost();
    return NAVIGATION.flatMap((s) => s.items).filter(
      (i) => this.config.can(i.permission) && this.config.hasFeature(i.feature) && (i.side === undefined || (i.side === 'host') === isHost),
    );
  });

  protected signIn(): void {
    void this.auth.signIn('/');
  }
}
