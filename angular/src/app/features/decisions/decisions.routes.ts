import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { DecisionCreate } from './decision-create';
import { DecisionList } from './decision-list';
import { DecisionPage } from './decision-page';
import { MyInfluence } from './my-influence';
import { Permission } from '../../shared/permissions';

export const ROUTES: Routes = [
  { path: '', component: DecisionList, canActivate: [permissionGuard(Permission.GovernanceDecisions)] },
  { path: 'new', component: DecisionCreate, canActivate: [permissionGuard(Permission.GovernanceDecisionsManage)] },
  { path: 'my-influence', component: MyInfluence, canActivate: [permissionGuard(Permission.GovernanceDecisionsParticipate)] },
  { path: ':id', component: DecisionPage, canActivate: [permissionGuard(Permission.GovernanceDecisions)] },
];
