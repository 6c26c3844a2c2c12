/**
 * The `yaml` package's node kinds, made without its constructors, for the quick reader. Each of
 * those constructors defines a non-enumerable property, which is slow and leaves every node in a
 * slow shape: making the nodes cost the quick reader more than reading the text did. These objects
 * have the package's own prototypes (so `instanceof` and methods work) and the identity marks its
 * `isScalar`, `isMap`, `isSeq`, `isPair` and `isAlias` read (registered symbols, shared by every copy
 * of the package by design). The tests hold the reader's trees to the package's, node for node.
 */
import { Alias, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";

type Range = [number, number, number];

const NODE_TYPE = Symbol.for("yaml.node.type");
const SCALAR = Symbol.for("yaml.scalar");
const MAP = Symbol.for("yaml.map");
const SEQ = Symbol.for("yaml.seq");
const PAIR = Symbol.for("yaml.pair");
const ALIAS = Symbol.for("yaml.alias");

class QuickScalar {
  [NODE_TYPE] = SCALAR;
  anchor: string | undefined = undefined;
  constructor(
    public value: unknown,
    public type: Scalar.Type,
    public range: Range,
  ) {}
}

class QuickMap {
  [NODE_TYPE] = MAP;
  items: Pair[] = [];
  anchor: string | undefined = undefined;
  schema = undefined;
  constructor(
    public flow: boolean,
    public range: Range,
  ) {}
}

class QuickSeq {
  [NODE_TYPE] = SEQ;
  items: unknown[] = [];
  anchor: string | undefined = undefined;
  schema = undefined;
  constructor(
    public flow: boolean,
    public range: Range,
  ) {}
}

class QuickPair {
  [NODE_TYPE] = PAIR;
  constructor(
    public key: unknown,
    public value: unknown,
  ) {}
}

class QuickAlias {
  [NODE_TYPE] = ALIAS;
  constructor(
    public source: string,
    public range: Range,
  ) {}
}

Object.setPrototypeOf(QuickScalar.prototype, Scalar.prototype);
Object.setPrototypeOf(QuickMap.prototype, YAMLMap.prototype);
Object.setPrototypeOf(QuickSeq.prototype, YAMLSeq.prototype);
Object.setPrototypeOf(QuickPair.prototype, Pair.prototype);
Object.setPrototypeOf(QuickAlias.prototype, Alias.prototype);

export const scalarNode = (value: unknown, type: Scalar.Type, range: Range): Scalar =>
  new QuickScalar(value, type, range) as unknown as Scalar;

export const mapNode = (flow: boolean, range: Range): YAMLMap =>
  new QuickMap(flow, range) as unknown as YAMLMap;

export const seqNode = (flow: boolean, range: Range): YAMLSeq =>
  new QuickSeq(flow, range) as unknown as YAMLSeq;

export const pairNode = (key: unknown, value: unknown): Pair => new QuickPair(key, value) as unknown as Pair;

export const aliasNode = (source: string, range: Range): Alias =>
  new QuickAlias(source, range) as unknown as Alias;
