import { HttpBackend, HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n';

export interface PublicDecision {
  title: string;
  description?: string | null;
  councilName: string;
  state: string;
  acceptingInput: boolean;
  outcome?: string | null;
  rationale?: string | null;
  recordedAt?: string | null;
}

export type EmailStatus = 'None' | 'ConfirmationSent' | 'ConfirmationPending' | 'Confirmed';

export interface PublicInputReceipt {
  id: string;
  createdAt: string;
  emailStatus: EmailStatus;
}

export interface EmailConfirmed {
  decisionTitle: string;
  publicInputToken?: string | null;
}

/**
 * The public endpoints, called without the sign-in interceptor: a person following a shared link is not signed in,
 * and a staff member who is must not send another partnership's token along. The link's tenant travels as
 * `__tenant`; the language as Accept-Language so refusals come back in it.
 */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = new HttpClient(inject(HttpBackend));
  private readonly i18n = inject(I18n);

  decision(token: string, tenant: string | null): Promise<PublicDecision> {
    return firstValueFrom(
      this.http.get<PublicDecision>(`/api/governance/public/decisions/${encodeURIComponent(token)}`, this.options(tenant)),
    );
  }

  giveInput(token: string, tenant: string | null, body: { text: string; name: string | null; email: string | null }): Promise<PublicInputReceipt> {
    return firstValueFrom(
      this.http.post<PublicInputReceipt>(
        `/api/governance/public/decisions/${encodeURIComponent(token)}/inputs`,
        { ...body, language: this.i18n.language() },
        this.options(tenant),
      ),
    );
  }

  confirmEmail(token: string, tenant: string | null): Promise<EmailConfirmed> {
    return firstValueFrom(this.http.post<EmailConfirmed>('/api/governance/public/email-confirmations', { token }, this.options(tenant)));
  }

  private options(tenant: string | null) {
    let params = new HttpParams();
    if (tenant) {
      params = params.set('__tenant', tenant);
    }
    return { params, headers: { 'Accept-Language': this.i18n.language() } };
  }
}

/** The address a shared link opens: the decision's public page, naming the partnership so it works signed out. */
export function publicInputLink(origin: string, token: string, tenant: string | null | undefined): string {
  const query = tenant ? `?__tenant=${encodeURIComponent(tenant)}` : '';
  return `${origin}/public/decisions/${encodeURIComponent(token)}${query}`;
}
