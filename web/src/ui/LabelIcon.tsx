import { kebab } from '../graph/elements';
import type { Label } from '../../../server/src/domain/model';

/** The label's shape and colour as on the canvas, for lists and legends (decorative: the text says the label). */
export function LabelIcon({ label }: { label: Label }) {
  return <span className={`label-icon label-${kebab(label)}`} aria-hidden="true" />;
}
