import type { AccessRequestView, DeconflictionHit, Holder } from '../api/deconfliction';
import { ACCESS_REQUEST_STATUSES } from '../store/access-requests';
import { Agency } from './account';
import { builder } from './builder';
import { Node } from './node';

/** Deconfliction (hit, no disclosure) and requests for access between agencies (issue 7). */

const StatusEnum = builder.enumType('AccessRequestStatus', { values: ACCESS_REQUEST_STATUSES });
const DirectionEnum = builder.enumType('AccessRequestDirection', { values: ['INCOMING', 'OUTGOING'] as const, description: 'INCOMING: to the viewer’s agency; OUTGOING: from it.' });

const AccessRequestRef = builder.objectRef<AccessRequestView>('AccessRequest').implement({
  description: 'One agency’s request for another agency’s records around an identifier both hold.',
  fields: (t) => ({
    id: t.exposeID('id'),
    nodeId: t.exposeID('nodeId', { description: 'The identifier both agencies hold.' }),
    node: t.field({ type: Node, nullable: true, description: 'The identifier, as the viewer may see it.', resolve: (r, _, ctx) => ctx.loaders.node.load(r.nodeId) }),
    requester: t.field({ type: Agency, resolve: (r) => r.requesterAgency }),
    holder: t.field({ type: Agency, resolve: (r) => r.holderAgency }),
    requestedBy: t.exposeString('requestedBy', { description: 'The user who asked.' }),
    reason: t.exposeString('reason'),
    requestedAt: t.field({ type: 'DateTime', resolve: (r) => r.requestedAt }),
    status: t.field({ type: StatusEnum, resolve: (r) => r.status }),
    decidedBy: t.string({ nullable: true, resolve: (r) => r.decidedBy || null }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.decidedAt || null }),
    note: t.string({ nullable: true, description: 'Why the holder granted, refused or withdrew.', resolve: (r) => r.note || null }),
    grantedCases: t.idList({ description: 'The holder’s cases the grant opened to the requester’s agency.', resolve: (r) => r.grantedCases }),
  }),
});

const HolderRef = builder.objectRef<Holder>('IdentifierHolder').implement({
  description: 'Another agency that holds the identifier: who it is, and nothing of its data.',
  fields: (t) => ({
    agency: t.field({ type: Agency, resolve: (h) => h.agency }),
    request: t.field({ type: AccessRequestRef, nullable: true, description: 'The viewer’s agency’s latest request to this agency for this identifier.', resolve: (h) => h.request }),
  }),
});

const HitRef = builder.objectRef<DeconflictionHit>('DeconflictionHit').implement({
  description: 'An identifier the viewer can see that other agencies also hold.',
  fields: (t) => ({
    nodeId: t.exposeID('nodeId'),
    holders: t.field({ type: [HolderRef], resolve: (h) => h.holders }),
  }),
});

builder.queryFields((t) => ({
  deconfliction: t.field({
    type: [HitRef],
    description:
      'For each identifier among `nodeIds` the viewer can see (card, phone, account, device, person by national id), the other agencies that also hold it — their names only: none of their links, properties or cases. Identifiers no other agency holds, and ids the viewer cannot see, are left out. At most 500 ids.',
    args: { nodeIds: t.arg.idList({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.deconfliction.hits(ctx.viewer, a.nodeIds.map(String)),
  }),
  accessRequests: t.field({
    type: [AccessRequestRef],
    description: 'Requests for access to the viewer’s agency (INCOMING) or from it (OUTGOING), newest first (at most 500).',
    args: { direction: t.arg({ type: DirectionEnum, required: true }) },
    resolve: (_, a, ctx) => ctx.services.deconfliction.list(ctx.viewer, a.direction),
  }),
}));

builder.mutationFields((t) => ({
  requestAccess: t.field({
    type: AccessRequestRef,
    description:
      'Asks `agency`, which also holds the identifier `nodeId`, for its records around it, saying why (BAD_INPUT without a reason). NOT_FOUND, alike, when the viewer cannot see the node or the agency does not hold it. Asking again while a request is pending or granted answers that request. Audited.',
    args: { nodeId: t.arg.id({ required: true }), agency: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.deconfliction.request(ctx.viewer, { ...a, nodeId: String(a.nodeId) }),
  }),
  decideAccessRequest: t.field({
    type: AccessRequestRef,
    description:
      'Grants or refuses a pending request to the viewer’s agency; only its investigators and task-force leads decide (FORBIDDEN for other roles; NOT_FOUND, alike, for a request to another agency). A grant lets the requester’s agency see the holder’s cases that involve the identifier and the records one link around them, from its next request on. Audited with the note.',
    args: { id: t.arg.id({ required: true }), grant: t.arg.boolean({ required: true }), note: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.deconfliction.decide(ctx.viewer, { ...a, id: String(a.id) }),
  }),
  withdrawAccessGrant: t.field({
    type: AccessRequestRef,
    description:
      'Takes back a grant the viewer’s agency made: from the requester’s next request on, the records it opened are hidden from the requester’s agency again, except those another standing grant to that agency opens. Investigators and task-force leads of the holding agency only (FORBIDDEN for other roles; NOT_FOUND, alike, for a request to another agency; CONFLICT when the request is not granted). The request stays, WITHDRAWN, with who withdrew it, when and the note. Audited with the note.',
    args: { id: t.arg.id({ required: true }), note: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.deconfliction.withdraw(ctx.viewer, { ...a, id: String(a.id) }),
  }),
}));
