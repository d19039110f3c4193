import { HttpBackend, HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { I18n } from './i18n';

export const CLIENT_ID = 'EngagementPlatform_App';
export const SCOPES = 'openid profile email roles offline_access EngagementPlatform';
const TOKEN_KEY = 'ep.tokens';
const FLOW_KEY = 'ep.signin';
/** The query parameter (and header) that names a partnership; the server's sign-in page pre-fills it. */
export const TENANT_PARAMETER = '__tenant';

/** A partnership's short name as the server accepts it: letters, digits and hyphens, at most 64. */
export function isTenantName(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/.test(value);
}

/** Only a path inside this app is a place to return to: never another origin ("//x", "/\\x") or the callback itself. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !url.startsWith('/auth/callback') ? url : '/';
}

interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

interface PendingSignIn {
  state: string;
  verifier: string;
  returnUrl: string;
  tenant?: string;
}

interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

/**
 * Sign-in by OpenID Connect authorization code + PKCE against the host's own server. The partnership is chosen on
 * the server's sign-in page (or comes from the subdomain); the token carries it, so API calls need no tenant header.
 * Tokens live in sessionStorage: closing the tab signs out.
 */
@Injectable({ providedIn: 'root' })
export class Auth {
  // HttpBackend: token requests must not pass through the interceptor that adds the bearer token.
  private readonly http = new HttpClient(inject(HttpBackend));
  private readonly i18n = inject(I18n);
  private readonly tokens = signal<StoredTokens | null>(read<StoredTokens>(TOKEN_KEY));
  readonly isSignedIn = computed(() => this.tokens() !== null);
  /** The last sign-in this tab started (where to, which partnership), so a failed one can be tried again. */
  private lastSignIn: PendingSignIn | null = null;

  get accessToken(): string | null {
    return this.tokens()?.accessToken ?? null;
  }

  /** Sends the browser to the sign-in page; `tenant` pre-fills the partnership there. */
  async signIn(returnUrl = '/', tenant?: string): Promise<void> {
    const verifier = randomString(64);
    const state = randomString(32);
    returnUrl = safeReturnUrl(returnUrl);
    tenant = isTenantName(tenant) ? tenant : undefined;
    sessionStorage.setItem(FLOW_KEY, JSON.stringify({ state, verifier, returnUrl, tenant } satisfies PendingSignIn));
    let params = new HttpParams()
      .set('client_id', CLIENT_ID)
      .set('redirect_uri', `${location.origin}/auth/callback`)
      .set('response_type', 'code')
      .set('scope', SCOPES)
      .set('state', state)
      .set('code_challenge', await challenge(verifier))
      .set('code_challenge_method', 'S256');
    if (tenant) {
      params = params.set(TENANT_PARAMETER, tenant);
    }
    // The sign-in page speaks the language the app shows.
    params = params.set('ui_locales', this.i18n.language());
    location.assign(`/connect/authorize?${params.toString()}`);
  }

  /** Finishes the flow on /auth/callback: checks the state, trades the code for tokens, returns where to go next. */
  async completeSignIn(query: URLSearchParams): Promise<string> {
    const pending = read<PendingSignIn>(FLOW_KEY);
    sessionStorage.removeItem(FLOW_KEY);
    this.lastSignIn = pending;
    const error = query.get('error');
    if (error) {
      throw new Error(query.get('error_description') ?? error);
    }
    if (!pending || pending.state !== query.get('state') || !query.get('code')) {
      throw new Error('state');
    }
    const body = new HttpParams()
      .set('grant_type', 'authorization_code')
      .set('client_id', CLIENT_ID)
      .set('code', query.get('code')!)
      .set('redirect_uri', `${location.origin}/auth/callback`)
      .set('code_verifier', pending.verifier);
    this.store(await this.post(body));
    return safeReturnUrl(pending.returnUrl);
  }

  /** Starts again the sign-in that just failed: the same page to come back to, the same partnership. */
  retrySignIn(): Promise<void> {
    return this.signIn(this.lastSignIn?.returnUrl ?? '/', this.lastSignIn?.tenant);
  }

  /** Renews the access token with the refresh token; false means the person must sign in again. */
  async refresh(): Promise<boolean> {
    const refreshToken = this.tokens()?.refreshToken;
    if (!refreshToken) {
      return false;
    }
    try {
      const body = new HttpParams().set('grant_type', 'refresh_token').set('client_id', CLIENT_ID).set('refresh_token', refreshToken);
      this.store(await this.post(body));
      return true;
    } catch {
      this.clear();
      return false;
    }
  }

  isExpiringSoon(): boolean {
    const tokens = this.tokens();
    return tokens !== null && tokens.expiresAt - Date.now() < 60_000;
  }

  /** Forgets the tokens and ends the server session (the sign-in cookie) too. */
  signOut(): void {
    this.clear();
    location.assign(`/connect/logout?post_logout_redirect_uri=${encodeURIComponent(location.origin + '/')}&client_id=${CLIENT_ID}`);
  }

  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this.tokens.set(null);
  }

  private post(body: HttpParams): Promise<TokenResponse> {
    return firstValueFrom(
      this.http.post<TokenResponse>('/connect/token', body.toString(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  private store(response: TokenResponse): void {
    const tokens: StoredTokens = {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? this.tokens()?.refreshToken,
      expiresAt: Date.now() + response.expires_in * 1000,
    };
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(tokens));
    this.tokens.set(tokens);
  }
}

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** URL-safe random text from the browser's CSPRNG (RFC 7636 allows 43–128 characters). */
export function randomString(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The S256 code challenge: base64url(SHA-256(verifier)). */
export async function challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
