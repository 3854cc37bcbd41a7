/** Case bundle v1 records (shared/case-bundle.schema.json), as the generator yields them. */
import type { GangLayer, Label, LinkType, SourceType } from '../../server/src/domain/model';

export interface MetaRecord {
  kind: 'meta';
  version: 1;
  agency: string;
  agencyName?: string;
  exportedAt?: string;
  description?: string;
}

export interface SourceRecord {
  kind: 'source';
  id: string;
  type: SourceType;
  reference: string;
  sha256?: string;
  collectedAt?: string;
  collectedBy?: string;
  owner?: string;
}

export type Props = Record<string, string | number | boolean | string[]>;

export interface NodeRecord {
  kind: 'node';
  label: Label;
  id: string;
  owner?: string;
  props?: Props;
}

export interface LinkRecord {
  kind: 'link';
  type: LinkType;
  from: string;
  to: string;
  key?: string;
  owner?: string;
  sources?: string[];
  props?: Props & { layer?: GangLayer };
}

export type BundleRecord = MetaRecord | SourceRecord | NodeRecord | LinkRecord;

export type Scale = 'demo' | 'city' | 'national';
