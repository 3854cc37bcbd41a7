import { graphql } from '../api/graphql';

/** Task forces (专案组), their members and the cases shared into them, typed from server/schema.graphql. */

const ShareFields = graphql(`
  fragment ShareFields on Share { id caseId hops agency sharedBy sharedAt nodeCount linkCount revokedAt }
`);

const TaskForceFields = graphql(
  `
  fragment TaskForceFields on TaskForce {
    id name purpose lead agency createdAt
    members { kind id addedAt addedBy }
    shares { ...ShareFields }
  }
`,
  [ShareFields],
);

export const TaskForcesQuery = graphql(`
  query TaskForces { taskForces { id name purpose lead agency createdAt members { kind id } } }
`);

export const TaskForceQuery = graphql(
  `
  query TaskForce($id: ID!) { taskForce(id: $id) { ...TaskForceFields } agencies { id name } }
`,
  [TaskForceFields],
);

export const CreateTaskForceMutation = graphql(`
  mutation CreateTaskForce($name: String!, $purpose: String) { createTaskForce(name: $name, purpose: $purpose) { id } }
`);

export const AddMemberMutation = graphql(`
  mutation AddTaskForceMember($taskForceId: ID!, $agency: String, $userId: String) { addTaskForceMember(taskForceId: $taskForceId, agency: $agency, userId: $userId) { id } }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveTaskForceMember($taskForceId: ID!, $agency: String, $userId: String) { removeTaskForceMember(taskForceId: $taskForceId, agency: $agency, userId: $userId) { id } }
`);

export const ShareCaseMutation = graphql(`
  mutation ShareCase($taskForceId: ID!, $caseId: ID!, $hops: Int) { shareCase(taskForceId: $taskForceId, caseId: $caseId, hops: $hops) { id } }
`);

export const RevokeShareMutation = graphql(`
  mutation RevokeShare($shareId: ID!) { revokeShare(shareId: $shareId) { id } }
`);
