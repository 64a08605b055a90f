/**
 * The sync server's storage (docs/architecture.md, server): one MapDB file with transactions holding the
 * documents (name, trash flag, sync time), their atoms with insert and delete times, the op history
 * that makes a pull cost O(changes · log n), the sync index, the devices, pairing codes and the
 * persisted sync clock. {@link dev.weft.store.Store} is the front door; writes are group-committed
 * and returned only once durable; commits are made crash-safe by a redo log under MapDB.
 *
 * <p>Owns the server's files and nothing else: no sockets, no wire format, no name validation (the
 * server validates names with {@code protocol.NoteNames} before it calls the store). MapDB lives
 * only here. It imports the JDK, {@code dev.weft.crdt} and MapDB, never another Weft package.
 */
package dev.weft.store;
