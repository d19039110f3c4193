import { Component } from '@angular/core';

@Component({
  selector: 'app-home',
  styleUrl: './home.css',
  templateUrl: './home.html',
})
export class Home {
  protected readonly purpose =
    'Run advisory councils and community engagement in one place: seats, meetings, decisions and votes, ' +
    'member compensation, data-sharing agreements and assessments, for every organisation you serve.';
}
