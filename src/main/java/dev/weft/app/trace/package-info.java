/**
 * Editing traces in the public josephg/editing-traces JSON format: reading them, sequential and
 * concurrent, plain or gzip'd, into immutable values ({@link dev.weft.app.trace.EditingTrace}),
 * and replaying them through the CRDT ({@link dev.weft.app.trace.TraceReplayer}, recording the
 * operations in an {@link dev.weft.app.trace.OpLog}), with the replica as a structure file and as
 * a sync message ({@link dev.weft.app.trace.ReplicaFiles}, {@link dev.weft.app.trace.ReplicaMessages}).
 * {@code weft trace} and the JMH benchmarks share this code, so they measure the same thing.
 *
 * <p>It may import {@code crdt} and {@code protocol} (to write and read what a device stores and
 * sends); it must not import the server, the store, the client, the vault or the UI. It uses
 * Jackson's streaming parser (jackson-core), never databind. Timing and reporting belong to
 * {@code dev.weft.app}.
 */
package dev.weft.app.trace;
