import { Routes } from '@angular/router';
import { ConfirmEmailPage } from './confirm-email';
import { PublicDecisionPage } from './public-decision';

/** Pages that work signed out: reached from a shared link or a confirmation mail. No guard. */
export const ROUTES: Routes = [
  { path: 'decisions/:token', component: PublicDecisionPage, title: 'shell.titles.publicInput' },
  { path: 'confirm-email', component: ConfirmEmailPage, title: 'shell.titles.confirmEmail' },
];
