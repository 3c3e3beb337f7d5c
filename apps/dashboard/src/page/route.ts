/** What the page shows, from the address's fragment: #/area/4001, #/ranking, #/case/{householdId}. */
export type Route = { readonly view: 'area'; readonly code: string } | { readonly view: 'ranking' } | { readonly view: 'case'; readonly householdId: string };

const areaCode = /^(\d{2}|\d{4}|\d{6}|\d{8}|unplaced)$/;

export function routeOf(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const argument = decodeURIComponent(rest.join('/'));
  if (view === 'ranking') return { view: 'ranking' };
  if (view === 'case' && argument !== '') return { view: 'case', householdId: argument };
  if (view === 'area' && areaCode.test(argument)) return { view: 'area', code: argument };
  return { view: 'area', code: '40' };
}

export function hashOf(route: Route): string {
  switch (route.view) {
    case 'area':
      return `#/area/${route.code}`;
    case 'ranking':
      return '#/ranking';
    case 'case':
      return `#/case/${encodeURIComponent(route.householdId)}`;
  }
}
