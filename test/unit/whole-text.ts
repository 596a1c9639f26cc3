// A text matcher for @testing-library that reads an element's whole text: a message that isolates the page text it
// quotes (a title in a <bdi>) is split over elements, which the default matcher, own text only, does not join.
export function wholeText(text: string) {
  return (_: string, element: Element | null): boolean =>
    element?.textContent === text && ![...element.children].some((child) => child.textContent === text);
}
