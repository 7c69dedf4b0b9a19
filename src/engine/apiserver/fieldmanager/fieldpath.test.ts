import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FieldSet } from './fieldpath';
const pe = fc.constantFrom('f:a', 'f:b', 'k:{"name":"x"}', 'f:c', 'i:1');
const paths = fc.array(fc.array(pe, { minLength: 1, maxLength: 4 }), { maxLength: 12 });
const key = (s: FieldSet) => JSON.stringify(s.paths());
describe('field set operations', () => {
  it('agree with their definitions over member paths, and leave no empty nodes behind', () => {
    fc.assert(
      fc.property(paths, paths, (a, b) => {
        const A = FieldSet.of(a),
          B = FieldSet.of(b);
        const pa = A.paths(),
          pb = B.paths();
        expect(key(A.union(B))).toBe(key(FieldSet.of([...pa, ...pb])));
        expect(key(A.difference(B))).toBe(key(FieldSet.of(pa.filter((p) => !B.has(p)))));
        expect(key(A.intersection(B))).toBe(key(FieldSet.of(pa.filter((p) => B.has(p)))));
        expect(key(A.withoutSubtrees(B))).toBe(key(FieldSet.of(pa.filter((p) => !p.some((_, i) => B.has(p.slice(0, i + 1)))))));
        for (const s of [A.union(B), A.difference(B), A.intersection(B), A.withoutSubtrees(B)]) {
          expect(s.isEmpty()).toBe(s.paths().length === 0);
          expect(JSON.stringify(s.toFieldsV1())).toBe(JSON.stringify(FieldSet.of(s.paths()).toFieldsV1()));
        }
        expect(key(A)).toBe(JSON.stringify(pa));
      // What changes nothing gives back the very same set (so its FieldsV1 is written back as it was).
      expect(A.union(A.intersection(B))).toBe(A);
      expect(A.difference(FieldSet.of(pb.filter((p) => !A.touches(p.slice(0, 1)))))).toBe(A);
      }),
      { numRuns: 1000 },
    );
  });
});
