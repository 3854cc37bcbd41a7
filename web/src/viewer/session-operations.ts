import { graphql } from '../api/graphql';

/** The signed-in user, asked once when the app opens and after login. */
export const MeQuery = graphql(`
  query Me {
    me { id name role mustChangePassword agency { id name province level } agencies { id } oversees { id name } }
  }
`);

/** One masked value unmasked, with the reason the user gave (audited by the server). */
export const RevealMutation = graphql(`
  mutation Reveal($nodeId: ID!, $property: String!, $reason: String!) {
    reveal(nodeId: $nodeId, property: $property, reason: $reason) { nodeId property value }
  }
`);
