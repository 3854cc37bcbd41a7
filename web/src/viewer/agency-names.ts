import { graphql } from '../api/graphql';
import { useQuery } from '../api/use-api';

export const AgencyNamesQuery = graphql(`
  query AgencyNames {
    agencies { id name }
  }
`);

/** An agency's name from the profiles the server keeps; its id until they have loaded, or when it has none. */
export function agencyNamer(agencies: readonly { id: string; name: string }[] | undefined): (id: string) => string {
  const names = new Map((agencies ?? []).map((a) => [a.id, a.name]));
  return (id) => names.get(id) ?? id;
}

/** Says agencies by name, as the details of a record show who recorded and who holds it. */
export function useAgencyNames(): (id: string) => string {
  return agencyNamer(useQuery(AgencyNamesQuery, {}).data?.agencies);
}
