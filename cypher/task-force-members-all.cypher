// Every membership of every task force: the embedded store keeps them in memory (cypher-task-forces.ts).
MATCH (m:TaskForceMember)
RETURN m.taskForceId AS taskForceId, m.kind AS kind, m.member AS member, m.addedAt AS addedAt, m.addedBy AS addedBy
