/**
 * The sequence CRDT of docs/protocol.md §2: {@link dev.weft.crdt.Pid} position identifiers,
 * {@link dev.weft.crdt.SequenceDoc} (one replica of a document, alive atoms and tombstones in pid
 * order, in an order-statistic B+ tree) and {@link dev.weft.crdt.PidAllocator} (LSEQ-style
 * allocation that keeps concurrent runs of typing apart).
 *
 * <p>Owns the merge rules and nothing else: no files, no bytes on a wire, no threads. It imports
 * the JDK only; every other package may import it.
 */
package dev.weft.crdt;
