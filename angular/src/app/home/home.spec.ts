import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Home } from './home';

describe('Home', () => {
  let fixture: ComponentFixture<Home>;
  let element: HTMLElement;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [Home],
    }).compileComponents();

    fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    element = fixture.nativeElement as HTMLElement;
  });

  it('states what the product is for', () => {
    expect(element.querySelector('h1')?.textContent).toContain('EngagementPlatform');
    expect(element.querySelector('.purpose')?.textContent).toContain(
      'Run advisory councils and community engagement in one place',
    );
  });

  it('links to the API reference served by the host', () => {
    const link = element.querySelector<HTMLAnchorElement>('a.api-link');
    expect(link?.getAttribute('href')).toBe('/scalar');
    expect(link?.textContent?.trim()).toBe('API reference');
  });
});
