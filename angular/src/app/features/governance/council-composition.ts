import { Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { addCompositionRule } from '../../api/fn/governance/add-composition-rule';
import { addCompositionRuleTemplate } from '../../api/fn/governance/add-composition-rule-template';
import { deleteCompositionRule } from '../../api/fn/governance/delete-composition-rule';
import { getComposition } from '../../api/fn/governance/get-composition';
import { getDiversity } from '../../api/fn/governance/get-diversity';
import { CompositionDto } from '../../api/models/composition-dto';
import { CompositionRuleKind } from '../../api/models/composition-rule-kind';
import { CouncilDto } from '../../api/models/council-dto';
import { DiversityDto } from '../../api/models/diversity-dto';
import { RuleComplianceDto } from '../../api/models/rule-compliance-dto';
import { SeatCategory } from '../../api/models/seat-category';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { AGE_BANDS, CATEGORIES, RACE_ETHNICITY } from './governance-util';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';
import { num } from '../../shared/numbers';
import { todayIn } from '../../shared/time';

const KINDS: readonly CompositionRuleKind[] = ['MinimumShare', 'MinimumSeats', 'ChairFrom'];

/** Whether the council's make-up meets each rule on a date, the seat categories, the rules, and diversity aggregates. */
@Component({
  selector: 'app-council-composition',
  imports: [FormsModule, TranslatePipe, Loading, Empty, ProblemAlert, FieldErrors],
  templateUrl: './council-composition.html',
  styleUrl: './council-composition.css',
})
export class CouncilComposition implements OnInit {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  readonly council = input.required<CouncilDto>();
  readonly changed = output<void>();
  protected readonly canManage = this.config.can(Permission.GovernanceCouncilsManage);
  protected readonly categories = CATEGORIES;
  protected readonly kinds = KINDS;
  protected readonly composition = new Loadable<CompositionDto>();
  protected readonly diversity = new Loadable<DiversityDto>();
  protected readonly saving = new Submission();
  protected readonly acting = new Submission();
  protected readonly formOpen = signal(false);
  protected readonly message = signal('');
  protected readonly num = num;
  protected date = todayIn(this.config.timeZone());
  protected ruleKind: CompositionRuleKind = 'MinimumShare';
  protected ruleName = '';
  protected ruleCategories = new Set<SeatCategory>();
  protected rulePercent: number | null = 51;
  protected ruleSeats: number | null = 1;
  protected ruleSource = '';

  /** The widest category bar is the category with the most seats. */
  protected readonly maxSeats = computed(() => Math.max(1, ...(this.composition.data()?.categories ?? []).map((c) => num(c.seats))));
  protected readonly dimensions = computed(() => {
    const d = this.diversity.data()?.dimensions ?? {};
    return ['language', 'ageBand', 'raceEthnicity', 'neighborhood'].filter((k) => d[k]).map((k) => ({ key: k, cells: d[k] }));
  });

  ngOnInit(): void {
    void this.load();
    void this.diversity.load(() => this.api.invoke(getDiversity, { id: this.council().id }));
  }

  protected load() {
    return this.composition.load(() => this.api.invoke(getComposition, { id: this.council().id, date: this.date || undefined }));
  }

  protected showToday(): void {
    this.date = todayIn(this.config.timeZone());
    void this.load();
  }

  protected categoryList(categories: SeatCategory[]): string {
    const names = categories.map((c) => this.i18n.t('governance.categories.' + c));
    return new Intl.ListFormat(this.i18n.language(), { type: 'disjunction' }).format(names);
  }

  protected describe(rule: RuleComplianceDto): string {
    const categories = this.categoryList(rule.categories);
    if (rule.kind === 'MinimumSeats') {
      return this.i18n.t('governance.rules.describeSeats', { count: num(rule.requiredSeats), categories });
    }
    if (rule.kind === 'ChairFrom') {
      return this.i18n.t('governance.rules.describeChair', { categories });
    }
    const stored = this.council().rules.find((r) => r.id === rule.id);
    const share = rule.minimumShare ?? stored?.minimumShare;
    return share === null || share === undefined
      ? this.i18n.t('governance.rules.describePhased', { categories })
      : this.i18n.t('governance.rules.describeShare', { share: this.i18n.formatPercent(num(share)), categories });
  }

  protected shortfall(rule: RuleComplianceDto): string {
    const count = num(rule.shortfall);
    const categories = this.categoryList(rule.categories);
    if (rule.kind === 'ChairFrom') {
      return this.i18n.t('governance.compliance.needsChair', { categories });
    }
    return this.i18n.t(count === 1 ? 'governance.compliance.needsOne' : 'governance.compliance.needsMany', { count, categories });
  }

  /** Known answers are translated; free-text answers (language, neighbourhood) show as people wrote them. */
  protected valueLabel(dimension: string, value: string): string {
    if (value === 'not-reported' || value === 'withheld') {
      return this.i18n.t('governance.diversity.' + value);
    }
    if (dimension === 'ageBand' && AGE_BANDS.includes(value)) {
      return this.i18n.t('governance.ageBands.' + value);
    }
    if (dimension === 'raceEthnicity' && RACE_ETHNICITY.includes(value)) {
      return this.i18n.t('governance.race.' + value);
    }
    return value;
  }

  protected phases(ruleId: string) {
    return this.council().rules.find((r) => r.id === ruleId)?.phases ?? [];
  }

  protected source(ruleId: string): string | null {
    return this.council().rules.find((r) => r.id === ruleId)?.source ?? null;
  }

  protected percent(value: number | string | null | undefined): string {
    return this.i18n.formatPercent(num(value));
  }

  protected day(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected toggleCategory(category: SeatCategory, on: boolean): void {
    if (on) {
      this.ruleCategories.add(category);
    } else {
      this.ruleCategories.delete(category);
    }
  }

  protected openForm(): void {
    this.saving.reset();
    this.message.set('');
    this.ruleKind = 'MinimumShare';
    this.ruleName = '';
    this.ruleCategories = new Set();
    this.rulePercent = 51;
    this.ruleSeats = 1;
    this.ruleSource = '';
    this.formOpen.set(true);
    focusSoon('rule-kind');
  }

  /** Closes the rule form; focus goes to the compliance summary, which shows the rule's effect. */
  protected closeForm(): void {
    this.formOpen.set(false);
    focusSoon('compliance-summary');
  }

  protected async addRule(): Promise<void> {
    const done = await this.saving.run(async () => {
      await this.api.invoke(addCompositionRule, {
        id: this.council().id,
        body: {
          kind: this.ruleKind,
          name: this.ruleName.trim() || null,
          categories: CATEGORIES.filter((c) => this.ruleCategories.has(c)),
          minimumShare: this.ruleKind === 'MinimumShare' && this.rulePercent !== null ? Math.round(this.rulePercent * 100) / 10000 : null,
          minimumSeats: this.ruleKind === 'MinimumSeats' ? this.ruleSeats : null,
          phases: null,
          source: this.ruleSource.trim() || null,
        },
      });
      return true;
    });
    if (done) {
      this.closeForm();
      await this.afterChange('governance.rules.added');
    }
  }

  protected async addTemplate(): Promise<void> {
    this.message.set('');
    const done = await this.acting.run(async () => {
      await this.api.invoke(addCompositionRuleTemplate, { id: this.council().id, template: 'medicaid-advisory-committee' });
      return true;
    });
    if (done) {
      await this.afterChange('governance.rules.templateAdded');
    }
  }

  protected async deleteRule(rule: RuleComplianceDto): Promise<void> {
    this.message.set('');
    const done = await this.acting.run(async () => {
      await this.api.invoke(deleteCompositionRule, { id: this.council().id, ruleId: rule.id });
      return true;
    });
    if (done) {
      await this.afterChange('governance.rules.deleted');
    }
  }

  private async afterChange(message: string): Promise<void> {
    this.message.set(message);
    this.changed.emit();
    await this.load();
  }
}
