import { Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getUsers } from '../../api/fn/identity/get-users';
import { UserDto } from '../../api/models/user-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Problem } from '../../core/problem';
import { Loadable, Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { Loading, ProblemAlert } from '../../shared/state';
import { todayIn } from '../../shared/time';
import { DataSharingApi } from './data-sharing-api';
import {
  AgreementDraft,
  AgreementDto,
  CODE_FIELDS,
  PARTY_KINDS,
  PARTY_ROLES,
  SENSITIVITIES,
  agreementInput,
  draftOf,
  emptyDraft,
  emptyParty,
  localErrors,
} from './model';

/**
 * The messages for one field of the editor: what the page checked itself (translated), the API's field errors (its
 * validator's names, in any case) and a broken rule's message when the rule is about this field.
 */
export function editorMessages(problem: Problem | null, field: string, local: string | undefined, translate: (key: string) => string): string[] {
  const messages: string[] = [];
  if (local) {
    messages.push(translate(local));
  }
  const wanted = field.toLowerCase();
  for (const [key, list] of Object.entries(problem?.errors ?? {})) {
    if (key.toLowerCase() === wanted) {
      messages.push(...list);
    }
  }
  if (problem?.code && CODE_FIELDS[problem.code] === field) {
    messages.push(problem.detail || problem.title);
  }
  return messages;
}

/** The messages under one field; the input names this element's id in its aria-describedby. */
@Component({
  selector: 'app-messages',
  host: { '[attr.id]': 'id()' },
  template: `@for (m of messages(); track $index) {<p class="field-error">{{ m }}</p>}`,
})
export class FieldMessages {
  readonly messages = input<string[]>([]);
  readonly id = input('');
}

/**
 * Writes a new agreement, or edits the open draft of one (the original before submission, or an amendment): parties
 * with their kind, role, signatory (a person of the partnership), contact email and whether their signature is
 * required; data elements; governance terms; permitted uses; retention, destruction and dates. PHI needs a
 * breach-notification window and a destruction date: the page says so under those fields, as the API does.
 */
@Component({
  selector: 'app-agreement-editor',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, FieldMessages],
  templateUrl: './agreement-editor.html',
  styles: `
    fieldset { border: 1px solid var(--ep-border); border-radius: 4px; margin: 0 0 1rem; padding: 0.75rem 1rem; min-width: 0; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    .row-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0 1rem; }
    .required-mark { font-weight: 400; }
  `,
})
export class AgreementEditor {
  private readonly api = inject(DataSharingApi);
  private readonly client = inject(Api);
  private readonly router = inject(Router);
  private readonly config = inject(AppConfig);
  protected readonly i18n = inject(I18n);
  /** The agreement being edited; none on /agreements/new. */
  readonly id = input<string | undefined>();
  protected readonly agreement = new Loadable<AgreementDto>();
  protected readonly users = new Loadable<UserDto[]>();
  protected readonly saving = new Submission();
  protected readonly kinds = PARTY_KINDS;
  protected readonly roles = PARTY_ROLES;
  protected readonly sensitivities = SENSITIVITIES;
  protected draft: AgreementDraft = emptyDraft(todayIn(this.config.timeZone()));
  protected readonly checked = signal<Record<string, string>>({});
  protected readonly ready = signal(false);
  protected readonly notEditable = signal(false);
  protected readonly editing = computed(() => !!this.id());
  protected readonly versionNumber = signal(1);

  constructor() {
    void this.users.load(async () => {
      const page = await this.client.invoke(getUsers, { MaxResultCount: 1000, Sorting: 'name' });
      return page.items.filter((u) => u.isActive);
    });
    queueMicrotask(() => void this.start());
  }

  private async start(): Promise<void> {
    const id = this.id();
    if (!id) {
      this.ready.set(true);
      focusSoon('agreement-title');
      return;
    }
    const agreement = await this.agreement.load(() => this.api.get(id));
    if (!agreement) {
      return;
    }
    const latest = agreement.amendment ?? agreement.current;
    this.versionNumber.set(latest.number);
    if (latest.state !== 'Draft') {
      this.notEditable.set(true);
      return;
    }
    this.draft = draftOf(latest);
    this.ready.set(true);
    focusSoon('agreement-title');
  }

  protected messages(field: string): string[] {
    return editorMessages(this.saving.problem(), field, this.checked()[field], (key) => this.i18n.t(key));
  }

  protected describedBy(field: string, hint = false): string {
    return [hint ? `${field}-hint` : '', this.messages(field).length ? `${field}-errors` : ''].filter((x) => x).join(' ') || '';
  }

  protected userLabel(u: UserDto): string {
    return u.name && u.name !== u.userName ? `${u.name} (${u.userName})` : u.userName;
  }

  protected addParty(): void {
    const party = emptyParty();
    this.draft.parties.push(party);
    focusSoon(`party-${party.key}-name`);
  }

  protected removeParty(index: number): void {
    this.draft.parties.splice(index, 1);
    focusSoon('parties-add');
  }

  protected addElement(): void {
    this.draft.dataElements.push({ name: '', description: '', sensitivity: this.draft.sensitivity });
    focusSoon(`element-${this.draft.dataElements.length - 1}-name`);
  }

  protected removeElement(index: number): void {
    this.draft.dataElements.splice(index, 1);
    focusSoon('elements-add');
  }

  protected addUse(): void {
    this.draft.permittedUses.push({ text: '' });
    focusSoon(`use-${this.draft.permittedUses.length - 1}`);
  }

  protected removeUse(index: number): void {
    this.draft.permittedUses.splice(index, 1);
    focusSoon('uses-add');
  }

  protected async save(): Promise<void> {
    const local = localErrors(this.draft);
    this.checked.set(local);
    this.saving.reset();
    const first = Object.keys(local)[0];
    if (first) {
      focusSoon(`agreement-${first}`);
      return;
    }
    const body = agreementInput(this.draft);
    const existing = this.id();
    const saved = await this.saving.run(async () => {
      if (existing) {
        await this.api.editDraft(existing, body);
        return existing;
      }
      return this.api.create(body);
    });
    if (saved) {
      await this.router.navigate(['/data-sharing/agreements', saved], { queryParams: { saved: existing ? 'edited' : 'created' } });
      return;
    }
    const field = this.saving.problem()?.code ? CODE_FIELDS[this.saving.problem()!.code!] : undefined;
    focusSoon(field ? `agreement-${field}` : 'editor-problem');
  }
}
