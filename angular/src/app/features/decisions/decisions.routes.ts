import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { DecisionCreate } from './decision-create';
import { DecisionList } from './decision-list';
import { DecisionPage } from './decision-page';
import { MyInfluence } from './my-influence';

export const ROUTES: Routes = [
  { path: '', component: DecisionList, canActivate: [permissionGuard('Governance.Decisions')] },
  { path: 'new', component: DecisionCreate, canActivate: [permissionGuard('Governance.Decisions.Manage')] },
  { path: 'my-influence', component: MyInfluence, canActivate: [permissionGuard('Governance.Decisions.Participate')] },
  { path: ':id', component: DecisionPage, canActivate: [permissionGuard('Governance.Decisions')] },
];
