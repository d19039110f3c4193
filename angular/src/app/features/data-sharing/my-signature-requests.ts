import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import { AppConfig } from '../../core/app-config';
import { DataSharingApi } from './data-sharing-api';
import { MySignatureRequestDto } from './model';

/** The plan feature of the Data sharing pages (SaasFeatures.DataSharing). */
export const DATA_SHARING = 'DataSharing';

/**
 * The agreements waiting for the signed-in person's signature: read once they are signed in to a partnership whose
 * plan has data sharing, and again after they sign. The navigation shows "My signatures" only while there are some.
 */
@Injectable({ providedIn: 'root' })
export class MySignatureRequests {
  private readonly api = inject(DataSharingApi);
  private readonly config = inject(AppConfig);
  readonly requests = signal<MySignatureRequestDto[]>([]);

  constructor() {
    effect(() => {
      const signedIn = this.config.user()?.isAuthenticated === true && this.config.tenant() !== null;
      const enabled = this.config.hasFeature(DATA_SHARING);
      untracked(() => {
        if (signedIn && enabled) {
          void this.refresh();
        } else {
          this.requests.set([]);
        }
      });
    });
  }

  any(): boolean {
    return this.requests().length > 0;
  }

  async refresh(): Promise<MySignatureRequestDto[]> {
    try {
      this.requests.set(await this.api.mySignatureRequests());
    } catch {
      // Without the list the link stays hidden; the page itself still answers with its own state.
      this.requests.set([]);
    }
    return this.requests();
  }
}
