/** Moves the keyboard focus to an element once Angular has rendered it (a form that just opened, a confirmation). */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus());
}
