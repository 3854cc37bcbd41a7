import { graphql } from '../api/graphql';

/** The signed-in user, asked once when the app opens and after login. */
export const MeQuery = graphql(`
  query Me {
    me { id name role mustChangePassword agency { id name province level } agencies { id } }
  }
`);
