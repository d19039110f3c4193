import { Injectable, computed, inject, signal } from '@angular/core';
import { Api } from '../api/api';
import { getApplicationConfiguration } from '../api/fn/app/get-application-configuration';
import { ApplicationConfigurationDto } from '../api/models/application-configuration-dto';
import { PermissionName } from '../api/models/permission-name';

/** Who is signed in, what they may do, and the partnership's plan: loaded at start and after sign-in. */
@Injectable({ providedIn: 'root' })
export class AppConfig {
  private readonly api = inject(Api);
  readonly value = signal<ApplicationConfigurationDto | null>(null);

  readonly user = computed(() => this.value()?.currentUser ?? null);
  readonly tenant = computed(() => this.value()?.currentTenant ?? null);
  readonly isHost = computed(() => (this.value()?.currentUser?.isAuthenticated ?? false) && !this.value()?.currentTenant);
  readonly timeZone = computed(() => this.value()?.currentTenant?.timeZone ?? 'UTC');
  private readonly granted = computed(() => new Set(this.value()?.grantedPermissions ?? []));

  async load(): Promise<ApplicationConfigurationDto> {
    const configuration = await this.api.invoke(getApplicationConfiguration);
    this.value.set(configuration);
    return configuration;
  }

  /** Whether the user holds a permission (names from `Permission`, generated from the API's `PermissionName`). */
  can(permission: PermissionName | undefined): boolean {
    return !permission || this.granted().has(permission);
  }

  hasFeature(feature: string | undefined): boolean {
    return !feature || this.value()?.features?.[feature] === true;
  }
}
