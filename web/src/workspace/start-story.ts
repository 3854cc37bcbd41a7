import { storyById, type StoryId } from '../home/stories';
import type { Actions } from './actions';

/** Opens the canvas where a demo story starts (home/stories.ts). */
export async function startStory(id: StoryId, actions: Actions): Promise<void> {
  const start = storyById(id).start;
  switch (start.kind) {
    case 'gang':
      return actions.gang(start.gangId).then(() => undefined);
    case 'money':
      return actions.moneyTrail(start.caseId).then(() => undefined);
    case 'linked':
      if (await actions.open(start.also)) await actions.linkedCases(start.caseId);
      return;
    case 'expand':
      if (await actions.open(start.ids)) await actions.expand(start.ids[0]!);
  }
}
