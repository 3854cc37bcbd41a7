// A member (an agency or a user) of a task force; `created` tells a new one from a repeat.
OPTIONAL MATCH (old:TaskForceMember {id: $id})
WITH old IS NULL AS created
MERGE (m:TaskForceMember {id: $id})
ON CREATE SET m.taskForceId = $taskForceId, m.kind = $kind, m.member = $member, m.addedAt = $addedAt, m.addedBy = $addedBy
RETURN created
