import { Component, DestroyRef, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { createEmailTemplateOverride } from '../../api/fn/notifications/create-email-template-override';
import { deleteEmailTemplateOverride } from '../../api/fn/notifications/delete-email-template-override';
import { getEmailTemplates } from '../../api/fn/notifications/get-email-templates';
import { previewEmailTemplate } from '../../api/fn/notifications/preview-email-template';
import { updateEmailTemplateOverride } from '../../api/fn/notifications/update-email-template-override';
import { RenderedEmail } from '../../api/models/rendered-email';
import { TemplateDto } from '../../api/models/template-dto';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { ConfirmDelete } from '../../shared/confirm';
import { RowActions } from '../../shared/row-actions';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { ListSource } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { focusSoon } from '../../shared/focus';

const PAGE_SIZE = 20;

/** The emails the platform sends, per template and language: the partnership may override any of them. */
@Component({
  selector: 'app-templates',
  imports: [ConfirmDelete, FormsModule, TranslatePipe, Loading, ProblemAlert, FieldErrors, ListPage, ListRow],
  template: `
    <h1>{{ 'notifications.templates.title' | t }}</h1>
    <p>{{ 'notifications.templates.intro' | t }}</p>

    @if (editing(); as t) {
      <form class="card" (ngSubmit)="save(t)" aria-labelledby="template-form-title">
        <h2 id="template-form-title">{{ 'notifications.templates.editTitle' | t: { name: templateName(t.name), culture: cultureName(t.culture) } }}</h2>
        <p class="hint">{{ 'notifications.templates.syntaxHint' | t }}</p>
        @if (t.fields.length) {
          <p class="hint" id="template-fields">
            {{ 'notifications.templates.fields' | t }}:
            @for (field of t.fields; track field; let last = $last) {
              <code>{{ placeholder(field) }}</code>{{ last ? '' : ', ' }}
            }
          </p>
        }
        <div class="field">
          <label for="template-subject">{{ 'notifications.templates.subject' | t }}</label>
          <input id="template-subject" name="subject" [(ngModel)]="subject" required aria-describedby="template-subject-errors" />
          <app-field-errors [problem]="saving.problem()" field="subject" id="template-subject-errors" />
        </div>
        <div class="field">
          <label for="template-text">{{ 'notifications.templates.text' | t }}</label>
          <textarea id="template-text" name="text" rows="8" [(ngModel)]="text" required aria-describedby="template-text-errors"></textarea>
          <app-field-errors [problem]="saving.problem()" field="text" id="template-text-errors" />
        </div>
        <div class="field">
          <label for="template-html">{{ 'notifications.templates.html' | t }}</label>
          <textarea id="template-html" name="html" rows="10" [(ngModel)]="html" required aria-describedby="template-html-errors"></textarea>
          <app-field-errors [problem]="saving.problem()" field="html" id="template-html-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'notifications.templates.save' | t }}</button>
          <button type="button" [disabled]="previewing.busy()" (click)="preview(t)">{{ 'notifications.templates.preview' | t }}</button>
          <button type="button" (click)="close()">{{ 'notifications.templates.cancel' | t }}</button>
        </div>
        @if (previewing.busy()) {
          <app-loading label="notifications.templates.previewLoading" />
        }
        <app-problem [problem]="previewing.problem()" [showFields]="true" />
        @if (rendered(); as r) {
          <section aria-labelledby="template-preview-title">
            <h3 id="template-preview-title" tabindex="-1">{{ 'notifications.templates.previewTitle' | t }}</h3>
            <p>{{ 'notifications.templates.subject' | t }}: <strong data-testid="preview-subject">{{ r.subject }}</strong></p>
            <h4>{{ 'notifications.templates.text' | t }}</h4>
            <pre class="preview-text" data-testid="preview-text">{{ r.text }}</pre>
            <h4>{{ 'notifications.templates.html' | t }}</h4>
            <div class="actions">
              <button type="button" [attr.aria-pressed]="showRendered()" (click)="showRendered.set(!showRendered())">
                {{ 'notifications.templates.showRendered' | t }}
              </button>
            </div>
            @if (showRendered()) {
              <div #htmlPreview class="preview-frame"></div>
            } @else {
              <pre class="preview-text" data-testid="preview-html">{{ r.html }}</pre>
            }
          </section>
        }
      </form>
    }

    @if (rows.deletion.target(); as t) {
      <app-confirm-delete [deletion]="rows.deletion" [title]="'notifications.templates.deleteTitle' | t: { name: templateName(t.name), culture: cultureName(t.culture) }" [warning]="'notifications.templates.deleteWarning' | t"
        [confirmLabel]="'notifications.templates.deleteConfirm' | t" (confirmed)="remove(t)" />
    }

    <app-list-page [list]="templates" key="templates" caption="notifications.templates.title" [actions]="rows"
      [columns]="['notifications.templates.name', 'notifications.templates.culture', 'notifications.templates.source', 'notifications.templates.subject', 'notifications.templates.actions']" empty="notifications.templates.empty">
      <ng-template [listRow]="templates" let-t>
        <th scope="row">{{ templateName(t.name) }}</th>
        <td>{{ cultureName(t.culture) }}</td>
        <td>
          <span class="badge" [class.ok]="t.isOverride">{{ (t.isOverride ? 'notifications.templates.override' : 'notifications.templates.default') | t }}</span>
        </td>
        <td>{{ t.subject }}</td>
        <td>
          <div class="actions">
            <button type="button" (click)="edit(t)" [attr.aria-label]="(t.isOverride ? 'notifications.templates.editFor' : 'notifications.templates.customizeFor') | t: { name: templateName(t.name), culture: cultureName(t.culture) }">
              {{ (t.isOverride ? 'notifications.templates.edit' : 'notifications.templates.customize') | t }}
            </button>
            @if (t.isOverride) {
              <button type="button" class="danger" (click)="askDelete(t)" [attr.aria-label]="'notifications.templates.deleteFor' | t: { name: templateName(t.name), culture: cultureName(t.culture) }">
                {{ 'notifications.templates.delete' | t }}
              </button>
            }
          </div>
        </td>
      </ng-template>
    </app-list-page>
  `,
  styles: `
    .preview-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: 0.75rem; border-radius: 4px; }
    .preview-frame ::ng-deep .preview-html { width: 100%; min-height: 20rem; border: 1px solid #767676; background: #fff; }
  `,
})
export class Templates {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  /** Every registered template in each language, by name then language, a page at a time. */
  protected readonly templates = new ListSource<TemplateDto>((query) => this.api.invoke(getEmailTemplates, { ...query, Sorting: 'name' }), PAGE_SIZE);
  protected readonly saving = new Submission();
  protected readonly previewing = new Submission();
  protected readonly rows = new RowActions<TemplateDto>('template', this.templates);
  protected readonly editing = signal<TemplateDto | null>(null);
  protected readonly rendered = signal<RenderedEmail | null>(null);
  /** The HTML shows as its (escaped) source until asked to show as the email looks, in a sandboxed frame. */
  protected readonly showRendered = signal(false);
  private readonly frameHost = viewChild<ElementRef<HTMLElement>>('htmlPreview');
  private previewUrl: string | null = null;
  protected subject = '';
  protected text = '';
  protected html = '';

  constructor() {
    inject(DestroyRef).onDestroy(() => this.revokePreviewUrl());
    void this.templates.reload();
    // The rendered HTML goes into a sandboxed frame (no scripts, an opaque origin): never into this page's own DOM.
    // A new frame per preview, loading the markup from a blob it cannot reach back out of.
    effect(() => {
      const host = this.frameHost()?.nativeElement;
      const rendered = this.rendered();
      this.i18n.language(); // the frame's title follows the language
      if (host && rendered) {
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', '');
        frame.className = 'preview-html';
        frame.title = this.i18n.t('notifications.templates.htmlFrame');
        this.revokePreviewUrl();
        this.previewUrl = URL.createObjectURL(new Blob([rendered.html], { type: 'text/html' }));
        frame.src = this.previewUrl;
        host.replaceChildren(frame);
      }
    });
  }

  private revokePreviewUrl(): void {
    if (this.previewUrl) {
      URL.revokeObjectURL(this.previewUrl);
      this.previewUrl = null;
    }
  }

  /** A field as a template writes it: {{ decision.title }}. */
  protected placeholder(field: string): string {
    return `{{ ${field} }}`;
  }

  protected templateName(name: string): string {
    return this.i18n.optional(`notifications.templateNames.${name}`, name);
  }

  protected cultureName(culture: string): string {
    return this.i18n.optional(`shell.languages.${culture}`, culture);
  }

  protected edit(t: TemplateDto): void {
    this.subject = t.subject;
    this.text = t.text;
    this.html = t.html;
    this.saving.reset();
    this.previewing.reset();
    this.rendered.set(null);
    this.showRendered.set(false);
    this.rows.deletion.cancel();
    this.editing.set(t);
    focusSoon('template-subject');
  }

  protected close(): void {
    this.editing.set(null);
    this.rendered.set(null);
  }

  protected async preview(t: TemplateDto): Promise<void> {
    const rendered = await this.previewing.run(() =>
      this.api.invoke(previewEmailTemplate, { body: { name: t.name, culture: t.culture, subject: this.subject, text: this.text, html: this.html } }),
    );
    if (rendered) {
      this.rendered.set(rendered);
      focusSoon('template-preview-title');
    }
  }

  protected async save(t: TemplateDto): Promise<void> {
    const body = { subject: this.subject, text: this.text, html: this.html };
    const done = await this.saving.run(async () => {
      if (t.isOverride && t.overrideId) {
        await this.api.invoke(updateEmailTemplateOverride, { id: t.overrideId, body });
      } else {
        await this.api.invoke(createEmailTemplateOverride, { body: { ...body, name: t.name, culture: t.culture } });
      }
      return true;
    });
    if (done) {
      this.close();
      this.rows.say(this.i18n.t('notifications.templates.saved', { name: this.templateName(t.name), culture: this.cultureName(t.culture) }));
      await this.templates.reload();
    }
  }

  protected askDelete(t: TemplateDto): void {
    this.close();
    this.rows.deletion.ask(t);
  }

  protected remove(t: TemplateDto): Promise<void> {
    return this.rows.remove(
      () => this.api.invoke(deleteEmailTemplateOverride, { id: t.overrideId! }),
      () => this.i18n.t('notifications.templates.deleted', { name: this.templateName(t.name), culture: this.cultureName(t.culture) }),
    );
  }


}
