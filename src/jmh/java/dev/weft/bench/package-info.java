/**
 * JMH benchmarks of the CRDT on real editing traces: local replay, merge into an empty replica,
 * loading a structure file, and the codec on a whole document. They reuse the replay code of
 * {@code dev.weft.app.trace}, so they measure what {@code weft trace} reports.
 *
 * <p>Built only by the {@code jmh} Maven profile into {@code target/weft-benchmarks.jar}; never part
 * of {@code weft.jar} and never run as unit tests.
 */
package dev.weft.bench;
