/**
 * Compact descriptors of Kubernetes' protobuf messages, keyed `group/version.Message` (`meta/v1.`
 * for apimachinery's meta/v1). Field numbers and types come from k8s.io/api's generated.proto; JSON
 * names and Go's marshalling hints come from the Go struct tags in types.go, because the JSON an
 * object becomes is what Go's encoding/json makes of the decoded struct.
 *
 * A field is `[number, jsonName, type, flags?]`. `type` is a proto scalar (string, bytes, bool,
 * int32, int64, uint32, uint64, double, float, fixed32, fixed64), another message's key, or one of
 * the specially encoded types: Time, MicroTime, Duration, FieldsV1, Quantity, IntOrString,
 * RawExtension. Flags:
 *   r  repeated (a Go slice)
 *   m  map<string, type> (a Go map)
 *   p  a Go pointer: absent on the wire means nil, present means set, even to zero (replicas: 0)
 *   o  json omitempty   z  json omitzero   i  json inline (fields merge into the parent object)
 * A message that is a Go named slice (`type ExtraValue []string`) is `list:<item type>`.
 *
 * Every field of every message reachable from the supported kinds is listed, so no field is skipped.
 */
export type FieldDesc = readonly [num: number, json: string, type: string, flags?: string];
export type MessageDesc = readonly FieldDesc[] | `list:${string}`;
export type Schema = Readonly<Record<string, MessageDesc>>;
