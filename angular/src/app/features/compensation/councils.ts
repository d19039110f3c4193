import { Injectable, inject, signal } from '@angular/core';
import { Api } from '../../api/api';
import { getCouncils } from '../../api/fn/governance/get-councils';
import { CouncilSummaryDto } from '../../api/models/council-summary-dto';
import { AppConfig } from '../../core/app-config';
import { Permission } from '../../shared/permissions';

/**
 * The councils a Compensation page names and filters by, loaded once per page. Someone who may not see councils
 * (finance without Governance access) gets none: rows then show no council name and filters offer none.
 */
@Injectable()
export class CouncilNames {
  private readonly api = inject(Api);
  private readonly config = inject(AppConfig);
  readonly councils = signal<CouncilSummaryDto[]>([]);

  async load(): Promise<void> {
    if (!this.config.can(Permission.GovernanceCouncils)) {
      return;
    }
    try {
      const page = await this.api.invoke(getCouncils, { MaxResultCount: 1000 });
      this.councils.set(page.items);
    } catch {
      this.councils.set([]);
    }
  }

  name(id: string | null | undefined): string {
    return (id && this.councils().find((c) => c.id === id)?.name) || '';
  }
}
