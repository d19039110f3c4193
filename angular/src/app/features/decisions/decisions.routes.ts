import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { DecisionCreate } from './decision-create';
import { DecisionList } from './decision-list';
import { DecisionPage } from './decision-page';
import { MyInfluence } from './my-influence';
import { Permission } from '../../shared/permissions';

export const ROUTES: Routes = [
  { path: '', component: DecisionList, canActivate: [permissionGuard(Permission.GovernanceDecisions)], title: 'shell.titles.decisions' },
  { path: 'new', component: DecisionCreate, canActivate: [permissionGuard(Permission.GovernanceDecisionsManage)], title: 'shell.titles.newDecision' },
  { path: 'my-influence', component: MyInfluence, canActivate: [permissionGuard(Permission.GovernanceDecisionsParticipate)], title: 'shell.titles.myInfluence' },
  { path: ':id', component: DecisionPage, canActivate: [permissionGuard(Permission.GovernanceDecisions)], title: 'shell.titles.decision' },
];
