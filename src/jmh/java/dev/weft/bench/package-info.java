/**
 * Benchmarks. JMH benchmarks of the CRDT on real editing traces: local replay, merge into an empty
 * replica, loading a structure file, and the codec on a whole document; they reuse the replay code
 * of {@code dev.weft.app.trace}, so they measure what {@code weft trace} reports. Plain mains for
 * the store ({@link dev.weft.bench.StoreBench}) and the sync server: {@link
 * dev.weft.bench.ServerLoadBench} (sessions typing and pasting over TLS WebSockets) and {@link
 * dev.weft.bench.SyncIndexBench} (synclist and pull costs), both against a real server in a child
 * JVM ({@link dev.weft.bench.BenchServer}); {@link dev.weft.bench.JfrTop} summarises a flight
 * recording. docs/benchmarks.md has the commands and the figures.
 *
 * <p>Built only by the {@code jmh} Maven profile into {@code target/weft-benchmarks.jar}; never part
 * of {@code weft.jar} and never run as unit tests.
 */
package dev.weft.bench;
